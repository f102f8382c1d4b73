# One job or two: the same findings in the same order.  Both runs must
# also have done the work (exit 1 on these findings, every rule seen),
# or two identical failures would pass as "same".
$VALGRIND "$TOOLDIR/vox-lint" -j 1 data/dups.zip data/unsafe.zip \
    >"$T/one" 2>&1
echo "-j 1: exit $?"
$VALGRIND "$TOOLDIR/vox-lint" -j 2 data/dups.zip data/unsafe.zip \
    >"$T/two" 2>&1
echo "-j 2: exit $?"
sed -n 's/.*\[\([A-Z-]*\)\]$/\1/p' "$T/one" | sort | uniq -c
echo "summaries: $(grep -c ' (detected), en-US, ' "$T/one")"
cmp "$T/one" "$T/two" && echo same
