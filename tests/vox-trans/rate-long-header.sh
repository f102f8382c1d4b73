# The speaking rate of each line needs its clip's length, from the WAV
# header of a folder's file: found in the first 4 KiB of a2.wav, past
# them in a1.wav (a 6,000-byte LIST chunk before the data), and not in
# the 64 KiB read at all in a3.wav (a 70,000-byte one): no rate then.
mkdir "$T/set"
wav() {
	head -c 4 data/set/a1.wav
	printf "$2"
	dd if=data/set/a1.wav bs=1 skip=8 count=28 2>/dev/null
	printf "LIST$3"
	head -c "$1" /dev/zero
	tail -c +37 data/set/a1.wav
}
wav 6000 '\334\066\000\000' '\160\027\000\000' >"$T/set/a1.wav"
cp data/set/a1.wav "$T/set/a2.wav"
wav 70000 '\334\060\001\000' '\160\021\001\000' >"$T/set/a3.wav"
w='one two three four five six seven eight nine ten eleven twelve'
printf 'a1.wav\t%s %s\na2.wav\t%s, %s\na3.wav\t%s. %s\n' "$w" "$w" \
    "$w" "$w" "$w" "$w" >"$T/trans.txt"
$VALGRIND "$TOOLDIR/vox-trans" "$T/trans.txt" "$T/set" >"$T/out" 2>&1
echo "rc $?"
sed "s|$T/||g" "$T/out"
