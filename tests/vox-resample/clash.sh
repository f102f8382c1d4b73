# Two inputs with one output name: refused before any work, exit 2.
mkdir "$T/out"
$VALGRIND "$TOOLDIR/vox-resample" -o "$T/out" data/tone44.flac \
    data/tone8k.wav data/ok16k.wav ../vox-resample/data/tone8k.wav
echo "exit $?"
ls -A "$T/out"
