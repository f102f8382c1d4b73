# -r 8000: 0.25 s at 44.1 kHz is 2000 frames at 8 kHz; -Q each quality.
for q in best medium fast; do
	$VALGRIND "$TOOLDIR/vox-resample" -q -r 8000 -Q $q -o "$T" \
	    data/tone44.flac || exit
	sh data/wavinfo.sh "$T/tone44.wav"
done
