# The vendor's accepted de-DE samples lint with no error.
cd "$S/de-DE/training" && $VALGRIND "$TOOLDIR/vox-lint" -L de-DE \
    audio-and-trans.zip related-text.txt
