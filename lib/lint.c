/*
 * vox-lint: every check that applies to a dataset, through the same
 * library calls as the single-purpose tools, so rule IDs and messages
 * are the same wherever a problem is found.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "audit.h"
#include "buf.h"
#include "dataset.h"
#include "diag.h"
#include "disp.h"
#include "hash.h"
#include "html.h"
#include "io.h"
#include "jobs.h"
#include "lint.h"
#include "md.h"
#include "profile.h"
#include "pron.h"
#include "related.h"
#include "riff.h"
#include "strset.h"
#include "text.h"
#include "trans.h"
#include "xalloc.h"

/* A member bigger than this is not read into memory. */
#define LINT_MEMBER_MAX	(1ULL << 30)
/* No transcript is this big (vox-trans stops at the same size). */
#define LINT_TRANS_MAX	(256ULL << 20)

/* Every rule, TSV with a header: the table of docs/voxprep.7. */
void
lint_list_rules(FILE *fp)
{
	size_t i;

	fputs("rule\tseverity\tconsequence\ttype\tsummary\tservice\n", fp);
	for (i = 0; i < nrules; i++)
		fprintf(fp, "%s\t%s\t%s\t%s\t%s\t%s\n", rules[i].id,
		    sev_name(rules[i].sev), cq_name(rules[i].cq),
		    rules[i].flags & RULE_ADVICE ? "advice" : "check",
		    rules[i].summary, rules[i].conseq);
}

static void
kinds_print(FILE *fp, unsigned int kinds)
{
	unsigned int k;
	int first = 1;

	for (k = 1; k <= KIND_OUTPUTFORMATTING; k <<= 1)
		if (kinds & k) {
			fprintf(fp, "%s%s", first ? "" : ",",
			    kind_name((enum kind)k));
			first = 0;
		}
}

static void
locale_print(FILE *fp, const struct locale *l)
{
	fprintf(fp, "%s\t", l->tag);
	kinds_print(fp, l->kinds);
	fprintf(fp, "\t%s\t%s\t%s\t%s\t", l->ascii ? "ascii" : "utf8",
	    l->bom ? "required" : "optional", l->latin1 ? "latin1" : "any",
	    l->fullwidth ? "fullwidth" : "halfwidth");
	if (l->sentence_chars)
		fprintf(fp, "%lu", l->sentence_chars);
	else
		fputc('-', fp);
	fputc('\t', fp);
	if (l->split_lines)
		fprintf(fp, "%lu", l->split_lines);
	else
		fputc('-', fp);
	fprintf(fp, "\t%s\t%s\n", l->spoken != NULL ? l->spoken : "-",
	    l->forbidden != NULL ? l->forbidden : "-");
}

/* The locale table, TSV with a header; only one locale when given. */
void
lint_list_locales(FILE *fp, const struct profile *p, const struct locale *one)
{
	size_t i;

	fputs("locale\tkinds\ttranscript\tbom\ttext\tpunct\tsentence\t"
	    "split\tspoken\tforbidden\n", fp);
	if (one != NULL) {
		locale_print(fp, one);
		return;
	}
	for (i = 0; i < p->nlocales; i++)
		locale_print(fp, &p->locales[i]);
}

static void
set_add(struct lint_item **v, size_t *n, const char *name, const char *key)
{
	/* Double at each power of two: n adds cost O(n), not O(n^2). */
	if ((*n & (*n - 1)) == 0)
		*v = xreallocarray(*v, *n > 0 ? *n * 2 : 1, sizeof(**v));
	(*v)[*n].name = xstrdup(name);
	(*v)[*n].key = xstrdup(key);
	(*n)++;
}

/* set_add() of an item whose strings the set takes over. */
static void
set_take(struct lint_item **v, size_t *n, struct lint_item *it)
{
	if ((*n & (*n - 1)) == 0)
		*v = xreallocarray(*v, *n > 0 ? *n * 2 : 1, sizeof(**v));
	(*v)[(*n)++] = *it;
}

static void
items_free(struct lint_item *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(v[i].name);
		free(v[i].key);
	}
	free(v);
}

void
lint_set_release(struct lint_set *s)
{
	items_free(s->audio, s->naudio);
	items_free(s->text, s->ntext);
	memset(s, 0, sizeof(*s));
}

/* Where an entry is: ZIP!/MEMBER, or FOLDER/NAME (path is set then). */
static void
entry_loc(const struct dataset *ds, const struct dataset_entry *e,
    struct loc *l, char **path)
{
	memset(l, 0, sizeof(*l));
	*path = NULL;
	if (ds->zip) {
		l->file = ds->path;
		l->member = e->name;
	} else {
		*path = xasprintf("%s%s%s", ds->path,
		    ds->path[strlen(ds->path) - 1] == '/' ? "" : "/",
		    e->name);
		l->file = *path;
	}
}

