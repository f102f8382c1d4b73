/* Unit tests for lib/md.c: structured text, its checks, fix and expand. */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "io.h"
#include "md.h"
#include "profile.h"
#include "unit.h"

static struct profile *prof;
static const struct locale *en, *de;
static struct diag d;

/* Parse s (the model borrows it: s must outlive it). */
static struct md *
parse(const char *s, const struct locale *loc, int text)
{
	struct md_opts o = { NULL, NULL, 0, 2 };

	o.prof = prof;
	o.loc = loc;
	o.text = text;
	diag_clear(&d);
	return md_parse(s, strlen(s), "t.md", &o, &d);
}

/* The rule of finding i, or "" past the end. */
static const char *
rule_at(size_t i)
{
	return i < d.n && d.v[i].rule != NULL ? d.v[i].rule->id : "";
}

static size_t
count_rule(const char *id)
{
	size_t i, n = 0;

	for (i = 0; i < d.n; i++)
		n += d.v[i].rule != NULL && strcmp(d.v[i].rule->id, id) == 0;
	return n;
}

static void
test_vendor(void)
{
	struct buf in = BUF_INIT;
	char *path;
	struct md *m;

	path = malloc(strlen(unit_vendor()) + 64);
	REQUIRE(path != NULL);
	strcpy(path, unit_vendor());
	strcat(path, "/en-US/training/structured-text.md");
	REQUIRE(io_read_file(path, &in, MD_READ_MAX, &d) == 0);
	diag_clear(&d);
	m = md_parse(in.s, in.len, "s.md", &(struct md_opts){ prof, en, 1, 1 },
	    &d);
	CHECK(d.n == 0);
	CHECK(m->nlists == 2 && m->nitems == 7 && m->nlex == 1);
	CHECK(m->nsections == 1 && m->nsents == 3 && m->nrefs == 2);
	CHECK(m->refs[0].list == 0 && m->refs[1].list == 1);
	CHECK(m->lists[0].refs == 1 && m->lists[1].refs == 1);
	CHECK(md_detect(in.s, in.len) == KIND_LANGUAGEMARKDOWN);
	md_free(m);
	buf_release(&in);
	free(path);
}

static void
test_positions(void)
{
	const char *s = "\xef\xbb\xbf// c\n@ list pet =\n- cat\n"
	    "@ speech:phoneticlexicon\n- cat/k ae t\n#S\n"
	    "- my \xc3\xa9 {@pet} now\n";
	struct md *m = parse(s, en, 0);

	CHECK(m->bom && m->lines == 7 && d.n == 0);
	REQUIRE(m->nlists == 1 && m->nitems == 1 && m->nsents == 1);
	CHECK(m->lists[0].name.line == 2 && m->lists[0].name.col == 8);
	CHECK(m->items[0].text.line == 3 && m->items[0].text.col == 3);
	CHECK(m->ncomments == 1 && m->comments[0].line == 1 &&
	    m->comments[0].col == 1);
	REQUIRE(m->nlex == 1);
	CHECK(m->lex[0].word.col == 3 && m->lex[0].word.len == 3);
	CHECK(m->lex[0].phones.col == 7 && m->lex[0].phones.len == 6);
	CHECK(m->sections[0].name.col == 2 && m->sections[0].n == 1);
	REQUIRE(m->nrefs == 1);
	/* Columns count code points: the 'é' before it is one. */
	CHECK(m->refs[0].span.line == 7 && m->refs[0].span.col == 8);
	CHECK(m->refs[0].name.len == 3 && m->refs[0].list == 0);
	md_free(m);
}

static void
test_detect(void)
{
	static const struct {
		const char	*s;
		unsigned int	 kind;
	} c[] = {
		{ "@ list a =\n- x\n", KIND_LANGUAGEMARKDOWN },
		{ "@speech:phoneticlexicon\n", KIND_LANGUAGEMARKDOWN },
		{ "#Orders\n- hello\n", KIND_LANGUAGEMARKDOWN },
		/* lint_text_kind() would take these for display format. */
		{ "#TestSentences\n- a\n", KIND_LANGUAGEMARKDOWN },
		{ "#test\n- one\n- two\n", KIND_LANGUAGEMARKDOWN },
		{ "#test\nopen t k t\tOpen TKT\n", KIND_OUTPUTFORMATTING },
		{ "\xef\xbb\xbf# itn\nJO:500\n", KIND_OUTPUTFORMATTING },
		{ "#ITN\n\\d\\d\n#rewrite\na\tb\n", KIND_OUTPUTFORMATTING },
		{ "# README\nsome words\n", 0 },
		{ "", 0 }
	};
	size_t i;

	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++)
		if (md_detect(c[i].s, strlen(c[i].s)) != c[i].kind) {
			printf("# detect case %zu\n", i);
			CHECK(0);
		}
}

