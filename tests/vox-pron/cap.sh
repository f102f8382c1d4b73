# Normalizing caps what it shows as --check does: 150 lines without a
# TAB show 100 errors and one note counting the rest.  The 150 fixes
# (spoken forms lowercased) are report-only notes: in the report, capped
# at 100 there too, and not on stderr.
i=0
while [ $i -lt 150 ]; do
	printf 'Word%s word\nName%s\tNAME\n' $i $i
	i=$((i + 1))
done >"$T/many.txt"
run() {
	echo "$1"
	"$TOOLDIR/vox-pron" "$@" --report "$T/r.jsonl" "$T/many.txt" \
	    2>"$T/err"
	echo "rc $?"
	grep -c ': error: .* \[PRON-FORMAT\]$' "$T/err"
	grep -c 'lowercased \[PRON-SPOKEN-CHARS\]$' "$T/err"
	grep -v ': error: .* \[PRON-FORMAT\]$' "$T/err" |
	    grep -v 'lowercased \[PRON-SPOKEN-CHARS\]$' | sed "s|$T/||"
	grep -o '"rule":"[A-Z-]*","severity":"[a-z]*"' "$T/r.jsonl" |
	    sort | uniq -c
}
run -o "$T/out.txt"
run --check
