#!/bin/sh
# vox-audio against its anchors (DESIGN.md section 8), ratios in one run:
# header audit vs soxi, --scan vs sox stats and cat, -j 2 vs -j 1, and
# peak RSS as files grow.  The corpus is 2,000 seeded 16 kHz WAVs under
# build/bench/audio/ (made once; sox -R makes the bytes reproducible).
bin=$1
top=$(cd "$(dirname "$0")/../.." && pwd)
dir=$top/build/bench/audio
VOXPREP_DATADIR=$top/schemas
export VOXPREP_DATADIR LC_ALL=C
for c in sox soxi awk; do
	command -v $c >/dev/null || { echo "audio: $c missing, skipped"; exit 0; }
done

if [ ! -f "$dir/.done" ]; then
	echo "audio: building the corpus in $dir"
	mkdir -p "$dir/wav" && rm -f "$dir"/wav/*.wav
	i=0
	# An LCG picks each file's length (1-4 s) and content.
	seed=12345
	while [ $i -lt 2000 ]; do
		seed=$(( (seed * 1103515245 + 12345) % 2147483648 ))
		len=$(( 1 + seed % 4 ))
		f=$(( 200 + seed % 1800 ))
		case $(( seed / 7 % 3 )) in
		0) kind="synth $len pinknoise vol 0.3" ;;
		1) kind="synth $len sine $f vol 0.5" ;;
		*) kind="synth $len sine $f vol 1.5" ;;
		esac
		sox -R -D -V1 -n -r 16000 -c 1 -b 16 \
		    "$dir/wav/$(printf 'f%04d' $i).wav" $kind pad 0.3 0.3
		i=$((i + 1))
	done
	sox -R -D -V1 -n -r 16000 -c 1 -b 16 "$dir/long60.wav" \
	    synth 60 pinknoise vol 0.3
	sox -R -D -V1 -n -r 16000 -c 1 -b 16 "$dir/long600.wav" \
	    synth 600 pinknoise vol 0.3
	touch "$dir/.done"
fi
cd "$dir/wav" || exit 1
mb=$(du -sm . | cut -f1)

# The best of 5 wall-clock runs, in seconds.
best() {
	b=
	for k in 1 2 3 4 5; do
		s=$(date +%s.%N)
		"$@" >/dev/null 2>&1
		e=$(date +%s.%N)
		b=$(echo "$s $e $b" | awk '{ t = $2 - $1;
		    if ($3 == "" || t < $3) print t; else print $3 }')
	done
	echo "$b"
}
ratio() {
	echo "$1 $2" | awk '{ printf "%.2f", $1 / $2 }'
}

files=$(ls ./*.wav)
# shellcheck disable=SC2086
{
	t_soxi=$(best soxi $files)
	t_hdr=$(best "$bin/vox-audio" -j 1 $files)
	t_hdrd=$(best "$bin/vox-audio" $files)
	t_sox=$(best sox $files -n stats)
	t_cat=$(best cat $files)
	t_scan1=$(best "$bin/vox-audio" -j 1 --scan $files)
	t_scan2=$(best "$bin/vox-audio" -j 2 --scan $files)
}
echo "audio: 2000 files, $mb MB"
echo "header audit: vox-audio $t_hdr s, soxi $t_soxi s:" \
    "$(ratio "$t_soxi" "$t_hdr")x (target 1.5x)"
echo "header audit at the default -j: $t_hdrd s, $(ratio "$t_soxi" \
    "$t_hdrd")x soxi (target 2x), $(ratio "$t_hdr" "$t_hdrd")x -j 1" \
    "(target >= 1x)"
echo "scan: vox-audio --scan $t_scan1 s, sox stats $t_sox s:" \
    "$(ratio "$t_sox" "$t_scan1")x (target 3x);" \
    "$(ratio "$t_cat" "$t_scan1" | awk '{ printf "%d", $1 * 100 }')% of" \
    "cat (target 40%)"
echo "jobs: -j 2 vs -j 1 on --scan: $(ratio "$t_scan1" "$t_scan2")x" \
    "(target 1.7x)"
if [ -x /usr/bin/time ]; then
	for f in long60 long600; do
		m=$(/usr/bin/time -f %M "$bin/vox-audio" --scan "../$f.wav" \
		    2>&1 >/dev/null | tail -1)
		echo "peak RSS, --scan of $(du -m "../$f.wav" | cut -f1) MB:" \
		    "$m KB"
	done
fi
