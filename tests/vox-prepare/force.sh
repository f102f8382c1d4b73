# The last line says what the exit status says.  A pronunciation line
# the repair drops is an error: that kind is not packed (exit 1); with
# --force it is packed despite it (exit 1 still); -W warning fails on a
# warning and says so; "ready to upload" only with exit 0.
mkdir "$T/raw"
printf 'Larkspur\tlark spur\nSKU    s k u\n' >"$T/raw/pronunciation.txt"
printf 'Welcome to Larkspur Market.\n' >"$T/raw/related.txt"
run() {
	$VALGRIND "$TOOLDIR/vox-prepare" "$@" "$T/raw" "$T/out" \
	    >"$T/sum" 2>"$T/err"
	echo "rc $?"
	sed "s|$T/||g; s/sha256 .*/sha256 .../" "$T/sum" | grep -v '^  [a-z ]*:.*in, '
	sed "s|$T/||g" "$T/err"
	ls "$T/out"
}
run
run --force
printf 'Larkspur\tlark spur\n' >"$T/raw/pronunciation.txt"
run
echo '%PDF-1.4' >"$T/raw/notes.pdf"
run -W warning
