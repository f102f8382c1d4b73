# --fix packs the transcript repaired by the vox-trans rules.
mkdir "$T/in"
cp ../vox-lint/data/good/a1.wav "$T/in/"
printf 'a1.wav\t\342\200\234Quoted\342\200\235 text\342\200\224here \r\n' >"$T/in/trans.txt"
$VALGRIND "$TOOLDIR/vox-pack" -q --fix -k acoustic -o "$T/f.zip" "$T/in" >/dev/null
unzip -p "$T/f.zip" trans.txt | od -An -c
