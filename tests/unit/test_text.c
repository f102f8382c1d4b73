/* Unit tests for lib/text.c, the ICU adapter. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "buf.h"
#include "diag.h"
#include "text.h"
#include "unit.h"

static struct text *en, *de, *zh, *ja, *fr, *tr;
static struct buf out;

typedef int (*xform)(struct text *, const char *, size_t, struct buf *);

static const char *
run(xform f, struct text *t, const char *s)
{
	buf_reset(&out);
	buf_addstr(&out, "");
	if (f(t, s, strlen(s), &out) == -1)
		return "(failed)";
	return buf_str(&out);
}

static int
punct_en(struct text *t, const char *s, size_t n, struct buf *b)
{
	return text_punct_map(t, s, n, TEXT_PM_SPACE | TEXT_PM_QUOTE, b);
}

static int
text_fold_width_en(struct text *t, const char *s, size_t n, struct buf *b)
{
	return text_fold_width(t, s, n, 0, b);
}

static int
punct_zh(struct text *t, const char *s, size_t n, struct buf *b)
{
	return text_punct_map(t, s, n, TEXT_PM_SPACE | TEXT_PM_WIDE, b);
}

static void
test_nfc(void)
{
	CHECK_STR(run(text_nfc, en, "cafe\xcc\x81"), "caf\xc3\xa9");
	CHECK_STR(run(text_nfc, en, "plain"), "plain");
	/* NFC leaves NBSP and ligatures alone; compat folding does not. */
	CHECK_STR(run(text_nfc, en, "\xef\xac\x81"), "\xef\xac\x81");
	CHECK_STR(run(text_fold_compat, en, "\xef\xac\x81 \xef\xbc\xa1"),
	    "fi A");
	/* zh keeps full-width punctuation but folds full-width digits. */
	CHECK_STR(run(text_fold_compat, zh,
	    "\xef\xbc\x92\xef\xbc\x91\xe5\xb2\x81\xef\xbc\x9f"),
	    "21\xe5\xb2\x81\xef\xbc\x9f");
	/*
	 * The quick check from UTF-8 passes composed Latin and CJK, but
	 * not a mark after a composed letter (reordered, composed: e with
	 * dot below, then the acute), nor one after ASCII runs of more
	 * than eight bytes.
	 */
	CHECK(text_nfc(en, "Br\xc3\xbc" "cke \xe6\x9d\xb1", 10, &out) == 0);
	CHECK_STR(run(text_nfc, en, "caf\xc3\xa9\xcc\xa3!"),
	    "caf\xe1\xba\xb9\xcc\x81!");
	CHECK_STR(run(text_nfc, en, "a long way home\xcc\x81"),
	    "a long way hom\xc3\xa9");
	CHECK_STR(run(text_fold_width_en, en, "wait\xe2\x80\xa6 "
	    "\xef\xbc\xa1\xef\xbc\xa2 \xc3\xa9t\xc3\xa9"),
	    "wait... AB \xc3\xa9t\xc3\xa9");
}

static void
test_punct(void)
{
	CHECK_STR(run(punct_en, en,
	    "\xe2\x80\x9cHi\xe2\x80\x9d it\xe2\x80\x99s good\xe2\x80\x94no"),
	    "\"Hi\" it's good--no");
	CHECK_STR(run(punct_en, en, "soft\xc2\xadhyphen"), "softhyphen");
	CHECK_STR(run(punct_en, en, "a\xc2\xa0" "b\xe2\x80\xaf" "c"), "a b c");
	CHECK_STR(run(punct_en, en, "wait\xe2\x80\xa6"), "wait...");
	CHECK_STR(run(punct_zh, zh, "\xe4\xbd\xa0\xe5\xa5\xbd?1,000"),
	    "\xe4\xbd\xa0\xe5\xa5\xbd\xef\xbc\x9f" "1,000");
	CHECK_STR(run(text_ascii_fold, en, "caf\xc3\xa9 \xc2\xbfqu\xc3\xa9?"),
	    "cafe que?");
	/* Never fold ja or zh. */
	CHECK_STR(run(text_ascii_fold, ja, "\xe6\x9d\xb1\xe4\xba\xac"),
	    "\xe6\x9d\xb1\xe4\xba\xac");
}

