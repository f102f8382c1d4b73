# The output is never an input.
cp ../vox-lint/data/good.zip "$T/in.zip"
$VALGRIND "$TOOLDIR/vox-pack" -k acoustic -o "$T/in.zip" "$T/in.zip" 2>&1 | sed "s|$T/||g"
cmp "$T/in.zip" ../vox-lint/data/good.zip && echo input intact
