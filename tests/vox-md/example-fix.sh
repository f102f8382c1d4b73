# docs/vox-md.1, EXAMPLES: repair the layout of a file typed by hand.
# The man page's command, run as a user would: the tools on PATH (under
# $VALGRIND if set), in a scratch folder with samples/ and tests/ linked.
mkdir "$T/bin" && ln -s "$(cd ../.. && pwd)/samples" "$T/samples" &&
    ln -s "$(cd ../.. && pwd)/tests" "$T/tests" || exit
for t in "$TOOLDIR"/vox-*; do
	printf '#!/bin/sh\nexec %s "%s" "$@"\n' "$VALGRIND" "$t" >"$T/bin/${t##*/}"
done
chmod +x "$T/bin"/* && PATH=$T/bin:$PATH && cd "$T" || exit
vox-md --fix -o lists.md tests/vox-md/data/fix.md
rc=$?
cat lists.md
exit $rc
