# the left channel only, at 8 kHz.
$VALGRIND "$TOOLDIR/vox-resample" -c 1 -r 8000 data/tone44.flac \
    >"$T/call-8k.wav" || exit
sh data/wavinfo.sh "$T/call-8k.wav"
