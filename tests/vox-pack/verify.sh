# --verify lints a zip as the service would see it.
$VALGRIND "$TOOLDIR/vox-pack" --verify ../vox-lint/data/layout.zip 2>&1 | sed 's/sha256 .*/sha256 .../'
