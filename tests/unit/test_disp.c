/* Unit tests for lib/disp.c: display-format files and the pipeline. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "disp.h"
#include "profile.h"
#include "strset.h"
#include "unit.h"

static struct locale en = { "en-US", KIND_OUTPUTFORMATTING, 1, 1, 1, 0,
    NULL, NULL, 0, 0 };
static struct locale de = { "de-DE", KIND_OUTPUTFORMATTING, 0, 1, 0, 0,
    NULL, NULL, 0, 0 };
static struct locale zh = { "zh-CN", KIND_OUTPUTFORMATTING, 0, 1, 0, 1,
    NULL, NULL, 0, 0 };
static struct diag d;
static struct buf out;
static struct disp *cur;

/* Parse a display-format file (a BOM is added) as the current one. */
static struct disp *
fmt_loc(const struct locale *loc, const char *text)
{
	struct buf b = BUF_INIT;

	disp_free(cur);
	diag_clear(&d);
	buf_addstr(&b, "\xef\xbb\xbf");
	buf_addstr(&b, text);
	cur = disp_parse(b.s, b.len, "f.md", loc, &d);
	buf_release(&b);
	return cur;
}

static struct disp *
fmt(const char *text)
{
	return fmt_loc(&en, text);
}

static const char *
apply(const char *line)
{
	buf_reset(&out);
	(void)disp_apply(cur, line, strlen(line), &out);
	return out.s != NULL ? out.s : "";
}

/* The one finding of rule id: its line and column, and its message. */
static const struct finding *
only(const char *id)
{
	const struct finding *f = NULL;
	size_t i, n = 0;

	for (i = 0; i < d.n; i++)
		if (d.v[i].rule != NULL && strcmp(d.v[i].rule->id, id) == 0) {
			f = &d.v[i];
			n++;
		}
	return n == 1 ? f : NULL;
}

/* Compile one pattern: the column of its syntax error, 0 if none. */
static unsigned long
syntax(const char *pat, const char *words)
{
	struct buf b = BUF_INIT;
	const struct finding *f;

	buf_addstr(&b, "#itn\n");
	buf_addstr(&b, pat);
	buf_addc(&b, '\n');
	fmt(b.s);
	buf_release(&b);
	if (!diag_has(&d, "DISP-ITN-SYNTAX"))
		return 0;
	if ((f = only("DISP-ITN-SYNTAX")) == NULL || f->line != 2)
		return 999;
	if (words != NULL && strstr(f->msg, words) == NULL) {
		printf("# '%s': message '%s' lacks '%s'\n", pat, f->msg,
		    words);
		return 998;
	}
	return f->col;
}

static void
test_literals(void)
{
	fmt("#itn\nJO:500\n");
	CHECK(d.n == 0);
	CHECK_STR(apply("j o five hundred"), "JO:500");
	CHECK_STR(apply("jo five zero zero"), "JO:500");
	CHECK_STR(apply("J O FIVE HUNDRED"), "JO:500");
	CHECK_STR(apply("say j o five hundred please"), "Say JO:500 please");
	CHECK_STR(apply("j o six hundred"), "J o 600");
	/* Whole words only. */
	CHECK_STR(apply("mojo five hundred"), "Mojo 500");
	CHECK_STR(apply("j o five hundred one"), "J o 501");
	fmt("#itn\nSpace: 1999\n");
	CHECK_STR(apply("watching space nineteen ninety nine"),
	    "Watching Space: 1999");
}

static void
test_ranges(void)
{
	fmt("#itn\nJO:[5-7]00\n");
	CHECK_STR(apply("j o six zero zero"), "JO:600");
	CHECK_STR(apply("j o seven hundred"), "JO:700");
	CHECK_STR(apply("j o eight hundred"), "J o 800");
	fmt("#itn\nX[5-7]\n");
	CHECK_STR(apply("x six"), "X6");
	CHECK_STR(apply("x nine"), "X 9");
	/* Members, and ranges match either case, writing what was said. */
	fmt("#itn\n\\d[05]{to>-}\\d[05]\nR[a-cX]\n");
	CHECK_STR(apply("fifteen to twenty"), "15-20");
	CHECK_STR(apply("sixteen to twenty"), "16 to 20");
	CHECK_STR(apply("r B"), "RB");
	CHECK_STR(apply("r x"), "Rx");
	CHECK_STR(apply("r d"), "R d");
}

