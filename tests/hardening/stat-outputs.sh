# Where the outputs are is looked up once, not once per input: a glob of
# thousands of WAVs stat()ed standard output and the report file for
# each of them.  strace counts the stat calls on standard output (fd 1)
# and on the report's name for 40 inputs; the inputs themselves are
# looked at only when an output is a regular file that they could be.
. data/common.sh
need_strace
wav=$(pwd)/../vox-lint/data/good/a1.wav
cd "$T" || exit 3
i=0
while [ $i -lt 40 ]; do
	cp "$wav" "f$i.wav"
	i=$((i + 1))
done
count() {
	what=$1 out=$2
	shift 2
	strace -f -qq -e trace=stat,fstat,newfstatat,statx -o trace \
	    "$TOOLDIR/vox-audio" -q "$@" f*.wav >"$out"
	rc=$?
	echo "$what: stdout $(grep -c '(1, ""' trace)," \
	    "report $(grep -c '"r.jsonl"' trace), exit $rc"
}
count "to /dev/null" /dev/null
count "to /dev/null, a report" /dev/null --report r.jsonl
count "to a file" out.txt
count "to a file, a report" out.txt --report r.jsonl
