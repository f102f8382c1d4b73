#!/bin/sh
# vox-lint over a folder dataset, how it scales with -j (issue 17): the
# 2,000 WAVs of the audio bench's seeded corpus (build/bench/audio/wav;
# tests/bench/audio.sh makes it if missing) and a trans.txt, linted
# plain and with --scan at -j 1, -j 2 and the default -j (the online
# CPUs, what a user runs), ratios in one run.
bin=$1
top=$(cd "$(dirname "$0")/../.." && pwd)
src=$top/build/bench/audio/wav
dir=$top/build/bench/lint
VOXPREP_DATADIR=$top/schemas
export VOXPREP_DATADIR LC_ALL=C
if [ ! -f "$top/build/bench/audio/.done" ]; then
	echo "lint: the audio corpus is missing; run tests/bench/audio.sh"
	exit 0
fi
if [ ! -f "$dir/.done" ]; then
	rm -rf "$dir"
	mkdir -p "$dir/set"
	cp "$src"/*.wav "$dir/set/"
	for f in "$dir"/set/*.wav; do
		printf '%s\tsome words for this clip\n' "$(basename "$f")"
	done >"$dir/set/trans.txt"
	touch "$dir/.done"
fi
mb=$(du -sm "$dir/set" | cut -f1)
ncpu=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)

. "$top/tests/bench/race.inc"

lint() { timed "$bin/vox-lint" -q -k acoustic "$@" "$dir/set"; }
l1() { lint -j 1; }
l2() { lint -j 2; }
ld() { lint; }
s1() { lint -j 1 --scan; }
s2() { lint -j 2 --scan; }
sd() { lint --scan; }
race l1 l2 ld s1 s2 sd
t_1=$(best l1) t_2=$(best l2) t_d=$(best ld)
t_s1=$(best s1) t_s2=$(best s2) t_sd=$(best sd)
echo "lint: a folder of 2000 WAVs and a trans.txt, $mb MB; default -j" \
    "is $ncpu (online CPUs)"
echo "lint: -j 1 $t_1 s, -j 2 $t_2 s: $(ratio "$t_1" "$t_2")x" \
    "(target >= 1.85x); default -j $t_d s: $(ratio "$t_1" "$t_d")x" \
    "(target >= 1x)"
echo "lint --scan: -j 1 $t_s1 s, -j 2 $t_s2 s: $(ratio "$t_s1" "$t_s2")x" \
    "(target >= 1.85x); default -j $t_sd s: $(ratio "$t_s1" "$t_sd")x" \
    "(target >= 1x)"
if [ -x /usr/bin/time ]; then
	m=$( { /usr/bin/time -f %M "$bin/vox-lint" -q -k acoustic --scan \
	    "$dir/set" >/dev/null; } 2>&1 | tail -1)
	echo "peak RSS, lint --scan of $mb MB: $m KB"
fi
