# The vendor's accepted en-US structured text has no error: only the
# missing BOM, a warning (the service took the sample without one).
cd "$S/en-US/training" && $VALGRIND "$TOOLDIR/vox-md" structured-text.md
