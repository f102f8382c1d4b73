# docs/vox-pron.1, EXAMPLES: normalize a pronunciation file.
# The man page's command, run as a user would: the tools on PATH (under
# $VALGRIND if set), in a scratch folder with samples/ linked in.
mkdir "$T/bin" && ln -s "$(cd ../.. && pwd)/samples" "$T/samples" || exit
for t in "$TOOLDIR"/vox-*; do
	printf '#!/bin/sh\nexec %s "%s" "$@"\n' "$VALGRIND" "$t" >"$T/bin/${t##*/}"
done
chmod +x "$T/bin"/* && PATH=$T/bin:$PATH && cd "$T" || exit
vox-pron -o pronunciation.txt samples/raw/pronunciation.txt
rc=$?
cat pronunciation.txt
exit $rc
