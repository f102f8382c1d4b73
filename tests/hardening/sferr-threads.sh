# libsndfile keeps the error of a failed open in one global: with many
# workers, a garbage file must still say why it cannot be decoded, not
# read another thread's "no error" (hundreds of garbage files between
# good FLACs, at -j 4).
. data/common.sh
cd "$T" || exit 3
sox -n -r 8000 -b 16 -c 1 good.flac synth 0.05 sine 440
i=0
while [ $i -lt 300 ]; do
	printf 'not audio at all, file %d\n' $i >bad$i.wav
	cp good.flac good$i.flac
	i=$((i + 1))
done
ls | "$TOOLDIR/vox-audio" -j 4 2>&1 >/dev/null |
    sed -n 's/.*cannot decode audio: \([^[]*\) \[AUDIO-READ\]$/\1/p' |
    sort | uniq -c
