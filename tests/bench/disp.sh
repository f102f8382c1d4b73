#!/bin/sh
# vox-md --apply on a seeded 50 MB lexical corpus with 200 #itn patterns,
# 1,000 #rewrite lines and 50 #profanity words (target >= 50 MB/s); peak
# RSS shows memory stays flat.
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
dir=$top/build/bench/disp
mkdir -p "$dir"
VOXPREP_DATADIR=${VOXPREP_DATADIR:-$top/schemas}
export VOXPREP_DATADIR
f=$dir/format.md
c=$dir/lexical50.txt
[ -f "$c" ] && [ -f "$f" ] ||
    python3 "$here/dispgen.py" "$f" "$c" 50 42 || exit 1
mb=$(wc -c <"$c" | awk '{printf "%.1f", $1 / 1e6}')
/usr/bin/time -f '%e %U %M' -o "$dir/time" "$bin/vox-md" -q --apply "$f" \
    "$c" >/dev/null 2>"$dir/err"
set -- $(tail -1 "$dir/time")
awk -v mb="$mb" -v t="$1" -v u="$2" -v m="$3" 'BEGIN {
	printf "corpus %s MB\n", mb
	printf "vox-md --apply  %6.2f s %6.1f MB/s (CPU %.2f s, %.1f MB/s)" \
	    "  peak RSS %d MB\n", t, mb / t, u, mb / u, m / 1024
	printf "vox-md --apply %.1f MB/s (target >= 50 MB/s)\n", mb / t
}'
