# The section limits against a profile that allows one line each:
# #itn patterns (DISP-ITN-N), #rewrite and #profanity lines; each is
# named once, at the first line over, and the lines over are left out.
sed -e 's|<display-itn \([^>]*\)>[0-9]*<|<display-itn \1>1<|' \
    -e 's|<display-rewrite \([^>]*\)>[0-9]*<|<display-rewrite \1>1<|' \
    -e 's|<display-profanity \([^>]*\)>[0-9]*<|<display-profanity \1>1<|' \
    "$VOXPREP_DATADIR/azure-speech.xml" >"$T/p.xml"
grep -c '<display-[a-z]* [^>]*>1<' "$T/p.xml"
$VALGRIND "$TOOLDIR/vox-md" --profile "$T/p.xml" data/disp-limits.md
echo "rc $?"
printf 'b two\nc\ny\n' | "$TOOLDIR/vox-md" -q --profile "$T/p.xml" \
    --apply data/disp-limits.md
