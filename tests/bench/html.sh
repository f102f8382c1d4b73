#!/bin/sh
# HTML reports at scale (issue 16): what --report FILE.html adds to a
# vox-lint --scan of 10,000 files, best of 5 runs against the same lint
# writing JSONL, the page's size, and how long headless Chromium takes
# to show it against an empty page.  The corpus is 10,000 seeded 8 kHz
# WAVs (0.4 to 5.4 s of tone and noise between silences, some silent)
# and their transcript under build/bench/html/ (made once, by python3).
bin=$1
top=$(cd "$(dirname "$0")/../.." && pwd)
dir=$top/build/bench/html
VOXPREP_DATADIR=$top/schemas
export VOXPREP_DATADIR LC_ALL=C
command -v python3 >/dev/null || { echo "html: python3 missing, skipped"; exit 0; }

if [ ! -f "$dir/.done" ]; then
	echo "html: building the corpus in $dir"
	rm -rf "$dir" && mkdir -p "$dir/set" || exit 1
	python3 - "$dir/set" 10000 <<'PY' || exit 1
import math, os, random, struct, sys
random.seed(7)
out, n, rate = sys.argv[1], int(sys.argv[2]), 8000
# A few waveforms at levels from -40 to +1 dBFS, cut to length per file.
var = []
for k in range(24):
    amp = 10 ** ((-40 + k * 1.8) / 20) * 32767
    s = bytearray()
    for i in range(rate * 4):
        v = amp * (0.6 * math.sin(i * 0.07 + k) +
                   0.4 * (random.random() * 2 - 1))
        s += struct.pack("<h", max(-32768, min(32767, int(v))))
    var.append(bytes(s))
words = ("the a to order ticket refund receipt please market weather "
         "tomorrow agent hold welcome number return tags check before "
         "would like two where is my can you email me").split()
lines = []
for i in range(n):
    name = "c%05d.wav" % i
    dur = random.uniform(0.4, 3.8)
    lead, trail = random.uniform(0, 0.8), random.uniform(0, 0.8)
    body = var[random.randrange(len(var))][:int(dur * rate) * 2]
    if i % 997 == 5:
        body = bytes(len(body))
    data = (bytes(int(lead * rate) * 2) + body +
            bytes(int(trail * rate) * 2))
    hdr = (b"RIFF" + struct.pack("<I", 36 + len(data)) + b"WAVEfmt " +
           struct.pack("<IHHIIHH", 16, 1, 1, rate, rate * 2, 2, 16) +
           b"data" + struct.pack("<I", len(data)))
    with open(os.path.join(out, name), "wb") as f:
        f.write(hdr + data)
    nw = max(1, int((dur + lead + trail) * 2.2 * random.uniform(0.7, 1.3)))
    nw = nw * 8 if i % 1500 == 7 else 1 if i % 1700 == 9 else nw
    lines.append(name + "\t" + " ".join(random.choice(words)
                                       for _ in range(nw)))
with open(os.path.join(out, "trans.txt"), "w") as f:
    f.write("\n".join(lines) + "\n")
PY
	touch "$dir/.done"
fi
cd "$dir" || exit 1
cat set/*.wav >/dev/null

# The best of 5 wall-clock runs, in seconds.
best() {
	b=
	for k in 1 2 3 4 5; do
		s=$(date +%s.%N)
		"$@" >/dev/null 2>&1
		e=$(date +%s.%N)
		b=$(echo "$s $e $b" | awk '{ t = $2 - $1;
		    if ($3 == "" || t < $3) print t; else print $3 }')
	done
	echo "$b"
}

# In turn, the best of 7 each: a load that comes and goes hits both.
now() { date +%s.%N; }
j= h=
for k in 1 2 3 4 5 6 7; do
	s=$(now); "$bin/vox-lint" -q --scan --report r.jsonl set >/dev/null 2>&1
	m=$(now); "$bin/vox-lint" -q --scan --report r.html set >/dev/null 2>&1
	e=$(now)
	set -- $(echo "$s $m $e $j $h" | awk '{ a = $2 - $1; b = $3 - $2;
	    if ($4 != "" && $4 < a) a = $4; if ($5 != "" && $5 < b) b = $5;
	    print a, b }')
	j=$1 h=$2
done
echo "$j $h" | awk '{ printf "vox-lint --scan, 10,000 files: JSONL report %.3f s, HTML %.3f s: +%.1f%% (target: 10%%)\n", $1, $2, 100 * ($2 - $1) / $1 }'
ls -l r.html | awk '{ printf "page: %.2f MB (target: 10 MB)\n", $5 / 1e6 }'
if command -v chromium >/dev/null 2>&1; then
	printf '<!DOCTYPE html><html><body><p>x</p></body></html>\n' >empty.html
	shot() {
		timeout 120 chromium --headless --no-sandbox --disable-gpu \
		    --user-data-dir="$dir/profile" --window-size=1200,1000 \
		    --screenshot="$dir/shot.png" "file://$dir/$1"
	}
	e=$(best shot empty.html)
	p=$(best shot r.html)
	echo "$e $p" | awk '{ printf "chromium screenshot: empty page %.2f s, the report %.2f s: %.2f s to show it (target: 2 s)\n", $1, $2, $2 - $1 }'
else
	echo "html: chromium missing, render time not measured"
fi
