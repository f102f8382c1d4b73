#!/bin/sh
# make.sh: regenerate samples/raw and samples/clean from nothing.
#
# usage: sh samples/make.sh [OUTDIR]      (OUTDIR defaults to this script's folder)
#
# Needs espeak-ng (speech), sox with libsox-fmt-mp3 (resampling, FLAC, MP3).
# Everything is deterministic: espeak-ng is run with a fixed voice, speed and
# pitch; sox runs with -R (fixed random seed) and -D (no dither), and with an
# empty --comment so no "Processed by SoX" tag lands in the FLAC files. With the
# same tool versions (see samples/README.md) the output is byte for byte the
# same on every run. Only OUTDIR/raw and OUTDIR/clean are removed and rewritten;
# nothing else in OUTDIR (README.md, SHA256SUMS, demo.sh...) is touched.
#
# The content (a made-up shop, "Larkspur Market", and its voice assistant) is
# our own and is dedicated to the public domain (CC0 1.0).
set -eu
LC_ALL=C
export LC_ALL

out=${1:-$(cd "$(dirname "$0")" && pwd)}
for t in espeak-ng sox; do
	command -v "$t" >/dev/null 2>&1 || { echo "make.sh: $t not found" >&2; exit 1; }
done
sox -h 2>/dev/null | grep -q 'FORMATS:.* mp3' ||
	{ echo "make.sh: sox cannot write mp3 (install libsox-fmt-mp3)" >&2; exit 1; }

raw=$out/raw
clean=$out/clean
tmp=$out/.make.$$
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM
rm -rf "$raw" "$clean" "$tmp"
mkdir -p "$raw" "$clean/acoustic" "$clean/audiofiles" "$tmp"

# sx ARGS...: sox with a fixed random seed (-R) and no automatic dither (-D).
sx() { sox -R -D "$@"; }

# say VOICE SPEED PITCH OUT TEXT: espeak-ng writes a 22,050 Hz mono 16-bit WAV;
# sox then normalizes its peak to -3 dBFS so later resampling cannot clip.
say() {
	espeak-ng -v "$1" -s "$2" -p "$3" -w "$4.tts" "$5"
	sx -t wav "$4.tts" "$4" gain -n -3
}

# crlf: LF to CRLF (POSIX awk).
crlf() { awk '{ printf "%s\r\n", $0 }'; }
bom() { printf '\357\273\277'; }

# ---------------------------------------------------------------------------
# 1. Speech. One espeak-ng call per utterance, each with its own voice, so the
#    set sounds like several speakers. espeak-ng reads plain ASCII text; the
#    transcripts below are what a person typed about the same audio.
# ---------------------------------------------------------------------------
say en-us+f3        180 55 "$tmp/welcome.wav" "Welcome to Larkspur Market."
say en-gb           165 45 "$tmp/order.wav"   "I'd like to order two tickets, please."
say en-gb-scotland  160 50 "$tmp/weather.wav" "What's the weather in Seattle tomorrow?"
say en-029          160 60 "$tmp/quiet.wav"   "Where is my order forty two?"
say en-us+m3        170 40 "$tmp/hold.wav"    "Please hold for the next agent."
say en-gb-x-rp      165 50 "$tmp/lect1.wav"   "Welcome to the returns training."
say en-gb-x-rp      165 50 "$tmp/lect2.wav"   "Every return needs a receipt or an order number."
say en-gb-x-rp      165 50 "$tmp/lect3.wav"   "Check the tags before you refund anything."
say en-us           170 50 "$tmp/c1.wav"      "Track my order."
say en-gb+f2        170 55 "$tmp/c2.wav"      "When do you close?"
say en-us+m1        170 45 "$tmp/c3.wav"      "I want a refund."
say en-gb-scotland  170 50 "$tmp/a1.wav"      "Add milk to my basket."
say en-us+f4        170 60 "$tmp/a2.wav"      "Is the bakery open?"

