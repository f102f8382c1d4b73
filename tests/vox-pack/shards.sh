# Over the file limit (2 per zip in this profile), the data is split into
# numbered zips, each with its own trans.txt holding exactly its files.
$VALGRIND "$TOOLDIR/vox-pack" --profile data/many.xml -k acoustic \
    -o "$T/big.zip" ../vox-lint/data/good | sed "s|$T/||; s/sha256 .*/sha256 .../"
ls "$T"
for z in "$T"/big-*.zip; do
	echo "$(basename "$z"): $(unzip -Z1 "$z" | tr '\n' ' ')"
	unzip -p "$z" trans.txt | tail -c +4
done
grep -h '"shard' "$T"/*.json
