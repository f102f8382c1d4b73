#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "progname.h"
#include "xalloc.h"

/* A message in err(3) form, for the tools' own use. */
void
warnx_(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", progname_get());
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
 * The cap: findings counted per rule, severity, file and member in a
 * small open-addressing table, so a file with millions of bad lines
 * costs DIAG_CAP findings of memory, not millions.
 */
struct cap_ent {
	const struct rule	*rule;	/* NULL: free slot */
	enum severity		 sev;
	char			*file;
	char			*member;
	size_t			 kept;
	size_t			 dropped;	/* not kept, not yet told */
};

struct diag_caps {
	struct cap_ent	*v;
	size_t		 n;
	size_t		 cap;		/* a power of two */
};

static int
streq(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

static size_t
cap_hash(const struct rule *r, enum severity sev, const char *file,
    const char *member)
{
	size_t h = (size_t)(r - rules) * 31 + (size_t)sev;
	const char *p;

	for (p = file; p != NULL && *p != '\0'; p++)
		h = (h ^ (unsigned char)*p) * 16777619u;
	h = (h ^ 0xff) * 16777619u;
	for (p = member; p != NULL && *p != '\0'; p++)
		h = (h ^ (unsigned char)*p) * 16777619u;
	return h;
}

/* Slot of a key: its entry, or the free slot where it belongs. */
static struct cap_ent *
cap_find(struct diag_caps *c, const struct rule *r, enum severity sev,
    const char *file, const char *member)
{
	size_t i;

	for (i = cap_hash(r, sev, file, member) & (c->cap - 1);;
	    i = (i + 1) & (c->cap - 1)) {
		struct cap_ent *e = &c->v[i];

		if (e->rule == NULL || (e->rule == r && e->sev == sev &&
		    streq(e->file, file) && streq(e->member, member)))
			return e;
	}
}

static void
caps_grow(struct diag_caps *c)
{
	struct cap_ent *old = c->v;
	size_t oldcap = c->cap, i;

	c->cap = c->cap ? c->cap * 2 : 64;
	c->v = xcalloc(c->cap, sizeof(*c->v));
	for (i = 0; i < oldcap; i++)
		if (old[i].rule != NULL)
			*cap_find(c, old[i].rule, old[i].sev, old[i].file,
			    old[i].member) = old[i];
	free(old);
}

/* The entry of a key, made if missing. */
static struct cap_ent *
cap_get(struct diag_caps **cp, const struct rule *r, enum severity sev,
    const char *file, const char *member)
{
	struct diag_caps *c = *cp;
	struct cap_ent *e;

	if (c == NULL)
		c = *cp = xcalloc(1, sizeof(*c));
	if ((c->n + 1) * 2 > c->cap)
		caps_grow(c);
	e = cap_find(c, r, sev, file, member);
	if (e->rule == NULL) {
		e->rule = r;
		e->sev = sev;
		e->file = file != NULL ? xstrdup(file) : NULL;
		e->member = member != NULL ? xstrdup(member) : NULL;
		c->n++;
	}
	return e;
}

/* d's caps, made from the findings d holds if it has none. */
static void
caps_make(struct diag *d)
{
	size_t i;

	if (d->caps != NULL)
		return;
	d->caps = xcalloc(1, sizeof(*d->caps));
	for (i = 0; i < d->n; i++)
		if (d->v[i].rule != NULL)
			cap_get(&d->caps, d->v[i].rule, d->v[i].sev,
			    d->v[i].file, d->v[i].member)->kept++;
}

/*
 * The entry of a finding's key in d's caps, or NULL while d holds fewer
 * than DIAG_CAP findings: then no key can be over the cap, and a file's
 * few findings cost no table (made on a worker, freed where the results
 * are handed back, its free took the worker's malloc arena lock).  The
 * table is made from the findings d holds when it reaches the cap.
 */
static struct cap_ent *
cap_note(struct diag *d, const struct rule *r, enum severity sev,
    const char *file, const char *member)
{
	if (d->caps == NULL && d->n < DIAG_CAP)
		return NULL;
	caps_make(d);
	return cap_get(&d->caps, r, sev, file, member);
}

static void
caps_free(struct diag_caps **cp)
{
	struct diag_caps *c = *cp;
	size_t i;

	if (c == NULL)
		return;
	for (i = 0; i < c->cap; i++) {
		free(c->v[i].file);
		free(c->v[i].member);
	}
	free(c->v);
	free(c);
	*cp = NULL;
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
	struct cap_ent *e;

	if ((r = rule_find(id)) == NULL) {
		fprintf(stderr, "%s: internal error: unknown rule '%s'\n",
		    progname_get(), id);
		abort();
	}
	if (sev == SEV_NONE)
		sev = r->sev;
	if ((e = cap_note(d, r, sev, l != NULL ? l->file : NULL,
	    l != NULL ? l->member : NULL)) != NULL) {
		if (e->kept >= DIAG_CAP) {
			e->dropped++;
			return;
		}
		e->kept++;
	}
	f = diag_new(d);
	if (l != NULL) {
		f->file = l->file != NULL ? xstrdup(l->file) : NULL;
		f->member = l->member != NULL ? xstrdup(l->member) : NULL;
		f->line = l->line;
		f->col = l->col;
	}
	f->rule = r;
	f->sev = sev;
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

/*
 * A finding at line and column col of l's file and member: checkers
 * keep one struct loc for the file and place each finding on it.
 */
void
diag_vat(struct diag *d, const struct loc *l, unsigned long line,
    unsigned long col, const char *id, enum severity sev, const char *fmt,
    va_list ap)
{
	struct loc at = *l;

	at.line = line;
	at.col = col;
	diag_vadd(d, &at, id, sev, fmt, ap);
}

void
diag_at(struct diag *d, const struct loc *l, unsigned long line,
    unsigned long col, const char *id, enum severity sev, const char *fmt,
    ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vat(d, l, line, col, id, sev, fmt, ap);
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

static void
finding_release(struct finding *f)
{
	free(f->file);
	free(f->member);
	free(f->msg);
}

/*
 * Append every finding of src to dst, leaving src empty.  The cap of
 * dst applies, and what src held back stays counted.
 */
void
diag_move(struct diag *dst, struct diag *src)
{
	struct cap_ent *e;
	size_t i;

	for (i = 0; i < src->n; i++) {
		struct finding *f = &src->v[i];

		if (f->rule != NULL && (e = cap_note(dst, f->rule, f->sev,
		    f->file, f->member)) != NULL) {
			if (e->kept >= DIAG_CAP) {
				e->dropped++;
				finding_release(f);
				continue;
			}
			e->kept++;
		}
		*diag_new(dst) = *f;
	}
	src->n = 0;
	/* What src held back: dst gets the table it is counted in. */
	for (i = 0; src->caps != NULL && i < src->caps->cap; i++) {
		struct cap_ent *s = &src->caps->v[i];

		if (s->rule != NULL && s->dropped > 0) {
			caps_make(dst);
			cap_get(&dst->caps, s->rule, s->sev, s->file,
			    s->member)->dropped += s->dropped;
		}
	}
	caps_free(&src->caps);
}

void
diag_clear(struct diag *d)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		finding_release(&d->v[i]);
	d->n = 0;
	caps_free(&d->caps);
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
static void
format_one(struct buf *b, const struct finding *f)
{
	if (f->rule == NULL) {
		buf_printf(b, "%s: ", progname_get());
		buf_addesc(b, f->msg);
		buf_addc(b, '\n');
		return;
	}
	if (f->file != NULL) {
		buf_addesc(b, f->file);
		if (f->member != NULL) {
			buf_addstr(b, "!/");
			buf_addesc(b, f->member);
		}
		if (f->line > 0) {
			buf_printf(b, ":%lu", f->line);
			if (f->col > 0)
				buf_printf(b, ":%lu", f->col);
		}
	} else
		buf_addstr(b, progname_get());
	buf_printf(b, ": %s: ", sev_name(f->sev));
	buf_addesc(b, f->msg);
	buf_printf(b, " [%s]\n", f->rule->id);
}

void
diag_print(FILE *fp, const struct finding *f)
{
	struct buf b = BUF_INIT;

	format_one(&b, f);
	fputs(b.s, fp);
	buf_release(&b);
}

/*
 * Write what a flush gathered in o->lines, and keep the buffer (it
 * holds PRINT_CHUNK bytes and a line at most) for the next flush.  A
 * buffer made afresh for each flush was often built from chunks that a
 * worker thread had allocated (the findings the caller had just freed
 * sit in its cache), and growing or freeing those takes that worker's
 * malloc arena lock while the worker uses it: 56 of the 71 sleeps of
 * `vox-audio -j 2 --scan` on the bench's 2,000 WAVs.
 */
static void
write_lines(struct diag_out *o, FILE *fp)
{
	if (o->lines.len > 0)
		fwrite(o->lines.s, 1, o->lines.len, fp);
	buf_reset(&o->lines);
}

/*
 * Count and pass on one finding, and add its line to what is printed.
 * stderr is unbuffered: a flush writes its lines at once, not a write
 * per finding (3,500 notes of vox-audio --scan were 3,500 writes).
 */
#define PRINT_CHUNK 65536

static void
flush_one(struct diag_out *o, FILE *fp, const struct finding *f)
{
	if (f->rule == NULL)
		o->syserr = 1;
	else {
		o->count[f->sev]++;
		if (f->sev > o->worst)
			o->worst = f->sev;
	}
	if (!o->quiet || f->rule == NULL || f->sev == SEV_ERROR) {
		format_one(&o->lines, f);
		if (o->lines.len >= PRINT_CHUNK)
			write_lines(o, fp);
	}
	if (o->sink != NULL)
		o->sink(o->sink_ctx, f);
}

/*
 * Whether findings of rule r at severity sev go to the sink only: the
 * rule is RULE_REPORT_ONLY and the caller asked for it up to sev.
 */
static int
sink_only(const struct diag_out *o, const struct rule *r, enum severity sev)
{
	return r != NULL && (r->flags & RULE_REPORT_ONLY) &&
	    sev <= o->report_only;
}

static int
held_cmp(const void *a, const void *b)
{
	const struct cap_ent *const *x = a, *const *y = b;
	int c;

	if ((c = strcmp((*x)->file != NULL ? (*x)->file : "",
	    (*y)->file != NULL ? (*y)->file : "")) != 0 ||
	    (c = strcmp((*x)->member != NULL ? (*x)->member : "",
	    (*y)->member != NULL ? (*y)->member : "")) != 0 ||
	    (c = strcmp((*x)->rule->id, (*y)->rule->id)) != 0)
		return c;
	return (int)(*y)->sev - (int)(*x)->sev;
}

/* A finding of severity sev held back: it counts, unseen. */
static void
count_held(struct diag_out *o, enum severity sev, size_t n)
{
	o->count[sev] += n;
	if (n > 0 && sev > o->worst)
		o->worst = sev;
}

/*
 * One note for each rule and file whose findings were held back, as
 * compilers do, once at the end of the run (run_end): a tool that
 * flushes one file in many parts says it once, not after each part.
 * The findings were counted when they were held back.
 */
void
diag_flush_held(struct diag_out *o)
{
	FILE *fp = o->fp != NULL ? o->fp : stderr;
	struct diag_caps *c = o->caps;
	struct cap_ent **held;
	struct finding f;
	size_t i, n = 0;

	if (c == NULL)
		return;
	held = xcalloc(c->n + 1, sizeof(*held));
	for (i = 0; i < c->cap; i++)
		if (c->v[i].rule != NULL && c->v[i].dropped > 0)
			held[n++] = &c->v[i];
	if (n > 0)
		qsort(held, n, sizeof(*held), held_cmp);
	for (i = 0; i < n; i++) {
		struct cap_ent *e = held[i];

		memset(&f, 0, sizeof(f));
		f.file = e->file;
		f.member = e->member;
		f.rule = e->rule;
		f.sev = SEV_NOTE;
		f.msg = xasprintf("%zu more %s%s of this rule not shown; at "
		    "most %d are shown per rule and file", e->dropped,
		    sev_name(e->sev), e->dropped == 1 ? "" : "s", DIAG_CAP);
		flush_one(o, fp, &f);
		free(f.msg);
		e->dropped = 0;
	}
	write_lines(o, fp);
	free(held);
}

/*
 * Print, count and pass on every finding of d, and leave d as it is:
 * a worker's findings are released by the worker (jobs.h).  The cap
 * holds across flushes: a tool that flushes a file in parts shows no
 * more of it than one that flushes it at once.  What goes to the sink
 * only is neither shown nor counted, so the output's cap does not
 * apply to it (the report has its own), and what d held back of it is
 * not told: it was never to be shown.
 */
void
diag_show(struct diag_out *o, const struct diag *d)
{
	FILE *fp = o->fp != NULL ? o->fp : stderr;
	struct cap_ent *e;
	size_t i;

	for (i = 0; i < d->n; i++) {
		const struct finding *f = &d->v[i];

		if (sink_only(o, f->rule, f->sev)) {
			if (o->sink != NULL)
				o->sink(o->sink_ctx, f);
			continue;
		}
		if (f->rule != NULL) {
			e = cap_get(&o->caps, f->rule, f->sev, f->file,
			    f->member);
			if (e->kept >= DIAG_CAP) {
				e->dropped++;
				count_held(o, f->sev, 1);
				continue;
			}
			e->kept++;
		}
		flush_one(o, fp, f);
	}
	write_lines(o, fp);
	for (i = 0; d->caps != NULL && i < d->caps->cap; i++) {
		struct cap_ent *s = &d->caps->v[i];

		if (s->rule != NULL && s->dropped > 0 &&
		    !sink_only(o, s->rule, s->sev)) {
			cap_get(&o->caps, s->rule, s->sev, s->file,
			    s->member)->dropped += s->dropped;
			count_held(o, s->sev, s->dropped);
		}
	}
}

/* Show d as diag_show() does, then empty it. */
void
diag_flush(struct diag_out *o, struct diag *d)
{
	diag_show(o, d);
	diag_clear(d);
}

/* How many findings of severity sev d held back (over DIAG_CAP). */
size_t
diag_held(const struct diag *d, enum severity sev)
{
	size_t i, n = 0;

	for (i = 0; d->caps != NULL && i < d->caps->cap; i++)
		if (d->caps->v[i].rule != NULL && d->caps->v[i].sev == sev)
			n += d->caps->v[i].dropped;
	return n;
}

void
diag_out_release(struct diag_out *o)
{
	caps_free(&o->caps);
	buf_release(&o->lines);
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
