# zip -r data.zip data puts everything under 'data/': one finding that
# names the folder and says what to do, not one per member.
mkdir "$T/data"
sox -n -r16000 -b16 -c1 "$T/data/a.wav" synth 1 sine 440
printf 'a.wav\thello\n' >"$T/data/trans.txt"
(cd "$T" && zip -qr data.zip data)
"$TOOLDIR/vox-lint" "$T/data.zip"
echo "exit $?"
