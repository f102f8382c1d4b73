# Structured text (.md) and display format (a .txt, as the vendor's
# sample) from a raw folder: each detected by its content, its layout
# repaired as vox-md --fix does (a BOM, LF, "- " entries, a repeated
# item dropped), packed with a manifest as structured.md and display.md;
# the uploads lint clean, and a second run writes the same bytes.
mkdir "$T/raw"
printf '// Larkspur Market\r\n@list product =\r\n-milk\r\n- bread  \r\n- milk\r\n#Orders\r\n- add {@product} to my basket\r\n' >"$T/raw/shop.md"
printf '#itn\nLM-\\d\\d\\d\\d  \n# rewrite\nlarkspur market\tLarkspur Market\n#test\ncall larkspur market\tCall Larkspur Market\ntrack order l m one two three four\tTrack order LM-1234\n' >"$T/raw/rules.txt"
run() {
	$VALGRIND "$TOOLDIR/vox-prepare" "$T/raw" "$T/out" >"$T/sum" 2>"$T/err"
	echo "rc $?"
	sed "s|$T/||g; s/sha256 .*/sha256 .../" "$T/sum" "$T/err"
}
run
ls "$T/out"
sed -n l "$T/out/structured.md"
grep -h '"kind"\|"file"\|"entries"' "$T/out/structured.manifest.json" \
    "$T/out/display.manifest.json"
"$TOOLDIR/vox-lint" "$T/out/structured.md" "$T/out/display.md" 2>&1 |
    sed "s|$T/||g"
cat "$T/out/structured.md" "$T/out/display.md" >"$T/first"
run >/dev/null
cat "$T/out/structured.md" "$T/out/display.md" | cmp - "$T/first" &&
    echo "same bytes"
