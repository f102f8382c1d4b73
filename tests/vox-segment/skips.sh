# A cue that cannot be a good clip is skipped with a finding at its
# line, never cut inside speech: two speakers with no pause between
# them (SEG-NOQUIET), a sentence longer than --max-seconds (SEG-LONG),
# a caption over a pause (SEG-SILENT) and one after the end of the
# recording (SEG-PAST).  Sound descriptions are counted, not clips.
. ./data/fixture.sh
cd "$T" || exit
recording talk "0.6 0.01 1.0 3.0 0.8" "Good morning." "How can I help?" \
    "Every return needs a receipt or an order number." \
    "Thank you."
{
	echo WEBVTT
	echo
	awk 'NR <= 2 { printf "%s --> %s\n<v %s>%s\n\n", $1, $2,
	    NR == 1 ? "Ann" : "Bob", $3 " " $4 " " $5 " " $6 }
	    NR > 2 { t = $0; sub(/^[^ ]+ [^ ]+ /, "", t);
	    printf "%s --> %s\n%s\n\n", $1, $2, t }' talk.times |
	    sed 's/  *$//'
	awk 'NR == 3 { printf "%.3f --> %.3f\n(door slams)\n\n", $2 + 0.5,
	    $2 + 1 }
	    NR == 3 { printf "%.3f --> %.3f\nNothing said here.\n\n",
	    $2 + 1.2, $2 + 2 }' talk.times
	echo '00:01:00.000 --> 00:01:02.000'
	echo 'After the end.'
} | awk '/-->/ { for (i = 1; i <= 3; i += 2) { s = $i; if (s !~ /:/)
    $i = sprintf("00:%02d:%06.3f", int(s / 60), s - 60 * int(s / 60)) } }
    { print }' >talk.vtt
cat talk.vtt
$VALGRIND "$TOOLDIR/vox-segment" --max-seconds 2 -o out talk.wav talk.vtt
echo "rc $?"
cat out/trans.txt
quiet_ends out
