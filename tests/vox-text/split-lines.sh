# ja-JP: -o names shards OUT-001.txt ...; each has a BOM and at most N lines.
"$TOOLDIR/vox-text" -q -L ja-JP --split-lines 2 -o "$T/out.txt" data/ja.txt
ls "$T"
for f in "$T"/out-*.txt; do
	printf '%s: %s lines, BOM %s\n' "$(basename "$f")" "$(wc -l <"$f")" \
	    "$(head -c 3 "$f" | od -An -tx1 | tr -d ' ')"
done
# Without --split-lines the locale's 20,000 applies; stdout gets a warning.
seq 20001 | sed 's/.*/行&です。/' >"$T/big.txt"
"$TOOLDIR/vox-text" -L ja-JP "$T/big.txt" 2>&1 >/dev/null
"$TOOLDIR/vox-text" -q -L ja-JP -o "$T/big-out.txt" "$T/big.txt"
ls "$T" | grep big-out
"$TOOLDIR/vox-text" -L ja-JP --check "$T/big.txt" 2>&1 | grep -v TEXT-LINE
