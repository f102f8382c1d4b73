#!/bin/sh
# The checksum libraries side by side (tests/bench/hashes.c): why
# vox-pack takes SHA-256 from nettle and CRC-32 from libdeflate.
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
dir=$top/build/bench/hashes
mkdir -p "$dir"
ssl=
pkg-config --exists libcrypto 2>/dev/null && ssl="-DWITH_OPENSSL"
# shellcheck disable=SC2046
cc -O2 $ssl -o "$dir/hashes" "$here/hashes.c" $(pkg-config --cflags --libs \
    libdeflate nettle zlib ${ssl:+libcrypto}) || exit 1
"$dir/hashes"
