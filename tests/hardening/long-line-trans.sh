# A transcript line of 64 MiB without a newline: a TRANS-LONG finding
# (over 1 MiB), not checked further, so time and memory stay bounded;
# --fix keeps the line as it is, and its clip still pairs.
. data/common.sh
{ printf 'a.wav\t'; head -c 67108864 /dev/zero | tr '\0' a; } >"$T/trans.txt"
rss timeout 60 "$TOOLDIR/vox-trans" -W warning "$T/trans.txt"
echo "exit $?"
rss_under 200
rss timeout 60 "$TOOLDIR/vox-trans" --fix -o "$T/fixed.txt" "$T/trans.txt"
echo "exit $?"
rss_under 200
cmp "$T/trans.txt" "$T/fixed.txt" && echo "line kept"
# With its dataset: the long line still names its clip.
mkdir "$T/set"
mv "$T/trans.txt" "$T/set/"
mkwav "$T/set/a.wav" 16000 1 16000
timeout 60 "$TOOLDIR/vox-trans" "$T/set"
echo "exit $?"
