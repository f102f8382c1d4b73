# An output that would be an input is refused before any work: exit 2,
# and the input is untouched.
cp data/ok16k.wav data/tone44.flac "$T/"
$VALGRIND "$TOOLDIR/vox-resample" -o "$T" "$T/tone44.flac" "$T/ok16k.wav"
echo "exit $?"
cmp data/ok16k.wav "$T/ok16k.wav" && echo input untouched
# So is standard output redirected onto the input.
$VALGRIND "$TOOLDIR/vox-resample" "$T/ok16k.wav" >>"$T/ok16k.wav"
echo "exit $?"
cmp data/ok16k.wav "$T/ok16k.wav" && echo input untouched
ls -A "$T"
