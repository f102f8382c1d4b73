# What would lose data is refused before any work: a recording on
# standard input (it is read twice), two recordings whose clips would
# have the same names, an input in the output folder (which is
# replaced) or overwritten by the report, an output folder holding
# files vox-segment does not write, one that is not a folder.  The
# earlier output of vox-segment itself is replaced whole.
. ./data/fixture.sh
cd "$T" || exit
recording talk "0.5 0.5" "Good morning."
captions srt 0 <talk.times >talk.srt
mkdir a b
cp talk.wav a/
cp talk.wav b/talk.flac
seg() {
	$VALGRIND "$TOOLDIR/vox-segment" -q "$@" 2>&1
	echo "rc $?"
}
seg -o out a/talk.wav talk.srt b/talk.flac talk.srt
seg -o a a/talk.wav talk.srt
seg --report talk.srt -o out talk.wav talk.srt
seg -o out - talk.srt <talk.wav
mkdir out
echo keep >out/notes.txt
seg -o out talk.wav talk.srt
ls out
rm out/notes.txt
seg -o out talk.wav talk.srt
ls out
echo 'talk-0001.wav	old words' >out/trans.txt
: >out/talk-0002.wav
seg -o out/ talk.wav talk.srt
ls out
cat out/trans.txt
ls | grep -c 'vox-segment'
: >file
seg -o file talk.wav talk.srt
