# An empty folder: nothing to lint, said plainly.
mkdir "$T/empty"
$VALGRIND "$TOOLDIR/vox-lint" "$T/empty" 2>&1 | sed "s|$T/||g"
