# Every fixture: normalizing twice changes nothing; --check on the output
# finds only what the normalizer cannot repair (listed here).  The first
# run's status and line count show that there was output to compare.
for a in "en-US en" "en-US dup" "de-DE de" "fr-FR fr" "de-DE no-bom-de" \
    "en-US ansi" "de-DE bad-utf8-de" "en-US ../stdin"; do
	set -- $a
	in=data/$2.txt
	[ "$2" = ../stdin ] && in=stdin.in
	"$TOOLDIR/vox-pron" -q -L "$1" "$in" >"$T/1" 2>/dev/null
	first="status $?, lines $(wc -l <"$T/1")"
	"$TOOLDIR/vox-pron" -q -L "$1" "$T/1" >"$T/2" 2>/dev/null
	cmp -s "$T/1" "$T/2" && r=idempotent || r=CHANGED
	"$TOOLDIR/vox-pron" -L "$1" --check "$T/1" >"$T/c" 2>&1
	echo "$2: $first; $r, check status $?;" $(grep -o '\[[A-Z-]*\]' "$T/c")
done
"$TOOLDIR/vox-pron" -q --from-pls data/lexicon.pls >"$T/1" 2>/dev/null
echo "pls: status $?, lines $(wc -l <"$T/1")"
"$TOOLDIR/vox-pron" -q "$T/1" | cmp -s - "$T/1" && echo "pls: idempotent"
