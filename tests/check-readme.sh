#!/bin/sh
# The README's tutorial shows what the tools print today: run each "$ "
# command of the block between the tutorial markers in a scratch folder
# (with samples/ linked in) and compare the output.  SHA-256 sums are
# masked: the soxr build's audio bytes differ from libsamplerate's.
set -e
top=$(pwd)
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
PATH=$TOOLDIR:$PATH
export PATH
sed -n '/^<!-- tutorial/,/^<!-- end of tutorial/p' README.md |
    sed '1,2d;$d' | sed '$d' >"$d/want"
ln -s "$top/samples" "$d/samples"
(
	cd "$d"
	grep '^\$ ' want | sed 's/^\$ //' | while IFS= read -r cmd; do
		printf '$ %s\n' "$cmd"
		sh -c "$cmd" 2>&1 || true
	done
) >"$d/got"
mask() {
	sed -E 's/[0-9a-f]{64}/SHA256/g' "$1"
}
mask "$d/want" >"$d/want.m"
mask "$d/got" >"$d/got.m"
if ! cmp -s "$d/want.m" "$d/got.m"; then
	echo "README tutorial differs from what the tools print:"
	diff -u "$d/want.m" "$d/got.m" | head -40
	exit 1
fi
