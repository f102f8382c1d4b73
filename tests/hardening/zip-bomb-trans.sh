# Transcript members that would take minutes and gigabytes: a deflate
# bomb (never inflated: PKG-ZIP-BOMB), one whose header claims 1000
# bytes and inflates to 600 MB (stopped at the claim: PKG-ZIP-BOMB), and
# 60,000 bad lines (100 findings shown, a note counts the rest, the
# verdict counts all).  Each in 1 GB of address space and 20 s.
. data/common.sh
cd "$T" || exit 3
sox -n -r16000 -b16 -c1 a.wav synth 1 sine 440
wav='{"name":"a.wav","file":"a.wav"}'
line='"text":"a.wav\tbad line\n"'
mk() {
	python3 "$OLDPWD/data/rawzip.py" "$@"
}
mk bomb.zip "$wav" "{\"name\":\"trans.txt\",$line,\"times\":11650800,\"deflate\":true}"
mk lie.zip "$wav" "{\"name\":\"trans.txt\",$line,\"times\":40000000,\"deflate\":true,\"size\":1000}"
mk many.zip "$wav" "{\"name\":\"trans.txt\",$line,\"times\":60000}"
for z in bomb lie many; do
	(vlimit 1048576; timeout 20 "$TOOLDIR/vox-lint" $z.zip) \
	    2>$z.err
	echo "exit $?"
	grep -v ':[0-9]*:[0-9]*: error: .a.wav. is already on line' $z.err
	grep -c ':[0-9]*:[0-9]*: error: .a.wav. is already on line' $z.err
done
