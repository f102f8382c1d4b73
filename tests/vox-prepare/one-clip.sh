# One clip: every count in the summaries is singular ("1 audio file",
# "1 WAV file", "1 line"), never "1 audio files".
mkdir "$T/raw"
cp data/raw/help.wav "$T/raw"
printf 'help.wav\thow can I help you\n' >"$T/raw/trans.txt"
$VALGRIND "$TOOLDIR/vox-prepare" -q "$T/raw" "$T/out" >"$T/sum" 2>&1
echo "rc $?"
sed "s|$T/||g; s/sha256 .*/sha256 .../" "$T/sum"
"$TOOLDIR/vox-lint" "$T/out/acoustic.zip" 2>&1 | sed "s|$T/||g"
