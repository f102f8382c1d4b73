# docs/vox-md.1, EXAMPLES: a display-format file's rules on lexical text.
mkdir "$T/bin" && ln -s "$(cd ../.. && pwd)/samples" "$T/samples" || exit
for t in "$TOOLDIR"/vox-*; do
	printf '#!/bin/sh\nexec %s "%s" "$@"\n' "$VALGRIND" "$t" >"$T/bin/${t##*/}"
done
chmod +x "$T/bin"/* && PATH=$T/bin:$PATH && cd "$T" || exit
echo track order l m one two three four | vox-md --apply samples/clean/display-format.md
