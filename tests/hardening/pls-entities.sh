# A 3 MB PLS lexicon with one 20,000-byte entity used 50,000 times would
# expand to 1 GB: it is refused (PRON-PLS, exit 1) quickly, in 1 GB of
# address space, and nothing is written.
. data/common.sh
python3 - "$T/ent.pls" <<'PY'
import sys
body = "".join("<lexeme><grapheme>w%d</grapheme><alias>&e;</alias>"
    "</lexeme>\n" % i for i in range(50000))
with open(sys.argv[1], "w") as f:
    f.write('<?xml version="1.0"?>\n<!DOCTYPE lexicon [<!ENTITY e "%s">]>\n'
        '<lexicon version="1.0" alphabet="ipa" xml:lang="en-US" xmlns='
        '"http://www.w3.org/2005/01/pronunciation-lexicon">\n%s'
        '</lexicon>\n' % ("x" * 20000, body))
PY
(vlimit 1048576; timeout 20 "$TOOLDIR/vox-pron" -o "$T/out.txt" \
    --from-pls "$T/ent.pls")
echo "exit $?"
ls "$T"