static void
test_sub(void)
{
	size_t n;
	const char *r;
	char name[64];

	r = text_ascii_sub(en, 0x2014, &n);
	CHECK(r != NULL && n == 2 && memcmp(r, "--", 2) == 0);
	r = text_ascii_sub(en, 0xE9, &n);
	CHECK(r != NULL && n == 1 && *r == 'e');
	CHECK(text_ascii_sub(en, 0x65E5, &n) == NULL);
	text_char_name(0x2019, name, sizeof(name));
	CHECK_STR(name, "RIGHT SINGLE QUOTATION MARK");
}

static void
test_clean(void)
{
	CHECK_STR(run(text_clean, en, "a\tb\xe2\x80\x8b" "c\x01"), "a bc");
	CHECK(text_find_bad(en, "ab\x01", 3) == 2);
	CHECK(text_has_word("?!", 2) == 0);
	CHECK(text_has_word("-- a", 4) == 1);
}

static void
test_uris(void)
{
	static const char *yes[] = {
		"https://ex.com/path?q=1", "HTTP://EXAMPLE.ORG",
		"ftp://x.y/z", "mailto:a@b.c", "tel:+123",
		"www.contoso.com", "bing.com/maps", "contoso.co.uk",
		"john.doe@example.com", "localhost.de:8080/x",
		"http://[::1]:80/", "WwW.Example.ORG", "news:comp.lang.c",
		"x@y.org", "x.io", "(see x.co.uk)", NULL
	};
	static const char *no[] = {
		"e.g.", "U.S.", "3.14", "Node.js", "1.2.3", "file.txt",
		"Mr.Smith", "a.m.", "3:2", "12:30", "Ke$ha", "Note:",
		"I.B.M.", "park.It", "sagte:", "x.COM", NULL
	};
	struct text_spans sp = TEXT_SPANS_INIT;
	size_t i;

	for (i = 0; yes[i] != NULL; i++) {
		sp.n = 0;
		if (text_find_uris(en, yes[i], strlen(yes[i]), &sp) != 1)
			printf("# missed URI %s\n", yes[i]), unit_failed++;
	}
	for (i = 0; no[i] != NULL; i++) {
		sp.n = 0;
		if (text_find_uris(en, no[i], strlen(no[i]), &sp) != 0)
			printf("# false URI %s\n", no[i]), unit_failed++;
	}
	sp.n = 0;
	CHECK(text_find_uris(en, "see www.x.com now", 17, &sp) == 1);
	CHECK(sp.n == 1 && sp.v[0].off == 4 && sp.v[0].len == 9);
	text_spans_release(&sp);
}

static size_t
nsent(struct text *t, const char *s)
{
	struct text_spans sp = TEXT_SPANS_INIT;
	size_t n = text_sentences(t, s, strlen(s), &sp);

	text_spans_release(&sp);
	return n;
}

static void
test_sentences(void)
{
	struct text_spans sp = TEXT_SPANS_INIT;
	const char *s = "I opened the app. Then it crashed.";

	CHECK(text_sentences(en, s, strlen(s), &sp) == 2);
	CHECK(sp.n == 2 && sp.v[0].len == 17);
	text_spans_release(&sp);
	CHECK(nsent(en, "Dr. Smith met Mr. Jones. He left.") == 2);
	CHECK(nsent(en, "Go to https://ex.com/a?q=1 now. Bye.") == 2);
	CHECK(nsent(de, "Das ist der Computer. Er ist neu.") == 2);
	CHECK(nsent(de, "Das ist z. B. gut. Am 3. Oktober ja.") == 2);
	CHECK(nsent(ja, "\xe4\xbb\x8a\xe6\x97\xa5\xe3\x80\x82"
	    "\xe6\x98\x8e\xe6\x97\xa5\xe3\x80\x82") == 2);
	/* UAX #29 by hand: SB6, SB7, SB8, SB8a, SB9 to SB11. */
	CHECK(nsent(en, "It costs 3.50 now. Ok.") == 2);
	CHECK(nsent(en, "The U.S.A. team won. Yes.") == 2);
	CHECK(nsent(en, "He said etc. and then left.") == 1);
	CHECK(nsent(en, "Wait... (really) no. Fine.") == 2);
	CHECK(nsent(en, "Really?! Yes, \"really.\" Then go.") == 3);
	CHECK(nsent(en, "Wow!, she said.") == 1);
	/* ICU breaks before a closing quote after a space (icu-notes 4). */
	CHECK(nsent(fr, "\xc2\xab Bonjour ! \xc2\xbb dit-il. Oui.") == 3);
}

