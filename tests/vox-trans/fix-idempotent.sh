# Fixing the fixed output changes nothing, and re-checking it finds only
# what --fix cannot repair.
for a in "en-US en-text" "en-US en-format" "de-DE de-text" \
    "ja-JP ja-text" "zh-CN zh-text" "fr-FR fr-text"; do
	set -- $a
	"$TOOLDIR/vox-trans" -q --fix -L "$1" "data/$2.txt" >"$T/1" 2>/dev/null
	"$TOOLDIR/vox-trans" -q --fix -L "$1" "$T/1" >"$T/2" 2>/dev/null
	cmp -s "$T/1" "$T/2" && echo "$2: idempotent" || echo "$2: CHANGED"
	"$TOOLDIR/vox-trans" -L "$1" "$T/1" 2>&1 | sed 's/^[^:]*:/fixed:/' |
	    grep -o '\[[A-Z0-9-]*\]' | sort | uniq -c | sed "s/^/$2: /"
done
