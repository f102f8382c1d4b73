/*
 * Unit tests of lib/wer.c: normalization, tokens by unit, scoring with
 * jiwer's empty lines, Kaldi's lines, the sign test, and token errors
 * of display text with their categories.  With
 * VOX_SCLITE_DIR set (tests/check-sclite.sh), sclite_totals also scores
 * that folder's ref.trn and hyp.trn and compares with sclite.sum.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "align.h"
#include "buf.h"
#include "diag.h"
#include "hyp.h"
#include "wer.h"
#include "unit.h"

static struct wer *
open_wer(const char *locale, enum wer_unit u, int norm, int spell)
{
	struct wer_opts o = { NULL, WER_UNIT_WORD, 1, 0, 1 };
	struct diag d = DIAG_INIT;
	struct wer *w;

	o.locale = locale;
	o.unit = u;
	o.normalize = norm;
	o.spell = spell;
	w = wer_open(&o, &d);
	diag_release(&d);
	return w;
}

/* The text as scored, in a static buffer for CHECK_STR. */
static const char *
norm(struct wer *w, const char *s, int ref)
{
	static char out[512];
	struct buf b = BUF_INIT;

	if (wer_normalize(w, s, strlen(s), ref, &b) == -1)
		snprintf(out, sizeof(out), "(failed)");
	else
		snprintf(out, sizeof(out), "%s", b.s != NULL ? b.s : "");
	buf_release(&b);
	return out;
}

static void
normalization(void)
{
	struct wer *w = open_wer("en-US", WER_UNIT_WORD, 1, 0);

	REQUIRE(w != NULL);
	CHECK_STR(norm(w, "I'm double-jointed.", 0), "i'm double jointed");
	CHECK_STR(norm(w, "\xe2\x80\x98Hello,\xe2\x80\x99 she said "
	    "\xe2\x80\x94 \xe2\x80\x9cWOW\xe2\x80\x9d!", 0),
	    "hello she said wow");
	CHECK_STR(norm(w, "It\xe2\x80\x99s  rock'n'roll 'tis", 0),
	    "it's rock'n'roll tis");
	CHECK_STR(norm(w, "\tA\xc2\xa0 b\xe2\x80\x83" "c  ", 0), "a b c");
	/* NFC: e + combining acute is the precomposed letter. */
	CHECK_STR(norm(w, "Cafe\xcc\x81", 0), "caf\xc3\xa9");
	/* Full-width letters are ASCII letters. */
	CHECK_STR(norm(w, "\xef\xbc\xa1\xef\xbc\xa2\xef\xbc\xa3 1", 0),
	    "abc 1");
	/* Symbols that are not punctuation stay outside de-DE. */
	CHECK_STR(norm(w, "2 + 2 = 4 $5", 0), "2 + 2 = 4 $5");
	CHECK_STR(norm(w, "...", 0), "");
	wer_close(w);
	w = open_wer("de-DE", WER_UNIT_WORD, 1, 0);
	REQUIRE(w != NULL);
	CHECK_STR(norm(w, "2 + 2 = 4 < 5 \xe2\x80\x9eGr\xc3\xbc\xc3\x9f\xe2"
	    "\x80\x9c", 0), "2 2 4 5 gr\xc3\xbc\xc3\x9f");
	wer_close(w);
	w = open_wer("tr-TR", WER_UNIT_WORD, 1, 0);
	REQUIRE(w != NULL);
	/* Turkish: dotted capital I to i, I to dotless i. */
	CHECK_STR(norm(w, "\xc4\xb0stanbul I", 0), "istanbul \xc4\xb1");
	wer_close(w);
	w = open_wer("en-US", WER_UNIT_WORD, 0, 0);
	REQUIRE(w != NULL);
	CHECK_STR(norm(w, "  Hello,   World ", 0), "Hello, World");
	wer_close(w);
}

static void
spelled_numbers(void)
{
	struct wer *w = open_wer("en-US", WER_UNIT_WORD, 1, 1);
	const char *s;

	REQUIRE(w != NULL);
	s = norm(w, "Room 104.", 1);
	CHECK(strstr(s, "104") == NULL && strncmp(s, "room ", 5) == 0);
	CHECK(strstr(s, "four") != NULL);
	/* The hypothesis side is never spelled. */
	CHECK_STR(norm(w, "Room 104.", 0), "room 104");
	wer_close(w);
}