/*
 * text_sentences() finds breaks in UTF-8 by UAX #29, ICU's iterator
 * only for what those rules leave out: both must agree on any text.
 */
static void
test_sentences_icu(void)
{
	static const char *const atoms[] = {
		"a", "Z", "\xc3\xa9", "\xc3\x89", "1", " ", "  ", "\t", ".",
		"!", "?", ",", ";", ":", "-", "\"", "'", "(", ")", "[",
		"\xc2\xab", "\xc2\xbb", "\xe2\x80\x9d", "\xe3\x80\x82",
		"\xef\xbc\x9f", "\xe6\x9d\xb1", "\xe2\x80\xa4",
		"\xef\xbc\x8e", "\xd8\x9f", "\xe0\xa5\xa4", "\xcd\xbe",
		"\xce\xb1", "\xc2\xa0", "\xe2\x80\x93", "\xe3\x80\x81",
		"\xcc\x81", "\xe2\x80\x8b", "\xe2\x80\xa8", "\xf0\x9f\x98\x80",
		"x.com", "e.g.", "Dr.", "U.S.", "3.5"
	};
	struct diag dg = DIAG_INIT;
	/* Greek ends questions with ';': ICU's own rules, kept. */
	struct text *el = text_open("el-GR", &dg);
	struct text *t[] = { en, de, ja, el };
	struct text_spans a = TEXT_SPANS_INIT, b = TEXT_SPANS_INIT;
	unsigned long seed = 1;
	char s[256];
	size_t i, k, n, len, bad = 0;

	if (el == NULL) {
		printf("# cannot open el-GR\n");
		unit_failed++;
		return;
	}
	for (i = 0; i < 60000; i++) {
		len = 0;
		for (k = 0, n = (seed >> 16) % 12; k < n; k++) {
			seed = seed * 1103515245 + 12345;
			const char *x = atoms[(seed >> 16) %
			    (sizeof(atoms) / sizeof(atoms[0]))];
			memcpy(s + len, x, strlen(x));
			len += strlen(x);
		}
		seed = seed * 1103515245 + 12345;
		a.n = b.n = 0;
		text_sentences(t[i % 4], s, len, &a);
		text_sentences_icu(t[i % 4], s, len, &b);
		if (a.n != b.n || (a.n > 0 && memcmp(a.v, b.v,
		    a.n * sizeof(*a.v)) != 0)) {
			if (bad++ < 5)
				printf("# sentences differ: '%.*s'\n",
				    (int)len, s);
		}
	}
	CHECK(bad == 0);
	text_spans_release(&a);
	text_spans_release(&b);
	text_close(el);
	diag_release(&dg);
}

static int
rep(struct text *t, const char *s, struct text_repeat *r)
{
	return text_repeat(t, s, strlen(s), 3, r);
}

static void
test_repeat(void)
{
	struct text_repeat r;

	CHECK(rep(en, "sooooo good", &r) == 1 && r.words == 0 &&
	    r.count == 5);
	CHECK(rep(en, "sooo good", &r) == 0);
	CHECK(rep(en, "call 555 0000", &r) == 0);
	CHECK(rep(en, "yeah yeah yeah yeah", &r) == 1 && r.words == 1 &&
	    r.count == 4);
	CHECK(rep(en, "Yeah, yeah. YEAH yeah!", &r) == 1);
	CHECK(rep(en, "yeah yeah yeah", &r) == 0);
	CHECK(rep(en, "that's it, that\xe2\x80\x99s it; that's it... "
	    "that's it", &r) == 1 && r.words == 2 && r.count == 4);
	CHECK(rep(zh, "\xe6\x88\x91\xe4\xbb\xac\xe6\x88\x91\xe4\xbb\xac"
	    "\xe6\x88\x91\xe4\xbb\xac\xe6\x88\x91\xe4\xbb\xac", &r) == 1);
	CHECK(rep(zh, "\xe5\x93\x88\xe5\x93\x88\xe5\x93\x88\xe5\x93\x88",
	    &r) == 1 && r.words == 0);
	/* What the one-pass ASCII look must not pass over. */
	CHECK(rep(en, "ok OK (Ok) oK, fine", &r) == 1 && r.words == 1 &&
	    r.count == 4);
	CHECK(rep(en, "a\t\t\t\tb", &r) == 1 && r.words == 0);
	CHECK(rep(en, "go on go on go on go on now", &r) == 1 &&
	    r.words == 2);
	CHECK(rep(en, "one two three four one two three four one two three "
	    "four one two three four", &r) == 1 && r.words == 4);
	CHECK(rep(en, "the cat saw the dog and the bird", &r) == 0);
	CHECK(rep(en, "call 5555 now", &r) == 0);
	/* Nor the count of code points before the word iterator. */
	CHECK(rep(ja, "\xe6\x9d\xb1\xe4\xba\xac yeah YEAH yeah yeah",
	    &r) == 1 && r.words == 1);
	CHECK(rep(ja, "\xe6\x9d\xb1\xe4\xba\xac\xe9\x83\xbd\xe3\x81\xae"
	    "\xe5\xa4\xa9\xe6\xb0\x97\xe3\x80\x82", &r) == 0);
}

