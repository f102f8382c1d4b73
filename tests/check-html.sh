#!/bin/sh
# HTML reports (--report FILE.html), in headless Chromium: pages from
# vox-lint --scan (a folder and a zip of tests/vox-lint/data), from
# vox-lint on tests/data/html (ten clips of samples/clean, a transcript
# with invisible and look-alike characters), from vox-prepare on
# samples/raw (its report.html) and from vox-wer on two models.  Each
# page is well-formed XML (xmllint: the page is polyglot XHTML); the DOM
# Chromium builds of it holds every rule ID the run printed, its totals,
# its plots, and the filter boxes of the inline script (so the script
# ran); a screenshot is a PNG of the window's size that is neither blank
# nor drawn past the page's column.  Goldens: the character inventory
# of the fixture (tests/data/html/chars.out) and its speaking-rate
# outliers (rate.out).  With an argument, the screenshot of the
# vox-prepare page is also written there (docs/report.png, the README's).
# Skipped, with a message, only where Chromium cannot start.
set -u
top=$(pwd)
: "${TOOLDIR:=$top/build/default/bin}"
VOXPREP_DATADIR=$top/schemas
export VOXPREP_DATADIR
shot_to=${1:-}
d=$(mktemp -d "${TMPDIR:-/tmp}/voxhtml.XXXXXX") || exit 3
trap 'rm -rf "$d"' EXIT
bad=0

fail() {
	echo "check-html: $*"
	bad=1
}

# Chromium, headless, with a profile of its own in the scratch folder.
chrome() {
	timeout 120 chromium --headless --no-sandbox --disable-gpu \
	    --hide-scrollbars --user-data-dir="$d/profile" "$@" 2>>"$d/chrome.log"
}

# The pages.  Each tool's stderr is kept: the findings it printed.
mkdir "$d/chars"
for n in 01 06; do cp samples/clean/acoustic/close.wav "$d/chars/c$n.wav"; done
for n in 02 07; do cp samples/clean/acoustic/refund.wav "$d/chars/c$n.wav"; done
for n in 03 08; do cp samples/clean/acoustic/track.wav "$d/chars/c$n.wav"; done
for n in 04 09; do cp samples/clean/audiofiles/bakery.wav "$d/chars/c$n.wav"; done
for n in 05 10; do cp samples/clean/audiofiles/basket.wav "$d/chars/c$n.wav"; done
cp tests/data/html/trans.txt "$d/chars/"
# status WANT GOT WHAT
status() {
	[ "$2" = "$1" ] || fail "$3: exit status $2, expected $1"
}
(cd tests/vox-lint && "$TOOLDIR/vox-lint" --scan --report "$d/lint.html" \
    data/good data/dups.zip) >/dev/null 2>"$d/lint.err"
status 1 $? "vox-lint --scan"
(cd "$d" && "$TOOLDIR/vox-lint" --report chars.html chars) >/dev/null \
    2>"$d/chars.err"
status 0 $? "vox-lint chars"
"$TOOLDIR/vox-prepare" samples/raw "$d/prep" >/dev/null 2>"$d/prep.err"
status 1 $? "vox-prepare"
[ -s "$d/prep/report.html" ] || fail "vox-prepare wrote no report.html"
"$TOOLDIR/vox-wer" --report "$d/wer.html" samples/clean/acoustic \
    tests/vox-wer/data/model-a tests/vox-wer/data/model-b.txt >/dev/null \
    2>"$d/wer.err"
status 0 $? "vox-wer"

# Well-formed XML, as written.
for p in lint chars prep/report wer; do
	xmllint --noout "$d/$p.html" 2>"$d/xmllint.log" ||
	    fail "$p.html is not well-formed: $(head -3 "$d/xmllint.log")"
done

# Goldens from the page as written (XML), not from a browser.
python3 - "$d/chars.html" "$d/chars.out" "$d/rate.out" <<'PY' ||
import sys
import xml.etree.ElementTree as ET
ns = "{http://www.w3.org/1999/xhtml}"
root = ET.parse(sys.argv[1]).getroot()
def rows(tid, skip):
    for t in root.iter(ns + "table"):
        if t.get("id") == tid:
            for tr in t.iter(ns + "tr"):
                cells = ["".join(td.itertext()) for td in tr.findall(ns + "td")]
                if cells:
                    yield "\t".join(cells[skip:])
            return
    raise SystemExit("no table " + tid)
with open(sys.argv[2], "w", encoding="utf-8") as f:
    for r in rows("chars-transcript", 1):
        print(r, file=f)
with open(sys.argv[3], "w", encoding="utf-8") as f:
    for r in rows("rate-outliers", 0):
        print(r, file=f)
PY
	fail "cannot read the tables of chars.html"
for g in chars rate; do
	diff -u "tests/data/html/$g.out" "$d/$g.out" >"$d/diff" ||
	    fail "$g.out differs: $(head -30 "$d/diff")"
done

if ! command -v chromium >/dev/null 2>&1; then
	echo "check-html: browser checks skipped, chromium is not installed"
	exit $bad
fi
printf '<html><body><p id="x">up</p></body></html>\n' >"$d/up.html"
if ! chrome --dump-dom "file://$d/up.html" 2>/dev/null | grep -q 'id="x"'
then
	echo "check-html: browser checks skipped, chromium cannot start:"
	tail -3 "$d/chrome.log"
	exit $bad
fi

