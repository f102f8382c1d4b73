#!/bin/sh
# No cycle among the modules of lib/ (issue 18): module X uses module Y
# when lib/X.c or lib/X.h includes "Y.h", and tsort(1) fails on a loop,
# naming it.  Every module allocates, so xalloc and progname, under them
# all, use nothing but progname.  An argument checks that folder instead.
set -e
dir=${1:-lib}
edges=$(mktemp)
trap 'rm -f "$edges"' EXIT
for f in "$dir"/*.[ch]; do
	m=$(basename "${f%.*}")
	sed -n 's/^#include "\([a-z0-9_]*\)\.h".*/\1/p' "$f" |
	    while read -r d; do
		[ "$d" = "$m" ] || echo "$m $d"
	done
done >"$edges"
tsort "$edges" >/dev/null
if grep -E '^(xalloc|progname) ' "$edges" | grep -v ' progname$'; then
	echo "the base modules use more than progname"
	exit 1
fi