/*
 * The transcript's own checks (reading it, the text engine, each line),
 * which need nothing of the audio: run as one more item with the audio,
 * so that on two cores they take no time of their own.  Their findings
 * wait in d, and are told after the audio's, as ever; pairing follows
 * once the audio is done (lint_transcript()).
 */
struct trans_job {
	const struct lint_opts		 *o;
	struct dataset			 *ds;
	const struct dataset_entry	 *e;	/* NULL: no pairing */
	struct trans			  tr;
	struct text			 *t;
	struct buf			  in;
	struct html_count		 *count; /* for a report's view */
	struct diag			  d;
	struct loc			  l;
	char				 *path;
	struct lint_item		 *text;	/* its lines, sorted by key */
	size_t				  ntext;
};

/* The audio of a dataset, audited in parallel, results in order. */
struct audio_job {
	struct dataset			 *ds;
	struct dataset_entry		**wav;	/* each sized by its worker */
	struct audit_opts		  ao;
	struct audit_set		  set;
	struct diag			 *d;
	struct lint_set			 *collect;
	struct lint_result		 *res;
	struct html_view		 *view;
	double				 *secs;	/* by entry, to pair */
	struct trans_job		 *tj;	/* item 0, or NULL */
};

struct audio_res {
	struct audit_file	af;
	struct diag		rd;	/* reading the bytes */
	char			hash[HASH_HEXLEN];
	struct loc		l;	/* the file, for a report's view */
	char			*path;	/* l's, as entry_loc() made it */
};

/* What the audit learnt of a file, for an HTML report's view. */
static void
view_facts(const struct audit_facts *f, struct html_audio *a)
{
	memset(a, 0, sizeof(*a));
	a->secs = audit_seconds(f);
	a->scanned = f->scanned;
	a->rms_db = f->scan.rms_db;
	a->peak_db = f->scan.peak_db;
	a->lead_s = f->scan.lead_s;
	a->trail_s = f->scan.trail_s;
	a->clipped = f->scan.clipped;
	a->silent = f->scan.silent;
}

/* Where the file is (l) as audio_work found it. */
static void
view_audio(struct html_view *v, const struct dataset_entry *e,
    const struct loc *l, const struct audit_facts *f)
{
	struct html_audio a;

	view_facts(f, &a);
	html_add_audio(v, e->name, l->file, l->member, &a);
}

static void
trans_job_init(struct trans_job *tj, const struct lint_opts *o,
    struct dataset *ds)
{
	struct trans tr = TRANS_INIT;
	struct buf in = BUF_INIT;
	struct diag d = DIAG_INIT;

	memset(tj, 0, sizeof(*tj));
	tj->o = o;
	tj->ds = ds;
	tj->tr = tr;
	tj->in = in;
	tj->d = d;
}

static int	item_cmp(const void *, const void *);
static void	collect_lines(const char *, size_t, struct lint_item **,
		    size_t *);

/* The transcript's checks before pairing, findings in tj->d. */
static void
trans_first(struct trans_job *tj)
{
	const struct lint_opts *o = tj->o;
	struct trans_opts to;
	int rc;

	if ((tj->e = trans_find(tj->ds, &tj->d)) == NULL ||
	    dataset_skip(tj->ds, tj->e, o->prof)) {
		tj->e = NULL;
		return;
	}
	entry_loc(tj->ds, tj->e, &tj->l, &tj->path);
	/* Counted as inflated, whatever the member's header declares. */
	if ((rc = dataset_read(tj->ds, tj->e, &tj->in, LINT_TRANS_MAX,
	    &tj->d)) != 0) {
		if (rc == 1)
			diag_add(&tj->d, &tj->l, "TRANS-FILE", "over %llu MiB, "
			    "too big for a transcript; not checked",
			    LINT_TRANS_MAX >> 20);
		tj->e = NULL;
		return;
	}
	memset(&to, 0, sizeof(to));
	to.loc = o->loc;
	to.repeat_max = o->prof->repeat_max;
	if ((tj->t = text_open(o->loc->tag, &tj->d)) == NULL) {
		tj->e = NULL;
		return;
	}
	trans_check(&tj->tr, tj->t, &to, tj->in.s != NULL ? tj->in.s : "",
	    tj->in.len, &tj->l, NULL, &tj->d);
	text_close(tj->t);
	tj->t = NULL;
	/*
	 * Here, beside the audio, not after it: a report's characters and
	 * words, and the lines the duplicate check compares, sorted as it
	 * wants them.
	 */
	if (o->view != NULL)
		tj->count = html_count(buf_str(&tj->in), tj->in.len, 1);
	collect_lines(buf_str(&tj->in), tj->in.len, &tj->text, &tj->ntext);
	if (tj->ntext > 0)
		qsort(tj->text, tj->ntext, sizeof(*tj->text), item_cmp);
}

