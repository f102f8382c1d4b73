#!/bin/sh
# Each tool's usage text equals the SYNOPSIS of its man page, and every
# tool has a man page (git t0450 in spirit).
set -e
bad=0
for t in tools/*.c; do
	n=$(basename "$t" .c)
	man=docs/$n.1
	if [ ! -f "$man" ]; then
		echo "$n: no man page $man"; bad=1; continue
	fi
	# Every form of the usage text, joined as the SYNOPSIS renders.
	use=$("$TOOLDIR/$n" -h 2>&1 | sed 's/^usage: //; s/^ *//' |
	    tr '\n' ' ' | tr -s ' ' | sed 's/ $//')
	syn=$(mandoc -Tascii -Owidth=1000 "$man" | col -b |
	    sed -n '/^SYNOPSIS/,/^[A-Z]/p' | sed '1d;$d' |
	    tr '\n' ' ' | tr -s ' ' | sed 's/^ //; s/ $//')
	if [ "$use" != "$syn" ]; then
		echo "$n: usage and SYNOPSIS differ"
		echo "  usage:    $use"
		echo "  SYNOPSIS: $syn"
		bad=1
	fi
done
exit $bad
