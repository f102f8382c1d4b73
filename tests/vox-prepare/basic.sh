# The whole flow: audio converted, transcript repaired, text normalized,
# each kind packed, and the uploads lint clean.
$VALGRIND "$TOOLDIR/vox-prepare" data/raw "$T/out" 2>"$T/err" |
    sed "s|$T/||g; s/sha256 .*/sha256 .../"
sed "s|$T/||g" "$T/err" >&2
ls "$T/out"
"$TOOLDIR/vox-lint" "$T/out"/*.zip "$T/out"/*.txt 2>&1 | sed "s|$T/||g"
ls -d "$T"/*.vox-prepare.* 2>/dev/null || echo "no work folder left"
