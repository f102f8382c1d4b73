# -o writes the repaired transcript atomically; stdout stays empty.
"$TOOLDIR/vox-trans" --fix -L de-DE -o "$T/out.txt" data/de-ok.txt &&
    od -c "$T/out.txt" | head -2
