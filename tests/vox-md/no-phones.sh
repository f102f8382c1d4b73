# A profile without phone sets loads, and checks only that phones are
# ASCII: 'dx' and the lone 'er' pass, 'é' does not.
sed '/<phone-sets>/,/<\/phone-sets>/d' "$VOXPREP_DATADIR/azure-speech.xml" \
    >"$T/p.xml"
grep -c phone-set "$T/p.xml"
"$TOOLDIR/vox-md" --profile "$T/p.xml" data/lex.md 2>&1 | grep PHONES
