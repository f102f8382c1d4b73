#!/bin/sh
# valgrind on one representative command per tool, each through its
# main paths (formats, findings, reports, zips, outputs): no memory
# error and no definite leak.  Skipped (exit 0) without valgrind, and on
# a sanitizer build, which valgrind cannot run.  The whole suite runs
# under valgrind with make check VALGRIND=1.
: "${TOOLDIR:=build/default/bin}"
case $TOOLDIR in
/*) ;;
*) TOOLDIR=$(pwd)/$TOOLDIR ;;
esac
if ! command -v valgrind >/dev/null 2>&1; then
	echo "check-valgrind: skipped, valgrind is not installed"
	exit 0
fi
if grep -q __asan_init "$TOOLDIR/vox-lint"; then
	echo "check-valgrind: skipped, the tools are a sanitizer build"
	exit 0
fi
d=$(mktemp -d "${TMPDIR:-/tmp}/voxvg.XXXXXX") || exit 1
trap 'rm -rf "$d"' EXIT
VOXPREP_DATADIR=$(pwd)/schemas
export VOXPREP_DATADIR
bad=0

# vg STATUS DIR TOOL ARGS...: run TOOL in tests/DIR under valgrind.  It
# must exit with STATUS (1: findings), or it has not taken the paths the
# command is here for (a tool that stops at once is clean, but untested).
vg() {
	want=$1 dir=$2 tool=$3
	shift 3
	(cd "tests/$dir" && valgrind -q --error-exitcode=99 --leak-check=full \
	    --show-leak-kinds=definite \
	    --errors-for-leak-kinds=definite --log-file="$d/vg.log" \
	    "$TOOLDIR/$tool" "$@") >/dev/null 2>"$d/err" </dev/null
	rc=$?
	if [ $rc = 99 ] || [ -s "$d/vg.log" ]; then
		echo "check-valgrind: $tool $*"
		head -60 "$d/vg.log"
		bad=1
	elif [ $rc != "$want" ]; then
		echo "check-valgrind: $tool $*: exit status $rc, expected $want"
		head -20 "$d/err"
		bad=1
	else
		echo "check-valgrind: ok $tool"
	fi
}

vg 1 vox-audio vox-audio --scan --stats --report "$d/a.sarif" \
    data/tone.flac data/pcm24.wav data/broken.wav data/extensible.wav \
    data/trunc.wav data/empty.wav
vg 0 vox-resample vox-resample -o "$d" data/tone44.flac data/tone48.ogg \
    data/float16k.wav
vg 1 vox-trans vox-trans --fix -o "$d/t.txt" --report "$d/t.xml" \
    data/en-format.txt
vg 0 vox-text vox-text -L ja-JP -o "$d/ja.txt" data/ja.txt
vg 0 vox-pron vox-pron --from-pls data/lexicon.pls -o "$d/p.txt"
vg 1 vox-lint vox-lint --scan --against data/test.zip --report "$d/l.jsonl" \
    data/good.zip data/unsafe.zip data/dups.zip data/good data/related.txt \
    data/pron.txt data/format.md
vg 0 vox-pack vox-pack -k acoustic --deflate -o "$d/set.zip" \
    ../vox-lint/data/good
vg 0 vox-pack vox-pack --verify "$d/set.zip"
vg 0 vox-prepare vox-prepare data/raw "$d/prep"
vg 0 vox-segment vox-segment --sync --report "$d/s.jsonl" -o "$d/seg" \
    ../../samples/captions/shop.flac ../../samples/captions/shop-late.srt
vg 1 vox-wer vox-wer --align --confusions --spell-numbers \
    --report "$d/w.html" data/ref.txt data/json data/hyp.kaldi \
    data/read-hyp.txt data/json-list.txt
# What the commands were to write, written.
for f in a.sarif tone44.wav tone48.wav float16k.wav t.txt t.xml ja-001.txt \
    p.txt l.jsonl set.zip prep/report.jsonl prep/report.html s.jsonl \
    seg/trans.txt w.html; do
	if [ ! -s "$d/$f" ]; then
		echo "check-valgrind: $f not written"
		bad=1
	fi
done
exit $bad
