# docs/vox-segment.1, EXAMPLES: cut a recording by its captions, then
# check the clips as the service will.
# The man page's commands, run as a user would: the tools on PATH (under
# $VALGRIND if set), in a scratch folder with samples/ linked in.
mkdir "$T/bin" && ln -s "$(cd ../.. && pwd)/samples" "$T/samples" || exit
for t in "$TOOLDIR"/vox-*; do
	printf '#!/bin/sh\nexec %s "%s" "$@"\n' "$VALGRIND" "$t" >"$T/bin/${t##*/}"
done
chmod +x "$T/bin"/* && PATH=$T/bin:$PATH && cd "$T" || exit
vox-segment -o clips samples/captions/shop.flac samples/captions/shop.srt
vox-lint clips
cat clips/trans.txt
