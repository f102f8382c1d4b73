# One job or two: the same findings in the same order.
$VALGRIND "$TOOLDIR/vox-lint" -j 1 data/dups.zip data/unsafe.zip \
    >"$T/one" 2>&1
$VALGRIND "$TOOLDIR/vox-lint" -j 2 data/dups.zip data/unsafe.zip \
    >"$T/two" 2>&1
cmp "$T/one" "$T/two" && echo same
