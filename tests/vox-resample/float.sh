# 16 kHz mono float: the rate stays, the samples become 16-bit.
$VALGRIND "$TOOLDIR/vox-resample" -o "$T" data/float16k.wav || exit
sh data/wavinfo.sh "$T/float16k.wav"
