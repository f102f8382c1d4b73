# The speaking rate of each line needs its clip's length, which lint
# learns from the header while it audits the audio: a2.wav's is in its
# first 4 KiB, a1.wav's after a 6,000-byte LIST chunk, a3.wav's past the
# 64 KiB a header is read for (a 70,000-byte one): no rate for a3.wav,
# as when pairing read the headers itself.
cp -r data/good "$T/set"
wav() {
	head -c 4 data/good/a1.wav
	printf "$2"
	dd if=data/good/a1.wav bs=1 skip=8 count=28 2>/dev/null
	printf "LIST$3"
	head -c "$1" /dev/zero
	tail -c +37 data/good/a1.wav
}
wav 6000 '\334\066\000\000' '\160\027\000\000' >"$T/set/a1.wav"
wav 70000 '\334\060\001\000' '\160\021\001\000' >"$T/set/a3.wav"
w='one two three four five six seven eight nine ten eleven twelve'
printf 'a1.wav\t%s %s\na2.wav\t%s, %s\na3.wav\t%s. %s\n' "$w" "$w" \
    "$w" "$w" "$w" "$w" >"$T/set/trans.txt"
$VALGRIND "$TOOLDIR/vox-lint" "$T/set" >"$T/out" 2>&1
echo "rc $?"
sed "s|$T/||g" "$T/out"
