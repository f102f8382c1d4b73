# Findings about the repaired markdown name the user's file, line and
# column, never the work copy: after a repeated item the repair drops,
# on CRLF lines, indented and "-item" lines, and in a message that names
# another line; on stderr and in report.jsonl.  The kinds with errors
# are not packed; --force packs them despite the errors (exit 1 still).
# A display-format #test case that fails is a warning at its line, and
# -W warning fails on it.
mkdir "$T/raw"
printf '@ list cup =\r\n- small\r\n-large\r\n  - small\r\n@ list size =\r\n- tall\r\n@list size=\r\n- grande\r\n#Orders\r\n  -add {@colour} to basket   \r\n- a {@size} coffee in a {@cup} cup\r\n' >"$T/raw/orders.md"
printf '\357\273\277#itn\nLM-\\d\\d(\\d\n#rewrite\nlarkspur\tLarkspur\n#test\ncall larkspur market\tCall Larkspur Market\n' >"$T/raw/format.md"
run() {
	$VALGRIND "$TOOLDIR/vox-prepare" "$@" "$T/raw" "$T/out" \
	    >"$T/sum" 2>"$T/err"
	echo "rc $?"
	sed "s|$T/||g; s/sha256 .*/sha256 .../" "$T/sum" "$T/err"
}
run
sed -E 's/.*"file":"([^"]*)","member":null,"line":([0-9a-z]*),"column":([0-9a-z]*),.*"rule":"([^"]*)".*/\1:\2:\3 \4/' \
    "$T/out/report.jsonl" | sed "s|$T/||g"
grep -c 'vox-prepare\.\|structured\|display' "$T/err" "$T/out/report.jsonl" |
    sed "s|$T/||g"
run --force
ls "$T/out"
# The errors fixed, the failing #test case is what is left.
printf '@ list size =\n- small\n- large\n# Orders\n- a {@size} coffee\n' >"$T/raw/orders.md"
printf '\357\273\277#itn\nLM-\\d\\d\\d\n#rewrite\nlarkspur\tLarkspur\n#test\ncall larkspur market\tCall Larkspur Market\n' >"$T/raw/format.md"
run
run -W warning
