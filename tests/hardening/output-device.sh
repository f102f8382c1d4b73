# An output that is a device or a FIFO (-o /dev/null, a named pipe) is
# written in place: a temporary file renamed over it would replace the
# device with a regular file (as root, /dev/null for every program).
. data/common.sh
cd "$T" || exit 3
printf '\357\273\277hello there\n' >r.txt
mkfifo fifo
timeout 10 cat fifo >got &
"$TOOLDIR/vox-text" -q -o fifo r.txt
echo "vox-text exit $?"
wait
[ -p fifo ] && echo "fifo still a fifo"
od -c got | sed -n 1p
printf 'hello\thh eh l ow\n' >pron.txt
mkfifo pfifo
timeout 10 cat pfifo >pgot &
"$TOOLDIR/vox-pron" -q -o pfifo pron.txt
echo "vox-pron exit $?"
wait
[ -p pfifo ] && echo "pfifo still a fifo"
od -c pgot | sed -n 1p
# No temporary file left beside them.
echo "$(ls -A | grep -c '^\.') hidden files"
