# A write error on standard output (the summary) is a system error.
. ./data/fixture.sh
cd "$T" || exit
recording talk "0.5 0.5" "Good morning."
captions srt 0 <talk.times >talk.srt
$VALGRIND "$TOOLDIR/vox-segment" -o out talk.wav talk.srt >/dev/full
echo "rc $?"