static void
test_classes(void)
{
	fmt("#itn\nid-\\u\\u\\d\nlo-\\l\nas-\\a\n");
	CHECK(d.n == 0);
	CHECK_STR(apply("id a b seven"), "Id-AB7");
	CHECK_STR(apply("lo Q"), "Lo-q");
	CHECK_STR(apply("as Q"), "As-Q");
	CHECK_STR(apply("as q"), "As-q");
	/* A letter class is a letter said on its own, not part of a word. */
	CHECK_STR(apply("lo queue"), "Lo queue");
	fmt("#itn\n(\\u)+\n");
	CHECK_STR(apply("a b now"), "AB now");
}

static void
test_alternatives(void)
{
	fmt("#itn\n(AB|CD)-(\\d)+\n");
	CHECK(d.n == 0);
	CHECK_STR(apply("a b nine"), "AB-9");
	CHECK_STR(apply("c d twenty two"), "CD-22");
	CHECK_STR(apply("c d two two"), "CD-22");
	CHECK_STR(apply("e f nine"), "E f 9");
	CHECK_STR(apply("a b"), "A b");
	/* Nested phrases. */
	fmt("#itn\n((ab|cd)e|f)g\n");
	CHECK_STR(apply("c d e g"), "Cdeg");
	CHECK_STR(apply("f g"), "Fg");
	CHECK_STR(apply("a b g"), "A b g");
}

static void
test_quantifiers(void)
{
	fmt("#itn\n(x)*YZ\n");
	CHECK_STR(apply("y z"), "YZ");
	CHECK_STR(apply("x x y z"), "XxYZ");
	fmt("#itn\n(x)?YZ\n");
	CHECK_STR(apply("x y z"), "XYZ");
	CHECK_STR(apply("x x y z"), "X xYZ");
	fmt("#itn\n(ha)+!\n");
	CHECK_STR(apply("ha ha ha"), "Hahaha!");
	CHECK_STR(apply("ha"), "Ha!");
	CHECK_STR(apply("he"), "He");
}

static void
test_spoken(void)
{
	fmt("#itn\n{zippy>ZPI}-\\d\\d\n\\d0{to>-}\\d0\n");
	CHECK(d.n == 0);
	CHECK_STR(apply("zippy twenty two"), "ZPI-22");
	CHECK_STR(apply("ZIPPY twenty two"), "ZPI-22");
	CHECK_STR(apply("twenty to thirty"), "20-30");
	CHECK_STR(apply("from twenty to thirty days"), "From 20-30 days");
	CHECK_STR(apply("twenty one to thirty"), "21 to 30");
	/* Spoken but not written: dropped, blanks tidied. */
	fmt("#itn\n{write} (\\u.)+\n{um}\n");
	CHECK_STR(apply("write a b c now"), "A.B.C. now");
	CHECK_STR(apply("i um like um it"), "I like it");
	CHECK_STR(apply("um"), "");
	/* Spoken forms of several words. */
	fmt("#itn\n\\d[05]{ to >-}\\d[05]\n{area code>\\(}\\d\\d\\d\\)\n");
	CHECK(d.n == 0);
	CHECK_STR(apply("fifteen to twenty"), "15-20");
	CHECK_STR(apply("area code two one two"), "(212)");
}

static void
test_escapes(void)
{
	fmt("#itn\n\\(\\d\\d\\d\\)\nA\\+B\nC\\\\D\nE\\?\n");
	CHECK(d.n == 0);
	CHECK_STR(apply("five five five"), "(555)");
	CHECK_STR(apply("a b"), "A+B");
	CHECK_STR(apply("a plus b"), "A plus b");
	CHECK_STR(apply("c d"), "C\\D");
	CHECK_STR(apply("e"), "E?");
}

