# A 10-hour WAV by its header (a 1.15 GB sparse file: no disk used), and
# a real 10-minute one.  The header is enough for the length rules: over
# the training and testing limits, checked without reading the samples.
# The 10-minute one is fine for testing (-P testing) and is scanned,
# linted and resampled in bounded time and memory.
. data/common.sh
mkwav "$T/long.wav" 16000 1 0 1152000000 sparse
rss timeout 60 "$TOOLDIR/vox-audio" "$T/long.wav"
echo "exit $?"
rss_under 50
timeout 60 "$TOOLDIR/vox-audio" -P testing "$T/long.wav"
echo "exit $?"
timeout 60 "$TOOLDIR/vox-lint" -P testing "$T/long.wav"
echo "exit $?"
mkdir "$T/set" "$T/out"
sox -R -n -r 16000 -b 16 -c 1 "$T/set/ten.wav" synth 600 pinknoise \
    vol 0.3 fade 1 600 1
rss timeout 60 "$TOOLDIR/vox-audio" -P testing --scan "$T/set/ten.wav"
echo "exit $?"
rss_under 50
rss timeout 60 "$TOOLDIR/vox-lint" -P testing --scan "$T/set"
echo "exit $?"
rss_under 200
rss timeout 60 "$TOOLDIR/vox-resample" -q -Q fast -r 8000 -o "$T/out" \
    "$T/set/ten.wav"
echo "exit $?"
rss_under 50
"$TOOLDIR/vox-audio" -P testing --stats "$T/out/ten.wav"
