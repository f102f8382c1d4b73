#!/bin/sh
# How the fixtures of tests/vox-resample were made (sox 14.4.2, -R for
# repeatable output).  Run from this folder; the results are committed.
set -e
S="sox -R"
# 0.25 s of 1 kHz at -6 dBFS, stereo 44.1 kHz FLAC: the usual input.
$S -n -r 44100 -c 2 -b 16 tone44.flac synth 0.25 sine 1000 gain -6
# The same tone as 48 kHz mono Ogg Vorbis and 22.05 kHz MP3.
$S -n -r 48000 -c 1 tone48.ogg synth 0.25 sine 1000 gain -6
$S -n -r 22050 -c 1 -C 64 tone22.mp3 synth 0.25 sine 1000 gain -6
# 8 kHz telephony WAV (upsampled to 16 kHz) and 24-bit AIFF at 32 kHz.
$S -n -r 8000 -c 1 -b 16 tone8k.wav synth 0.25 sine 1000 gain -6
$S -n -r 32000 -c 1 -b 24 tone32.aiff synth 0.1 sine 1000 gain -6
# Already right: canonical 16 kHz mono 16-bit WAV (copied byte for byte).
$S -n -r 16000 -c 1 -b 16 ok16k.wav synth 0.1 sine 440 gain -6
# Right rate and channels but 32-bit float: converted, not copied.
$S -n -r 16000 -c 1 -e floating-point -b 32 float16k.wav synth 0.05 \
    sine 440 gain -6
# Float beyond full scale, which sox cannot write: eight 16 kHz samples
# 1.5 -1.5 0.5 2 -2 0.25 1 -1, of which five clip at 16 bits.
printf 'RIFF\104\0\0\0WAVEfmt \020\0\0\0\003\0\001\0\200\076\0\0' >loud.wav
printf '\0\372\0\0\004\0\040\0data\040\0\0\0' >>loud.wav
printf '\0\0\300\077\0\0\300\277\0\0\0\077\0\0\0\100' >>loud.wav
printf '\0\0\0\300\0\0\200\076\0\0\200\077\0\0\200\277' >>loud.wav
# Three channels, a different tone in each (for --channel).
$S -n -r 16000 -c 3 -b 16 three.wav synth 0.05 sine 500 sine 1000 \
    sine 2000 gain -6
# Not audio at all.
printf 'this is not audio\n' >notaudio.wav
