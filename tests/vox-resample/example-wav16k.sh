# docs/vox-resample.1, EXAMPLES: convert the FLAC and MP3 files into a folder.
# The man page's command, run as a user would: the tools on PATH (under
# $VALGRIND if set), in a scratch folder with samples/ linked in.
mkdir "$T/bin" && ln -s "$(cd ../.. && pwd)/samples" "$T/samples" || exit
for t in "$TOOLDIR"/vox-*; do
	printf '#!/bin/sh\nexec %s "%s" "$@"\n' "$VALGRIND" "$t" >"$T/bin/${t##*/}"
done
chmod +x "$T/bin"/* && PATH=$T/bin:$PATH && cd "$T" || exit
mkdir wav16k
vox-resample -j 2 -o wav16k samples/raw/*.flac samples/raw/*.mp3
vox-audio --stats wav16k/*
