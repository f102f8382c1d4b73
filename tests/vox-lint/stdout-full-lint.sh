# A full disk while writing verdicts: exit 3.
$VALGRIND "$TOOLDIR/vox-lint" data/good.zip >/dev/full
