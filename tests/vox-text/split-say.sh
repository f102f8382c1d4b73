# -o with --split-lines says on stderr which files it wrote instead.
"$TOOLDIR/vox-text" -L ja-JP --split-lines 2 -o "$T/ja.txt" data/ja.txt
echo "exit $?"
ls "$T"
"$TOOLDIR/vox-text" -L ja-JP --split-lines 20000 -o "$T/one.txt" data/ja.txt
ls "$T" | grep one
# -q says nothing.
"$TOOLDIR/vox-text" -q -L ja-JP --split-lines 2 -o "$T/q.txt" data/ja.txt
