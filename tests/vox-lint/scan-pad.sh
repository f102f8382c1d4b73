# With --scan, short pauses at the ends of clips are one note for the
# dataset with a count, not one per clip (vox-audio --scan has the
# detail); a clip short only at its start is counted once.
mkdir "$T/set"
for n in 1 2; do
	sox -n -r16000 -b16 -c1 "$T/set/tight$n.wav" synth 1 whitenoise vol 0.5
done
sox -n -r16000 -b16 -c1 "$T/tone.wav" synth 1 whitenoise vol 0.5
sox -n -r16000 -b16 -c1 "$T/quiet.wav" trim 0 0.6
sox "$T/quiet.wav" "$T/tone.wav" "$T/quiet.wav" "$T/set/padded.wav"
sox "$T/tone.wav" "$T/quiet.wav" "$T/set/lead.wav"
"$TOOLDIR/vox-lint" --scan -k audio "$T/set"
echo "exit $?"
"$TOOLDIR/vox-audio" --scan "$T/set/lead.wav"
echo "exit $?"
