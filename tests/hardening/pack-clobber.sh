# vox-pack never loses what was there: a target (shard, manifest) that
# is an input is refused before anything is written (exit 2, naming the
# path), and when a commit fails (a target that is a folder, a full disk
# on a manifest) every target keeps what it had and no temporary file is
# left (exit 3, no summary line).
. data/common.sh
w() { sox -n -r16000 -b16 -c1 "$1" synth 1 sine "${2:-440}"; }
cd "$T" || exit 3
sed 's|<zip-entries source="TT-25">[0-9]*<|<zip-entries source="TT-25">2<|' \
    "$VOXPREP_DATADIR/azure-speech.xml" >p.xml
mkdir set set2
for f in a b c; do
	w set/$f.wav
	w set2/$f.wav 660
done
printf 'a.wav\thello\nb.wav\tworld\nc.wav\tagain\n' >set/trans.txt
cp set/trans.txt set2/
pack() {
	"$TOOLDIR/vox-pack" -q --profile p.xml "$@" >out 2>err
	echo "exit $?"
	sed 's/sha256 .*/sha256 .../' out
	cat err
	rm out err
}
# Keep a copy of every file here (not the folders) to compare with.
snap() {
	rm -rf ../snap
	mkdir ../snap
	for f in *; do
		[ -f "$f" ] && cp -p "$f" ../snap/
	done
}
same() {
	for f in ../snap/*; do
		cmp -s "$f" "$(basename "$f")" || echo "$(basename "$f") changed"
	done
	ls -A | grep '^\.' && echo "temporary files left"
	echo "$1"
}

echo "1. the shards are the inputs (the issue's case)"
pack -k acoustic -o d.zip set
rm -r d-*.manifest.json
mkdir d-003.manifest.json
snap
pack -k acoustic -o d.zip d-001.zip d-002.zip d-003.zip
same "shards kept"
rmdir d-003.manifest.json

echo "2. a manifest is an input"
printf 'hello there\n' >notes.manifest.json
snap
pack -k language -o notes.txt notes.manifest.json
same "kept"
rm notes.manifest.json

echo "3. the manifest of a single zip is a folder"
mkdir one
w one/a.wav
printf 'a.wav\thello\n' >one/trans.txt
pack -k acoustic -o up.zip one
rm up.manifest.json
mkdir up.manifest.json
w one/a.wav 660
snap
pack -k acoustic -o up.zip one
same "up.zip kept"
rmdir up.manifest.json
rm up.zip

echo "4. a later shard's manifest is a folder, the earlier ones exist"
pack -k acoustic -o d.zip set
mkdir set3
w set3/a.wav 880
w set3/b.wav 880
w set3/c.wav 880
cp set/trans.txt set3/
rm d-003.manifest.json
mkdir d-003.manifest.json
snap
pack -k acoustic -o d.zip set3
same "d-001 and d-002 kept"
rmdir d-003.manifest.json
rm d-*

echo "5. a full disk on a manifest (a long description), over old shards"
pack -k acoustic -o d.zip set
snap
desc=$(awk 'BEGIN { while (n++ < 5000) printf "long description " }')
(
	ulimit -f 64
	trap '' XFSZ
	pack -k acoustic --description "$desc" -o d.zip set2
)
same "old shards kept"
