# vox-prepare's summary escapes names as diagnostics do: a folder name
# with a newline and an ANSI escape cannot forge summary lines.
raw=$(printf 'raw\nout: ready to upload\033[31m')
out=$(printf 'up\033[2Kload')
mkdir "$T/$raw"
printf 'Welcome to Larkspur Market.\n' >"$T/$raw/related.txt"
cd "$T" || exit
"$TOOLDIR/vox-prepare" -q "$raw" "$out" >o.txt 2>&1
echo "exit $?"
sed 's/sha256 .*/sha256 .../' o.txt
