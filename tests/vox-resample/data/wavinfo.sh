#!/bin/sh
# Describe a WAV that vox-resample wrote, in words that hold for either
# resampler build: the header fields, the frame count, the level and the
# pitch (sox stat; dB rounded to 1, frequency to 100 Hz).
# Usage: wavinfo.sh FILE [header]
f=$1
u() {
	od -An -j"$1" -N"$2" -tu"$2" --endian=little "$f" | tr -d ' '
}
tag() {
	od -An -j"$1" -N4 -c "$f" | tr -d ' '
}
size=$(wc -c <"$f" | tr -d ' ')
hdr=canonical
[ "$(tag 0)$(tag 8)$(tag 12)$(tag 36)" = "RIFFWAVEfmtdata" ] || hdr=bad-tags
[ "$(u 16 4)" = 16 ] && [ "$(u 20 2)" = 1 ] || hdr=bad-fmt
data=$(u 40 4)
[ "$(u 4 4)" = $((data + 36)) ] || hdr=bad-riff-size
[ "$size" = $((data + 44)) ] || hdr=bad-data-size
ch=$(u 22 2) rate=$(u 24 4) bits=$(u 34 2)
[ "$(u 28 4)" = $((rate * ch * bits / 8)) ] &&
    [ "$(u 32 2)" = $((ch * bits / 8)) ] || hdr=bad-rates
echo "$(basename "$f"): $hdr header, $ch ch, $rate Hz, $bits-bit," \
    "$((data / 2)) frames"
[ "$data" -gt 400 ] && [ "$2" != header ] || exit 0
sox "$f" -n stat 2>&1 | awk '
/^RMS +amplitude/ { rms = $3 }
/^Rough +frequency/ { hz = $3 }
END { printf "level %d dB RMS, about %d Hz\n",
    (rms > 0 ? 20 * log(rms) / log(10) - 0.5 : -999) + 0,
    int(hz / 100 + 0.5) * 100 }'
