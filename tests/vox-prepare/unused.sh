# Every file of raw_dir is used or named in a finding with the reason:
# AAC in .m4a (libsndfile cannot decode it: convert it, unless a WAV of
# that name is there), a second structured text, a .txt with a line
# like a display-format header that is neither markdown kind (not
# guessed), a second transcript, a PDF, a folder, a link.
mkdir "$T/raw" "$T/raw/old"
sox -R -n -r 16000 -c 1 -b 16 "$T/raw/call1.wav" synth 1.5 sine 440 vol 0.3
sox -R -n -r 16000 -c 1 -b 16 "$T/raw/call6.wav" synth 1.5 sine 550 vol 0.3
cp "$T/raw/call1.wav" "$T/raw/old/call1.wav"
printf 'AAC' >"$T/raw/call5.m4a"
printf 'AAC' >"$T/raw/call6.m4a"
printf 'call1.wav\tHello.\ncall6.wav\tHi there.\n' >"$T/raw/trans.txt"
printf 'call1.wav\tHello.\n' >"$T/raw/trans2.txt"
printf '\357\273\277@ list a =\n- x\n# S\n- {@a}\n' >"$T/raw/lists.md"
printf '\357\273\277@ list b =\n- y\n# S\n- {@b}\n' >"$T/raw/more.md"
printf '# Test plan\nCall the shop.\n' >"$T/raw/notes.txt"
printf '%%PDF-1.4\n' >"$T/raw/slides.pdf"
ln -s trans.txt "$T/raw/link.txt"
$VALGRIND "$TOOLDIR/vox-prepare" "$T/raw" "$T/out" >"$T/sum" 2>"$T/err"
echo "rc $?"
sed "s|$T/||g" "$T/sum" "$T/err"
