#!/bin/sh
# make demo: the whole voxprep flow on samples/raw, with the tools in $1.
# 1. vox-prepare on the messy folder: it fixes what it can and names what
#    it will not guess.  2. The three fixes a person makes.  3. vox-prepare
#    again: upload-ready files in out/, which vox-lint finds clean.
# 5-6. The same for samples/markdown (structured text, display format),
#    into out-md/, with the display-format file's own #test cases.
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

say "5. structured text and display format typed by hand:" \
    "vox-prepare samples/markdown $out-md"
vox-prepare samples/markdown "$out-md"
echo "(exit status $?: some data needs a person)"

say "6. the fixes: the misspelt list name, the section name with a space," \
    "the TAB an editor turned into spaces; the #test cases, then" \
    "vox-prepare again"
mkdir "$fixed/md"
sed 's/{@prodcut}/{@product}/; s/^#Shop sentences/#ShopSentences/' \
    samples/markdown/structured-text.md >"$fixed/md/structured-text.md"
sed 's/^larkspur market  */larkspur market	/' \
    samples/markdown/display-format.md >"$fixed/md/display-format.md"
vox-md --test "$fixed/md/display-format.md" 2>&1 | sed "s|$fixed|fixed|g"
vox-prepare "$fixed/md" "$out-md" 2>&1 | sed "s|$fixed|fixed|g"
