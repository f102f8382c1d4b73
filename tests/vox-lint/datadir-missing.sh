# A data folder without a profile: exit 3 naming the file it wanted.
VOXPREP_DATADIR=/nonexistent $VALGRIND "$TOOLDIR/vox-lint" --list-rules
