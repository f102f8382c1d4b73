# SIGINT in the middle of a run: the process dies by the signal and
# leaves no temporary file and no partial output (files finished before
# the signal are whole).  Forty links to 60 s of stereo noise keep even
# the soxr build busy for a while.
sox -R -n -r 44100 -c 2 -b 16 "$T/noise.wav" synth 60 \
    whitenoise gain -6 2>/dev/null
mkdir "$T/in" "$T/out"
i=0
while [ $i -lt 40 ]; do
	ln "$T/noise.wav" "$T/in/n$i.wav"
	i=$((i + 1))
done
# A background job of a script ignores SIGINT unless told otherwise.
# Not under valgrind: a process killed mid-work leaves its buffers to
# the kernel, which valgrind would call leaks.
env --default-signal=INT "$TOOLDIR/vox-resample" -j 1 -Q fast \
    -o "$T/out" "$T"/in/*.wav 2>"$T/err" &
pid=$!
# Signal once output is being written (under valgrind, start-up is slow).
n=0
while [ $n -lt 400 ] && ! ls -A "$T/out" | grep -q '^\.'; do
	sleep 0.05
	n=$((n + 1))
done
kill -INT $pid
wait $pid
echo "exit $?"
cat "$T/err"
ls -A "$T/out" | grep -v '^n[0-9]*\.wav$'
for f in "$T"/out/*.wav; do
	[ -f "$f" ] || continue
	sh data/wavinfo.sh "$f" header |
	    grep -v ': canonical header, 1 ch, 16000 Hz, 16-bit, 960000 frames$'
done
echo checked
