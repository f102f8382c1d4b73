# An output that is an input is refused and the input is untouched:
# -o naming the input, standard output appended to it, a --report on an
# input or into an input folder, a zip written into the folder it packs,
# and a vox-prepare out_dir that is, or holds, raw_dir, or holds files
# it did not write (a finished run replaces out_dir as a whole).
. data/common.sh
cp -r ../vox-lint/data/good "$T/set"
cp ../vox-lint/data/good.zip ../vox-lint/data/pron.txt "$T/"
printf 'hello there\n' >"$T/r.txt"
cp -r "$T" "$T.orig"
run() {
	n=$1
	shift
	"$TOOLDIR/$n" -q "$@" 2>"$T/e"
	echo "$n exit $?"
	sed "s|$T/|T/|g" "$T/e"
	rm "$T/e"
}
# Standard output appended to an input ("cat f >>f").
app() {
	n=$1 to=$2
	shift 2
	"$TOOLDIR/$n" -q "$@" 2>"$T/e" >>"$to"
	echo "$n exit $?"
	sed "s|$T/|T/|g" "$T/e"
	rm "$T/e"
}
run vox-text -o "$T/r.txt" "$T/r.txt"
app vox-text "$T/r.txt" "$T/r.txt"
app vox-text "$T/r.txt" <"$T/r.txt"
run vox-trans --fix -o "$T/set/trans.txt" "$T/set/trans.txt"
app vox-trans "$T/set/trans.txt" --fix "$T/set"
run vox-pron -o "$T/pron.txt" "$T/pron.txt"
run vox-lint --report "$T/good.zip" "$T/good.zip"
run vox-lint --report "$T/set/trans.txt" "$T/set"
run vox-pack -k acoustic -o "$T/good.zip" "$T/good.zip"
run vox-pack --force -k acoustic -o "$T/set/a1.wav" "$T/set"
run vox-prepare "$T/set" "$T/set"
run vox-prepare "$T/set" "$T"
echo notes >"$T.orig/notes.txt"
run vox-prepare "$T/set" "$T.orig"
rm "$T.orig/notes.txt"
diff -r "$T.orig" "$T" && echo "inputs untouched"
rm -r "$T.orig"
