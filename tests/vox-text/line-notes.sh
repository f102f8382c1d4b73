# More than 80 lines with several sentences in one file: one TEXT-LINE
# note with the count and the first lines, not one per line.
i=0
while [ $i -lt 81 ]; do
	echo "Line $i is here. It has two sentences."
	i=$((i + 1))
done >"$T/81.txt"
head -n 80 "$T/81.txt" >"$T/80.txt"
"$TOOLDIR/vox-text" --check "$T/81.txt" 2>&1 | grep -c TEXT-LINE
"$TOOLDIR/vox-text" --check "$T/81.txt" 2>&1 | grep TEXT-LINE
"$TOOLDIR/vox-text" --check "$T/80.txt" 2>&1 | grep -c TEXT-LINE
