/* Unit tests for lib/related.c, the related-text pipeline. */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "profile.h"
#include "related.h"
#include "strset.h"
#include "unit.h"

static struct locale en = { "en-US", KIND_LANGUAGE, 1, 0, 1, 0, NULL,
    NULL, 0, 0 };
static struct locale ja = { "ja-JP", KIND_LANGUAGE, 0, 1, 0, 0, NULL,
    NULL, 90, 20000 };
static struct tiered limit = { 200000000, 200000000, 1500000000 };
static struct buf out;
static struct diag d;
static struct related_stats st;
static int dedupe;

static const char *
norm(const struct locale *l, int check, const char *s)
{
	struct related_opts o;

	memset(&o, 0, sizeof(o));
	o.loc = l;
	o.limit = &limit;
	o.repeat_max = 3;
	o.line_max = RELATED_LINE_MAX;
	o.jobs = 1;
	o.check = check;
	o.record = 1;
	o.dedupe = dedupe;
	buf_reset(&out);
	diag_clear(&d);
	memset(&st, 0, sizeof(st));
	if (related_check_mem(&o, NULL, s, strlen(s), "t.txt", &out, &st, &d) != 0)
		return "(failed)";
	/* Skip the BOM. */
	return out.len >= 3 ? out.s + 3 : "";
}

static void
test_split(void)
{
	CHECK_STR(norm(&en, 0, "\xef\xbb\xbfOne. Two! Dr. Who is here.\n"),
	    "One.\nTwo!\nDr. Who is here.\n");
	CHECK(st.lines_in == 1 && st.lines_out == 3);
	CHECK(diag_has(&d, "TEXT-LINE"));
	CHECK(!diag_has(&d, "TEXT-ENC"));
}

static void
test_drops(void)
{
	CHECK_STR(norm(&en, 0, "\xef\xbb\xbfSee https://x.com/a?b=1 now. "
	    "Fine.\nno no no no\n\n"), "Fine.\n");
	CHECK(st.count[RC_D_URI] == 1);
	CHECK(st.count[RC_D_REPEAT] == 1);
	CHECK(st.count[RC_D_EMPTY] == 1);
	CHECK(diag_has(&d, "TEXT-URI") && diag_has(&d, "TEXT-REPEAT"));
}

static void
test_punct(void)
{
	CHECK_STR(norm(&en, 0, "\xef\xbb\xbf\xe2\x80\x9cHi\xe2\x80\x9d "
	    "it\xe2\x80\x99s caf\xc3\xa9\xe2\x80\x94ok.\n"),
	    "\"Hi\" it's cafe--ok.\n");
	CHECK(st.count[RC_PUNCT] == 1 && st.count[RC_ASCII] == 1);
}

static void
test_cjk(void)
{
	/* Full-width digits fold, full-width punctuation stays. */
	CHECK_STR(norm(&ja, 0, "\xef\xbb\xbf\xef\xbc\x91\xe3\x81\xa4"
	    "\xe3\x80\x82\xe3\x81\xaf\xe3\x81\x84\xef\xbc\x9f\n"),
	    "1\xe3\x81\xa4\xe3\x80\x82\n\xe3\x81\xaf\xe3\x81\x84"
	    "\xef\xbc\x9f\n");
}

static void
test_check(void)
{
	/* The vendor's accepted related text may lack a BOM: a warning. */
	norm(&en, 1, "No BOM here.\n");
	CHECK(diag_has(&d, "TEXT-ENC-BOM") && !diag_has(&d, "TEXT-ENC"));
	CHECK(diag_worst(&d) == SEV_WARNING);
	/* A bare domain is a warning and the sentence stays; a URL goes. */
	norm(&en, 0, "\xef\xbb\xbfNavigate to Seahorse-stables.com.\n");
	CHECK(diag_worst(&d) < SEV_ERROR && st.lines_out == 1);
	/* No data: an error, whether empty or with only a BOM. */
	norm(&en, 1, "");
	CHECK(diag_has(&d, "TEXT-NODATA") && diag_worst(&d) == SEV_ERROR);
	norm(&en, 1, "\xef\xbb\xbf");
	CHECK(diag_has(&d, "TEXT-NODATA"));
	norm(&en, 1, "\xef\xbb\xbf" "Bad \xff byte.\n");
	CHECK(diag_has(&d, "TEXT-ENC") && st.count[RC_D_ENC] == 1);
	CHECK(d.n > 0 && d.v[0].line == 1 && d.v[0].col == 5);
}

