# --fix on every fixture: fixing the output again changes nothing, and
# checking it finds only what --fix does not repair (listed per file).
for f in fix clean lists lex sentences enc de de-rules utf16; do
	l=en-US
	case $f in de*) l=de-DE ;; esac
	"$TOOLDIR/vox-md" -q -L $l --fix data/$f.md >"$T/1.md" 2>/dev/null
	"$TOOLDIR/vox-md" -q -L $l --fix "$T/1.md" >"$T/2.md" 2>/dev/null
	cmp -s "$T/1.md" "$T/2.md" && r=idempotent || r=CHANGED
	"$TOOLDIR/vox-md" -L $l "$T/1.md" >/dev/null 2>"$T/c"
	echo "$f: $r;" $(grep -o '\[[A-Z-]*\]' "$T/c" | sort | uniq -c |
	    awk '{ printf "%s%s ", $2, ($1 > 1 ? "x" $1 : "") }')
done
