/*
 * Structured text: a line parser that builds the model of md.h, then
 * the checks that need the whole file (references, duplicates, counts,
 * unused lists), then vox-text's checks of the item and sentence text
 * (related.c, in blocks, so that memory stays a few blocks whatever the
 * file size).  Findings are collected apart and handed on sorted by
 * line and column, since the whole-file checks come after the others.
 *
 * The syntax is that of the Language Understanding (LU) file format's
 * list entities and example utterances, as far as Custom Speech takes
 * it (spec rows MD-*).  The parser is lenient where the vendor's own
 * files vary ("# Name" and "#Name") and names what it had to guess.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "diag.h"
#include "jobs.h"
#include "md.h"
#include "profile.h"
#include "related.h"
#include "strset.h"
#include "text.h"
#include "utf8.h"
#include "xalloc.h"

/* The spec's limits, for a parse without a profile (fuzzing, tests). */
#define LISTS_WARN	10
#define LISTS_MAX	20
#define ITEMS_WARN	4000
#define ITEMS_MAX	35000
#define LEXICON_MAX	15000
#define PRONS_MAX	2
#define SENTENCES_MAX	50000
#define REPEAT_MAX	3

/* Text quoted in a message: at most this many code points. */
#define QUOTE_CP	40

/*
 * vox-text's checks run over blocks of this many lines, each checked in
 * pieces small enough that no rule reaches DIAG_CAP findings in one (a
 * line gives at most two of a rule: a note and a warning).
 */
#define BLOCK_LINES	4096
#define SUB_LINES	(DIAG_CAP / 2)

/* Labels in the longest phone of a phone set that we look for. */
#define SEQ_MAX		8

/* --expand: sentences standing for more variants count as this many. */
#define VARIANTS_CAP	(UINT64_C(1) << 62)

/* --expand: the generator's fixed seed (vox-md.1 documents it). */
#define EXPAND_SEED	UINT64_C(1)

/* Which block the next "- " line belongs to. */
enum ctx {
	CTX_NONE,		/* before any header */
	CTX_LIST,
	CTX_LEX,
	CTX_SECTION,
	CTX_BAD			/* an unsupported "@" block: ignored */
};

/* A "@" line, split: the word after '@', a list's name and its '='. */
enum hdr {
	H_LIST,
	H_LEX,
	H_OTHER
};

struct at_line {
	enum hdr	 kind;
	const char	*w, *we;	/* the word after '@' */
	const char	*n, *ne;	/* H_LIST: the name */
	const char	*r;		/* past the name's blanks: '=', more */
	const char	*rest;		/* past '=' (H_LEX: the word) or NULL */
	int		 odd;		/* blanks other than one space each */
};

/* A "- " line (also "* " and "+ ", as LU takes them), split. */
struct entry_line {
	const char	*t;		/* the text, up to the line's end */
	int		 star;		/* '*' or '+', not '-' */
	int		 nospace;	/* "-text" */
	int		 odd;		/* a TAB or several blanks after '-' */
};

/* A {NAME} without '@': an error only if NAME is a declared list. */
struct bare {
	struct md_text	span;
	struct md_text	name;
};

/* The capacity of each growing array, in struct parser's cap[]. */
enum {
	CAP_LISTS,
	CAP_ITEMS,
	CAP_LEX,
	CAP_SECTIONS,
	CAP_SENTS,
	CAP_REFS,
	CAP_COMMENTS,
	CAP_BARE,
	CAP_PRONS,
	CAP_N
};

struct parser {
	struct md		*m;
	const struct md_opts	*o;
	const char		*name;
	struct diag		 d;		/* sorted, then handed on */
	enum ctx		 ctx;
	size_t			 cur;		/* the list or section */
	const char		*ls;		/* the line, without CR LF */
	size_t			 ll;
	unsigned long		 line;
	unsigned long		 lexline;	/* the first lexicon header */
	struct bare		*bare;
	size_t			 nbare;
	size_t			 cap[CAP_N];
	const struct phoneset	*ps;
	struct strset		 labels;	/* the locale's phones */
	struct strset		 starts;	/* first labels of sequences */
	size_t			 maxseq;
	struct strset		 words;		/* lexicon words, folded */
	size_t			*prons;		/* per word */
	struct buf		 tmp;
	struct buf		 key;
	uint64_t		 lists_warn, lists_max;
	uint64_t		 items_warn, items_max;
	uint64_t		 lexicon, nprons_max, sentences;
};

static int
blank(int c)
{
	return c == ' ' || c == '\t';
}

/* What ends a line unseen: blanks, and a CR left by CR CR LF. */
static int
trail(int c)
{
	return blank(c) || c == '\r';
}

/* Blanks from s to e: past them, and whether they are not one space. */
static const char *
skip_blanks(const char *s, const char *e, int *odd)
{
	const char *q = s;

	while (q < e && blank(*q))
		q++;
	*odd = q - s != 1 || *s != ' ';
	return q;
}

static void
split_at(const char *q, const char *e, struct at_line *h)
{
	int o1, o2 = 0, o3 = 0, o4;

	memset(h, 0, sizeof(*h));
	h->w = skip_blanks(q + 1, e, &o1);
	for (h->we = h->w; h->we < e && !blank(*h->we) && *h->we != '=';
	    h->we++)
		;
	h->kind = H_OTHER;
	if (h->we - h->w == 4 && strncasecmp(h->w, "list", 4) == 0) {
		h->kind = H_LIST;
		h->n = skip_blanks(h->we, e, &o2);
		for (h->ne = h->n; h->ne < e && !blank(*h->ne) &&
		    *h->ne != '='; h->ne++)
			;
		h->r = skip_blanks(h->ne, e, &o3);
		if (h->r < e && *h->r == '=')
			h->rest = skip_blanks(h->r + 1, e, &o4);
	} else if (h->we - h->w == 22 &&
	    strncasecmp(h->w, "speech:phoneticlexicon", 22) == 0) {
		h->kind = H_LEX;
		h->rest = skip_blanks(h->we, e, &o4);
	}
	h->odd = o1 || o2 || o3;
}

/* Whether c may be in a list name: what LU takes in entity names. */
static int
name_char(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.' ||
	    (unsigned char)c >= 0x80;
}

/* The first character of a list name that may not be in one, or ne. */
static const char *
name_bad(const char *n, const char *ne)
{
	while (n < ne && name_char(*n))
		n++;
	return n;
}

/* A list header that is right but for its blanks: --fix may respace it. */
static int
list_header_ok(const struct at_line *h, const char *e)
{
	return h->kind == H_LIST && h->n < h->ne && h->rest == e &&
	    name_bad(h->n, h->ne) == h->ne;
}

/* The section name after '#', and whether its blanks are odd. */
static const char *
split_section(const char *q, const char *e, int *odd)
{
	const char *n = q + 1;

	while (n < e && blank(*n))
		n++;
	*odd = n - (q + 1) > 1 || (n - (q + 1) == 1 && q[1] != ' ');
	return n;
}

/* Whether q starts an entry: '-', or '*' or '+' before a blank. */
static int
is_entry(const char *q, const char *e)
{
	return *q == '-' || ((*q == '*' || *q == '+') && q + 1 < e &&
	    blank(q[1]));
}

static void
split_entry(const char *q, const char *e, struct entry_line *en)
{
	const char *t = q + 1;

	while (t < e && blank(*t))
		t++;
	en->t = t;
	en->star = *q != '-';
	en->nospace = t == q + 1 && t < e;
	en->odd = t - (q + 1) > 1 || (t - (q + 1) == 1 && q[1] != ' ');
}

/*
 * Comment markers of other formats, which the service would read as
 * data: HTML, C, SQL, LU's own '>', INI's ';', a single '/'.  "--" only
 * before a blank, as "-- x" and "--x" may be entries.
 */
