#!/bin/sh
# Every rule ID that the library can emit is provoked by a golden test:
# it appears in some tests/*/*.err or *.out file.  IDs may be written in
# lib/*.c or as macros in lib/*.h.
set -e
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
grep -ohE '"(AUDIO|TRANS|TEXT|PRON|PKG|MD|DISP|NORM|WER)(-[A-Z0-9]+)+"' lib/*.c lib/*.h | grep -v '^$' |
    tr -d '"' | sort -u >"$d/emitted"
# rules.c defines the table; it emits nothing by itself.
grep -ohE '"(AUDIO|TRANS|TEXT|PRON|PKG|MD|DISP|NORM|WER)(-[A-Z0-9]+)+"' lib/rules.c | tr -d '"' | sort -u \
    >"$d/table"
grep -vxF -f "$d/table" "$d/emitted" >"$d/unknown" || true
if [ -s "$d/unknown" ]; then
	echo "IDs used in lib/ but not in the table:"; cat "$d/unknown"
	exit 1
fi
# Headers too: some modules name their rules there (hyp.h, wer.h).
for f in lib/*.c lib/*.h; do
	[ "$f" = lib/rules.c ] && continue
	grep -ohE '"(AUDIO|TRANS|TEXT|PRON|PKG|MD|DISP|NORM|WER)(-[A-Z0-9]+)+"' "$f" | tr -d '"'
done | sort -u >"$d/used"
bad=0
for id in $(cat "$d/used"); do
	grep -rqF "[$id]" tests/*/*.err tests/*/*.out 2>/dev/null || {
		echo "no golden test provokes $id"; bad=1; }
done
exit $bad
