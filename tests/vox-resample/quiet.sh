# -q drops the summary and notes, not errors.
$VALGRIND "$TOOLDIR/vox-resample" -q -o "$T" data/loud.wav data/notaudio.wav
echo "exit $?"
