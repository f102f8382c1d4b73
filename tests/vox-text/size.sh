# TEXT-SIZE against a profile whose limit is 40 bytes, and which tier
# allows more.
sed 's/<text-bytes \([^>]*\)default="[0-9]*" free="[0-9]*"/<text-bytes \1default="40" free="40"/' \
    "$VOXPREP_DATADIR/azure-speech.xml" >"$T/p.xml"
cp "$VOXPREP_DATADIR/profile.xsd" "$T/"
"$TOOLDIR/vox-text" -q --profile "$T/p.xml" --check data/dup.txt
echo "rc $?"
"$TOOLDIR/vox-text" -q --profile "$T/p.xml" -o "$T/o.txt" data/dup.txt
echo "rc $?"
"$TOOLDIR/vox-text" -q --profile "$T/p.xml" --tier standard --check data/dup.txt
echo "rc $?"
