# Headers that used to pass: a sample rate of 0 (the rate check was
# skipped for 0) and two fmt chunks, 44.1 kHz stereo then 16 kHz mono
# (libsndfile refuses the file; the first chunk is the one we judge).
# Both are errors in vox-audio and vox-lint, and vox-pack refuses them.
. data/common.sh
python3 - "$T" <<'PY'
import struct, sys
def fmt(rate, ch):
    return b'fmt ' + struct.pack('<IHHIIHH', 16, 1, ch, rate, rate * ch * 2,
        ch * 2, 16)
def wav(path, *chunks):
    data = bytes(32000)
    body = b'WAVE' + b''.join(chunks) + b'data' + struct.pack('<I',
        len(data)) + data
    with open(path, 'wb') as f:
        f.write(b'RIFF' + struct.pack('<I', len(body)) + body)
wav(sys.argv[1] + '/rate0.wav', fmt(0, 1))
wav(sys.argv[1] + '/fmt2.wav', fmt(44100, 2), fmt(16000, 1))
PY
"$TOOLDIR/vox-audio" "$T/rate0.wav" "$T/fmt2.wav"
echo "exit $?"
mkdir "$T/set"
mv "$T/rate0.wav" "$T/fmt2.wav" "$T/set/"
"$TOOLDIR/vox-lint" -k audio "$T/set"
echo "exit $?"
# vox-pack lints first: the set is refused and no zip is written.
"$TOOLDIR/vox-pack" -q -k audio -o "$T/up.zip" "$T/set" 2>/dev/null
echo "exit $?"
[ -e "$T/up.zip" ] && echo "up.zip written" || echo "no zip"
