#!/bin/sh
# Regenerate the vox-prepare fixtures (run from this folder): raw audio in
# three formats and rates, 1.5 s of tones each (sox -R: same bytes).
set -e
for d in raw broken; do
	sox -R -n -r 44100 -c 2 -b 16 $d/welcome.flac synth 1.5 sine 440 vol 0.3
	sox -R -n -r 8000 -c 1 -b 16 $d/help.wav synth 1.5 sine 660 vol 0.3
done
sox -R -n -r 22050 -c 1 raw/order.mp3 synth 1.5 sine 550 vol 0.3