static void *
audio_work(size_t i, void *state, void *arg)
{
	struct audio_job *j = arg;
	struct dataset_entry *e;
	struct audio_res *r;
	struct buf b = BUF_INIT;
	struct loc l;
	char *path;

	if (j->tj != NULL && i-- == 0) {
		trans_first(j->tj);
		return j->tj;
	}
	e = j->wav[i];
	r = xcalloc(1, sizeof(*r));
	entry_loc(j->ds, e, &l, &path);
	if (dataset_size(j->ds, e, &r->rd) == -1)
		goto out;
	if (e->size > LINT_MEMBER_MAX) {
		diag_syserr(&r->rd, "cannot check '%s': %llu bytes is too big "
		    "to read into memory", e->name,
		    (unsigned long long)e->size);
		goto out;
	}
	if (dataset_read(j->ds, e, &b, LINT_MEMBER_MAX, &r->rd) != 0)
		goto out;
	audit_mem(&j->ao, l.file, l.member, b.s != NULL ? b.s : "", b.len,
	    &r->af);
	/*
	 * The length pairing wants, from the header as it reads it (the
	 * first RIFF_HEAD_MAX bytes): here, in parallel, from bytes read
	 * already, not once more a file after another.  Each worker has
	 * its own entries.
	 */
	j->secs[e - j->ds->v] = riff_seconds((const unsigned char *)b.s,
	    b.len < RIFF_HEAD_MAX ? b.len : RIFF_HEAD_MAX, e->size);
	/* Duplicates are the same samples, whatever the headers say. */
	if (r->af.f.header_bytes >= 0 && r->af.f.data_bytes >= 0 &&
	    (uint64_t)(r->af.f.header_bytes + r->af.f.data_bytes) <= b.len)
		hash_mem(b.s + r->af.f.header_bytes,
		    (size_t)r->af.f.data_bytes, r->hash);
	else
		hash_mem(b.s != NULL ? b.s : "", b.len, r->hash);
out:
	buf_release(&b);
	if (j->view != NULL) {		/* the view's, not made twice */
		r->l = l;
		r->path = path;
	} else
		free(path);
	return r;
}

static void
audio_done(size_t i, void *res, void *arg)
{
	struct audio_job *j = arg;
	struct audio_res *r = res;

	if (j->tj != NULL && i-- == 0)
		return;
	diag_move(j->d, &r->rd);
	diag_move(j->d, &r->af.d);
	if (r->af.f.opened) {
		audit_set_add(&j->set, &j->ao, &r->af.f);
		j->res->seconds += audit_seconds(&r->af.f) > 0 ?
		    audit_seconds(&r->af.f) : 0;
		if (j->view != NULL)
			view_audio(j->view, j->wav[i], &r->l, &r->af.f);
	}
	if (r->hash[0] != '\0')
		set_add(&j->collect->audio, &j->collect->naudio,
		    j->wav[i]->name, r->hash);
}

/* On the worker that made it (jobs.h): the transcript's is not ours. */
static void
audio_release(void *res, void *arg)
{
	struct audio_job *j = arg;
	struct audio_res *r = res;

	if (j->tj != NULL && res == (void *)j->tj)
		return;
	diag_release(&r->rd);
	audit_file_release(&r->af);
	free(r->path);
	free(r);
}

static void
lint_audio(const struct lint_opts *o, struct dataset *ds,
    struct lint_set *collect, double *secs, struct trans_job *tj,
    struct lint_result *res, struct diag *d)
{
	struct audio_job j;
	struct jobs_spec js = { 0 };
	size_t i, n = 0;

	memset(&j, 0, sizeof(j));
	j.wav = xcalloc(ds->n + 1, sizeof(*j.wav));
	/* Links, bombs, encrypted members, unsafe names: never read. */
	for (i = 0; i < ds->n; i++)
		if (dataset_is_root_wav(&ds->v[i]) &&
		    !dataset_skip(ds, &ds->v[i], o->prof))
			j.wav[n++] = &ds->v[i];
	j.ds = ds;
	j.ao.prof = o->prof;
	j.ao.testing = o->testing;
	j.ao.scan = o->scan;
	j.ao.pad_total = 1;
	j.d = d;
	j.collect = collect;
	j.res = res;
	j.view = o->view;
	j.secs = secs;
	j.tj = tj;
	js.n = n + (tj != NULL);
	js.threads = o->jobs;
	js.work = audio_work;
	js.done = audio_done;
	js.release = audio_release;
	js.ctx = &j;
	jobs_run(&js);
	audit_set_end(&j.set, &j.ao, ds->path, d);
	res->audio = n;
	free(j.wav);
}