# ---------------------------------------------------------------------------
# 2. raw/: what a user really has before preparing anything.
# ---------------------------------------------------------------------------
# welcome.wav: 44.1 kHz, stereo, 16-bit PCM (a desktop recorder's default);
# the right channel a little quieter, leading/trailing silence trimmed away.
sx "$tmp/welcome.wav" -r 44100 -c 2 -b 16 "$raw/welcome.wav" \
	silence 1 0.01 0.5% reverse silence 1 0.01 0.5% reverse \
	rate -h 44100 remix 1 1v0.8
# order.flac: 44.1 kHz mono 16-bit FLAC (a phone's "lossless" setting).
sx "$tmp/order.wav" --comment "" -r 44100 -c 1 -b 16 "$raw/order.flac" rate -h 44100
# weather.mp3: 22.05 kHz mono MP3 at 32 kbit/s CBR (libmp3lame via sox, no ID3 tag).
sx "$tmp/weather.wav" -C 32 "$raw/weather.mp3"
# quiet.wav: 8 kHz mono, 8-bit unsigned PCM, 18 dB too quiet (an old voice memo).
sx "$tmp/quiet.wav" -r 8000 -c 1 -b 8 -e unsigned-integer "$raw/quiet.wav" \
	gain -18 rate -h 8000
# hold.wav: 8 kHz mono 16-bit PCM, already a valid service format, but nobody
# wrote a transcript line for it.
sx "$tmp/hold.wav" -r 8000 -c 1 -b 16 "$raw/hold.wav" rate -h 8000
# lecture.flac: 41.5 s, 16 kHz mono 16-bit FLAC. Three sentences (about 8 s of
# speech) with long pauses; the pauses are digital silence, which FLAC stores
# in a few bytes per block, so the file stays small (126 KB, against
# about 1.3 MB as a 16 kHz WAV) while really lasting 41.5 s, over the 40 s
# training limit.
sx "$tmp/lect1.wav" "$tmp/lect1p.wav" pad 1.5 10
sx "$tmp/lect2.wav" "$tmp/lect2p.wav" pad 0 10
sx "$tmp/lect3.wav" "$tmp/lect3p.wav" pad 0 20
sx "$tmp/lect1p.wav" "$tmp/lect2p.wav" "$tmp/lect3p.wav" --comment "" \
	-r 16000 -c 1 -b 16 "$raw/lecture.flac" rate -h 16000 trim 0 41.5

# trans.txt: typed in a word processor (CRLF, no BOM, smart quotes, em dash).
# Planted: a TAB inside the weather line's text; a digit in the quiet line;
# a line for receipt.wav, which does not exist; no line for hold.wav. Names use
# .wav, as they will after conversion.
{
	printf 'welcome.wav\tWelcome to Larkspur Market.\n'
	printf 'order.wav\tI\342\200\231d like to order \342\200\234two\342\200\235 tickets\342\200\224please.\n'
	printf 'weather.wav\tWhat\342\200\231s the weather\tin Seattle tomorrow?\n'
	printf 'quiet.wav\tWhere is my order 42?\n'
	printf 'lecture.wav\tWelcome to the returns training. Every return needs a receipt or an order number. Check the tags before you refund anything.\n'
	printf 'receipt.wav\tCan you email me the receipt?\n'
} | crlf >"$raw/trans.txt"

# related.txt: pasted from the shop's help pages. Paragraphs (several
# sentences a line), a URL, "very" four times in a row, smart quotes, an em
# dash, LF line ends, no BOM.
{
	printf '\342\200\234Larkspur Market\342\200\235 delivers groceries and household goods across the city. You can order online, track your delivery and return anything within thirty days. Our stores are open from eight to eight, every day.\n'
	printf 'For help, visit https://www.larkspur-market.example/help or ask the voice assistant. Say \342\200\234track my order\342\200\235 or \342\200\234where is my order\342\200\235 and it reads the status back to you.\n'
	printf 'Customers tell us the new app is very very very very fast. Returns are free\342\200\224just say \342\200\234start a return\342\200\235 and print the label.\n'
} >"$raw/related.txt"

