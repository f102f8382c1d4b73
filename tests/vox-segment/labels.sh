# What is wrong with a label file is a finding at its line, and the
# recording gives no clips (or fewer): SEG-EMPTY, SEG-ENC, SEG-FORMAT,
# SEG-PARSE, SEG-TIER, SEG-TIME and SEG-OVERLAP from the parsers.  The
# recording of a label file that cannot be read is not read either.
# Cues that overlap (here a second language's) are skipped, both.
. ./data/fixture.sh
cd "$T" || exit
recording talk "0.5 0.5 0.5" "Good morning." "How can I help?"
run() {
	$VALGRIND "$TOOLDIR/vox-segment" -o out "$@" 2>&1
	echo "rc $?"
}
printf 'WEBVTT\n\nNOTE nothing but notes\n' >empty.vtt
run talk.wav empty.vtt
printf '1\n00:00:00,500 --> 00:00:01,200\nGr\374\337e\n' >latin1.srt
run talk.wav latin1.srt
echo 'not a caption file' >notes.txt
run talk.wav notes.txt
printf '1\n00:00:00,500 -> 00:00:01,200\nGood morning.\n' >arrow.srt
run talk.wav arrow.srt
captions textgrid 0 <talk.times | sed 's/^size = 1/size = 2/' >two.TextGrid
sed -n '/item \[1\]:/,$p' two.TextGrid | sed 's/item \[1\]/item [2]/;
    s/"speech"/"other"/' >>two.TextGrid
run talk.wav two.TextGrid
run --tier speech talk.wav two.TextGrid
cat out/trans.txt
printf '0.5\t0.4\tGood morning.\n1.9\t2.8\tHow can I help?\n' >back.txt
run talk.wav back.txt
cat out/trans.txt
{
	captions srt 0 <talk.times
	awk 'NR == 1 { printf "3\n00:00:00,600 --> 00:00:01,500\n"
	    printf "Buenos dias.\n" }' talk.times
} >overlap.srt
run talk.wav overlap.srt
cat out/trans.txt
