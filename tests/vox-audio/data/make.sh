#!/bin/sh
# Regenerate the vox-audio fixtures (committed; run by hand, not by the
# tests).  Needs sox, ffmpeg, espeak-ng and python3.  Everything is tiny:
# 8 kHz where the rate does not matter, 0.1 to 1.5 s.
set -e
cd "$(dirname "$0")"
sx() { sox -R -D -V1 "$@"; }

# Speech: espeak-ng "yes", made mono 16 kHz; padded 0.15 s each side
# (enough for short.xml's pad of 0.1 s), cut tight, and band-limited to
# 4 kHz by a trip through 8 kHz.
espeak-ng -s 160 -w yes22.tmp.wav "yes"
sx yes22.tmp.wav -b 16 -e signed-integer -r 16000 tight0.tmp.wav \
    silence 1 0.01 0.5% reverse silence 1 0.01 0.5% reverse
sx tight0.tmp.wav speech.wav pad 0.15 0.15
sx tight0.tmp.wav tight.wav
sx speech.wav -r 8000 nb8.tmp.wav
sx nb8.tmp.wav -r 16000 narrow.wav
rm -f ./*.tmp.wav

# Plain 8 kHz mono PCM16 tone: the base of the header surgery below.
sx -n -b 16 -e signed-integer -r 8000 -c 1 tone8k.wav synth 0.1 sine 440 vol 0.5
# Measurements.
sx -n -b 16 -r 8000 -c 1 silent.wav trim 0 0.2
sx -n -b 16 -r 8000 -c 1 dc.wav synth 0.3 sine 440 vol 0.3 dcshift 0.1
sx -n -b 16 -r 8000 -c 1 long.wav synth 1.5 sine 300 vol 0.3 pad 0.2 0.2 \
    trim 0 1.5

# Formats libsndfile opens but the service does not take.
sx tone8k.wav tone.flac
sx tone8k.wav tone.ogg
sx tone8k.wav tone.aiff
sx tone8k.wav -e a-law alaw.wav
sx tone8k.wav -b 8 -e unsigned-integer u8.wav
sx tone8k.wav -b 24 pcm24.wav
sx tone8k.wav -b 32 -e floating-point float.wav
sx tone8k.wav -c 2 stereo.wav
sx tone8k.wav -r 44100 rate44k.wav
ffmpeg -v error -y -i tone8k.wav -ar 16000 -ac 1 -b:a 32k -fflags +bitexact \
    -map_metadata -1 tone.mp3

# Lying and odd headers, by byte surgery on tone8k.wav.
python3 - <<'PY'
import struct
src = open("tone8k.wav", "rb").read()
fmt, data = src[12:36], src[44:]
def riff(body, size=None):
    return b"RIFF" + struct.pack("<I", len(body) + 4 if size is None
                                 else size) + b"WAVE" + body
def chunk(cid, payload, size=None, pad=True):
    n = len(payload) if size is None else size
    return cid + struct.pack("<I", n) + payload + \
        (b"\0" if pad and len(payload) % 2 else b"")
def w(name, b):
    open(name, "wb").write(b)
d = chunk(b"data", data)
w("trunc.wav", riff(fmt + d)[:44 + len(data) // 2])
w("size0.wav", riff(fmt + chunk(b"data", data, size=0)))
w("sizeff.wav", riff(fmt + chunk(b"data", data, size=0xffffffff),
                     size=0xffffffff))
w("trailing.wav", riff(fmt + d) + b"trailing garbage from a copy tool\n")
w("riffsize.wav", riff(fmt + d, size=1000))
lst = chunk(b"LIST", b"INFOISFT\x07\0\0\0voxprep\0")
w("list.wav", riff(fmt + lst + d))
w("oddpad.wav", riff(fmt + chunk(b"junk", b"odd") + d))
w("nopad.wav", riff(fmt + chunk(b"junk", b"odd", pad=False) + d))
w("trail-chunk.wav", riff(fmt + d + lst))
w("oddsize.wav", riff(fmt + chunk(b"data", data + b"\1")))
# fmt fields: tag, channels, rate, byte rate, block align, bits.
def fmtc(tag=1, ch=1, rate=8000, br=16000, al=2, bits=16, extra=b""):
    return chunk(b"fmt ", struct.pack("<HHIIHH", tag, ch, rate, br, al,
                                      bits) + extra)
w("byterate.wav", riff(fmtc(br=16001) + d))
w("align.wav", riff(fmtc(al=4, br=32000) + d))
w("shortfmt.wav", riff(chunk(b"fmt ", fmt[8:18]) + d))
w("nofmt.wav", riff(d))
w("nodata.wav", riff(fmt))
w("broken.wav", riff(fmt + b"\x01\x02\x03\x04garbage!" + d))
guid = struct.pack("<H", 1) + bytes.fromhex("000000001000800000aa00389b71")
ext = struct.pack("<HHI", 22, 16, 4) + guid
w("extensible.wav", riff(fmtc(tag=0xfffe, extra=ext) + d))
w("notwav.txt", src)
w("empty.wav", b"")
# Clipped: a 200 Hz sine at twice full scale, cut flat at +-32767.
import math
pcm = b"".join(struct.pack("<h", max(-32767, min(32767, round(65534 *
      math.sin(2 * math.pi * 200 * i / 8000))))) for i in range(1600))
w("clip.wav", riff(fmt + chunk(b"data", pcm)))
w("garbage.wav", b"this is a transcript, not audio\n")
PY
ls -l
