# The default is the mean of the channels; -c N takes channel N alone
# (three.wav: 500 Hz, 1 kHz and 2 kHz in channels 1 to 3).
for c in 1 2 3; do
	$VALGRIND "$TOOLDIR/vox-resample" -q -c $c data/three.wav \
	    >"$T/c$c.wav" || exit
	sh data/wavinfo.sh "$T/c$c.wav"
done
$VALGRIND "$TOOLDIR/vox-resample" --channel=4 data/three.wav >"$T/c4.wav"
