/*
 * vox-md's library side.  A file is read whole (structured text is at
 * most 200 MB, display format 10 MB), its kind taken from -k or its
 * content, then checked by md.c or disp.c; --fix writes the repaired
 * layout and checks that (so the findings say what is left to do), and
 * --expand writes sentences.  --apply streams lexical text line by line
 * through the display pipeline; --test runs the file's own #test cases.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "disp.h"
#include "fixmap.h"
#include "io.h"
#include "md.h"
#include "mdrun.h"
#include "profile.h"

/* --apply writes its output in pieces of about this size. */
#define APPLY_CHUNK	(64UL << 10)

/* Read a markdown file; its name for messages; whether it is too big. */
static int
load(const char *path, struct buf *in, const char **name, int *over,
    struct diag *d)
{
	int rc;

	*name = strcmp(path, "-") == 0 ? "<stdin>" : path;
	if ((rc = io_read_file(path, in, MD_READ_MAX, d)) == -1)
		return -1;
	*over = rc == 1;
	return 0;
}

/* The kind given with -k, else the content's; undecided: structured. */
static unsigned int
kind_of(const struct md_run *o, const struct buf *in)
{
	unsigned int k;

	if (o->kind != 0)
		return o->kind;
	k = md_detect(buf_str(in), in->len);
	return k != 0 ? k : KIND_LANGUAGEMARKDOWN;
}

static int
write_out(const char *output, const struct buf *b, struct diag *d)
{
	struct outfile of = OUTFILE_INIT;
	FILE *fp;

	if ((fp = io_create(&of, output, d)) == NULL ||
	    fwrite(buf_str(b), 1, b->len, fp) != b->len ||
	    io_commit(&of, d) == -1) {
		io_abort(&of);
		return -1;
	}
	return 0;
}

static void
count(struct buf *b, size_t n, const char *one, const char *more)
{
	buf_printf(b, "%s%zu %s", b->len > 0 ? ", " : "", n,
	    n == 1 ? one : more);
}

/* "structured text: 1 list, 4 items, 1 lexicon entry, ..." */
static void
say_md(const struct md *m, struct buf *say)
{
	struct buf b = BUF_INIT;

	count(&b, m->nlists, "list", "lists");
	count(&b, m->nitems, "item", "items");
	count(&b, m->nlex, "lexicon entry", "lexicon entries");
	count(&b, m->nsections, "section", "sections");
	count(&b, m->nsents, "sentence", "sentences");
	buf_printf(say, "structured text: %s", buf_str(&b));
	buf_release(&b);
}

static void
say_tests(size_t pass, size_t total, struct buf *say)
{
	if (total == 0)
		buf_addstr(say, "no test cases");
	else
		buf_printf(say, "%zu of %zu test case%s", pass, total,
		    total == 1 ? " passes" : "s pass");
}

/* Findings about the repair from index from on, at the user's places. */
static void
map_back(const struct fixmap *fm, struct diag *d, size_t from)
{
	struct finding *f;
	char *m;

	for (; from < d->n; from++) {
		f = &d->v[from];
		fixmap_apply(fm, &f->line, &f->col);
		m = fixmap_msg(fm, f->msg);
		free(f->msg);
		f->msg = m;
	}
}

/*
 * Check one file, "-" being standard input; with o->fix write it
 * repaired (what is left to do is then said at the user's lines), with
 * o->expand write its sentences, to o->output.  The line that sums it
 * up goes to say.  Returns 0, -1 after a system error, or
 * MD_RUN_KIND (said) when --expand meets display format.
 */
int
md_file(const struct md_run *o, const char *path, struct diag_out *out,
    struct buf *say)
{
	struct diag d = DIAG_INIT, scratch = DIAG_INIT;
	struct buf in = BUF_INIT, res = BUF_INIT;
	struct md_opts mo = { o->prof, o->loc, 1, o->jobs };
	struct md_opts layout = { NULL, NULL, 0, 1 };
	struct md_fix_stats st;
	struct fixmap fm = FIXMAP_INIT;
	struct md *m = NULL;
	struct disp *dp = NULL;
	const struct buf *text = &in;
	const char *name;
	unsigned int kind;
	uint64_t total;
	size_t pass, all, from;
	int over, rc = -1;

	memset(&st, 0, sizeof(st));
	if (load(path, &in, &name, &over, &d) == -1)
		goto out;
	kind = kind_of(o, &in);
	if (o->expand && kind != KIND_LANGUAGEMARKDOWN) {
		warnx_("%s: --expand needs structured text, not display "
		    "format", name);
		rc = MD_RUN_KIND;
		goto out;
	}
	if (o->fix) {
		/* Findings then describe the repaired text, what is left. */
		if (kind == KIND_LANGUAGEMARKDOWN) {
			m = md_parse(buf_str(&in), in.len, name, &layout,
			    &scratch);
			md_fix(m, &res, &st);
			fixmap_md(&fm, m, buf_str(&res), res.len);
			md_free(m);
			m = NULL;
		} else {
			md_fix_display(buf_str(&in), in.len, &res, &st);
			fixmap_build(&fm, buf_str(&in), in.len, buf_str(&res),
			    res.len, NULL, 0);
		}
		diag_release(&scratch);
		md_fix_summary(&st, say);
		text = &res;
	}
	from = d.n;
	md_check_file(kind, name, buf_str(text), text->len, over, o->prof,
	    o->loc, &d);
	if (kind == KIND_LANGUAGEMARKDOWN) {
		m = md_parse(buf_str(text), text->len, name, &mo, &d);
		if (o->expand) {
			buf_reset(&res);
			buf_printf(say, "%llu of ", (unsigned long long)
			    md_expand(m, o->want, &res, &total));
			buf_printf(say, "%llu sentence%s written",
			    (unsigned long long)total, total == 1 ? "" : "s");
			if (write_out(o->output, &res, &d) == -1)
				goto out;
		} else if (!o->fix)
			say_md(m, say);
	} else {
		dp = disp_parse_prof(buf_str(text), text->len, name, o->prof,
		    o->loc, &d);
		disp_test(dp, &d, &pass, &all);
		if (!o->fix) {
			buf_addstr(say, "display format: ");
			say_tests(pass, all, say);
		}
	}
	map_back(&fm, &d, from);
	if (o->fix && write_out(o->output, &res, &d) == -1)
		goto out;
	rc = 0;
out:
	diag_flush(out, &d);
	diag_release(&d);
	md_free(m);
	disp_free(dp);
	fixmap_release(&fm);
	buf_release(&in);
	buf_release(&res);
	return rc;
}

