# A write that fails (file size limit) is a system error, exit 3, and
# leaves nothing behind.
(ulimit -f 8; trap '' XFSZ
 $VALGRIND "$TOOLDIR/vox-pack" -k acoustic -o "$T/f.zip" ../vox-lint/data/good \
    2>"$T/err"; echo "rc $?")
sed "s|$T/||g" "$T/err"
rm "$T/err"
ls "$T"
