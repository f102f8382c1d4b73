# in a pipe.
cat data/tone48.ogg | $VALGRIND "$TOOLDIR/vox-resample" >"$T/a.wav" || exit
sh data/wavinfo.sh "$T/a.wav"
