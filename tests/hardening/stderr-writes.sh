# Findings reach stderr a flush at a time, not a write(2) each: stderr
# is unbuffered, and 3,500 notes of a vox-audio --scan were 3,500
# system calls.  strace counts the writes to fd 2 for 60 errors of one
# dataset (a transcript naming 60 files that are not there) and checks
# that the lines are all there, in order.
. data/common.sh
need_strace
cp -r ../vox-lint/data/good "$T/set"
i=0
while [ $i -lt 60 ]; do
	printf 'gone%02d.wav\tline %d\r\n' $i $i
	i=$((i + 1))
done >>"$T/set/trans.txt"
cd "$T" || exit 3
strace -f -qq -e trace=write -o trace "$TOOLDIR/vox-lint" -k acoustic set \
    >out 2>err
echo "exit $?"
echo "writes to stderr: $(grep -c '^[0-9]* *write(2,' trace)"
echo "lines: $(wc -l <err | tr -d ' '), TRANS-MATCH $(grep -c TRANS-MATCH err)"
grep -o "'gone[0-9]*.wav'" err | sort -c && echo "in order"
cat out
