# Pronunciation data and structured text: the service refuses the two
# in one training (PRON-NO-MD, an error, exit 1), but each is an upload
# of its own, so both are written and lint clean; the last line says
# why the run is not "ready to upload".  When one of them is not packed,
# the error still says so, without claiming both are written.
mkdir "$T/raw"
printf '\357\273\277Larkspur\tlark spur\n' >"$T/raw/pronunciation.txt"
printf '\357\273\277@ list product =\n- milk\n- larkspur tea\n# Shop\n- add {@product} to my basket\n' >"$T/raw/shop.md"
run() {
	$VALGRIND "$TOOLDIR/vox-prepare" "$@" "$T/raw" "$T/out" \
	    >"$T/sum" 2>"$T/err"
	echo "rc $?"
	sed "s|$T/||g; s/sha256 .*/sha256 .../" "$T/sum" "$T/err"
}
run
ls "$T/out"
"$TOOLDIR/vox-lint" "$T/out/pronunciation.txt" "$T/out/structured.md" 2>&1 |
    sed "s|$T/||g"
grep -c PRON-NO-MD "$T/out/report.jsonl"
printf 'SKU    s k u\n' >>"$T/raw/pronunciation.txt"
run
