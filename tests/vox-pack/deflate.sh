# --deflate compresses the members; the result still lints clean.
$VALGRIND "$TOOLDIR/vox-pack" --deflate -k audio -o "$T/d.zip" ../vox-lint/data/audio-only.zip >/dev/null
unzip -Zv "$T/d.zip" | grep 'compression method' | sort -u
"$TOOLDIR/vox-lint" "$T/d.zip" | sed "s|$T/||"