static void
test_rules(void)
{
	struct md *m;

	m = parse("@ list a =\n- x\n- y\n- x\n@ list a =\n@ list b =\n"
	    "- z\n#S\n- {@a} {@c} {a}\n", en, 0);
	CHECK(count_rule("MD-ITEM-DUP") == 1);
	CHECK(m->items[2].dup == 0 && m->items[0].dup == MD_NONE);
	CHECK(count_rule("MD-LIST-DUP") == 1 && m->lists[1].same == 0);
	CHECK(count_rule("MD-LIST-EMPTY") == 1);
	CHECK(count_rule("MD-LIST-UNUSED") == 1);
	CHECK(count_rule("MD-REF") == 2 && m->refs[1].list == MD_NONE);
	/* Sorted by line: the duplicate item (4) before the rest. */
	CHECK(strcmp(rule_at(0), "MD-ITEM-DUP") == 0 && d.v[0].line == 4);
	md_free(m);
	m = parse("- early\n#Bad Name\n- x\n#Ok\ntext\n", en, 0);
	CHECK(strcmp(rule_at(0), "MD-ORPHAN") == 0);
	CHECK(count_rule("MD-SECTION") == 1 && count_rule("MD-SENT") == 1);
	md_free(m);
	/* A blank after a letter outside ASCII is still an error. */
	m = parse("#S\xc3\xa4tze Zwei\n- x\n#S\xc3\xa4tze\n- y\n", de, 0);
	CHECK(count_rule("MD-SECTION") == 2 && d.v[0].sev == SEV_ERROR &&
	    d.v[0].col == 7 && d.v[1].sev == SEV_WARNING && d.v[1].col == 3);
	md_free(m);
	m = parse("#S\n- {@nothing\n", en, 0);
	CHECK(count_rule("MD-REF") == 1 && m->nrefs == 0);
	md_free(m);
	m = parse("", en, 0);
	CHECK(count_rule("MD-SENT") == 1 && d.v[0].line == 0);
	md_free(m);
	/* A CR left by CR CR LF ends the line unseen, as --fix drops it. */
	m = parse("@ list a =\n- x\r\r\n- x \n#S\n- {@a}\n", en, 0);
	CHECK(count_rule("MD-ITEM-DUP") == 1 && d.n == 1);
	md_free(m);
	m = parse("\xff\xfe#\0S\0", en, 0);
	CHECK(count_rule("MD-ENC") == 1 && d.n == 1 && m->nsections == 0);
	md_free(m);
}

static void
test_phones(void)
{
	const struct phoneset *ps = profile_phones(prof, en);
	struct md *m;
	size_t i, seq = 0;

	REQUIRE(ps != NULL);
	CHECK(profile_phones(prof, de) == NULL);
	for (i = 0; i < ps->n; i++)
		seq += strcmp(ps->labels[i], "ER R") == 0;
	CHECK(seq == 1);
	m = parse("@ speech:phoneticlexicon\n- bird/b er r d\n- hurt/h ER R t\n"
	    "- cat/k ae t\n- cat/K AE T\n#S\n- a cat\n", en, 0);
	CHECK(d.n == 0);
	md_free(m);
	m = parse("@ speech:phoneticlexicon\n- bird/b er d\n- x/dx\n"
	    "- y/\xc3\xa6\n#S\n- a cat\n", en, 0);
	CHECK(count_rule("MD-PHONES") == 3);
	CHECK(d.n > 0 && strstr(d.v[0].msg, "'ER R'") != NULL &&
	    d.v[0].col == 10);
	md_free(m);
	/* No phone set for de-DE: only ASCII is checked. */
	m = parse("@ speech:phoneticlexicon\n- x/dx qq\n- y/\xc3\xa6\n"
	    "#S\n- a\n", de, 0);
	CHECK(count_rule("MD-PHONES") == 1);
	md_free(m);
	m = parse("@ speech:phoneticlexicon\n- c/k\n- c/g\n- C/t\n- n\n#S\n"
	    "- a\n", en, 0);
	CHECK(count_rule("MD-LEX") == 2);
	md_free(m);
}

