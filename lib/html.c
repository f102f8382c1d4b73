/*
 * HTML reports (html.h).  Collecting is cheap enough for every run: a
 * record of a few numbers per file, one counter per distinct character
 * (a table of 256-character pages, made as characters are seen) and one
 * per distinct word.  Everything else (histograms, outliers, which file
 * a finding is about) is worked out once, when the page is written.
 *
 * The page is polyglot markup: the XHTML syntax of HTML5, so that it is
 * well-formed XML that xmllint checks and a page every browser reads,
 * written through lib/xml.c's libxml2 writer, which escapes every name
 * and text; the rows of big tables and the points of plots are markup
 * put together here, escaped as the writer escapes (xml_esc), and
 * written a chunk at a time.  Names are also escaped as in every other
 * output (buf_addesc), so a control character or a bidirectional
 * override in a file name shows as \x.. or \u.... rather than acting.
 * Plots are inline SVG with axes and units; a small inline script sorts
 * and filters the tables, and the page says all it has to say without
 * it.  Nothing is loaded from elsewhere: the page opens offline.
 */
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "html.h"
#include "profile.h"
#include "strset.h"
#include "text.h"
#include "utf8.h"
#include "xalloc.h"
#include "xml.h"

#define INV_PAGES	(0x110000 >> 8)

/* The two inventories: transcripts, and related text. */
enum {
	INV_TRANS,
	INV_TEXT,
	INV_N
};

struct hds {
	char		*path;
	unsigned int	 kind;		/* 0: unknown */
	int		 detected;
	int		 ended;
	size_t		 audio;
	double		 secs;
	size_t		 lines;
	char		*tfile;		/* its transcript, or NULL */
	char		*tmember;
};

struct hrec {
	char			*name;	/* in its dataset: "a1.wav" */
	char			*file;	/* of the audio; NULL: none */
	char			*member;
	size_t			 ds;
	unsigned long		 tline;	/* 0: no transcript line */
	size_t			 words;
	size_t			 chars;
	int			 audio;
	struct html_audio	 a;
};

/* A text the inventories were fed from. */
struct hsrc {
	char	*file;
	char	*member;
};

struct hchar {
	uint64_t	n;
	size_t		src;		/* index + 1 in src; 0: never seen */
	unsigned long	line;
};

struct hinv {
	struct hchar	*page[INV_PAGES];
	size_t		 distinct;
	uint64_t	 chars;
	struct strset	 words;		/* val: how many times */
	uint64_t	 nwords;
};

struct hutt {
	size_t			 name;	/* in utts */
	char			*ref;
	char			*hyp;	/* NULL: no hypothesis */
	struct html_score	 c;
};

struct hconf {
	char	*ref;			/* NULL: an insertion */
	char	*hyp;			/* NULL: a deletion */
	size_t	 n;
};

struct hsys {
	char			*name;
	char			*unit;	/* "WER", "CER", "TER" */
	struct html_score	 sum;
	struct hutt		*u;
	size_t			 nu;
	struct hconf		*conf;
	size_t			 nconf;
};

struct html_view {
	const struct profile	*prof;
	const struct locale	*loc;
	int			 testing;
	struct hds		*ds;
	size_t			 nds;
	struct hrec		*rec;
	size_t			 nrec;
	struct strset		 byname;	/* dataset, name: record */
	struct hsrc		*src;
	size_t			 nsrc;
	struct hinv		 inv[INV_N];
	struct buf		 key;		/* scratch */
	struct hsys		*sys;
	size_t			 nsys;
	struct strset		 utts;		/* utterance names */
	unsigned int		 threads;	/* to write the page with */
};

/* Grow an array of n items at each power of two: n adds cost O(n). */
static void *
grow(void *v, size_t n, size_t size)
{
	if ((n & (n - 1)) == 0)
		v = xreallocarray(v, n > 0 ? n * 2 : 1, size);
	return v;
}

