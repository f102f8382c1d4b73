# Findings name the user's own files and lines, never the work copies:
# a transcript line after blank lines (which the repair drops), and
# recordings converted from FLAC, on stderr and in report.jsonl.
mkdir "$T/raw"
sox -R -n -r 44100 -c 1 "$T/raw/call1.flac" synth 1.5 sine 440 vol 0.3
sox -R -n -r 44100 -c 1 "$T/raw/call2.flac" synth 41 sine 440 vol 0.3
sox -R -n -r 44100 -c 1 "$T/raw/call3.flac" synth 1.5 sine 550 vol 0.3
printf '\n\ncall1.wav\tHello there.\n\n \n\t\ncall2.wav\tA long call.\nmissing.wav\tNo audio here.\n' >"$T/raw/trans.txt"
$VALGRIND "$TOOLDIR/vox-prepare" "$T/raw" "$T/out" >/dev/null 2>"$T/err"
echo "rc $?"
sed "s|$T/||g" "$T/err"
sed -E 's/.*"file":"([^"]*)","member":null,"line":([0-9a-z]*),.*"rule":"([^"]*)".*/\1:\2 \3/' \
    "$T/out/report.jsonl" | sed "s|$T/||g"
grep -c 'vox-prepare\.\|\.audio' "$T/err" "$T/out/report.jsonl" | sed "s|$T/||g"
# The warnings fail the run with -W warning, and the last line says so.
printf 'call1.wav\tHello there.\ncall2.wav\tA long call.\ncall3.wav\tHi.\n' >"$T/raw/trans.txt"
$VALGRIND "$TOOLDIR/vox-prepare" -q -W warning "$T/raw" "$T/out" >"$T/sum" 2>&1
echo "rc $?"
tail -1 "$T/sum" | sed "s|$T/||g"
