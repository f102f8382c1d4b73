# Write a zip by hand, so a test can make one lie: python3 rawzip.py OUT
# SPEC..., each SPEC a JSON object with "name" and optional keys:
# "file" (the data from a file) or "text" (repeated "times" times),
# "local" (another name in the local header), "deflate" (true),
# "size" (the uncompressed size to declare), "host" (the "version made
# by" system, default 3 = Unix), "mode" (Unix mode, default 0o100644),
# "crypt" (flag the member as encrypted).
# Deflated data is written in full-flush pieces, so a large repeated
# text costs one piece of compression.
import json, struct, sys, zlib

out, specs = sys.argv[1], [json.loads(s) for s in sys.argv[2:]]
body, cd = bytearray(), bytearray()
for s in specs:
    name = s["name"].encode()
    local = s.get("local", s["name"]).encode()
    if "file" in s:
        with open(s["file"], "rb") as f:
            data = f.read()
        times = 1
    else:
        data, times = s["text"].encode(), s.get("times", 1)
    # Pieces of about 1 MB: a deflate block per line would not shrink.
    k = max(1, min(times, (1 << 20) // max(len(data), 1)))
    data, times = data * k, times // k
    usize = len(data) * times
    crc = 0
    for _ in range(times):
        crc = zlib.crc32(data, crc)
    if s.get("deflate"):
        c = zlib.compressobj(9, zlib.DEFLATED, -15)
        piece = c.compress(data) + c.flush(zlib.Z_FULL_FLUSH)
        packed = piece * times + c.flush()
        method = 8
    else:
        packed, method = data * times, 0
    size = s.get("size", usize)
    off = len(body)
    flags = 1 if s.get("crypt") else 0
    body += struct.pack("<4sHHHHHIIIHH", b"PK\3\4", 20, flags, method, 0, 0x21,
        crc, len(packed), size, len(local), 0) + local + packed
    attr = s.get("mode", 0o100644) << 16
    cd += struct.pack("<4sHHHHHHIIIHHHHHII", b"PK\1\2",
        s.get("host", 3) << 8 | 20, 20, flags, method, 0, 0x21, crc,
        len(packed), size, len(name), 0, 0, 0, 0, attr, off) + name
end = struct.pack("<4sHHHHIIH", b"PK\5\6", 0, 0, len(specs), len(specs),
    len(cd), len(body), 0)
with open(out, "wb") as f:
    f.write(body + cd + end)