static void
units(void)
{
	struct wer *w;

	CHECK(wer_unit_default("zh-CN") == WER_UNIT_MIXED);
	CHECK(wer_unit_default("ja-JP") == WER_UNIT_MIXED);
	CHECK(wer_unit_default("en-US") == WER_UNIT_WORD);
	CHECK(wer_unit_default("ko-KR") == WER_UNIT_WORD);
	w = open_wer("zh-CN", WER_UNIT_MIXED, 1, 0);
	REQUIRE(w != NULL);
	/* Han one by one, Latin words whole, full width folded. */
	CHECK_STR(norm(w, "\xe6\x88\x91\xe7\x88\xb1OK\xe5\x8c\x97\xe4\xba"
	    "\xac\xef\xbc\x81 \xef\xbc\xa1\xef\xbc\xa9 ok", 0),
	    "\xe6\x88\x91 \xe7\x88\xb1 ok \xe5\x8c\x97 \xe4\xba\xac ai ok");
	wer_close(w);
	w = open_wer("en-US", WER_UNIT_CHAR, 1, 0);
	REQUIRE(w != NULL);
	CHECK_STR(norm(w, "Ab c\xc3\xa9!", 0), "a b c \xc3\xa9");
	wer_close(w);
	{
		enum wer_unit u;

		CHECK(wer_unit_parse("char", &u) == 0 && u == WER_UNIT_CHAR);
		CHECK(wer_unit_parse("mixed", &u) == 0 &&
		    u == WER_UNIT_MIXED);
		CHECK(wer_unit_parse("word", &u) == 0 && u == WER_UNIT_WORD);
		CHECK(wer_unit_parse("byte", &u) == -1);
	}
}

/* Groups survive normalization; "@" and an empty alternative are null. */
static void
alternates(void)
{
	struct wer *w = open_wer("en-US", WER_UNIT_WORD, 1, 0);
	struct wer_toks t = WER_TOKS_INIT;
	const char *s = "{ Um / UH, / @ } Hello {a/!} {open";

	REQUIRE(w != NULL);
	CHECK_STR(norm(w, s, 1), "{ um / uh / @ } hello { a / @ } open");
	/* A hypothesis has no groups. */
	CHECK_STR(norm(w, s, 0), "um uh hello a open");
	REQUIRE(wer_tokens(w, s, strlen(s), 1, &t) == 0);
	REQUIRE(t.n == 14);
	CHECK(t.v[0] == ALIGN_OPEN && t.v[2] == ALIGN_OR &&
	    t.v[5] == ALIGN_NULL && t.v[6] == ALIGN_CLOSE);
	CHECK(t.v[1] >= ALIGN_WORD && t.v[1] != t.v[3]);
	CHECK_STR(wer_word(w, t.v[7]), "hello");
	wer_toks_release(&t);
	wer_close(w);
}

static void
read_set(struct hyp_set *s, const char *text, const char *name,
    struct diag *d)
{
	hyp_read(s, text, strlen(text), name, HYP_TRANS, HYP_LEXICAL, d);
	hyp_index(s, d);
}

/*
 * Scoring: empty lines as jiwer 4, a missing hypothesis as deletions
 * (WER-MISSING), an extra one left out (WER-EXTRA), the totals in
 * Kaldi's form.
 */
