# Output to a full disk is a system error, exit 3, with a message.
$VALGRIND "$TOOLDIR/vox-audio" --stats data/tone8k.wav >/dev/full
