#!/bin/sh
# make bench: vox-resample against its anchors, ratios from one run.
# $1 is the default build's tools (libsamplerate); the soxr build is
# made here.  Corpus: 20 x 30 s of 44.1 kHz stereo, seeded (sox -R),
# in build/bench/resample/.  Each timing is the median of 3 runs.
set -e
bin=$1
top=$(cd "$(dirname "$0")/../.." && pwd)
dir=$top/build/bench/resample
mkdir -p "$dir/in" "$dir/out"
export LC_ALL=C

make -C "$top" --no-print-directory RESAMPLER=soxr all >/dev/null
lsr=$bin/vox-resample
soxr=$top/build/default-soxr/bin/vox-resample

i=0
while [ $i -lt 20 ]; do
	f=$dir/in/c$i.wav
	[ -f "$f" ] || sox -R -n -r 44100 -c 2 -b 16 "$f" synth 30 \
	    pinknoise sine $((300 + 37 * i)) gain -9 2>/dev/null
	i=$((i + 1))
done
[ -f "$dir/long.wav" ] || sox -R -n -r 44100 -c 2 -b 16 "$dir/long.wav" \
    synth 600 pinknoise sine 440 gain -9 2>/dev/null

# The reference: a bare libsamplerate loop at the same quality (medium),
# libsndfile in and out, no dither, no atomic output.
cat >"$dir/bare.c" <<'EOF'
#include <samplerate.h>
#include <sndfile.h>
#include <stdio.h>

#define N 4096

int
main(int argc, char *argv[])
{
	static float in[N * 2], mono[N], out[N * 4];
	static short pcm[N * 4];
	SF_INFO si = { 0 }, so = { 0 };
	SNDFILE *a, *b;
	SRC_STATE *s;
	SRC_DATA d = { 0 };
	sf_count_t n, i;
	int err, k;

	for (k = 1; k + 1 < argc; k += 2) {
		a = sf_open(argv[k], SFM_READ, &si);
		so.samplerate = 16000;
		so.channels = 1;
		so.format = SF_FORMAT_WAV | SF_FORMAT_PCM_16;
		b = sf_open(argv[k + 1], SFM_WRITE, &so);
		s = src_new(SRC_SINC_MEDIUM_QUALITY, 1, &err);
		if (a == NULL || b == NULL || s == NULL)
			return 1;
		d.src_ratio = 16000.0 / si.samplerate;
		do {
			n = sf_readf_float(a, in, N);
			for (i = 0; i < n; i++)
				mono[i] = (in[2 * i] + in[2 * i + 1]) / 2;
			d.data_in = mono;
			d.input_frames = n;
			d.end_of_input = n == 0;
			do {
				d.data_out = out;
				d.output_frames = N * 4;
				src_process(s, &d);
				src_float_to_short_array(out, pcm,
				    d.output_frames_gen);
				sf_writef_short(b, pcm, d.output_frames_gen);
				d.data_in += d.input_frames_used;
				d.input_frames -= d.input_frames_used;
			} while (d.input_frames > 0 ||
			    (n == 0 && d.output_frames_gen > 0));
		} while (n > 0);
		src_delete(s);
		sf_close(a);
		sf_close(b);
	}
	return 0;
}
EOF
cc -O2 -o "$dir/bare" "$dir/bare.c" \
    $(pkg-config --cflags --libs sndfile samplerate)

# Median wall time in seconds of 3 runs of "$@".
t() {
	for r in 1 2 3; do
		rm -f "$dir"/out/*
		s=$(date +%s%N)
		"$@" >/dev/null 2>&1
		e=$(date +%s%N)
		echo $(((e - s) / 1000))
	done | sort -n | sed -n 2p | awk '{ printf "%.3f\n", $1 / 1e6 }'
}

sox_all() {
	for f in "$dir"/in/*.wav; do
		sox "$f" -c 1 -b 16 "$dir/out/$(basename "$f")" rate 16000
	done
}

bare_all() {
	set --
	for f in "$dir"/in/*.wav; do
		set -- "$@" "$f" "$dir/out/$(basename "$f")"
	done
	"$dir/bare" "$@"
}

ratio() {
	awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'
}

echo "corpus: 20 x 30 s, 44.1 kHz stereo -> 16 kHz mono (600 s of audio)"
ts=$(t sox_all)
tx1=$(t "$soxr" -q -j 1 -o "$dir/out" "$dir"/in/*.wav)
tx2=$(t "$soxr" -q -j 2 -o "$dir/out" "$dir"/in/*.wav)
txd=$(t "$soxr" -q -o "$dir/out" "$dir"/in/*.wav)
tb=$(t bare_all)
tl1=$(t "$lsr" -q -j 1 -o "$dir/out" "$dir"/in/*.wav)
tl2=$(t "$lsr" -q -j 2 -o "$dir/out" "$dir"/in/*.wav)
printf '%-44s %8s s\n' "sox -c 1 -b 16 rate 16000 (20 processes)" "$ts" \
    "vox-resample soxr -j 1" "$tx1" "vox-resample soxr -j 2" "$tx2" \
    "bare libsamplerate loop (medium)" "$tb" \
    "vox-resample libsamplerate -j 1" "$tl1" \
    "vox-resample libsamplerate -j 2" "$tl2"
echo "soxr -j 1 vs sox:               $(ratio "$ts" "$tx1")x faster" \
    "(target >= 2)"
echo "libsamplerate vs bare loop:     $(ratio "$tl1" "$tb")x the time" \
    "(target <= 1.10)"
echo "-j 2 vs -j 1, soxr:             $(ratio "$tx1" "$tx2")x (target >= 1.85x)"
echo "-j 2 vs -j 1, libsamplerate:    $(ratio "$tl1" "$tl2")x (target >= 1.85x)"
echo "default -j ($(nproc)) vs -j 1, soxr:    $(ratio "$tx1" "$txd")x (target >= 1x)"

# Peak memory must not grow with the file: 30 s against 600 s.
m30=$( { /usr/bin/time -f %M "$soxr" -q "$dir/in/c0.wav" >/dev/null; } \
    2>&1 | tail -1)
m600=$( { /usr/bin/time -f %M "$soxr" -q "$dir/long.wav" >/dev/null; } \
    2>&1 | tail -1)
f30=$( { /usr/bin/time -f %M "$soxr" -q -o "$dir/out" \
    "$dir/in/c0.wav"; } 2>&1 | tail -1)
f600=$( { /usr/bin/time -f %M "$soxr" -q -o "$dir/out" "$dir/long.wav"; } \
    2>&1 | tail -1)
echo "peak RSS to a folder: 30 s $f30 KB, 600 s $f600 KB;" \
    "to a pipe from a file: 30 s $m30 KB, 600 s $m600 KB"
rm -f "$dir"/out/*
