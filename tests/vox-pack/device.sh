# A device target (-o /dev/null, a FIFO) is written in place, with no
# manifest beside it (that would be a file made in /dev); the summary's
# size and SHA-256 are those of the bytes written.  A zip made from a
# zip is hashed by reading it back, which a device does not allow: it
# is refused, with a message.
$VALGRIND "$TOOLDIR/vox-pack" -k acoustic -o /dev/null ../vox-lint/data/good
echo "rc $?"
test -e /dev/null.manifest.json && echo "a manifest was made in /dev"
mkfifo "$T/fifo"
cat "$T/fifo" >"$T/got" &
reader=$!
$VALGRIND "$TOOLDIR/vox-pack" -k acoustic -o "$T/fifo" ../vox-lint/data/good |
    sed "s|$T/||"
wait $reader
echo "the FIFO got $(wc -c <"$T/got") bytes, sha256 $(sha256sum <"$T/got" |
    cut -c1-64)"
unzip -tqq "$T/got" && echo "a valid zip"
$VALGRIND "$TOOLDIR/vox-pack" -k acoustic -o /dev/null \
    ../vox-lint/data/good.zip 2>&1
echo "rc $?"
rm "$T/fifo" "$T/got"
ls "$T"