static void
test_syntax(void)
{
	char deep[200];
	size_t i;

	CHECK(syntax("TKT-\\d\\d\\d\\d", NULL) == 0);
	CHECK(syntax("(AB|CD)-(\\d)+", NULL) == 0);
	CHECK(syntax("AB?", "must follow a ')'") == 3);
	CHECK(syntax("A+", "must follow a ')'") == 2);
	CHECK(syntax("(A)+*", "must follow a ')'") == 5);
	CHECK(syntax("{x}?", "must follow a ')'") == 4);
	CHECK(syntax("(AB", "unclosed '('") == 1);
	CHECK(syntax("x(A(B)", "unclosed '('") == 2);
	CHECK(syntax("AB)", "unmatched ')'") == 3);
	CHECK(syntax("AB]", "unmatched ']'") == 3);
	CHECK(syntax("x}", "unmatched '}'") == 2);
	CHECK(syntax("x[5-", "unclosed '['") == 2);
	CHECK(syntax("[7-5]", "reversed range") == 2);
	CHECK(syntax("[]", "empty set") == 1);
	CHECK(syntax("[^a]", "'[^'") == 2);
	CHECK(syntax("[\\d]", "a class") == 2);
	CHECK(syntax("[a b]", "blank") == 3);
	CHECK(syntax("{zippy>ZPI", "unclosed '{'") == 1);
	CHECK(syntax("{a>b>c}", "second '>'") == 5);
	CHECK(syntax("{>x}", "no spoken words") == 1);
	CHECK(syntax("{a{b}}", "'{' inside") == 3);
	CHECK(syntax("{\\u}", "a class") == 2);
	CHECK(syntax("x\\q", "unknown escape") == 2);
	CHECK(syntax("ab\\", "backslash ends") == 3);
	CHECK(syntax("a|b", "outside parentheses") == 2);
	CHECK(syntax("(a|)", "empty alternative") == 4);
	CHECK(syntax("()", "empty alternative") == 2);
	CHECK(syntax("-", "matches no spoken word") == 1);
	CHECK(syntax("(a)?-", "matches no spoken word") == 1);
	CHECK(syntax("a\tb", "TAB") == 2);
	CHECK(syntax("a\x01", "control character") == 2);
	/* Columns count code points, after leading blanks. */
	CHECK(syntax("  \xc3\xa4\xc3\xa4?", "must follow") == 5);
	for (i = 0; i < 70; i++)
		deep[i] = '(';
	deep[i] = 'a';
	deep[i + 1] = '\0';
	CHECK(syntax(deep, "nested") == 65);
	/* A bad pattern is left out; the good ones still apply. */
	fmt("#itn\nAB?\nCD-\\d\n");
	CHECK(only("DISP-ITN-SYNTAX") != NULL);
	CHECK_STR(apply("c d one"), "CD-1");
}

static void
test_minimal(void)
{
	size_t pass = 9, total = 9;

	/* The spec's minimal display-format example (2.11). */
	fmt("// custom display rules\n#itn\nTKT-\\d\\d\\d\\d\n#rewrite\n"
	    "contoso cloud\tContoso Cloud\n#profanity\ndarnit\n#test\n"
	    "open ticket t k t one two three four\tOpen ticket TKT-1234\n");
	CHECK(d.n == 0);
	CHECK(disp_test(cur, &d, &pass, &total) == 0);
	CHECK(pass == 1 && total == 1 && d.n == 0);
	CHECK_STR(apply("open ticket t k t one two three four"),
	    "Open ticket TKT-1234");
	CHECK_STR(apply("we use contoso cloud darnit"),
	    "We use Contoso Cloud ******");
	CHECK(disp_apply(cur, "contoso cloud", 13, &out) ==
	    (DISP_REWRITE));
	buf_reset(&out);
	CHECK(disp_apply(cur, "darnit nine\r", 12, &out) ==
	    (DISP_BUILTIN | DISP_PROFANITY));
	CHECK_STR(out.s, "****** 9");
	buf_reset(&out);
	CHECK(disp_apply(cur, "hello", 5, &out) == DISP_CAPITAL);
}

static void
test_sections(void)
{
	const struct finding *f;

	fmt("// c\n\n#ITN\nA\\d\n# Rewrite \nx\ty\n#\tprofanity\nz\n"
	    "  // indented comment\n#test\nx\tY\n");
	CHECK(d.n == 0);
	CHECK_STR(apply("a one x z"), "A1 y *");
	fmt("#itn\nA\\d\n#numbers\nnot a pattern (\n#rewrite\nx\ty\n");
	CHECK((f = only("DISP-SECT")) != NULL && f->line == 3 &&
	    strstr(f->msg, "'#numbers'") != NULL);
	CHECK(d.n == 1);
	CHECK_STR(apply("x"), "Y");
	fmt("x\ty\n#rewrite\nx\ty\n");
	CHECK((f = only("DISP-SECT")) != NULL && f->line == 1);
	fmt("// nothing but a comment\n");
	CHECK((f = only("DISP-SECT")) != NULL && f->line == 0);
	fmt("#\n");
	CHECK((f = only("DISP-SECT")) != NULL && strstr(f->msg,
	    "names no section") != NULL);
}

