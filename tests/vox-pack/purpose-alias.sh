# -P train and -P test are short for training and testing (a 41 s clip
# is over the training limit only), with --verify too; a bad purpose is
# a usage error.
mkdir "$T/set"
sox -n -r16000 -b16 -c1 "$T/set/long.wav" synth 41 sine 440
printf 'long.wav\tthis is a long clip with many words in it to be read\n' \
    >"$T/set/trans.txt"
pack() {
	$VALGRIND "$TOOLDIR/vox-pack" -q "$@" >/dev/null 2>"$T/err"
	echo "exit $?"
	grep -o 'AUDIO-MAX-[A-Z]*\|purpose .*' "$T/err"
}
for p in training train testing test; do
	echo "-P $p:"
	pack -P $p -k acoustic -o "$T/$p.zip" "$T/set"
done
cmp "$T/testing.zip" "$T/test.zip" && echo "same zip"
for p in train test; do
	echo "--verify -P $p:"
	pack -P $p --verify "$T/test.zip"
done
echo "-P tests:"
pack -P tests -k acoustic -o "$T/x.zip" "$T/set"
