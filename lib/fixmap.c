/*
 * The map from a repaired markdown file back to the user's.  md_fix()
 * and md_fix_display() write one line for each line they read, in
 * order, but for the repeated list items that md_fix() drops; a line
 * they keep changes only at its start (indentation, the spacing of a
 * "- " or of a header) and at its end (trailing blanks, the line end).
 * So each line maps to the user's line it came from, and a column in
 * the common start or the common end of the two lines maps exactly.  In
 * between (a header respaced: "@list  a=" made "@ list a ="), the
 * characters that are not blanks are the same, in order, but for a "*"
 * or "+" entry mark made "-": each maps to its own; a blank there has
 * no column in the user's file (0).
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "fixmap.h"
#include "md.h"
#include "utf8.h"
#include "xalloc.h"

/* Lines as md.c reads them: after a BOM, split at LF, without a CR. */
struct span {
	const char	*s;
	const char	*e;
};

static void
span_init(struct span *it, const char *buf, size_t len)
{
	it->s = buf;
	it->e = buf + len;
	if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
		it->s += 3;
}

static int
span_next(struct span *it, const char **ls, size_t *ll)
{
	const char *n;

	if (it->s >= it->e)
		return 0;
	if ((n = memchr(it->s, '\n', (size_t)(it->e - it->s))) == NULL)
		n = it->e;
	*ls = it->s;
	*ll = (size_t)(n - it->s);
	if (*ll > 0 && it->s[*ll - 1] == '\r')
		(*ll)--;
	it->s = n + 1;
	return 1;
}

static int
blank(char c)
{
	return c == ' ' || c == '\t';
}

/* Whether byte i of s continues a code point rather than starting one. */
static int
inside(const char *s, size_t len, size_t i)
{
	return i < len && ((unsigned char)s[i] & 0xC0) == 0x80;
}

/* The next character at *i of s (up to end) that is not a blank. */
static int
solid(const char *s, size_t end, size_t *i, size_t *at)
{
	while (*i < end && blank(s[*i]))
		(*i)++;
	if (*i >= end)
		return 0;
	*at = (*i)++;
	while (inside(s, end, *i))
		(*i)++;
	return 1;
}

static void
add_pair(struct fixmap *fm, unsigned long f, unsigned long r)
{
	if (fm->npair == fm->cpair) {
		fm->cpair = fm->cpair > 0 ? fm->cpair * 2 : 16;
		fm->pair = xreallocarray(fm->pair, fm->cpair,
		    sizeof(*fm->pair));
	}
	fm->pair[fm->npair].f = f;
	fm->pair[fm->npair].r = r;
	fm->npair++;
}

/*
 * The middle f[p, fe) of a line of the repair and r[p, re) of the
 * user's: pair their characters that are not blanks, in order, if they
 * are the same ones.  Else none is paired.
 */
static void
middle(struct fixmap *fm, const char *f, size_t fe, const char *r,
    size_t re, size_t p, struct fixmap_col *c)
{
	size_t i = p, j = p, fi = p, rj = p, a, b, la, lb;
	unsigned long fc = c->same + 1, rc = c->same + 1;
	int more;

	/* fc and rc are the columns of f[fi] and r[rj]. */
	c->mid = fm->npair;
	c->nmid = 0;
	for (;;) {
		more = solid(f, fe, &i, &a);
		if (more != solid(r, re, &j, &b))
			break;
		if (!more) {
			c->nmid = fm->npair - c->mid;
			return;
		}
		la = i - a;
		lb = j - b;
		if ((la != lb || memcmp(f + a, r + b, la) != 0) &&
		    !(la == 1 && lb == 1 && f[a] == '-' && (r[b] == '*' ||
		    r[b] == '+')))
			break;
		fc += (unsigned long)utf8_ncp(f + fi, a - fi);
		rc += (unsigned long)utf8_ncp(r + rj, b - rj);
		fi = a;
		rj = b;
		add_pair(fm, fc, rc);
	}
	fm->npair = c->mid;
}

/*
 * Line f of the repair came from line r: how its columns move, in *c.
 * Returns 0 when they do not move.  The user's trailing blanks past the
 * repair's go first (the repair drops them); then the common start and
 * the common end of the two lines, in whole code points, are where a
 * column maps exactly, and middle() pairs what is in between.
 */
static int
cols(struct fixmap *fm, const char *f, size_t fl, const char *r, size_t rl,
    struct fixmap_col *c)
{
	size_t bf = 0, br = 0, p = 0, s = 0, min;

	while (bf < fl && blank(f[fl - bf - 1]))
		bf++;
	while (br < rl && blank(r[rl - br - 1]))
		br++;
	if (br > bf)
		rl -= br - bf;
	if (fl == rl && memcmp(f, r, fl) == 0)
		return 0;
	min = fl < rl ? fl : rl;
	while (p < min && f[p] == r[p])
		p++;
	while (p > 0 && (inside(f, fl, p) || inside(r, rl, p)))
		p--;
	while (s < min - p && f[fl - s - 1] == r[rl - s - 1])
		s++;
	while (s > 0 && inside(f, fl, fl - s))
		s--;
	c->same = (unsigned long)utf8_ncp(f, p);
	c->tail = utf8_col(f, fl - s);
	c->to = utf8_col(r, rl - s);
	middle(fm, f, fl - s, r, rl - s, p, c);
	return 1;
}

/*
 * Map the repair fix of the user's raw text; drop holds the user's
 * lines that the repair left out, in ascending order.
 */
