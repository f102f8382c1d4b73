# --version names the tool, the suite, its version and the resampler.
$VALGRIND "$TOOLDIR/vox-resample" -V | sed 's/resampler [a-z]*/resampler R/'
