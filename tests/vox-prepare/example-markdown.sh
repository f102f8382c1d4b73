# docs/vox-prepare.1, EXAMPLES: the markdown typed by hand.
# The man page's command, run as a user would: the tools on PATH (under
# $VALGRIND if set), in a scratch folder with samples/ linked in.
mkdir "$T/bin" && ln -s "$(cd ../.. && pwd)/samples" "$T/samples" || exit
for t in "$TOOLDIR"/vox-*; do
	printf '#!/bin/sh\nexec %s "%s" "$@"\n' "$VALGRIND" "$t" >"$T/bin/${t##*/}"
done
chmod +x "$T/bin"/* && PATH=$T/bin:$PATH && cd "$T" || exit
vox-prepare samples/markdown out
rc=$?
ls out
exit $rc