static const char *
comment_mark(const char *q, const char *e)
{
	static const char *const marks[] = { "<!--", "/*", ">", ";", "/" };
	size_t i, n;

	if (e - q >= 2 && q[0] == '-' && q[1] == '-' &&
	    (e - q == 2 || blank(q[2])))
		return "--";
	for (i = 0; i < sizeof(marks) / sizeof(marks[0]); i++) {
		n = strlen(marks[i]);
		if ((size_t)(e - q) >= n && memcmp(q, marks[i], n) == 0)
			return marks[i];
	}
	return NULL;
}

static void
add(struct parser *, const struct md_text *, const char *, const char *,
    ...) __attribute__((format(printf, 4, 5)));
static void
addsev(struct parser *, const struct md_text *, const char *,
    enum severity, const char *, ...) __attribute__((format(printf, 5, 6)));

/* A finding at t (NULL: the whole file), of the rule's severity. */
static void
add(struct parser *p, const struct md_text *t, const char *id,
    const char *fmt, ...)
{
	struct loc l = { p->name, NULL, 0, 0 };
	va_list ap;

	if (t != NULL) {
		l.line = t->line;
		l.col = t->col;
	}
	va_start(ap, fmt);
	diag_vadd(&p->d, &l, id, SEV_NONE, fmt, ap);
	va_end(ap);
}

static void
addsev(struct parser *p, const struct md_text *t, const char *id,
    enum severity sev, const char *fmt, ...)
{
	struct loc l = { p->name, NULL, 0, 0 };
	va_list ap;

	if (t != NULL) {
		l.line = t->line;
		l.col = t->col;
	}
	va_start(ap, fmt);
	diag_vadd(&p->d, &l, id, sev, fmt, ap);
	va_end(ap);
}

/* The stretch [s, s + len) of the current line, with its column. */
static struct md_text
at(const struct parser *p, const char *s, size_t len)
{
	struct md_text t;

	t.off = (size_t)(s - p->m->buf);
	t.len = len;
	t.line = p->line;
	t.col = (unsigned long)utf8_ncp(p->ls, (size_t)(s - p->ls)) + 1;
	return t;
}

/*
 * Text for a message, at most QUOTE_CP code points and "...".  Each
 * call reuses one buffer: a message quotes one text at most this way.
 */
static const char *
quote(struct parser *p, const char *s, size_t len)
{
	size_t i = 0, k = 0;

	while (i < len && k++ < QUOTE_CP)
		(void)utf8_cp(s, len, &i);
	if (i > len)
		i = len;
	buf_reset(&p->tmp);
	buf_add(&p->tmp, s, i);
	if (i < len)
		buf_addstr(&p->tmp, "...");
	return buf_str(&p->tmp);
}

static const char *
quote_text(struct parser *p, const struct md_text *t)
{
	return quote(p, p->m->buf + t->off, t->len);
}

/* Element n of an array, grown (doubling its capacity) and zeroed. */
static void *
more(void *pv, size_t n, size_t *cap, size_t size)
{
	void **pp = pv;
	char *v;

	if (n == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		*pp = xreallocarray(*pp, *cap, size);
	}
	v = (char *)*pp + n * size;
	memset(v, 0, size);
	return v;
}

/* A TAB, or "//" as if it began a comment, inside entry text. */
static void
text_layout(struct parser *p, const struct md_text *t)
{
	const char *s = p->m->buf + t->off, *c;
	struct md_text x;

	if ((c = memchr(s, '\t', t->len)) != NULL) {
		x = at(p, c, 1);
		add(p, &x, "MD-SPACE", "a TAB in the text; write a space");
	}
	for (c = s; (c = memchr(c, '/', t->len - (size_t)(c - s))) != NULL &&
	    c + 1 < s + t->len; c++) {
		if (c[1] != '/' || (c > s && c[-1] == ':'))
			continue;
		x = at(p, c, 2);
		add(p, &x, "MD-COMMENT", "'//' inside a line does not start a "
		    "comment; it is part of the text");
		break;
	}
}

static void
item(struct parser *p, const struct md_text *t)
{
	struct md *m = p->m;
	struct md_item *it;

	if (t->len == 0) {
		add(p, t, "MD-LIST-DECL", "empty item in list '%s'",
		    quote_text(p, &m->lists[p->cur].name));
		return;
	}
	it = more(&m->items, m->nitems, &p->cap[CAP_ITEMS], sizeof(*it));
	m->nitems++;
	it->text = *t;
	it->list = p->cur;
	it->dup = MD_NONE;
	m->lists[p->cur].n++;
	text_layout(p, t);
}

/* The {@NAME} references of a sentence, and {NAME} without '@'. */
static void
refs(struct parser *p, struct md_sent *st)
{
	struct md *m = p->m;
	const char *s = m->buf + st->text.off, *end = s + st->text.len, *b, *c;
	struct md_ref *r;
	struct bare *br;
	struct md_text x;

	st->ref = m->nrefs;
	for (b = s; b < end && (b = memchr(b, '{', (size_t)(end - b))) != NULL;
	    b = c) {
		for (c = b + 1; c < end && *c != '}' && *c != '{'; c++)
			;
		if (b + 1 < end && b[1] == '@') {
			if (c == end || *c == '{') {
				x = at(p, b, 2);
				add(p, &x, "MD-REF", "'{@' without a closing "
				    "'}'");
				continue;
			}
			if (c == b + 2) {
				x = at(p, b, 3);
				add(p, &x, "MD-REF", "'{@}' names no list");
				c++;
				continue;
			}
			r = more(&m->refs, m->nrefs, &p->cap[CAP_REFS],
			    sizeof(*r));
			m->nrefs++;
			r->span = at(p, b, (size_t)(c + 1 - b));
			r->name = at(p, b + 2, (size_t)(c - b - 2));
			r->list = MD_NONE;
			st->nref++;
		} else if (c < end && *c == '}' && c > b + 1) {
			br = more(&p->bare, p->nbare, &p->cap[CAP_BARE],
			    sizeof(*br));
			p->nbare++;
			br->span = at(p, b, (size_t)(c + 1 - b));
			br->name = at(p, b + 1, (size_t)(c - b - 1));
		}
		if (c < end && *c == '}')
			c++;
	}
}

static void
sentence(struct parser *p, const struct md_text *t, size_t sec)
{
	struct md *m = p->m;
	struct md_sent *st;

	if (t->len == 0) {
		add(p, t, "MD-SENT", "empty sentence");
		return;
	}
	st = more(&m->sents, m->nsents, &p->cap[CAP_SENTS], sizeof(*st));
	m->nsents++;
	st->text = *t;
	st->section = sec;
	if (sec != MD_NONE)
		m->sections[sec].n++;
	refs(p, st);
	text_layout(p, t);
}

/*
 * The label of the phone set that matches the most tokens at t (a
 * sequence such as "AX R" before "AX"): the tokens it takes, 0 if none.
 */
static size_t
phone_match(struct parser *p, const char *t, const char *e,
    const char **next)
{
	const char *tk[SEQ_MAX], *te[SEQ_MAX], *c;
	size_t n = 0, k, i;

	for (c = t; n < p->maxseq && c < e; n++) {
		tk[n] = c;
		while (c < e && !blank(*c))
			c++;
		te[n] = c;
		while (c < e && blank(*c))
			c++;
	}
	for (k = n; k > 0; k--) {
		buf_reset(&p->key);
		for (i = 0; i < k; i++) {
			if (i > 0)
				buf_addc(&p->key, ' ');
			for (c = tk[i]; c < te[i]; c++)
				buf_addc(&p->key, *c >= 'a' && *c <= 'z' ?
				    *c - ('a' - 'A') : *c);
		}
		if (strset_find(&p->labels, p->key.s, p->key.len) !=
		    STRSET_NONE) {
			*next = te[k - 1];
			return k;
		}
	}
	return 0;
}

