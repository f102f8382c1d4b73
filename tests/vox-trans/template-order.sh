# --template lists the WAVs at the dataset's root in byte order (upper
# case before lower, UTF-8 after ASCII), nothing else, and -o writes the
# skeleton atomically: no temporary file is left beside it.
mkdir -p "$T/set/sub"
for f in b.wav B.wav a10.wav a9.wav é.wav Z.WAV notes.txt sub/x.wav; do
	: >"$T/set/$f"
done
"$TOOLDIR/vox-trans" -L fr-FR --template "$T/set" -o "$T/trans.txt"
echo "exit $?"
sed -n l "$T/trans.txt"
ls -A "$T"
