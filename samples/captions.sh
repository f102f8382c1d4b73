#!/bin/sh
# captions.sh: regenerate samples/captions: a short recording and its
# captions, for vox-segment(1).
#
# usage: sh samples/captions.sh [OUTDIR]   (default: this script's folder)
#
# Needs espeak-ng and sox.  Deterministic as make.sh is: fixed voice,
# speed and pitch, sox with -R and -D and an empty --comment.  Only
# OUTDIR/captions is removed and rewritten.  The content is ours, CC0 1.0.
set -eu
LC_ALL=C
export LC_ALL

out=${1:-$(cd "$(dirname "$0")" && pwd)}/captions
tmp=$out.tmp.$$
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM
rm -rf "$out" "$tmp"
mkdir -p "$out" "$tmp"

sx() { sox -R -D "$@"; }

# say N TEXT: espeak-ng, edge silence trimmed at -60 dB, 16 kHz.
say() {
	espeak-ng -v en-gb-x-rp -s 165 -p 50 -w "$tmp/$1.tts" "$2"
	sx "$tmp/$1.tts" -r 16000 "$tmp/$1.wav" silence 1 0.01 -60d \
	    reverse silence 1 0.01 -60d reverse gain -n -3
}
pause() {
	sx -n -r 16000 -c 1 -b 16 "$tmp/$1.wav" trim 0 "$2"
}

say s1 "Welcome to Larkspur Market, open every day from eight to eight."
say s2 "Fresh bread comes out of the oven at seven each morning."
say s3 "Returns need a receipt or an order number."
say s4 "Thank you for shopping with us."
# A door chime: sound that is not speech, captioned as such.
sx -n -r 16000 -c 1 -b 16 "$tmp/chime.wav" synth 0.6 sine 880 \
    fade 0 0.6 0.5 gain -12
pause p1 0.8
pause p2 0.7
pause p3 1.0
pause p4 1.2
pause p5 0.6
pause p6 1.0
set -- p1 s1 p2 s2 p3 chime p4 s3 p5 s4 p6
files=
for f; do files="$files $tmp/$f.wav"; done
sx $files --comment "" -r 16000 -c 1 -b 16 "$out/shop.flac"

# Caption times: each piece's start and end, then the captions as a
# person types them: starts up to 0.2 s off, ends lingering on screen.
t=0
: >"$tmp/times"
for f; do
	d=$(soxi -D "$tmp/$f.wav")
	echo "$f $t $d" >>"$tmp/times"
	t=$(awk -v t="$t" -v d="$d" 'BEGIN { printf "%.6f", t + d }')
done
srt() {
	awk -v late="$1" '
	    function ts(x, ms, h, m, s) {
		ms = int(x * 1000 + 0.5)
		h = int(ms / 3600000); ms -= h * 3600000
		m = int(ms / 60000); ms -= m * 60000
		s = int(ms / 1000); ms -= s * 1000
		return sprintf("%02d:%02d:%02d,%03d", h, m, s, ms)
	    }
	    BEGIN {
		text["s1"] = "Welcome to Larkspur Market,\nopen every day " \
		    "from 8 to 8."
		text["s2"] = "Fresh bread comes out of the oven\nat seven " \
		    "each morning."
		text["chime"] = "[door chime]"
		text["s3"] = "<i>Returns</i> need a receipt\nor an order " \
		    "number."
		text["s4"] = "Thank you for shopping with us!"
		split("0.15 -0.1 0.05 0.2 -0.05", off, " ")
	    }
	    $1 in text {
		k++
		a = $2 + off[k] + late
		b = $2 + $3 + 0.4 + late
		printf "%d\n%s --> %s\n%s\n\n", k, ts(a), ts(b), text[$1]
	    }' "$tmp/times"
}
srt 0 >"$out/shop.srt"
srt 2 >"$out/shop-late.srt"
