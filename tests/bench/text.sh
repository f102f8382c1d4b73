#!/bin/sh
# vox-text against uconv's NFC alone on a seeded 50 MB mixed-script
# corpus, then -j 2 against -j 1; peak RSS shows memory stays flat.
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
dir=$top/build/bench/text
mkdir -p "$dir"
VOXPREP_DATADIR=${VOXPREP_DATADIR:-$top/schemas}
export VOXPREP_DATADIR
c=$dir/corpus50.txt
[ -f "$c" ] || python3 "$here/textgen.py" "$c" 50 42 || exit 1
command -v uconv >/dev/null || { echo "text: uconv missing"; exit 1; }
mb=$(wc -c <"$c" | awk '{printf "%.1f", $1 / 1e6}')
secs() {
	/usr/bin/time -f '%e %M' -o "$dir/time" "$@" >/dev/null 2>&1
	tail -1 "$dir/time"
}
set -- $(secs uconv -f utf-8 -t utf-8 -x any-nfc "$c")
tu=$1
set -- $(secs "$bin/vox-text" -q -j 1 -L en-US "$c")
t1=$1 m1=$2
set -- $(secs "$bin/vox-text" -q -j 2 -L en-US "$c")
t2=$1 m2=$2
set -- $(secs "$bin/vox-text" -q -j 1 -L en-US --check "$c")
tc=$1
awk -v mb="$mb" -v tu="$tu" -v t1="$t1" -v t2="$t2" -v tc="$tc" \
    -v m1="$m1" -v m2="$m2" 'BEGIN {
	printf "corpus %s MB\n", mb
	printf "uconv -x any-nfc      %6.2f s %6.1f MB/s\n", tu, mb / tu
	printf "vox-text -j 1         %6.2f s %6.1f MB/s  peak RSS %d MB\n", \
	    t1, mb / t1, m1 / 1024
	printf "vox-text -j 2         %6.2f s %6.1f MB/s  peak RSS %d MB\n", \
	    t2, mb / t2, m2 / 1024
	printf "vox-text --check -j 1 %6.2f s %6.1f MB/s\n", tc, mb / tc
	printf "ratio vox-text -j 1 / uconv NFC: %.2fx (target >= 1)\n", tu / t1
	printf "ratio -j 2 / -j 1: %.2fx\n", t1 / t2
}'
