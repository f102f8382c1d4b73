# docs/vox-segment.1, EXAMPLES: captions 2 s late, moved by the estimate
# before cutting; the clips are those of the captions in time.
mkdir "$T/bin" && ln -s "$(cd ../.. && pwd)/samples" "$T/samples" || exit
for t in "$TOOLDIR"/vox-*; do
	printf '#!/bin/sh\nexec %s "%s" "$@"\n' "$VALGRIND" "$t" >"$T/bin/${t##*/}"
done
chmod +x "$T/bin"/* && PATH=$T/bin:$PATH && cd "$T" || exit
vox-segment --sync -o clips samples/captions/shop.flac samples/captions/shop-late.srt
vox-segment -q -o good samples/captions/shop.flac samples/captions/shop.srt
diff -r good clips && echo "the clips of the captions in time"