/* Phones: ASCII labels, and the locale's Universal Phone Set if any. */
static void
phones(struct parser *p, const struct md_text *ph)
{
	const char *s = p->m->buf + ph->off, *e = s + ph->len, *t, *te, *c;
	struct md_text x;
	size_t k;

	for (t = s; t < e; t = te) {
		while (t < e && blank(*t))
			t++;
		if (t == e)
			break;
		for (te = t; te < e && !blank(*te); te++)
			;
		x = at(p, t, (size_t)(te - t));
		for (c = t; c < te && (unsigned char)*c < 0x80; c++)
			;
		if (c < te) {
			add(p, &x, "MD-PHONES", "phone '%s' is not ASCII; "
			    "phones are Universal Phone Set labels",
			    quote(p, t, (size_t)(te - t)));
			continue;
		}
		if (p->ps == NULL || phone_match(p, t, e, &te) > 0)
			continue;
		buf_reset(&p->key);
		for (c = t; c < te; c++)
			buf_addc(&p->key, *c >= 'a' && *c <= 'z' ?
			    *c - ('a' - 'A') : *c);
		k = strset_find(&p->starts, p->key.s, p->key.len);
		if (k != STRSET_NONE)
			add(p, &x, "MD-PHONES", "'%.*s' is in the %s phone set "
			    "only as part of '%s'", (int)(te - t), t,
			    p->ps->tag, p->ps->labels[strset_val(&p->starts,
			    k)]);
		else
			add(p, &x, "MD-PHONES", "'%.*s' is not in the %s "
			    "Universal Phone Set", (int)(te - t), t,
			    p->ps->tag);
	}
}

/* "- word/phones": split at the last '/', as a word may hold one. */
static void
lexentry(struct parser *p, const struct md_text *t)
{
	struct md *m = p->m;
	const char *s = m->buf + t->off, *e = s + t->len, *sl, *w, *we, *ph;
	struct md_lex *lx;
	struct md_text wt, pt;
	size_t k, i;

	for (sl = e; sl > s && sl[-1] != '/'; sl--)
		;
	if (sl == s) {
		add(p, t, "MD-LEX", "'%s' has no '/' between the word and "
		    "its phones", quote_text(p, t));
		return;
	}
	sl--;
	for (w = s, we = sl; we > w && blank(we[-1]); we--)
		;
	for (ph = sl + 1; ph < e && blank(*ph); ph++)
		;
	if (we == w) {
		add(p, t, "MD-LEX", "no word before '/'");
		return;
	}
	wt = at(p, w, (size_t)(we - w));
	if (ph == e) {
		pt = at(p, sl, 1);
		add(p, &pt, "MD-LEX", "no phones after '/' for '%s'",
		    quote_text(p, &wt));
		return;
	}
	pt = at(p, ph, (size_t)(e - ph));
	lx = more(&m->lex, m->nlex, &p->cap[CAP_LEX], sizeof(*lx));
	m->nlex++;
	lx->word = wt;
	lx->phones = pt;
	if (m->nlex == p->lexicon + 1)
		add(p, &wt, "MD-LEX", "lexicon entry %zu is over the limit "
		    "(%llu)", m->nlex, (unsigned long long)p->lexicon);
	/* Words are matched case-insensitively: "Cat" is "cat". */
	buf_reset(&p->key);
	for (i = 0; i < wt.len; i++)
		buf_addc(&p->key, w[i] >= 'A' && w[i] <= 'Z' ?
		    w[i] + ('a' - 'A') : w[i]);
	if (strset_add(&p->words, p->key.s, p->key.len, 0, &k))
		(void)more(&p->prons, k, &p->cap[CAP_PRONS],
		    sizeof(*p->prons));
	if (++p->prons[k] == p->nprons_max + 1)
		add(p, &wt, "MD-LEX", "a pronunciation of '%s' over the limit "
		    "(%llu a word)", quote_text(p, &wt),
		    (unsigned long long)p->nprons_max);
	phones(p, &pt);
}

static void
entry(struct parser *p, const char *q, const char *e)
{
	struct entry_line en;
	struct md_text mk, t;

	split_entry(q, e, &en);
	mk = at(p, q, 1);
	t = at(p, en.t, (size_t)(e - en.t));
	if (en.star)
		add(p, &mk, "MD-SPACE", "entries start with '- ', not '%c '",
		    *q);
	else if (en.nospace)
		add(p, &mk, "MD-SPACE", "no space after '-'; entries are "
		    "'- text'");
	else if (en.odd)
		add(p, &mk, "MD-SPACE", "a TAB or several blanks after '-'; "
		    "write one space");
	switch (p->ctx) {
	case CTX_NONE:
		add(p, &mk, "MD-ORPHAN", "'%s' comes before any list, lexicon "
		    "or section; it belongs to none", quote(p, q,
		    (size_t)(e - q)));
		sentence(p, &t, MD_NONE);
		break;
	case CTX_LIST:
		item(p, &t);
		break;
	case CTX_LEX:
		lexentry(p, &t);
		break;
	case CTX_SECTION:
		sentence(p, &t, p->cur);
		break;
	case CTX_BAD:
		break;
	}
}

static void
list_header(struct parser *p, const char *q, const char *e,
    const struct at_line *h)
{
	struct md *m = p->m;
	struct md_list *l;
	struct md_text x;
	const char *c;

	l = more(&m->lists, m->nlists, &p->cap[CAP_LISTS], sizeof(*l));
	p->cur = m->nlists++;
	p->ctx = CTX_LIST;
	l->name = at(p, h->n, (size_t)(h->ne - h->n));
	l->first = m->nitems;
	l->same = p->cur;
	if (h->n == h->ne) {
		l->bad = 1;
		x = at(p, q, (size_t)(e - q));
		add(p, &x, "MD-LIST-DECL", "'@ list' without a name; write "
		    "'@ list NAME ='");
		return;
	}
	/* The name still counts (for references); the list is not checked. */
	l->bad = 1;
	if ((c = name_bad(h->n, h->ne)) < h->ne) {
		x = at(p, c, 1);
		add(p, &x, "MD-LIST-DECL", "'%c' in the list name '%s'; "
		    "names are letters, digits, '_', '-' and '.'", *c,
		    quote(p, h->n, (size_t)(h->ne - h->n)));
		return;
	}
	if (h->r < e && *h->r != '=') {
		/* "@ list my list =": quote the name up to the '='. */
		if ((c = memchr(h->r, '=', (size_t)(e - h->r))) == NULL)
			c = e;
		while (c > h->r && blank(c[-1]))
			c--;
		x = at(p, h->r, 1);
		add(p, &x, "MD-LIST-DECL", "the list name '%s' has a blank; "
		    "a name is one word", quote(p, h->n, (size_t)(c - h->n)));
		return;
	}
	if (h->rest == NULL) {
		x = at(p, h->ne, 1);
		add(p, &x, "MD-LIST-DECL", "no '=' after the list name '%s'",
		    quote_text(p, &l->name));
		return;
	}
	if (h->rest < e) {
		x = at(p, h->rest, (size_t)(e - h->rest));
		add(p, &x, "MD-LIST-DECL", "'%s' after '='; items go on "
		    "'- item' lines below", quote_text(p, &x));
		return;
	}
	l->bad = 0;
	if (h->odd) {
		x = at(p, q, 1);
		add(p, &x, "MD-SPACE", "write the header as '@ list %s ='",
		    quote_text(p, &l->name));
	}
}

static void
at_line(struct parser *p, const char *q, const char *e)
{
	struct at_line h;
	struct md_text x;

	split_at(q, e, &h);
	x = at(p, q, (size_t)(e - q));
	switch (h.kind) {
	case H_LIST:
		list_header(p, q, e, &h);
		return;
	case H_LEX:
		p->ctx = CTX_LEX;
		if (h.rest < e) {
			x = at(p, h.rest, (size_t)(e - h.rest));
			add(p, &x, "MD-LEX", "'%s' after '@ speech:"
			    "phoneticlexicon'; entries go on '- word/phones' "
			    "lines below", quote_text(p, &x));
		} else if (h.odd) {
			x = at(p, q, 1);
			add(p, &x, "MD-SPACE", "write the header as "
			    "'@ speech:phoneticlexicon'");
		}
		x = at(p, q, 1);
		if (p->lexline != 0)
			addsev(p, &x, "MD-LEX", SEV_WARNING, "a second lexicon "
			    "block (the first is at line %lu); the docs show "
			    "one", p->lexline);
		else
			p->lexline = p->line;
		return;
	case H_OTHER:
		p->ctx = CTX_BAD;
		add(p, &x, "MD-LIST-DECL", "'%s' is not a structured text "
		    "header; there are '@ list NAME =' and "
		    "'@ speech:phoneticlexicon'", quote_text(p, &x));
		return;
	}
}

