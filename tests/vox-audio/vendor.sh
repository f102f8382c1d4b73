# The vendor's accepted samples: no error, header audit and scan.
cd "$T" || exit 3
for z in "$S"/*/training/audio-and-trans.zip; do
	l=$(basename "$(dirname "$(dirname "$z")")")
	unzip -q -d "$l" "$z" '*.wav' || exit 3
done
$VALGRIND "$TOOLDIR/vox-audio" -W error --scan --stats */*.wav
