# Every fixture: normalizing twice changes nothing, and the output passes
# --check with the same options clean (no finding, status 0).  The first
# run's status and line count show that there was output to compare.
for a in "en-US en-mixed" "en-US en-mixed --no-split" "de-DE de" \
    "fr-FR fr" "ja-JP ja" "zh-CN zh" "ko-KR ko" "en-US dup --dedupe" \
    "en-US numbers --spell-numbers" "de-DE numbers --spell-numbers" \
    "en-US crlf" "en-US no-bom" "en-US bad-utf8" "en-US upper --lowercase" \
    "en-US upper" "en-GB ../stdin"; do
	set -- $a
	l=$1 f=$2
	shift 2
	in=data/$f.txt
	[ "$f" = ../stdin ] && in=stdin.in
	"$TOOLDIR/vox-text" -q -L "$l" "$@" "$in" >"$T/1" 2>/dev/null
	first="status $?, lines $(wc -l <"$T/1")"
	"$TOOLDIR/vox-text" -q -L "$l" "$@" "$T/1" >"$T/2" 2>/dev/null
	cmp -s "$T/1" "$T/2" && r=idempotent || r=CHANGED
	"$TOOLDIR/vox-text" -L "$l" "$@" --check "$T/1" >"$T/c" 2>&1
	rc=$?
	n=$(grep -vc ' in, [0-9]* out' "$T/c")
	echo "$f $*: $first; $r, check status $rc, $n findings"
done
