# A folder with no result JSON scores nothing: a finding, all missing.
mkdir "$T/empty" && "$TOOLDIR/vox-wer" data/miss-ref.txt "$T/empty"
