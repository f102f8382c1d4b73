# -j 2 prints the same records and findings, in input order, as -j 1.
set -- --scan --stats --profile data/short.xml data/*.wav data/tone.*
$VALGRIND "$TOOLDIR/vox-audio" -j 1 "$@" >"$T/1.out" 2>"$T/1.err"
$VALGRIND "$TOOLDIR/vox-audio" -j 2 "$@" >"$T/2.out" 2>"$T/2.err"
cmp "$T/1.out" "$T/2.out" && cmp "$T/1.err" "$T/2.err" && wc -l <"$T/1.out"
