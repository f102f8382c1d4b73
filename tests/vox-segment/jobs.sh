# -j: recordings cut at once, results in the order of the operands, the
# same files as one at a time.  One trans.txt holds every recording's
# clips.  -r 8000: clips at 8 kHz, of half as many samples (each length
# is rounded from the recording's samples, so an odd one differs by 1).
. ./data/fixture.sh
cd "$T" || exit
recording one "0.5 0.7 0.5" "Good morning." "How can I help?"
recording two "0.6 0.5" "Please hold for the next agent."
recording three "0.4 0.9 0.5" "Where is my order?" "It left today."
for r in one two three; do
	captions labels "0.1 -0.1" <$r.times >$r.txt
done
set -- one.wav one.txt two.wav two.txt three.wav three.txt
$VALGRIND "$TOOLDIR/vox-segment" -j 3 -o par "$@"
echo "rc $?"
"$TOOLDIR/vox-segment" -q -j 1 -o seq "$@"
diff -r par seq && echo "-j 3 and -j 1: the same files"
cat par/trans.txt
$VALGRIND "$TOOLDIR/vox-segment" -q -r 8000 -o nb "$@"
"$TOOLDIR/vox-audio" -q --stats par/*.wav | cut -f 1,6,8 >wb
"$TOOLDIR/vox-audio" -q --stats nb/*.wav | cut -f 1,6,8 >nb.tsv
paste wb nb.tsv | awk -F '\t' 'NR > 1 { print $1, $2, $3, $5, $6,
    ($3 - 2 * $6 <= 1 && 2 * $6 - $3 <= 1 ? "half" : "not half") }'
