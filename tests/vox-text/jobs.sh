# -j 2 writes exactly what -j 1 writes, in order, over many blocks.
i=0
while [ $i -lt 3000 ]; do
	echo "Line $i says “hello”. It has two sentences."
	echo "Bad link http://x.example.com/$i here."
	i=$((i + 1))
done >"$T/in.txt"
"$TOOLDIR/vox-text" -q -j 1 --dedupe "$T/in.txt" >"$T/1"
"$TOOLDIR/vox-text" -q -j 2 --dedupe "$T/in.txt" >"$T/2"
cmp "$T/1" "$T/2" && echo same
wc -l <"$T/1"
# TEXT-DROP notes name the dropped lines, in input order.
"$TOOLDIR/vox-text" -j 2 --dedupe "$T/in.txt" 2>&1 >/dev/null |
    awk -F: '/TEXT-DROP/ {
	if ($2 ~ /^[0-9]+$/) { n++; if ($2 + 0 < last) bad++; last = $2 + 0 }
	next
} { print } END {
	print (n > 0 ? "drop notes shown" : "no drop notes"),
	    (bad ? "out of order" : "in order")
}'
