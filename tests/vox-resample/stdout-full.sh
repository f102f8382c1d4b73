# Output to a full disk is a system error, exit 3, with a message.
$VALGRIND "$TOOLDIR/vox-resample" data/tone44.flac >/dev/full
