# Each line the normalization drops is in report.jsonl at the user's
# file and line, with its text; the terminal has the summary count (and
# the notes, unless -q).
mkdir "$T/raw"
printf 'Welcome to Larkspur Market.\n\nSee https://larkspur.example/help for help.\nIt is very very very very fast.\n' >"$T/raw/related.txt"
$VALGRIND "$TOOLDIR/vox-prepare" -q "$T/raw" "$T/out" >"$T/sum" 2>"$T/err"
echo "rc $?"
sed "s|$T/||g; s/sha256 .*/sha256 .../" "$T/sum" "$T/err"
sed -E 's/.*"file":"([^"]*)","member":null,"line":([0-9]*),.*"rule":"([^"]*)","severity":"([a-z]*)","message":"([^"]*)".*/\1:\2: \4: \5 [\3]/' \
    "$T/out/report.jsonl" | sed "s|$T/||g"