static int
item_cmp(const void *a, const void *b)
{
	const struct lint_item *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	return c != 0 ? c : strcmp(x->name, y->name);
}

static int
items_sorted(const struct lint_item *v, size_t n)
{
	size_t i;

	for (i = 1; i < n; i++)
		if (item_cmp(&v[i - 1], &v[i]) > 0)
			return 0;
	return 1;
}

/* Text of transcript lines, keyed by what the service would compare. */
static void
collect_lines(const char *s, size_t len, struct lint_item **v, size_t *n)
{
	const char *p = s, *end = s + len, *nl, *tab;
	struct buf key = BUF_INIT;
	char *name;

	if (len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	for (; p < end; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		if ((tab = memchr(p, '\t', (size_t)(nl - p))) == NULL)
			continue;
		buf_reset(&key);
		text_squeeze(tab + 1, (size_t)(nl - tab - 1), &key);
		if (key.len == 0)
			continue;
		name = xstrndup(p, (size_t)(tab - p));
		set_add(v, n, name, key.s);
		free(name);
		if (nl == end)
			break;
	}
	buf_release(&key);
}

/*
 * A transcript's characters and words (counted already unless c is
 * NULL), and each clip's line.
 */
static void
view_lines(struct html_view *v, const struct loc *l, const struct buf *in,
    const struct html_count *c, const struct trans *tr)
{
	size_t i;

	if (v == NULL)
		return;
	if (c != NULL)
		html_add_counted(v, l->file, l->member, c);
	else
		html_add_transcript(v, l->file, l->member, buf_str(in),
		    in->len);
	for (i = 0; i < tr->n; i++)
		html_add_line(v, tr->v[i].name, tr->v[i].line, tr->v[i].words,
		    tr->v[i].chars);
}

/* Pairing, once the audio is done; then what the transcript gives. */
static void
lint_transcript(const struct lint_opts *o, struct trans_job *tj,
    struct lint_set *collect, const double *secs, struct lint_result *res,
    struct diag *d)
{
	size_t i;

	diag_move(d, &tj->d);
	if (tj->e != NULL) {
		trans_pair(&tj->tr, tj->ds, secs, &tj->l, d);
		res->lines = tj->tr.n;
		view_lines(o->view, &tj->l, &tj->in, tj->count, &tj->tr);
		for (i = 0; i < tj->ntext; i++)
			set_take(&collect->text, &collect->ntext,
			    &tj->text[i]);
	}
	free(tj->text);
	text_close(tj->t);
	trans_release(&tj->tr);
	buf_release(&tj->in);
	html_count_free(tj->count);
	diag_release(&tj->d);
	free(tj->path);
}

/*
 * The same audio under two names, or the same sentence for two clips:
 * sort by key and compare neighbours.
 */
static void
lint_duplicates(const struct dataset *ds, struct lint_set *s, struct diag *d)
{
	struct loc l = { ds->path, NULL, 0, 0 };
	size_t i;

	/* qsort may not be given NULL, even for no items. */
	if (s->naudio > 0)
		qsort(s->audio, s->naudio, sizeof(*s->audio), item_cmp);
	for (i = 1; i < s->naudio; i++)
		if (strcmp(s->audio[i - 1].key, s->audio[i].key) == 0 &&
		    strcmp(s->audio[i - 1].name, s->audio[i].name) != 0) {
			if (ds->zip)
				l.member = s->audio[i].name;
			diag_add(d, &l, "PKG-DUP-AUDIO", "'%s' holds the same "
			    "audio as '%s'; it is used twice", s->audio[i].name,
			    s->audio[i - 1].name);
		}
	/* The transcript's lines come sorted (trans_first). */
	if (s->ntext > 0 && !items_sorted(s->text, s->ntext))
		qsort(s->text, s->ntext, sizeof(*s->text), item_cmp);
	l.member = NULL;
	for (i = 1; i < s->ntext; i++)
		if (strcmp(s->text[i - 1].key, s->text[i].key) == 0 &&
		    strcmp(s->text[i - 1].name, s->text[i].name) != 0)
			diag_add(d, &l, "PKG-DUP-TEXT", "'%s' and '%s' have the "
			    "same transcript '%s'", s->text[i - 1].name,
			    s->text[i].name, s->text[i].key);
}

/* Each key of v to its first item: v is sorted, so to the first name. */
static void
set_index(struct strset *ix, const struct lint_item *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		(void)strset_add(ix, v[i].key, strlen(v[i].key), i, NULL);
}

static const struct lint_item *
set_find(const struct strset *ix, const struct lint_item *v, const char *key)
{
	size_t k = strset_find(ix, key, strlen(key));

	return k != STRSET_NONE ? &v[strset_val(ix, k)] : NULL;
}

/*
 * Training data that is also in the test set.  Both sets are sorted
 * (lint_duplicates()), so findings come in key order and name the
 * first of the other set's items with that key.
 */
static void
lint_leaks(const struct dataset *ds, const struct lint_set *s,
    const struct lint_set *other, struct diag *d)
{
	struct loc l = { ds->path, NULL, 0, 0 };
	struct strset audio = STRSET_INIT, text = STRSET_INIT;
	const struct lint_item *hit;
	size_t i;

	set_index(&audio, other->audio, other->naudio);
	set_index(&text, other->text, other->ntext);
	for (i = 0; i < s->naudio; i++)
		if ((hit = set_find(&audio, other->audio,
		    s->audio[i].key)) != NULL) {
			l.member = ds->zip ? s->audio[i].name : NULL;
			diag_add(d, &l, "PKG-LEAK", "'%s' is the same audio as "
			    "'%s' in the other set", s->audio[i].name,
			    hit->name);
		}
	l.member = NULL;
	for (i = 0; i < s->ntext; i++)
		if ((hit = set_find(&text, other->text,
		    s->text[i].key)) != NULL)
			diag_add(d, &l, "PKG-LEAK", "'%s' has the same sentence "
			    "as '%s' in the other set: '%s'", s->text[i].name,
			    hit->name, s->text[i].key);
	strset_release(&audio);
	strset_release(&text);
}

/*
 * Whether the locale takes this kind of data for the purpose: the audio
 * kinds and related text.  Pronunciation files (pron.c) and the two
 * markdown kinds (md_check_file) say it in their own checks.
 */
static void
lint_locale(const struct lint_opts *o, const char *path, unsigned int kind,
    struct diag *d)
{
	struct loc l = { path, NULL, 0, 0 };
	const char *tag = o->loc->tag;

	if (o->loc->kinds & kind)
		return;
	switch (kind) {
	case KIND_ACOUSTIC:
		if (!o->testing)
			diag_add(d, &l, "PKG-LOCALE", "%s has no acoustic "
			    "adaptation; the service trains on the "
			    "transcripts as text only", tag);
		break;
	case KIND_AUDIOFILES:
		if (!o->testing)
			diag_add(d, &l, "AUDIO-ONLY-TRAIN", "%s cannot train "
			    "on audio alone; audio-only data serves testing",
			    tag);
		break;
	default:
		diag_add(d, &l, "PKG-LOCALE", "%s takes no %s data", tag,
		    kind_name((enum kind)kind));
		break;
	}
}

/* Metadata a file manager leaves: macOS Finder's, Windows Explorer's. */
static int
os_litter(const char *name)
{
	const char *b = strrchr(name, '/');

	if (strncmp(name, "__MACOSX/", 9) == 0)
		return 1;
	b = b != NULL && b[1] != '\0' ? b + 1 : name;
	return strcmp(b, ".DS_Store") == 0 || strcasecmp(b, "Thumbs.db") == 0 ||
	    strcasecmp(b, "desktop.ini") == 0;
}

/*
 * The one folder that holds everything ("data/" of zip -r data.zip
 * data), as a new string, or NULL.  File manager litter is not counted.
 */
static char *
lone_folder(const struct dataset *ds)
{
	char *top = NULL;
	const char *slash;
	size_t i, n, files = 0;

	for (i = 0; i < ds->n; i++) {
		const char *name = ds->v[i].name;

		if (os_litter(name))
			continue;
		if ((slash = strchr(name, '/')) == NULL) {
			free(top);
			return NULL;
		}
		n = (size_t)(slash - name) + 1;
		if (top == NULL)
			top = xstrndup(name, n);
		else if (strlen(top) != n || strncmp(name, top, n) != 0) {
			free(top);
			return NULL;
		}
		files += !ds->v[i].dir;
	}
	if (files == 0) {
		free(top);
		return NULL;
	}
	return top;
}

/*
 * Layout of an audio dataset: WAVs at the root and, for acoustic data,
 * one transcript; anything else is not used by the service.
 */
static void
lint_layout(const struct dataset *ds, unsigned int kind, struct diag *d)
{
	struct loc l;
	const char *why;
	char *path;
	size_t i;
	int macosx = 0;

	for (i = 0; i < ds->n; i++) {
		const struct dataset_entry *e = &ds->v[i];

		/* A file manager's metadata: a warning, once for __MACOSX. */
		if (os_litter(e->name)) {
			if (strncmp(e->name, "__MACOSX/", 9) == 0 && macosx++)
				continue;
			entry_loc(ds, e, &l, &path);
			diag_addsev(d, &l, "PKG-ZIP-FLAT", SEV_WARNING, "'%s' is "
			    "file manager metadata; the service does not use "
			    "it", strncmp(e->name, "__MACOSX/", 9) == 0 ?
			    "__MACOSX/" : e->name);
			free(path);
			continue;
		}
		/* Unsafe names are PKG-ZIP-PATH findings already. */
		if (dataset_is_root_wav(e) || (kind == KIND_ACOUSTIC && dataset_is_root_text(e)) ||
		    dataset_unsafe_name(e->name, &why))
			continue;
		entry_loc(ds, e, &l, &path);
		if (e->dir)
			diag_add(d, &l, "PKG-ZIP-FLAT", "folder '%s'; the "
			    "archive must be flat", e->name);
		else if (strchr(e->name, '/') != NULL)
			diag_add(d, &l, "PKG-ZIP-FLAT", "'%s' is in a folder; "
			    "the service does not use it", e->name);
		else if (kind == KIND_AUDIOFILES && dataset_is_root_text(e))
			diag_addsev(d, &l, "PKG-ZIP-FLAT", SEV_WARNING,
			    "a transcript in audio-only data is not used");
		else
			diag_add(d, &l, "PKG-ZIP-FLAT", "'%s' is neither a WAV "
			    "file nor the transcript; the service does not "
			    "use it", e->name);
		free(path);
	}
}

static int
lint_dataset(const struct lint_opts *o, const char *path,
    const struct lint_set *other, struct lint_set *collect,
    struct lint_result *res, struct diag *d)
{
	struct dataset ds = DATASET_INIT;
	struct loc l = { path, NULL, 0, 0 };
	struct trans_job tj;
	size_t wavs, texts, i;
	unsigned int kind;
	double *secs;
	char *top;

	if (dataset_open_names(&ds, path, d) == -1) {
		dataset_close(&ds);
		return -1;
	}
	dataset_check_zip(&ds, o->prof, d);
	kind = dataset_kind(&ds, &wavs, &texts);
	res->kind = o->kind;
	res->detected = o->kind == 0;
	/* zip -r data.zip data: one finding, not one per member. */
	if (wavs == 0 && texts == 0 && (top = lone_folder(&ds)) != NULL) {
		diag_add(d, &l, "PKG-ZIP-FLAT", "everything is in the folder "
		    "'%s'; the service reads only the %s's top level: %s",
		    top, ds.zip ? "archive" : "dataset", ds.zip ? "zip the "
		    "folder's files, not the folder" : "point at the folder "
		    "itself");
		free(top);
		dataset_close(&ds);
		return 0;
	}
	if (res->kind == 0)
		res->kind = kind;
	if (res->kind == KIND_ACOUSTIC || res->kind == KIND_AUDIOFILES) {
		if (wavs == 0)
			diag_add(d, &l, "PKG-ZIP-FLAT", "no WAV file at the "
			    "root; %s data is WAV files in a flat archive",
			    kind_name((enum kind)res->kind));
		lint_layout(&ds, res->kind, d);
		lint_locale(o, path, res->kind, d);
		/* NAN: not learnt while auditing, pairing reads it. */
		secs = xreallocarray(NULL, ds.n + 1, sizeof(*secs));
		for (i = 0; i < ds.n; i++)
			secs[i] = NAN;
		trans_job_init(&tj, o, &ds);
		lint_audio(o, &ds, collect, secs, res->kind == KIND_ACOUSTIC ?
		    &tj : NULL, res, d);
		if (res->kind == KIND_ACOUSTIC)
			lint_transcript(o, &tj, collect, secs, res, d);
		free(secs);
		lint_duplicates(&ds, collect, d);
		if (other != NULL)
			lint_leaks(&ds, collect, other, d);
	} else if (res->kind == 0)
		diag_add(d, &l, "PKG-ZIP-FLAT", "no WAV file and no transcript; "
		    "nothing the service can use");
	else
		diag_add(d, &l, "PKG-TEXT-RAW", "%s data is one uncompressed "
		    "file, not a %s; upload the file itself",
		    kind_name((enum kind)res->kind), ds.zip ? "zip archive" :
		    "folder");
	dataset_close(&ds);
	return 0;
}

/* A single audio file: the audit, and the advice to zip it. */
static int
lint_wav(const struct lint_opts *o, const char *path,
    struct lint_result *res, struct diag *d)
{
	struct audit_opts ao;
	struct audit_file af;
	struct audit_set set = AUDIT_SET_INIT;
	struct loc l = { path, NULL, 0, 0 };

	memset(&ao, 0, sizeof(ao));
	ao.prof = o->prof;
	ao.testing = o->testing;
	ao.scan = o->scan;
	ao.pad_total = 1;
	res->kind = o->kind ? o->kind : KIND_AUDIOFILES;
	res->detected = o->kind == 0;
	audit_file(&ao, path, &af);
	diag_move(d, &af.d);
	if (af.f.opened) {
		if (o->view != NULL) {
			struct html_audio a;

			view_facts(&af.f, &a);
			html_add_audio(o->view, path, path, NULL, &a);
		}
		res->audio = 1;
		res->seconds = audit_seconds(&af.f) > 0 ?
		    audit_seconds(&af.f) : 0;
		diag_add(d, &l, "PKG-ZIP", "audio is uploaded as a zip of WAV "
		    "files, not one by one");
		/* Only the short pauses: one file is not a training set. */
		audit_set_add(&set, &ao, &af.f);
		ao.testing = 1;
		audit_set_end(&set, &ao, path, d);
	}
	audit_file_release(&af);
	return 0;
}

/* A transcript on its own: its checks, without pairing. */
static void
lint_trans_file(const struct lint_opts *o, const char *path,
    const struct buf *in, struct lint_result *res, struct diag *d)
{
	struct trans tr = TRANS_INIT;
	struct trans_opts to;
	struct text *t;
	struct loc l = { path, NULL, 0, 0 };

	memset(&to, 0, sizeof(to));
	to.loc = o->loc;
	to.repeat_max = o->prof->repeat_max;
	if ((t = text_open(o->loc->tag, d)) == NULL)
		return;
	trans_check(&tr, t, &to, buf_str(in), in->len, &l, NULL, d);
	res->lines = tr.n;
	view_lines(o->view, &l, in, NULL, &tr);
	text_close(t);
	trans_release(&tr);
}

/*
 * The markdown kinds: the file (size, extension, BOM, locale), then its
 * content as vox-md checks it; a display-format file also runs its own
 * #test cases (DISP-TEST).
 */
static void
lint_md(const struct lint_opts *o, const char *path, const struct buf *in,
    int over, unsigned int kind, struct diag *d)
{
	struct md_opts mo;
	struct disp *dp;

	md_check_file(kind, path, buf_str(in), in->len, over, o->prof, o->loc,
	    d);
	if (kind == KIND_LANGUAGEMARKDOWN) {
		memset(&mo, 0, sizeof(mo));
		mo.prof = o->prof;
		mo.loc = o->loc;
		mo.text = 1;
		mo.jobs = 1;
		md_free(md_parse(buf_str(in), in->len, path, &mo, d));
		return;
	}
	dp = disp_parse_prof(buf_str(in), in->len, path, o->prof, o->loc, d);
	disp_test(dp, d, NULL, NULL);
	disp_free(dp);
}

/* Related text: what vox-text --check reports. */
static void
lint_related(const struct lint_opts *o, const char *path,
    const struct buf *in, struct lint_result *res, struct diag *d)
{
	struct related_opts ro;
	struct related_stats st;
	struct buf out = BUF_INIT;

	related_opts_init(&ro, o->prof, o->loc);
	memset(&st, 0, sizeof(st));
	ro.check = 1;
	related_check_mem(&ro, NULL, buf_str(in), in->len, path, &out, &st,
	    d);
	res->lines = st.lines_in;
	if (o->view != NULL)
		html_add_text(o->view, path, buf_str(in), in->len);
	buf_release(&out);
}

/* Pronunciations: what vox-pron --check reports. */
static void
lint_pron(const struct lint_opts *o, const char *path,
    const struct buf *in, struct lint_result *res, struct diag *d)
{
	struct pron_opts po;
	struct pron_stats st;
	struct buf out = BUF_INIT;

	pron_opts_init(&po, o->prof, o->loc);
	memset(&st, 0, sizeof(st));
	po.check = 1;
	pron_check(&po, NULL, buf_str(in), in->len, path, NULL, &out, &st, d);
	res->lines = st.lines_in;
	buf_release(&out);
}

static int
lint_text(const struct lint_opts *o, const char *path,
    struct lint_result *res, struct diag *d)
{
	struct buf in = BUF_INIT;
	struct loc l = { path, NULL, 0, 0 };
	unsigned int k;
	int rc, transcript;

	/* Read a little past the largest limit, to measure the overflow. */
	if ((rc = io_read_file(path, &in, 1600UL << 20, d)) == -1)
		return -1;
	res->kind = dataset_text_kind(path, &in, &transcript);
	/* The two markdown kinds apart by their content, as vox-md does. */
	if ((res->kind == KIND_LANGUAGEMARKDOWN ||
	    res->kind == KIND_OUTPUTFORMATTING) &&
	    (k = md_detect(buf_str(&in), in.len)) != 0)
		res->kind = k;
	res->detected = o->kind == 0;
	if (o->kind != 0) {
		res->kind = o->kind;
		transcript = o->kind == KIND_ACOUSTIC;
	}
	if (transcript) {
		lint_trans_file(o, path, &in, res, d);
		goto out;
	}
	if (res->kind == KIND_LANGUAGE) {
		lint_related(o, path, &in, res, d);
		lint_locale(o, path, res->kind, d);
		goto out;
	}
	if (res->kind == KIND_PRONUNCIATION) {
		lint_pron(o, path, &in, res, d);
		goto out;
	}
	/* Forced with -k: a text file holds no audio at all. */
	if (res->kind == KIND_AUDIOFILES) {
		diag_add(d, &l, "PKG-ZIP-FLAT", "no audio file, only text; %s "
		    "data is WAV files in a flat archive",
		    kind_name((enum kind)res->kind));
		goto out;
	}
	lint_md(o, path, &in, rc == 1, res->kind, d);
out:
	buf_release(&in);
	return 0;
}

/*
 * Lint the dataset at path: a folder or zip of audio, an audio file or
 * a text file.  With other (a set that lint_path collected, so sorted by
 * key), report what this set shares with it; with
 * collect, keep this set's audio and sentences for such a comparison.
 * Returns 0, or -1 after a system error.
 */
int
lint_path(const struct lint_opts *o, const char *path,
    const struct lint_set *other, struct lint_set *collect,
    struct lint_result *res, struct diag *d)
{
	struct lint_set own = LINT_SET_INIT;
	struct stat st;
	int rc;

	memset(res, 0, sizeof(*res));
	if (collect == NULL)
		collect = &own;
	if (stat(path, &st) == -1) {
		diag_syserr(d, "cannot open '%s': %s", path, strerror(errno));
		return -1;
	}
	if (o->view != NULL)
		html_dataset(o->view, path);
	if (S_ISDIR(st.st_mode) || dataset_is_zip(path))
		rc = lint_dataset(o, path, other, collect, res, d);
	else if (dataset_is_audio(path))
		rc = lint_wav(o, path, res, d);
	else
		rc = lint_text(o, path, res, d);
	if (o->view != NULL)
		html_dataset_end(o->view, res->kind, res->detected, res->audio,
		    res->seconds, res->lines);
	lint_set_release(&own);
	return rc;
}

/* One line per dataset: ok, or the counts; then what it is. */
void
lint_verdict(struct buf *fp, const char *path, const struct lint_result *res,
    const struct locale *loc, const struct diag *d)
{
	size_t n[4] = { 0, 0, 0, 0 }, i;
	int syserr = 0;

	for (i = 0; i < d->n; i++) {
		n[d->v[i].sev]++;
		syserr |= d->v[i].rule == NULL;
	}
	/* Findings over the cap are not shown, but they count. */
	for (i = SEV_NOTE; i <= SEV_ERROR; i++)
		n[i] += diag_held(d, (enum severity)i);
	buf_printf(fp, "%s: ", path);
	if (n[SEV_ERROR] + n[SEV_WARNING] == 0)
		buf_addstr(fp, "ok");
	else {
		buf_count(fp, n[SEV_ERROR], "error", "errors");
		if (n[SEV_WARNING] > 0) {
			buf_addstr(fp, ", ");
			buf_count(fp, n[SEV_WARNING], "warning", "warnings");
		}
	}
	if (res->kind == 0) {
		buf_printf(fp, "; %s, %s\n", n[SEV_ERROR] > 0 && syserr ?
		    "not checked" : "kind unknown", loc->tag);
		return;
	}
	buf_printf(fp, "; %s (%s), %s", kind_name((enum kind)res->kind),
	    res->detected ? "detected" : "given", loc->tag);
	/* A transcript linted alone has no audio to count. */
	if ((res->kind == KIND_ACOUSTIC || res->kind == KIND_AUDIOFILES) &&
	    (res->audio > 0 || res->lines == 0)) {
		buf_addstr(fp, ", ");
		buf_count(fp, res->audio, "audio file", "audio files");
		buf_addstr(fp, ", ");
		if (res->seconds < 360)
			buf_printf(fp, "%.1f s", res->seconds);
		else
			buf_printf(fp, "%.2f h", res->seconds / 3600);
	}
	if (res->lines > 0) {
		buf_addstr(fp, ", ");
		buf_count(fp, res->lines, "line", "lines");
	}
	buf_addc(fp, '\n');
}
