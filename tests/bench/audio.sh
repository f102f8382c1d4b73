#!/bin/sh
# vox-audio against its anchors (DESIGN.md section 8), ratios in one run:
# header audit vs soxi, --scan vs sox stats and cat, -j 2 vs -j 1, the
# default -j vs -j 1, and peak RSS as files grow.  The corpus is 2,000
# seeded 16 kHz WAVs under build/bench/audio/ (made once; sox -R makes
# the bytes reproducible).  The default -j is what a user runs: the
# online CPUs.
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

. "$top/tests/bench/race.inc"

files=$(ls ./*.wav)
ncpu=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)
# shellcheck disable=SC2086
{
	soxi_() { timed soxi $files; }
	hdr1() { timed "$bin/vox-audio" -j 1 $files; }
	hdrd() { timed "$bin/vox-audio" $files; }
	sox_() { timed sox $files -n stats; }
	cat_() { timed cat $files; }
	scan1() { timed "$bin/vox-audio" -j 1 --scan $files; }
	scan2() { timed "$bin/vox-audio" -j 2 --scan $files; }
	scand() { timed "$bin/vox-audio" --scan $files; }
}
race soxi_ hdr1 hdrd
race sox_ cat_ scan1 scan2 scand
t_soxi=$(best soxi_) t_hdr=$(best hdr1) t_hdrd=$(best hdrd)
t_sox=$(best sox_) t_cat=$(best cat_)
t_scan1=$(best scan1) t_scan2=$(best scan2) t_scand=$(best scand)
echo "audio: 2000 files, $mb MB; default -j is $ncpu (online CPUs)"
echo "header audit: vox-audio $t_hdr s, soxi $t_soxi s:" \
    "$(ratio "$t_soxi" "$t_hdr")x (target 1.5x)"
echo "header audit at the default -j: $t_hdrd s, $(ratio "$t_soxi" \
    "$t_hdrd")x soxi (target 2x), $(ratio "$t_hdr" "$t_hdrd")x -j 1" \
    "(target >= 1x)"
echo "scan: vox-audio --scan -j 1 $t_scan1 s, sox stats $t_sox s:" \
    "$(ratio "$t_sox" "$t_scan1")x (target 3x)"
echo "scan vs cat (cat $t_cat s), at the default -j ($t_scand s):" \
    "$(ratio "$t_cat" "$t_scand")x (target >= 1x); at -j 1:" \
    "$(ratio "$t_cat" "$t_scan1")x"
echo "jobs: -j 2 vs -j 1 on --scan: $(ratio "$t_scan1" "$t_scan2")x" \
    "(target >= 1.85x)"
# The anchor: the same files only read, on 2 threads against 1 of one
# process (tests/bench/readpar.c), is what this machine allows.
rp=$top/build/bench/readpar
if cc -O2 -pthread -o "$rp" "$top/tests/bench/readpar.c" 2>/dev/null; then
	# shellcheck disable=SC2086
	r1=$("$rp" 1 $files)
	# shellcheck disable=SC2086
	r2=$("$rp" 2 $files)
	echo "anchor: reading the same files alone, 2 threads vs 1:" \
	    "$(ratio "$r1" "$r2")x ($r1 s, $r2 s): the machine's limit;" \
	    "--scan -j 2 reaches $(echo "$t_scan1 $t_scan2 $r1 $r2" |
	    awk '{ printf "%.0f", 100 * ($1 / $2) / ($3 / $4) }')% of it"
fi
echo "jobs: default -j vs -j 1 on --scan: $(ratio "$t_scan1" "$t_scand")x" \
    "(target >= 1x)"
if [ -x /usr/bin/time ]; then
	for f in long60 long600; do
		m=$(/usr/bin/time -f %M "$bin/vox-audio" --scan "../$f.wav" \
		    2>&1 >/dev/null | tail -1)
		echo "peak RSS, --scan of $(du -m "../$f.wav" | cut -f1) MB:" \
		    "$m KB"
	done
fi
