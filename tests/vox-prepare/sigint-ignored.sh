# A background job of a script starts with SIGINT ignored, so that a ^C
# stops only the job in the foreground, and vox-prepare keeps it so
# (as io_init() does for every tool): SIGINTs sent all through the
# conversion change nothing.  Not under valgrind, as interrupted.sh.
mkdir "$T/raw"
sox -R -n -r 44100 -c 2 "$T/raw/a.flac" synth 20 pinknoise vol 0.3
ln "$T/raw/a.flac" "$T/raw/b.flac"
ln "$T/raw/a.flac" "$T/raw/c.flac"
(trap '' INT && exec "$TOOLDIR/vox-prepare" -q -j 1 -Q best "$T/raw" \
    "$T/out") >/dev/null 2>"$T/err" &
pid=$!
# Once the work folder is there (the subshell has ignored SIGINT and the
# tool has started), forty signals in 0.8 s; the run takes twice that.
n=0
while [ $n -lt 500 ] && ! ls -d "$T"/out.vox-prepare.* >/dev/null 2>&1
do
	sleep 0.02
	n=$((n + 1))
done
n=0
while [ $n -lt 40 ]; do
	kill -INT $pid 2>/dev/null
	sleep 0.02
	n=$((n + 1))
done
wait $pid
echo "exit $?"
cat "$T/err"
ls "$T/out"
ls -d "$T"/out.vox-prepare.* 2>/dev/null || echo "no work folder left"
