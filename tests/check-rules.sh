#!/bin/sh
# The rule table is complete and documented: every rule ID of the spec is
# in `vox-lint --list-rules`, and docs/voxprep.7 indexes exactly the rules
# of the table.
set -e
spec=../shared/spec/azure-custom-speech-data.md
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
"$TOOLDIR/vox-lint" --list-rules | sed 1d | cut -f1 >"$d/table"
# The pipeline's status is cut's: an empty table is vox-lint failing.
if [ ! -s "$d/table" ]; then
	echo "check-rules: no rules from $TOOLDIR/vox-lint --list-rules"
	exit 1
fi
sort -c "$d/table"
if [ -f "$spec" ]; then
	grep -oE '^\| [A-Z]+(-[A-Z0-9]+)+ ' "$spec" | awk '{print $2}' |
	    grep -vE '^(TT|TD|HL|UP|DF|CP|PS|LS|QL|FAQ|EV)-' | sort -u \
	    >"$d/spec"
	missing=$(comm -23 "$d/spec" "$d/table")
	if [ -n "$missing" ]; then
		echo "spec rules missing from the table:" $missing
		exit 1
	fi
else
	echo "check-rules: spec coverage skipped, $spec not found (the spec lives in the steering repository's shared/ folder, beside a clone)"
fi
# The man page's index: lines ".It Sy RULE-ID" in docs/voxprep.7.
grep -oE '^\.It Sy [A-Z]+(-[A-Z0-9]+)+' docs/voxprep.7 | awk '{print $3}' \
    | sort >"$d/man"
if ! cmp -s "$d/table" "$d/man"; then
	echo "docs/voxprep.7 rule index differs from the table:"
	diff "$d/table" "$d/man" || true
	exit 1
fi
