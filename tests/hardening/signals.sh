# SIGINT, SIGTERM (and SIGHUP) while output is being written (we wait until the
# temporary file or work folder exists): each tool dies by the signal,
# says so, and leaves no partial output and no temporary file; what was
# there before is kept.  (vox-resample and vox-prepare have SIGINT tests
# of their own.)
. data/common.sh
mkdir "$T/in" "$T/raw" "$T/out"
sox -R -n -r 16000 -b 16 -c 1 "$T/n.wav" synth 60 whitenoise gain -6
sox -R -n -r 44100 -b 16 -c 2 "$T/st.wav" synth 60 whitenoise gain -6
i=0
while [ $i -lt 40 ]; do
	ln "$T/n.wav" "$T/in/n$i.wav"
	ln "$T/st.wav" "$T/raw/s$i.wav"
	i=$((i + 1))
done
echo keep >"$T/out/report.jsonl"

# Wait (10 s at most) until a file matching the pattern $1 exists.
appears() {
	n=0
	while [ $n -lt 200 ]; do
		for f in $1; do
			[ -e "$f" ] && return 0
		done
		sleep 0.05
		n=$((n + 1))
	done
	echo "no $1 seen"
}

# interrupt SIGNAL PATTERN TOOL ARGS...: run, signal, report.
interrupt() {
	sig=$1 pat=$2
	shift 2
	env --default-signal=INT "$@" >/dev/null 2>"$T/err" &
	pid=$!
	appears "$pat"
	kill -"$sig" $pid
	wait $pid 2>/dev/null
	echo "$(basename "$1") $sig: exit $? ($(grep -c interrupted "$T/err")" \
	    "message)"
	ls -A "$T/out" | grep -v '^[ns][0-9]*\.wav$'
	ls -d "$T"/out.* 2>/dev/null
}

for sig in INT TERM; do
	interrupt $sig "$T/out/.set.zip.*" "$TOOLDIR/vox-pack" --force \
	    --deflate -k audiofiles -o "$T/out/set.zip" "$T/in"
done
interrupt TERM "$T/out/.s*.wav.*" "$TOOLDIR/vox-resample" -j 1 -Q best \
    -o "$T/out" "$T"/raw/*.wav
# Whole outputs written before the signal stay (not listed above: how
# many depends on timing), and they are whole.
for f in "$T"/out/s*.wav; do
	[ -f "$f" ] || continue
	"$TOOLDIR/vox-audio" --stats "$f" 2>/dev/null | sed 1d | cut -f 2-9 |
	    grep -v '^WAV	PCM_16	1	1	16000	16	960000	60.000$'
	rm "$f"
done
for sig in TERM HUP; do
	interrupt $sig "$T/out.vox-prepare.*" "$TOOLDIR/vox-prepare" -j 1 \
	    -Q best "$T/raw" "$T/out"
done
cat "$T/out/report.jsonl"
