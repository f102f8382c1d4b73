# A full disk.  Standard output on /dev/full: exit 3 with a message, for
# the tools whose other /dev/full tests live with them (vox-pack and
# vox-prepare write their outputs whole, then fail on the summary).  A
# file size limit (ulimit -f, 4 KB) on file outputs: exit 3, a message
# naming the file, and no partial or temporary file left behind.
. data/common.sh
mkdir "$T/out" "$T/in"
awk 'BEGIN { for (i = 0; i < 2000; i++) print "hello there, world" }' \
    >"$T/in/related.txt"
awk 'BEGIN { for (i = 0; i < 2000; i++) printf "c%d.wav\thello\n", i }' \
    >"$T/in/trans.txt"
awk 'BEGIN { for (i = 0; i < 2000; i++) printf "w%d\tdouble u\n", i }' \
    >"$T/in/pron.txt"
awk 'BEGIN { for (i = 0; i < 2000; i++) printf "c%d.wav\tcase 12\n", i }' \
    >"$T/in/digits.txt"
mkwav "$T/in/a.wav" 44100 1 44100
"$TOOLDIR/vox-pack" -q -k acoustic -o "$T/out/set.zip" \
    ../vox-lint/data/good >/dev/full
echo "vox-pack exit $?"
"$TOOLDIR/vox-prepare" -q ../vox-prepare/data/raw "$T/out/prep" >/dev/full
echo "vox-prepare exit $?"
rm -r "$T/out"/*
(
	ulimit -f 8
	trap '' XFSZ
	"$TOOLDIR/vox-text" -q -o "$T/out/related.txt" "$T/in/related.txt"
	echo "vox-text exit $?"
	"$TOOLDIR/vox-trans" -q --fix -o "$T/out/trans.txt" "$T/in/trans.txt"
	echo "vox-trans exit $?"
	"$TOOLDIR/vox-pron" -q -o "$T/out/pron.txt" "$T/in/pron.txt"
	echo "vox-pron exit $?"
	"$TOOLDIR/vox-resample" -q -o "$T/out" "$T/in/a.wav"
	echo "vox-resample exit $?"
	"$TOOLDIR/vox-prepare" -q ../vox-prepare/data/raw "$T/out/prep" \
	    >/dev/null
	echo "vox-prepare exit $?"
	"$TOOLDIR/vox-trans" -q --report "$T/out/report.jsonl" \
	    "$T/in/digits.txt"
	echo "vox-trans --report exit $?"
) 2>&1 | grep -v '^\$T/in\|^'"$T"'/in'
ls -A "$T/out" "$T"