static void
scoring(void)
{
	struct wer *w = open_wer("en-US", WER_UNIT_WORD, 1, 0);
	struct align *al = align_new(ALIGN_SCLITE);
	struct hyp_set r = HYP_SET_INIT, h = HYP_SET_INIT;
	struct wer_result res = WER_RESULT_INIT;
	struct diag d = DIAG_INIT;
	struct buf out = BUF_INIT;

	REQUIRE(w != NULL);
	read_set(&r, "a.wav\tHello world.\ne.wav\t\nf.wav\t\n"
	    "g.wav\tone two three\nb.wav\tA B C D E\n", "ref.txt", &d);
	read_set(&h, "a.wav\thello world\ne.wav\t\nf.wav\tuh huh\n"
	    "b.wav\td e x y z\nz.wav\textra\n", "hyp.txt", &d);
	REQUIRE(d.n == 0);
	CHECK(wer_score(w, al, &r, &h, WER_SHOW_NONE, NULL, &res, &d) == 0);
	REQUIRE(res.n == 5);
	CHECK(res.v[1].c.corr + res.v[1].c.ins + res.v[1].c.del == 0);
	CHECK(res.v[2].c.ins == 2 && res.v[2].c.corr == 0);
	CHECK(res.v[3].hyp == HYP_NONE && res.v[3].c.del == 3);
	CHECK(res.v[4].c.corr == 2 && res.v[4].c.del == 3 &&
	    res.v[4].c.ins == 3);
	CHECK(res.sum.missing == 1 && res.sum.extra == 1);
	CHECK(diag_has(&d, "WER-MISSING") && diag_has(&d, "WER-EXTRA"));
	REQUIRE(d.n == 2);
	CHECK_STR(d.v[0].file, "ref.txt");
	CHECK(d.v[0].line == 4);
	CHECK_STR(d.v[1].file, "hyp.txt");
	CHECK(d.v[1].line == 5);
	wer_kaldi(&res.sum, WER_UNIT_WORD, &out);
	CHECK_STR(out.s, "%WER 110.00 [ 11 / 10, 5 ins, 6 del, 0 sub ]\n"
	    "%SER 60.00 [ 3 / 5 ]\n"
	    "Scored 5 sentences, 1 not present in hyp, 1 not present in "
	    "ref.\n");
	buf_reset(&out);
	CHECK(wer_check_max(&res.sum, 110.0, WER_UNIT_WORD, "hyp.txt", &d) ==
	    0);
	CHECK(wer_check_max(&res.sum, 109.9, WER_UNIT_WORD, "hyp.txt", &d) ==
	    1);
	CHECK(diag_has(&d, "WER-MAX"));
	/* Shown as sclite's pra, as JSON lines, as normalized text. */
	wer_score(w, al, &r, &h, WER_SHOW_ALIGN, &out, &res, &d);
	CHECK(strstr(out.s, "id: (b.wav)\nScores: (#C #S #D #I) 2 0 3 3\n"
	    "REF:  A   B   C   d e *** *** ***\n"
	    "HYP:  *** *** *** d e X   Y   Z\n"
	    "Eval: D   D   D       I   I   I\n") != NULL);
	buf_reset(&out);
	wer_score(w, al, &r, &h, WER_SHOW_JSONL, &out, &res, &d);
	CHECK(strstr(out.s, "{\"name\":\"a.wav\",\"words\":2,\"corr\":2,"
	    "\"sub\":0,\"del\":0,\"ins\":0,\"align\":[[\"hello\",\"hello\"],"
	    "[\"world\",\"world\"]]}\n") != NULL);
	CHECK(strstr(out.s, "[null,\"uh\"]") != NULL);
	buf_reset(&out);
	wer_score(w, al, &r, &h, WER_SHOW_NORM, &out, &res, &d);
	CHECK(strstr(out.s, "a.wav\tREF\thello world\na.wav\tHYP\thello "
	    "world\n") != NULL);
	buf_release(&out);
	wer_result_release(&res);
	hyp_set_release(&r);
	hyp_set_release(&h);
	diag_release(&d);
	align_free(al);
	wer_close(w);
}

/* Kaldi's own example line, and rates with no reference words. */
static void
kaldi_line(void)
{
	struct wer_sum s = { 100, 40, 24611, 2010, 1651, 972, 0, 0, 0,
	    { 0, 0, 0, 0, 0 } };
	struct buf out = BUF_INIT;

	wer_kaldi(&s, WER_UNIT_WORD, &out);
	CHECK(strncmp(out.s, "%WER 16.39 [ 4633 / 28272, 972 ins, 1651 del, "
	    "2010 sub ]\n%SER 40.00 [ 40 / 100 ]\n", 76) == 0);
	buf_reset(&out);
	wer_kaldi(&s, WER_UNIT_MIXED, &out);
	CHECK(strncmp(out.s, "%CER 16.39", 10) == 0);
	buf_release(&out);
	memset(&s, 0, sizeof(s));
	CHECK(wer_rate(&s) == 0.0);
	s.ins = 2;
	CHECK(isinf(wer_rate(&s)));
}

/*
 * The most frequent errors, by kind, most frequent first; the count
 * starts afresh with each wer_confusions_start().  And a %WER line
 * with the system's name, as Kaldi's best_wer.sh shows it.
 */
