# vox-prepare owns only the exact names it writes in out_dir: a user's
# acoustic-backup.zip or related_notes.manifest.json there makes it
# refuse (exit 3, each named) and both stay; its own names, shard names
# included, are replaced.
mkdir "$T/raw" "$T/out"
printf 'Welcome to Larkspur Market.\n' >"$T/raw/related.txt"
echo mine >"$T/out/acoustic-backup.zip"
echo mine >"$T/out/related_notes.manifest.json"
echo old >"$T/out/related.txt"
"$TOOLDIR/vox-prepare" -q "$T/raw" "$T/out" >/dev/null 2>"$T/err"
echo "exit $?"
sed "s|$T/||g" "$T/err"
ls "$T/out"
rm "$T/out/acoustic-backup.zip" "$T/out/related_notes.manifest.json"
for f in acoustic.zip acoustic-001.zip acoustic-002.manifest.json \
    audiofiles.manifest.json pronunciation.txt report.html report.jsonl \
    structured.md display.manifest.json; do
	echo old >"$T/out/$f"
done
"$TOOLDIR/vox-prepare" -q "$T/raw" "$T/out" >/dev/null 2>"$T/err"
echo "exit $?"
sed "s|$T/||g" "$T/err"
ls "$T/out"