/* Small limits in a copy of the profile: every count rule fires. */
static void
test_limits(void)
{
	struct profile small = *prof;
	struct profile *keep = prof;
	struct md *m;

	small.md_lists.warn = 1;
	small.md_lists.max = 2;
	small.md_items.warn = 1;
	small.md_items.max = 2;
	small.md_lexicon = 1;
	small.md_sentences = 1;
	prof = &small;
	m = parse("@ list a =\n- 1\n- 2\n- 3\n@ list b =\n- 1\n- 2\n"
	    "@ list c =\n- 1\n@ speech:phoneticlexicon\n- a/ae\n- b/b iy\n"
	    "#S\n- {@a} {@b} {@c}\n- two\n", en, 0);
	prof = keep;
	CHECK(count_rule("MD-LIST-COUNT") == 2);
	CHECK(count_rule("MD-LIST-ITEMS") == 2);
	CHECK(count_rule("MD-LEX") == 1);
	CHECK(count_rule("MD-SENT") == 1);
	CHECK(diag_worst(&d) == SEV_ERROR);
	md_free(m);
}

static void
test_text(void)
{
	struct md *m;

	m = parse("@ list site =\n- see http://example.com\n#S\n"
	    "- yes yes yes yes {@site}\n- caf\xc3\xa9 \xe2\x98\x83\n", en, 1);
	CHECK(count_rule("TEXT-URI") == 1 && count_rule("TEXT-REPEAT") == 1);
	CHECK(count_rule("TEXT-CHARSET") >= 1);
	/* Columns are the file's: the URI starts at column 7 of line 2. */
	CHECK(strcmp(rule_at(0), "TEXT-URI") == 0 && d.v[0].line == 2 &&
	    d.v[0].col == 7);
	md_free(m);
	/* German text is not held to U+00A1. */
	m = parse("#S\n- f\xc3\xbcr \xe2\x82\xac\n", de, 1);
	CHECK(d.n == 0);
	md_free(m);
}

static const char *
fix(const char *s, struct md_fix_stats *st)
{
	static struct buf out;
	struct md *m = parse(s, en, 0);

	buf_reset(&out);
	memset(st, 0, sizeof(*st));
	md_fix(m, &out, st);
	md_free(m);
	return out.s + 3;
}

static void
test_fix(void)
{
	struct md_fix_stats st;
	const char *in = "@list  pet=\r\n-cat \r\n  - dog\n-\tcat\n"
	    "* fish\n#\tS\n- {@pet}  \n-- c\n#Ok\n- x";
	const char *want = "@ list pet =\n- cat\n- dog\n- fish\n# S\n"
	    "- {@pet}\n-- c\n#Ok\n- x\n";
	char *once;

	CHECK_STR(fix(in, &st), want);
	CHECK(st.count[MF_BOM] == 1 && st.count[MF_EOL] == 3);
	CHECK(st.count[MF_DUP] == 1 && st.count[MF_INDENT] == 1);
	CHECK(st.count[MF_HEADER] == 2 && st.count[MF_DASH] == 2);
	CHECK(st.count[MF_TRAIL] == 2);
	/* Fixing the output again changes nothing. */
	once = malloc(strlen(want) + 4);
	REQUIRE(once != NULL);
	strcpy(once, "\xef\xbb\xbf");
	strcat(once, want);
	CHECK_STR(fix(once, &st), want);
	CHECK(memcmp(&st, &(struct md_fix_stats){ { 0 } }, sizeof(st)) == 0);
	free(once);
	/* Binary (a NUL early on) or UTF-16: not touched, not even a BOM. */
	{
		static const char bin[] = "@ list a =\n- x\n- x\n\0";
		struct md *m;
		struct buf out = BUF_INIT;

		m = md_parse(bin, sizeof(bin), "b.md", &(struct md_opts){
		    prof, en, 0, 1 }, &d);
		memset(&st, 0, sizeof(st));
		md_fix(m, &out, &st);
		CHECK(m->binary && out.len == sizeof(bin) &&
		    memcmp(out.s, bin, sizeof(bin)) == 0);
		md_free(m);
		buf_release(&out);
	}
}

