# a folder of FLAC and MP3 files.
mkdir "$T/wav16k"
$VALGRIND "$TOOLDIR/vox-resample" -j 2 -o "$T/wav16k" data/*.flac data/*.mp3 ||
    exit
ls "$T/wav16k"
