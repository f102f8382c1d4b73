# Two recordings that would become one WAV (a.wav, a.flac) or two names
# that differ only in case (C.WAV, c.wav): which one wins must not depend
# on -j, so neither is used, both are named in an error and the kind is
# not packed.  The same result with 1 and 2 jobs.
mkdir "$T/raw"
sox -R -n -r 16000 -c 1 -b 16 "$T/raw/a.wav" synth 1.5 sine 440 vol 0.3
sox -R -n -r 44100 -c 1 "$T/raw/a.flac" synth 1.5 sine 550 vol 0.3
sox -R -n -r 16000 -c 1 -b 16 "$T/raw/C.WAV" synth 1.5 sine 660 vol 0.3
sox -R -n -r 16000 -c 1 -b 16 "$T/raw/c.wav" synth 1.5 sine 770 vol 0.3
sox -R -n -r 16000 -c 1 -b 16 "$T/raw/d.wav" synth 1.5 sine 880 vol 0.3
printf 'a.wav\tOne.\nc.wav\tTwo.\nd.wav\tThree.\n' >"$T/raw/trans.txt"
for j in 1 2; do
	$VALGRIND "$TOOLDIR/vox-prepare" -j $j "$T/raw" "$T/out" >"$T/sum" \
	    2>"$T/err"
	echo "rc $?"
	sed "s|$T/||g" "$T/sum" "$T/err"
done
ls "$T/out"
