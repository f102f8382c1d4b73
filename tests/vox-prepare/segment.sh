# A recording with labels of the same name (SubRip talk.srt, Audacity
# labels note.txt) is cut into clips by vox-segment, their lines joined
# to the raw transcript's; the labels are used, a label file of no
# recording is not, and SEG-* findings keep the label file's lines.  A
# recording whose clip names another recording has is not cut.  With
# no trans.txt, the clips' lines are the transcript.
. ../vox-segment/data/fixture.sh
cd "$T" || exit
mkdir raw
(
	cd raw || exit
	recording talk "0.5 0.8 2.5 0.6 0.5" "Good morning." \
	    "How can I help you today?" "I would like to book a table." \
	    "For two people, please."
	captions srt "0.1 -0.1" <talk.times >talk.srt
	sox talk.wav talk.flac
	recording note "0.4 3 0.5" "The meeting starts at noon." \
	    "Please bring the report."
	captions labels "0 0.05" <note.times >note.txt
	printf '9.000\t8.500\tGone.\n' >>note.txt
	rm talk.wav talk.times note.times
	sox -n -r 16000 -c 1 -b 16 tone.wav synth 1.5 sine 300 vol 0.3
	printf 'tone.wav\tA short tone.\n' >trans.txt
	printf 'WEBVTT\n\n00:01.000 --> 00:02.000\nNobody.\n' >lost.vtt
)
run() {
	$VALGRIND "$TOOLDIR/vox-prepare" "${2:-raw}" "$1" >out.txt 2>&1
	echo "rc $?" >>out.txt
	sed 's/sha256 .*/sha256 .../' out.txt
}
run out
unzip -Z1 out/acoustic.zip
unzip -p out/acoustic.zip trans.txt
mkdir x
(cd x && unzip -q ../out/acoustic.zip && rm tone.wav && quiet_ends .)
"$TOOLDIR/vox-lint" out/acoustic.zip 2>&1
echo "lint rc $?"
sox -n -r 16000 -c 1 -b 16 raw/talk-0001.wav synth 1 sine 300 vol 0.3
run out2
ls out2
mkdir raw3
cp raw/note.wav raw/note.txt raw3
run out3 raw3
unzip -p out3/acoustic.zip trans.txt
