# One 64 MiB line without a newline (a 1 GB one takes too long to make
# in CI; the line limit is 1 MiB either way): vox-text drops it with a
# TEXT-LONG finding, reading it in bounded pieces, in bounded time.
. data/common.sh
head -c 67108864 /dev/zero | tr '\0' a >"$T/line.txt"
rss timeout 60 "$TOOLDIR/vox-text" -o "$T/out.txt" "$T/line.txt"
echo "exit $?"
rss_under 200
od -c "$T/out.txt"
rss timeout 60 "$TOOLDIR/vox-text" --check -W warning "$T/line.txt"
echo "exit $?"
rss_under 200
