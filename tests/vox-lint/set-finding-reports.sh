# A finding about the whole dataset (every clip over the training limit
# of data/small.xml) names the zip: in the text, in JSONL ("file" is the
# zip, no line), in JUnit (a failure inside the zip's own suite) and in
# SARIF (a location with the zip's URI).
for f in jsonl xml sarif; do
	"$TOOLDIR/vox-lint" -q --profile data/small.xml --report "$T/r.$f" \
	    data/good.zip 2>"$T/err.$f" >/dev/null
	echo "exit $?"
done
grep 'training fails' "$T/err.jsonl"
grep 'training fails' "$T/r.jsonl"
python3 - "$T/r.xml" "$T/r.sarif" <<'PY'
import json, sys
import xml.etree.ElementTree as ET
for s in ET.parse(sys.argv[1]).getroot():
    for c in s:
        f = c.find('failure')
        if f is not None and 'training fails' in f.get('message'):
            print('junit suite', s.get('name'), 'failures', s.get('failures'))
for r in json.load(open(sys.argv[2]))['runs'][0]['results']:
    if 'training fails' in r['message']['text']:
        print('sarif', r['locations'][0]['physicalLocation']
            ['artifactLocation']['uri'])
PY
