# docs/vox-wer.1, EXAMPLES: two models' display output by token error rate.
# The man page's command, run as a user would: the tools on PATH (under
# $VALGRIND if set), in a scratch folder with samples/ and tests/ linked in.
mkdir "$T/bin" && ln -s "$(cd ../.. && pwd)/samples" "$T/samples" &&
    ln -s "$(cd ../.. && pwd)/tests" "$T/tests" || exit
for t in "$TOOLDIR"/vox-*; do
	printf '#!/bin/sh\nexec %s "%s" "$@"\n' "$VALGRIND" "$t" >"$T/bin/${t##*/}"
done
chmod +x "$T/bin"/* && PATH=$T/bin:$PATH && cd "$T" || exit
vox-wer --ter tests/vox-wer/data/ter-ref.txt tests/vox-wer/data/ter-a.txt tests/vox-wer/data/ter-b.kaldi
