# A line over 1 MiB is dropped unread (TEXT-LONG); the others survive.
{ echo "Before."; head -c 1100000 /dev/zero | tr '\0' a; echo; echo "After."; } \
    >"$T/long.txt"
"$TOOLDIR/vox-text" "$T/long.txt"