static void
confusions(void)
{
	struct wer *w = open_wer("en-US", WER_UNIT_WORD, 1, 0);
	struct align *al = align_new(ALIGN_SCLITE);
	struct hyp_set r = HYP_SET_INIT, h = HYP_SET_INIT;
	struct wer_result res = WER_RESULT_INIT;
	struct diag d = DIAG_INIT;
	struct buf out = BUF_INIT;

	REQUIRE(w != NULL);
	read_set(&r, "x1\ta b c\nx2\ta b c\nx3\ta d\n", "ref", &d);
	read_set(&h, "x1\ta q c\nx2\ta q c\nx3\tz a\n", "hyp", &d);
	wer_confusions(w, 10, &out);
	CHECK(out.len == 0);
	wer_confusions_start(w);
	wer_score(w, al, &r, &h, WER_SHOW_NONE, NULL, &res, &d);
	wer_confusions(w, 10, &out);
	CHECK_STR(out.s, "substitutions:\n      2  b -> q\n"
	    "deletions:\n      1  d\ninsertions:\n      1  z\n");
	buf_reset(&out);
	wer_confusions_start(w);
	wer_confusions(w, 10, &out);
	CHECK_STR(out.s, "substitutions:\n      (none)\ndeletions:\n"
	    "      (none)\ninsertions:\n      (none)\n");
	buf_reset(&out);
	wer_kaldi_named(&res.sum, WER_UNIT_WORD, "exp/a", &out);
	CHECK(strncmp(out.s, "%WER 50.00 [ 4 / 8, 1 ins, 1 del, 2 sub ] "
	    "exp/a\n%SER", 47) == 0);
	buf_release(&out);
	wer_result_release(&res);
	hyp_set_release(&r);
	hyp_set_release(&h);
	diag_release(&d);
	align_free(al);
	wer_close(w);
}

/* Exact binomial p-values, checked by hand and with R's binom.test. */
static void
sign_test(void)
{
	struct wer_result a = WER_RESULT_INIT, b = WER_RESULT_INIT;
	struct wer_cmp c;
	size_t i;

	CHECK(wer_sign_p(0, 0) == 1.0);
	CHECK(wer_sign_p(5, 5) == 1.0);
	CHECK(fabs(wer_sign_p(10, 0) - 2.0 / 1024) < 1e-12);
	CHECK(fabs(wer_sign_p(0, 10) - 2.0 / 1024) < 1e-12);
	/* binom.test(15, 20): 0.04138947 */
	CHECK(fabs(wer_sign_p(15, 5) - 0.04138947) < 1e-7);
	/* binom.test(600, 1100): 0.0028195 */
	CHECK(fabs(wer_sign_p(600, 500) - 0.0028195450) < 1e-9);
	a.n = b.n = 30;
	a.v = calloc(30, sizeof(*a.v));
	b.v = calloc(30, sizeof(*b.v));
	for (i = 0; i < 30; i++) {
		a.v[i].ref = b.v[i].ref = i;
		a.v[i].c.sub = i < 20 ? 0 : 1;
		b.v[i].c.sub = i < 15 ? 2 : 1;
	}
	REQUIRE(wer_compare(&a, &b, &c) == 0);
	CHECK(c.a_better == 20 && c.b_better == 0 && c.same == 10);
	CHECK(c.winner == 1 && c.p < 0.001);
	REQUIRE(wer_compare(&b, &a, &c) == 0);
	CHECK(c.winner == 2);
	for (i = 0; i < 30; i++)
		b.v[i].c.sub = i < 3 ? 2 : i >= 20 && i < 23 ? 0 :
		    a.v[i].c.sub;
	REQUIRE(wer_compare(&a, &b, &c) == 0);
	CHECK(c.winner == 0 && c.a_better == 3 && c.b_better == 3);
	b.n = 29;
	CHECK(wer_compare(&a, &b, &c) == -1);
	wer_result_release(&a);
	wer_result_release(&b);
}

/*
 * The categories wer_classify() gives the errors of ops, an alignment
 * written as letters (C, S, D, I) of the tokens of ref and hyp, in
 * order: one letter each, P, C, N (ITN), L, O, or '-' when correct.
 * The counts must add up to the errors.
 */