# dom PAGE STDERR PLOTS...: the DOM Chromium made of PAGE holds every
# rule ID of STDERR, its totals and each plot (a figure id with an svg).
dom() {
	page=$1 err=$2
	shift 2
	chrome --dump-dom "file://$d/$page.html" >"$d/dom" ||
	    { fail "$page: chromium --dump-dom failed"; return; }
	python3 - "$d/dom" "$err" "$page" "$@" <<'PY' || bad=1
import re, sys
from html.parser import HTMLParser
dom, err, page, plots = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
class P(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.stack, self.text = {}, [], {}
        self.svg_in, self.filters = set(), 0
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "input" and a.get("class") == "filter":
            self.filters += 1
        if tag == "svg":
            for t, i in self.stack:
                if t == "figure" and i:
                    self.svg_in.add(i)
        self.stack.append((tag, a.get("id")))
        if a.get("id"):
            self.ids[a["id"]] = tag
            self.text[a["id"]] = ""
    def handle_endtag(self, tag):
        while self.stack:
            t, _ = self.stack.pop()
            if t == tag:
                break
    def handle_data(self, data):
        for _, i in self.stack:
            if i in self.text:
                self.text[i] += data
p = P()
p.feed(open(dom, encoding="utf-8").read())
ok = True
def no(msg):
    global ok
    print(f"check-html: {page}: {msg}")
    ok = False
found = {"error": 0, "warning": 0, "note": 0}
rules = set()
for line in open(err, encoding="utf-8", errors="replace"):
    m = re.search(r": (error|warning|note): .*\[([A-Z0-9-]+)\]$", line)
    if m:
        found[m.group(1)] += 1
        rules.add(m.group(2))
for r in sorted(rules):
    if p.ids.get("rule-" + r) != "tr":
        no(f"no row of the rule index for {r}")
for sev, n in found.items():
    got = p.text.get(f"n-{sev}s", "").strip()
    if got != str(n):
        no(f"{sev}s: the page says {got!r}, the run printed {n}")
total = p.text.get("n-findings", "").strip()
if total != str(sum(found.values())):
    no(f"findings: the page says {total!r}, the run printed "
       f"{sum(found.values())}")
for pl in plots:
    if pl not in p.svg_in:
        no(f"no plot {pl}")
if p.filters == 0 and page != "wer":
    no("no filter box: the inline script did not run")
sys.exit(0 if ok else 1)
PY
}

dom lint "$d/lint.err" rule-chart durations levels peaks pauses rate-plot
dom chars "$d/chars.err" rule-chart durations rate-plot
dom prep/report "$d/prep.err" rule-chart durations rate-plot
dom wer "$d/wer.err" model-chart utt-hist-1 utt-hist-2

# A screenshot of each page at 1200 by 1400: a PNG of that size, not
# blank (some of it drawn, in several colours), and nothing drawn in the
# 40 pixels at the right edge, which the page's column never reaches.
shot() {
	chrome --window-size=1200,1400 --screenshot="$d/$2.png" \
	    "file://$d/$1.html" >/dev/null
	python3 - "$d/$2.png" "$2" <<'PY' || bad=1
import struct, sys, zlib
path, name = sys.argv[1], sys.argv[2]
data = open(path, "rb").read()
def no(msg):
    print(f"check-html: {name}.png: {msg}")
    sys.exit(1)
if data[:8] != b"\x89PNG\r\n\x1a\n":
    no("not a PNG")
i, idat, hdr = 8, b"", None
while i < len(data):
    n, t = struct.unpack(">I4s", data[i:i + 8])
    if t == b"IHDR":
        hdr = struct.unpack(">IIBBBBB", data[i + 8:i + 8 + n])
    elif t == b"IDAT":
        idat += data[i + 8:i + 8 + n]
    i += 12 + n
w, h, depth, ctype, _, _, interlace = hdr
if (w, h) != (1200, 1400):
    no(f"{w}x{h}, expected 1200x1400")
if depth != 8 or ctype not in (2, 6) or interlace:
    no(f"depth {depth}, colour type {ctype}: not read here")
bpp = 3 if ctype == 2 else 4
raw, stride = zlib.decompress(idat), w * bpp
rows, prev, k = [], bytearray(stride), 0
for y in range(h):
    f, line = raw[k], bytearray(raw[k + 1:k + 1 + stride])
    k += 1 + stride
    if f == 2:
        line = bytearray((x + y_) & 255 for x, y_ in zip(line, prev))
    elif f in (1, 3, 4):
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if f == 1:
                pr = a
            elif f == 3:
                pr = (a + b) // 2
            else:
                q = a + b - c
                pa, pb, pc = abs(q - a), abs(q - b), abs(q - c)
                pr = a if pa <= pb and pa <= pc else b if pb <= pc else c
            line[x] = (line[x] + pr) & 255
    rows.append(bytes(line))
    prev = line
drawn, colours, edge = 0, set(), 0
for y in range(0, h, 4):
    r = rows[y]
    for x in range(0, w, 4):
        px = r[x * bpp:x * bpp + 3]
        if px != b"\xff\xff\xff":
            drawn += 1
            colours.add(px)
            if x >= w - 40:
                edge += 1
share = drawn / ((h // 4) * (w // 4))
if share < 0.02:
    no(f"blank: {share:.1%} drawn")
if len(colours) < 8:
    no(f"{len(colours)} colours: no plot shown")
if edge:
    no(f"{edge} pixels drawn at the right edge: the page is too wide")
PY
}

shot lint lint
shot prep/report prep
shot wer wer
if [ -n "$shot_to" ] && [ $bad = 0 ]; then
	cp "$d/prep.png" "$shot_to" || bad=1
fi
exit $bad
