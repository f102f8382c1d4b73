# A pronunciation file without a BOM: an error in de-DE, accepted as ANSI
# in en-US (TT-25).
$VALGRIND "$TOOLDIR/vox-lint" -L de-DE data/pron-nobom.txt
echo "de-DE: $?"
$VALGRIND "$TOOLDIR/vox-lint" -L en-US data/pron-nobom.txt
echo "en-US: $?"
