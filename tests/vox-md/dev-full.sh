# Writes to stdout are checked: a full disk is a system error.
"$TOOLDIR/vox-md" -q --expand 5 data/clean.md >/dev/full
