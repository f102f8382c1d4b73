#!/bin/sh
# Each tool loads only the libraries it uses: at every start the dynamic
# loader maps and relocates each one.  libsndfile brings seven codec
# libraries, libzip brings libcrypto: together 1.9 ms of a 4.6 ms run of
# vox-md on one file, when one object (an option parser, a suffix test)
# linked them into tools that never read audio or a zip.
set -e
bin=${TOOLDIR:?}
command -v readelf >/dev/null || { echo "readelf missing, skipped"; exit 0; }
needed() {
	readelf -d "$bin/$1" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'
}
# A sanitizer build links every library it is given (libasan asks for
# --no-as-needed): there is nothing to check there.
if needed vox-md | grep -q '^libasan'; then
	echo "sanitizer build, skipped"
	exit 0
fi
bad=0
# tool: libraries it must not load
while read -r tool libs; do
	have=$(needed "$tool")
	[ -n "$have" ] || { echo "$tool: no NEEDED entries read"; exit 1; }
	for l in $libs; do
		if echo "$have" | grep -q "^$l"; then
			echo "$tool loads $l, which it does not use"
			bad=1
		fi
	done
done <<'LIST'
vox-text libsndfile libsamplerate libsoxr libzip
vox-pron libsndfile libsamplerate libsoxr libzip
vox-md libsndfile libsamplerate libsoxr libzip
vox-audio libsamplerate libsoxr libzip
LIST
exit $bad
