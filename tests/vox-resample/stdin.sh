# "-" and no operand read standard input; the WAV goes to standard output.
$VALGRIND "$TOOLDIR/vox-resample" - <data/tone44.flac >"$T/a.wav" || exit
sh data/wavinfo.sh "$T/a.wav"
$VALGRIND "$TOOLDIR/vox-resample" -r 8000 <data/tone48.ogg >"$T/b.wav" || exit
sh data/wavinfo.sh "$T/b.wav"
# A pipe cannot seek back: the header is right all the same.
$VALGRIND "$TOOLDIR/vox-resample" -q <data/tone8k.wav | cat >"$T/c.wav" || exit
sh data/wavinfo.sh "$T/c.wav"
# libsndfile only estimates the length of an MP3: a pipe still gets the
# exact length, the same as a file.
$VALGRIND "$TOOLDIR/vox-resample" -q - <data/tone22.mp3 | cat >"$T/d.wav" ||
    exit
sh data/wavinfo.sh "$T/d.wav" header
