/*
 * Unit tests for lib/fixmap.c: a finding about a repaired markdown file
 * moved to the user's line and column is the finding the user's own
 * file gets, checked against md_parse, md_fix and md_fix_display.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "disp.h"
#include "fixmap.h"
#include "md.h"
#include "profile.h"
#include "unit.h"

static struct profile *prof;
static const struct locale *en;

/* Whether d holds f: same rule, line, column and message. */
static int
holds(const struct diag *d, const struct finding *f)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		if (d->v[i].rule == f->rule && d->v[i].line == f->line &&
		    d->v[i].col == f->col && strcmp(d->v[i].msg, f->msg) == 0)
			return 1;
	return 0;
}

/*
 * Repair raw as vox-md --fix does and check the repair: each of its
 * findings, mapped, is a finding of raw itself.  Returns how many were
 * mapped; *moved counts those whose line or column changed.
 */
static size_t
check_md(const char *raw, size_t *moved)
{
	struct md_opts layout = { NULL, NULL, 0, 1 }, full = { NULL, NULL, 1,
	    1 };
	struct md_fix_stats st;
	struct diag dr = DIAG_INIT, df = DIAG_INIT, scratch = DIAG_INIT;
	struct buf fix = BUF_INIT;
	struct fixmap fm = FIXMAP_INIT;
	struct md *m;
	struct finding *f;
	unsigned long line, col;
	size_t i, n = 0;
	char *msg;

	full.prof = prof;
	full.loc = en;
	memset(&st, 0, sizeof(st));
	*moved = 0;
	m = md_parse(raw, strlen(raw), "t.md", &layout, &scratch);
	md_fix(m, &fix, &st);
	fixmap_md(&fm, m, fix.s, fix.len);
	md_free(m);
	md_free(md_parse(raw, strlen(raw), "t.md", &full, &dr));
	md_free(md_parse(fix.s, fix.len, "t.md", &full, &df));
	for (i = 0; i < df.n; i++) {
		f = &df.v[i];
		line = f->line;
		col = f->col;
		fixmap_apply(&fm, &f->line, &f->col);
		msg = fixmap_msg(&fm, f->msg);
		free(f->msg);
		f->msg = msg;
		*moved += f->line != line || f->col != col;
		if (!holds(&dr, f))
			printf("# %lu:%lu [%s] %s: not a finding of the "
			    "user's file\n", f->line, f->col, f->rule != NULL ?
			    f->rule->id : "", f->msg);
		CHECK(holds(&dr, f));
		n++;
	}
	fixmap_release(&fm);
	buf_release(&fix);
	diag_release(&dr);
	diag_release(&df);
	diag_release(&scratch);
	return n;
}

/* A dropped repeat, CRLF, indents, "-item": lines and columns move. */
static void
test_md_findings(void)
{
	size_t moved;

	CHECK(check_md("// shop\r\n@list  product=\r\n-milk\r\n- bread  \r\n"
	    "  - milk\r\n- tea\r\n#Orders\r\n  -add {@colour} to basket   \r\n"
	    "- track {@product} now\r\n- \xc3\xa9t\xc3\xa9 {@size}\r\n",
	    &moved) >= 2);
	CHECK(moved >= 2);
	/*
	 * "(first at line 4)" names a line after the dropped one, in a
	 * finding on a header that the repair respaced.
	 */
	CHECK(check_md("@ list b =\n- x\n- x\n@ list a =\n- y\n@list  a=\n"
	    "- z\n# S\n- {@a} {@b}\n", &moved) >= 1);
	CHECK(moved >= 1);
}

static void
test_lines(void)
{
	struct fixmap fm = FIXMAP_INIT;
	static const unsigned long drop[] = { 3, 5 };
	const char *raw = "a\nb\nb\nc\nc\nd",
	    *fix = "\xef\xbb\xbf" "a\nb\nc\nd\n";
	unsigned long line, col;

	fixmap_build(&fm, raw, strlen(raw), fix, strlen(fix), drop, 2);
	CHECK(fm.n == 5);
	CHECK(fm.line[1] == 1 && fm.line[2] == 2 && fm.line[3] == 4 &&
	    fm.line[4] == 6);
	CHECK(fm.ncol == 0);
	line = 3;
	col = 1;
	fixmap_apply(&fm, &line, &col);
	CHECK(line == 4 && col == 1);
	/* Past the end of the repair, as far past the user's. */
	line = 6;
	fixmap_apply(&fm, &line, &col);
	CHECK(line == 8);
	line = 0;
	col = 3;
	fixmap_apply(&fm, &line, &col);
	CHECK(line == 0 && col == 3);
	fixmap_release(&fm);
}

static unsigned long
col_of(const struct fixmap *fm, unsigned long line, unsigned long col)
{
	fixmap_apply(fm, &line, &col);
	return col;
}

