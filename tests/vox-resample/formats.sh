# FLAC, Ogg Vorbis, MP3, WAV and AIFF at 8 to 48 kHz, mono or stereo,
# become canonical 16 kHz mono 16-bit WAVs of the exact length
# round(frames x 16000 / rate), with the tone's level and pitch kept.
$VALGRIND "$TOOLDIR/vox-resample" -o "$T" data/tone44.flac data/tone48.ogg \
    data/tone22.mp3 data/tone8k.wav data/tone32.aiff || exit
for f in tone44 tone48 tone22 tone8k tone32; do
	sh data/wavinfo.sh "$T/$f.wav"
done
ls -A "$T"
