# Every rule once, TSV with a header: six columns, known severities.
$VALGRIND "$TOOLDIR/vox-lint" --list-rules >"$T/rules" || exit
head -1 "$T/rules"
awk -F'\t' 'NR > 1 && (NF != 6 || $2 !~ /^(note|warning|error)$/ ||
    $4 !~ /^(check|advice)$/) { print "bad row " NR ": " $0 }' "$T/rules"
grep -E '^(AUDIO-RATE|AUDIO-MAX-TRAIN|NORM-DE-3|TRANS-JA-90|PKG-RATE)	' \
    "$T/rules" | cut -f1-4
