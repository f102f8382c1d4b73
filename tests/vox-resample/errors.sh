# A bad file among good ones is reported in order; the rest are written
# and the exit status is the worst seen.
$VALGRIND "$TOOLDIR/vox-resample" -j 2 -o "$T" data/tone8k.wav \
    data/notaudio.wav data/nonexistent.wav data/ok16k.wav
echo "exit $?"
ls -A "$T"