static void
test_fix_display(void)
{
	struct md_fix_stats st;
	struct buf out = BUF_INIT;
	const char *in = "  #itn\r\nJO:500 \n#  Rewrite\na\tb\t\n#itn\n";

	memset(&st, 0, sizeof(st));
	md_fix_display(in, strlen(in), &out, &st);
	CHECK_STR(out.s, "\xef\xbb\xbf# itn\nJO:500\n# Rewrite\na\tb\t\n"
	    "#itn\n");
	CHECK(st.count[MF_HEADER] == 2 && st.count[MF_TRAIL] == 1);
	buf_release(&out);
}

/* Whether the lines of s hold the line at l (up to its newline). */
static int
has_line(const char *s, const char *l)
{
	size_t n = strcspn(l, "\n");

	for (; *s != '\0'; s += strcspn(s, "\n") + 1)
		if (strcspn(s, "\n") == n && strncmp(s, l, n) == 0)
			return 1;
	return 0;
}

static void
test_expand(void)
{
	const char *s = "@ list a =\n- 1\n- 2\n- 2\n@ list b =\n- x\n- y\n"
	    "- z\n# S\n- {@a}{@b}\n- plain\n- {@none}\n";
	struct buf all = BUF_INIT, one = BUF_INIT, two = BUF_INIT;
	struct md *m = parse(s, en, 0);
	uint64_t total;
	const char *p;
	size_t lines = 0;

	CHECK(md_expand(m, 100, &all, &total) == 7 && total == 7);
	CHECK_STR(all.s, "1x\n1y\n1z\n2x\n2y\n2z\nplain\n");
	CHECK(md_expand(m, 4, &one, &total) == 4 && total == 7);
	CHECK(md_expand(m, 4, &two, &total) == 4);
	CHECK_STR(one.s, two.s);
	/* Each sampled line is one of the whole set, and none repeats. */
	for (p = one.s; p != NULL && *p != '\0'; p = strchr(p, '\n') + 1) {
		lines++;
		CHECK(has_line(all.s, p) && !has_line(strchr(p, '\n') + 1, p));
	}
	CHECK(lines == 4);
	md_free(m);
	buf_release(&all);
	buf_release(&one);
	buf_release(&two);
}

static void
test_check_file(void)
{
	const struct locale *ar = profile_locale(prof, "ar-AE");

	diag_clear(&d);
	md_check_file(KIND_LANGUAGEMARKDOWN, "a.txt", "x", 1, 0, prof, en, &d);
	CHECK(count_rule("MD-EXT") == 1 && count_rule("MD-ENC") == 1);
	diag_clear(&d);
	md_check_file(KIND_LANGUAGEMARKDOWN, "<stdin>", "\xef\xbb\xbfx", 4, 1,
	    prof, ar, &d);
	CHECK(count_rule("MD-SIZE") == 1 && count_rule("PKG-LOCALE") == 1);
	CHECK(d.n == 2);
	diag_clear(&d);
	md_check_file(KIND_OUTPUTFORMATTING, "f.txt", "x", 1, 0, prof, en, &d);
	CHECK(count_rule("DISP-EXT") == 1 && count_rule("DISP-ENC") == 1);
}

int
main(void)
{
	struct diag pd = DIAG_INIT;

	if ((prof = profile_load(NULL, &pd)) == NULL) {
		printf("FAIL profile: set VOXPREP_DATADIR\n");
		return 1;
	}
	en = profile_locale(prof, "en-US");
	de = profile_locale(prof, "de-DE");
	RUN(test_vendor);
	RUN(test_positions);
	RUN(test_detect);
	RUN(test_rules);
	RUN(test_phones);
	RUN(test_limits);
	RUN(test_text);
	RUN(test_fix);
	RUN(test_fix_display);
	RUN(test_expand);
	RUN(test_check_file);
	diag_release(&d);
	diag_release(&pd);
	profile_free(prof);
	return UNIT_EXIT();
}
