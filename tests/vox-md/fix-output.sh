# -o writes the fixed file atomically, with a BOM; an output that is the
# input is refused (exit 2) and the input is left as it was.
"$TOOLDIR/vox-md" -q --fix -o "$T/out.md" data/fix.md
echo "rc $?"
od -c "$T/out.md" | head -2
cp data/fix.md "$T/in.md"
"$TOOLDIR/vox-md" -q --fix -o "$T/in.md" "$T/in.md"
echo "rc $?"
cmp data/fix.md "$T/in.md" && echo "input unchanged"
ls -a "$T"
