#!/bin/sh
# make bench: run each benchmark script of tests/bench with the built
# tools in $1; each prints its own ratios against the anchors.
bin=$1
here=$(dirname "$0")
n=0
for b in "$here"/*.sh; do
	[ "$(basename "$b")" = run.sh ] && continue
	echo "== $(basename "$b" .sh)"
	sh "$b" "$bin" || echo "bench $(basename "$b"): failed"
	n=$((n + 1))
done
[ "$n" -gt 0 ] || echo "bench: no benchmark scripts in $here"
