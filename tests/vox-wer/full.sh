# Writes to standard output are checked: a full disk is exit 3.
"$TOOLDIR/vox-wer" data/ref.txt data/hyp.txt >/dev/full
