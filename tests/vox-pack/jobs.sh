# The shards are written on a thread of their own while the inputs are
# linted: -j 1 (one thread, no early writing) and -j 2 give the same
# bytes, from a folder and from a zip.  A refused input leaves nothing,
# and a FIFO output (written in place, so never early) gets no byte.
for src in ../vox-lint/data/good ../vox-lint/data/good.zip; do
	for j in 1 2; do
		$VALGRIND "$TOOLDIR/vox-pack" -q -j $j -k acoustic \
		    -o "$T/j$j.zip" "$src" >/dev/null
	done
	sed 's/j2/j1/' "$T/j2.manifest.json" >"$T/j2.json"
	cmp "$T/j1.zip" "$T/j2.zip" && cmp "$T/j1.manifest.json" \
	    "$T/j2.json" && echo "$(basename "$src"): same bytes"
	rm "$T"/j*
done
cp -r ../vox-lint/data/good "$T/bad"
printf 'missing.wav\thello there\n' >>"$T/bad/trans.txt"
$VALGRIND "$TOOLDIR/vox-pack" -q -j 2 -k acoustic -o "$T/out.zip" "$T/bad" \
    2>&1 | grep -v '^/'
mkfifo "$T/fifo"
cat "$T/fifo" >"$T/got" &
reader=$!
$VALGRIND "$TOOLDIR/vox-pack" -q -j 2 -k acoustic -o "$T/fifo" "$T/bad" \
    2>&1 | grep -v '^/'
# Nobody opened the FIFO: open it to end the reader (if vox-pack wrote,
# the reader is gone and this open would wait: it is killed).
(: >"$T/fifo") &
opener=$!
wait $reader
kill $opener 2>/dev/null
echo "the FIFO got $(wc -c <"$T/got") bytes"
rm -r "$T/bad" "$T/fifo" "$T/got"
ls "$T"