static char *
dup_or_null(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

struct html_view *
html_view_new(void)
{
	return xcalloc(1, sizeof(struct html_view));
}

void
html_view_free(struct html_view *v)
{
	size_t i, k;

	if (v == NULL)
		return;
	for (i = 0; i < v->nds; i++) {
		free(v->ds[i].path);
		free(v->ds[i].tfile);
		free(v->ds[i].tmember);
	}
	free(v->ds);
	for (i = 0; i < v->nrec; i++) {
		free(v->rec[i].name);
		free(v->rec[i].file);
		free(v->rec[i].member);
	}
	free(v->rec);
	strset_release(&v->byname);
	for (i = 0; i < v->nsrc; i++) {
		free(v->src[i].file);
		free(v->src[i].member);
	}
	free(v->src);
	for (k = 0; k < INV_N; k++) {
		for (i = 0; i < INV_PAGES; i++)
			free(v->inv[k].page[i]);
		strset_release(&v->inv[k].words);
	}
	buf_release(&v->key);
	for (i = 0; i < v->nsys; i++) {
		for (k = 0; k < v->sys[i].nu; k++) {
			free(v->sys[i].u[k].ref);
			free(v->sys[i].u[k].hyp);
		}
		for (k = 0; k < v->sys[i].nconf; k++) {
			free(v->sys[i].conf[k].ref);
			free(v->sys[i].conf[k].hyp);
		}
		free(v->sys[i].u);
		free(v->sys[i].conf);
		free(v->sys[i].name);
		free(v->sys[i].unit);
	}
	free(v->sys);
	strset_release(&v->utts);
	free(v);
}

/* The run's profile, locale and purpose, for limits and rules. */
void
html_context(struct html_view *v, const struct profile *prof,
    const struct locale *loc, int testing)
{
	v->prof = prof;
	v->loc = loc;
	v->testing = testing;
}

/* How many threads may write the page (0 or 1, the default: one). */
void
html_threads(struct html_view *v, unsigned int n)
{
	v->threads = n;
}

/* Start a dataset: what is added next belongs to it. */
void
html_dataset(struct html_view *v, const char *path)
{
	struct hds *d;

	v->ds = grow(v->ds, v->nds, sizeof(*v->ds));
	d = &v->ds[v->nds++];
	memset(d, 0, sizeof(*d));
	d->path = xstrdup(path);
}

static size_t
cur_ds(struct html_view *v)
{
	if (v->nds == 0)
		html_dataset(v, "");
	return v->nds - 1;
}

/* What the dataset turned out to be: kind, audio files, seconds, lines. */
void
html_dataset_end(struct html_view *v, unsigned int kind, int detected,
    size_t audio, double secs, size_t lines)
{
	struct hds *d = &v->ds[cur_ds(v)];

	d->kind = kind;
	d->detected = detected;
	d->audio = audio;
	d->secs = secs;
	d->lines = lines;
	d->ended = 1;
}

/* The record of name in the current dataset, made if new. */
static struct hrec *
rec_of(struct html_view *v, const char *name)
{
	size_t ds = cur_ds(v), at;
	struct hrec *r;

	buf_reset(&v->key);
	buf_add(&v->key, &ds, sizeof(ds));
	buf_addstr(&v->key, name);
	if (!strset_add(&v->byname, v->key.s, v->key.len, v->nrec, &at))
		return &v->rec[strset_val(&v->byname, at)];
	v->rec = grow(v->rec, v->nrec, sizeof(*v->rec));
	r = &v->rec[v->nrec++];
	memset(r, 0, sizeof(*r));
	r->name = xstrdup(name);
	r->ds = ds;
	r->a.secs = -1;
	return r;
}

/*
 * An audio file of the current dataset: its name there (for the
 * transcript's lines), where findings about it point (file, or a zip
 * and member), and what the audit learnt.
 */
void
html_add_audio(struct html_view *v, const char *name, const char *file,
    const char *member, const struct html_audio *a)
{
	struct hrec *r = rec_of(v, name);

	free(r->file);
	free(r->member);
	r->file = xstrdup(file);
	r->member = dup_or_null(member);
	r->audio = 1;
	r->a = *a;
}

/* A transcript line of the current dataset: the clip, its words. */
void
html_add_line(struct html_view *v, const char *name, unsigned long line,
    size_t words, size_t chars)
{
	struct hrec *r = rec_of(v, name);

	if (r->tline != 0)		/* a name twice: the first line */
		return;
	r->tline = line;
	r->words = words;
	r->chars = chars;
}

static size_t
src_add(struct html_view *v, const char *file, const char *member)
{
	v->src = grow(v->src, v->nsrc, sizeof(*v->src));
	v->src[v->nsrc].file = xstrdup(file);
	v->src[v->nsrc].member = dup_or_null(member);
	return ++v->nsrc;
}

static void
inv_char(struct hinv *iv, int32_t c, size_t src, unsigned long line)
{
	struct hchar *pg = iv->page[c >> 8], *h;

	if (pg == NULL)
		pg = iv->page[c >> 8] = xcalloc(256, sizeof(*pg));
	h = &pg[c & 0xff];
	if (h->n++ == 0) {
		iv->distinct++;
		h->src = src;
		h->line = line;
	}
	iv->chars++;
}

static void
inv_word(struct hinv *iv, struct buf *w)
{
	size_t at;

	if (w->len == 0)
		return;
	(void)strset_add(&iv->words, w->s, w->len, 0, &at);
	iv->words.v[at].val++;
	iv->nwords++;
	buf_reset(w);
}

static int
word_cp(int32_t c)
{
	enum text_class k;

	if (c < 0x80)
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9');
	k = text_char_class(c);
	return k == TEXT_C_LETTER || k == TEXT_C_UPPER || k == TEXT_C_DIGIT;
}

/*
 * Count the characters of one line and its words: runs of letters and
 * digits, an apostrophe inside them included ("don't"), case folded.
 * Invalid bytes are skipped (the rules report them).
 */
static void
inv_line(struct hinv *iv, struct buf *w, const char *s, size_t n,
    size_t src, unsigned long line)
{
	size_t i = 0, j;
	int32_t c;
	char u[4];

	buf_reset(w);
	while (i < n) {
		j = i;
		if ((c = utf8_cp(s, n, &i)) < 0) {
			inv_word(iv, w);
			continue;
		}
		inv_char(iv, c, src, line);
		if (word_cp(c)) {
			/* Han, kana, Hangul: a word each, as sclite -c. */
			if (c >= 0x1100 && text_has_cjk(s + j, i - j)) {
				inv_word(iv, w);
				buf_add(w, s + j, i - j);
				inv_word(iv, w);
				continue;
			}
			if (c < 0x80)
				buf_addc(w, c >= 'A' && c <= 'Z' ? c + 32 : c);
			else
				buf_add(w, u, utf8_enc((uint32_t)text_cp_case(c,
				    TEXT_CASE_FOLD), u));
			continue;
		}
		j = i;
		if ((c == '\'' || c == 0x2019) && w->len > 0 && i < n &&
		    (c = utf8_cp(s, n, &j)) >= 0 && word_cp(c)) {
			buf_addc(w, '\'');
			continue;
		}
		inv_word(iv, w);
	}
	inv_word(iv, w);
}

/* Whether buf is text at all: no NUL, no UTF-16 byte order mark. */
static int
is_text(const char *buf, size_t len)
{
	if (len >= 2 && (((unsigned char)buf[0] == 0xFF &&
	    (unsigned char)buf[1] == 0xFE) || ((unsigned char)buf[0] == 0xFE &&
	    (unsigned char)buf[1] == 0xFF)))
		return 0;
	return memchr(buf, '\0', len) == NULL;
}

/*
 * A text's characters and words, counted apart from any view: a worker
 * counts a transcript while the audio fills the view, and the view adds
 * the counts up (count_add) once the text's turn comes.  Characters are
 * first seen at src 1, this text, until then.
 */
struct html_count {
	struct hinv	inv;
	struct buf	w;		/* scratch: a word */
	int		text;		/* 0: not text, nothing counted */
};

/*
 * Count the lines of buf, after a BOM; with names, only what follows
 * the first TAB of a line is text (a transcript).  Lines are counted as
 * the checks count them: each LF ends one, a CR before it is not part
 * of it.
 */
struct html_count *
html_count(const char *buf, size_t len, int names)
{
	struct html_count *c = xcalloc(1, sizeof(*c));
	const char *p = buf, *end = buf + len, *nl, *tab;
	unsigned long line;
	size_t n;

	if (!is_text(buf, len))
		return c;
	c->text = 1;
	if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	for (line = 1; p < end; line++, p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		n = (size_t)(nl - p);
		if (n > 0 && p[n - 1] == '\r')
			n--;
		if (names && (tab = memchr(p, '\t', n)) != NULL) {
			n -= (size_t)(tab + 1 - p);
			inv_line(&c->inv, &c->w, tab + 1, n, 1, line);
		} else
			inv_line(&c->inv, &c->w, p, n, 1, line);
		if (nl == end)
			break;
	}
	return c;
}

void
html_count_free(struct html_count *c)
{
	size_t i;

	if (c == NULL)
		return;
	for (i = 0; i < INV_PAGES; i++)
		free(c->inv.page[i]);
	strset_release(&c->inv.words);
	buf_release(&c->w);
	free(c);
}

/*
 * Add the counts of c, a text at file (or a zip and member), to
 * inventory k: what feeding it there would have counted, characters
 * first seen where they were unless seen before, new words after the
 * others in the order the text first has them.
 */
static void
count_add(struct html_view *v, int k, const char *file, const char *member,
    const struct html_count *c)
{
	struct hinv *iv = &v->inv[k];
	const struct hchar *from;
	struct hchar *to;
	const char *w;
	size_t src, pg, i, at, len;

	if (!c->text)
		return;
	src = src_add(v, file, member);
	for (pg = 0; pg < INV_PAGES; pg++) {
		if (c->inv.page[pg] == NULL)
			continue;
		if (iv->page[pg] == NULL)
			iv->page[pg] = xcalloc(256, sizeof(*iv->page[pg]));
		for (i = 0; i < 256; i++) {
			from = &c->inv.page[pg][i];
			to = &iv->page[pg][i];
			if (from->n == 0)
				continue;
			if (to->n == 0) {
				iv->distinct++;
				to->src = src;
				to->line = from->line;
			}
			to->n += from->n;
		}
	}
	iv->chars += c->inv.chars;
	for (i = 0; i < c->inv.words.n; i++) {
		w = strset_key(&c->inv.words, i, &len);
		(void)strset_add(&iv->words, w, len, 0, &at);
		iv->words.v[at].val += strset_val(&c->inv.words, i);
	}
	iv->nwords += c->inv.nwords;
}

/*
 * The transcript of the current dataset (file, or a zip and member), as
 * counted by html_count(buf, len, 1): its characters and words.  The
 * lines of its clips come with html_add_line().
 */
void
html_add_counted(struct html_view *v, const char *file,
    const char *member, const struct html_count *c)
{
	struct hds *d = &v->ds[cur_ds(v)];

	free(d->tfile);
	free(d->tmember);
	d->tfile = xstrdup(file);
	d->tmember = dup_or_null(member);
	count_add(v, INV_TRANS, file, member, c);
}

/* The same of a transcript as read. */
void
html_add_transcript(struct html_view *v, const char *file,
    const char *member, const char *buf, size_t len)
{
	struct html_count *c = html_count(buf, len, 1);

	html_add_counted(v, file, member, c);
	html_count_free(c);
}

/* Related text, as read: its characters and words. */
void
html_add_text(struct html_view *v, const char *file, const char *buf,
    size_t len)
{
	struct html_count *c = html_count(buf, len, 0);

	count_add(v, INV_TEXT, file, NULL, c);
	html_count_free(c);
}

/* A model scored on the testing set; its utterances follow. */
void
html_wer_system(struct html_view *v, const char *name, const char *unit,
    const struct html_score *sum)
{
	struct hsys *s;

	v->sys = grow(v->sys, v->nsys, sizeof(*v->sys));
	s = &v->sys[v->nsys++];
	memset(s, 0, sizeof(*s));
	s->name = xstrdup(name);
	s->unit = xstrdup(unit);
	s->sum = *sum;
}

/* One utterance of the last model: its texts (hyp may be NULL). */
void
html_wer_utt(struct html_view *v, const char *name, const char *ref,
    const char *hyp, const struct html_score *c)
{
	struct hsys *s;
	struct hutt *u;
	size_t at;

	if (v->nsys == 0)
		return;
	s = &v->sys[v->nsys - 1];
	s->u = grow(s->u, s->nu, sizeof(*s->u));
	u = &s->u[s->nu++];
	(void)strset_add(&v->utts, name, strlen(name), 0, &at);
	u->name = at;
	u->ref = xstrdup(ref);
	u->hyp = dup_or_null(hyp);
	u->c = *c;
}

/* One of the last model's most frequent errors (NULL: a gap). */
void
html_wer_confusion(struct html_view *v, const char *ref, const char *hyp,
    size_t n)
{
	struct hsys *s;
	struct hconf *c;

	if (v->nsys == 0)
		return;
	s = &v->sys[v->nsys - 1];
	s->conf = grow(s->conf, s->nconf, sizeof(*s->conf));
	c = &s->conf[s->nconf++];
	c->ref = dup_or_null(ref);
	c->hyp = dup_or_null(hyp);
	c->n = n;
}

/* fn on a copy of file: the line it gives; the copy is freed. */
static void
rename_line(void (*fn)(void *, char **, unsigned long *), void *ctx,
    const char *file, unsigned long *line)
{
	char *f = xstrdup(file);

	fn(ctx, &f, line);
	free(f);
}

/*
 * Move every place of the view as fn says (vox-prepare: from its work
 * copies to the user's files).  fn may replace *file, which it then
 * frees, and change *line; it is called once per place.
 */
void
html_rename(struct html_view *v, void (*fn)(void *, char **,
    unsigned long *), void *ctx)
{
	unsigned long line;
	size_t i, k, p;

	for (i = 0; i < v->nrec; i++) {
		struct hrec *r = &v->rec[i];

		if (r->tline > 0 && v->ds[r->ds].tfile != NULL)
			rename_line(fn, ctx, v->ds[r->ds].tfile, &r->tline);
		line = 0;
		if (r->file != NULL)
			fn(ctx, &r->file, &line);
	}
	for (k = 0; k < INV_N; k++)
		for (p = 0; p < INV_PAGES; p++)
			for (i = 0; v->inv[k].page[p] != NULL && i < 256; i++)
				if (v->inv[k].page[p][i].src > 0)
					rename_line(fn, ctx, v->src[v->inv[k].
					    page[p][i].src - 1].file,
					    &v->inv[k].page[p][i].line);
	for (i = 0; i < v->nsrc; i++) {
		line = 0;
		fn(ctx, &v->src[i].file, &line);
	}
	for (i = 0; i < v->nds; i++) {
		line = 0;
		fn(ctx, &v->ds[i].path, &line);
		if (v->ds[i].tfile != NULL)
			fn(ctx, &v->ds[i].tfile, &line);
	}
}

/*
 * The page.
 */

/* Shown without the script too; selectors and rules hold no & < >. */
static const char css[] =
"body{font:14px/1.45 system-ui,sans-serif;color:#222;margin:0 auto;"
"max-width:1120px;padding:0 16px 48px}"
"h1{font-size:22px;margin:18px 0 6px}"
"h2{font-size:18px;margin:30px 0 8px;border-bottom:1px solid #ccc}"
"h3{font-size:15px;margin:18px 0 6px}"
"nav{margin:8px 0;font-size:13px}nav a{margin-right:14px}"
/* Sections off screen are not laid out until scrolled to: 10,000 rows. */
"section{content-visibility:auto;contain-intrinsic-size:auto 900px}"
".verdict{font-size:17px;font-weight:600;margin:4px 0}"
".fail{color:#b71c1c}.pass{color:#1b5e20}"
"dl.facts{display:grid;grid-template-columns:repeat(2,max-content "
"minmax(0,1fr));gap:2px 14px;margin:8px 0;max-width:820px}"
"dl.facts dt{color:#555}dl.facts dd{margin:0 18px 0 0}"
"td code{white-space:nowrap}"
"table{border-collapse:collapse;margin:6px 0 10px;font-size:13px}"
"th,td{border:1px solid #ddd;padding:2px 7px;text-align:left;"
"vertical-align:top}"
"th{background:#f2f2f2;position:sticky;top:0}"
".n,#files-table td,#utterances td{text-align:right;"
"font-variant-numeric:tabular-nums}"
"#files-table td:first-child,#files-table td:last-child,"
"#utterances td:first-child{text-align:left}"
".scroll{max-height:520px;overflow:auto;display:inline-block;"
"max-width:100%}"
".sev-error{color:#c62828;font-weight:600}.sev-warning{color:#a65f00;"
"font-weight:600}.sev-note{color:#1565c0}"
"tr.bad td{background:#fdecea}tr.odd td{background:#fff6e0}"
".g{font:16px monospace;white-space:pre}.dim{color:#888}"
".msg{max-width:560px}.txt{max-width:380px}"
"input.filter{margin:6px 0 2px;padding:2px 6px;width:260px}"
"figure{margin:10px 0}figcaption{font-size:12px;color:#555;"
"max-width:760px}"
"svg{display:block;font:11px system-ui,sans-serif}"
"svg .ax{stroke:#555;stroke-width:1}svg .gr{stroke:#e6e6e6}"
"svg .lbl{fill:#333}svg .ttl{font-size:13px;font-weight:600;fill:#222}"
"svg .bar{fill:#4a78b5}svg .bar2{fill:#e39b3b}"
"svg .e{fill:#c62828}svg .w{fill:#ef9f1a}svg .o{fill:#5b8fd0}"
"svg .lim{stroke:#c62828;stroke-width:1.5;stroke-dasharray:5 3}"
"svg .limt{fill:#c62828}svg .pt{fill:#4a78b5;fill-opacity:.55}"
"svg .pt.out{fill:#c62828;fill-opacity:1}"
"svg .pt.far{fill:#ef9f1a;fill-opacity:1}"
"svg a:hover rect{opacity:.75}";

/*
 * Sorting: a click on a column head sorts by it (numbers as numbers,
 * blanks last), again reverses; a box above each table filters its rows.
 */
static const char script[] =
"(function () {\n"
"function key(r, i) {\n"
"  var c = r.cells[i], v;\n"
"  if (!c) return null;\n"
"  v = c.getAttribute('data-v');\n"
"  if (v === null) v = c.textContent;\n"
"  if (v === '') return null;\n"
"  return isNaN(Number(v)) ? v.toLowerCase() : Number(v);\n"
"}\n"
"function cmp(a, b) {\n"
"  if (typeof a !== typeof b) return typeof a === 'number' ? -1 : 1;\n"
"  return a < b ? -1 : a > b ? 1 : 0;\n"
"}\n"
"function setup(t) {\n"
"  var head = t.tHead.rows[0], body = t.tBodies[0];\n"
"  var at = t.parentNode.className === 'scroll' ? t.parentNode : t;\n"
"  var box = document.createElement('input');\n"
"  box.type = 'search';\n"
"  box.className = 'filter';\n"
"  box.placeholder = 'filter rows';\n"
"  box.addEventListener('input', function () {\n"
"    var q = box.value.toLowerCase();\n"
"    Array.prototype.forEach.call(body.rows, function (r) {\n"
"      r.hidden = q !== '' && r.textContent.toLowerCase().indexOf(q) < 0;\n"
"    });\n"
"  });\n"
"  if (body.rows.length > 10) at.parentNode.insertBefore(box, at);\n"
"  Array.prototype.forEach.call(head.cells, function (th, i) {\n"
"    th.style.cursor = 'pointer';\n"
"    th.title = 'sort by this column';\n"
"    th.addEventListener('click', function () {\n"
"      var dir = th.getAttribute('data-dir') === '1' ? -1 : 1;\n"
"      var rows = Array.prototype.map.call(body.rows, function (r) {\n"
"        return [key(r, i), r];\n"
"      });\n"
"      var f = document.createDocumentFragment();\n"
"      Array.prototype.forEach.call(head.cells, function (h) {\n"
"        h.removeAttribute('data-dir');\n"
"      });\n"
"      th.setAttribute('data-dir', dir === 1 ? '1' : '-1');\n"
"      rows.sort(function (a, b) {\n"
"        if (a[0] === null || b[0] === null)\n"
"          return (a[0] === null) - (b[0] === null);\n"
"        return dir * cmp(a[0], b[0]);\n"
"      });\n"
"      rows.forEach(function (x) { f.appendChild(x[1]); });\n"
"      body.appendChild(f);\n"
"    });\n"
"  });\n"
"}\n"
"Array.prototype.forEach.call(document.querySelectorAll('table.sort'),\n"
"    setup);\n"
"})();";

static const char svgns[] = "http://www.w3.org/2000/svg";

/* Plot geometry, in pixels. */
#define PW	760
#define PH	280
#define PL	66
#define PR	20
#define PT	30
#define PB	46

/* Findings matched to a record, worked out once per page. */
struct rmark {
	enum severity		 worst;
	const struct rule	*rule;		/* the first at worst */
	size_t			 n;
	int			 rate;		/* a TRANS-RATE on its line */
};

struct page {
	struct xml_writer	*w;
	const struct html_view	*v;
	const struct html_run	*r;
	struct rmark		*mark;		/* by record */
	size_t			 sev[4];	/* findings per severity */
	size_t			 (*per)[4];	/* per rule and severity */
	struct buf		 b;		/* scratch */
	struct buf		 raw;		/* markup not yet written */
	int			 bare;		/* cells without class="n" */
};

/* The files table's rows, made by a thread of their own (rows_start). */
struct rows {
	struct page		 q;
	pthread_t		 th;
	int			 started;
};

static void
el(struct page *p, const char *name)
{
	xml_start(p->w, name);
}

static void
end(struct page *p)
{
	xml_end_full(p->w);
}

static void
attr(struct page *p, const char *k, const char *v)
{
	xml_wattr(p->w, k, v);
}

static void
text(struct page *p, const char *s)
{
	xml_wtext(p->w, s);
}

/* A name or message as every output shows it (buf_addesc). */
static void
text_esc(struct page *p, const char *s)
{
	buf_reset(&p->b);
	buf_addesc(&p->b, s);
	xml_wtext(p->w, buf_str(&p->b));
}

/* An element holding only text. */
static void
elt(struct page *p, const char *name, const char *s)
{
	el(p, name);
	text(p, s);
	end(p);
}

static void
nl(struct page *p)
{
	xml_wtext(p->w, "\n");
}

/* FILE, FILE!/MEMBER, with :LINE and :COL when known, escaped. */
static void
place(struct buf *b, const char *file, const char *member,
    unsigned long line, unsigned long col)
{
	if (file != NULL)
		buf_addesc(b, file);
	if (member != NULL) {
		buf_addstr(b, "!/");
		buf_addesc(b, member);
	}
	if (line > 0)
		buf_printf(b, ":%lu", line);
	if (line > 0 && col > 0)
		buf_printf(b, ":%lu", col);
}

static void
th(struct page *p, const char *s, int num)
{
	el(p, "th");
	if (num)
		attr(p, "class", "n");
	text(p, s);
	end(p);
}

static void
td(struct page *p, const char *s)
{
	elt(p, "td", s);
}

static void
td_esc(struct page *p, const char *s)
{
	el(p, "td");
	text_esc(p, s);
	end(p);
}

/*
 * x with dec decimals (0 to 3) into s, as printf's %.*f, but without
 * its exact decimal expansion, which is most of the cost of writing the
 * numbers of 10,000 files (ties may round the other way).
 */
static const char *
fixed(char *s, size_t size, double x, int dec)
{
	static const long long scale[] = { 1, 10, 100, 1000 };
	char tmp[32];
	long long v;
	size_t n = 0, i;
	int neg, d;

	if (!isfinite(x) || fabs(x) >= 1e15 || dec < 0 || dec > 3) {
		snprintf(s, size, "%.*f", dec, x);
		return s;
	}
	v = llround(x * (double)scale[dec]);
	neg = v < 0;
	v = neg ? -v : v;
	for (d = 0; d < dec; d++, v /= 10)
		tmp[n++] = (char)('0' + v % 10);
	if (dec > 0)
		tmp[n++] = '.';
	do {
		tmp[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v > 0);
	if (neg)
		tmp[n++] = '-';
	for (i = 0; i < n && i + 1 < size; i++)
		s[i] = tmp[n - 1 - i];
	s[i] = '\0';
	return s;
}

static void
attr_num(struct page *p, const char *k, double x)
{
	char s[32];

	xml_wattr(p->w, k, fixed(s, sizeof(s), x, 1));
}

/* A number cell: x with dec decimals, or blank when not a number. */
static void
td_num(struct page *p, int dec, double x)
{
	char s[32];

	el(p, "td");
	if (!p->bare)
		attr(p, "class", "n");
	if (isfinite(x))
		text(p, fixed(s, sizeof(s), x, dec));
	end(p);
}

static void
td_int(struct page *p, unsigned long long n)
{
	char s[24];

	el(p, "td");
	if (!p->bare)
		attr(p, "class", "n");
	snprintf(s, sizeof(s), "%llu", n);
	text(p, s);
	end(p);
}

/*
 * The rows of the big tables and the points of the plots are put
 * together as markup in p->raw and handed to the writer a chunk at a
 * time: the bytes that el(), attr(), text() and end() make of them
 * (xml_esc() escapes as the writer does), without the writer's calls
 * for each element, attribute and text of 10,000 rows.  Nothing else
 * may be written while p->raw holds markup: a loop that fills it
 * flushes it before the writer is used again.
 */
#define RAW_CHUNK	65536

static void
raw_flush(struct page *p)
{
	xml_wraw(p->w, p->raw.s, p->raw.len);
	buf_reset(&p->raw);
}

/* After a row or point: hand over a full chunk. */
static void
raw_next(struct page *p)
{
	if (p->raw.len >= RAW_CHUNK)
		raw_flush(p);
}

static void
raw_add(struct page *p, const char *markup)
{
	buf_addstr(&p->raw, markup);
}

/* The same of a string literal, its length known. */
#define RAW_LIT(p, lit)	buf_add(&(p)->raw, (lit), sizeof(lit) - 1)

static void
raw_attr(struct page *p, const char *k, const char *v)
{
	buf_addc(&p->raw, ' ');
	buf_addstr(&p->raw, k);
	buf_add(&p->raw, "=\"", 2);
	xml_esc(&p->raw, v, 1);
	buf_addc(&p->raw, '"');
}

static void
raw_attr_num(struct page *p, const char *k, double x)
{
	char s[32];

	raw_attr(p, k, fixed(s, sizeof(s), x, 1));
}

/* As td(): a cell holding only s. */
static void
raw_td(struct page *p, const char *s)
{
	buf_add(&p->raw, "<td>", 4);
	xml_esc(&p->raw, s, 0);
	buf_add(&p->raw, "</td>", 5);
}

/* As td_num() and td_int(). */
static void
raw_td_num(struct page *p, int dec, double x)
{
	char s[32];

	raw_add(p, p->bare ? "<td>" : "<td class=\"n\">");
	if (isfinite(x))
		xml_esc(&p->raw, fixed(s, sizeof(s), x, dec), 0);
	buf_add(&p->raw, "</td>", 5);
}

static void
raw_td_int(struct page *p, unsigned long long n)
{
	char s[24];

	raw_add(p, p->bare ? "<td>" : "<td class=\"n\">");
	snprintf(s, sizeof(s), "%llu", n);
	xml_esc(&p->raw, s, 0);
	buf_add(&p->raw, "</td>", 5);
}

/* A table that the script sorts; the caller writes the rows. */
static void
table_open(struct page *p, const char *id, int scroll, const char *const *h,
    const int *num, size_t n)
{
	size_t i;

	if (scroll) {
		el(p, "div");
		attr(p, "class", "scroll");
	}
	el(p, "table");
	attr(p, "class", "sort");
	if (id != NULL)
		attr(p, "id", id);
	el(p, "thead");
	el(p, "tr");
	for (i = 0; i < n; i++)
		th(p, h[i], num != NULL && num[i]);
	end(p);
	end(p);
	el(p, "tbody");
	nl(p);
}

static void
table_close(struct page *p, int scroll)
{
	end(p);			/* tbody */
	end(p);			/* table */
	if (scroll)
		end(p);
	nl(p);
}

static void
section(struct page *p, const char *id, const char *title)
{
	el(p, "section");
	attr(p, "id", id);
	elt(p, "h2", title);
}

static const char *
sev_class(enum severity s)
{
	return s == SEV_ERROR ? "sev-error" : s == SEV_WARNING ?
	    "sev-warning" : "sev-note";
}

static void
plural(struct buf *b, size_t n, const char *one, const char *many)
{
	buf_count(b, n, one, many);
}

/*
 * Plots.
 */
struct plot {
	struct page	*p;
	double		 x0, x1, y0, y1;
};

static double
px(const struct plot *pl, double x)
{
	double f = (x - pl->x0) / (pl->x1 - pl->x0);

	return PL + (f < 0 ? 0 : f > 1 ? 1 : f) * (PW - PL - PR);
}

static double
py(const struct plot *pl, double y)
{
	double f = (y - pl->y0) / (pl->y1 - pl->y0);

	return PH - PB - (f < 0 ? 0 : f > 1 ? 1 : f) * (PH - PT - PB);
}

/* A round step that cuts range into about n parts: 1, 2 or 5 x 10^k. */
static double
nice_step(double range, int n)
{
	double raw = range / n, mag, f;

	if (!(raw > 0) || !isfinite(raw))
		return 1;
	mag = pow(10, floor(log10(raw)));
	f = raw / mag;
	return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
}

static void
svg_line(struct page *p, const char *cls, double x1, double y1, double x2,
    double y2)
{
	el(p, "line");
	attr(p, "class", cls);
	attr_num(p, "x1", x1);
	attr_num(p, "y1", y1);
	attr_num(p, "x2", x2);
	attr_num(p, "y2", y2);
	xml_end(p->w);
}

static void
svg_text(struct page *p, const char *cls, double x, double y,
    const char *anchor, const char *s)
{
	el(p, "text");
	attr(p, "class", cls);
	attr_num(p, "x", x);
	attr_num(p, "y", y);
	if (anchor != NULL)
		attr(p, "text-anchor", anchor);
	text(p, s);
	end(p);
}

static void
svg_rect(struct page *p, const char *cls, double x, double y, double w,
    double h)
{
	el(p, "rect");
	attr(p, "class", cls);
	attr_num(p, "x", x);
	attr_num(p, "y", y);
	attr_num(p, "width", w > 0.5 ? w : 0.5);
	attr_num(p, "height", h);
}

/* A tick label: the value at the step's precision, never "-0". */
static void
tick_label(char *s, size_t size, double v, double step)
{
	int dec = step >= 1 ? 0 : (int)ceil(-log10(step) - 1e-9);

	if (fabs(v) < step * 1e-6)
		v = 0;
	snprintf(s, size, "%.*f", dec, v);
}

static void
svg_open(struct page *p, const char *id, const char *title, int width,
    int height)
{
	el(p, "figure");
	if (id != NULL)
		attr(p, "id", id);
	el(p, "svg");
	attr(p, "xmlns", svgns);
	xml_wattrf(p->w, "width", "%d", width);
	xml_wattrf(p->w, "height", "%d", height);
	xml_wattrf(p->w, "viewBox", "0 0 %d %d", width, height);
	attr(p, "role", "img");
	attr(p, "aria-label", title);
	elt(p, "title", title);
	svg_text(p, "ttl", 8, 18, NULL, title);
}

static void
svg_close(struct page *p, const char *caption)
{
	end(p);			/* svg */
	if (caption != NULL && *caption != '\0')
		elt(p, "figcaption", caption);
	end(p);			/* figure */
	nl(p);
}

/*
 * A plot of x0..x1 by y0..y1 with ticks, grid lines and both axes
 * labelled with their units.
 */
static void
plot_open(struct plot *pl, struct page *p, const char *id, const char *title,
    double x0, double x1, double y0, double y1, const char *xlabel,
    const char *ylabel)
{
	char s[32];
	double step, t;

	pl->p = p;
	pl->x0 = x0;
	pl->x1 = x1 > x0 ? x1 : x0 + 1;
	pl->y0 = y0;
	pl->y1 = y1 > y0 ? y1 : y0 + 1;
	svg_open(p, id, title, PW, PH);
	/* The y axes count files: no tick between whole numbers. */
	if ((step = nice_step(pl->y1 - pl->y0, 5)) < 1)
		step = 1;
	for (t = ceil(pl->y0 / step) * step; t <= pl->y1 + step * 1e-9;
	    t += step) {
		svg_line(p, "gr", PL, py(pl, t), PW - PR, py(pl, t));
		tick_label(s, sizeof(s), t, step);
		svg_text(p, "lbl", PL - 6, py(pl, t) + 4, "end", s);
	}
	step = nice_step(pl->x1 - pl->x0, 8);
	for (t = ceil(pl->x0 / step) * step; t <= pl->x1 + step * 1e-9;
	    t += step) {
		svg_line(p, "ax", px(pl, t), PH - PB, px(pl, t), PH - PB + 4);
		tick_label(s, sizeof(s), t, step);
		svg_text(p, "lbl", px(pl, t), PH - PB + 16, "middle", s);
	}
	svg_line(p, "ax", PL, PT, PL, PH - PB);
	svg_line(p, "ax", PL, PH - PB, PW - PR, PH - PB);
	svg_text(p, "lbl", (PL + PW - PR) / 2.0, PH - 8, "middle", xlabel);
	el(p, "text");
	attr(p, "class", "lbl");
	attr(p, "text-anchor", "middle");
	xml_wattrf(p->w, "transform", "translate(16 %.1f) rotate(-90)",
	    (PT + PH - PB) / 2.0);
	text(p, ylabel);
	end(p);
}

/* A dashed vertical line at x, labelled at its top. */
static void
plot_mark(struct plot *pl, double x, const char *label)
{
	double at = px(pl, x);

	if (x < pl->x0 || x > pl->x1)
		return;
	svg_line(pl->p, "lim", at, PT, at, PH - PB);
	svg_text(pl->p, "limt", at + (at > PW - 160 ? -4 : 4), PT + 10,
	    at > PW - 160 ? "end" : NULL, label);
}

struct hist {
	double	 lo;
	double	 step;
	size_t	 nb;
	size_t	*n;
	size_t	 max;
	size_t	 total;
};

static void
hist_init(struct hist *h, double lo, double hi, double step)
{
	h->lo = lo;
	h->step = step;
	h->nb = (size_t)ceil((hi - lo) / step - 1e-9);
	if (h->nb == 0)
		h->nb = 1;
	h->n = xcalloc(h->nb, sizeof(*h->n));
	h->max = h->total = 0;
}

/* Values beyond either end count in the first or the last bar. */
static void
hist_put(struct hist *h, double x)
{
	double k = floor((x - h->lo) / h->step);
	size_t i;

	if (isnan(x))
		return;
	i = !(k > 0) ? 0 : k >= (double)h->nb ? h->nb - 1 : (size_t)k;
	if (++h->n[i] > h->max)
		h->max = h->n[i];
	h->total++;
}

/* The bars of h; of two series side by side, this one's half (1, 2). */
static void
hist_bars(struct plot *pl, const struct hist *h, const char *cls, int half,
    const char *unit, const char *what, double over)
{
	double x, w, y;
	size_t i;

	for (i = 0; i < h->nb; i++) {
		if (h->n[i] == 0)
			continue;
		x = px(pl, h->lo + h->step * (double)i);
		w = px(pl, h->lo + h->step * (double)(i + 1)) - x;
		if (half > 0) {
			w /= 2;
			x += w * (half - 1);
		}
		y = py(pl, (double)h->n[i]);
		svg_rect(pl->p, h->lo + h->step * (double)i >= over ? "e" : cls,
		    x + 0.5, y, w - 1, PH - PB - y);
		buf_reset(&pl->p->b);
		if (i == h->nb - 1 && h->nb > 1)
			buf_printf(&pl->p->b, "%s %g %s and over: ", what,
			    h->lo + h->step * (double)i, unit);
		else
			buf_printf(&pl->p->b, "%s %g to %g %s: ", what,
			    h->lo + h->step * (double)i,
			    h->lo + h->step * (double)(i + 1), unit);
		buf_count(&pl->p->b, h->n[i], "file", "files");
		elt(pl->p, "title", buf_str(&pl->p->b));
		xml_end(pl->p->w);
	}
}

static double
hist_top(size_t max)
{
	double step = nice_step((double)(max > 0 ? max : 1), 5);

	if (step < 1)
		step = 1;
	return ceil((double)(max > 0 ? max : 1) / step) * step;
}

/*
 * The header: the verdict and the facts of the run.
 */
static void
count_findings(struct page *p)
{
	size_t i;

	p->per = xcalloc(nrules + 1, sizeof(*p->per));
	for (i = 0; i < p->r->n; i++) {
		const struct finding *f = &p->r->v[i];

		if (f->rule == NULL)
			continue;
		p->sev[f->sev]++;
		p->per[f->rule - rules][f->sev]++;
	}
}

static size_t
findings_total(const struct page *p)
{
	return p->sev[SEV_ERROR] + p->sev[SEV_WARNING] + p->sev[SEV_NOTE];
}

/* "2 errors, 1 warning, 3 notes" into b. */
static void
verdict_text(const struct page *p, struct buf *b)
{
	plural(b, p->sev[SEV_ERROR], "error", "errors");
	buf_addstr(b, ", ");
	plural(b, p->sev[SEV_WARNING], "warning", "warnings");
	buf_addstr(b, ", ");
	plural(b, p->sev[SEV_NOTE], "note", "notes");
}

static void
fact(struct page *p, const char *id, const char *name, const char *value)
{
	elt(p, "dt", name);
	el(p, "dd");
	if (id != NULL)
		attr(p, "id", id);
	text(p, value);
	end(p);
}

static double
total_secs(const struct html_view *v, size_t *files)
{
	double s = 0;
	size_t i;

	*files = 0;
	for (i = 0; i < v->nrec; i++)
		if (v->rec[i].audio && v->rec[i].a.secs >= 0) {
			s += v->rec[i].a.secs;
			++*files;
		}
	return s;
}

static const char *
kinds_of(const struct html_view *v, struct buf *b)
{
	size_t i, j;

	buf_reset(b);
	for (i = 0; i < v->nds; i++) {
		for (j = 0; j < i; j++)
			if (v->ds[j].kind == v->ds[i].kind)
				break;
		if (j < i || v->ds[i].kind == 0)
			continue;
		if (b->len > 0)
			buf_addstr(b, ", ");
		buf_addstr(b, kind_name((enum kind)v->ds[i].kind));
	}
	if (b->len == 0)
		buf_addstr(b, v->nds > 0 ? "unknown" : "-");
	return buf_str(b);
}

static double
clip_limit(const struct html_view *v)
{
	if (v->prof == NULL)
		return 0;
	return v->testing ? v->prof->test_clip : v->prof->train_clip;
}

static void
write_header(struct page *p)
{
	const struct html_view *v = p->v;
	struct buf s = BUF_INIT;
	size_t files, lines = 0, i;
	double secs = total_secs(v, &files);
	int fails;

	for (i = 0; i < v->nds; i++)
		lines += v->ds[i].lines;
	el(p, "header");
	buf_printf(&s, "%s report", p->r->tool);
	elt(p, "h1", buf_str(&s));
	fails = (p->r->failon <= SEV_ERROR && p->sev[SEV_ERROR] > 0) ||
	    (p->r->failon <= SEV_WARNING && p->sev[SEV_WARNING] > 0);
	el(p, "p");
	attr(p, "class", fails ? "verdict fail" : "verdict pass");
	attr(p, "id", "verdict");
	buf_reset(&s);
	verdict_text(p, &s);
	buf_addstr(&s, ": ");
	plural(&s, findings_total(p), "finding", "findings");
	buf_printf(&s, "; %s at -W %s", fails ? "fails" : "passes",
	    sev_name(p->r->failon));
	text(p, buf_str(&s));
	end(p);
	el(p, "dl");
	attr(p, "class", "facts");
	buf_reset(&s);
	buf_printf(&s, "%zu", p->sev[SEV_ERROR]);
	fact(p, "n-errors", "errors", buf_str(&s));
	buf_reset(&s);
	buf_printf(&s, "%zu", p->sev[SEV_WARNING]);
	fact(p, "n-warnings", "warnings", buf_str(&s));
	buf_reset(&s);
	buf_printf(&s, "%zu", p->sev[SEV_NOTE]);
	fact(p, "n-notes", "notes", buf_str(&s));
	buf_reset(&s);
	buf_printf(&s, "%zu", findings_total(p));
	fact(p, "n-findings", "findings", buf_str(&s));
	if (v->nds > 0) {
		fact(p, "kind", "kind", kinds_of(v, &s));
	}
	if (v->loc != NULL)
		fact(p, "locale", "locale", v->loc->tag);
	if (v->prof != NULL && v->nds > 0) {
		buf_reset(&s);
		buf_printf(&s, "%s (clips up to %g s)", v->testing ?
		    "testing" : "training", clip_limit(v));
		fact(p, "purpose", "purpose", buf_str(&s));
	}
	if (v->nsys > 0) {
		buf_reset(&s);
		buf_printf(&s, "%zu", v->nsys);
		fact(p, "n-models", "models", buf_str(&s));
		buf_reset(&s);
		buf_printf(&s, "%zu", v->utts.n);
		fact(p, "n-utts", "utterances", buf_str(&s));
	}
	if (v->nds > 0) {
		buf_reset(&s);
		buf_printf(&s, "%zu", files);
		fact(p, "n-files", "audio files", buf_str(&s));
		buf_reset(&s);
		buf_printf(&s, "%.3f h (%.1f s)", secs / 3600, secs);
		fact(p, "hours", "hours", buf_str(&s));
		buf_reset(&s);
		buf_printf(&s, "%zu", lines);
		fact(p, "n-lines", "text lines", buf_str(&s));
	}
	/* Without datasets, the files the tool was given. */
	if (v->nds == 0 && p->r->ninputs > 0) {
		buf_reset(&s);
		for (i = 0; i < p->r->ninputs && i < 10; i++) {
			buf_addstr(&s, i > 0 ? ", " : "");
			buf_addesc(&s, p->r->inputs[i]);
		}
		if (p->r->ninputs > 10)
			buf_printf(&s, " and %zu more", p->r->ninputs - 10);
		fact(p, "inputs", "inputs", buf_str(&s));
	}
	buf_reset(&s);
	buf_printf(&s, "%s %s", p->r->tool, p->r->version);
	if (v->prof != NULL && v->prof->name != NULL)
		buf_printf(&s, ", profile %s %s", v->prof->name,
		    v->prof->version != NULL ? v->prof->version : "");
	fact(p, NULL, "tool", buf_str(&s));
	end(p);			/* dl */
	buf_release(&s);
}

/* Findings whose file is the dataset's path or lies under it. */
static void
ds_counts(const struct page *p, const char *path, size_t *n)
{
	size_t i, len = strlen(path);

	n[0] = n[1] = 0;
	if (len == 0)
		return;
	for (i = 0; i < p->r->n; i++) {
		const struct finding *f = &p->r->v[i];

		if (f->rule == NULL || f->file == NULL ||
		    strncmp(f->file, path, len) != 0 || (f->file[len] !=
		    '\0' && f->file[len] != '/' && path[len - 1] != '/'))
			continue;
		if (f->sev == SEV_ERROR)
			n[0]++;
		else if (f->sev == SEV_WARNING)
			n[1]++;
	}
}

static void
write_datasets(struct page *p)
{
	static const char *const h[] = { "dataset", "kind", "audio files",
	    "duration (s)", "lines", "errors", "warnings" };
	static const int num[] = { 0, 0, 1, 1, 1, 1, 1 };
	const struct html_view *v = p->v;
	struct buf s = BUF_INIT;
	size_t i, n[2];

	if (v->nds == 0)
		return;
	table_open(p, "datasets", 0, h, num, 7);
	for (i = 0; i < v->nds; i++) {
		const struct hds *d = &v->ds[i];

		ds_counts(p, d->path, n);
		el(p, "tr");
		td_esc(p, d->path);
		buf_reset(&s);
		if (d->kind != 0)
			buf_printf(&s, "%s (%s)", kind_name((enum kind)d->kind),
			    d->detected ? "detected" : "given");
		else
			buf_addstr(&s, "unknown");
		td(p, buf_str(&s));
		td_int(p, d->audio);
		td_num(p, 2, d->audio > 0 ? d->secs : NAN);
		td_int(p, d->lines);
		td_int(p, n[0]);
		td_int(p, n[1]);
		end(p);
		nl(p);
	}
	table_close(p, 0);
	buf_release(&s);
}

static void
write_nav(struct page *p, const int *have)
{
	static const char *const id[] = { "rules", "audio", "rate", "chars",
	    "words", "models", "files", "findings" };
	static const char *const name[] = { "findings by rule", "audio",
	    "speaking rate", "characters", "words", "models", "files",
	    "every finding" };
	size_t i;

	el(p, "nav");
	for (i = 0; i < sizeof(id) / sizeof(id[0]); i++) {
		if (!have[i])
			continue;
		el(p, "a");
		xml_wattrf(p->w, "href", "#%s", id[i]);
		text(p, i == 6 && p->v->nsys > 0 ? "utterances" : name[i]);
		end(p);
		text(p, " ");
	}
	end(p);
	end(p);			/* header */
	nl(p);
}

/*
 * Findings by rule: a bar per rule that fired, in errors, warnings and
 * notes, linked to its row of the rule index below.
 */
static int
rule_cmp(const void *a, const void *b, const struct page *p)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	size_t nx = p->per[x][1] + p->per[x][2] + p->per[x][3];
	size_t ny = p->per[y][1] + p->per[y][2] + p->per[y][3];

	if (nx != ny)
		return nx > ny ? -1 : 1;
	return x < y ? -1 : x > y;
}

/* qsort has no context argument: insertion, over at most the rules. */
static void
sort_rules(size_t *ix, size_t n, const struct page *p)
{
	size_t i, j, k;

	for (i = 1; i < n; i++) {
		k = ix[i];
		for (j = i; j > 0 && rule_cmp(&ix[j - 1], &k, p) > 0; j--)
			ix[j] = ix[j - 1];
		ix[j] = k;
	}
}

static void
write_rules(struct page *p)
{
	static const char *const h[] = { "rule", "severity", "findings",
	    "errors", "warnings", "notes", "what is checked",
	    "what the service does" };
	static const int num[] = { 0, 0, 1, 1, 1, 1, 0, 0 };
	static const char *const cls[4] = { "", "o", "w", "e" };
	struct buf s = BUF_INIT;
	size_t *ix, n = 0, i, max = 0, tot, k;
	double x, w, y, step, t, scale;
	int height, sev;
	char lab[32];

	ix = xcalloc(nrules + 1, sizeof(*ix));
	for (i = 0; i < nrules; i++)
		if (p->per[i][1] + p->per[i][2] + p->per[i][3] > 0)
			ix[n++] = i;
	sort_rules(ix, n, p);
	section(p, "rules", "Findings by rule");
	if (n == 0) {
		elt(p, "p", "No findings.");
		goto out;
	}
	for (i = 0; i < n; i++) {
		tot = p->per[ix[i]][1] + p->per[ix[i]][2] + p->per[ix[i]][3];
		if (tot > max)
			max = tot;
	}
	height = PT + 22 * (int)n + 40;
	svg_open(p, "rule-chart", "Findings by rule", PW, height);
	step = nice_step((double)max, 6);
	if (step < 1)
		step = 1;
	scale = (PW - 210.0 - PR) / (ceil((double)max / step) * step);
	for (t = 0; t <= ceil((double)max / step) * step + 1e-9; t += step) {
		x = 200 + t * scale;
		svg_line(p, "gr", x, PT, x, PT + 22.0 * (double)n);
		tick_label(lab, sizeof(lab), t, step);
		svg_text(p, "lbl", x, PT + 22.0 * (double)n + 14, "middle",
		    lab);
	}
	svg_text(p, "lbl", 200 + (PW - 210.0 - PR) / 2, height - 6, "middle",
	    "findings (errors red, warnings amber, notes blue)");
	for (i = 0; i < n; i++) {
		y = PT + 22.0 * (double)i;
		el(p, "a");
		xml_wattrf(p->w, "href", "#rule-%s", rules[ix[i]].id);
		svg_text(p, "lbl", 192, y + 15, "end", rules[ix[i]].id);
		x = 200;
		for (sev = SEV_ERROR; sev >= SEV_NOTE; sev--) {
			k = p->per[ix[i]][sev];
			if (k == 0)
				continue;
			w = (double)k * scale;
			svg_rect(p, cls[sev], x, y + 3, w, 16);
			buf_reset(&s);
			buf_printf(&s, "%s: ", rules[ix[i]].id);
			plural(&s, k, sev_name((enum severity)sev),
			    sev == SEV_ERROR ? "errors" : sev == SEV_WARNING ?
			    "warnings" : "notes");
			elt(p, "title", buf_str(&s));
			xml_end(p->w);
			x += w;
		}
		tot = p->per[ix[i]][1] + p->per[ix[i]][2] + p->per[ix[i]][3];
		buf_reset(&s);
		buf_printf(&s, "%zu", tot);
		svg_text(p, "lbl", x + 4, y + 15, NULL, buf_str(&s));
		end(p);		/* a */
	}
	svg_close(p, "Each bar links to its rule below.");
	elt(p, "h3", "Rule index");
	table_open(p, "rule-index", 0, h, num, 8);
	for (i = 0; i < n; i++) {
		const struct rule *r = &rules[ix[i]];

		el(p, "tr");
		xml_wattrf(p->w, "id", "rule-%s", r->id);
		el(p, "td");
		el(p, "code");
		text(p, r->id);
		end(p);
		end(p);
		el(p, "td");
		attr(p, "class", sev_class(r->sev));
		text(p, sev_name(r->sev));
		end(p);
		td_int(p, p->per[ix[i]][1] + p->per[ix[i]][2] +
		    p->per[ix[i]][3]);
		td_int(p, p->per[ix[i]][SEV_ERROR]);
		td_int(p, p->per[ix[i]][SEV_WARNING]);
		td_int(p, p->per[ix[i]][SEV_NOTE]);
		td(p, r->summary);
		buf_reset(&s);
		buf_printf(&s, "%s (%s)", r->conseq, cq_name(r->cq));
		td(p, buf_str(&s));
		end(p);
		nl(p);
	}
	table_close(p, 0);
out:
	end(p);			/* section */
	nl(p);
	free(ix);
	buf_release(&s);
}

/*
 * Which record each finding is about: its audio file (or zip member),
 * or its clip's line of the transcript.
 */
static void
key_audio(struct buf *k, const char *file, const char *member)
{
	buf_reset(k);
	buf_addc(k, 'A');
	buf_add(k, file, strlen(file) + 1);
	if (member != NULL)
		buf_addstr(k, member);
}

static void
key_line(struct buf *k, const char *file, const char *member,
    unsigned long line)
{
	buf_reset(k);
	buf_addc(k, 'T');
	buf_add(k, file, strlen(file) + 1);
	if (member != NULL)
		buf_addstr(k, member);
	buf_add(k, "", 1);
	buf_add(k, &line, sizeof(line));
}

static void
mark_merge(struct rmark *m, const struct rmark *a)
{
	m->n += a->n;
	if (a->worst > m->worst) {
		m->worst = a->worst;
		m->rule = a->rule;
	}
	m->rate |= a->rate;
}

/* Merge the findings at key into m, if any are. */
static void
mark_find(struct rmark *m, const struct strset *ix, const struct rmark *agg,
    const struct buf *key)
{
	size_t k = strset_find(ix, key->s, key->len);

	if (k != STRSET_NONE)
		mark_merge(m, &agg[k]);
}

/*
 * The findings by place first (there are fewer of them than files),
 * then each file's places looked up: its audio, its clip's line.
 */
static void
mark_records(struct page *p)
{
	const struct html_view *v = p->v;
	struct strset ix = STRSET_INIT;
	struct rmark *agg, one;
	size_t i, k;

	p->mark = xcalloc(v->nrec + 1, sizeof(*p->mark));
	agg = xcalloc(2 * p->r->n + 1, sizeof(*agg));
	for (i = 0; i < p->r->n; i++) {
		const struct finding *f = &p->r->v[i];

		if (f->rule == NULL || f->file == NULL)
			continue;
		one.worst = f->sev;
		one.rule = f->rule;
		one.n = 1;
		one.rate = strcmp(f->rule->id, "TRANS-RATE") == 0;
		key_audio(&p->b, f->file, f->member);
		(void)strset_add(&ix, p->b.s, p->b.len, 0, &k);
		mark_merge(&agg[k], &one);
		if (f->line == 0)
			continue;
		key_line(&p->b, f->file, f->member, f->line);
		(void)strset_add(&ix, p->b.s, p->b.len, 0, &k);
		mark_merge(&agg[k], &one);
	}
	for (i = 0; ix.n > 0 && i < v->nrec; i++) {
		const struct hrec *r = &v->rec[i];
		const struct hds *d = &v->ds[r->ds];

		if (r->file != NULL) {
			key_audio(&p->b, r->file, r->member);
			mark_find(&p->mark[i], &ix, agg, &p->b);
		}
		if (r->tline > 0 && d->tfile != NULL) {
			key_line(&p->b, d->tfile, d->tmember, r->tline);
			mark_find(&p->mark[i], &ix, agg, &p->b);
		}
	}
	strset_release(&ix);
	free(agg);
}

/* A record's name as the page shows it. */
static void
rec_name(struct buf *b, const struct hrec *r)
{
	buf_reset(b);
	if (r->file != NULL)
		place(b, r->file, r->member, 0, 0);
	else
		buf_addesc(b, r->name);
}

static int
dbl_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/*
 * The k-th smallest of the n values of v (k < n), which it reorders so
 * that those before k are no greater: quickselect, linear where sorting
 * the 10,000 durations and rates of a page three times was not.  Parts
 * that shrink too slowly (a pivot's bad luck) are sorted instead.
 */
static double
select_k(double *v, size_t n, size_t k)
{
	size_t lo = 0, hi = n - 1, i, j, rounds = 0;
	double a, b, c, pivot, t;

	while (lo < hi) {
		if (++rounds > 64) {
			qsort(v + lo, hi - lo + 1, sizeof(*v), dbl_cmp);
			break;
		}
		a = v[lo];
		b = v[lo + (hi - lo) / 2];
		c = v[hi];
		pivot = a < b ? (b < c ? b : a < c ? c : a) :
		    (a < c ? a : b < c ? c : b);
		/* Hoare's partition: v[lo..i-1] <= pivot <= v[j+1..hi]. */
		i = lo;
		j = hi;
		for (;;) {
			while (v[i] < pivot)
				i++;
			while (v[j] > pivot)
				j--;
			if (i >= j)
				break;
			t = v[i];
			v[i++] = v[j];
			v[j--] = t;
		}
		if (i == j) {		/* met on a pivot, in its place */
			if (k == i)
				break;
			if (k < i)
				hi = i - 1;
			else
				lo = i + 1;
		} else if (k <= j)	/* i == j + 1 */
			hi = j;
		else
			lo = i;
	}
	return v[k];
}

/* The median of the n values of v, which it reorders. */
static double
median(double *v, size_t n)
{
	double m, below;
	size_t i;

	if (n == 0)
		return NAN;
	m = select_k(v, n, n / 2);
	if (n % 2)
		return m;
	for (below = v[0], i = 1; i < n / 2; i++)
		below = v[i] > below ? v[i] : below;
	return (below + m) / 2;
}

static int
any_scanned(const struct html_view *v)
{
	size_t i;

	for (i = 0; i < v->nrec; i++)
		if (v->rec[i].audio && v->rec[i].a.scanned)
			return 1;
	return 0;
}

static void
write_durations(struct page *p, double *secs, size_t n)
{
	struct hist h;
	struct plot pl;
	double lim = clip_limit(p->v), maxv = 0, hi, step;
	size_t i, over = 0;
	char lab[64];
	int capped = 0;

	for (i = 0; i < n; i++) {
		if (secs[i] > maxv)
			maxv = secs[i];
		over += lim > 0 && secs[i] > lim;
	}
	hi = (maxv > lim ? maxv : lim) * 1.05;
	if (lim > 0 && hi > 3 * lim) {
		hi = 3 * lim;
		capped = 1;
	}
	step = nice_step(hi, 30);
	hi = ceil(hi / step) * step;
	hist_init(&h, 0, hi, step);
	for (i = 0; i < n; i++)
		hist_put(&h, secs[i]);
	plot_open(&pl, p, "durations", "Clip durations", 0, hi, 0,
	    hist_top(h.max), "clip duration (s)", "files");
	hist_bars(&pl, &h, "bar", 0, "s", "duration", lim > 0 ? lim :
	    INFINITY);
	snprintf(lab, sizeof(lab), "%g s %s limit", lim, p->v->testing ?
	    "testing" : "training");
	if (lim > 0)
		plot_mark(&pl, lim, lab);
	buf_reset(&p->b);
	plural(&p->b, over, "clip is", "clips are");
	buf_printf(&p->b, " over the %g s limit%s", lim, capped ?
	    "; the last bar counts every longer clip" : "");
	svg_close(p, lim > 0 ? buf_str(&p->b) : NULL);
	free(h.n);
}

/* A histogram of dBFS values; -inf (digital silence) in the first bar. */
static void
write_db(struct page *p, const char *id, const char *title, int peak)
{
	const struct html_view *v = p->v;
	struct hist h;
	struct plot pl;
	double lo = 0, x;
	size_t i;

	for (i = 0; i < v->nrec; i++) {
		if (!v->rec[i].audio || !v->rec[i].a.scanned)
			continue;
		x = peak ? v->rec[i].a.peak_db : v->rec[i].a.rms_db;
		if (isfinite(x) && x < lo)
			lo = x;
	}
	lo = floor(lo / 6) * 6;
	if (lo < -96)
		lo = -96;
	if (lo > (peak ? -24 : -60))
		lo = peak ? -24 : -60;
	hist_init(&h, lo, 0, peak ? 1 : 2);
	for (i = 0; i < v->nrec; i++)
		if (v->rec[i].audio && v->rec[i].a.scanned)
			hist_put(&h, peak ? v->rec[i].a.peak_db :
			    v->rec[i].a.rms_db);
	plot_open(&pl, p, id, title, lo, 0, 0, hist_top(h.max), peak ?
	    "peak level (dBFS)" : "RMS level (dBFS)", "files");
	hist_bars(&pl, &h, "bar", 0, "dBFS", peak ? "peak" : "level",
	    INFINITY);
	if (!peak)
		svg_close(p, "Digital silence (no level) counts in the first "
		    "bar.");
	else
		svg_close(p, "The last bar holds the files that reach full "
		    "scale or come within 1 dB of it.");
	free(h.n);
}

static void
write_pauses(struct page *p)
{
	const struct html_view *v = p->v;
	struct hist lead, trail;
	struct plot pl;
	double pad = v->prof != NULL ? v->prof->pad : 0.5, hi = 0, step;
	size_t i, shortn = 0, n = 0;
	char lab[64];
	int capped = 0;

	for (i = 0; i < v->nrec; i++) {
		const struct html_audio *a = &v->rec[i].a;

		if (!v->rec[i].audio || !a->scanned || a->silent)
			continue;
		n++;
		hi = a->lead_s > hi ? a->lead_s : hi;
		hi = a->trail_s > hi ? a->trail_s : hi;
		shortn += round(a->lead_s * 100) < round(pad * 100) ||
		    round(a->trail_s * 100) < round(pad * 100);
	}
	if (n == 0)
		return;
	if (hi < 4 * pad)
		hi = 4 * pad;
	if (hi > 10 * pad) {
		hi = 10 * pad;
		capped = 1;
	}
	step = nice_step(hi, 25);
	hi = ceil(hi / step) * step;
	hist_init(&lead, 0, hi, step);
	hist_init(&trail, 0, hi, step);
	for (i = 0; i < v->nrec; i++) {
		const struct html_audio *a = &v->rec[i].a;

		if (!v->rec[i].audio || !a->scanned || a->silent)
			continue;
		hist_put(&lead, a->lead_s);
		hist_put(&trail, a->trail_s);
	}
	plot_open(&pl, p, "pauses", "Silence before and after the speech",
	    0, hi, 0, hist_top(lead.max > trail.max ? lead.max : trail.max),
	    "pause (s)", "files");
	hist_bars(&pl, &lead, "bar", 1, "s", "leading pause", INFINITY);
	hist_bars(&pl, &trail, "bar2", 2, "s", "trailing pause", INFINITY);
	snprintf(lab, sizeof(lab), "%g s advised", pad);
	plot_mark(&pl, pad, lab);
	svg_rect(p, "bar", PW - 190, PT, 10, 10);
	xml_end(p->w);
	svg_text(p, "lbl", PW - 176, PT + 9, NULL, "leading");
	svg_rect(p, "bar2", PW - 110, PT, 10, 10);
	xml_end(p->w);
	svg_text(p, "lbl", PW - 96, PT + 9, NULL, "trailing");
	buf_reset(&p->b);
	buf_printf(&p->b, "%zu of %zu files with sound have less than %g s "
	    "of silence at one end or both%s.", shortn, n, pad, capped ?
	    "; the last bars count every longer pause" : "");
	svg_close(p, buf_str(&p->b));
	free(lead.n);
	free(trail.n);
}

/* Clipped and silent files, each in a table. */
static void
write_level_lists(struct page *p)
{
	static const char *const hc[] = { "file", "clipped samples",
	    "peak (dBFS)", "RMS (dBFS)" };
	static const int num[] = { 0, 1, 1, 1 };
	static const char *const hs[] = { "file", "duration (s)" };
	static const int nums[] = { 0, 1 };
	const struct html_view *v = p->v;
	size_t i, nc = 0, ns = 0;
	struct buf name = BUF_INIT;

	for (i = 0; i < v->nrec; i++) {
		nc += v->rec[i].audio && v->rec[i].a.scanned &&
		    v->rec[i].a.clipped > 0;
		ns += v->rec[i].audio && v->rec[i].a.scanned &&
		    v->rec[i].a.silent;
	}
	buf_reset(&p->b);
	plural(&p->b, nc, "file has", "files have");
	buf_addstr(&p->b, " samples at full scale (clipped)");
	elt(p, "h3", buf_str(&p->b));
	if (nc > 0) {
		table_open(p, "clipped", nc > 20, hc, num, 4);
		for (i = 0; i < v->nrec; i++) {
			const struct hrec *r = &v->rec[i];

			if (!r->audio || !r->a.scanned || r->a.clipped == 0)
				continue;
			RAW_LIT(p, "<tr>");
			rec_name(&name, r);
			raw_td(p, buf_str(&name));
			raw_td_int(p, r->a.clipped);
			raw_td_num(p, 1, r->a.peak_db);
			raw_td_num(p, 1, r->a.rms_db);
			RAW_LIT(p, "</tr>\n");
			raw_next(p);
		}
		raw_flush(p);
		table_close(p, nc > 20);
	}
	buf_reset(&p->b);
	plural(&p->b, ns, "file is", "files are");
	buf_addstr(&p->b, " silent");
	elt(p, "h3", buf_str(&p->b));
	if (ns > 0) {
		table_open(p, "silent", ns > 20, hs, nums, 2);
		for (i = 0; i < v->nrec; i++) {
			const struct hrec *r = &v->rec[i];

			if (!r->audio || !r->a.scanned || !r->a.silent)
				continue;
			RAW_LIT(p, "<tr>");
			rec_name(&name, r);
			raw_td(p, buf_str(&name));
			raw_td_num(p, 2, r->a.secs);
			RAW_LIT(p, "</tr>\n");
			raw_next(p);
		}
		raw_flush(p);
		table_close(p, ns > 20);
	}
	buf_release(&name);
}

static void
write_audio(struct page *p)
{
	const struct html_view *v = p->v;
	double *secs, total = 0, med, lo = 0, hi = 0, x;
	size_t i, n = 0;

	secs = xcalloc(v->nrec + 1, sizeof(*secs));
	for (i = 0; i < v->nrec; i++)
		if (v->rec[i].audio && v->rec[i].a.secs >= 0) {
			x = secs[n++] = v->rec[i].a.secs;
			total += x;
			/* Of equals, those a stable sort puts at the ends. */
			lo = n == 1 || x < lo ? x : lo;
			hi = n == 1 || x >= hi ? x : hi;
		}
	section(p, "audio", "Audio");
	write_durations(p, secs, n);
	med = median(secs, n);
	buf_reset(&p->b);
	plural(&p->b, n, "clip", "clips");
	if (n > 0)
		buf_printf(&p->b, ", %.2f h in all; shortest %.2f s, median "
		    "%.2f s, longest %.2f s", total / 3600, lo, med, hi);
	elt(p, "p", buf_str(&p->b));
	if (any_scanned(v)) {
		write_db(p, "levels", "Loudness of each file", 0);
		write_db(p, "peaks", "Peak level of each file", 1);
		write_pauses(p);
		write_level_lists(p);
	} else
		elt(p, "p", "Levels, peaks and pauses need every sample "
		    "read: run vox-lint with --scan.");
	end(p);
	nl(p);
	free(secs);
}

/*
 * Speaking rate: characters (letters and digits) per second of audio,
 * against the clip's duration.  A transcript of another clip, or one
 * cut short, stands out: red where TRANS-RATE says so, amber where the
 * rate is far from the others' (over 3.5 robust deviations from the
 * median of the log rates, Iglewicz and Hoaglin's cut-off).
 */
struct rpt {
	size_t	rec;
	double	secs;
	double	cps;
	double	z;		/* robust deviations; NAN: not computed */
	int	out;		/* TRANS-RATE */
};

#define RATE_FAR	3.5
#define RATE_LABELS	40
#define RATE_TIPS	2000

static size_t
rate_points(const struct page *p, struct rpt **out)
{
	const struct html_view *v = p->v;
	struct rpt *pt;
	double *l, med, mad;
	size_t i, n = 0, k = 0;

	pt = xcalloc(v->nrec + 1, sizeof(*pt));
	for (i = 0; i < v->nrec; i++) {
		const struct hrec *r = &v->rec[i];

		if (!r->audio || !(r->a.secs > 0) || r->tline == 0)
			continue;
		pt[n].rec = i;
		pt[n].secs = r->a.secs;
		pt[n].cps = (double)r->chars / r->a.secs;
		pt[n].z = NAN;
		pt[n].out = p->mark[i].rate;
		n++;
	}
	l = xcalloc(n + 1, sizeof(*l));
	for (i = 0; i < n; i++)
		if (pt[i].cps > 0)
			l[k++] = log(pt[i].cps);
	med = median(l, k);
	for (i = 0; i < k; i++)
		l[i] = fabs(l[i] - med);
	mad = median(l, k);
	for (i = 0; k >= 8 && mad > 0 && i < n; i++)
		if (pt[i].cps > 0)
			pt[i].z = 0.6745 * (log(pt[i].cps) - med) / mad;
	free(l);
	*out = pt;
	return n;
}

static int
rate_far(const struct rpt *r)
{
	return !isnan(r->z) && fabs(r->z) > RATE_FAR;
}

static void
write_rate(struct page *p)
{
	static const char *const h[] = { "file", "duration (s)",
	    "characters", "words", "characters/s", "words/s", "why" };
	static const int num[] = { 0, 1, 1, 1, 1, 1, 0 };
	const struct html_view *v = p->v;
	struct buf name = BUF_INIT;
	struct plot pl;
	struct rpt *pt;
	double xmax = 0, ymax = 0;
	size_t n, i, nflag = 0, labels = 0;
	char f[32];

	n = rate_points(p, &pt);
	for (i = 0; i < n; i++) {
		xmax = pt[i].secs > xmax ? pt[i].secs : xmax;
		ymax = pt[i].cps > ymax ? pt[i].cps : ymax;
		nflag += pt[i].out || rate_far(&pt[i]);
	}
	section(p, "rate", "Speaking rate");
	xmax *= 1.05;
	ymax *= 1.1;
	xmax = ceil(xmax / nice_step(xmax, 8)) * nice_step(xmax, 8);
	ymax = ceil(ymax / nice_step(ymax, 5)) * nice_step(ymax, 5);
	plot_open(&pl, p, "rate-plot", "Characters per second against "
	    "duration", 0, xmax, 0, ymax, "clip duration (s)",
	    "characters per second");
	for (i = 0; i < n; i++) {
		const char *cls = pt[i].out ? "pt out" : rate_far(&pt[i]) ?
		    "pt far" : "pt";

		RAW_LIT(p, "<circle");
		raw_attr(p, "class", cls);
		raw_attr_num(p, "cx", px(&pl, pt[i].secs));
		raw_attr_num(p, "cy", py(&pl, pt[i].cps));
		raw_attr(p, "r", strcmp(cls, "pt") != 0 ? "4" : n > RATE_TIPS ?
		    "2" : "3");
		/*
		 * A tip names the clip under the pointer; in a cloud of
		 * thousands only those that stand out get one (they are
		 * also named beside the plot and below it).
		 */
		if (n <= RATE_TIPS || strcmp(cls, "pt") != 0) {
			rec_name(&name, &v->rec[pt[i].rec]);
			buf_printf(&name, ": %zu characters in %s s, ",
			    v->rec[pt[i].rec].chars, fixed(f, sizeof(f),
			    pt[i].secs, 2));
			buf_printf(&name, "%s/s", fixed(f, sizeof(f),
			    pt[i].cps, 1));
			RAW_LIT(p, "><title>");
			xml_esc(&p->raw, buf_str(&name), 0);
			RAW_LIT(p, "</title></circle>");
		} else
			RAW_LIT(p, "/>");
		raw_next(p);
	}
	raw_flush(p);
	for (i = 0; i < n && labels < RATE_LABELS; i++) {
		if (!pt[i].out && !rate_far(&pt[i]))
			continue;
		labels++;
		buf_reset(&name);
		buf_addesc(&name, v->rec[pt[i].rec].name);
		svg_text(p, pt[i].out ? "limt" : "lbl", px(&pl, pt[i].secs) +
		    6, py(&pl, pt[i].cps) + 4, px(&pl, pt[i].secs) > PW - 150 ?
		    "end" : NULL, buf_str(&name));
	}
	svg_close(p, "Red: a rate the service is unlikely to accept for "
	    "speech (TRANS-RATE: the transcript may belong to another clip "
	    "or be cut short). Amber: far from the other clips' rates.");
	buf_reset(&p->b);
	plural(&p->b, nflag, "clip stands", "clips stand");
	buf_addstr(&p->b, " out");
	elt(p, "h3", buf_str(&p->b));
	if (nflag > 0) {
		table_open(p, "rate-outliers", nflag > 20, h, num, 7);
		for (i = 0; i < n; i++) {
			const struct hrec *r = &v->rec[pt[i].rec];

			if (!pt[i].out && !rate_far(&pt[i]))
				continue;
			el(p, "tr");
			rec_name(&name, r);
			td(p, buf_str(&name));
			td_num(p, 2, pt[i].secs);
			td_int(p, r->chars);
			td_int(p, r->words);
			td_num(p, 1, pt[i].cps);
			td_num(p, 2, (double)r->words / pt[i].secs);
			buf_reset(&name);
			if (pt[i].out)
				buf_addstr(&name, "TRANS-RATE");
			if (rate_far(&pt[i]))
				buf_printf(&name, "%s%.1f robust deviations "
				    "%s the median", pt[i].out ? "; " : "",
				    fabs(pt[i].z), pt[i].z > 0 ? "above" :
				    "below");
			td(p, buf_str(&name));
			end(p);
			nl(p);
		}
		table_close(p, nflag > 20);
	}
	end(p);
	nl(p);
	free(pt);
	buf_release(&name);
}

/*
 * The character inventory: every character of the text with its code
 * point, Unicode name, script, count and first place; those the locale
 * forbids, those that show nothing and those that pass for another
 * (a Cyrillic letter in Latin text, a no-break space) are marked.
 */
static const char *const inv_title[INV_N] = { "Transcript", "Related text" };
static const char *const inv_id[INV_N] = { "transcript", "text" };

/* Why the locale forbids c in text of inventory k, into why, or NULL. */
static const char *
forbids(const struct html_view *v, int k, int32_t c, char *why,
    size_t size)
{
	const struct locale *l = v->loc;
	const char *f;
	size_t i, n;

	if (l == NULL)
		return NULL;
	if (k == INV_TRANS && l->ascii && c > 0x7F) {
		snprintf(why, size, "not ASCII: %s transcripts are ASCII",
		    l->tag);
		return why;
	}
	if (k == INV_TEXT && l->latin1 && c > 0xA1) {
		snprintf(why, size, "over U+00A1: %s related text is folded "
		    "to Latin-1", l->tag);
		return why;
	}
	if ((f = l->forbidden) != NULL)
		for (i = 0, n = strlen(f); i < n; )
			if (utf8_cp(f, n, &i) == c) {
				snprintf(why, size, "forbidden in %s text",
				    l->tag);
				return why;
			}
	return NULL;
}

/* The script most letters are in, other than Common and Inherited. */
static const char *
main_script(const struct text_charinfo *ci, const struct hchar *const *hc,
    size_t n)
{
	const char *best = NULL;
	uint64_t bestn = 0, m;
	size_t i, j;

	for (i = 0; i < n; i++) {
		if (!ci[i].letter || ci[i].common)
			continue;
		for (j = 0; j < i; j++)
			if (ci[j].letter && strcmp(ci[j].script,
			    ci[i].script) == 0)
				break;
		if (j < i)
			continue;
		for (m = 0, j = i; j < n; j++)
			if (ci[j].letter && strcmp(ci[j].script,
			    ci[i].script) == 0)
				m += hc[j]->n;
		if (m > bestn) {
			bestn = m;
			best = ci[i].script;
		}
	}
	return best;
}

static void
write_inventory(struct page *p, int k)
{
	static const char *const h[] = { "character", "code point", "name",
	    "script", "count", "first seen", "note" };
	static const int num[] = { 0, 0, 0, 0, 1, 0, 0 };
	const struct html_view *v = p->v;
	const struct hinv *iv = &v->inv[k];
	const struct hchar **hc;
	struct text_charinfo *ci;
	struct buf s = BUF_INIT, note = BUF_INIT;
	const char *mainsc, *bad;
	int32_t *cp;
	size_t n = 0, i, j, nbad = 0, nodd = 0;
	char why[96], u[4];
	int odd;

	cp = xcalloc(iv->distinct + 1, sizeof(*cp));
	hc = xcalloc(iv->distinct + 1, sizeof(*hc));
	ci = xcalloc(iv->distinct + 1, sizeof(*ci));
	for (i = 0; i < INV_PAGES * 256 && n < iv->distinct; i++)
		if (iv->page[i >> 8] != NULL && iv->page[i >> 8][i & 0xff].n) {
			cp[n] = (int32_t)i;
			hc[n++] = &iv->page[i >> 8][i & 0xff];
		} else if (iv->page[i >> 8] == NULL)
			i |= 0xff;
	text_char_info(cp, n, ci);
	mainsc = main_script(ci, hc, n);
	buf_printf(&s, "%s: %llu characters, %zu distinct", inv_title[k],
	    (unsigned long long)iv->chars, n);
	elt(p, "h3", buf_str(&s));
	buf_reset(&s);
	buf_printf(&s, "chars-%s", inv_id[k]);
	table_open(p, buf_str(&s), n > 40, h, num, 7);
	for (i = 0; i < n; i++) {
		buf_reset(&note);
		bad = forbids(v, k, cp[i], why, sizeof(why));
		if (bad != NULL)
			buf_addstr(&note, bad);
		odd = ci[i].invisible || ci[i].space ||
		    ci[i].looks[0] != '\0' || (ci[i].letter &&
		    !ci[i].common && mainsc != NULL &&
		    strcmp(ci[i].script, mainsc) != 0);
		if (ci[i].invisible)
			buf_printf(&note, "%sinvisible", note.len ? "; " : "");
		if (ci[i].space)
			buf_printf(&note, "%sa space, not U+0020", note.len ?
			    "; " : "");
		if (ci[i].looks[0] != '\0' && !ci[i].space) {
			buf_printf(&note, "%slooks like ", note.len ? "; " :
			    "");
			for (j = 0; ci[i].looks[j] != '\0'; j++)
				buf_printf(&note, "%s%c (U+%04X)", j == 0 ?
				    "" : j == strlen(ci[i].looks) - 1 ?
				    " or " : ", ", ci[i].looks[j],
				    (unsigned int)ci[i].looks[j]);
		}
		if (ci[i].letter && !ci[i].common && mainsc != NULL &&
		    strcmp(ci[i].script, mainsc) != 0)
			buf_printf(&note, "%s%s letter in %s text", note.len ?
			    "; " : "", ci[i].script, mainsc);
		nbad += bad != NULL;
		nodd += bad == NULL && odd;
		el(p, "tr");
		if (bad != NULL || odd)
			attr(p, "class", bad != NULL ? "bad" : "odd");
		xml_wattrf(p->w, "id", "u%04X-%s", (unsigned int)cp[i],
		    inv_id[k]);
		el(p, "td");
		buf_reset(&s);
		/*
		 * Noncharacters show nothing, and U+FFFE and U+FFFF may
		 * not stand in XML at all: the page would not parse.
		 */
		if (ci[i].invisible || ci[i].space || cp[i] <= 0x20 ||
		    cp[i] == 0x7F || (cp[i] >= 0xFDD0 && cp[i] <= 0xFDEF) ||
		    (cp[i] & 0xFFFE) == 0xFFFE) {
			attr(p, "class", "dim");
			buf_addstr(&s, cp[i] == ' ' || ci[i].space ? "(space)" :
			    (cp[i] & 0xFFFE) == 0xFFFE || (cp[i] >= 0xFDD0 &&
			    cp[i] <= 0xFDEF) ? "(noncharacter)" :
			    "(invisible)");
		} else {
			attr(p, "class", "g");
			if (text_char_class(cp[i]) == TEXT_C_LETTER &&
			    !ci[i].letter)	/* a mark: on a dotted circle */
				buf_addstr(&s, "\xe2\x97\x8c");
			buf_add(&s, u, utf8_enc((uint32_t)cp[i], u));
		}
		text(p, buf_str(&s));
		end(p);
		buf_reset(&s);
		buf_printf(&s, "U+%04X", (unsigned int)cp[i]);
		el(p, "td");
		xml_wattrf(p->w, "data-v", "%d", (int)cp[i]);
		text(p, buf_str(&s));
		end(p);
		td(p, ci[i].name);
		td(p, ci[i].script);
		td_int(p, hc[i]->n);
		buf_reset(&s);
		place(&s, v->src[hc[i]->src - 1].file,
		    v->src[hc[i]->src - 1].member, hc[i]->line, 0);
		td(p, buf_str(&s));
		td(p, buf_str(&note));
		end(p);
		nl(p);
	}
	table_close(p, n > 40);
	buf_reset(&s);
	if (nbad + nodd > 0) {
		plural(&s, nbad, "character the locale forbids",
		    "characters the locale forbids");
		buf_addstr(&s, " (red); ");
		plural(&s, nodd, "character", "characters");
		buf_addstr(&s, " that may not be what they seem (amber).");
		elt(p, "p", buf_str(&s));
	}
	buf_release(&s);
	buf_release(&note);
	free(cp);
	free(hc);
	free(ci);
}

static void
write_chars(struct page *p)
{
	int k;

	section(p, "chars", "Characters");
	for (k = 0; k < INV_N; k++)
		if (p->v->inv[k].chars > 0)
			write_inventory(p, k);
	end(p);
	nl(p);
}

/* Words: the vocabulary, the most frequent, those seen once. */
struct wcount {
	const char	*s;
	uint64_t	 n;
};

static int
wcount_cmp(const void *a, const void *b)
{
	const struct wcount *x = a, *y = b;

	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	return strcmp(x->s, y->s);
}

static int
wname_cmp(const void *a, const void *b)
{
	return strcmp(((const struct wcount *)a)->s,
	    ((const struct wcount *)b)->s);
}

#define WORDS_TOP	30
#define WORDS_ONCE	100

static void
write_vocab(struct page *p, int k)
{
	static const char *const h[] = { "rank", "word", "count", "share (%)" };
	static const int num[] = { 1, 0, 1, 1 };
	const struct hinv *iv = &p->v->inv[k];
	struct wcount *w;
	struct buf s = BUF_INIT;
	size_t n = iv->words.n, i, once = 0, shown;

	w = xcalloc(n + 1, sizeof(*w));
	for (i = 0; i < n; i++) {
		w[i].s = strset_key(&iv->words, i, NULL);
		w[i].n = strset_val(&iv->words, i);
		once += w[i].n == 1;
	}
	qsort(w, n, sizeof(*w), wcount_cmp);
	buf_printf(&s, "%s: %llu words, a vocabulary of %zu, %zu seen once",
	    inv_title[k], (unsigned long long)iv->nwords, n, once);
	elt(p, "h3", buf_str(&s));
	buf_reset(&s);
	buf_printf(&s, "words-%s", inv_id[k]);
	table_open(p, buf_str(&s), 0, h, num, 4);
	for (i = 0; i < n && i < WORDS_TOP; i++) {
		el(p, "tr");
		td_int(p, i + 1);
		td_esc(p, w[i].s);
		td_int(p, w[i].n);
		td_num(p, 2, 100.0 * (double)w[i].n /
		    (double)iv->nwords);
		end(p);
		nl(p);
	}
	table_close(p, 0);
	if (once > 0) {
		/* Those seen once are at the end: sort them by name. */
		qsort(w + n - once, once, sizeof(*w), wname_cmp);
		shown = once < WORDS_ONCE ? once : WORDS_ONCE;
		buf_reset(&s);
		buf_addstr(&s, "Seen once");
		if (shown < once)
			buf_printf(&s, " (the first %zu of %zu)", shown, once);
		buf_addstr(&s, ": ");
		for (i = 0; i < shown; i++) {
			if (i > 0)
				buf_addstr(&s, ", ");
			buf_addesc(&s, w[n - once + i].s);
		}
		elt(p, "p", buf_str(&s));
	}
	buf_release(&s);
	free(w);
}

static void
write_words(struct page *p)
{
	int k;

	section(p, "words", "Words");
	elt(p, "p", "Runs of letters and digits, case folded; Han, kana and "
	    "Hangul count one character at a time.");
	for (k = 0; k < INV_N; k++)
		if (p->v->inv[k].nwords > 0)
			write_vocab(p, k);
	end(p);
	nl(p);
}

/*
 * Models (vox-wer): the totals, the errors per utterance, the worst
 * utterances and the most frequent errors of each.
 */
static size_t
errs(const struct html_score *c)
{
	return c->sub + c->del + c->ins;
}

static double
rate_of(const struct html_score *c)
{
	return c->words > 0 ? 100.0 * (double)errs(c) / (double)c->words :
	    errs(c) > 0 ? INFINITY : 0;
}

static void
write_model_table(struct page *p)
{
	static const char *const h[] = { "model", "words", "correct",
	    "substitutions", "deletions", "insertions", "error rate (%)",
	    "utterances with an error (%)", "missing", "extra" };
	static const int num[] = { 0, 1, 1, 1, 1, 1, 1, 1, 1, 1 };
	const struct html_view *v = p->v;
	size_t i;

	table_open(p, "models-table", 0, h, num, 10);
	for (i = 0; i < v->nsys; i++) {
		const struct hsys *s = &v->sys[i];

		el(p, "tr");
		td_esc(p, s->name);
		td_int(p, s->sum.words);
		td_int(p, s->sum.corr);
		td_int(p, s->sum.sub);
		td_int(p, s->sum.del);
		td_int(p, s->sum.ins);
		td_num(p, 2, rate_of(&s->sum));
		td_num(p, 2, s->sum.utts > 0 ? 100.0 *
		    (double)s->sum.err_utts / (double)s->sum.utts : NAN);
		td_int(p, s->sum.missing);
		td_int(p, s->sum.extra);
		end(p);
		nl(p);
	}
	table_close(p, 0);
}

/* A bar per model: substitutions, deletions and insertions, in %. */
static void
write_model_chart(struct page *p)
{
	static const char *const cls[3] = { "e", "w", "o" };
	static const char *const what[3] = { "substitutions", "deletions",
	    "insertions" };
	const struct html_view *v = p->v;
	struct buf name = BUF_INIT;
	double max = 0, step, scale, x, w, y, t, top;
	size_t i, k, part[3];
	int height = PT + 26 * (int)v->nsys + 40;
	char lab[32];

	for (i = 0; i < v->nsys; i++)
		if (isfinite(rate_of(&v->sys[i].sum)) &&
		    rate_of(&v->sys[i].sum) > max)
			max = rate_of(&v->sys[i].sum);
	step = nice_step(max > 0 ? max : 1, 6);
	top = ceil((max > 0 ? max : 1) / step) * step;
	scale = (PW - 210.0 - PR) / top;
	svg_open(p, "model-chart", "Error rate of each model", PW, height);
	for (t = 0; t <= top + 1e-9; t += step) {
		x = 200 + t * scale;
		svg_line(p, "gr", x, PT, x, PT + 26.0 * (double)v->nsys);
		tick_label(lab, sizeof(lab), t, step);
		svg_text(p, "lbl", x, PT + 26.0 * (double)v->nsys + 14,
		    "middle", lab);
	}
	svg_text(p, "lbl", 200 + (PW - 210.0 - PR) / 2, height - 6, "middle",
	    "error rate (%): substitutions red, deletions amber, "
	    "insertions blue");
	for (i = 0; i < v->nsys; i++) {
		const struct hsys *s = &v->sys[i];

		y = PT + 26.0 * (double)i;
		buf_reset(&name);
		buf_addesc(&name, s->name);
		svg_text(p, "lbl", 192, y + 17, "end", buf_str(&name));
		part[0] = s->sum.sub;
		part[1] = s->sum.del;
		part[2] = s->sum.ins;
		x = 200;
		for (k = 0; k < 3 && s->sum.words > 0; k++) {
			if (part[k] == 0)
				continue;
			w = 100.0 * (double)part[k] / (double)s->sum.words *
			    scale;
			if (x + w > PW - PR)
				w = PW - PR - x;
			svg_rect(p, cls[k], x, y + 4, w, 18);
			buf_reset(&p->b);
			buf_printf(&p->b, "%zu %s (%.2f%%)", part[k], what[k],
			    100.0 * (double)part[k] / (double)s->sum.words);
			elt(p, "title", buf_str(&p->b));
			xml_end(p->w);
			x += w;
		}
		buf_reset(&p->b);
		buf_printf(&p->b, "%.2f%% %s", rate_of(&s->sum), s->unit);
		svg_text(p, "lbl", x + 4, y + 17, NULL, buf_str(&p->b));
	}
	svg_close(p, NULL);
	buf_release(&name);
}

static void
write_utt_hist(struct page *p, const struct hsys *s, size_t i)
{
	struct hist h;
	struct plot pl;
	char id[32];
	size_t k;

	hist_init(&h, 0, 110, 10);
	for (k = 0; k < s->nu; k++)
		hist_put(&h, rate_of(&s->u[k].c) > 1000 ? 1000 :
		    rate_of(&s->u[k].c));
	snprintf(id, sizeof(id), "utt-hist-%zu", i + 1);
	buf_reset(&p->b);
	buf_addstr(&p->b, "Error rate per utterance: ");
	buf_addesc(&p->b, s->name);
	plot_open(&pl, p, id, buf_str(&p->b), 0, 110, 0, hist_top(h.max),
	    "error rate of the utterance (%)", "utterances");
	hist_bars(&pl, &h, "bar", 0, "%", "error rate", INFINITY);
	svg_close(p, "The last bar counts utterances at 100% and over "
	    "(insertions can pass 100%).");
	free(h.n);
}

static int
utt_cmp(const void *a, const void *b)
{
	const struct hutt *x = *(const struct hutt *const *)a;
	const struct hutt *y = *(const struct hutt *const *)b;

	if (errs(&x->c) != errs(&y->c))
		return errs(&x->c) > errs(&y->c) ? -1 : 1;
	return x->name < y->name ? -1 : x->name > y->name;
}

#define WORST_UTTS	15

static void
write_worst(struct page *p, const struct hsys *s)
{
	static const char *const h[] = { "utterance", "words", "errors",
	    "error rate (%)", "reference", "hypothesis" };
	static const int num[] = { 0, 1, 1, 1, 0, 0 };
	const struct hutt **u;
	size_t i;

	u = xcalloc(s->nu + 1, sizeof(*u));
	for (i = 0; i < s->nu; i++)
		u[i] = &s->u[i];
	qsort(u, s->nu, sizeof(*u), utt_cmp);
	buf_reset(&p->b);
	buf_addstr(&p->b, "Worst utterances: ");
	buf_addesc(&p->b, s->name);
	elt(p, "h3", buf_str(&p->b));
	table_open(p, NULL, 0, h, num, 6);
	for (i = 0; i < s->nu && i < WORST_UTTS && errs(&u[i]->c) > 0; i++) {
		el(p, "tr");
		td_esc(p, strset_key(&p->v->utts, u[i]->name, NULL));
		td_int(p, u[i]->c.words);
		td_int(p, errs(&u[i]->c));
		td_num(p, 1, rate_of(&u[i]->c));
		el(p, "td");
		attr(p, "class", "txt");
		text_esc(p, u[i]->ref);
		end(p);
		el(p, "td");
		attr(p, "class", u[i]->hyp != NULL ? "txt" : "txt dim");
		text_esc(p, u[i]->hyp != NULL ? u[i]->hyp : "(none)");
		end(p);
		end(p);
		nl(p);
	}
	table_close(p, 0);
	free(u);
}

static void
write_confusions(struct page *p, const struct hsys *s)
{
	static const char *const h[] = { "error", "reference", "hypothesis",
	    "count" };
	static const int num[] = { 0, 0, 0, 1 };
	size_t i;

	if (s->nconf == 0)
		return;
	buf_reset(&p->b);
	buf_addstr(&p->b, "Most frequent errors: ");
	buf_addesc(&p->b, s->name);
	elt(p, "h3", buf_str(&p->b));
	table_open(p, NULL, 0, h, num, 4);
	for (i = 0; i < s->nconf; i++) {
		const struct hconf *c = &s->conf[i];

		el(p, "tr");
		td(p, c->ref == NULL ? "insertion" : c->hyp == NULL ?
		    "deletion" : "substitution");
		td_esc(p, c->ref != NULL ? c->ref : "");
		td_esc(p, c->hyp != NULL ? c->hyp : "");
		td_int(p, c->n);
		end(p);
		nl(p);
	}
	table_close(p, 0);
}

/* Every utterance, with each model's errors side by side. */
static void
write_utts(struct page *p)
{
	const struct html_view *v = p->v;
	const char **h;
	int *num;
	size_t n = v->utts.n, i, k, cols = 2 + 2 * v->nsys;
	const struct hutt **at;

	h = xcalloc(cols, sizeof(*h));
	num = xcalloc(cols, sizeof(*num));
	at = xcalloc(n * v->nsys + 1, sizeof(*at));
	h[0] = "utterance";
	h[1] = "words";
	num[1] = 1;
	for (k = 0; k < v->nsys; k++) {
		buf_reset(&p->b);
		buf_addstr(&p->b, "errors: ");
		buf_addesc(&p->b, v->sys[k].name);
		h[2 + 2 * k] = xstrdup(buf_str(&p->b));
		buf_reset(&p->b);
		buf_printf(&p->b, "%s (%%): ", v->sys[k].unit);
		buf_addesc(&p->b, v->sys[k].name);
		h[3 + 2 * k] = xstrdup(buf_str(&p->b));
		num[2 + 2 * k] = num[3 + 2 * k] = 1;
		for (i = 0; i < v->sys[k].nu; i++)
			at[v->sys[k].u[i].name * v->nsys + k] =
			    &v->sys[k].u[i];
	}
	section(p, "files", "Utterances");
	table_open(p, "utterances", n > 40, h, num, cols);
	p->bare = 1;
	for (i = 0; i < n; i++) {
		const struct hutt *first = NULL;

		for (k = 0; k < v->nsys && first == NULL; k++)
			first = at[i * v->nsys + k];
		el(p, "tr");
		td_esc(p, strset_key(&v->utts, i, NULL));
		td_num(p, 0, first != NULL ? (double)first->c.words :
		    NAN);
		for (k = 0; k < v->nsys; k++) {
			const struct hutt *u = at[i * v->nsys + k];

			td_num(p, 0, u != NULL ? (double)errs(&u->c) :
			    NAN);
			td_num(p, 1, u != NULL ? rate_of(&u->c) : NAN);
		}
		end(p);
		nl(p);
	}
	p->bare = 0;
	table_close(p, n > 40);
	end(p);
	nl(p);
	for (k = 2; k < cols; k++)
		free((char *)h[k]);
	free(h);
	free(num);
	free(at);
}

static void
write_models(struct page *p)
{
	const struct html_view *v = p->v;
	size_t i;

	section(p, "models", "Models");
	write_model_table(p);
	write_model_chart(p);
	for (i = 0; i < v->nsys; i++) {
		buf_reset(&p->b);
		buf_addesc(&p->b, v->sys[i].name);
		elt(p, "h3", buf_str(&p->b));
		write_utt_hist(p, &v->sys[i], i);
		write_worst(p, &v->sys[i]);
		write_confusions(p, &v->sys[i]);
	}
	end(p);
	nl(p);
}

/*
 * Every file: duration, levels with --scan, words and rate, and the
 * worst finding about it, linked to its rule.  Row i into p->raw.
 */
static void
files_row(struct page *p, size_t i, int scan, struct buf *name)
{
	const struct hrec *r = &p->v->rec[i];
	const struct rmark *m = &p->mark[i];
	int a = r->audio && r->a.secs >= 0, sc = r->audio && r->a.scanned;
	char s1[32], s2[32];

	RAW_LIT(p, "<tr>");
	rec_name(name, r);
	if (!r->audio)
		buf_addstr(name, " (no audio)");
	raw_td(p, buf_str(name));
	raw_td_num(p, 2, a ? r->a.secs : NAN);
	if (scan) {
		if (sc && isinf(r->a.rms_db))
			RAW_LIT(p, "<td data-v=\"-999\">silence</td>");
		else
			raw_td(p, sc ? fixed(s1, sizeof(s1), r->a.rms_db, 1) :
			    "");
		/* Sorted by the shorter of the two. */
		if (sc && !r->a.silent) {
			fixed(s1, sizeof(s1), r->a.lead_s, 2);
			fixed(s2, sizeof(s2), r->a.trail_s, 2);
			RAW_LIT(p, "<td");
			raw_attr(p, "data-v", r->a.lead_s < r->a.trail_s ?
			    s1 : s2);
			RAW_LIT(p, ">");
			xml_esc(&p->raw, s1, 0);
			RAW_LIT(p, " / ");
			xml_esc(&p->raw, s2, 0);
			RAW_LIT(p, "</td>");
		} else
			raw_td(p, "");
	}
	raw_td_num(p, 0, r->tline > 0 ? (double)r->words : NAN);
	raw_td_num(p, 1, r->tline > 0 && a && r->a.secs > 0 ?
	    (double)r->chars / r->a.secs : NAN);
	if (m->rule != NULL) {
		RAW_LIT(p, "<td");
		raw_attr(p, "class", sev_class(m->worst));
		buf_reset(name);
		buf_printf(name, "%d %s", (int)m->worst, m->rule->id);
		raw_attr(p, "data-v", buf_str(name));
		RAW_LIT(p, "><a");
		buf_reset(name);
		buf_printf(name, "#rule-%s", m->rule->id);
		raw_attr(p, "href", buf_str(name));
		RAW_LIT(p, ">");
		buf_reset(name);
		buf_printf(name, "%s %s", sev_name(m->worst), m->rule->id);
		xml_esc(&p->raw, buf_str(name), 0);
		RAW_LIT(p, "</a>");
		if (m->n > 1) {
			buf_reset(name);
			buf_printf(name, " (%zu)", m->n);
			xml_esc(&p->raw, buf_str(name), 0);
		}
		RAW_LIT(p, "</td>");
	} else
		raw_td(p, "");
	RAW_LIT(p, "</tr>\n");
}

/*
 * The rows of a big files table are half the work of the page: with
 * threads to spare, a second thread makes them, into a page of its own
 * (rows->q: p's view and marks, markup apart, no writer), while the
 * first writes the rest; write_files() takes them in their place.
 */
#define FILES_APART	2000		/* rows, at least */

static void *
files_rows(void *arg)
{
	struct page *q = arg;
	struct buf name = BUF_INIT;
	size_t i;
	int scan = any_scanned(q->v);

	for (i = 0; i < q->v->nrec; i++)
		files_row(q, i, scan, &name);
	buf_release(&name);
	return NULL;
}

static void
rows_start(struct rows *rows, const struct page *p)
{
	memset(rows, 0, sizeof(*rows));
	if (p->v->threads < 2 || p->v->nrec < FILES_APART)
		return;
	rows->q.v = p->v;
	rows->q.mark = p->mark;
	rows->q.bare = 1;	/* the style aligns the columns */
	rows->started = pthread_create(&rows->th, NULL, files_rows,
	    &rows->q) == 0;
}

/* The rows, if a thread made them; 0 if it did not. */
static int
rows_end(struct rows *rows)
{
	if (!rows->started)
		return 0;
	pthread_join(rows->th, NULL);
	rows->started = 0;
	return 1;
}

static void
write_files(struct page *p, struct rows *rows)
{
	static const char *const hall[] = { "file", "duration (s)",
	    "RMS (dBFS)", "pauses: lead / trail (s)", "words", "characters/s",
	    "worst finding (how many)" };
	static const int numall[] = { 0, 1, 1, 1, 1, 1, 0 };
	const struct html_view *v = p->v;
	const char *h[7];
	int num[7], scan = any_scanned(v);
	struct buf name = BUF_INIT;
	size_t i, k, n = 0;

	for (k = 0; k < 7; k++)
		if (scan || k < 2 || k > 3) {
			h[n] = hall[k];
			num[n++] = numall[k];
		}
	section(p, "files", "Files");
	table_open(p, "files-table", v->nrec > 40, h, num, n);
	if (rows_end(rows))
		xml_wraw(p->w, rows->q.raw.s, rows->q.raw.len);
	else {
		p->bare = 1;	/* the style aligns the columns */
		for (i = 0; i < v->nrec; i++) {
			files_row(p, i, scan, &name);
			raw_next(p);
		}
		raw_flush(p);
		p->bare = 0;
	}
	table_close(p, v->nrec > 40);
	end(p);
	nl(p);
	buf_release(&name);
}

static void
write_findings(struct page *p)
{
	static const char *const h[] = { "place", "severity", "rule",
	    "message" };
	struct buf s = BUF_INIT;
	size_t i;

	section(p, "findings", "Every finding");
	table_open(p, "findings-table", p->r->n > 40, h, NULL, 4);
	for (i = 0; i < p->r->n; i++) {
		const struct finding *f = &p->r->v[i];

		if (f->rule == NULL)
			continue;
		RAW_LIT(p, "<tr>");
		buf_reset(&s);
		place(&s, f->file, f->member, f->line, f->col);
		raw_td(p, s.len > 0 ? buf_str(&s) : p->r->tool);
		RAW_LIT(p, "<td");
		raw_attr(p, "class", sev_class(f->sev));
		buf_reset(&s);
		buf_printf(&s, "%d", (int)f->sev);
		raw_attr(p, "data-v", buf_str(&s));
		RAW_LIT(p, ">");
		xml_esc(&p->raw, sev_name(f->sev), 0);
		RAW_LIT(p, "</td><td><a");
		buf_reset(&s);
		buf_printf(&s, "#rule-%s", f->rule->id);
		raw_attr(p, "href", buf_str(&s));
		RAW_LIT(p, ">");
		xml_esc(&p->raw, f->rule->id, 0);
		RAW_LIT(p, "</a></td><td class=\"msg\">");
		buf_reset(&s);
		buf_addesc(&s, f->msg);
		xml_esc(&p->raw, buf_str(&s), 0);
		RAW_LIT(p, "</td></tr>\n");
		raw_next(p);
	}
	raw_flush(p);
	table_close(p, p->r->n > 40);
	end(p);
	nl(p);
	buf_release(&s);
}

static int
have_rate(const struct html_view *v)
{
	size_t i;

	for (i = 0; i < v->nrec; i++)
		if (v->rec[i].audio && v->rec[i].a.secs > 0 &&
		    v->rec[i].tline > 0)
			return 1;
	return 0;
}

static int
have_audio(const struct html_view *v)
{
	size_t i;

	for (i = 0; i < v->nrec; i++)
		if (v->rec[i].audio)
			return 1;
	return 0;
}

/*
 * Write the page about run r and what v saw into out.  Returns 0, or -1
 * if the writer failed.
 */
int
html_write(const struct html_view *v, const struct html_run *r,
    struct buf *out)
{
	struct page p;
	struct rows rows;
	int have[8], rc;

	memset(&p, 0, sizeof(p));
	p.v = v;
	p.r = r;
	p.w = xml_html_new();
	count_findings(&p);
	mark_records(&p);
	have[0] = 1;
	have[1] = have_audio(v);
	have[2] = have_rate(v);
	have[3] = v->inv[INV_TRANS].chars + v->inv[INV_TEXT].chars > 0;
	have[4] = v->inv[INV_TRANS].nwords + v->inv[INV_TEXT].nwords > 0;
	have[5] = v->nsys > 0;
	have[6] = v->nrec > 0 || v->nsys > 0;
	have[7] = findings_total(&p) > 0;
	memset(&rows, 0, sizeof(rows));
	if (!have[5] && have[6])
		rows_start(&rows, &p);
	el(&p, "html");
	attr(&p, "xmlns", "http://www.w3.org/1999/xhtml");
	attr(&p, "lang", "en");
	el(&p, "head");
	el(&p, "meta");
	attr(&p, "charset", "UTF-8");
	xml_end(p.w);
	el(&p, "meta");
	attr(&p, "name", "viewport");
	attr(&p, "content", "width=device-width, initial-scale=1");
	xml_end(p.w);
	buf_reset(&p.b);
	buf_printf(&p.b, "%s report: ", r->tool);
	verdict_text(&p, &p.b);
	elt(&p, "title", buf_str(&p.b));
	elt(&p, "style", css);
	end(&p);
	nl(&p);
	el(&p, "body");
	write_header(&p);
	write_datasets(&p);
	write_nav(&p, have);
	write_rules(&p);
	if (have[1])
		write_audio(&p);
	if (have[2])
		write_rate(&p);
	if (have[3])
		write_chars(&p);
	if (have[4])
		write_words(&p);
	if (have[5]) {
		write_models(&p);
		write_utts(&p);
	} else if (have[6])
		write_files(&p, &rows);
	if (have[7])
		write_findings(&p);
	el(&p, "script");
	xml_wscript(p.w, script);
	end(&p);
	end(&p);		/* body */
	end(&p);		/* html */
	rc = xml_writer_finish(p.w, out);
	(void)rows_end(&rows);
	buf_release(&rows.q.raw);
	free(p.mark);
	free(p.per);
	buf_release(&p.b);
	buf_release(&p.raw);
	return rc;
}
