# Zip names and attributes that bypass the rules: symbolic links made on
# hosts Info-ZIP treats as Unix (Atari, BeOS, VMS, AtheOS; a DOS host's
# mode bits mean nothing), a local header naming '../x.wav' where the
# central directory says 'x.wav', NFC/NFD and non-ASCII case pairs, and
# an encrypted member (reported once).  None of them is read as audio.
. data/common.sh
cd "$T" || exit 3
sox -n -r16000 -b16 -c1 a.wav synth 1 sine 440
link='"text":"/etc/passwd","mode":41471'
python3 "$OLDPWD/data/rawzip.py" names.zip \
    '{"name":"a.wav","file":"a.wav"}' \
    "{\"name\":\"link1.wav\",$link,\"host\":5}" \
    "{\"name\":\"link2.wav\",$link,\"host\":16}" \
    "{\"name\":\"link3.wav\",$link,\"host\":2}" \
    "{\"name\":\"link4.wav\",$link,\"host\":30}" \
    '{"name":"dos.wav","file":"a.wav","host":0,"mode":41471}' \
    '{"name":"x.wav","file":"a.wav","local":"../x.wav"}' \
    '{"name":"caf\u00e9.wav","file":"a.wav"}' \
    '{"name":"cafe\u0301.wav","file":"a.wav"}' \
    '{"name":"\u00c4.wav","file":"a.wav"}' \
    '{"name":"\u00e4.wav","file":"a.wav"}' \
    '{"name":"secret.wav","file":"a.wav","crypt":true}'
timeout 20 "$TOOLDIR/vox-lint" -k audio names.zip 2>err
echo "exit $?"
grep -v PKG-DUP-AUDIO err
grep -c 'PKG-ZIP-CRYPT' err
