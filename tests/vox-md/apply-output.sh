# --apply reads its file operands (a BOM is the file's, not the first
# line's), writes line for line to -o atomically, and refuses an output
# that is its format file.
printf '\357\273\277track order l m one two three four\nlarkspur market\n' \
    >"$T/in.txt"
"$TOOLDIR/vox-md" -q -o "$T/out.txt" --apply \
    ../../samples/clean/display-format.md "$T/in.txt"
echo "rc $?"
cat "$T/out.txt"
cp ../../samples/clean/display-format.md "$T/f.md"
"$TOOLDIR/vox-md" -q -o "$T/f.md" --apply "$T/f.md" "$T/in.txt"
echo "rc $?"
