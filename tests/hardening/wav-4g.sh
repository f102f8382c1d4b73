# A tiny WAV whose header claims 4 GB of data (0xFFFFFFF0 bytes): the
# audit says it is truncated without reading or allocating what the
# header claims; vox-resample converts the samples that are there.
. data/common.sh
mkwav "$T/huge.wav" 16000 1 1600 0xFFFFFFF0
rss timeout 60 "$TOOLDIR/vox-audio" --stats "$T/huge.wav"
echo "exit $?"
rss_under 50
rss timeout 60 "$TOOLDIR/vox-lint" "$T/huge.wav"
echo "exit $?"
rss_under 50
mkdir "$T/out"
rss timeout 60 "$TOOLDIR/vox-resample" -r 8000 -o "$T/out" "$T/huge.wav"
echo "exit $?"
rss_under 50
"$TOOLDIR/vox-audio" --stats "$T/out/huge.wav"
echo "exit $?"
