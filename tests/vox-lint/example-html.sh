# docs/vox-lint.1, EXAMPLES: what an acoustic dataset holds, as a page.
# The man page's command, run as a user would: the tools on PATH (under
# $VALGRIND if set), in a scratch folder with samples/ linked in.
mkdir "$T/bin" && ln -s "$(cd ../.. && pwd)/samples" "$T/samples" || exit
for t in "$TOOLDIR"/vox-*; do
	printf '#!/bin/sh\nexec %s "%s" "$@"\n' "$VALGRIND" "$t" >"$T/bin/${t##*/}"
done
chmod +x "$T/bin"/* && PATH=$T/bin:$PATH && cd "$T" || exit
vox-lint --scan --report lint.html samples/clean/acoustic
xmllint --noout lint.html && echo "lint.html is well-formed"
grep -o '<p class="verdict[^>]*>[^<]*' lint.html | sed 's/.*>//'
grep -o 'id="n-files">[0-9]*' lint.html
