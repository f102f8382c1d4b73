# Writes to stdout are checked: a full disk is a system error.
"$TOOLDIR/vox-pron" -q data/dup.txt >/dev/full