void
fixmap_build(struct fixmap *fm, const char *raw, size_t rlen,
    const char *fix, size_t flen, const unsigned long *drop, size_t ndrop)
{
	struct span ri, fi;
	struct fixmap_col c;
	const char *rs, *fs, *p, *end = fix + flen;
	size_t rl, fl, k = 0, d = 0, ccap = 0, lines = 1;
	unsigned long r = 0;
	int have;

	for (p = fix; p < end && (p = memchr(p, '\n', (size_t)(end - p))) !=
	    NULL; p++)
		lines++;
	fm->line = xcalloc(lines + 1, sizeof(*fm->line));
	fm->col = NULL;
	fm->ncol = 0;
	fm->pair = NULL;
	fm->npair = fm->cpair = 0;
	span_init(&ri, raw, rlen);
	span_init(&fi, fix, flen);
	while (k < lines && span_next(&fi, &fs, &fl)) {
		k++;
		have = 0;
		while (!have && span_next(&ri, &rs, &rl)) {
			r++;
			while (d < ndrop && drop[d] < r)
				d++;
			have = d == ndrop || drop[d] != r;
		}
		fm->line[k] = have ? r : 0;
		if (!have || !cols(fm, fs, fl, rs, rl, &c))
			continue;
		if (fm->ncol == ccap) {
			ccap = ccap > 0 ? ccap * 2 : 16;
			fm->col = xreallocarray(fm->col, ccap,
			    sizeof(*fm->col));
		}
		c.line = k;
		fm->col[fm->ncol++] = c;
	}
	while (span_next(&ri, &rs, &rl))
		r++;
	fm->n = k + 1;
	fm->last = r;
}

/*
 * Map md_fix()'s repair fix of the structured text m: the lines it
 * leaves out are those of the repeated list items.
 */
void
fixmap_md(struct fixmap *fm, const struct md *m, const char *fix,
    size_t flen)
{
	unsigned long *drop = NULL;
	size_t i, n = 0;

	for (i = 0; i < m->nitems; i++)
		if (m->items[i].dup != MD_NONE)
			n++;
	if (n > 0)
		drop = xreallocarray(NULL, n, sizeof(*drop));
	for (i = n = 0; i < m->nitems; i++)
		if (m->items[i].dup != MD_NONE)
			drop[n++] = m->items[i].text.line;
	fixmap_build(fm, m->buf, m->len, fix, flen, drop, n);
	free(drop);
}

static int
col_cmp(const void *key, const void *elem)
{
	unsigned long k = *(const unsigned long *)key;
	const struct fixmap_col *c = elem;

	return k < c->line ? -1 : k > c->line;
}

static int
pair_cmp(const void *key, const void *elem)
{
	unsigned long k = *(const unsigned long *)key;
	const struct fixmap_pair *p = elem;

	return k < p->f ? -1 : k > p->f;
}

/*
 * A place in the repair (line 0: the whole file; column 0: the whole
 * line) to the same place in the user's file.  A line past the repair's
 * end is as far past the user's; a map not built moves nothing.
 */
void
fixmap_apply(const struct fixmap *fm, unsigned long *line,
    unsigned long *col)
{
	const struct fixmap_col *c;
	const struct fixmap_pair *p;
	unsigned long k = *line;

	if (k == 0 || fm->n == 0)
		return;
	if (k >= fm->n) {
		*line = fm->last + (k - (fm->n - 1));
		return;
	}
	*line = fm->line[k];
	if (*line == 0)
		*col = 0;
	/* bsearch may not be given NULL, even for no items. */
	if (*col == 0 || fm->ncol == 0 || (c = bsearch(&k, fm->col, fm->ncol,
	    sizeof(*fm->col), col_cmp)) == NULL)
		return;
	if (*col <= c->same)
		return;
	if (*col >= c->tail) {
		*col = *col - c->tail + c->to;
		return;
	}
	p = c->nmid > 0 ? bsearch(col, fm->pair + c->mid, c->nmid,
	    sizeof(*fm->pair), pair_cmp) : NULL;
	*col = p != NULL ? p->r : 0;
}

/*
 * A message that names another line of the repair, as "(first at line
 * 3)" or "(line 3)" do, with the user's line in its place.
 */
char *
fixmap_msg(const struct fixmap *fm, const char *msg)
{
	struct buf b = BUF_INIT;
	const char *p = msg, *q, *e;
	unsigned long line, col = 0;

	while ((q = strstr(p, "line ")) != NULL) {
		for (e = q + 5; *e >= '0' && *e <= '9'; e++)
			;
		buf_add(&b, p, (size_t)(q + 5 - p));
		p = q + 5;
		if (e == p || e - p > 9 || *e != ')' || !((q > msg &&
		    q[-1] == '(') || (q - msg >= 3 && strncmp(q - 3, "at ",
		    3) == 0)))
			continue;
		line = strtoul(p, NULL, 10);
		fixmap_apply(fm, &line, &col);
		if (line == 0)
			continue;
		buf_printf(&b, "%lu", line);
		p = e;
	}
	buf_addstr(&b, p);
	return buf_detach(&b);
}

void
fixmap_release(struct fixmap *fm)
{
	free(fm->line);
	free(fm->col);
	free(fm->pair);
	fm->line = NULL;
	fm->col = NULL;
	fm->pair = NULL;
	fm->n = fm->ncol = fm->npair = fm->cpair = 0;
	fm->last = 0;
}
