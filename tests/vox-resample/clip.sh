# Overload clips, never wraps, is counted and noted; the exit stays 0.
$VALGRIND "$TOOLDIR/vox-resample" -o "$T" data/loud.wav || exit
sh data/wavinfo.sh "$T/loud.wav"
od -An -v -j44 -td2 "$T/loud.wav" | tr -s ' '
