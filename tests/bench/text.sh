#!/bin/sh
# vox-text against uconv's NFC alone on seeded 50 MB corpora, one
# mixed-script (en, de, fr, es, ja, zh) and one Latin-script, then -j 2
# against -j 1; peak RSS at 50 MB and at 10 MB shows memory stays flat.
# The commands of each ratio run in turn, 7 rounds, best of each
# (tests/bench/race.inc); the rest are the best of three runs.
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
dir=$top/build/bench/text
mkdir -p "$dir"
VOXPREP_DATADIR=${VOXPREP_DATADIR:-$top/schemas}
export VOXPREP_DATADIR
c=$dir/corpus50.txt
l=$dir/latin50.txt
sm=$dir/corpus10.txt
[ -f "$c" ] || python3 "$here/textgen.py" "$c" 50 42 mixed || exit 1
[ -f "$l" ] || python3 "$here/textgen.py" "$l" 50 42 latin || exit 1
[ -f "$sm" ] || python3 "$here/textgen.py" "$sm" 10 42 mixed || exit 1
command -v uconv >/dev/null || { echo "text: uconv missing"; exit 1; }
mb() {
	wc -c <"$1" | awk '{ printf "%.1f", $1 / 1e6 }'
}
# "seconds peak-KB": the best wall time of three runs, the largest RSS
# (--check exits 1 when there is something to change: not a failure).
best3() {
	: >"$dir/times"
	for k in 1 2 3; do
		/usr/bin/time -f '%e %M' -o "$dir/time" "$@" >/dev/null 2>&1
		tail -1 "$dir/time" >>"$dir/times"
	done
	awk 'NR == 1 || $1 < t { t = $1 } $2 > m { m = $2 }
	    END { print t, m }' "$dir/times"
}
vt() {
	best3 "$bin/vox-text" -q -L en-US "$@"
}
. "$top/tests/bench/race.inc"
cu() { timed uconv -f utf-8 -t utf-8 -x any-nfc "$c"; }
c1() { timed "$bin/vox-text" -q -L en-US -j 1 "$c"; }
c2() { timed "$bin/vox-text" -q -L en-US -j 2 "$c"; }
lu() { timed uconv -f utf-8 -t utf-8 -x any-nfc "$l"; }
l1() { timed "$bin/vox-text" -q -L en-US -j 1 "$l"; }
race cu c1 c2 lu l1
cu=$(best cu) c1=$(best c1) c2=$(best c2) lu=$(best lu) l1=$(best l1)
set -- $(vt -j 1 "$c")
m1=$2
set -- $(vt -j 2 "$c")
m2=$2
set -- $(vt -j 1 --check "$c")
cc=$1
set -- $(vt -j 1 "$sm")
s1=$1 ms=$2
awk -v cmb="$(mb "$c")" -v lmb="$(mb "$l")" -v smb="$(mb "$sm")" \
    -v cu="$cu" -v c1="$c1" -v c2="$c2" -v cc="$cc" -v lu="$lu" \
    -v l1="$l1" -v s1="$s1" -v m1="$m1" -v m2="$m2" -v ms="$ms" '
function rate(mb, t) { return t > 0 ? mb / t : 0 }
function ratio(a, b) { return b > 0 ? a / b : 0 }
BEGIN {
	printf "mixed-script corpus %s MB, Latin-script corpus %s MB " \
	    "(best of 7 in turn)\n", cmb, lmb
	printf "mixed uconv -x any-nfc     %6.2f s %6.1f MB/s\n", cu,
	    rate(cmb, cu)
	printf "mixed vox-text -j 1        %6.2f s %6.1f MB/s  peak RSS " \
	    "%d MB\n", c1, rate(cmb, c1), m1 / 1024
	printf "mixed vox-text -j 2        %6.2f s %6.1f MB/s  peak RSS " \
	    "%d MB\n", c2, rate(cmb, c2), m2 / 1024
	printf "mixed vox-text --check -j 1 %5.2f s %6.1f MB/s\n", cc,
	    rate(cmb, cc)
	printf "Latin uconv -x any-nfc     %6.2f s %6.1f MB/s\n", lu,
	    rate(lmb, lu)
	printf "Latin vox-text -j 1        %6.2f s %6.1f MB/s\n", l1,
	    rate(lmb, l1)
	printf "%s MB mixed vox-text -j 1  %6.2f s %6.1f MB/s  peak RSS " \
	    "%d MB\n", smb, s1, rate(smb, s1), ms / 1024
	printf "ratio mixed vox-text -j 1 / uconv NFC: %.2fx (target >= 1x)\n",
	    ratio(cu, c1)
	printf "ratio Latin vox-text -j 1 / uconv NFC: %.2fx " \
	    "(target >= 1.5x)\n", ratio(lu, l1)
	printf "ratio mixed -j 2 / -j 1: %.2fx (target >= 1.85x)\n",
	    ratio(c1, c2)
	printf "peak RSS -j 1 at %s MB / at %s MB: %.2fx (flat: about 1x)\n",
	    cmb, smb, ratio(m1, ms)
}'
