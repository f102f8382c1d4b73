# Every text tool is linear in its input: time on an input of size 2N
# over time on size N stays under 3 (a ratio, not a timing, so machine
# speed does not matter; each size takes the best of two runs).  The
# inputs are the shapes that once were quadratic: a transcript line of
# many tokens with findings (columns recounted from the line start), a
# line of 'a' and hundreds of thousands of combining marks (canonical
# reordering in NFC), a pronunciation file of many entries (duplicate
# display forms looked up in a list).
. data/common.sh

# secs CMD ARGS...: the best of two runs' wall time, in seconds, or
# "timeout" if a run takes over a minute.
secs() {
	best=
	for run in 1 2; do
		t0=$(date +%s.%N)
		timeout 60 "$@" >/dev/null 2>&1
		if [ $? -eq 124 ]; then
			echo timeout
			return
		fi
		t1=$(date +%s.%N)
		best=$(awk -v a="$t0" -v b="$t1" -v m="$best" 'BEGIN {
			d = b - a; if (m == "" || d < m) m = d; print m }')
	done
	echo "$best"
}

# linear NAME SMALL LARGE: the verdict on two timings.
linear() {
	awk -v n="$1" -v a="$2" -v b="$3" 'BEGIN {
		if (a == "timeout" || b == "timeout") {
			printf "%s: over a minute\n", n
			exit
		}
		if (a < 0.01) a = 0.01
		r = b / a
		if (r < 3) printf "%s: linear\n", n
		else printf "%s: %.2f s for N, %.2f s for 2N, ratio %.1f\n",
		    n, a, b, r }'
}

for k in 1 2; do
	awk -v n=$((100000 * k)) -v m=$((20000 * k)) 'BEGIN {
		printf "a.wav\t"
		for (i = 0; i < n; i++) printf "w%d ", i % 10
		printf "\n"
		for (i = 0; i < m; i++)
			printf "b%d.wav\tthe clip number %d is here\n", i, i
	}' >"$T/trans$k.txt"
	awk -v n=$((100000 * k)) -v m=$((20000 * k)) 'BEGIN {
		printf "\357\273\277a"
		for (i = 0; i < n; i++) printf "\314\201\314\243"
		printf "\n"
		for (i = 0; i < m; i++)
			printf "Line %d says hello. It has two sentences.\n", i
	}' >"$T/text$k.txt"
	awk -v n=$((50000 * k)) 'BEGIN { printf "\357\273\277"
		for (i = 0; i < n; i++) printf "Word%d\tword %d\n", i, i % 7
	}' >"$T/pron$k.txt"
done
linear vox-trans "$(secs "$TOOLDIR/vox-trans" "$T/trans1.txt")" \
    "$(secs "$TOOLDIR/vox-trans" "$T/trans2.txt")"
linear vox-text "$(secs "$TOOLDIR/vox-text" "$T/text1.txt")" \
    "$(secs "$TOOLDIR/vox-text" "$T/text2.txt")"
linear vox-pron "$(secs "$TOOLDIR/vox-pron" "$T/pron1.txt")" \
    "$(secs "$TOOLDIR/vox-pron" "$T/pron2.txt")"
# The marks are a finding with line and column; the line is dropped.
"$TOOLDIR/vox-text" --check "$T/text1.txt" 2>&1 | grep TEXT-MARKS
