# A transcript of 1,000,000 lines is checked in bounded time, and --fix
# writes every line back.
. data/common.sh
awk 'BEGIN { for (i = 0; i < 1000000; i++)
    printf "clip%07d.wav\thello world there\n", i }' >"$T/trans.txt"
timeout 60 "$TOOLDIR/vox-trans" -W warning "$T/trans.txt"
echo "exit $?"
timeout 60 "$TOOLDIR/vox-trans" -q --fix -o "$T/fixed.txt" "$T/trans.txt"
echo "exit $?"
wc -l <"$T/fixed.txt"
cmp -s "$T/trans.txt" "$T/fixed.txt" && echo unchanged
