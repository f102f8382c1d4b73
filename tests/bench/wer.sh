#!/bin/sh
# vox-wer against NIST sclite (Debian's sctk) on a seeded corpus of
# 20,000 utterances in trn form, whole process each: sclite's totals
# (-o sum) against vox-wer's, with and without normalization; peak RSS
# shows memory stays flat.  Target: at least 5x faster than sclite.
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
dir=$top/build/bench/wer
mkdir -p "$dir"
VOXPREP_DATADIR=${VOXPREP_DATADIR:-$top/schemas}
export VOXPREP_DATADIR
if command -v sclite >/dev/null 2>&1; then
	sclite=sclite
elif command -v sctk >/dev/null 2>&1; then
	sclite="sctk sclite"
else
	echo "wer: sclite missing (Debian: sctk)"
	exit 1
fi
n=20000
[ -f "$dir/hyp.trn" ] || python3 - "$dir" "$n" <<'PY' || exit 1
import random, sys
out, n = sys.argv[1], int(sys.argv[2])
rnd = random.Random(42)
V = ["w%d" % i for i in range(3000)]
ref = open(out + "/ref.trn", "w")
hyp = open(out + "/hyp.trn", "w")
for i in range(n):
    r = [rnd.choice(V) for _ in range(rnd.randint(3, 30))]
    h = []
    for w in r:
        x = rnd.random()
        if x < 0.05:
            continue
        if x < 0.12:
            h.append(rnd.choice(V))
            continue
        if x < 0.15:
            h.append(rnd.choice(V))
        h.append(w)
    uid = "spk%03d_u%06d" % (i % 200, i)
    ref.write(" ".join(r + ["(%s)" % uid]) + "\n")
    hyp.write(" ".join(h + ["(%s)" % uid]) + "\n")
PY
secs() {
	/usr/bin/time -f '%e %M' -o "$dir/time" "$@" >"$dir/out" 2>&1
	tail -1 "$dir/time"
}
set -- $(cd "$dir" && secs $sclite -r ref.trn trn -h hyp.trn trn \
    -i spu_id -o sum stdout)
ts=$1 ms=$2
sys=$(grep -m1 'Sum/Avg' "$dir/out" | tr -s ' |' ' ')
set -- $(secs "$bin/vox-wer" --no-normalize "$dir/ref.trn" "$dir/hyp.trn")
t1=$1 m1=$2
ours=$(grep '^%WER' "$dir/out")
set -- $(secs "$bin/vox-wer" "$dir/ref.trn" "$dir/hyp.trn")
t2=$1 m2=$2
echo "corpus $n utterances; sclite:$sys"
echo "vox-wer: $ours"
awk -v ts="$ts" -v t1="$t1" -v t2="$t2" -v ms="$ms" -v m1="$m1" \
    -v m2="$m2" 'BEGIN {
	if (t1 == 0) t1 = 0.01
	if (t2 == 0) t2 = 0.01
	f = "%-23s %6.2f s  peak RSS %d MB\n"
	printf f, "sclite", ts, ms / 1024
	printf f, "vox-wer --no-normalize", t1, m1 / 1024
	printf f, "vox-wer (normalized)", t2, m2 / 1024
	printf "ratio sclite / vox-wer --no-normalize: %.1fx (target >= 5)\n", \
	    ts / t1
	printf "ratio sclite / vox-wer normalized: %.1fx\n", ts / t2
}'