# pronunciation.txt: no BOM, LF. Planted: "SKU" separated from its spoken form
# by four spaces (an editor turned the TAB into spaces); "QR" has an uppercase
# spoken form. "Larkspur" and "2FA" are good.
{
	printf 'Larkspur\tlark spur\n'
	printf 'SKU    s k u\n'
	printf 'QR\tQ R\n'
	printf '2FA\ttwo f a\n'
} >"$raw/pronunciation.txt"

# ---------------------------------------------------------------------------
# 3. clean/: one dataset per kind, as the service wants it.
# ---------------------------------------------------------------------------
# Audio: 16 kHz mono 16-bit PCM WAV, canonical 44-byte header, espeak-ng's own
# edge silence trimmed, then exactly 0.5 s of silence before and after.
cleanwav() {
	sx "$1" -r 16000 -c 1 -b 16 -e signed-integer "$2" \
		silence 1 0.01 0.5% reverse silence 1 0.01 0.5% reverse \
		rate -h 16000 pad 0.5 0.5
}
cleanwav "$tmp/c1.wav" "$clean/acoustic/track.wav"
cleanwav "$tmp/c2.wav" "$clean/acoustic/close.wav"
cleanwav "$tmp/c3.wav" "$clean/acoustic/refund.wav"
cleanwav "$tmp/a1.wav" "$clean/audiofiles/basket.wav"
cleanwav "$tmp/a2.wav" "$clean/audiofiles/bakery.wav"

# acoustic/trans.txt: UTF-8 with BOM, plain ASCII text, one line per WAV, LF.
{
	bom
	printf 'close.wav\tWhen do you close?\n'
	printf 'refund.wav\tI want a refund.\n'
	printf 'track.wav\tTrack my order.\n'
} >"$clean/acoustic/trans.txt"

# related.txt: UTF-8 with BOM, one sentence a line, ASCII, numbers as words.
{
	bom
	printf 'Larkspur Market delivers groceries and household goods across the city.\n'
	printf 'You can order online, track your delivery and return anything within thirty days.\n'
	printf 'Our stores are open from eight to eight, every day.\n'
	printf 'Ask the voice assistant to track my order.\n'
	printf 'Where is my order?\n'
	printf 'Returns are free, just say start a return and print the label.\n'
} >"$clean/related.txt"

# pronunciation.txt: UTF-8 with BOM, display form TAB spoken form (lowercase).
{
	bom
	printf 'Larkspur\tlark spur\n'
	printf 'SKU\ts k u\n'
	printf 'QR\tq r\n'
	printf '2FA\ttwo f a\n'
} >"$clean/pronunciation.txt"

# structured-text.md: UTF-8 with BOM; a list, a phonetic lexicon (Universal
# Phone Set, en-US) and a section of sentences (spec section 2.11).
{
	bom
	printf '// Larkspur Market voice assistant\n'
	printf '@ list product =\n'
	printf '%s\n' '- milk' '- bread' '- rain jacket' '- larkspur tea'
	printf '@ speech:phoneticlexicon\n'
	printf '%s\n' '- larkspur/l aa r k s p ax r'
	printf '#ShopSentences\n'
	printf '%s\n' '- add {@product} to my basket'
	printf '%s\n' '- do you have {@product} in stock'
	printf '%s\n' '- track my order'
} >"$clean/structured-text.md"

# display-format.md: UTF-8 with BOM; #itn, #rewrite and #test (spec 2.8, 2.11).
{
	bom
	printf '// Larkspur Market display rules\n'
	printf '#itn\n'
	printf 'LM-\\d\\d\\d\\d\n'
	printf '#rewrite\n'
	printf 'larkspur market\tLarkspur Market\n'
	printf '#test\n'
	printf 'track order l m one two three four\tTrack order LM-1234\n'
} >"$clean/display-format.md"

echo "make.sh: wrote $raw and $clean"
