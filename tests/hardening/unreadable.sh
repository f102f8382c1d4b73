# An input that cannot be read (mode 000): exit 3, a message naming it,
# and the other inputs are still processed.  Root reads any file, so as
# root the tools run as nobody (see asuser in data/common.sh): the
# refusal then comes from the kernel, as it would for a user.
. data/common.sh
asuser_setup
mkdir "$T/out" "$T/set" "$T/raw"
chmod 777 "$T/out"
mkwav "$T/a.wav" 16000 1 8000
mkwav "$T/b.wav" 16000 1 9000
cp "$T/a.wav" "$T/bad.wav"
cp "$T/a.wav" "$T/b.wav" "$T/bad.wav" "$T/set/"
printf 'a.wav\thello there\nb.wav\tgood day\nbad.wav\tno way\n' \
    >"$T/set/trans.txt"
cp "$T/set"/* "$T/raw/"
printf 'hello there\n' >"$T/ok.txt"
cp "$T/ok.txt" "$T/bad.txt"
chmod 000 "$T/bad.wav" "$T/bad.txt" "$T/set/bad.wav" "$T/raw/bad.wav"
# run NAME ARGS...: the tool NAME as asuser, its output with $T as T.
run() {
	n=$1
	shift
	asuser "$TOOLDIR/$n" "$@" >"$T/o" 2>"$T/e"
	echo "$n exit $?"
	sed "s|$T/|T/|g" "$T/o" "$T/e"
}
run vox-audio --stats "$T/a.wav" "$T/bad.wav" "$T/b.wav"
run vox-resample -q -o "$T/out" "$T/a.wav" "$T/bad.wav" "$T/b.wav"
ls -A "$T/out"
run vox-text -q "$T/ok.txt" "$T/bad.txt" "$T/ok.txt"
run vox-lint "$T/bad.txt" "$T/set"
run vox-pack -k acoustic -o "$T/out/set.zip" "$T/set"
run vox-prepare -q "$T/raw" "$T/out/prep"
ls -A "$T/out"
