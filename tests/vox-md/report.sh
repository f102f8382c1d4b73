# --report: every finding of every file, the shown and the held, as JSON
# Lines (schemas/finding.schema.json), the tool named vox-md.
"$TOOLDIR/vox-md" -q --report "$T/r.jsonl" data/enc.md \
    2>/dev/null
echo "rc $?"
cat "$T/r.jsonl"
