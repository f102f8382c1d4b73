#!/bin/sh
# vox-segment against its anchor (issue 14): cutting a recording by its
# captions costs at most 1.3x converting the whole recording with
# vox-resample of the same build, and peak memory stays flat from 10
# minutes to 1 hour.  Corpus, made once in build/bench/segment/: five
# espeak-ng sentences with pauses and pink noise (17.5 s, 44.1 kHz
# stereo) repeated to 10 and 60 minutes, with SRT captions late and
# early by up to 0.3 s.  Each timing is the median of 3 runs, -j 1.
bin=$1
top=$(cd "$(dirname "$0")/../.." && pwd)
dir=$top/build/bench/segment
export LC_ALL=C
for c in sox soxi espeak-ng awk; do
	command -v $c >/dev/null || { echo "segment: $c missing, skipped"; exit 0; }
done

if [ ! -f "$dir/.done" ]; then
	echo "segment: building the corpus in $dir"
	rm -rf "$dir" && mkdir -p "$dir"
	(
		T=$dir
		cd "$top/tests/vox-segment" && . ./data/fixture.sh
		cd "$dir" || exit 1
		recording talk "1.0 0.8 1.5 3.0 0.6 1.2" \
		    "Welcome to the returns training." \
		    "Every return needs a receipt or an order number." \
		    "Refunds go back to the card that paid." \
		    "Store credit never expires." \
		    "Thank you for listening."
		d=$(soxi -D talk.wav)
		for spec in "10m 34" "60m 205"; do
			set -- $spec
			sox talk.wav "rec$1.wav" repeat $(($2 - 1))
			awk -v d="$d" -v n="$2" '{ t[NR] = $0 } END {
			    for (r = 0; r < n; r++) for (i = 1; i <= NR; i++) {
			    split(t[i], f, " "); s = t[i];
			    sub(/^[^ ]+ [^ ]+ /, "", s);
			    printf "%.3f %.3f %s\n", f[1] + r * d,
			    f[2] + r * d, s } }' talk.times >"rec$1.times"
			captions srt "0.25 -0.2 0.1 -0.3" <"rec$1.times" \
			    >"rec$1.srt"
		done
	) || exit 1
	touch "$dir/.done"
fi
cd "$dir" || exit 1

# Median wall time in seconds of 3 runs of "$@".
median() {
	for i in 1 2 3; do
		rm -rf out rss
		s=$(date +%s%N)
		"$@" >/dev/null 2>&1
		e=$(date +%s%N)
		echo $(( (e - s) / 1000 ))
	done | sort -n | sed -n 2p | awk '{ printf "%.3f\n", $1 / 1e6 }'
}

# Peak RSS in KB of one run of "$@".
peak() {
	rm -rf out rss
	/usr/bin/time -o rss -f %M "$@" >/dev/null 2>&1
	cat rss
}

for n in 10m 60m; do
	mkdir -p wav
	r=$(median "$bin/vox-resample" -q -j 1 -o wav "rec$n.wav")
	rm -rf wav
	s=$(median "$bin/vox-segment" -q -j 1 -o out "rec$n.wav" "rec$n.srt")
	echo "segment $n: vox-segment ${s} s, vox-resample ${r} s:" \
	    "$(awk -v a="$s" -v b="$r" 'BEGIN { printf "%.2f", a / b }')x" \
	    "(target 1.3x at most)"
done
m10=$(peak "$bin/vox-segment" -q -j 1 -o out rec10m.wav rec10m.srt)
m60=$(peak "$bin/vox-segment" -q -j 1 -o out rec60m.wav rec60m.srt)
echo "segment peak RSS: 10 min ${m10} KB, 60 min ${m60} KB" \
    "($(awk -v a="$m60" -v b="$m10" 'BEGIN { printf "%.2f", a / b }')x;" \
    "the envelope is 4 bytes per 10 ms)"
rm -rf out rss
