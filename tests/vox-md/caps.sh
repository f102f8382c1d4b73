# Past 100 findings of a rule, the rest are counted, across the blocks
# in which the text is checked: 5000 sentences with a URI are 5000
# TEXT-URI errors, 100 shown and 4900 counted.
awk 'BEGIN { print "@ list pet ="; print "- cat"; print "# Pets"
	for (i = 0; i < 5000; i++) print "- my {@pet} at http://example.com/" i }' \
    >"$T/caps.md"
"$TOOLDIR/vox-md" "$T/caps.md" 2>"$T/err"
echo "rc $?"
grep -c 'caps.md:[0-9].*\[TEXT-URI\]' "$T/err" | sed 's/^/shown: /'
sed "s|$T|\$T|" "$T/err" | grep 'more errors'

