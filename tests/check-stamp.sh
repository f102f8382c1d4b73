#!/bin/sh
# The build's check of the shipped profile (lib/gen/profile-stamp.c):
# for the shipped pair it prints the SHA-256 of each file, as sha256sum
# does, and the stamp the tools were built with is that one; a profile
# the schema refuses stops it with the file and line, and no stamp.
set -e
gen=$(dirname "${TOOLDIR:?}")/gen
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$gen/profile-stamp" schemas/azure-speech.xml schemas/profile.xsd \
    >"$tmp/stamp.c"
want=$(sha256sum schemas/azure-speech.xml schemas/profile.xsd |
    cut -d' ' -f1 | tr '\n' ' ' | sed 's/ $//')
grep -F "profile_stamp[] = \"$want\";" "$tmp/stamp.c" >/dev/null || {
	echo "stamp is not the files' SHA-256: $(cat "$tmp/stamp.c")"
	exit 1
}
cmp -s "$tmp/stamp.c" "$gen/stamp.c" || {
	echo "the build's stamp is not the shipped pair's"
	exit 1
}
sed 's,<limits>,<limits><bogus/>,' schemas/azure-speech.xml >"$tmp/bad.xml"
line=$(grep -n '<limits>' schemas/azure-speech.xml | head -1 | cut -d: -f1)
if "$gen/profile-stamp" "$tmp/bad.xml" schemas/profile.xsd \
    >"$tmp/out" 2>"$tmp/err"; then
	echo "an invalid profile was stamped"
	exit 1
fi
[ ! -s "$tmp/out" ] || { echo "an invalid profile printed a stamp"; exit 1; }
grep -F "bad.xml:$line:" "$tmp/err" >/dev/null || {
	echo "the refusal does not name the file and line:"
	cat "$tmp/err"
	exit 1
}
