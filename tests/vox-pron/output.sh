# -o writes the file atomically; the output has a BOM and TABs.
"$TOOLDIR/vox-pron" -q -o "$T/p.txt" --from-pls data/lexicon.pls
od -c "$T/p.txt" | head -3
