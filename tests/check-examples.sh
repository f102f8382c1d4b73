#!/bin/sh
# Documentation examples are tests: every command of the EXAMPLES of
# docs/vox-*.1 (a ".Dl $ command" line) is run by a golden case
# tests/TOOL/example-*.  An .args case holds the command's arguments, with
# samples/ read as ../../samples/ since cases run in tests/TOOL; an .sh
# case holds the command verbatim, as a line of its own.
set -u
bad=0
tmp=$(mktemp) || exit 3
trap 'rm -f "$tmp"' EXIT
for man in docs/vox-*.1; do
	tool=$(basename "$man" .1)
	# The commands, with the roff escapes of the page undone.
	sed -n '/^\.Sh EXAMPLES/,/^\.Sh /p' "$man" |
	    sed -n 's/^\.Dl \$ //p' |
	    sed 's/\\(aq/'\''/g; s/\\(dq/"/g; s/\\&//g; s/\\-/-/g; s/\\e/\\/g' \
	    >"$tmp"
	if [ ! -s "$tmp" ]; then
		echo "$man: no \".Dl \$ command\" line in EXAMPLES"
		bad=1
		continue
	fi
	while IFS= read -r cmd; do
		found=
		for f in tests/"$tool"/example-*.sh; do
			[ -f "$f" ] && grep -Fxq -- "$cmd" "$f" && found=$f
		done
		want=$(printf '%s\n' "$cmd" | sed 's|samples/|../../samples/|g')
		for f in tests/"$tool"/example-*.args; do
			[ -f "$f" ] && [ "$tool $(cat "$f")" = "$want" ] && found=$f
		done
		if [ -z "$found" ]; then
			echo "$man: no tests/$tool/example-* case runs: $cmd"
			bad=1
		fi
	done <"$tmp"
done
exit $bad
