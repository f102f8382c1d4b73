# A read-only output folder: exit 3, a message naming the file, nothing
# written.  As root the tools run as nobody (see asuser in
# data/common.sh), since root may write into any folder; their inputs
# are copied where nobody can read them.
. data/common.sh
asuser_setup
mkdir "$T/ro" "$T/raw"
cp -R ../vox-lint/data/good ../vox-lint/data/pron.txt "$T/"
chmod -R a+rX "$T/good" "$T/pron.txt"
mkwav "$T/a.wav" 44100 1 4410
cp "$T/a.wav" "$T/raw/"
printf 'hello there\n' >"$T/r.txt"
chmod 555 "$T/ro"
run() {
	n=$1
	shift
	asuser "$TOOLDIR/$n" "$@" >"$T/o" 2>"$T/e"
	echo "$n exit $?"
	sed "s|$T/|T/|g" "$T/o" "$T/e"
}
run vox-resample -q -o "$T/ro" "$T/a.wav"
run vox-text -q -o "$T/ro/r.txt" "$T/r.txt"
run vox-trans -q --fix -o "$T/ro/t.txt" "$T/good/trans.txt"
run vox-pron -q -o "$T/ro/p.txt" "$T/pron.txt"
run vox-pack -q -k acoustic -o "$T/ro/set.zip" "$T/good"
run vox-prepare -q "$T/raw" "$T/ro/out"
run vox-lint -q --report "$T/ro/report.jsonl" "$T/good"
ls -A "$T/ro"
