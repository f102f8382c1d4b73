# A reader that goes away: "vox-lint --list-rules | head -1" and other
# output cut short by head die quietly, as cat does: no "Broken pipe",
# and never a status other than 0 (all written) or 3 (output lost).
# Run 50 times, since whether a write meets the closed pipe is timing.
. data/common.sh
mkwav "$T/a.wav" 16000 1 1600
i=0
while [ $i -lt 50 ]; do
	( "$TOOLDIR/vox-lint" --list-rules 2>>"$T/err"
	echo $? >>"$T/rc" ) | head -1 >/dev/null
	( "$TOOLDIR/vox-lint" --list-locales 2>>"$T/err"
	echo $? >>"$T/rc" ) | head -c 10 >/dev/null
	( "$TOOLDIR/vox-audio" --stats "$T/a.wav" "$T/a.wav" "$T/a.wav" \
	    2>>"$T/err"
	echo $? >>"$T/rc" ) | head -c 1 >/dev/null
	i=$((i + 1))
done
echo "stderr: $(wc -l <"$T/err") lines"
cat "$T/err"
echo "runs: $(wc -l <"$T/rc"), exit other than 0 or 3:" \
    "$(grep -cv '^[03]$' "$T/rc")"
