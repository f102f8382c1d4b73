# A zip repacks into the same members, copied without extraction.
$VALGRIND "$TOOLDIR/vox-pack" -k acoustic -o "$T/re.zip" ../vox-lint/data/good.zip >/dev/null
unzip -Z1 "$T/re.zip"
for m in a1.wav a2.wav; do
	unzip -p "$T/re.zip" $m | cmp - ../vox-lint/data/good/$m && echo "$m same"
done