static const char *
classes(struct wer *w, const char *ref, const char *hyp, const char *ops)
{
	static char out[64];
	static const char kinds[] = "CSDI";
	struct wer_toks r = WER_TOKS_INIT, h = WER_TOKS_INIT;
	struct align_op op[32];
	unsigned char cat[32];
	size_t counts[WER_E_N] = { 0, 0, 0, 0, 0 }, n, i, ri = 0, hi = 0;
	size_t sum = 0, errs = 0;

	snprintf(out, sizeof(out), "(bad test)");
	if (wer_tokens(w, ref, strlen(ref), 1, &r) == -1 ||
	    wer_tokens(w, hyp, strlen(hyp), 0, &h) == -1)
		goto out;
	for (n = 0; ops[n] != '\0' && n < 32; n++) {
		op[n].kind = (enum align_kind)(strchr(kinds, ops[n]) - kinds);
		op[n].ref = ops[n] == 'I' ? ALIGN_NONE : ri++;
		op[n].hyp = ops[n] == 'D' ? ALIGN_NONE : hi++;
		errs += ops[n] != 'C';
	}
	if (ri != r.n || hi != h.n)
		goto out;
	wer_classify(w, op, n, &r, &h, cat, counts);
	for (i = 0; i < n; i++)
		out[i] = cat[i] < WER_E_N ? "PCNLO"[cat[i]] : '-';
	out[n] = '\0';
	for (i = 0; i < WER_E_N; i++)
		sum += counts[i];
	if (sum != errs)
		snprintf(out, sizeof(out), "(counts %zu, errors %zu)", sum,
		    errs);
out:
	wer_toks_release(&r);
	wer_toks_release(&h);
	return out;
}

/* Each rule of vox-wer(1)'s token error categories, in order. */
static void
ter_classes(void)
{
	struct wer *w = open_wer("en-US", WER_UNIT_WORD, 1, 0);
	struct diag d = DIAG_INIT;

	REQUIRE(w != NULL);
	REQUIRE(wer_ter(w, ALIGN_SCLITE, &d) == 0);
	/* Capitalization: equal once lowercased. */
	CHECK_STR(classes(w, "Hello world", "hello world", "SC"), "C-");
	/* Punctuation: equal once bare, case or not; marks alone. */
	CHECK_STR(classes(w, "Hello, world", "hello world", "SC"), "P-");
	CHECK_STR(classes(w, "day.", "day", "S"), "P");
	CHECK_STR(classes(w, "It\xe2\x80\x99s", "it's", "S"), "P");
	CHECK_STR(classes(w, "in 2024.", "in 2024", "CS"), "-P");
	CHECK_STR(classes(w, "Wait \xe2\x80\x94 what?", "Wait what ?",
	    "CDSI"), "-PPP");
	/* Joined without blanks: punctuation, or other if only blanks. */
	CHECK_STR(classes(w, "double-jointed.", "double jointed.", "IS"),
	    "PP");
	CHECK_STR(classes(w, "today.", "to day.", "IS"), "OO");
	/* ITN: the whole stretch, on both sides, digits agreeing. */
	CHECK_STR(classes(w, "cost $900.", "cost nine hundred dollars.",
	    "CIIS"), "-NNN");
	CHECK_STR(classes(w, "at 6:45", "at 6.45", "CS"), "-N");
	CHECK_STR(classes(w, "1,000 people", "1000 people", "SC"), "N-");
	CHECK_STR(classes(w, "AT&T", "AT and T", "IIS"), "NNN");
	CHECK_STR(classes(w, "grew 5%.", "grew five percent.", "CIS"),
	    "-NN");
	/* Case first, then the rest of the stretch as ITN. */
	CHECK_STR(classes(w, "Call 104", "call one hundred four", "SIIS"),
	    "CNNN");
	/* Digits that differ: a misheard number is lexical. */
	CHECK_STR(classes(w, "Call 104", "Call 105", "CS"), "-L");
	CHECK_STR(classes(w, "1-800-456", "1 800 457", "SII"), "LLL");
	/* One side only: no ITN. */
	CHECK_STR(classes(w, "Call 104 now", "Call now", "CDC"), "-L-");
	/* Lexical: letters or numbers; other: the rest. */
	CHECK_STR(classes(w, "to Bob.", "to Rob.", "CS"), "-L");
	CHECK_STR(classes(w, "a b", "a uh b", "CIC"), "-L-");
	CHECK_STR(classes(w, "\xe2\x99\xaa Happy", "Happy", "DC"), "O-");
	CHECK_STR(classes(w, "stop .", "stop period", "CS"), "-O");
	CHECK_STR(wer_edit_name(WER_E_PUNCT), "punctuation");
	CHECK_STR(wer_edit_name(WER_E_ITN), "itn");
	CHECK_STR(wer_edit_name(WER_E_OTHER), "other");
	CHECK_STR(wer_edit_name(WER_E_N), "");
	wer_close(w);
	/* Lowercasing is the locale's: Turkish dotted capital I. */
	w = open_wer("tr-TR", WER_UNIT_WORD, 1, 0);
	REQUIRE(w != NULL);
	REQUIRE(wer_ter(w, ALIGN_SCLITE, &d) == 0);
	CHECK_STR(classes(w, "\xc4\xb0stanbul", "istanbul", "S"), "C");
	wer_close(w);
	w = open_wer("en-US", WER_UNIT_WORD, 1, 0);
	REQUIRE(w != NULL);
	REQUIRE(wer_ter(w, ALIGN_SCLITE, &d) == 0);
	CHECK_STR(classes(w, "\xc4\xb0stanbul", "istanbul", "S"), "L");
	wer_close(w);
	diag_release(&d);
}