static void
test_rewrite(void)
{
	const struct finding *f;

	fmt("#rewrite\nend to end\tE2E\nend\tEND\nmurdock, michael a.\t"
	    "Murdock, Michael A.\nx.y\tXY\n");
	CHECK(d.n == 0);
	/* Longest original first, replacement as written, whole words. */
	CHECK_STR(apply("end to end and the end"), "E2E and the END");
	CHECK_STR(apply("ends"), "Ends");
	CHECK_STR(apply("call MURDOCK michael a now"),
	    "Call Murdock, Michael A. now");
	CHECK_STR(apply("x.y and x y"), "XY and x y");
	/* A longer original that starts inside a match wins. */
	fmt("#rewrite\na b\tX\nb c d\tY\n");
	CHECK_STR(apply("a b c d"), "A Y");
	CHECK_STR(apply("a b c"), "X c");
	fmt("#rewrite\ncontoso cloud Contoso Cloud\n");
	CHECK((f = only("DISP-REWRITE")) != NULL && f->line == 2 &&
	    strstr(f->msg, "no TAB") != NULL);
	fmt("#rewrite\ncontoso cloud    Contoso Cloud\n");
	CHECK((f = only("DISP-TAB")) != NULL && f->line == 2 &&
	    f->col == 14 && strstr(f->msg, "run of 4 spaces") != NULL);
	CHECK(!diag_has(&d, "DISP-REWRITE"));
	CHECK_STR(apply("contoso cloud"), "Contoso cloud");
	fmt("#rewrite\na\tb\tc\n");
	CHECK((f = only("DISP-REWRITE")) != NULL && f->col == 4);
	fmt("#rewrite\na\t\n\tb\n");
	CHECK(d.n == 2 && diag_has(&d, "DISP-REWRITE"));
	fmt("#rewrite\n. ,\tb\n");
	CHECK((f = only("DISP-REWRITE")) != NULL && strstr(f->msg,
	    "grammar punctuation") != NULL);
}

static void
test_limits(void)
{
	struct profile p;
	struct buf b = BUF_INIT;
	const struct finding *f;

	memset(&p, 0, sizeof(p));
	p.display_itn = 1;
	p.display_rewrite = 2;
	p.display_profanity = 1;
	buf_addstr(&b, "#itn\nA\\d\nB\\d\n#rewrite\na\tb\nc\td\ne\tf\n"
	    "#profanity\nx\ny\nz\n");
	disp_free(cur);
	diag_clear(&d);
	cur = disp_parse_prof(b.s, b.len, "f.md", &p, &en, &d);
	CHECK((f = only("DISP-ITN-N")) != NULL && f->line == 3);
	CHECK((f = only("DISP-REWRITE")) != NULL && f->line == 7);
	CHECK((f = only("DISP-PROF")) != NULL && f->line == 10);
	CHECK(d.n == 3);
	/* The spec's own limits without a profile: 200 patterns. */
	buf_reset(&b);
	buf_addstr(&b, "#itn\n");
	while (b.len < 5 + 201 * 4)
		buf_addstr(&b, "A\\d\n");
	disp_free(cur);
	diag_clear(&d);
	cur = disp_parse(b.s, b.len, "f.md", &en, &d);
	CHECK((f = only("DISP-ITN-N")) != NULL && f->line == 202);
	buf_release(&b);
}

static void
test_shadow(void)
{
	const struct finding *f;

	fmt("#rewrite\nfoo bar\tFoo Bar\nFOO, bar\tFOO BAR\nfoo bar\t"
	    "Foo Bar\n");
	CHECK(d.n == 2);
	CHECK(d.v[0].line == 3 && strstr(d.v[0].msg, "line 2") != NULL &&
	    strstr(d.v[0].msg, "replacement wins") != NULL);
	CHECK(d.v[1].line == 4 && strstr(d.v[1].msg, "repeats line 2") !=
	    NULL);
	CHECK_STR(apply("foo bar"), "Foo Bar");
	/* The built-in ITN runs first: "one" is "1" by then. */
	fmt("#rewrite\none star motors\tOne Star Motors\n1 star cafe\t"
	    "1 Star Cafe\n");
	CHECK((f = only("DISP-SHADOW")) != NULL && f->line == 2 &&
	    strstr(f->msg, "'1 star motors'") != NULL);
	CHECK_STR(apply("one star cafe"), "1 Star Cafe");
	/* So do the file's own patterns. */
	fmt("#itn\nTKT-\\d\n#rewrite\nt k t one\tticket one\n");
	CHECK((f = only("DISP-SHADOW")) != NULL && strstr(f->msg,
	    "'TKT-1'") != NULL);
}