static void
test_idempotent(void)
{
	static const char *const in[] = {
		"\xef\xbb\xbf\xef\xac\x81ne \xe2\x80\xa6 then.  A\tb. "
		"\xe2\x80\x9cQ\xe2\x80\x9d!\n",
		"x y. Mr. Smith went to Washington. It rained.\r\n",
	};
	char *first;
	size_t i;

	for (i = 0; i < sizeof(in) / sizeof(in[0]); i++) {
		norm(&en, 0, in[i]);
		first = strdup(out.s);
		norm(&en, 0, first);
		CHECK_STR(out.s, first);
		norm(&en, 1, first);
		CHECK(d.n == 0);
		free(first);
	}
}

/* Every line hashes alike: only the whole line can tell them apart. */
static uint64_t
same_hash(const void *p, size_t len)
{
	(void)p;
	(void)len;
	return 7;
}

static const struct finding *
find(const char *id)
{
	size_t i;

	for (i = 0; i < d.n; i++)
		if (d.v[i].rule != NULL && strcmp(d.v[i].rule->id, id) == 0)
			return &d.v[i];
	return NULL;
}

/*
 * Columns of findings in later sentences count on from the earlier
 * ones (code points, not bytes); ASCII lines skip the steps that would
 * not change them, and a long ASCII line is still split.
 */
static void
test_columns(void)
{
	const struct finding *f;
	size_t i;

	norm(&en, 1, "\xef\xbb\xbf\xc3\x89t\xc3\xa9 ok. Caf\xc3\xa9 "
	    "now. So  so so so so.\n");
	CHECK((f = find("TEXT-REPEAT")) != NULL && f->col == 19);
	/* The second line counts from its own start. */
	norm(&en, 1, "\xef\xbb\xbfLong first line. Hi there. Ok.\n"
	    "\xc3\x89t\xc3\xa9 ok. Fine  now.\n");
	for (i = 0, f = NULL; i < d.n; i++)
		if (d.v[i].line == 2 && strcmp(d.v[i].rule->id,
		    "TEXT-NORM") == 0)
			f = &d.v[i];
	CHECK(f != NULL && f->col == 14);
	CHECK_STR(norm(&en, 0, "\xef\xbb\xbfThe first sentence is long. The "
	    "second one too.\n"), "The first sentence is long.\nThe "
	    "second one too.\n");
	CHECK(st.count[RC_PUNCT] == 0 && st.count[RC_NFC] == 0);
}

static void
test_dedupe(void)
{
	struct buf b = BUF_INIT;
	const struct finding *f;
	int i;

	dedupe = 1;
	/* Once with the real hash, once with every line colliding. */
	for (i = 0; i < 2; i++) {
		strset_hash_hook = i ? same_hash : NULL;
		CHECK_STR(norm(&en, 0, "\xef\xbb\xbfOne.\nTwo.\nOne.\n"
		    "Three.\nTwo\n"), "One.\nTwo.\nThree.\nTwo\n");
		CHECK(st.count[RC_D_DUP] == 1 && st.lines_out == 4);
		CHECK((f = find("TEXT-DUP")) != NULL && f->line == 3 &&
		    strstr(f->msg, "first on line 1") != NULL);
	}
	strset_hash_hook = NULL;
	/* The summary counts in the right number. */
	norm(&en, 0, "\xef\xbb\xbfOne.\nOne.\nOne.\n");
	related_summary(&st, &b);
	CHECK_STR(b.s, "3 lines in, 1 out; dropped: 2 duplicates");
	buf_reset(&b);
	norm(&en, 0, "\xef\xbb\xbfOne.\nOne.\n");
	related_summary(&st, &b);
	CHECK_STR(b.s, "2 lines in, 1 out; dropped: 1 duplicate");
	buf_release(&b);
	dedupe = 0;
}

static void
test_summary(void)
{
	struct buf b = BUF_INIT;

	norm(&en, 0, "\xef\xbb\xbfOne. Two.\nhttp://a.com\n");
	related_summary(&st, &b);
	CHECK_STR(b.s, "2 lines in, 2 out; changed: 1 line split into "
	    "sentences; dropped: 1 URI");
	buf_reset(&b);
	/* One line, and a drop that names its cause, not "1 characters". */
	norm(&en, 0, "\xef\xbb\xbf\xe4\xb8\x80 is one.\n");
	related_summary(&st, &b);
	CHECK_STR(b.s, "1 line in, 0 out; dropped: 1 with characters above "
	    "U+00A1");
	buf_release(&b);
}

int
main(void)
{
	RUN(test_split);
	RUN(test_drops);
	RUN(test_punct);
	RUN(test_cjk);
	RUN(test_check);
	RUN(test_columns);
	RUN(test_idempotent);
	RUN(test_dedupe);
	RUN(test_summary);
	buf_release(&out);
	diag_release(&d);
	return UNIT_EXIT();
}