static void
test_spell(void)
{
	CHECK_STR(run(text_spell_numbers, en, "pi is 3.14"),
	    "pi is three point one four");
	CHECK_STR(run(text_spell_numbers, en, "21 and 105"),
	    "twenty one and one hundred five");
	CHECK_STR(run(text_spell_numbers, en, "in 1999"),
	    "in nineteen ninety nine");
	CHECK_STR(run(text_spell_numbers, en, "play OU812"),
	    "play O U 8 1 2");
	CHECK_STR(run(text_spell_numbers, en, "agent 007"),
	    "agent zero zero seven");
	CHECK_STR(run(text_spell_numbers, en, "1,250 people"),
	    "one thousand two hundred fifty people");
	/* ICU writes U+00AD inside German numbers; it must go. */
	CHECK_STR(run(text_spell_numbers, de, "21"), "einundzwanzig");
	CHECK(strstr(run(text_spell_numbers, de, "2024"), "\xc2\xad") == NULL);
	CHECK_STR(run(text_spell_numbers, de, "12,5"), "zw\xc3\xb6lf Komma "
	    "f\xc3\xbcnf");
	CHECK_STR(run(text_spell_numbers, zh, "105"),
	    "\xe4\xb8\x80\xe7\x99\xbe\xe9\x9b\xb6\xe4\xba\x94");
	CHECK_STR(run(text_spell_numbers, ja, "105"),
	    "\xe7\x99\xbe\xe4\xba\x94");
	CHECK_STR(run(text_spell_numbers, fr, "21"), "vingt et un");
}

/* Amounts, times, percentages and the locale's separators (11.6). */
static void
test_spell_units(void)
{
	CHECK_STR(run(text_spell_numbers, en, "$500 now"),
	    "five hundred dollars now");
	CHECK_STR(run(text_spell_numbers, en, "$1 or $3.50"),
	    "one dollar or three dollars and fifty cents");
	CHECK_STR(run(text_spell_numbers, en, "at 7:30."), "at seven thirty.");
	CHECK_STR(run(text_spell_numbers, en, "7:05 or 7:00"),
	    "seven oh five or seven o'clock");
	CHECK_STR(run(text_spell_numbers, en, "50% off"), "fifty percent off");
	CHECK_STR(run(text_spell_numbers, en, "1,250.50"),
	    "one thousand two hundred fifty point five");
	/* Not an en-US number: left as written, listed. */
	CHECK_STR(run(text_spell_numbers, en, "1.250,50"), "1.250,50");
	CHECK(text_spell_left(en)->n == 1);
	CHECK_STR(run(text_spell_numbers, de, "1.250,50"),
	    "eintausendzweihundertf\xc3\xbcnfzig Komma f\xc3\xbcnf");
	CHECK(text_spell_left(de)->n == 0);
	CHECK_STR(run(text_spell_numbers, de, "um 7:30 Uhr"),
	    "um sieben Uhr drei\xc3\x9fig");
	CHECK_STR(run(text_spell_numbers, de, "50 % und 1 \xe2\x82\xac"),
	    "f\xc3\xbcnfzig Prozent und ein Euro");
	CHECK_STR(run(text_spell_numbers, de, "2,99 \xe2\x82\xac"),
	    "zwei Euro und neunundneunzig Cent");
	/* ja has no words here for '%': the token stays whole. */
	CHECK_STR(run(text_spell_numbers, ja, "50%"), "50%");
	CHECK(text_spell_left(ja)->n == 1);
}