/* The display-format file of --apply or --test, read and checked. */
static struct disp *
load_format(const struct md_run *o, const char *path, struct buf *in,
    struct diag *d)
{
	const char *name;
	int over;

	if (load(path, in, &name, &over, d) == -1)
		return NULL;
	md_check_file(KIND_OUTPUTFORMATTING, name, buf_str(in), in->len, over,
	    o->prof, o->loc, d);
	return disp_parse_prof(buf_str(in), in->len, name, o->prof, o->loc,
	    d);
}

/* Lexical lines of fp through the display pipeline, to b and to w. */
static int
apply_stream(const struct disp *dp, FILE *fp, const char *name, FILE *w,
    struct buf *b, struct diag *d)
{
	char *line = NULL;
	size_t cap = 0, len;
	ssize_t n;
	int first = 1, rc = 0;

	while ((n = getline(&line, &cap, fp)) != -1) {
		len = (size_t)n;
		if (len > 0 && line[len - 1] == '\n')
			len--;
		/* A BOM is the file's, not the first utterance's. */
		if (first && len >= 3 && memcmp(line, "\xef\xbb\xbf", 3) == 0)
			disp_apply(dp, line + 3, len - 3, b);
		else
			disp_apply(dp, line, len, b);
		buf_addc(b, '\n');
		first = 0;
		if (b->len >= APPLY_CHUNK) {
			if (fwrite(b->s, 1, b->len, w) != b->len)
				break;
			buf_reset(b);
		}
	}
	if (ferror(fp)) {
		diag_syserr(d, "cannot read '%s': %s", name, strerror(errno));
		rc = -1;
	}
	free(line);
	return rc;
}

/*
 * --apply: the display form of each line of the inputs ("-" or none:
 * standard input), line for line, to o->output.  Returns 0, or -1 after
 * a system error.
 */
int
md_apply(const struct md_run *o, const char *format, char *const *paths,
    size_t n, struct diag_out *out)
{
	struct diag d = DIAG_INIT;
	struct buf in = BUF_INIT, b = BUF_INIT;
	struct outfile of = OUTFILE_INIT;
	struct disp *dp;
	const char *path;
	FILE *w = NULL, *fp;
	size_t i;
	int rc = -1;

	if ((dp = load_format(o, format, &in, &d)) == NULL)
		goto out;
	/* What is wrong with the rules shows before their output. */
	diag_flush(out, &d);
	if ((w = io_create(&of, o->output, &d)) == NULL)
		goto out;
	rc = 0;
	for (i = 0; i < n || (i == 0 && n == 0); i++) {
		path = n > 0 ? paths[i] : "-";
		if (strcmp(path, "-") == 0)
			fp = stdin;
		else if ((fp = fopen(path, "r")) == NULL) {
			diag_syserr(&d, "cannot open '%s': %s", path,
			    strerror(errno));
			rc = -1;
			continue;
		}
		if (apply_stream(dp, fp, fp == stdin ? "<stdin>" : path, w, &b,
		    &d) == -1)
			rc = -1;
		if (fp != stdin)
			fclose(fp);
	}
	if (fwrite(buf_str(&b), 1, b.len, w) != b.len ||
	    io_commit(&of, &d) == -1) {
		io_abort(&of);
		rc = -1;
	}
out:
	diag_flush(out, &d);
	diag_release(&d);
	disp_free(dp);
	buf_release(&in);
	buf_release(&b);
	return rc;
}

/*
 * --test: run the #test cases of format; each that fails is a DISP-TEST
 * finding, and say gets "format.md: 3 of 4 test cases pass".  Returns 0,
 * or -1 after a system error.
 */
int
md_test(const struct md_run *o, const char *format, struct diag_out *out,
    struct buf *say)
{
	struct diag d = DIAG_INIT;
	struct buf in = BUF_INIT;
	struct disp *dp;
	size_t pass = 0, all = 0;
	int rc = -1;

	if ((dp = load_format(o, format, &in, &d)) != NULL) {
		disp_test(dp, &d, &pass, &all);
		buf_printf(say, "%s: ", strcmp(format, "-") == 0 ? "<stdin>" :
		    format);
		say_tests(pass, all, say);
		rc = 0;
	}
	diag_flush(out, &d);
	diag_release(&d);
	disp_free(dp);
	buf_release(&in);
	return rc;
}
