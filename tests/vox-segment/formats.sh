# The same timings in every format give the same clips.  Five sentences
# with known pauses (the longest, 3 s, splits the clips), captions late
# and early by up to 0.3 s.  Every clip begins and ends in quiet, the
# transcript holds the captions' words in order, and vox-lint finds no
# error in the result.
. ./data/fixture.sh
cd "$T" || exit
recording talk "1.0 0.8 1.5 3.0 0.6 1.2" \
    "Welcome to the returns training." \
    "Every return needs a receipt or an order number." \
    "Refunds go back to the card that paid." \
    "Store credit never expires." \
    "Thank you for listening."
for f in srt vtt textgrid eaf labels; do
	captions $f "0.25 -0.2 0.1 -0.3" <talk.times >talk.$f
done
captions kaldi "0.25 -0.2 0.1 -0.3" kaldi talk <talk.times
$VALGRIND "$TOOLDIR/vox-segment" -o srt talk.wav talk.srt
echo "rc $?"
cat srt/trans.txt
for f in vtt textgrid eaf labels kaldi; do
	in=talk.$f
	[ $f = kaldi ] && in=kaldi
	$VALGRIND "$TOOLDIR/vox-segment" -q -o out.$f talk.wav $in
	echo "$f: rc $?"
	if diff -r srt out.$f >/dev/null; then
		echo "$f: the same clips"
	else
		echo "$f: other clips"
	fi
done
quiet_ends srt
"$TOOLDIR/vox-audio" -q --stats srt/*.wav |
    awk -F '\t' 'NR > 1 { print ($8 % 160 == 0 ? "10 ms grid" : $8) }'
cut -f 2 srt/trans.txt >said
cut -d ' ' -f 3- talk.times >captioned
words said >w1
words captioned >w2
cmp -s w1 w2 && echo "the captions' words, in order"
"$TOOLDIR/vox-lint" -q -k acoustic srt
echo "vox-lint: rc $?"
