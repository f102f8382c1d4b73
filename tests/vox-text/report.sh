# --report FILE: every change and drop as a JSONL finding.
"$TOOLDIR/vox-text" -q --report "$T/r.jsonl" data/en-mixed.txt >/dev/null
echo "rc $?"
wc -l <"$T/r.jsonl"
grep -o '"rule":"[A-Z-]*"' "$T/r.jsonl" | sort | uniq -c
