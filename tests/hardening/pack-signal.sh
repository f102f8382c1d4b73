# SIGINT during vox-pack's commit, or a rename that fails in the middle
# of it: every target keeps what it had, or the whole new set is in
# place, and the message says which.  strace widens the window (it
# delays fsync or rename) or makes the third rename fail.
. data/common.sh
need_strace
w() { sox -n -r16000 -b16 -c1 "$1" synth 1 sine "$2"; }
cd "$T" || exit 3
sed 's|<zip-entries source="TT-25">[0-9]*<|<zip-entries source="TT-25">2<|' \
    "$VOXPREP_DATADIR/azure-speech.xml" >p.xml
mkdir old new ref
for f in a b c; do
	w old/$f.wav 440
	w new/$f.wav 660
done
printf 'a.wav\thello\nb.wav\tworld\nc.wav\tagain\n' >old/trans.txt
cp old/trans.txt new/
pack() {
	"$TOOLDIR/vox-pack" -q --profile "$T/p.xml" -k acoustic "$@" >/dev/null
}
# The new set, packed undisturbed, to compare with.
(cd ref && pack -o d.zip ../new)
mkdir out
# Say which state out/ is in: the old set, the new set, or a mixture.
state() {
	o=0 n=0
	for f in ref/*; do
		b=$(basename "$f")
		if cmp -s "$f" "out/$b"; then
			n=$((n + 1))
		elif cmp -s "old.$b" "out/$b"; then
			o=$((o + 1))
		fi
	done
	if [ $o = 6 ]; then
		echo "old set kept"
	elif [ $n = 6 ]; then
		echo "new set complete"
	else
		echo "mixed: $o old, $n new of 6"
	fi
	if ls -A out | grep '^\.'; then
		echo "temporary files left"
	fi
}
reset() {
	rm -f out/*
	(cd out && pack -o d.zip ../old)
	for f in out/*; do
		cp "$f" "old.$(basename "$f")"
	done
}
# run WHEN INJECT: pack new/ over old/'s set under strace; send SIGINT
# when WHEN succeeds.
run() {
	when=$1
	shift
	reset
	rm -f pid
	strace -f -o /dev/null "$@" env --default-signal=INT sh -c \
	    'echo $$ >pid; cd out && exec "$0" -q --profile ../p.xml \
	    -k acoustic -o d.zip ../new' "$TOOLDIR/vox-pack" >/dev/null \
	    2>err &
	spid=$!
	k=0
	while [ $k -lt 400 ] && ! { [ -s pid ] && eval "$when"; }; do
		sleep 0.05
		k=$((k + 1))
	done
	[ $k = 400 ] && echo "timed out waiting for: $when"
	kill -INT "$(cat pid)"
	wait $spid
	echo "exit $?"
	cat err
	state
}
echo "1. SIGINT while the temporary files are synced"
run '[ "$(ls -A out | grep -c "^\.")" = 6 ]' \
    -e trace=fsync -e inject=fsync:delay_enter=1000000
echo "2. SIGINT after the first rename, the second delayed"
run '! cmp -s out/d-001.zip old.d-001.zip' \
    -e trace=rename -e inject=rename:delay_enter=1000000:when=2
echo "3. the third rename fails"
reset
strace -f -o /dev/null -e trace=rename -e inject=rename:error=EIO:when=3 \
    sh -c 'cd out && exec "$0" -q --profile ../p.xml -k acoustic \
    -o d.zip ../new' "$TOOLDIR/vox-pack" >/dev/null 2>err
echo "exit $?"
cat err
state
