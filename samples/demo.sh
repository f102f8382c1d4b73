#!/bin/sh
# make demo: the whole voxprep flow on samples/raw, with the tools in $1.
# 1. vox-prepare on the messy folder: it fixes what it can and names what
#    it will not guess.  2. The three fixes a person makes.  3. vox-prepare
#    again: upload-ready files in out/, which vox-lint finds clean.
bin=$1
top=$(cd "$(dirname "$0")/.." && pwd)
out=${2:-out}
VOXPREP_DATADIR=${VOXPREP_DATADIR:-$top/schemas}
PATH=$bin:$PATH
export VOXPREP_DATADIR PATH
fixed=$(mktemp -d "${TMPDIR:-/tmp}/voxdemo.XXXXXX") || exit 3
trap 'rm -rf "$fixed"' EXIT
cd "$top" || exit 3

say() {
	printf '\n== %s\n' "$*"
}

say "1. vox-prepare samples/raw $out"
vox-prepare samples/raw "$out"
echo "(exit status $?: some data needs a person)"

say "2. the fixes no tool should guess: drop the line of the missing" \
    "receipt.wav, write the words of hold.wav, put a TAB after SKU"
cp samples/raw/* "$fixed/"
grep -v '^receipt\.wav' samples/raw/trans.txt >"$fixed/trans.txt"
printf 'hold.wav\tPlease hold for the next agent.\r\n' >>"$fixed/trans.txt"
diff samples/raw/trans.txt "$fixed/trans.txt"
sed 's/^SKU  */SKU	/' samples/raw/pronunciation.txt >"$fixed/pronunciation.txt"
diff samples/raw/pronunciation.txt "$fixed/pronunciation.txt"

say "3. vox-prepare again"
vox-prepare "$fixed" "$out" 2>&1 | sed "s|$fixed|fixed|g"

say "4. the upload folder, linted as the service will see it"
ls -l "$out"
vox-lint "$out"/*.zip "$out"/*.txt
