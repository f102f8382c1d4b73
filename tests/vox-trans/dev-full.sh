# Writes to stdout are checked: a full disk is a system error.
"$TOOLDIR/vox-trans" --fix data/set/trans.txt >/dev/full