/*
 * Token errors scored: display text as written but for NFC and exotic
 * spaces (none with normalize off), numbers never spelled, a stretch
 * re-paired on bare tokens, the totals and their %TER line, the Edit
 * line of --align and the categories of JSON lines.
 */
static void
ter_scoring(void)
{
	struct wer *w = open_wer("en-US", WER_UNIT_WORD, 1, 1);
	struct align *al = align_new(ALIGN_SCLITE);
	struct hyp_set r = HYP_SET_INIT, h = HYP_SET_INIT;
	struct wer_result res = WER_RESULT_INIT;
	struct diag d = DIAG_INIT;
	struct buf out = BUF_INIT;

	REQUIRE(w != NULL);
	REQUIRE(wer_ter(w, ALIGN_SCLITE, &d) == 0);
	CHECK_STR(norm(w, "Cafe\xcc\x81  au\xc2\xa0lait, Room 104.", 1),
	    "Caf\xc3\xa9 au lait, Room 104.");
	read_set(&r, "a\tCall 104 now.\nb\tHello, world.\n", "ref", &d);
	read_set(&h, "a\tcall one hundred four now.\nb\tHello world\n",
	    "hyp", &d);
	REQUIRE(d.n == 0);
	CHECK(wer_score(w, al, &r, &h, WER_SHOW_ALIGN, &out, &res, &d) == 0);
	REQUIRE(res.n == 2);
	CHECK(res.sum.ter);
	/* Exact tokens would pair "Call" with "one": all four ITN. */
	CHECK(res.v[0].edit[WER_E_CAP] == 1 && res.v[0].edit[WER_E_ITN] == 3);
	CHECK(res.v[0].c.sub == 2 && res.v[0].c.ins == 2);
	CHECK(res.v[1].edit[WER_E_PUNCT] == 2);
	CHECK(strstr(out.s, "Edits: punctuation 0, capitalization 1, itn 3, "
	    "lexical 0, other 0\nREF:  Call *** ***     104  now.\n"
	    "HYP:  call one hundred four now.\nEval: S    I   I       S\n"
	    "Edit: C    N   N       N\n") != NULL);
	buf_reset(&out);
	wer_kaldi(&res.sum, WER_UNIT_WORD, &out);
	CHECK_STR(out.s, "%TER 120.00 [ 6 / 5, 2 ins, 0 del, 4 sub, "
	    "punctuation 2, capitalization 1, itn 3, lexical 0, other 0 ]\n"
	    "%SER 100.00 [ 2 / 2 ]\n"
	    "Scored 2 sentences, 0 not present in hyp, 0 not present in "
	    "ref.\n");
	CHECK(wer_check_max(&res.sum, 100.0, WER_UNIT_WORD, "hyp", &d) == 1);
	CHECK(d.n == 1 && strncmp(d.v[0].msg, "TER 120.00%", 11) == 0);
	buf_reset(&out);
	wer_score(w, al, &r, &h, WER_SHOW_JSONL, &out, &res, &d);
	CHECK(strstr(out.s, "\"edits\":{\"punctuation\":2,\"capitalization\":0,"
	    "\"itn\":0,\"lexical\":0,\"other\":0},\"align\":[[\"Hello,\","
	    "\"Hello\",\"punctuation\"],[\"world.\",\"world\","
	    "\"punctuation\"]]}\n") != NULL);
	wer_close(w);
	/* Normalize off: the bytes as written, so NFD is not NFC. */
	w = open_wer("en-US", WER_UNIT_WORD, 0, 0);
	REQUIRE(w != NULL);
	REQUIRE(wer_ter(w, ALIGN_UNIT, &d) == 0);
	CHECK_STR(norm(w, "Cafe\xcc\x81  au lait", 1),
	    "Cafe\xcc\x81 au lait");
	buf_release(&out);
	wer_result_release(&res);
	hyp_set_release(&r);
	hyp_set_release(&h);
	diag_release(&d);
	align_free(al);
	wer_close(w);
}

