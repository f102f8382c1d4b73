# The count and size rules against a profile with small limits: lists
# (warn over 1, error over 2), items per list (warn over 1, error over
# 2), lexicon entries (1), pronunciations per word (1), sentences (2)
# and file bytes (200).
sed -e 's|<markdown-bytes \([^>]*\)>[0-9]*<|<markdown-bytes \1>200<|' \
    -e 's|<md-lists \([^>]*\)warn="[0-9]*" max="[0-9]*"|<md-lists \1warn="1" max="2"|' \
    -e 's|<md-list-items \([^>]*\)warn="[0-9]*" max="[0-9]*"|<md-list-items \1warn="1" max="2"|' \
    -e 's|<md-lexicon \([^>]*\)>[0-9]*<|<md-lexicon \1>1<|' \
    -e 's|<md-prons-per-word \([^>]*\)>[0-9]*<|<md-prons-per-word \1>1<|' \
    -e 's|<md-sentences \([^>]*\)>[0-9]*<|<md-sentences \1>2<|' \
    "$VOXPREP_DATADIR/azure-speech.xml" >"$T/p.xml"
grep -c '"1"\|>1<\|>2<\|>200<' "$T/p.xml"
$VALGRIND "$TOOLDIR/vox-md" --profile "$T/p.xml" data/clean.md data/counts.md
echo "rc $?"
