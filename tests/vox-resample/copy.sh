# A file already in the target format is copied byte for byte; --force
# converts it anyway, which leaves 16-bit samples as they were.
$VALGRIND "$TOOLDIR/vox-resample" -o "$T" data/ok16k.wav || exit
cmp data/ok16k.wav "$T/ok16k.wav" && echo copied
$VALGRIND "$TOOLDIR/vox-resample" -f data/ok16k.wav >"$T/forced.wav" || exit
cmp data/ok16k.wav "$T/forced.wav" && echo forced, same samples
# At 8 kHz it is not in the target format.
$VALGRIND "$TOOLDIR/vox-resample" -r 8000 data/ok16k.wav >"$T/8k.wav" || exit
sh data/wavinfo.sh "$T/8k.wav"
