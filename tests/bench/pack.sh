#!/bin/sh
# vox-pack against zip -0 -X (DESIGN.md section 8): 2,000 short WAVs and
# a trans.txt packed into one stored zip, lint included; and whether two
# runs give the same bytes.  The WAVs are the audio bench's seeded corpus
# (build/bench/audio/wav); tests/bench/audio.sh makes it if missing.
bin=$1
top=$(cd "$(dirname "$0")/../.." && pwd)
src=$top/build/bench/audio/wav
dir=$top/build/bench/pack
VOXPREP_DATADIR=$top/schemas
export VOXPREP_DATADIR LC_ALL=C
command -v zip >/dev/null || { echo "pack: zip missing, skipped"; exit 0; }
if [ ! -f "$top/build/bench/audio/.done" ]; then
	echo "pack: the audio corpus is missing; run tests/bench/audio.sh"
	exit 0
fi
rm -rf "$dir"
mkdir -p "$dir/set"
cp "$src"/*.wav "$dir/set/"
for f in "$dir"/set/*.wav; do
	printf '%s\tsome words for this clip\n' "$(basename "$f")"
done >"$dir/set/trans.txt"
mb=$(du -sm "$dir/set" | cut -f1)

best() {
	b=
	for k in 1 2 3; do
		rm -f "$dir"/out*.zip "$dir"/out*.json
		s=$(date +%s.%N)
		"$@" >/dev/null 2>&1
		e=$(date +%s.%N)
		b=$(echo "$s $e $b" | awk '{ t = $2 - $1;
		    if ($3 == "" || t < $3) print t; else print $3 }')
	done
	echo "$b"
}

ours=$(best "$bin/vox-pack" -q -k acoustic -o "$dir/out.zip" "$dir/set")
ours1=$(best "$bin/vox-pack" -q -j 1 -k acoustic -o "$dir/out.zip" "$dir/set")
theirs=$(cd "$dir/set" && best sh -c "ls | zip -q -0 -X -@ '$dir/out-zip.zip'")
echo "$ours $theirs $mb $ours1" | awk '{ printf "vox-pack (lint + pack) %.2f s, " \
    "zip -0 -X %.2f s, %d MB: %.2fx the speed of zip (target >= 2x)\n", $1, $2,
    $3, $2 / $1; printf "vox-pack -j 1 %.2f s: %.2fx zip; the default -j is " \
    "%.2fx -j 1 (target >= 1x)\n", $4, $2 / $4, $4 / $1 }'
"$bin/vox-pack" -q -k acoustic -o "$dir/a.zip" "$dir/set" >/dev/null
touch "$dir"/set/*
"$bin/vox-pack" -q -k acoustic -o "$dir/b.zip" "$dir/set" >/dev/null
if cmp -s "$dir/a.zip" "$dir/b.zip"; then
	echo "reproducible: two runs, same bytes ($(sha256sum <"$dir/a.zip" |
	    cut -c1-16)...)"
else
	echo "reproducible: NO, the two runs differ"
fi
# Memory stays flat: a quarter of the files against all of them.
mkdir -p "$dir/quarter"
ls "$dir/set" | grep 'wav$' | head -500 | while read -r f; do
	ln "$dir/set/$f" "$dir/quarter/$f"
done
grep -F -f "$(ls "$dir/quarter" | sed 's/$/	/' >"$dir/q.names";
    echo "$dir/q.names")" "$dir/set/trans.txt" >"$dir/quarter/trans.txt"
for s in quarter set; do
	rm -f "$dir/c.zip"
	/usr/bin/time -f %M -o "$dir/rss" "$bin/vox-pack" -q -k acoustic \
	    -o "$dir/c.zip" "$dir/$s" >/dev/null
	echo "peak RSS, $(ls "$dir/$s" | grep -c 'wav$') files" \
	    "($(du -sm "$dir/$s" | cut -f1) MB): $(tail -1 "$dir/rss") KB"
done
