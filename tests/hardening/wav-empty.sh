# A WAV of 0 frames: a valid header and no samples.  The audit says so
# with or without --scan (AUDIO-SILENT), vox-lint counts 0 s, and
# vox-resample writes a valid empty WAV.
. data/common.sh
mkwav "$T/empty.wav" 16000 1 0
timeout 60 "$TOOLDIR/vox-audio" -W warning "$T/empty.wav"
echo "exit $?"
timeout 60 "$TOOLDIR/vox-audio" --scan "$T/empty.wav"
echo "exit $?"
mkdir "$T/set" "$T/out"
cp "$T/empty.wav" "$T/set/"
printf 'empty.wav\thello there\n' >"$T/set/trans.txt"
timeout 60 "$TOOLDIR/vox-lint" "$T/set"
echo "exit $?"
timeout 60 "$TOOLDIR/vox-resample" -f -o "$T/out" "$T/empty.wav"
echo "exit $?"
"$TOOLDIR/vox-audio" --stats "$T/out/empty.wav"
