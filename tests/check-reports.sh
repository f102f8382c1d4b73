#!/bin/sh
# Reports validate against their schemas: JSONL lines against
# schemas/finding.schema.json, SARIF against schemas/sarif-subset.schema.json,
# JUnit against schemas/junit.xsd; and the sample manifest against
# schemas/manifest.schema.json.
set -e
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
"$UNITDIR/test_report" "$d"
/usr/bin/python3 - "$d" <<'PY'
import json, sys
import jsonschema
d = sys.argv[1]
def load(p):
    with open(p, encoding="utf-8") as f:
        return json.load(f)
def check(schema, doc, what):
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    errs = list(cls(schema, format_checker=cls.FORMAT_CHECKER).iter_errors(doc))
    for e in errs:
        print(f"{what}: {e.message} at {list(e.path)}")
    return not errs
ok = True
finding = load("schemas/finding.schema.json")
n = 0
with open(f"{d}/r.jsonl", encoding="utf-8") as f:
    for i, line in enumerate(f, 1):
        ok &= check(finding, json.loads(line), f"r.jsonl:{i}")
        n += 1
if n != 6:
    print(f"r.jsonl: {n} records, expected 6"); ok = False
ok &= check(load("schemas/sarif-subset.schema.json"), load(f"{d}/r.sarif"), "r.sarif")
ok &= check(load("schemas/manifest.schema.json"),
            load("tests/data/manifest-example.json"), "manifest-example.json")
sys.exit(0 if ok else 1)
PY
xmllint --noout --schema schemas/junit.xsd "$d/r.xml"