static void
test_lower(void)
{
	CHECK_STR(run(text_lower, tr, "\xc4\xb0STANBUL Isparta"),
	    "istanbul \xc4\xb1sparta");
	CHECK_STR(run(text_lower, en, "HELLO"), "hello");
}

static void
test_script(void)
{
	size_t c, w;

	CHECK(text_script("hello big world", 15, &c, &w) == TEXT_LATIN);
	CHECK(c == 13 && w == 3);
	CHECK(text_script("\xe4\xbd\xa0\xe5\xa5\xbd", 6, &c, &w) == TEXT_CJK);
	CHECK(c == 2);
}

/* The fold key as ICU computes it for any string: NFD, fold, NFC. */
static void
icu_fold(const char *s, char *res, size_t cap)
{
	UErrorCode st = U_ZERO_ERROR;
	UChar a[64], b[64];
	int32_t na, nb;

	u_strFromUTF8(a, 64, &na, s, -1, &st);
	nb = unorm2_normalize(unorm2_getNFDInstance(&st), a, na, b, 64, &st);
	na = u_strFoldCase(a, 64, b, nb, U_FOLD_CASE_DEFAULT, &st);
	nb = unorm2_normalize(unorm2_getNFCInstance(&st), a, na, b, 64, &st);
	u_strToUTF8(res, (int32_t)cap, NULL, b, nb, &st);
	if (U_FAILURE(st))
		snprintf(res, cap, "(%s)", u_errorName(st));
}

/* ASCII names take a shortcut to their key: it must be ICU's. */
static void
test_fold_key(void)
{
	char s[4], want[32];
	int c;

	for (c = 1; c < 0x80; c++) {
		snprintf(s, sizeof(s), "%c%c", c, c == 'x' ? 'Y' : 'x');
		icu_fold(s, want, sizeof(want));
		buf_reset(&out);
		CHECK(text_fold_key(s, &out) == 0);
		CHECK_STR(buf_str(&out), want);
	}
	/* Appended; the Kelvin sign folds to the ASCII name's key. */
	buf_reset(&out);
	buf_addstr(&out, "<");
	CHECK(text_fold_key("Kilo.WAV", &out) == 0);
	CHECK_STR(buf_str(&out), "<kilo.wav");
	buf_reset(&out);
	CHECK(text_fold_key("\xe2\x84\xaailo.wav", &out) == 0);
	CHECK_STR(buf_str(&out), "kilo.wav");
	buf_reset(&out);
	buf_addstr(&out, "<");
	CHECK(text_fold_key("bad\xff", &out) == -1);
	CHECK_STR(buf_str(&out), "<");
}

/*
 * The punctuation and Latin-ASCII tables are the process's, built a
 * page at a time by whichever struct text first needs the page.  The
 * reference is what en gave for every BMP code point (one thread); once
 * every struct text is closed (the tables are freed), four threads open
 * their own and map every code point, each from another page on, so
 * pages are built while the others read.
 */
#define TABLE_THREADS	4

struct mapped {
	char	*punct;
	char	*ascii;		/* "(none)" for no substitute */
};

static struct mapped *ref;

static void
map_one(struct text *t, int32_t c, struct buf *b, struct buf *a)
{
	char s[4];
	const char *r;
	size_t n;

	if (c < 0x800) {		/* c >= 0x80: two bytes or three */
		s[0] = (char)(0xC0 | c >> 6);
		s[1] = (char)(0x80 | (c & 0x3F));
		n = 2;
	} else {
		s[0] = (char)(0xE0 | c >> 12);
		s[1] = (char)(0x80 | (c >> 6 & 0x3F));
		s[2] = (char)(0x80 | (c & 0x3F));
		n = 3;
	}
	buf_reset(b);
	buf_addstr(b, "");
	if (text_punct_map(t, s, n, TEXT_PM_SPACE | TEXT_PM_QUOTE, b) == -1)
		buf_addstr(b, "(failed)");
	buf_reset(a);
	buf_addstr(a, "");
	if ((r = text_ascii_sub(t, c, &n)) != NULL)
		buf_add(a, r, n);
	else
		buf_addstr(a, "(none)");
}

