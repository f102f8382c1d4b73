# Several shard folders make one dataset; a name in two shards is refused.
mkdir "$T/s1" "$T/s2"
cp ../vox-lint/data/good/a1.wav "$T/s1/"
printf 'a1.wav\tfirst shard\n' >"$T/s1/trans.txt"
cp ../vox-lint/data/good/a2.wav "$T/s2/"
printf 'a2.wav\tsecond shard\n' >"$T/s2/trans.txt"
$VALGRIND "$TOOLDIR/vox-pack" -k acoustic -o "$T/all.zip" "$T/s1" "$T/s2" >/dev/null
echo "rc $?"
unzip -p "$T/all.zip" trans.txt | tail -c +4
cp ../vox-lint/data/good/a2.wav "$T/s1/"
printf 'a1.wav\tfirst shard\na2.wav\tclash\n' >"$T/s1/trans.txt"
$VALGRIND "$TOOLDIR/vox-pack" -k acoustic -o "$T/clash.zip" "$T/s1" "$T/s2" 2>&1 |
    sed "s|$T/||g"
