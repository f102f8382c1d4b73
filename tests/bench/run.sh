#!/bin/sh
# make bench: run each benchmark script of tests/bench with the built
# tools in $1; each prints its own ratios against the anchors, each with
# its target.  The lines with a target are gathered at the end, so that
# one screen says what holds.
bin=$1
here=$(dirname "$0")
top=$(cd "$here/../.." && pwd)
out=$top/build/bench/summary
mkdir -p "$top/build/bench"
: >"$out"
n=0
for b in "$here"/*.sh; do
	name=$(basename "$b" .sh)
	[ "$name" = run ] && continue
	echo "== $name"
	{ sh "$b" "$bin" 2>&1 || echo "bench $name: failed"; } |
	    tee "$out.one"
	grep 'target' "$out.one" | sed "s/^/$name: /" >>"$out"
	n=$((n + 1))
done
rm -f "$out.one"
[ "$n" -gt 0 ] || echo "bench: no benchmark scripts in $here"
echo "== every ratio and its target"
cat "$out"