static char *
slurp(const char *dir, const char *name, size_t *n)
{
	char path[4096];
	FILE *f;
	char *b = NULL;
	long len;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if ((f = fopen(path, "rb")) == NULL)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (len = ftell(f)) >= 0 &&
	    fseek(f, 0, SEEK_SET) == 0) {
		b = malloc((size_t)len + 1);
		*n = fread(b, 1, (size_t)len, f);
	}
	fclose(f);
	return b;
}

/*
 * tests/check-sclite.sh: the totals of $VOX_SCLITE_DIR/ref.trn against
 * hyp.trn, under sclite's costs, equal those sclite wrote in sclite.sum
 * ("C S D I"); under unit costs the errors are the edit distance, never
 * more than sclite's.  No folder: nothing to compare.
 */
static void
sclite_totals(void)
{
	const char *dir = getenv("VOX_SCLITE_DIR");
	struct wer_opts o = { "en-US", WER_UNIT_WORD, 0, 0, 1 };
	struct hyp_set r = HYP_SET_INIT, h = HYP_SET_INIT;
	struct wer_result res = WER_RESULT_INIT, ures = WER_RESULT_INIT;
	struct diag d = DIAG_INIT;
	struct align *al, *ul;
	struct wer *w;
	size_t n, want[4];
	char *b;
	FILE *f;
	char path[4096];

	if (dir == NULL || *dir == '\0')
		return;
	snprintf(path, sizeof(path), "%s/sclite.sum", dir);
	REQUIRE((f = fopen(path, "r")) != NULL);
	REQUIRE(fscanf(f, "%zu %zu %zu %zu", &want[0], &want[1], &want[2],
	    &want[3]) == 4);
	fclose(f);
	REQUIRE((b = slurp(dir, "ref.trn", &n)) != NULL);
	hyp_read(&r, b, n, "ref.trn", HYP_TRN, HYP_LEXICAL, &d);
	free(b);
	REQUIRE((b = slurp(dir, "hyp.trn", &n)) != NULL);
	hyp_read(&h, b, n, "hyp.trn", HYP_TRN, HYP_LEXICAL, &d);
	free(b);
	hyp_index(&r, &d);
	hyp_index(&h, &d);
	CHECK(d.n == 0);
	REQUIRE((w = wer_open(&o, &d)) != NULL);
	al = align_new(ALIGN_SCLITE);
	ul = align_new(ALIGN_UNIT);
	wer_score(w, al, &r, &h, WER_SHOW_NONE, NULL, &res, &d);
	wer_score(w, ul, &r, &h, WER_SHOW_NONE, NULL, &ures, &d);
	printf("# %s: sclite C %zu S %zu D %zu I %zu; ours C %zu S %zu D %zu "
	    "I %zu; unit costs %zu errors\n", dir, want[0], want[1], want[2],
	    want[3], res.sum.corr, res.sum.sub, res.sum.del, res.sum.ins,
	    wer_errors(&ures.sum));
	CHECK(res.sum.corr == want[0] && res.sum.sub == want[1] &&
	    res.sum.del == want[2] && res.sum.ins == want[3]);
	CHECK(wer_errors(&ures.sum) <= wer_errors(&res.sum));
	wer_result_release(&res);
	wer_result_release(&ures);
	hyp_set_release(&r);
	hyp_set_release(&h);
	diag_release(&d);
	align_free(al);
	align_free(ul);
	wer_close(w);
}

int
main(void)
{
	RUN(normalization);
	RUN(spelled_numbers);
	RUN(units);
	RUN(alternates);
	RUN(scoring);
	RUN(kaldi_line);
	RUN(confusions);
	RUN(sign_test);
	RUN(ter_classes);
	RUN(ter_scoring);
	RUN(sclite_totals);
	return UNIT_EXIT();
}
