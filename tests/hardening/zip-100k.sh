# A zip of 100,000 (empty) members: one PKG-ZIP-COUNT finding, every
# member listed and judged, in bounded time and memory.
. data/common.sh
python3 -c '
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w") as z:
    for i in range(100000):
        z.writestr("clip%06d.wav" % i, b"")
' "$T/many.zip"
rss timeout 60 "$TOOLDIR/vox-lint" -q "$T/many.zip" 2>"$T/err"
echo "exit $?"
rss_under 200
grep -v 'AUDIO-READ\]$' "$T/err"
grep -c 'the file is empty; it holds no audio \[AUDIO-READ\]$' "$T/err"