static void
test_cols(void)
{
	struct fixmap fm = FIXMAP_INIT;
	const char *raw = "  -a\xc3\xb1" "b  \r\n#itn\nx\xc3\xa9y\n\t\t\n"
	    "@list \xc3\xa9t\xc3\xa9=\n*\ttea\n",
	    *fix = "- a\xc3\xb1" "b\n# itn\nx\xc3\xa8y\n\t\t\n"
	    "@ list \xc3\xa9t\xc3\xa9 =\n- tea\n";

	fixmap_build(&fm, raw, strlen(raw), fix, strlen(fix), NULL, 0);
	CHECK(fm.ncol == 5);
	/* The " " after "-" is new; the rest is the user's, moved. */
	CHECK(col_of(&fm, 1, 1) == 3);
	CHECK(col_of(&fm, 1, 2) == 0);
	CHECK(col_of(&fm, 1, 3) == 4);
	CHECK(col_of(&fm, 1, 4) == 5);
	CHECK(col_of(&fm, 1, 5) == 6);
	CHECK(col_of(&fm, 1, 6) == 7);
	CHECK(col_of(&fm, 1, 0) == 0);
	/* "#itn" made "# itn": '#' stays, "itn" moves back a column. */
	CHECK(col_of(&fm, 2, 1) == 1);
	CHECK(col_of(&fm, 2, 2) == 0);
	CHECK(col_of(&fm, 2, 3) == 2);
	/* Lines differing inside a code point: only whole ones map. */
	CHECK(col_of(&fm, 3, 1) == 1);
	CHECK(col_of(&fm, 3, 2) == 0);
	CHECK(col_of(&fm, 3, 3) == 3);
	/* TABs the repair keeps: the same line. */
	CHECK(col_of(&fm, 4, 2) == 2);
	/* A header respaced: each character that is not a blank maps. */
	CHECK(col_of(&fm, 5, 1) == 1);
	CHECK(col_of(&fm, 5, 2) == 0);
	CHECK(col_of(&fm, 5, 3) == 2);
	CHECK(col_of(&fm, 5, 6) == 5);
	CHECK(col_of(&fm, 5, 7) == 0);
	CHECK(col_of(&fm, 5, 8) == 7);
	CHECK(col_of(&fm, 5, 9) == 8);
	CHECK(col_of(&fm, 5, 10) == 9);
	CHECK(col_of(&fm, 5, 11) == 0);
	CHECK(col_of(&fm, 5, 12) == 10);
	/* "*" made "-": the mark is the user's "*". */
	CHECK(col_of(&fm, 6, 1) == 1);
	CHECK(col_of(&fm, 6, 2) == 0);
	CHECK(col_of(&fm, 6, 3) == 3);
	fixmap_release(&fm);
}

/* md_fix_display: no line is dropped; headers and blanks move. */
static void
test_display(void)
{
	const char *raw = "#itn  \r\nJO:\\d\\d\\d \r\nAB(\\d \r\n"
	    "  #rewrite\nlarkspur\tLarkspur \n#test\nlarkspur\tLarkspur\n"
	    "larkspur market  \tLarkspur Market\n";
	struct md_fix_stats st;
	struct diag dr = DIAG_INIT, df = DIAG_INIT;
	struct buf fix = BUF_INIT;
	struct fixmap fm = FIXMAP_INIT;
	struct disp *dp;
	size_t i;

	memset(&st, 0, sizeof(st));
	md_fix_display(raw, strlen(raw), &fix, &st);
	fixmap_build(&fm, raw, strlen(raw), fix.s, fix.len, NULL, 0);
	CHECK(fm.n == 9);
	for (i = 1; i < fm.n; i++)
		CHECK(fm.line[i] == i);
	dp = disp_parse(raw, strlen(raw), "t.md", en, &dr);
	disp_test(dp, &dr, NULL, NULL);
	disp_free(dp);
	dp = disp_parse(fix.s, fix.len, "t.md", en, &df);
	disp_test(dp, &df, NULL, NULL);
	disp_free(dp);
	/* DISP-ITN-SYNTAX at its column, DISP-TEST at its line. */
	CHECK(df.n >= 2);
	for (i = 0; i < df.n; i++) {
		fixmap_apply(&fm, &df.v[i].line, &df.v[i].col);
		CHECK(holds(&dr, &df.v[i]));
	}
	fixmap_release(&fm);
	buf_release(&fix);
	diag_release(&dr);
	diag_release(&df);
}

static void
test_msg(void)
{
	struct fixmap fm = FIXMAP_INIT;
	static const unsigned long drop[] = { 2 };
	const char *raw = "a\nb\nc\nd\n", *fix = "a\nc\nd\n";
	char *m;

	fixmap_build(&fm, raw, strlen(raw), fix, strlen(fix), drop, 1);
	m = fixmap_msg(&fm, "list 'x' is declared again (first at line 2); "
	    "the service may merge them");
	CHECK_STR(m, "list 'x' is declared again (first at line 3); "
	    "the service may merge them");
	free(m);
	m = fixmap_msg(&fm, "'y' is already an item of list 'z' (line 3)");
	CHECK_STR(m, "'y' is already an item of list 'z' (line 4)");
	free(m);
	/* Only those two shapes: not a number the user wrote. */
	m = fixmap_msg(&fm, "'line 2' and 'line 2)' (line two) (line 1)");
	CHECK_STR(m, "'line 2' and 'line 2)' (line two) (line 1)");
	free(m);
	m = fixmap_msg(&fm, "(line 99999999999999999999)");
	CHECK_STR(m, "(line 99999999999999999999)");
	free(m);
	fixmap_release(&fm);
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
	RUN(test_lines);
	RUN(test_cols);
	RUN(test_msg);
	RUN(test_md_findings);
	RUN(test_display);
	diag_release(&pd);
	profile_free(prof);
	return UNIT_EXIT();
}
