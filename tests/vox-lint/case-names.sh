# A folder holding names that differ only in case (A1.WAV beside a1.wav)
# is one file on Windows and macOS and a duplicate member once zipped:
# an error, as vox-pack --verify says of such a zip.
cp -r data/good "$T/set"
cp "$T/set/a1.wav" "$T/set/A1.wav"
$VALGRIND "$TOOLDIR/vox-lint" "$T/set" >"$T/out" 2>&1
echo "rc $?"
sed "s|$T/||g" "$T/out"
