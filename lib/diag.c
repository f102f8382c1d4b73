#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "report.h"
#include "xalloc.h"

static const char *progname = "voxprep";

/*
 * Take the program's name from argv[0] and return its base name, for the
 * tool to put back in argv[0] so that getopt's messages use it too.
 */
char *
diag_setprogname(char *argv0)
{
	char *p;

	if (argv0 == NULL || *argv0 == '\0')
		return argv0;
	p = strrchr(argv0, '/');
	progname = p != NULL ? p + 1 : argv0;
	return (char *)progname;
}

const char *
diag_progname(void)
{
	return progname;
}

/* A message in err(3) form, for the tools' own use. */
void
warnx_(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static int
rule_cmp(const void *key, const void *elem)
{
	const struct rule *r = elem;

	return strcmp(key, r->id);
}

const struct rule *
rule_find(const char *id)
{
	return bsearch(id, rules, nrules, sizeof(rules[0]), rule_cmp);
}

static const char *const sevnames[] = { "none", "note", "warning", "error" };

const char *
sev_name(enum severity s)
{
	return sevnames[s];
}

int
sev_parse(const char *s, enum severity *out)
{
	if (strcmp(s, "error") == 0)
		*out = SEV_ERROR;
	else if (strcmp(s, "warning") == 0)
		*out = SEV_WARNING;
	else if (strcmp(s, "note") == 0)
		*out = SEV_NOTE;
	else
		return -1;
	return 0;
}

const char *
cq_name(enum consequence c)
{
	static const char *const names[] = {
		"REJECT", "DROP", "IGN-AUDIO", "TRAIN-FAIL", "IGNORED",
		"REC", "UNDOC"
	};

	return names[c];
}

static struct finding *
diag_new(struct diag *d)
{
	struct finding *f;

	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 8;
		d->v = xreallocarray(d->v, d->cap, sizeof(*d->v));
	}
	f = &d->v[d->n++];
	memset(f, 0, sizeof(*f));
	return f;
}

/*
 * Add a finding of a rule at its default severity (SEV_NONE) or at sev.
 * An unknown rule ID is a programming error: the unit tests check that
 * every ID in lib/ is in the table, so abort loudly here.
 */
void
diag_vadd(struct diag *d, const struct loc *l, const char *id,
    enum severity sev, const char *fmt, va_list ap)
{
	const struct rule *r;
	struct finding *f;

	if ((r = rule_find(id)) == NULL) {
		fprintf(stderr, "%s: internal error: unknown rule '%s'\n",
		    progname, id);
		abort();
	}
	f = diag_new(d);
	if (l != NULL) {
		f->file = l->file != NULL ? xstrdup(l->file) : NULL;
		f->member = l->member != NULL ? xstrdup(l->member) : NULL;
		f->line = l->line;
		f->col = l->col;
	}
	f->rule = r;
	f->sev = sev != SEV_NONE ? sev : r->sev;
	f->msg = xvasprintf(fmt, ap);
}

void
diag_add(struct diag *d, const struct loc *l, const char *id,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vadd(d, l, id, SEV_NONE, fmt, ap);
	va_end(ap);
}

void
diag_addsev(struct diag *d, const struct loc *l, const char *id,
    enum severity sev, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vadd(d, l, id, sev, fmt, ap);
	va_end(ap);
}

/* A system error: cannot open, read or write, a library failed. */
void
diag_syserr(struct diag *d, const char *fmt, ...)
{
	struct finding *f;
	va_list ap;

	f = diag_new(d);
	f->sev = SEV_ERROR;
	va_start(ap, fmt);
	f->msg = xvasprintf(fmt, ap);
	va_end(ap);
}

enum severity
diag_worst(const struct diag *d)
{
	enum severity w = SEV_NONE;
	size_t i;

	for (i = 0; i < d->n; i++)
		if (d->v[i].sev > w)
			w = d->v[i].sev;
	return w;
}

/* Whether d holds a finding of rule id. */
int
diag_has(const struct diag *d, const char *id)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		if (d->v[i].rule != NULL && strcmp(d->v[i].rule->id, id) == 0)
			return 1;
	return 0;
}

/* Append every finding of src to dst, leaving src empty. */
void
diag_move(struct diag *dst, struct diag *src)
{
	size_t i;

	for (i = 0; i < src->n; i++)
		*diag_new(dst) = src->v[i];
	src->n = 0;
}

static void
finding_release(struct finding *f)
{
	free(f->file);
	free(f->member);
	free(f->msg);
}

void
diag_clear(struct diag *d)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		finding_release(&d->v[i]);
	d->n = 0;
}

void
diag_release(struct diag *d)
{
	diag_clear(d);
	free(d->v);
	d->v = NULL;
	d->cap = 0;
}

/*
 * Bring a library's message to our style in place: lowercase first
 * letter (unless an acronym starts it), no trailing full stop or space.
 */
char *
diag_tidy(char *s)
{
	size_t n;

	if (s[0] >= 'A' && s[0] <= 'Z' && !(s[1] >= 'A' && s[1] <= 'Z'))
		s[0] += 'a' - 'A';
	n = strlen(s);
	while (n > 0 && strchr(". \n\r", s[n - 1]) != NULL)
		s[--n] = '\0';
	return s;
}

/* One finding in GCC form, or in err(3) form for a system error. */
void
diag_print(FILE *fp, const struct finding *f)
{
	struct buf b = BUF_INIT;

	if (f->rule == NULL) {
		buf_printf(&b, "%s: ", progname);
		buf_addesc(&b, f->msg);
		buf_addc(&b, '\n');
		fputs(b.s, fp);
		buf_release(&b);
		return;
	}
	if (f->file != NULL) {
		buf_addesc(&b, f->file);
		if (f->member != NULL) {
			buf_addstr(&b, "!/");
			buf_addesc(&b, f->member);
		}
		if (f->line > 0) {
			buf_printf(&b, ":%lu", f->line);
			if (f->col > 0)
				buf_printf(&b, ":%lu", f->col);
		}
	} else
		buf_addstr(&b, progname);
	buf_printf(&b, ": %s: ", sev_name(f->sev));
	buf_addesc(&b, f->msg);
	buf_printf(&b, " [%s]\n", f->rule->id);
	fputs(b.s, fp);
	buf_release(&b);
}

/* Print, count and report every finding of d, then empty it. */
void
diag_flush(struct diag_out *o, struct diag *d)
{
	FILE *fp = o->fp != NULL ? o->fp : stderr;
	size_t i;

	for (i = 0; i < d->n; i++) {
		struct finding *f = &d->v[i];

		if (f->rule == NULL)
			o->syserr = 1;
		else {
			o->count[f->sev]++;
			if (f->sev > o->worst)
				o->worst = f->sev;
		}
		if (!o->quiet || f->rule == NULL || f->sev == SEV_ERROR)
			diag_print(fp, f);
		if (o->rep != NULL && f->rule != NULL)
			report_add(o->rep, f);
	}
	diag_clear(d);
}

int
diag_status(const struct diag_out *o)
{
	if (o->syserr)
		return EXIT_SYSTEM;
	if (o->worst != SEV_NONE && o->worst >= o->failon)
		return EXIT_FINDINGS;
	return EXIT_OK;
}
