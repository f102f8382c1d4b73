# File names with spaces, a newline, invalid UTF-8 and 255 bytes (the
# most a name may have).  Each is read; messages and TSV records escape
# the newline and the bad bytes (\n, \xFF), so one record stays one
# line and a name cannot forge a diagnostic; outputs keep the names.
. data/common.sh
long=$(awk 'BEGIN { while (n++ < 251) printf "x" }')
mkdir "$T/set" "$T/conv"
mkwav "$T/base.wav" 16000 1 8000
mkwav "$T/rate.wav" 22050 1 9000
for n in "with space" "new
line" "$(printf 'bad\377\376utf8')" "$long"; do
	cp "$T/base.wav" "$T/set/$n.wav"
done
# A name that tries to forge a diagnostic line for another file.
cp "$T/rate.wav" "$T/set/$(printf 'r.wav: error: forged [AUDIO-RATE]\nr.wav')"
short() { sed "s/$long/X251/g; s|$T/|T/|g"; }
# The list comes as find -print0 would give it, in a fixed order.
(cd "$T" && printf '%s\0' set/* |
    timeout 60 "$TOOLDIR/vox-audio" -0 --stats >o.txt 2>e.txt; echo "exit $?")
short <"$T/o.txt"
short <"$T/e.txt"
timeout 60 "$TOOLDIR/vox-lint" "$T/set" >"$T/o.txt" 2>"$T/e.txt"
echo "exit $?"
short <"$T/o.txt"
short <"$T/e.txt"
timeout 60 "$TOOLDIR/vox-resample" -q -o "$T/conv" "$T"/set/*
echo "exit $?"
ls -b "$T/conv" | short
