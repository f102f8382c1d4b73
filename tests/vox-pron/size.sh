# PRON-SIZE: 1 KB on the free tier (F0), 1 MB on the standard tier.
i=0
while [ $i -lt 100 ]; do
	printf 'Word%s\tword %s\n' $i "$(echo $i | tr 0-9 a-j)"
	i=$((i + 1))
done >"$T/big.txt"
"$TOOLDIR/vox-pron" -q --tier free --check "$T/big.txt"
echo "rc $?"
"$TOOLDIR/vox-pron" -q --tier free -o "$T/out.txt" "$T/big.txt"
echo "rc $?"
"$TOOLDIR/vox-pron" -q --check "$T/big.txt"
echo "rc $?"
