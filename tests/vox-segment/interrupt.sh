# SIGINT while clips are being written: vox-segment dies by the signal,
# says so, and leaves neither the output folder nor its work folder; an
# earlier output stays as it was.
. ./data/fixture.sh
cd "$T" || exit
recording talk "1.0 0.8 1.5 3.0 0.6 1.2" \
    "Welcome to the returns training." \
    "Every return needs a receipt or an order number." \
    "Refunds go back to the card that paid." \
    "Store credit never expires." \
    "Thank you for listening."
# Ten minutes: 34 times the same, and its captions.
sox talk.wav long.wav repeat 33
d=$(soxi -D talk.wav)
awk -v d="$d" '{ t[NR] = $0 } END { for (r = 0; r < 34; r++)
    for (i = 1; i <= NR; i++) { split(t[i], f, " "); s = t[i];
    sub(/^[^ ]+ [^ ]+ /, "", s);
    printf "%.3f %.3f %s\n", f[1] + r * d, f[2] + r * d, s } }' \
    talk.times >long.times
captions srt 0 <long.times >long.srt
captions srt 0 <talk.times >talk.srt
"$TOOLDIR/vox-segment" -q -o out talk.wav talk.srt
env --default-signal=INT $VALGRIND "$TOOLDIR/vox-segment" -o out long.wav \
    long.srt >/dev/null 2>err &
pid=$!
n=0
while [ $n -lt 400 ] && ! ls out.vox-segment.*/*.wav >/dev/null 2>&1; do
	sleep 0.05
	n=$((n + 1))
done
kill -INT $pid
wait $pid
echo "rc $?"
grep -c interrupted err
ls -d out*
ls out
