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

# vg DIR TOOL ARGS...: run TOOL in tests/DIR under valgrind.
vg() {
	dir=$1 tool=$2
	shift 2
	(cd "tests/$dir" && valgrind -q --error-exitcode=99 --leak-check=full \
	    --show-leak-kinds=definite \
	    --errors-for-leak-kinds=definite --log-file="$d/vg.log" \
	    "$TOOLDIR/$tool" "$@") >/dev/null 2>"$d/err" </dev/null
	if [ $? = 99 ] || [ -s "$d/vg.log" ]; then
		echo "check-valgrind: $tool $*"
		head -60 "$d/vg.log"
		bad=1
	else
		echo "check-valgrind: ok $tool"
	fi
}

vg vox-audio vox-audio --scan --stats --report "$d/a.sarif" \
    data/tone.flac data/pcm24.wav data/broken.wav data/extensible.wav \
    data/trunc.wav data/empty.wav
vg vox-resample vox-resample -o "$d" data/tone44.flac data/tone48.ogg \
    data/float16k.wav
vg vox-trans vox-trans --fix -o "$d/t.txt" --report "$d/t.xml" \
    data/en-format.txt
vg vox-text vox-text -L ja-JP -o "$d/ja.txt" data/ja.txt
vg vox-pron vox-pron --from-pls data/lexicon.pls -o "$d/p.txt"
vg vox-lint vox-lint --scan --against data/test.zip --report "$d/l.jsonl" \
    data/good.zip data/unsafe.zip data/dups.zip data/good data/related.txt \
    data/pron.txt data/format.md
vg vox-pack vox-pack -k acoustic --deflate -o "$d/set.zip" \
    ../vox-lint/data/good
vg vox-pack vox-pack --verify "$d/set.zip"
vg vox-prepare vox-prepare data/raw "$d/prep"
vg vox-wer vox-wer --align --confusions --spell-numbers data/ref.txt \
    data/json data/hyp.kaldi data/read-hyp.txt data/json-list.txt
exit $bad
