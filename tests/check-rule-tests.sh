#!/bin/sh
# Every rule ID that the library can emit is provoked by a golden test:
# it appears in some tests/*/*.err or *.out file.  IDs may be written in
# lib/*.c or as macros in lib/*.h.
set -e
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
# rules.c defines the table; it emits nothing by itself.  The families
# (AUDIO, TRANS, ...) are those of the table, so that a new one is
# checked too.
sed -n 's/^	{ "\([A-Z][A-Z0-9-]*\)",.*/\1/p' lib/rules.c | sort -u >"$d/table"
if [ "$(wc -l <"$d/table")" -lt 10 ]; then
	echo "lib/rules.c: cannot read the rule table"
	exit 1
fi
re="\"($(sed 's/-.*//' "$d/table" | sort -u | paste -sd'|' -))(-[A-Z0-9]+)+\""
grep -ohE "$re" lib/*.c lib/*.h | tr -d '"' | sort -u >"$d/emitted"
grep -vxF -f "$d/table" "$d/emitted" >"$d/unknown" || true
if [ -s "$d/unknown" ]; then
	echo "IDs used in lib/ but not in the table:"; cat "$d/unknown"
	exit 1
fi
# Headers too: some modules name their rules there (hyp.h, wer.h).
for f in lib/*.c lib/*.h; do
	[ "$f" = lib/rules.c ] && continue
	grep -ohE "$re" "$f" | tr -d '"' || true
done | sort -u >"$d/used"
if [ ! -s "$d/used" ]; then
	echo "no rule ID found in lib/ outside the table"
	exit 1
fi
bad=0
for id in $(cat "$d/used"); do
	grep -rqF "[$id]" tests/*/*.err tests/*/*.out 2>/dev/null || {
		echo "no golden test provokes $id"; bad=1; }
done
exit $bad
