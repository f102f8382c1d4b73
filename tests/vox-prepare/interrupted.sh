# SIGINT during the conversion: out_dir keeps what it had, and no work
# folder is left beside it.
mkdir "$T/raw" "$T/out"
echo keep >"$T/out/report.jsonl"
sox -R -n -r 44100 -c 2 "$T/raw/a.flac" synth 60 pinknoise vol 0.3
for i in $(seq 1 40); do ln "$T/raw/a.flac" "$T/raw/a$i.flac"; done
env --default-signal=INT "$TOOLDIR/vox-prepare" -q -j 1 -Q best \
    "$T/raw" "$T/out" >/dev/null 2>"$T/err" &
pid=$!
sleep 0.5
kill -INT $pid
wait $pid
echo "exit $?"
ls "$T/out"
ls -d "$T"/out.vox-prepare.* 2>/dev/null || echo "no work folder left"
grep -c interrupted "$T/err"
