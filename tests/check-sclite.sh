#!/bin/sh
# Our totals under sclite's costs equal NIST sclite's (Debian's sctk) on
# seeded random ASCII corpora in trn form: small vocabularies (many
# ties), shifted hypotheses where unit costs and sclite's disagree
# (ref "a b c d e", hyp "d e x y z"), unrelated hypotheses, empty lines
# and alternates "{ a / b c / @ }" in the reference.  sclite's per-
# utterance "Scores:" lines are summed, and vox-wer --no-normalize
# scores the same files: its %WER line must give the same totals under
# --costs sclite, and no more errors under --costs unit.
set -u
if command -v sclite >/dev/null 2>&1; then
	sclite=sclite
elif command -v sctk >/dev/null 2>&1; then
	sclite="sctk sclite"
else
	echo "check-sclite: skipped, sclite not installed (Debian: sctk)"
	exit 0
fi
if ! command -v python3 >/dev/null 2>&1; then
	echo "check-sclite: skipped, python3 not installed"
	exit 0
fi
top=$(pwd)
: "${TOOLDIR:=$top/build/default/bin}"
case $TOOLDIR in
/*) ;;
*) TOOLDIR=$top/$TOOLDIR ;;
esac
if [ ! -x "$TOOLDIR/vox-wer" ]; then
	echo "check-sclite: no $TOOLDIR/vox-wer; build it with make"
	exit 1
fi
VOXPREP_DATADIR=${VOXPREP_DATADIR:-$top/schemas}
export VOXPREP_DATADIR
d=$(mktemp -d) || exit 3
trap 'rm -rf "$d"' EXIT

# gen SEED COUNT VOCABULARY ALTERNATES DIR
gen() {
	mkdir -p "$5"
	python3 - "$@" <<'EOF'
import random, sys
seed, n, v, alts, out = int(sys.argv[1]), int(sys.argv[2]), \
    int(sys.argv[3]), sys.argv[4] == "alt", sys.argv[5]
rnd = random.Random(seed)
V = ["w%d" % i for i in range(v)]
def word(): return rnd.choice(V)
ref = open(out + "/ref.trn", "w")
hyp = open(out + "/hyp.trn", "w")
# The issue's example, where the two cost models disagree.
ref.write("a b c d e (s0_x0001)\n")
hyp.write("d e x y z (s0_x0001)\n")
for i in range(n):
    r = [word() for _ in range(rnd.randint(0, 14))]
    mode = rnd.random()
    if mode < 0.1:
        h = [word() for _ in range(rnd.randint(0, 14))]
    elif mode < 0.25:
        k = rnd.randint(1, 3)
        h = r[k:] + [word() for _ in range(k)]
    else:
        h = []
        for w in r:
            x = rnd.random()
            if x < 0.08:
                continue
            if x < 0.18:
                h.append(word())
                continue
            if x < 0.24:
                h.append(word())
            h.append(w)
    rs = []
    for w in r:
        if alts and rnd.random() < 0.15:
            opts = [w] + [" ".join(word() for _ in range(rnd.randint(1, 2)))
                          for _ in range(rnd.randint(1, 2))]
            if rnd.random() < 0.5:
                opts.append("@")
            rnd.shuffle(opts)
            rs.append("{ " + " / ".join(opts) + " }")
        else:
            rs.append(w)
    uid = "s%d_u%05d" % (i % 7, i)
    ref.write(" ".join(rs + ["(%s)" % uid]) + "\n")
    hyp.write(" ".join(h + ["(%s)" % uid]) + "\n")
EOF
}

bad=0
for spec in "1 3000 4 plain" "2 3000 12 plain" "3 3000 5 alt" \
    "4 2000 200 alt"; do
	set -- $spec
	c=$d/c$1
	gen "$1" "$2" "$3" "$4" "$c" || exit 3
	(cd "$c" && $sclite -r ref.trn trn -h hyp.trn trn -i spu_id \
	    -o pra stdout) >"$c/pra" 2>&1 || {
		echo "check-sclite: sclite failed on corpus $1:"
		tail -5 "$c/pra"
		exit 1
	}
	awk '/^Scores:/ { c += $6; s += $7; dl += $8; i += $9; n++ }
	    END { if (n == 0) exit 1; print c, s, dl, i }' "$c/pra" \
	    >"$c/sclite.sum" || {
		echo "check-sclite: no Scores lines from sclite on corpus $1"
		exit 1
	}
	# "%WER r [ E / N, I ins, D del, S sub ]" as "C S D I".
	for costs in sclite unit; do
		(cd "$c" && "$TOOLDIR/vox-wer" --no-normalize --costs $costs \
		    ref.trn hyp.trn) >"$c/vox-$costs" 2>"$c/vox-$costs.err" || {
			echo "check-sclite: vox-wer failed on corpus $1:"
			tail -5 "$c/vox-$costs.err"
			exit 1
		}
		awk '/^%WER/ { gsub(/,/, "")
		    print $6 - $11 - $9, $11, $9, $7 }' \
		    "$c/vox-$costs" >"$c/vox-$costs.sum"
	done
	echo "corpus $1 ($2 utterances, $4): sclite C S D I" \
	    "$(cat "$c/sclite.sum"); vox-wer $(cat "$c/vox-sclite.sum");" \
	    "unit costs $(cat "$c/vox-unit.sum")"
	if ! cmp -s "$c/sclite.sum" "$c/vox-sclite.sum"; then
		echo "check-sclite: corpus $1: vox-wer's totals differ from" \
		    "sclite's"
		bad=1
	fi
	# Unit costs minimize the number of errors: never more than sclite's.
	awk '{ e[NR] = $2 + $3 + $4 } END { exit !(e[2] <= e[1]) }' \
	    "$c/vox-sclite.sum" "$c/vox-unit.sum" || {
		echo "check-sclite: corpus $1: more errors under unit costs"
		bad=1
	}
done
exit $bad
