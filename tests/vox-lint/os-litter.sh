# What file managers leave behind (.DS_Store, Thumbs.db, __MACOSX/) is a
# warning, not an error: the service does not use it, and the vendor's
# samples pass without it.  __MACOSX/ is named once, however many files.
mkdir -p "$T/__MACOSX"
sox -n -r16000 -b16 -c1 "$T/a.wav" synth 1 sine 440
printf 'a.wav\thello\n' >"$T/trans.txt"
touch "$T/.DS_Store" "$T/Thumbs.db" "$T/__MACOSX/._a.wav" \
    "$T/__MACOSX/._trans.txt"
(cd "$T" && zip -q set.zip a.wav trans.txt .DS_Store Thumbs.db \
    __MACOSX/._a.wav __MACOSX/._trans.txt)
"$TOOLDIR/vox-lint" "$T/set.zip"
echo "exit $?"
