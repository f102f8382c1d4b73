# A text kind is not zipped: the file itself and its manifest.
$VALGRIND "$TOOLDIR/vox-pack" -k language -o "$T/related.txt" \
    ../vox-lint/data/related.txt | sed "s|$T/||; s/sha256 .*/sha256 .../"
ls "$T"
cmp "$T/related.txt" ../vox-lint/data/related.txt && echo same file
grep -E '"(kind|entries)"' "$T/related.manifest.json"
