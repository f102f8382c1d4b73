# A WAV that says 1 Hz cannot be resampled (libsamplerate takes ratios
# up to 256): bad data, so an AUDIO-RATE finding and exit 1, not a
# system error; the good file beside it is still converted.
python3 - "$T/r1.wav" <<'PY'
import struct, sys
data = bytes(32)
fmt = struct.pack('<HHIIHH', 1, 1, 1, 2, 2, 16)
with open(sys.argv[1], 'wb') as f:
    f.write(b'RIFF' + struct.pack('<I', 36 + len(data)) + b'WAVE' +
        b'fmt ' + struct.pack('<I', 16) + fmt + b'data' +
        struct.pack('<I', len(data)) + data)
PY
sox -n -r 8000 -b 16 -c 1 "$T/good.wav" synth 0.1 sine 440
mkdir "$T/out"
"$TOOLDIR/vox-resample" -o "$T/out" "$T/r1.wav" "$T/good.wav"
echo "exit $?"
ls "$T/out"