static void
section(struct parser *p, const char *q, const char *e)
{
	struct md *m = p->m;
	struct md_section *sc;
	struct md_text x;
	const char *n, *c, *wide;
	size_t i = 0, wlen = 0;
	int32_t cp;
	int odd;

	n = split_section(q, e, &odd);
	sc = more(&m->sections, m->nsections, &p->cap[CAP_SECTIONS],
	    sizeof(*sc));
	p->cur = m->nsections++;
	p->ctx = CTX_SECTION;
	sc->name = at(p, n, (size_t)(e - n));
	sc->first = m->nsents;
	if (n == e) {
		x = at(p, q, 1);
		add(p, &x, "MD-SECTION", "'#' without a section name");
		return;
	}
	/*
	 * The first character that is no letter, digit or '_' is an error;
	 * else a letter of another alphabet, which may be fine (unknown).
	 */
	for (c = n, wide = NULL; c < e; c = q + i) {
		i = (size_t)(c - q);
		cp = utf8_cp(q, (size_t)(e - q), &i);
		if ((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
		    (*c >= '0' && *c <= '9') || *c == '_')
			continue;
		if ((unsigned char)*c < 0x80 || cp < 0 ||
		    (text_char_class(cp) != TEXT_C_LETTER &&
		    text_char_class(cp) != TEXT_C_UPPER))
			break;
		if (wide == NULL) {
			wide = c;
			wlen = i - (size_t)(c - q);
		}
	}
	if (c < e) {
		x = at(p, c, 1);
		add(p, &x, "MD-SECTION", "'%.*s' in the section name '%s'; "
		    "names are letters, digits and underscores%s",
		    (int)(i - (size_t)(c - q)), c, quote_text(p, &sc->name),
		    *c == ' ' ? " (a comment starts with //)" : "");
		return;
	}
	if (wide != NULL) {
		x = at(p, wide, wlen);
		addsev(p, &x, "MD-SECTION", SEV_WARNING, "'%.*s' in the section "
		    "name '%s' is not an ASCII letter; the docs' names are "
		    "[A-Za-z0-9_]", (int)wlen, wide, quote_text(p, &sc->name));
		return;
	}
	if (odd) {
		x = at(p, q, 1);
		add(p, &x, "MD-SPACE", "a TAB or several blanks after '#'; "
		    "write '# %s'", quote_text(p, &sc->name));
	}
}

/* A line that is no header, entry or comment. */
static void
stray(struct parser *p, const char *q, const char *e)
{
	struct md_text x = at(p, q, (size_t)(e - q));
	const char *s = quote(p, q, (size_t)(e - q));

	switch (p->ctx) {
	case CTX_NONE:
		add(p, &x, "MD-ORPHAN", "'%s' is outside any list or section "
		    "and is not a // comment", s);
		break;
	case CTX_LIST:
		add(p, &x, "MD-LIST-DECL", "'%s' in a list is not a '- item' "
		    "line", s);
		break;
	case CTX_LEX:
		add(p, &x, "MD-LEX", "'%s' in the lexicon is not a "
		    "'- word/phones' line", s);
		break;
	case CTX_SECTION:
		add(p, &x, "MD-SENT", "'%s' is not a '- sentence' line", s);
		break;
	case CTX_BAD:
		break;
	}
}

static void
parse_line(struct parser *p)
{
	struct md *m = p->m;
	const char *s = p->ls, *e = s + p->ll, *q, *mark;
	struct md_text x;
	struct md_text *cm;
	size_t bad;

	for (q = s; q < e && blank(*q); q++)
		;
	while (e > q && trail(e[-1]))
		e--;
	if (q == e)
		return;
	if ((bad = utf8_check(s, p->ll)) < p->ll) {
		x = at(p, s + bad, 1);
		addsev(p, &x, "MD-ENC", SEV_ERROR, "invalid UTF-8 byte 0x%02X; "
		    "the service takes only UTF-8 (save the file as UTF-8)",
		    (unsigned char)s[bad]);
	} else if ((mark = memchr(s, '\0', p->ll)) != NULL) {
		x = at(p, mark, 1);
		addsev(p, &x, "MD-ENC", SEV_ERROR, "a NUL byte; the file is "
		    "binary or UTF-16, not UTF-8 text");
	}
	if (q > s) {
		x = at(p, s, (size_t)(q - s));
		add(p, &x, "MD-SPACE", "the line is indented; structured text "
		    "lines start in column 1");
	}
	if (e - q >= 2 && q[0] == '/' && q[1] == '/') {
		cm = more(&m->comments, m->ncomments, &p->cap[CAP_COMMENTS],
		    sizeof(*cm));
		m->ncomments++;
		*cm = at(p, q, (size_t)(e - q));
		return;
	}
	if ((mark = comment_mark(q, e)) != NULL) {
		x = at(p, q, strlen(mark));
		add(p, &x, "MD-COMMENT", "'%s' does not start a comment; "
		    "comment lines start with //", mark);
		return;
	}
	if (*q == '@')
		at_line(p, q, e);
	else if (*q == '#')
		section(p, q, e);
	else if (is_entry(q, e))
		entry(p, q, e);
	else
		stray(p, q, e);
}

/* Each line of buf (after a BOM), without its CR LF, to fn. */
struct lines {
	const char	*s;
	const char	*e;
	unsigned long	 line;
};

static int
next_line(struct lines *it, const char **ls, size_t *ll, int *cr, int *nl)
{
	const char *n;

	if (it->s >= it->e)
		return 0;
	if ((n = memchr(it->s, '\n', (size_t)(it->e - it->s))) == NULL)
		n = it->e;
	*ls = it->s;
	*ll = (size_t)(n - it->s);
	*cr = *ll > 0 && it->s[*ll - 1] == '\r';
	*ll -= (size_t)*cr;
	*nl = n < it->e;
	it->s = n + 1;
	it->line++;
	return 1;
}

static void
lines_init(struct lines *it, const char *buf, size_t len, int *bom)
{
	*bom = len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0;
	it->s = buf + (*bom ? 3 : 0);
	it->e = buf + len;
	it->line = 0;
}

/* Lists: names, duplicates, counts, use, and their items' duplicates. */
static void
check_lists(struct parser *p)
{
	struct md *m = p->m;
	struct strset names = STRSET_INIT, folded = STRSET_INIT;
	struct strset items = STRSET_INIT;
	struct md_list *l;
	struct md_item *it;
	struct md_ref *r;
	size_t i, k, n, distinct = 0, *tot;
	const char *s;

	tot = xcalloc(m->nlists + 1, sizeof(*tot));
	for (i = 0; i < m->nlists; i++) {
		l = &m->lists[i];
		if (l->name.len == 0)
			continue;
		s = m->buf + l->name.off;
		if (!strset_add(&names, s, l->name.len, i, &k)) {
			l->same = strset_val(&names, k);
			if (!l->bad)
				add(p, &l->name, "MD-LIST-DUP", "list '%s' is "
				    "declared again (first at line %lu); the "
				    "service may merge them or keep one",
				    quote_text(p, &l->name),
				    m->lists[l->same].name.line);
			continue;
		}
		buf_reset(&p->key);
		for (k = 0; k < l->name.len; k++)
			buf_addc(&p->key, s[k] >= 'A' && s[k] <= 'Z' ?
			    s[k] + ('a' - 'A') : s[k]);
		strset_add(&folded, p->key.s, p->key.len, i, NULL);
		if (l->bad)
			continue;
		if (++distinct == p->lists_max + 1)
			add(p, &l->name, "MD-LIST-COUNT", "list '%s' is list "
			    "%zu, over the limit (%llu)",
			    quote_text(p, &l->name), distinct,
			    (unsigned long long)p->lists_max);
		else if (distinct == p->lists_warn + 1 &&
		    p->lists_warn < p->lists_max)
			addsev(p, &l->name, "MD-LIST-COUNT", SEV_WARNING,
			    "list '%s' is list %zu; the current docs allow "
			    "%llu lists, older ones %llu",
			    quote_text(p, &l->name), distinct,
			    (unsigned long long)p->lists_max,
			    (unsigned long long)p->lists_warn);
	}
	for (i = 0; i < m->nrefs; i++) {
		r = &m->refs[i];
		s = m->buf + r->name.off;
		if ((k = strset_find(&names, s, r->name.len)) != STRSET_NONE) {
			r->list = strset_val(&names, k);
			m->lists[r->list].refs++;
			continue;
		}
		/* A near miss: another case, or blanks around the name. */
		n = r->name.len;
		while (n > 0 && blank(*s)) {
			s++;
			n--;
		}
		while (n > 0 && blank(s[n - 1]))
			n--;
		buf_reset(&p->key);
		for (k = 0; k < n; k++)
			buf_addc(&p->key, s[k] >= 'A' && s[k] <= 'Z' ?
			    s[k] + ('a' - 'A') : s[k]);
		k = strset_find(&folded, p->key.s, p->key.len);
		if (k != STRSET_NONE) {
			l = &m->lists[strset_val(&folded, k)];
			add(p, &r->span, "MD-REF", "'%.*s' names no declared "
			    "list; did you mean '{@%.*s}'?", (int)r->span.len,
			    m->buf + r->span.off, (int)l->name.len,
			    m->buf + l->name.off);
		} else
			add(p, &r->span, "MD-REF", "'%.*s' names no declared "
			    "list; the service cannot expand it",
			    (int)r->span.len, m->buf + r->span.off);
	}
	for (i = 0; i < p->nbare; i++) {
		s = m->buf + p->bare[i].name.off;
		if (strset_find(&names, s, p->bare[i].name.len) != STRSET_NONE)
			add(p, &p->bare[i].span, "MD-REF", "'{%.*s}' is not a "
			    "list reference; write '{@%.*s}'",
			    (int)p->bare[i].name.len, s,
			    (int)p->bare[i].name.len, s);
	}
	for (i = 0; i < m->nlists; i++)
		tot[m->lists[i].same] += m->lists[i].n;
	for (i = 0; i < m->nlists; i++) {
		l = &m->lists[i];
		if (l->bad)
			continue;
		if (l->n == 0)
			add(p, &l->name, "MD-LIST-EMPTY", "list '%s' has no "
			    "items", quote_text(p, &l->name));
		if (l->same != i)
			continue;
		if (l->refs == 0)
			add(p, &l->name, "MD-LIST-UNUSED", "no sentence refers "
			    "to list '%s' as {@%.*s}; its items train nothing",
			    quote_text(p, &l->name), (int)l->name.len,
			    m->buf + l->name.off);
		if (tot[i] > p->items_max)
			add(p, &l->name, "MD-LIST-ITEMS", "list '%s' has %zu "
			    "items, over the limit (%llu)",
			    quote_text(p, &l->name), tot[i],
			    (unsigned long long)p->items_max);
		else if (tot[i] > p->items_warn)
			addsev(p, &l->name, "MD-LIST-ITEMS", SEV_WARNING,
			    "list '%s' has %zu items; the current docs allow "
			    "%llu, older ones %llu", quote_text(p, &l->name),
			    tot[i], (unsigned long long)p->items_max,
			    (unsigned long long)p->items_warn);
	}
	for (i = 0; i < m->nitems; i++) {
		it = &m->items[i];
		l = &m->lists[m->lists[it->list].same];
		buf_reset(&p->key);
		buf_add(&p->key, &l->same, sizeof(l->same));
		buf_add(&p->key, m->buf + it->text.off, it->text.len);
		if (strset_add(&items, p->key.s, p->key.len, i, &k))
			continue;
		it->dup = strset_val(&items, k);
		add(p, &it->text, "MD-ITEM-DUP", "'%s' is already an item of "
		    "list '%.*s' (line %lu); the copy adds nothing",
		    quote_text(p, &it->text), (int)l->name.len,
		    m->buf + l->name.off, m->items[it->dup].text.line);
	}
	free(tot);
	strset_release(&names);
	strset_release(&folded);
	strset_release(&items);
}

static void
check_sentences(struct parser *p)
{
	struct md *m = p->m;
	size_t i, n = 0;

	for (i = 0; i < m->nsents; i++) {
		if (m->sents[i].section == MD_NONE)
			continue;
		if (++n == p->sentences + 1)
			add(p, &m->sents[i].text, "MD-SENT", "sentence %zu is "
			    "over the limit (%llu)", n,
			    (unsigned long long)p->sentences);
	}
	if (n == 0)
		add(p, NULL, "MD-SENT", "no '- sentence' line under a '#' "
		    "section; the file trains nothing");
}

/* The findings of vox-text --check that apply to list and entry text. */
static int
related_rule(const char *id)
{
	static const char *const keep[] = {
		"TEXT-CHARSET", "TEXT-CTRL", "TEXT-DOMAIN", "TEXT-EMPTY",
		"TEXT-MARKS", "TEXT-REPEAT", "TEXT-URI"
	};
	size_t i;

	for (i = 0; i < sizeof(keep) / sizeof(keep[0]); i++)
		if (strcmp(id, keep[i]) == 0)
			return 1;
	return 0;
}

/*
 * vox-text's checks of item and sentence text, on the thread pool: the
 * texts in the order of the file, in blocks of BLOCK_LINES; each worker
 * has a normalizer of its own (ICU objects are per thread).
 */
struct text_run {
	struct parser		 *p;
	struct related_opts	  ro;
	const struct md_text	**all;		/* items and sentences */
	size_t			  n;
};

struct text_worker {
	struct related_norm	*norm;
	struct related_block	 blk;
	struct related_result	 res;
};

static void *
text_init(void *ctx)
{
	struct text_run *tr = ctx;
	struct text_worker *w;

	w = xcalloc(1, sizeof(*w));
	if ((w->norm = related_norm_new(&tr->ro, tr->p->name,
	    &tr->p->d)) == NULL) {
		free(w);
		return NULL;
	}
	w->blk.cap = BLOCK_LINES;
	w->blk.off = xcalloc(BLOCK_LINES + 1, sizeof(*w->blk.off));
	w->blk.longl = xcalloc(BLOCK_LINES, 1);
	return w;
}

static void
text_fini(void *state, void *ctx)
{
	struct text_worker *w = state;

	related_norm_free(w->norm);
	related_block_release(&w->blk);
	related_result_release(&w->res);
	free(w);
}

/*
 * Block i through the checker; its findings, moved to where each text
 * is in the file (the block's line k is text k of the block, and
 * columns shift by the text's own column), go back in a struct diag.
 */
static void *
text_work(size_t i, void *state, void *ctx)
{
	struct text_run *tr = ctx;
	struct text_worker *w = state;
	struct related_block *b = &w->blk, sub;
	const struct md_text *const *map = tr->all + i * BLOCK_LINES;
	struct diag *out = xcalloc(1, sizeof(*out));
	struct loc l = { tr->p->name, NULL, 0, 0 };
	const struct md_text *t;
	struct finding *f;
	size_t j, k;

	buf_reset(&b->text);
	b->n = 0;
	b->off[0] = 0;
	b->first = 1;
	for (k = i * BLOCK_LINES; k < tr->n && b->n < BLOCK_LINES; k++) {
		t = tr->all[k];
		buf_add(&b->text, tr->p->m->buf + t->off, t->len);
		b->longl[b->n] = 0;
		b->off[++b->n] = b->text.len;
	}
	/*
	 * In pieces of SUB_LINES: the checker keeps DIAG_CAP findings of a
	 * rule and counts the rest, a count we could not move with them.
	 */
	for (j = 0; j < b->n; j += SUB_LINES) {
		sub = *b;
		sub.off = b->off + j;
		sub.longl = b->longl + j;
		sub.n = b->n - j < SUB_LINES ? b->n - j : SUB_LINES;
		sub.first = 1 + j;
		related_norm_block(w->norm, &sub, &w->res);
		for (k = 0; k < w->res.d.n; k++) {
			f = &w->res.d.v[k];
			if (f->rule == NULL || !related_rule(f->rule->id) ||
			    f->line == 0 || f->line > b->n)
				continue;
			t = map[f->line - 1];
			l.line = t->line;
			l.col = f->col > 0 ? t->col + f->col - 1 : 0;
			diag_addsev(out, &l, f->rule->id, f->sev, "%s",
			    f->msg);
		}
		diag_clear(&w->res.d);
	}
	return out;
}

static void
text_done(size_t i, void *result, void *ctx)
{
	struct text_run *tr = ctx;
	struct diag *out = result;

	diag_move(&tr->p->d, out);
	diag_release(out);
	free(out);
}

/* Items and sentences, in the order of the file, through vox-text. */
static void
check_text(struct parser *p)
{
	struct md *m = p->m;
	struct text_run tr;
	struct jobs_spec js;
	size_t i = 0, j = 0;

	if (!p->o->text || p->o->loc == NULL ||
	    m->nitems + m->nsents == 0)
		return;
	memset(&tr, 0, sizeof(tr));
	tr.p = p;
	if (p->o->prof != NULL)
		related_opts_init(&tr.ro, p->o->prof, p->o->loc);
	else {
		tr.ro.loc = p->o->loc;
		tr.ro.repeat_max = REPEAT_MAX;
		tr.ro.line_max = RELATED_LINE_MAX;
		tr.ro.jobs = 1;
	}
	tr.ro.check = 1;
	tr.ro.nosplit = 1;
	tr.all = xreallocarray(NULL, m->nitems + m->nsents,
	    sizeof(*tr.all));
	while (i < m->nitems || j < m->nsents)
		if (j == m->nsents || (i < m->nitems &&
		    m->items[i].text.line < m->sents[j].text.line))
			tr.all[tr.n++] = &m->items[i++].text;
		else
			tr.all[tr.n++] = &m->sents[j++].text;
	memset(&js, 0, sizeof(js));
	js.n = (tr.n + BLOCK_LINES - 1) / BLOCK_LINES;
	js.threads = p->o->jobs > 0 ? p->o->jobs : 1;
	js.init = text_init;
	js.fini = text_fini;
	js.work = text_work;
	js.done = text_done;
	js.ctx = &tr;
	/* A failed init said why in p->d (ICU could not be opened). */
	(void)jobs_run(&js);
	free(tr.all);
}

/* Findings in the order of the file: by line, then column, stable. */
struct order {
	struct finding	f;
	size_t		seq;
};

static int
order_cmp(const void *a, const void *b)
{
	const struct order *x = a, *y = b;

	if (x->f.line != y->f.line)
		return x->f.line < y->f.line ? -1 : 1;
	if (x->f.col != y->f.col)
		return x->f.col < y->f.col ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static void
sort_findings(struct diag *d)
{
	struct order *v;
	size_t i;

	if (d->n < 2)
		return;
	v = xreallocarray(NULL, d->n, sizeof(*v));
	for (i = 0; i < d->n; i++) {
		v[i].f = d->v[i];
		v[i].seq = i;
	}
	qsort(v, d->n, sizeof(*v), order_cmp);
	for (i = 0; i < d->n; i++)
		d->v[i] = v[i].f;
	free(v);
}

static void
limits(struct parser *p)
{
	const struct profile *pr = p->o->prof;

	if (pr == NULL) {
		p->lists_warn = LISTS_WARN;
		p->lists_max = LISTS_MAX;
		p->items_warn = ITEMS_WARN;
		p->items_max = ITEMS_MAX;
		p->lexicon = LEXICON_MAX;
		p->nprons_max = PRONS_MAX;
		p->sentences = SENTENCES_MAX;
		return;
	}
	p->lists_warn = pr->md_lists.warn;
	p->lists_max = pr->md_lists.max;
	p->items_warn = pr->md_items.warn;
	p->items_max = pr->md_items.max;
	p->lexicon = pr->md_lexicon;
	p->nprons_max = pr->md_prons;
	p->sentences = pr->md_sentences;
}

/* The locale's phone labels, and the first labels of sequences. */
static void
phone_set(struct parser *p)
{
	const struct phoneset *ps;
	const char *l, *sp;
	size_t i, k;

	if (p->o->prof == NULL || p->o->loc == NULL ||
	    (ps = profile_phones(p->o->prof, p->o->loc)) == NULL)
		return;
	p->ps = ps;
	p->maxseq = 1;
	for (i = 0; i < ps->n; i++) {
		l = ps->labels[i];
		strset_add(&p->labels, l, strlen(l), i, NULL);
		for (k = 1, sp = l; (sp = strchr(sp, ' ')) != NULL; sp++)
			k++;
		if (k > 1 && (sp = strchr(l, ' ')) != NULL)
			strset_add(&p->starts, l, (size_t)(sp - l), i, NULL);
		if (k > p->maxseq)
			p->maxseq = k < SEQ_MAX ? k : SEQ_MAX;
	}
}

/*
 * Whether buf is UTF-16 (by its BOM) or binary (a NUL in its first 512
 * bytes after a UTF-8 BOM): not lines of text at all.
 */
static int
binary(const char *buf, size_t len)
{
	size_t skip = len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;

	if (len >= 2 && ((buf[0] == '\xff' && buf[1] == '\xfe') ||
	    (buf[0] == '\xfe' && buf[1] == '\xff')))
		return 1;
	len -= skip;
	return memchr(buf + skip, '\0', len < 512 ? len : 512) != NULL;
}

/*
 * Parse structured text from memory and check it; findings go to d in
 * the order of the file.  Never returns NULL.
 */
struct md *
md_parse(const char *buf, size_t len, const char *name,
    const struct md_opts *o, struct diag *d)
{
	struct parser p;
	struct lines it;
	struct md *m;
	int cr, nl;

	memset(&p, 0, sizeof(p));
	m = xcalloc(1, sizeof(*m));
	m->buf = buf;
	m->len = len;
	p.m = m;
	p.o = o;
	p.name = name;
	limits(&p);
	phone_set(&p);
	lines_init(&it, buf, len, &m->bom);
	if ((m->binary = binary(buf, len))) {
		addsev(&p, NULL, "MD-ENC", SEV_ERROR, "UTF-16 or binary data, "
		    "not UTF-8 text; the service takes UTF-8 (save the file "
		    "as UTF-8)");
		goto out;
	}
	while (next_line(&it, &p.ls, &p.ll, &cr, &nl)) {
		p.line = it.line;
		parse_line(&p);
	}
	m->lines = it.line;
	check_lists(&p);
	check_sentences(&p);
	check_text(&p);
out:
	sort_findings(&p.d);
	diag_move(d, &p.d);
	diag_release(&p.d);
	free(p.bare);
	free(p.prons);
	strset_release(&p.labels);
	strset_release(&p.starts);
	strset_release(&p.words);
	buf_release(&p.tmp);
	buf_release(&p.key);
	return m;
}

void
md_free(struct md *m)
{
	if (m == NULL)
		return;
	free(m->lists);
	free(m->items);
	free(m->lex);
	free(m->sections);
	free(m->sents);
	free(m->refs);
	free(m->comments);
	free(m);
}

/* "itn", "rewrite", "profanity" or "test", in any case: display format. */
static int
display_section(const char *n, const char *e)
{
	static const char *const sect[] = { "itn", "rewrite", "profanity",
	    "test" };
	size_t i, len = (size_t)(e - n);

	for (i = 0; i < sizeof(sect) / sizeof(sect[0]); i++)
		if (len == strlen(sect[i]) && strncasecmp(n, sect[i], len) == 0)
			return (int)i + 1;
	return 0;
}

/*
 * Which markdown kind buf holds, by its content: KIND_LANGUAGEMARKDOWN
 * for an "@ list" or lexicon header, or "#Section" headers over "- "
 * lines; KIND_OUTPUTFORMATTING for "#itn", "#rewrite", "#profanity" or
 * "#test" headers; 0 if neither.  A structured text section may be
 * named "test": "#test" alone over "- " lines and no TABs is one.  The
 * first 1,000 lines decide, as lint_text_kind() reads no more.
 */
unsigned int
md_detect(const char *buf, size_t len)
{
	struct lines it;
	struct at_line h;
	const char *ls, *q, *e, *n;
	size_t ll, disp = 0, test = 0, sect = 0, dash = 0, tab = 0;
	int bom, cr, nl, odd;

	lines_init(&it, buf, len, &bom);
	while (it.line < 1000 && next_line(&it, &ls, &ll, &cr, &nl)) {
		for (q = ls, e = ls + ll; q < e && blank(*q); q++)
			;
		while (e > q && trail(e[-1]))
			e--;
		if (q == e)
			continue;
		tab += memchr(q, '\t', (size_t)(e - q)) != NULL;
		if (*q == '@') {
			split_at(q, e, &h);
			if (h.kind != H_OTHER)
				return KIND_LANGUAGEMARKDOWN;
		} else if (*q == '#') {
			n = split_section(q, e, &odd);
			switch (display_section(n, e)) {
			case 0:
				sect += n < e && memchr(n, ' ',
				    (size_t)(e - n)) == NULL && *n != '#';
				break;
			case 4:
				test++;
				/* FALLTHROUGH */
			default:
				disp++;
				break;
			}
		} else if (*q == '-')
			dash++;
	}
	if (disp > 0 && sect == 0)
		return disp == test && dash > 0 && tab == 0 ?
		    KIND_LANGUAGEMARKDOWN : KIND_OUTPUTFORMATTING;
	if (disp > 0)
		return tab > dash ? KIND_OUTPUTFORMATTING :
		    KIND_LANGUAGEMARKDOWN;
	return sect > 0 && dash > 0 ? KIND_LANGUAGEMARKDOWN : 0;
}

/* The extension of a path's base name, with its dot, or "no extension". */
static const char *
ext_of(const char *path)
{
	const char *base, *dot;

	base = strrchr(path, '/');
	base = base != NULL ? base + 1 : path;
	dot = strrchr(base, '.');
	return dot != NULL && dot != base ? dot : "no extension";
}

/*
 * The file-level rules of the two markdown kinds: size (over: the read
 * stopped at its limit, so the file is larger still), extension (not
 * for standard input, named "<stdin>"), BOM, and whether the locale
 * takes the kind.  What lint_text() checks for these kinds, in one place.
 */
void
md_check_file(unsigned int kind, const char *name, const char *buf,
    size_t len, int over, const struct profile *p, const struct locale *loc,
    struct diag *d)
{
	struct loc l = { name, NULL, 0, 0 };
	int md = kind == KIND_LANGUAGEMARKDOWN;
	uint64_t max = md ? p->md_bytes : p->display_bytes;
	size_t n = strlen(name);

	if (over || len > max)
		diag_add(d, &l, md ? "MD-SIZE" : "DISP-SIZE", "%s%zu bytes, "
		    "over the limit of %llu", over ? "over " : "", len,
		    (unsigned long long)max);
	/*
	 * Not dataset_has_suffix(): that would link the dataset and libzip
	 * (and its libcrypto) into vox-md, 0.8 ms of loading at each start.
	 */
	if (strcmp(name, "<stdin>") != 0 &&
	    !(n >= 3 && strcasecmp(name + n - 3, ".md") == 0)) {
		if (md)
			diag_add(d, &l, "MD-EXT", "structured text in a '%s' "
			    "file; the service takes it only as a .md file",
			    ext_of(name));
		else
			diag_add(d, &l, "DISP-EXT", "display format data in a "
			    "'%s' file; the documented extension is .md (the "
			    "vendor's accepted sample is a .txt file)",
			    ext_of(name));
	}
	if (len < 3 || memcmp(buf, "\xef\xbb\xbf", 3) != 0)
		diag_add(d, &l, md ? "MD-ENC" : "DISP-ENC", "no UTF-8 BOM; the "
		    "service expects UTF-8 with a BOM");
	if (loc != NULL && !(loc->kinds & kind)) {
		if (md)
			diag_add(d, &l, "PKG-LOCALE", "%s takes no %s data",
			    loc->tag, kind_name(KIND_LANGUAGEMARKDOWN));
		else
			diag_add(d, &l, "DISP-LOCALE", "%s takes no display "
			    "format data", loc->tag);
	}
}

static void
fix_line_end(struct buf *out, int cr, int nl, struct md_fix_stats *st)
{
	if (cr || !nl)
		st->count[MF_EOL]++;
	buf_addc(out, '\n');
}

/*
 * The layout of structured text repaired: a BOM, LF line ends, no
 * trailing or leading blanks, "- text" entries, headers spaced as the
 * vendor writes them ("@ list NAME =", "# Name"), and list items that
 * repeat one before removed.  Words are never changed, and what the
 * parser could not read is left as it is (all of it, for UTF-16).
 */
void
md_fix(const struct md *m, struct buf *out, struct md_fix_stats *st)
{
	struct lines it;
	struct at_line h;
	struct entry_line en;
	const char *ls, *q, *e, *n;
	size_t ll, k = 0;
	int bom, cr, nl, odd;

	/* UTF-16 or binary: nothing here is a line to repair. */
	if (m->binary) {
		buf_add(out, m->buf, m->len);
		return;
	}
	lines_init(&it, m->buf, m->len, &bom);
	buf_add(out, "\xef\xbb\xbf", 3);
	st->count[MF_BOM] += !bom;
	while (next_line(&it, &ls, &ll, &cr, &nl)) {
		while (k < m->nitems && m->items[k].text.line < it.line)
			k++;
		if (k < m->nitems && m->items[k].text.line == it.line &&
		    m->items[k].dup != MD_NONE) {
			st->count[MF_DUP]++;
			continue;
		}
		for (q = ls, e = ls + ll; q < e && blank(*q); q++)
			;
		while (e > q && trail(e[-1]))
			e--;
		st->count[MF_TRAIL] += e < ls + ll && (q < e || q > ls);
		if (q == e) {
			fix_line_end(out, cr, nl, st);
			continue;
		}
		st->count[MF_INDENT] += q > ls;
		if (*q == '@' && (split_at(q, e, &h), h.odd) &&
		    (list_header_ok(&h, e) || (h.kind == H_LEX &&
		    h.rest == e))) {
			buf_addstr(out, "@ ");
			buf_add(out, h.w, (size_t)(h.we - h.w));
			if (h.kind == H_LIST) {
				buf_addc(out, ' ');
				buf_add(out, h.n, (size_t)(h.ne - h.n));
				buf_addstr(out, " =");
			}
			st->count[MF_HEADER]++;
		} else if (*q == '#' && (n = split_section(q, e, &odd), odd)) {
			buf_addc(out, '#');
			if (n < e) {
				buf_addc(out, ' ');
				buf_add(out, n, (size_t)(e - n));
			}
			st->count[MF_HEADER]++;
		} else if (is_entry(q, e) && comment_mark(q, e) == NULL &&
		    (split_entry(q, e, &en), en.star || en.nospace ||
		    en.odd)) {
			buf_addc(out, '-');
			if (en.t < e) {
				buf_addc(out, ' ');
				buf_add(out, en.t, (size_t)(e - en.t));
			}
			st->count[MF_DASH]++;
		} else
			buf_add(out, q, (size_t)(e - q));
		fix_line_end(out, cr, nl, st);
	}
}

/*
 * The layout of a display-format file repaired: a BOM, LF line ends,
 * trailing spaces (TABs stay: one may separate an empty field, and the
 * split of a line is never guessed), and section headers spaced as the
 * vendor writes them ("# itn").
 */
void
md_fix_display(const char *buf, size_t len, struct buf *out,
    struct md_fix_stats *st)
{
	struct lines it;
	const char *ls, *q, *e, *n;
	size_t ll;
	int bom, cr, nl, odd;

	if (binary(buf, len)) {
		buf_add(out, buf, len);
		return;
	}
	lines_init(&it, buf, len, &bom);
	buf_add(out, "\xef\xbb\xbf", 3);
	st->count[MF_BOM] += !bom;
	while (next_line(&it, &ls, &ll, &cr, &nl)) {
		for (e = ls + ll; e > ls && (e[-1] == ' ' || e[-1] == '\r');
		    e--)
			;
		st->count[MF_TRAIL] += e < ls + ll;
		for (q = ls; q < e && blank(*q); q++)
			;
		if (q < e && *q == '#' && (n = split_section(q, e, &odd),
		    display_section(n, e)) && (odd || q > ls)) {
			buf_addstr(out, "# ");
			buf_add(out, n, (size_t)(e - n));
			st->count[MF_HEADER]++;
		} else
			buf_add(out, ls, (size_t)(e - ls));
		fix_line_end(out, cr, nl, st);
	}
}

/* "fixed: 1 BOM added, 2 line endings" or "no changes needed". */
void
md_fix_summary(const struct md_fix_stats *st, struct buf *b)
{
	static const char *const names[MF_N][2] = {
		{ "BOM added", "BOMs added" },
		{ "line ending", "line endings" },
		{ "line with trailing blanks", "lines with trailing blanks" },
		{ "entry made '- text'", "entries made '- text'" },
		{ "header respaced", "headers respaced" },
		{ "line unindented", "lines unindented" },
		{ "duplicate item removed", "duplicate items removed" }
	};
	size_t i;
	int any = 0;

	for (i = 0; i < MF_N; i++) {
		if (st->count[i] == 0)
			continue;
		buf_printf(b, "%s %zu %s", any ? "," : "fixed:", st->count[i],
		    names[i][st->count[i] != 1]);
		any = 1;
	}
	if (!any)
		buf_addstr(b, "no changes needed");
}

/* splitmix64 (Steele, Lea and Flood 2014): small, fast, well mixed. */
static uint64_t
splitmix(uint64_t *s)
{
	uint64_t z = (*s += UINT64_C(0x9e3779b97f4a7c15));

	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

/*
 * Uniform in [0, n), n > 0: draws past the last whole multiple of n are
 * thrown away, so that no value is likelier than another.
 */
static uint64_t
below(uint64_t *s, uint64_t n)
{
	uint64_t r, lim = UINT64_MAX - UINT64_MAX % n;

	do
		r = splitmix(s);
	while (r >= lim);
	return r % n;
}

static uint64_t
mul_cap(uint64_t a, uint64_t b)
{
	return b != 0 && a > VARIANTS_CAP / b ? VARIANTS_CAP : a * b;
}

static int
u64_cmp(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/* What the expansion needs: each list's usable items, by first list. */
struct expand {
	const struct md	*m;
	size_t		*cnt;		/* per list: items, on the first */
	size_t		*start;		/* per list: its first in idx */
	size_t		*idx;		/* item indexes, list by list */
	size_t		*pick;		/* per reference of one sentence */
};

/* Sentence s with its k-th variant: the last reference turns fastest. */
static void
expand_one(const struct expand *x, size_t s, uint64_t k, struct buf *out)
{
	const struct md *m = x->m;
	const struct md_sent *st = &m->sents[s];
	const struct md_ref *r;
	const struct md_text *it;
	size_t i, at = st->text.off, c;

	for (i = st->nref; i > 0; i--) {
		c = x->cnt[m->refs[st->ref + i - 1].list];
		x->pick[i - 1] = (size_t)(k % c);
		k /= c;
	}
	for (i = 0; i < st->nref; i++) {
		r = &m->refs[st->ref + i];
		buf_add(out, m->buf + at, r->span.off - at);
		it = &m->items[x->idx[x->start[r->list] + x->pick[i]]].text;
		buf_add(out, m->buf + it->off, it->len);
		at = r->span.off + r->span.len;
	}
	buf_add(out, m->buf + at, st->text.off + st->text.len - at);
	buf_addc(out, '\n');
}

/*
 * Up to want plain sentences that the file stands for, each {@NAME}
 * replaced by an item of its list, one a line, in the order of the file.
 * When the sentences stand for want variants or fewer, all of them, in
 * order; else want distinct variants drawn uniformly with splitmix64
 * from a fixed seed (Floyd's sampling), so each run gives the same.
 * Sentences before any section, or that name an undeclared or empty list,
 * stand for nothing.  Returns how many sentences were written, and sets
 * *all to how many the file stands for (at most 2^62).
 */
uint64_t
md_expand(const struct md *m, uint64_t want, struct buf *out,
    uint64_t *all)
{
	struct expand x;
	struct strset chosen = STRSET_INIT;
	uint64_t *var, total = 0, base, j, t, *v = NULL, seed = EXPAND_SEED;
	size_t i, k, s, maxref = 0, at, *fill;
	const char *key;

	memset(&x, 0, sizeof(x));
	x.m = m;
	x.cnt = xcalloc(m->nlists + 1, sizeof(*x.cnt));
	x.start = xcalloc(m->nlists + 1, sizeof(*x.start));
	x.idx = xcalloc(m->nitems + 1, sizeof(*x.idx));
	var = xcalloc(m->nsents + 1, sizeof(*var));
	for (i = 0; i < m->nitems; i++)
		if (m->items[i].dup == MD_NONE)
			x.cnt[m->lists[m->items[i].list].same]++;
	for (i = 0, at = 0; i < m->nlists; i++) {
		x.start[i] = at;
		at += x.cnt[i];
	}
	fill = xcalloc(m->nlists + 1, sizeof(*fill));
	for (i = 0; i < m->nitems; i++) {
		if (m->items[i].dup != MD_NONE)
			continue;
		k = m->lists[m->items[i].list].same;
		x.idx[x.start[k] + fill[k]++] = i;
	}
	free(fill);
	for (s = 0; s < m->nsents; s++) {
		const struct md_sent *st = &m->sents[s];

		var[s] = st->section != MD_NONE;
		for (i = 0; i < st->nref && var[s] > 0; i++) {
			k = m->refs[st->ref + i].list;
			var[s] = k == MD_NONE ? 0 : mul_cap(var[s], x.cnt[k]);
		}
		total = total + var[s] > VARIANTS_CAP ? VARIANTS_CAP :
		    total + var[s];
		if (st->nref > maxref)
			maxref = st->nref;
	}
	x.pick = xcalloc(maxref + 1, sizeof(*x.pick));
	*all = total;
	if (total <= want) {
		for (s = 0; s < m->nsents; s++)
			for (j = 0; j < var[s]; j++)
				expand_one(&x, s, j, out);
		goto out;
	}
	for (j = total - want; j < total; j++) {
		t = below(&seed, j + 1);
		if (!strset_add(&chosen, &t, sizeof(t), 0, NULL))
			strset_add(&chosen, &j, sizeof(j), 0, NULL);
	}
	v = xreallocarray(NULL, chosen.n + 1, sizeof(*v));
	for (i = 0; i < chosen.n; i++) {
		key = strset_key(&chosen, i, NULL);
		memcpy(&v[i], key, sizeof(v[i]));
	}
	qsort(v, chosen.n, sizeof(*v), u64_cmp);
	for (i = 0, s = 0, base = 0; i < chosen.n; i++) {
		while (v[i] >= base + var[s])
			base += var[s++];
		expand_one(&x, s, v[i] - base, out);
	}
	total = want;
out:
	free(v);
	strset_release(&chosen);
	free(var);
	free(x.cnt);
	free(x.start);
	free(x.idx);
	free(x.pick);
	return total;
}
