# --report lists every input and every finding.
$VALGRIND "$TOOLDIR/vox-audio" --report "$T/r.jsonl" data/tone8k.wav \
    data/u8.wav
echo "rc $?"
grep -c '"rule"' "$T/r.jsonl"
