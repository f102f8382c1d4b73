# A signal that lands between the making of a temporary output file and
# the moment the handler learns its name: the file is still removed.
# mkstemp() has created it (its openat with O_EXCL has returned) when
# strace delivers SIGINT; the handler defers, and the process dies once
# the name is known, by the signal, with the usual message.
. data/common.sh
need_strace
cd "$T" || exit 3
sox -R -n -r 44100 -c 1 -b 16 in.wav synth 1 sine 440 2>/dev/null
printf 'Hello there.\n' >in.txt
mkdir out
# The index of the first openat with O_EXCL, then a run with SIGINT on it.
hit() {
	name=$1
	shift
	strace -f -qq -e trace=openat -o trace "$@" >/dev/null 2>&1
	k=$(grep -n 'O_EXCL' trace | head -1 | cut -d: -f1)
	rm -rf out && mkdir out
	strace -f -qq -e trace=openat -e inject=openat:signal=INT:when="$k" \
	    -o trace "$@" >/dev/null 2>err
	echo "$name: exit $?"
	cat err
	ls -A out
}
hit vox-resample "$TOOLDIR/vox-resample" -j 1 -o out in.wav
hit vox-text "$TOOLDIR/vox-text" -q -L en-US -o out/clean.txt in.txt
