# SARIF and JSONL reports of a lint run validate against their schemas.
$VALGRIND "$TOOLDIR/vox-lint" --report "$T/r.sarif" data/unsafe.zip \
    >/dev/null 2>&1
$VALGRIND "$TOOLDIR/vox-lint" --report "$T/r.jsonl" data/unsafe.zip \
    data/dups.zip >/dev/null 2>&1
/usr/bin/python3 - "$T" <<'PY'
import json, sys, jsonschema
t = sys.argv[1]
sarif = json.load(open(t + "/r.sarif"))
jsonschema.validate(sarif, json.load(open("../../schemas/sarif-subset.schema.json")))
print("sarif results:", len(sarif["runs"][0]["results"]))
schema = json.load(open("../../schemas/finding.schema.json"))
n = 0
for line in open(t + "/r.jsonl"):
    jsonschema.validate(json.loads(line), schema)
    n += 1
print("jsonl records:", n)
PY
