/* Unit tests for lib/pron.c: pronunciation files and PLS import. */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "profile.h"
#include "pron.h"
#include "strset.h"
#include "unit.h"

static struct locale en = { "en-US", KIND_PRONUNCIATION, 1, 0, 1, 0, NULL,
    "abcdefghijklmnopqrstuvwxyz", 0, 0 };
static struct locale de = { "de-DE", KIND_PRONUNCIATION, 0, 1, 0, 0, NULL,
    "abcdefghijklmnopqrstuvwxyz\xc3\xa4\xc3\xb6\xc3\xbc", 0, 0 };
static struct tiered limit = { 1000000, 1000, 1000000 };
static struct buf out;
static struct diag d;
static struct pron_stats st;

static const char *
norm(const struct locale *l, int check, const char *s)
{
	struct pron_opts o = { NULL, &limit, TIER_DEFAULT, 0 };

	o.loc = l;
	o.check = check;
	buf_reset(&out);
	diag_clear(&d);
	memset(&st, 0, sizeof(st));
	if (pron_check(&o, NULL, s, strlen(s), "p.txt", NULL, &out, &st, &d) != 0)
		return "(failed)";
	return out.len >= 3 ? out.s + 3 : "";
}

static void
test_format(void)
{
	CHECK_STR(norm(&en, 0, "\xef\xbb\xbf" "3CPO\tthree c p o\nIEEE\t"
	    "i triple e\n"), "3CPO\tthree c p o\nIEEE\ti triple e\n");
	CHECK(d.n == 0);
	CHECK_STR(norm(&en, 0, "\xef\xbb\xbf" "foo bar baz\n"), "");
	CHECK(diag_has(&d, "PRON-FORMAT") && diag_worst(&d) == SEV_ERROR);
	CHECK_STR(norm(&en, 0, "\xef\xbb\xbf" "a\tb\tc\nx\t\n"), "");
	CHECK(st.count[PC_D_FORMAT] == 2);
}

static void
test_spoken(void)
{
	CHECK_STR(norm(&en, 0, "\xef\xbb\xbfK8s\tK 8  S-x\n"),
	    "K8s\tk eight s x\n");
	CHECK_STR(norm(&de, 0, "\xef\xbb\xbf\xc3\x96l\t\xc3\x96L\n"),
	    "\xc3\x96l\t\xc3\xb6l\n");
	norm(&de, 1, "\xef\xbb\xbfX\tx\xc3\xa9\n");
	CHECK(diag_has(&d, "PRON-SPOKEN-CHARS"));
}

static void
test_dup_common(void)
{
	norm(&en, 1, "\xef\xbb\xbfSQL\tsequel\nSQL\ts q l\nthe\tthee\n");
	CHECK(diag_has(&d, "PRON-DUP") && diag_has(&d, "PRON-COMMON"));
	CHECK(pron_common("The", 3) && !pron_common("Contoso", 7));
}

/* Every display form hashes alike: only the whole form tells them apart. */
static uint64_t
same_hash(const void *p, size_t len)
{
	(void)p;
	(void)len;
	return 7;
}

static int
has_msg(const char *id, unsigned long line, const char *msg)
{
	size_t i;

	for (i = 0; i < d.n; i++)
		if (d.v[i].rule != NULL && strcmp(d.v[i].rule->id, id) == 0 &&
		    d.v[i].line == line && strstr(d.v[i].msg, msg) != NULL)
			return 1;
	return 0;
}

static void
test_dup_collide(void)
{
	struct buf b = BUF_INIT;
	int i;

	for (i = 0; i < 2; i++) {
		strset_hash_hook = i ? same_hash : NULL;
		CHECK_STR(norm(&en, 0, "\xef\xbb\xbfSQL\tsequel\nIEEE\t"
		    "i triple e\nSQL\tsequel\nSQL\ts q l\nIEEE\ti triple e\n"),
		    "SQL\tsequel\nIEEE\ti triple e\nSQL\ts q l\n");
		CHECK(st.count[PC_D_DUP] == 2);
		CHECK(has_msg("PRON-DUP", 3, "already on line 1; the"));
		CHECK(has_msg("PRON-DUP", 4, "on line 1 with another"));
		CHECK(has_msg("PRON-DUP", 5, "already on line 2; the"));
	}
	strset_hash_hook = NULL;
	pron_summary(&st, &b);
	CHECK_STR(b.s, "5 lines in, 3 out; dropped: 2 duplicates");
	buf_release(&b);
}

static void
test_enc(void)
{
	norm(&de, 1, "x\tx\n");
	CHECK(diag_has(&d, "PRON-ENC") && diag_worst(&d) == SEV_ERROR);
	CHECK_STR(norm(&en, 0, "Caf\xe9\tcafe\n"), "Caf\xc3\xa9\tcafe\n");
	CHECK(st.count[PC_ANSI] == 1);
}

static void
test_pls(void)
{
	static const char pls[] = "<?xml version=\"1.0\"?>\n"
	    "<lexicon xmlns=\"http://www.w3.org/2005/01/pronunciation-lexicon\""
	    " version=\"1.0\">\n"
	    "<lexeme><grapheme>A</grapheme><grapheme>B</grapheme>"
	    "<alias>ay</alias></lexeme>\n"
	    "<lexeme><grapheme>C</grapheme><phoneme>si</phoneme></lexeme>\n"
	    "</lexicon>\n";
	struct buf b = BUF_INIT;
	unsigned long *lines = NULL;

	CHECK(pron_from_pls(pls, strlen(pls), "x.pls", &b, &lines, &d) == 0);
	CHECK_STR(b.s, "A\tay\nB\tay\n");
	CHECK(lines != NULL && lines[0] == 3 && lines[1] == 3);
	CHECK(diag_has(&d, "PRON-PLS"));
	free(lines);
	buf_reset(&b);
	diag_clear(&d);
	CHECK(pron_from_pls("<lexicon><lexeme>", 17, "y.pls", &b, &lines,
	    &d) == -1);
	CHECK(diag_has(&d, "PRON-PLS") && d.v[0].line > 0);
	free(lines);
	buf_release(&b);
}

int
main(void)
{
	RUN(test_format);
	RUN(test_spoken);
	RUN(test_dup_common);
	RUN(test_dup_collide);
	RUN(test_enc);
	RUN(test_pls);
	buf_release(&out);
	diag_release(&d);
	return UNIT_EXIT();
}
