# Lint errors stop the packing, and nothing is written; --force packs.
$VALGRIND "$TOOLDIR/vox-pack" -k acoustic -o "$T/bad.zip" ../vox-lint/data/dups.zip
echo "rc $?"
ls "$T"
$VALGRIND "$TOOLDIR/vox-pack" --force -q -k acoustic -o "$T/bad.zip" \
    ../vox-lint/data/dups.zip | sed "s|$T/||; s/sha256 .*/sha256 .../"
echo "rc $?"
ls "$T"
