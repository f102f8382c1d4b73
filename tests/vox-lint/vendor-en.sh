# The vendor's accepted en-US samples lint with no error.
cd "$S/en-US/training" && $VALGRIND "$TOOLDIR/vox-lint" audio-and-trans.zip \
    related-text.txt pronunciation.txt structured-text.md
