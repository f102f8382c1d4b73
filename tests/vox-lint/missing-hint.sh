# A transcript line with no WAV says why when the folder suggests it: a
# file of the same stem in another audio format (convert it: call4.flac for call4.wav), or a WAV
# whose name differs only in case.
cd "$T" || exit 3
sox -n -r16000 -b16 -c1 a.wav synth 1 sine 440
sox -n -r16000 -b16 -c1 B.WAV synth 1 sine 660
sox -n -r16000 -c1 call4.flac synth 1 sine 550
printf 'a.wav\thello there\ncall4.wav\tgood morning\nb.wav\thi there\nzz.wav\tnothing here\n' >trans.txt
"$TOOLDIR/vox-lint" .
echo "exit $?"