static void
test_profanity(void)
{
	const struct finding *f;

	fmt("#profanity\nfake word\nfake\nmasked word\n");
	CHECK(d.n == 0);
	CHECK_STR(apply("profanity word fake word and masked word should be "
	    "masked"), "Profanity word **** **** and ****** **** should be "
	    "masked");
	CHECK_STR(apply("FAKE news"), "**** news");
	CHECK_STR(apply("fakes"), "Fakes");
	fmt("#profanity\nbad, word\n");
	CHECK((f = only("DISP-PROF")) != NULL && f->col == 4 &&
	    strstr(f->msg, "','") != NULL);
	CHECK_STR(apply("bad word"), "Bad word");
	fmt("#profanity\nbad\tword\n");
	CHECK((f = only("DISP-PROF")) != NULL && strstr(f->msg, "TAB"));
	/* zh-CN: English words yes, English phrases no. */
	fmt_loc(&zh, "#profanity\nabc lmn\nxyz\n\xe5\x9d\x8f\xe8\x9b\x8b\n");
	CHECK((f = only("DISP-PROF")) != NULL && f->line == 2);
	CHECK_STR(apply("\xe4\xbd\xa0\xe5\x9d\x8f\xe8\x9b\x8b xyz"),
	    "\xe4\xbd\xa0** ***");
}

static void
test_cases(void)
{
	const struct finding *f;
	size_t pass, total;

	fmt("#itn\ncat-\\d\n#test\ndo you like cat nine\tDo you like cat-9\n"
	    "do you like dog nine\tDo you like dog-9\n"
	    "the 2 cats & a dog\tThe 2 cats & a dog\n"
	    "cesar's gypsy-gallery\tCesar's gypsy-gallery\n"
	    "no tab here\n"
	    "a   b\n"
	    "a\tb\tc\n");
	CHECK((f = only("DISP-TEST-LEXICAL")) != NULL && f->line == 6 &&
	    f->col == 5 && strstr(f->msg, "digit '2'") != NULL);
	CHECK((f = only("DISP-TAB")) != NULL && f->line == 9 && f->col == 2);
	CHECK(d.n > 0);
	/* Malformed test lines are errors; failing cases are warnings. */
	CHECK(diag_worst(&d) == SEV_ERROR);
	diag_clear(&d);
	CHECK(disp_test(cur, &d, &pass, &total) == 1);
	CHECK(pass == 3 && total == 4);
	CHECK(d.n == 1 && d.v[0].sev == SEV_WARNING && d.v[0].line == 5);
	CHECK(strstr(d.v[0].msg, "'do you like dog nine' gives 'Do you like "
	    "dog 9', the test expects 'Do you like dog-9'") != NULL);
	/* A case that no rule of the file touches is a note. */
	fmt("#rewrite\nx\ty\n#test\nhello there\tHello there\nx\ty\n");
	CHECK((f = only("DISP-TEST-NOOP")) != NULL && f->line == 4 &&
	    f->sev == SEV_NOTE);
	CHECK(d.n == 1);
}

static void
test_builtin(void)
{
	fmt("#test\n");
	CHECK_STR(apply("nine"), "9");
	CHECK_STR(apply("forty two"), "42");
	CHECK_STR(apply("forty-two"), "42");
	CHECK_STR(apply("twenty to thirty"), "20 to 30");
	CHECK_STR(apply("one hundred twenty three"), "123");
	CHECK_STR(apply("one two three four"), "1 2 3 4");
	CHECK_STR(apply("three hundred forty two thousand five hundred"),
	    "342500");
	CHECK_STR(apply("three point five"), "3.5");
	CHECK_STR(apply("minus five"), "-5");
	CHECK_STR(apply("first second fourth"), "First second fourth");
	CHECK_STR(apply("twelve hundred"), "12 hundred");
	CHECK_STR(apply("nineteen ninety nine"), "19 99");
	CHECK_STR(apply("zero"), "0");
	CHECK_STR(apply("two thousand twenty four"), "2024");
	/* Heads and decimals as the formatter composes them. */
	CHECK_STR(apply("twenty one thousand three hundred"), "21300");
	CHECK_STR(apply("one million two hundred thousand five"), "1200005");
	CHECK_STR(apply("three point one four"), "3.14");
	CHECK_STR(apply("minus three point five degrees"), "-3.5 degrees");
	CHECK_STR(apply("at one point"), "At 1 point");
	CHECK_STR(apply("six point"), "6 point");
	CHECK_STR(apply("minus"), "Minus");
	CHECK_STR(apply("oh a hundred"), "Oh a hundred");
	CHECK_STR(apply("the one I like"), "The 1 I like");
	fmt_loc(&de, "#test\n");
	CHECK_STR(apply("zweiundvierzig"), "42");
	CHECK_STR(apply("zweitausendvierundzwanzig"), "2024");
	/* Compounds beyond the table: ICU reads them. */
	CHECK_STR(apply("zweihunderttausend"), "200000");
	CHECK_STR(apply("minus drei"), "-3");
	CHECK_STR(apply("der preis liegt bei zw\xc3\xb6lf komma f\xc3\xbcnf "
	    "euro"), "Der preis liegt bei 12,5 euro");
	CHECK_STR(apply("ein hund und eine katze"),
	    "Ein hund und eine katze");
	CHECK_STR(apply("zwanzig bis drei\xc3\x9f" "ig"), "20 bis 30");
}

