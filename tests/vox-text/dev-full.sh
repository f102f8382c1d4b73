# Writes to stdout are checked: a full disk is a system error.
"$TOOLDIR/vox-text" -q data/en-mixed.txt >/dev/full
