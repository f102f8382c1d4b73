# A UTF-8 BOM declares UTF-8: an invalid byte after it is an encoding
# error with line and column in every kind, never a Windows-1252
# reading (that is only for English pronunciation files without a BOM).
bom=$(printf '\357\273\277')
printf '%sCafe\tkafe\nNa\357ve\tna eve\n' "$bom" >"$T/pron.txt"
printf '%sOne line is fine.\nThe caf\351 is open.\n' "$bom" >"$T/text.txt"
printf '%sa.wav\tfine text\nb.wav\tthe caf\351 is open\n' "$bom" \
    >"$T/trans.txt"
"$TOOLDIR/vox-pron" -q --check "$T/pron.txt"
echo "exit $?"
"$TOOLDIR/vox-pron" -q -L de-DE --check "$T/pron.txt"
echo "exit $?"
"$TOOLDIR/vox-text" -q --check "$T/text.txt"
echo "exit $?"
"$TOOLDIR/vox-trans" -q "$T/trans.txt"
echo "exit $?"
"$TOOLDIR/vox-lint" -q -k pron "$T/pron.txt" 2>&1 | grep ENC
# Without the BOM, an English pronunciation file is read as ANSI.
tail -c +4 "$T/pron.txt" >"$T/ansi.txt"
"$TOOLDIR/vox-pron" --check "$T/ansi.txt" 2>&1 | grep PRON-ENC
