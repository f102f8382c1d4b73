# Hostile XML: 100,000 nested elements in a PLS lexicon stop at
# libxml2's depth limit with a PRON-PLS finding, not a crash; entities
# that expand a billion times stop at libxml2's amplification limit;
# an external entity is never read (its file's text would show in the
# output).  The profile loader has the same limits.
. data/common.sh
head='<?xml version="1.0" encoding="UTF-8"?>'
lex='<lexicon version="1.0" xmlns="http://www.w3.org/2005/01/pronunciation-lexicon" alphabet="ipa" xml:lang="en-US">'
{
	echo "$head"
	echo "$lex"
	awk 'BEGIN { for (i = 0; i < 100000; i++) printf "<lexeme>" }'
	awk 'BEGIN { for (i = 0; i < 100000; i++) printf "</lexeme>" }'
	echo '</lexicon>'
} >"$T/deep.pls"
rss timeout 60 "$TOOLDIR/vox-pron" --from-pls "$T/deep.pls"
echo "exit $?"
rss_under 100
{
	echo "$head"
	echo '<!DOCTYPE lexicon ['
	echo '<!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">'
	prev=a
	for e in b c d e f g h i; do
		printf '<!ENTITY %s "' $e
		for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16; do
			printf '&%s;' $prev
		done
		echo '">'
		prev=$e
	done
	echo ']>'
	echo "$lex"
	echo '<lexeme><grapheme>lol</grapheme><alias>&i;</alias></lexeme>'
	echo '</lexicon>'
} >"$T/lol.pls"
rss timeout 60 "$TOOLDIR/vox-pron" --from-pls "$T/lol.pls" | wc -c
rss_under 100
echo 'secret words' >"$T/secret.txt"
{
	echo "$head"
	echo "<!DOCTYPE lexicon [ <!ENTITY x SYSTEM \"file://$T/secret.txt\">"
	echo '<!ENTITY y SYSTEM "http://127.0.0.1:9/x"> ]>'
	echo "$lex"
	echo '<lexeme><grapheme>one</grapheme><alias>a &x;</alias></lexeme>'
	echo '<lexeme><grapheme>two</grapheme><alias>b &y;</alias></lexeme>'
	echo '</lexicon>'
} >"$T/xxe.pls"
timeout 60 "$TOOLDIR/vox-pron" --from-pls "$T/xxe.pls" >"$T/out"
echo "exit $?"
grep -c secret "$T/out"
{
	echo "$head"
	awk 'BEGIN { for (i = 0; i < 100000; i++) printf "<a>" }'
} >"$T/deep.xml"
timeout 60 "$TOOLDIR/vox-lint" --profile "$T/deep.xml" --list-rules
echo "exit $?"
