# A clean folder packs into a flat zip and a manifest valid against the
# schema; the zip lints clean again.
$VALGRIND "$TOOLDIR/vox-pack" -k acoustic -o "$T/set.zip" ../vox-lint/data/good
echo "rc $?"
ls "$T"
unzip -Z1 "$T/set.zip"
/usr/bin/python3 -c '
import json, sys, jsonschema
jsonschema.validate(json.load(open(sys.argv[1])), json.load(open(sys.argv[2])))
print("manifest valid")' "$T/set.manifest.json" ../../schemas/manifest.schema.json
"$TOOLDIR/vox-lint" "$T/set.zip" | sed "s|$T/||"
