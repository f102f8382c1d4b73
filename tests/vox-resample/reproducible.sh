# The dither is seeded: the same input gives the same bytes, whatever -j.
$VALGRIND "$TOOLDIR/vox-resample" -q -j 1 -o "$T" data/tone44.flac || exit
mv "$T/tone44.wav" "$T/one.wav"
$VALGRIND "$TOOLDIR/vox-resample" -q -j 2 -o "$T" data/tone48.ogg \
    data/tone44.flac || exit
cmp "$T/one.wav" "$T/tone44.wav" && echo same bytes
