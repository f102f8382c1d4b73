# Packing twice, from a folder with new mtimes and in another time zone,
# gives the same bytes.
$VALGRIND "$TOOLDIR/vox-pack" -k acoustic -o "$T/one.zip" ../vox-lint/data/good >/dev/null
cp -r ../vox-lint/data/good "$T/copy"
touch -d '2020-05-05 12:00' "$T/copy"/*
TZ=Asia/Tokyo $VALGRIND "$TOOLDIR/vox-pack" -k acoustic -o "$T/two.zip" "$T/copy" >/dev/null
cmp "$T/one.zip" "$T/two.zip" && echo same bytes
