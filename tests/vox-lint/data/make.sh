#!/bin/sh
# Regenerate the vox-lint fixtures (run from this folder).  Needs sox and
# python3.  Audio is 0.5 s of 8 kHz tone and noise, seeded (sox -R), so
# every file is a few KB and the same on every run.
set -e
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
tone() { sox -R -n -r 8000 -b 16 -c 1 "$1" synth 0.5 sine "$2" vol 0.3; }
tone "$tmp/a1.wav" 440
tone "$tmp/a2.wav" 550
tone "$tmp/a3.wav" 660
cp "$tmp/a1.wav" "$tmp/same.wav"
sox -R -n -r 44100 -b 16 -c 2 "$tmp/st.wav" synth 0.1 sine 440 vol 0.3

# A clean acoustic folder and zip.
rm -rf good
mkdir good
cp "$tmp/a1.wav" "$tmp/a2.wav" good/
printf 'a1.wav\tone tone here\r\na2.wav\tanother tone there\r\n' \
    >good/trans.txt
python3 - "$tmp" <<'PY'
import sys, zipfile, stat, os
t = sys.argv[1]
def wav(n): return open(os.path.join(t, n), 'rb').read()
def mk(name, members, **kw):
    with zipfile.ZipFile(name, 'w') as z:
        for m in members:
            if isinstance(m, zipfile.ZipInfo):
                z.writestr(m, kw.get(m.filename, b'x'))
            else:
                n, data, *comp = m
                z.writestr(n, data, *(comp or [zipfile.ZIP_STORED]))
good_t = b'a1.wav\tone tone here\na2.wav\tanother tone there\n'
mk('good.zip', [('a1.wav', wav('a1.wav')), ('a2.wav', wav('a2.wav')),
    ('trans.txt', good_t)])
# Audio only, and audio only with a stray transcript.
mk('audio-only.zip', [('a1.wav', wav('a1.wav')), ('a2.wav', wav('a2.wav'))])
# Layout: a folder, a nested WAV, a stray file, two transcripts.
mk('layout.zip', [('a1.wav', wav('a1.wav')), ('sub/', b''),
    ('sub/a2.wav', wav('a2.wav')), ('notes.doc', b'memo'),
    ('trans.txt', b'a1.wav\tone tone here\n'),
    ('extra.tsv', b'a1.wav\tone tone here\n')])
# Unsafe names, links, duplicates, a bomb.
import warnings; warnings.simplefilter('ignore')
link = zipfile.ZipInfo('link.wav')
link.external_attr = (stat.S_IFLNK | 0o777) << 16
mk('unsafe.zip', [('a1.wav', wav('a1.wav')), ('A1.WAV', wav('a1.wav')),
    ('../up.wav', wav('a2.wav')), ('win\\x.wav', wav('a2.wav')),
    ('/abs.wav', wav('a2.wav')), link,
    ('zeros.wav', b'\0' * (2 << 20), zipfile.ZIP_DEFLATED),
    ('twice.wav', wav('a3.wav')), ('twice.wav', wav('a3.wav'))],
    **{'link.wav': b'/etc/passwd'})
# The same audio twice, the same sentence twice; a bad WAV.
mk('dups.zip', [('a1.wav', wav('a1.wav')), ('same.wav', wav('same.wav')),
    ('a3.wav', wav('a3.wav')), ('st.wav', wav('st.wav')),
    ('trans.txt', b'a1.wav\thello there\nsame.wav\tother words\n'
     b'a3.wav\thello there\nst.wav\tstereo tone\n')])
# A test set sharing audio and a sentence with good.zip.
mk('test.zip', [('t1.wav', wav('a2.wav')), ('t2.wav', wav('a3.wav')),
    ('trans.txt', b't1.wav\tanother tone there\nt2.wav\tsomething new\n')])
# Text zipped: the service wants the file itself.
mk('text.zip', [('related.txt', b'\xef\xbb\xbfone sentence here\n')])
# Nothing usable.
mk('empty.zip', [('readme.md', b'# nothing\n')])
PY
cp "$tmp/a1.wav" single.wav
printf '\357\273\277the first sentence\nthe second one\n' >related.txt
printf 'first line without bom\n' >nobom.txt
printf '\357\273\277K8s\tk eight s\nSQL\tsequel\n' >pron.txt
printf 'a1.wav\thello\na2.wav\tworld\n' >trans-alone.txt
printf '\357\273\277#itn\nTKT-\\d\\d\\d\\d\n' >format.md
printf '\357\273\277#itn\nTKT-\\d\\d\\d\\d\n' >format.txt
printf '\357\273\277@ list device =\n- hololens\n' >lists.txt
printf 'this is not a zip' >broken.zip
printf 'K8s\tk eight s\n' >pron-nobom.txt
printf '#itn\nTKT-\\d\\d\n' >format-nobom.md
printf '\357\273\277@ list device =\n- hololens\n- surface hub\n' >lists.md
# Tiny limits, to provoke the size and count rules with tiny files.
sed -e 's|<zip-bytes source="TT-25 QL-24">2000000000</zip-bytes>|<zip-bytes>10000</zip-bytes>|' \
    -e 's|<zip-entries source="TT-25">10000</zip-entries>|<zip-entries>2</zip-entries>|' \
    -e 's|default="200000000" free="200000000"|default="20" free="20"|' \
    -e 's|default="1000000" free="1000"|default="20" free="20"|' \
    -e 's|<training-clip-seconds source="TT-25">40</training-clip-seconds>|<training-clip-seconds>0.3</training-clip-seconds>|' \
    -e 's|<markdown-bytes source="TT-25">200000000</markdown-bytes>|<markdown-bytes>20</markdown-bytes>|' \
    -e 's|<display-bytes source="TT-25">10000000</display-bytes>|<display-bytes>20</display-bytes>|' \
    ../../../schemas/azure-speech.xml >small.xml