static void
test_capital(void)
{
	fmt("#test\n");
	CHECK_STR(apply("\xc3\xa9lan"), "\xc3\x89lan");
	CHECK_STR(apply("'tis"), "'tis");
	CHECK_STR(apply(""), "");
	CHECK_STR(apply("Already"), "Already");
}

static void
test_longest(void)
{
	/* The longest match wins; on a tie, the earlier pattern. */
	fmt("#itn\nAB\nABC\nA(B)C\n");
	CHECK_STR(apply("a b c"), "ABC");
	CHECK_STR(apply("a b"), "AB");
	fmt("#itn\nQ(\\d)+\nQ\\d\\d-\n");
	CHECK_STR(apply("q one two"), "Q12");
}

static void
test_enc(void)
{
	const struct finding *f;
	static const char utf16[] = "\xff\xfe#\0i\0t\0n\0";

	fmt("#rewrite\na\tb\xff\nc\td\n");
	CHECK((f = only("DISP-ENC")) != NULL && f->line == 2 && f->col == 4);
	CHECK_STR(apply("c"), "D");
	disp_free(cur);
	diag_clear(&d);
	cur = disp_parse("#rewrite\na\t\0b\n", 13, "f.md", &en, &d);
	CHECK((f = only("DISP-ENC")) != NULL && f->line == 2 && f->col == 3);
	disp_free(cur);
	diag_clear(&d);
	cur = disp_parse(utf16, sizeof(utf16) - 1, "f.md", &en, &d);
	CHECK((f = only("DISP-ENC")) != NULL && d.n == 1);
}

/*
 * The DFA's cache fills and is flushed: a pattern whose subset
 * construction has 2^12 states still matches right.
 */
static void
test_flush(void)
{
	struct buf in = BUF_INIT, want = BUF_INIT;
	size_t i, k;
	unsigned int r = 12345;

	fmt("#itn\n(a|b)*a(a|b)(a|b)(a|b)(a|b)(a|b)(a|b)(a|b)(a|b)(a|b)"
	    "(a|b)(a|b)Z\n");
	CHECK(d.n == 0);
	for (k = 0; k < 20; k++) {
		buf_reset(&in);
		for (i = 0; i < 3000; i++) {
			r = r * 1103515245u + 12345u;
			buf_addc(&in, (r >> 16) & 1 ? 'a' : 'b');
		}
		buf_addc(&in, 'z');
		buf_reset(&want);
		buf_add(&want, in.s, in.len - 1);
		buf_addc(&want, in.s[in.len - 13] == 'a' ? 'Z' : 'z');
		want.s[0] = (char)(want.s[0] - 'a' + 'A');
		CHECK_STR(apply(in.s), want.s);
	}
	/* Nested loops over a long word: no backtracking blow-up. */
	fmt("#itn\n((a)*)*b\n");
	buf_reset(&in);
	for (i = 0; i < 100000; i++)
		buf_addc(&in, 'a');
	CHECK(strlen(apply(in.s)) == 100000);
	/*
	 * A loop over many words that never completes: a scan from each
	 * word start would read the rest of the line again (quadratic);
	 * here each stops where an earlier one was in the same state.
	 */
	fmt("#itn\n(\\d)+x\n(ab)+c\n");
	buf_reset(&in);
	for (i = 0; i < 200000; i++)
		buf_addstr(&in, "1 ");
	CHECK(strlen(apply(in.s)) == 400000);
	buf_addstr(&in, "x");
	CHECK(strlen(apply(in.s)) == 200001);
	buf_reset(&in);
	for (i = 0; i < 200000; i++)
		buf_addstr(&in, "ab ");
	CHECK(strlen(apply(in.s)) == 600000);
	CHECK_STR(apply("ab ab c ab"), "Ababc ab");
	buf_release(&in);
	buf_release(&want);
}

/*
 * disp_apply() splits a line into words once and hands them from stage
 * to stage, with caches of what it learnt about a word and a run of
 * number words; disp_apply_ref() reads the line again at each stage.
 * On many seeded lines (words from a set that every stage takes, in
 * case and spacing variants, non-ASCII and long words, CRs and NULs)
 * the two must write the same bytes and report the same stages.
 */
static uint64_t words_seed;

