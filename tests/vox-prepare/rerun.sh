# Running again into the same folder gives the same bytes.
$VALGRIND "$TOOLDIR/vox-prepare" -q data/raw "$T/out" >/dev/null 2>&1
cp -r "$T/out" "$T/first"
$VALGRIND "$TOOLDIR/vox-prepare" -q -j 1 data/raw "$T/out" >/dev/null 2>&1
diff -r "$T/first" "$T/out" && echo same bytes