static int
skip_cp(int32_t c)
{
	return c < 0x80 || (c >= 0xD800 && c <= 0xDFFF);
}

static void
test_tables_ref(void)
{
	struct buf b = BUF_INIT, a = BUF_INIT;
	int32_t c;
	size_t changed = 0;

	REQUIRE((ref = calloc(0x10000, sizeof(*ref))) != NULL);
	for (c = 0; c < 0x10000; c++) {
		if (skip_cp(c))
			continue;
		map_one(en, c, &b, &a);
		ref[c].punct = strdup(buf_str(&b));
		ref[c].ascii = strdup(buf_str(&a));
		REQUIRE(ref[c].punct != NULL && ref[c].ascii != NULL);
		if (strcmp(ref[c].ascii, "(none)") != 0)
			changed++;
	}
	/* The tables are not empty: quotes, dashes, Latin letters. */
	CHECK_STR(ref[0x201C].punct, "\"");
	CHECK_STR(ref[0x2014].punct, "--");
	CHECK_STR(ref[0x00E9].ascii, "e");
	CHECK(changed > 500);
	buf_release(&b);
	buf_release(&a);
}

struct table_thread {
	pthread_t	 tid;
	int32_t		 first;
	size_t		 bad;
	int		 opened;
};

static void *
table_thread(void *arg)
{
	struct table_thread *tt = arg;
	struct diag d = DIAG_INIT;
	struct buf b = BUF_INIT, a = BUF_INIT;
	struct text *t;
	int32_t k, c;

	if ((t = text_open("en-US", &d)) == NULL) {
		diag_release(&d);
		return NULL;
	}
	tt->opened = 1;
	for (k = 0; k < 0x10000; k++) {
		c = (tt->first + k) & 0xFFFF;
		if (skip_cp(c))
			continue;
		map_one(t, c, &b, &a);
		if (strcmp(buf_str(&b), ref[c].punct) != 0 ||
		    strcmp(buf_str(&a), ref[c].ascii) != 0)
			tt->bad++;
	}
	text_close(t);
	buf_release(&b);
	buf_release(&a);
	return NULL;
}

static void
test_tables_threads(void)
{
	struct table_thread tt[TABLE_THREADS];
	int32_t c;
	int k;

	REQUIRE(ref != NULL);
	for (k = 0; k < TABLE_THREADS; k++) {
		memset(&tt[k], 0, sizeof(tt[k]));
		tt[k].first = k * (0x10000 / TABLE_THREADS);
		REQUIRE(pthread_create(&tt[k].tid, NULL, table_thread,
		    &tt[k]) == 0);
	}
	for (k = 0; k < TABLE_THREADS; k++) {
		pthread_join(tt[k].tid, NULL);
		CHECK(tt[k].opened);
		CHECK(tt[k].bad == 0);
	}
	for (c = 0; c < 0x10000; c++) {
		free(ref[c].punct);
		free(ref[c].ascii);
	}
	free(ref);
	ref = NULL;
}

int
main(void)
{
	struct diag d = DIAG_INIT;

	en = text_open("en-US", &d);
	de = text_open("de-DE", &d);
	zh = text_open("zh-CN", &d);
	ja = text_open("ja-JP", &d);
	fr = text_open("fr-FR", &d);
	tr = text_open("tr-TR", &d);
	if (!en || !de || !zh || !ja || !fr || !tr) {
		printf("FAIL text_open\n");
		return 1;
	}
	RUN(test_nfc);
	RUN(test_punct);
	RUN(test_sub);
	RUN(test_clean);
	RUN(test_uris);
	RUN(test_sentences);
	RUN(test_sentences_icu);
	RUN(test_repeat);
	RUN(test_spell);
	RUN(test_spell_units);
	RUN(test_lower);
	RUN(test_script);
	RUN(test_fold_key);
	RUN(test_tables_ref);
	text_close(en);
	text_close(de);
	text_close(zh);
	text_close(ja);
	text_close(fr);
	text_close(tr);
	/* Every struct text is closed: the tables are made afresh. */
	RUN(test_tables_threads);
	buf_release(&out);
	diag_release(&d);
	return UNIT_EXIT();
}