/* splitmix64 */
static uint64_t
words_next(void)
{
	uint64_t z = (words_seed += 0x9E3779B97F4A7C15ULL);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

/*
 * Lines of words from vocab ('#' stands for a NUL byte) through both
 * ways of a format; returns the DISP_* bits that some line set.
 */
static int
words_same(const struct locale *loc, const char *text,
    const char *const *vocab, size_t nv, size_t lines, uint64_t seed)
{
	struct disp *fast, *ref;
	struct diag dd = DIAG_INIT;
	struct buf b = BUF_INIT, line = BUF_INIT, o1 = BUF_INIT,
	    o2 = BUF_INIT;
	size_t i, k, n, j, bad = 0;
	const char *w;
	int b1, b2, seen = 0;

	words_seed = seed;
	buf_addstr(&b, "\xef\xbb\xbf");
	buf_addstr(&b, text);
	fast = disp_parse(b.s, b.len, "f.md", loc, &dd);
	ref = disp_parse(b.s, b.len, "f.md", loc, &dd);
	for (i = 0; i < lines; i++) {
		buf_reset(&line);
		if (words_next() % 10 == 0)
			buf_addc(&line, ' ');
		n = words_next() % 24;
		for (k = 0; k < n; k++) {
			if (k > 0)
				for (j = words_next() % 8 == 0 ? 3 : 1; j > 0;
				    j--)
					buf_addc(&line, ' ');
			for (w = vocab[words_next() % nv]; *w != '\0'; w++)
				buf_addc(&line, *w == '#' ? '\0' : *w);
		}
		if (words_next() % 10 == 0)
			buf_addc(&line, ' ');
		if (words_next() % 20 == 0)
			buf_addc(&line, '\r');
		buf_reset(&o1);
		buf_reset(&o2);
		b1 = disp_apply(fast, line.s != NULL ? line.s : "", line.len,
		    &o1);
		b2 = disp_apply_ref(ref, line.s != NULL ? line.s : "",
		    line.len, &o2);
		seen |= b2;
		if (b1 != b2 || o1.len != o2.len || (o1.len > 0 &&
		    memcmp(o1.s, o2.s, o1.len) != 0)) {
			if (bad++ < 3)
				printf("# line %zu '%s': '%s' != '%s'\n", i,
				    buf_str(&line), buf_str(&o1),
				    buf_str(&o2));
			unit_failed++;
		}
	}
	disp_free(fast);
	disp_free(ref);
	diag_release(&dd);
	buf_release(&b);
	buf_release(&line);
	buf_release(&o1);
	buf_release(&o2);
	return seen;
}

static void
test_words(void)
{
	static const char *const en_words[] = {
		/* Numbers, in case and hyphen variants. */
		"one", "One", "ONE", "two", "three", "four", "five", "nine",
		"ten", "twelve", "twenty", "twenty-one", "forty", "forty-two",
		"hundred", "thousand", "million", "minus", "point", "oh",
		"zero", "first", "nineteen", "ninety", "Thousand", "fiftyx",
		/* What the patterns take. */
		"q", "n", "Q", "a", "b", "c", "w", "l", "to", "through",
		"kani", "KANI", "um", "write", "area", "code", "1", "42",
		"895", "10", "3.5", "5,000", "-",
		/* Rewrites and profanity. */
		"bamo", "staul", "mean", "been", "vel", "end", "caf\xc3\xa9",
		"CAF\xc3\x89", "fakex", "darn", "it", "na\xc3\xafve",
		/* Neither; long ones pass the word cache by. */
		"the", "and", "people", "at", "\xc3\xbcnter",
		"stra\xc3\x9f" "e",
		"abcdefghijklmnop", "abcdefghijklmnopq",
		"seventeenthousandths", "twentytwentytwentytwenty", "on#e",
		"#", "x\xff", "\xe4\xbd\xa0\xe5\xa5\xbd"
	};
	static const char *const de_words[] = {
		"zwei", "zweiundvierzig", "Zweiundvierzig", "tausend",
		"zweitausend", "zweitausendvierundzwanzig", "minus", "komma",
		"f\xc3\xbcnf", "zw\xc3\xb6lf", "drei", "drei\xc3\x9f" "ig",
		"bis", "eins", "ein", "eine", "hundert", "zweihunderttausend",
		"million", "euro", "der", "preis", "und", "a", "b", "q",
		"stra\xc3\x9f" "e", "STRASSE", "fakex"
	};
	static const char *const ab_words[] = {
		"a", "b", "ab", "ba", "abab", "babaa", "aabba", "z", "x", "1",
		"2", "one", "ab#", "c", "abababababababababab", "bbbbbbbbz"
	};
	static const char en_fmt[] = "#itn\nQN-\\d\\d\\d\n(WL|QQ)-(\\d)+\n"
	    "{kani>KAN}-\\d\\d\n\\d0{to>-}\\d0\n\\d{through>-}\\d\n{um}\n"
	    "{write} (\\u.)+\n{area code>\\(}\\d\\d\\d\\)\n(\\l)+-\\d\n"
	    "#rewrite\nbamo staul mean been\tBamo Staul Mean Been\n"
	    "vel\tVel\nend to end\tE2E\nend\tEND\nstaul\tSt aul\n"
	    "caf\xc3\xa9\tCaf\xc3\xa9 au lait\nthe end\tfin\n"
	    "#profanity\nfakex\ndarn it\nna\xc3\xafve\nfin\n";
	static const char de_fmt[] = "#itn\n\\d{bis>-}\\d\nQ-\\d\\d\n"
	    "#rewrite\nstra\xc3\x9f" "e\tStr.\nder preis\tDer Preis\n"
	    "#profanity\nfakex\neuro\n";
	static const char ab_fmt[] = "#itn\n(a|b)*a(a|b)(a|b)(a|b)(a|b)"
	    "(a|b)(a|b)(a|b)(a|b)(a|b)(a|b)(a|b)Z\n(\\d)+x\n(ab)+c\n"
	    "#rewrite\nab ba\tABBA\n#profanity\nz\n";
	int all = DISP_BUILTIN | DISP_ITN | DISP_REWRITE | DISP_PROFANITY |
	    DISP_CAPITAL;

	CHECK(words_same(&en, en_fmt, en_words, sizeof(en_words) /
	    sizeof(en_words[0]), 20000, 1) == all);
	CHECK(words_same(&de, de_fmt, de_words, sizeof(de_words) /
	    sizeof(de_words[0]), 300, 2) == all);
	CHECK((words_same(&en, ab_fmt, ab_words, sizeof(ab_words) /
	    sizeof(ab_words[0]), 20000, 3) & (DISP_ITN | DISP_REWRITE)) ==
	    (DISP_ITN | DISP_REWRITE));
}

/*
 * The word cache keeps a word zero-padded: a word and the same word
 * with a NUL after it look alike there, and are told apart by their
 * lengths.  Find two that share a slot (8192 of them, by
 * strset_hash32()) and give the second a pattern the first cannot
 * start.
 */
static void
test_words_nul(void)
{
	char w[8], wn[8], f[64];
	const char *v[2] = { w, wn };
	unsigned int i, k;
	size_t n;

	for (i = 0; i < 1000000; i++) {
		for (k = i, n = 0; n < 3 || k > 0; k /= 26)
			w[n++] = (char)('a' + k % 26);
		w[n] = '\0';
		memcpy(wn, w, n);
		wn[n] = '\0';
		if ((strset_hash32(w, n) & 8191) == (strset_hash32(wn, n + 1) &
		    8191))
			break;
	}
	REQUIRE(i < 1000000);
	wn[n] = '#';
	wn[n + 1] = '\0';
	snprintf(f, sizeof(f), "#itn\n{%s>W}\n", w);
	CHECK(words_same(&en, f, v, 2, 200, 4) & DISP_ITN);
}

/*
 * #rewrite compares a second word by its hash before its bytes: two
 * words with the same hash must still be told apart.  strset_hash32()
 * xors each byte into a rotated sum: "b@" and "c`" end it alike.
 */
static void
test_words_hash(void)
{
	REQUIRE(strset_hash32("zab@", 4) == strset_hash32("zac`", 4));
	fmt("#rewrite\nzork zab@\tZA\nzork zab@ zab@\tZAA\n");
	CHECK_STR(apply("zork zac` zork zab@"), "Zork zac` ZA");
	CHECK_STR(apply("zork zab@ zac` zork zab@ zab@"), "ZA zac` ZAA");
	CHECK_STR(apply("zork zab@ zab@"), "ZAA");
}

int
main(void)
{
	RUN(test_literals);
	RUN(test_ranges);
	RUN(test_classes);
	RUN(test_alternatives);
	RUN(test_quantifiers);
	RUN(test_spoken);
	RUN(test_escapes);
	RUN(test_syntax);
	RUN(test_minimal);
	RUN(test_sections);
	RUN(test_rewrite);
	RUN(test_limits);
	RUN(test_shadow);
	RUN(test_profanity);
	RUN(test_cases);
	RUN(test_builtin);
	RUN(test_capital);
	RUN(test_longest);
	RUN(test_enc);
	RUN(test_flush);
	RUN(test_words);
	RUN(test_words_nul);
	RUN(test_words_hash);
	disp_free(cur);
	buf_release(&out);
	diag_release(&d);
	return UNIT_EXIT();
}
