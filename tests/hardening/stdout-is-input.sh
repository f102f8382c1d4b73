# Standard output that is an input is refused before any work (exit 2),
# by every tool that reads files and writes standard output: appended
# to an input file, to standard input's file, to a path list read on
# standard input, or to a file anywhere under an input folder.  So is a
# --report or -o file that would join a dataset folder being read, and
# vox-pack -o - for a zip; vox-pack -o - for text puts the data alone
# on standard output.  The inputs are untouched.
. data/common.sh
cd "$T" || exit 3
sox -n -r16000 -b16 -c1 f.wav synth 1 sine 440
sox -n -r16000 -b16 -c1 c.wav synth 1 sine 440
cp -r "$OLDPWD/../vox-lint/data/good" set
mkdir -p deep/sub raw
echo note >deep/sub/note.txt
cp f.wav deep/
cp f.wav raw/r.wav
printf '\357\273\277hello there\n' >r.txt
printf 'hello\thh eh l ow\n' >pron.txt
echo f.wav >list
cp -r "$T" "$T.orig"
# app TARGET TOOL ARGS...: run TOOL with standard output appended to
# TARGET; show its exit status and messages.
app() {
	to=$1 n=$2
	shift 2
	"$TOOLDIR/$n" -q "$@" >>"$to" 2>err
	echo "$n exit $?"
	sed "s|$T/||g" err
}
app f.wav vox-audio --stats f.wav
app list vox-audio --stats <list
app f.wav vox-audio --stats <list
app set/trans.txt vox-lint set
app deep/sub/note.txt vox-lint deep
app r.txt vox-pack -k language -o o.txt r.txt
app r.txt vox-pack --verify r.txt
app c.wav vox-resample -f - <c.wav
app c.wav vox-resample -f c.wav
app r.txt vox-text r.txt
app r.txt vox-md --test r.txt
app set/trans.txt vox-trans set/trans.txt set
app deep/sub/note.txt vox-trans set/trans.txt deep
app pron.txt vox-pron pron.txt
app raw/r.wav vox-prepare raw prep
diff -r -x err "$T.orig" "$T" >/dev/null && echo "inputs untouched"

run() {
	n=$1
	shift
	"$TOOLDIR/$n" -q "$@" >out 2>err
	echo "$n exit $?"
	sed "s|$T/||g" err
}
echo "outputs that are inputs or would join a dataset folder"
run vox-audio --report f.wav f.wav
run vox-lint --report set/lint.jsonl set
run vox-lint --report "$T/deep/sub/lint.jsonl" deep
run vox-pack -k acoustic -o set/new.zip set
run vox-pack -k acoustic --report set/pack.jsonl -o new.zip set
ls set new.zip deep/sub 2>&1
echo "vox-pack -o -"
run vox-pack -k acoustic -o - set
cat out
"$TOOLDIR/vox-pack" -k language -o - r.txt >out 2>err
echo "vox-pack exit $?"
echo "stdout:"
cat out
echo "stderr:"
cat err
ls -A | grep manifest
echo "beside the inputs is fine"
"$TOOLDIR/vox-lint" -q set >lint.txt
echo "vox-lint exit $?"
cat lint.txt
rm -r "$T.orig"
