/*
 * Caption and label files as cues.  Every text format is first made one
 * NUL-terminated UTF-8 string (BOM dropped, UTF-16 with a BOM converted,
 * anything else that is not UTF-8 refused), then read line by line or
 * token by token with its line and column kept for findings.  Times
 * become integer nanoseconds before they become seconds, so the same
 * time written in any format ("00:00:01,234", "1.234", "1234" ms) gives
 * the same double.  Cue text is kept as written; cap_clean() makes it a
 * transcript.  Every pass is linear in the input but the final sort.
 */
#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "buf.h"
#include "captions.h"
#include "diag.h"
#include "io.h"
#include "strset.h"
#include "text.h"
#include "utf8.h"
#include "xalloc.h"
#include "xml.h"

#define NS		1000000000LL
/* No recording is a century long: larger times are errors, not wraps. */
#define MAX_NS		(100LL * 365 * 24 * 3600 * NS)
/* Names listed in a SEG-TIER finding before "and N more". */
#define LIST_MAX	10

static const char *const format_names[CAP_NFORMATS] = {
	"SubRip", "WebVTT", "TextGrid", "ELAN", "Audacity labels",
	"Kaldi data folder"
};

static const char *const kaldi_files[CK_NFILES] = {
	"wav.scp", "segments", "text", "utt2spk"
};

/* The text being read, for findings. */
struct src {
	const char	*s;		/* NUL-terminated UTF-8 */
	size_t		 len;
	const char	*name;
	struct diag	*d;
};

static void
finding(struct src *x, unsigned long line, unsigned long col,
    const char *id, enum severity sev, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

static void
finding(struct src *x, unsigned long line, unsigned long col,
    const char *id, enum severity sev, const char *fmt, ...)
{
	struct loc l = { x->name, NULL, line, col };
	va_list ap;

	va_start(ap, fmt);
	diag_vadd(x->d, &l, id, sev, fmt, ap);
	va_end(ap);
}

const char *
cap_format_name(enum cap_format f)
{
	return f < CAP_NFORMATS ? format_names[f] : "unknown";
}

/* A format from its usual short name or extension, or -1. */
int
cap_format_parse(const char *s)
{
	static const struct {
		const char	*name;
		enum cap_format	 f;
	} names[] = {
		{ "audacity", CAP_AUDACITY }, { "eaf", CAP_ELAN },
		{ "elan", CAP_ELAN }, { "kaldi", CAP_KALDI },
		{ "labels", CAP_AUDACITY }, { "srt", CAP_SRT },
		{ "subrip", CAP_SRT }, { "textgrid", CAP_TEXTGRID },
		{ "vtt", CAP_VTT }, { "webvtt", CAP_VTT }
	};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcasecmp(s, names[i].name) == 0)
			return (int)names[i].f;
	return -1;
}

/* Line and column (both from 1) of offset off in s. */
static void
where(const char *s, size_t off, unsigned long *line, unsigned long *col)
{
	size_t i, bol = 0;

	*line = 1;
	for (i = 0; i < off; i++)
		if (s[i] == '\n') {
			(*line)++;
			bol = i + 1;
		}
	*col = (unsigned long)(off - bol + 1);
}

/*
 * UTF-16 with a BOM (Praat writes TextGrids so when they hold anything
 * but ASCII) as UTF-8.  -1 at the first unpaired surrogate or NUL, with
 * *bad its offset in the UTF-8 made so far.
 */
static int
from_utf16(const unsigned char *p, size_t len, int be, struct buf *out,
    size_t *bad)
{
	size_t i;
	uint32_t c, c2;
	char u[4];

	for (i = 2; i + 1 < len; i += 2) {
		c = be ? (uint32_t)p[i] << 8 | p[i + 1] :
		    (uint32_t)p[i + 1] << 8 | p[i];
		if (c >= 0xD800 && c <= 0xDBFF && i + 3 < len) {
			c2 = be ? (uint32_t)p[i + 2] << 8 | p[i + 3] :
			    (uint32_t)p[i + 3] << 8 | p[i + 2];
			if (c2 >= 0xDC00 && c2 <= 0xDFFF) {
				c = 0x10000 + ((c - 0xD800) << 10) +
				    (c2 - 0xDC00);
				i += 2;
			}
		}
		if (c == 0 || (c >= 0xD800 && c <= 0xDFFF)) {
			*bad = out->len;
			return -1;
		}
		buf_add(out, u, utf8_enc(c, u));
	}
	if (i < len) {
		*bad = out->len;
		return -1;
	}
	return 0;
}

/*
 * The label text as NUL-terminated UTF-8 in out, without a BOM.  -1
 * after a SEG-ENC finding: a NUL byte, or bytes that are not UTF-8.
 */
static int
cap_text(const char *buf, size_t len, const char *name, struct buf *out,
    struct diag *d)
{
	const unsigned char *p = (const unsigned char *)buf;
	struct loc l = { name, NULL, 0, 0 };
	const char *nul;
	size_t bad;

	buf_reset(out);
	buf_grow(out, len);
	if (len >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) ||
	    (p[0] == 0xFE && p[1] == 0xFF))) {
		if (from_utf16(p, len, p[0] == 0xFE, out, &bad) == -1) {
			where(out->s, bad, &l.line, &l.col);
			diag_add(d, &l, "SEG-ENC", "invalid UTF-16: a NUL, an "
			    "odd byte or an unpaired surrogate; the file is "
			    "not read");
			return -1;
		}
		/* NUL-terminated even when there is nothing after the BOM. */
		buf_add(out, "", 0);
		return 0;
	}
	if (len >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) {
		buf += 3;
		len -= 3;
	}
	bad = utf8_check(buf, len);
	if ((nul = memchr(buf, '\0', bad)) != NULL) {
		where(buf, (size_t)(nul - buf), &l.line, &l.col);
		diag_add(d, &l, "SEG-ENC", "NUL byte: this is not a text file, "
		    "or UTF-16 without a BOM; the file is not read");
		return -1;
	}
	if (bad < len) {
		where(buf, bad, &l.line, &l.col);
		diag_add(d, &l, "SEG-ENC", "invalid UTF-8 byte 0x%02x; the "
		    "file is not read (convert it: iconv -f WINDOWS-1252 -t "
		    "UTF-8)", (unsigned char)buf[bad]);
		return -1;
	}
	buf_add(out, buf, len);
	return 0;
}

/* Lines of a NUL-terminated text, ended by LF, CRLF or CR. */
struct lines {
	const char	*p;
	unsigned long	 no;		/* of the line returned last */
};

static int
line_next(struct lines *l, const char **s, size_t *n)
{
	const char *p = l->p;

	if (*p == '\0')
		return 0;
	*s = p;
	while (*p != '\0' && *p != '\n' && *p != '\r')
		p++;
	*n = (size_t)(p - *s);
	if (*p == '\r' && p[1] == '\n')
		p += 2;
	else if (*p != '\0')
		p++;
	l->p = p;
	l->no++;
	return 1;
}

static int
blank(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t')
			return 0;
	return 1;
}

static int
all_digits(const char *s, size_t n)
{
	size_t i;

	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	for (i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return 0;
	return n > 0;
}

/* Whether s starts with word w followed by a blank or the end. */
static int
starts_word(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);

	return n >= k && memcmp(s, w, k) == 0 &&
	    (n == k || s[k] == ' ' || s[k] == '\t');
}

static int
has_arrow(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i + 2 < n; i++)
		if (s[i] == '-' && s[i + 1] == '-' && s[i + 2] == '>')
			return 1;
	return 0;
}

/*
 * A decimal number of seconds at p ("12", "-0.5", "1.25e3"; ',' is a
 * decimal mark too when comma) as nanoseconds, rounded to the nearest.
 * *end gets the first byte after it.  -1 when there is no number or it
 * is out of range.
 */
static int
dec_ns(const char *p, int comma, const char **end, int64_t *ns)
{
	const uint64_t big = 100000000000000000ULL;
	uint64_t m = 0, div;
	int e = 0, any = 0, neg = 0, x = 0, xneg = 0;
	const char *q;

	if (*p == '-' || *p == '+')
		neg = *p++ == '-';
	for (; isdigit((unsigned char)*p); p++, any = 1)
		if (m < big)
			m = m * 10 + (uint64_t)(*p - '0');
		else
			e++;
	if (*p == '.' || (comma && *p == ',')) {
		/* "1." is a number, "." is not. */
		if (!any && !isdigit((unsigned char)p[1]))
			return -1;
		for (p++; isdigit((unsigned char)*p); p++, any = 1)
			if (m < big) {
				m = m * 10 + (uint64_t)(*p - '0');
				e--;
			}
	}
	if (!any)
		return -1;
	if (*p == 'e' || *p == 'E') {
		q = p + 1;
		if (*q == '-' || *q == '+')
			xneg = *q++ == '-';
		if (isdigit((unsigned char)*q)) {
			for (; isdigit((unsigned char)*q); q++)
				if (x < 1000)
					x = x * 10 + (*q - '0');
			e += xneg ? -x : x;
			p = q;
		}
	}
	*end = p;
	e += 9;
	if (m != 0 && e >= 0) {
		for (; e > 0; e--) {
			if (m > (uint64_t)MAX_NS / 10)
				return -1;
			m *= 10;
		}
	} else if (m != 0) {
		if (e < -19)
			m = 0;
		else {
			for (div = 1; e < 0; e++)
				div *= 10;
			m = m / div + (m % div >= div - div / 2);
		}
	}
	if (m > (uint64_t)MAX_NS)
		return -1;
	*ns = neg ? -(int64_t)m : (int64_t)m;
	return 0;
}

/*
 * A caption timestamp at p: [hours:]mm:ss, then '.' or ',' and 1-9
 * digits of fraction (SubRip and WebVTT; either mark in either).  At
 * most 6 digits of hours: 999999 h in nanoseconds fits in 63 bits.
 */
static int
clock_ns(const char *p, const char **end, int64_t *ns)
{
	int64_t f[3], frac = 0, scale = NS;
	int nf = 0, nd;

	for (;;) {
		f[nf] = 0;
		for (nd = 0; isdigit((unsigned char)*p) && nd < 6; nd++)
			f[nf] = f[nf] * 10 + (*p++ - '0');
		if (nd == 0 || isdigit((unsigned char)*p) ||
		    (nf > 0 && nd > 2))
			return -1;
		nf++;
		if (*p != ':' || nf == 3)
			break;
		p++;
	}
	if (nf < 2 || f[nf - 1] > 59 || f[nf - 2] > 59)
		return -1;
	if ((*p == '.' || *p == ',') && isdigit((unsigned char)p[1]))
		for (p++; isdigit((unsigned char)*p); p++)
			if (scale > 1) {
				scale /= 10;
				frac += (*p - '0') * scale;
			}
	*end = p;
	*ns = ((nf == 3 ? f[0] * 3600 : 0) + f[nf - 2] * 60 + f[nf - 1]) *
	    NS + frac;
	return 0;
}

/*
 * A timing line, "start --> end" and maybe settings.  -1 with *col (from
 * 1) where it goes wrong.
 */
static int
timing(const char *s, size_t n, int64_t *a, int64_t *b,
    unsigned long *col)
{
	const char *p = s, *e;

	while (*p == ' ' || *p == '\t')
		p++;
	if (clock_ns(p, &e, a) == -1)
		goto bad;
	for (p = e; *p == ' ' || *p == '\t'; p++)
		;
	if (strncmp(p, "-->", 3) != 0)
		goto bad;
	for (p += 3; *p == ' ' || *p == '\t'; p++)
		;
	if (clock_ns(p, &e, b) == -1)
		goto bad;
	p = e;
	if (p < s + n && *p != ' ' && *p != '\t')
		goto bad;
	return 0;
bad:
	*col = (unsigned long)(p - s + 1);
	return -1;
}

static double
secs(int64_t ns)
{
	return (double)ns / NS;
}

/* Append a cue: times in ns, text (len bytes, trailing LFs dropped). */
static struct cue *
cue_add(struct cues *c, int64_t a, int64_t b, const char *text, size_t len,
    unsigned long line)
{
	struct cue *q;

	while (len > 0 && text[len - 1] == '\n')
		len--;
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 64;
		c->v = xreallocarray(c->v, c->cap, sizeof(*c->v));
	}
	q = &c->v[c->n++];
	q->start = secs(a);
	q->end = secs(b);
	/* A cue whose text buffer never grew has no storage at all. */
	q->text = len > 0 ? xstrndup(text, len) : xstrdup("");
	q->speaker = NULL;
	q->line = line;
	q->overlap = 0;
	return q;
}

static void
cue_free(struct cue *q)
{
	free(q->text);
	free(q->speaker);
}

void
cues_release(struct cues *c)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		cue_free(&c->v[i]);
	free(c->v);
	free(c->name);
	free(c->tier);
	memset(c, 0, sizeof(*c));
}

/*
 * The name of the first WebVTT voice span, "<v Name>" or "<v.cls Name>",
 * at the start of the text, entities left as written; NULL if none.
 */
static char *
vtt_voice(const char *s)
{
	const char *e, *p;

	while (*s == ' ' || *s == '\t' || *s == '\n')
		s++;
	if (s[0] != '<' || s[1] != 'v' || (s[2] != '.' && s[2] != ' ' &&
	    s[2] != '\t'))
		return NULL;
	if ((e = strchr(s, '>')) == NULL)
		return NULL;
	for (p = s + 2; p < e && *p != ' ' && *p != '\t'; p++)
		;
	while (p < e && (*p == ' ' || *p == '\t'))
		p++;
	while (e > p && (e[-1] == ' ' || e[-1] == '\t'))
		e--;
	return e > p ? xstrndup(p, (size_t)(e - p)) : NULL;
}

/*
 * SubRip: "N", "start --> end", text lines, a blank line.  Real files
 * drop the blank line (the number before a timing line then ends the
 * text above it) or put one inside a cue's text (the text after it is
 * kept in the cue, with a warning).
 */
static void
srt_parse(struct src *x, struct cues *c)
{
	struct lines L = { x->s, 0 };
	struct buf text = BUF_INIT;
	enum { OUT, IN, SKIP } st = OUT;
	const char *s;
	size_t n, lastoff = 0;
	unsigned long col, cline = 0, number = 0;
	int64_t a = 0, b = 0;
	int open = 0, gap = 0, lastnum = 0;

	while (line_next(&L, &s, &n)) {
		if (has_arrow(s, n)) {
			if (open) {
				/* This cue's number, with no blank line. */
				if (!gap && lastnum)
					text.len = lastoff;
				cue_add(c, a, b, text.s, text.len, cline);
			}
			open = 0;
			number = 0;
			if (timing(s, n, &a, &b, &col) == -1) {
				finding(x, L.no, col, "SEG-PARSE", SEV_NONE,
				    "malformed timing line; expected "
				    "'00:00:01,000 --> 00:00:04,000'; the cue "
				    "is skipped");
				st = SKIP;
				continue;
			}
			buf_reset(&text);
			open = 1;
			gap = lastnum = 0;
			cline = L.no;
			st = IN;
			continue;
		}
		if (blank(s, n)) {
			if (st == IN && text.len > 0)
				gap = 1;
			/* A number waits for its timing line across blanks. */
			if (st == SKIP)
				st = OUT;
			continue;
		}
		if (st == SKIP)
			continue;
		if (st == IN && !gap) {
			lastoff = text.len;
			lastnum = all_digits(s, n);
			buf_add(&text, s, n);
			buf_addc(&text, '\n');
			continue;
		}
		if (number == 0 && all_digits(s, n)) {
			number = L.no;
			continue;
		}
		if (number != 0) {
			finding(x, number, 1, "SEG-PARSE", SEV_NONE, "cue "
			    "number with no timing line after it; the cue is "
			    "skipped");
			number = 0;
			if (open)
				cue_add(c, a, b, text.s, text.len, cline);
			open = 0;
			st = SKIP;
			continue;
		}
		if (open) {
			finding(x, L.no, 1, "SEG-PARSE", SEV_WARNING,
			    "blank line inside the text of the cue of line "
			    "%lu; the text after it is kept in that cue",
			    cline);
			gap = 0;
			lastoff = text.len;
			lastnum = 0;
			buf_add(&text, s, n);
			buf_addc(&text, '\n');
			continue;
		}
		finding(x, L.no, 1, "SEG-PARSE", SEV_NONE, "expected a cue "
		    "number or a timing line; the lines up to the next blank "
		    "line are skipped");
		st = SKIP;
	}
	if (number != 0)
		finding(x, number, 1, "SEG-PARSE", SEV_NONE, "cue number with "
		    "no timing line after it; the cue is skipped");
	if (open)
		cue_add(c, a, b, text.s, text.len, cline);
	buf_release(&text);
}

/*
 * WebVTT: the WEBVTT line and its header, then blocks separated by blank
 * lines: cues (an optional identifier, the timing line with settings,
 * the payload) and NOTE, STYLE and REGION blocks, which are skipped.
 */
static void
vtt_parse(struct src *x, struct cues *c)
{
	struct lines L = { x->s, 0 };
	struct buf text = BUF_INIT;
	enum { HEAD, OUT, ID, IN, SKIP } st = HEAD;
	const char *s;
	size_t n, lastoff = 0;
	unsigned long col, cline = 0, idline = 0;
	int64_t a = 0, b = 0;
	int open = 0, lastnum = 0;
	struct cue *q;

#define VTT_DONE() do {							\
	if (open) {							\
		q = cue_add(c, a, b, text.s, text.len, cline);		\
		q->speaker = vtt_voice(q->text);			\
	}								\
	open = 0;							\
} while (0)

	if (!line_next(&L, &s, &n) || !starts_word(s, n, "WEBVTT")) {
		finding(x, 1, 1, "SEG-PARSE", SEV_WARNING, "no 'WEBVTT' line "
		    "at the start; the file is read as WebVTT all the same");
		L.p = x->s;
		L.no = 0;
		st = OUT;
	}
	while (line_next(&L, &s, &n)) {
		if (has_arrow(s, n)) {
			if (open && lastnum)
				text.len = lastoff;
			VTT_DONE();
			if (timing(s, n, &a, &b, &col) == -1) {
				finding(x, L.no, col, "SEG-PARSE", SEV_NONE,
				    "malformed timing line; expected "
				    "'00:01.000 --> 00:04.000'; the cue is "
				    "skipped");
				st = SKIP;
				continue;
			}
			buf_reset(&text);
			open = 1;
			lastnum = 0;
			cline = L.no;
			st = IN;
			continue;
		}
		/*
		 * Only an empty line ends a block: a line of blanks is text
		 * (YouTube's cues start with a line of one space).
		 */
		if (n == 0) {
			if (st == ID)
				finding(x, idline, 1, "SEG-PARSE", SEV_NONE,
				    "block is not a cue, NOTE, STYLE or "
				    "REGION; it is skipped");
			VTT_DONE();
			st = OUT;
			continue;
		}
		switch (st) {
		case HEAD:
		case SKIP:
			break;
		case IN:
			lastoff = text.len;
			lastnum = all_digits(s, n);
			buf_add(&text, s, n);
			buf_addc(&text, '\n');
			break;
		case OUT:
			if (starts_word(s, n, "NOTE") ||
			    starts_word(s, n, "STYLE") ||
			    starts_word(s, n, "REGION"))
				st = SKIP;
			else {
				st = ID;
				idline = L.no;
			}
			break;
		case ID:
			finding(x, idline, 1, "SEG-PARSE", SEV_NONE, "block "
			    "is not a cue, NOTE, STYLE or REGION; it is "
			    "skipped");
			st = SKIP;
			break;
		}
	}
	if (st == ID)
		finding(x, idline, 1, "SEG-PARSE", SEV_NONE, "block is not a "
		    "cue, NOTE, STYLE or REGION; it is skipped");
	VTT_DONE();
#undef VTT_DONE
	buf_release(&text);
}

/*
 * Audacity label tracks: "start<TAB>end<TAB>label" in seconds (older
 * versions wrote the locale's decimal comma); a line "\<TAB>low<TAB>
 * high" after a label gives its frequencies and is skipped.
 */
static void
aud_parse(struct src *x, struct cues *c)
{
	struct lines L = { x->s, 0 };
	const char *s, *p, *e;
	size_t n;
	int64_t a, b;

	while (line_next(&L, &s, &n)) {
		if (blank(s, n) || s[0] == '\\')
			continue;
		p = s;
		if (dec_ns(p, 1, &e, &a) == -1 || (*e != '\t' && *e != ' '))
			goto bad;
		for (p = e; *p == '\t' || *p == ' '; p++)
			;
		if (dec_ns(p, 1, &e, &b) == -1)
			goto bad;
		p = e;
		if (p < s + n && *p != '\t' && *p != ' ')
			goto bad;
		if (p < s + n)
			p++;
		cue_add(c, a, b, p, (size_t)(s + n - p), L.no);
		continue;
bad:
		finding(x, L.no, (unsigned long)(p - s + 1), "SEG-PARSE",
		    SEV_NONE, "expected 'start<TAB>end<TAB>label' in "
		    "seconds; the line is skipped");
	}
}

/*
 * Tiers of a TextGrid or an ELAN file.  All are read; the cues of the
 * chosen ones are kept.
 */
struct tier {
	char		*name;
	char		*who;		/* ELAN participant, or NULL */
	int		 usable;	/* interval tier; time-aligned */
	int		 top;		/* not a dependent ELAN tier */
	size_t		 ncues;
	size_t		 unaligned;	/* ELAN annotations without times */
	unsigned long	 unaligned_line;
};

struct tierset {
	struct tier	*v;
	size_t		 n;
	size_t		 cap;
	size_t		*of;		/* the tier of each cue read */
	size_t		 ofcap;
};

static struct tier *
tier_add(struct tierset *t, char *name)
{
	struct tier *r;

	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 8;
		t->v = xreallocarray(t->v, t->cap, sizeof(*t->v));
	}
	r = &t->v[t->n++];
	memset(r, 0, sizeof(*r));
	r->name = name;
	r->top = 1;
	return r;
}

/* Note that cue c->n - 1 is of the last tier. */
static void
tier_cue(struct tierset *t, struct cues *c)
{
	if (c->n > t->ofcap) {
		t->ofcap = c->cap;
		t->of = xreallocarray(t->of, t->ofcap, sizeof(*t->of));
	}
	t->of[c->n - 1] = t->n - 1;
	t->v[t->n - 1].ncues++;
}

static void
tierset_release(struct tierset *t)
{
	size_t i;

	for (i = 0; i < t->n; i++) {
		free(t->v[i].name);
		free(t->v[i].who);
	}
	free(t->v);
	free(t->of);
}

/* A tier that tier_select() may take: with cues (and top-level). */
static int
tier_ok(const struct tier *r, int cues, int top)
{
	return r->usable && (!cues || r->ncues > 0) && (!top || r->top);
}

/* "'a', 'b', 'c'" for the tiers tier_ok(), at most LIST_MAX. */
static void
tier_list(const struct tierset *t, int cues, int top, struct buf *b)
{
	size_t i, k = 0;

	for (i = 0; i < t->n; i++) {
		if (!tier_ok(&t->v[i], cues, top))
			continue;
		if (k < LIST_MAX)
			buf_printf(b, "%s'%s'", k ? ", " : "", t->v[i].name);
		k++;
	}
	if (k > LIST_MAX)
		buf_printf(b, " and %zu more", k - LIST_MAX);
	if (k == 0)
		buf_addstr(b, "none");
}

/* Mark the usable tiers named name[0..len); 0 if there is none. */
static int
tier_mark(const struct tierset *t, const char *name, size_t len, char *on)
{
	size_t i;
	int any = 0;

	for (i = 0; i < t->n; i++)
		if (t->v[i].usable && strlen(t->v[i].name) == len &&
		    memcmp(t->v[i].name, name, len) == 0)
			any = on[i] = 1;
	return any;
}

/*
 * Keep the cues of the chosen tiers: want (a name, or names separated
 * by commas), else the only top-level tier with cues, else the only
 * dependent one.  The speaker of a cue is its tier's participant, or
 * with several tiers its name.  -1 after a SEG-TIER finding.
 */
static int
tier_select(struct src *x, struct tierset *t, const char *want,
    struct cues *c)
{
	struct buf b = BUF_INIT;
	char *on = xcalloc(t->n + 1, 1);
	const char *p, *e;
	size_t i, k, nsel = 0, ncand = 0;
	int rc = -1, top;

	if (want == NULL) {
		for (top = 1; top >= 0 && ncand == 0; top--)
			for (i = 0; i < t->n; i++)
				if (tier_ok(&t->v[i], 1, top)) {
					on[i] = 1;
					ncand++;
				}
		if (ncand > 1) {
			tier_list(t, 1, top + 1, &b);
			finding(x, 0, 0, "SEG-TIER", SEV_NONE, "%zu tiers hold "
			    "cues (%s); choose one, or several separated by "
			    "commas, with --tier", ncand, b.s);
			goto out;
		}
	} else if (!tier_mark(t, want, strlen(want), on)) {
		for (p = want;; p = e + 1) {
			if ((e = strchr(p, ',')) == NULL)
				e = p + strlen(p);
			if (!tier_mark(t, p, (size_t)(e - p), on)) {
				tier_list(t, 0, 0, &b);
				finding(x, 0, 0, "SEG-TIER", SEV_NONE, "no "
				    "tier '%.*s' with timed cues; the tiers "
				    "are %s", (int)(e - p), p, b.s);
				goto out;
			}
			if (*e == '\0')
				break;
		}
	}
	buf_reset(&b);
	for (i = 0; i < t->n; i++)
		if (on[i]) {
			buf_printf(&b, "%s%s", nsel ? "," : "", t->v[i].name);
			nsel++;
			if (t->v[i].unaligned > 0)
				finding(x, t->v[i].unaligned_line, 0,
				    "SEG-PARSE", SEV_WARNING, "%zu "
				    "annotation%s of tier '%s' %s no time; "
				    "%s skipped", t->v[i].unaligned,
				    t->v[i].unaligned > 1 ? "s" : "",
				    t->v[i].name, t->v[i].unaligned > 1 ?
				    "have" : "has", t->v[i].unaligned > 1 ?
				    "they are" : "it is");
		}
	free(c->tier);
	c->tier = nsel ? buf_detach(&b) : NULL;
	for (i = k = 0; i < c->n; i++) {
		struct tier *r = &t->v[t->of[i]];

		if (!on[t->of[i]]) {
			cue_free(&c->v[i]);
			continue;
		}
		c->v[k] = c->v[i];
		if (r->who != NULL)
			c->v[k].speaker = xstrdup(r->who);
		else if (nsel > 1)
			c->v[k].speaker = xstrdup(r->name);
		k++;
	}
	c->n = k;
	rc = 0;
out:
	if (rc == -1) {
		for (i = 0; i < c->n; i++)
			cue_free(&c->v[i]);
		c->n = 0;
	}
	free(on);
	buf_release(&b);
	return rc;
}

/*
 * Praat TextGrid, long or short text form.  Both are the same sequence
 * of numbers, strings and <flags>; the long form adds labels ("xmin =",
 * "intervals [3]:"), which the tokenizer skips, as Praat's reader does,
 * and '!' starts a comment.
 */
enum tg_tok { TG_EOF, TG_NUM, TG_STR, TG_FLAG };

struct tg {
	struct src	*x;
	const char	*p;
	const char	*bol;		/* start of the current line */
	unsigned long	 line;
	const char	*ts;		/* the last token */
	unsigned long	 tline;
	unsigned long	 tcol;
	struct buf	 str;		/* its value if a string */
};

static enum tg_tok
tg_next(struct tg *g)
{
	const char *p = g->p;

	for (;;) {
		if (*p == '\n' || (*p == '\r' && p[1] != '\n')) {
			g->line++;
			g->bol = ++p;
		} else if (*p == ' ' || *p == '\t' || *p == '\r')
			p++;
		else if (*p == '!') {
			while (*p != '\0' && *p != '\n' && *p != '\r')
				p++;
		} else if (*p == '[') {
			while (*p != '\0' && *p != ']' && *p != '\n')
				p++;
			if (*p == ']')
				p++;
		} else if (isalpha((unsigned char)*p) || *p == '_') {
			while (isalnum((unsigned char)*p) || *p == '_' ||
			    *p == '?')
				p++;
		} else if (*p == '=' || *p == ':')
			p++;
		else
			break;
	}
	g->ts = p;
	g->tline = g->line;
	g->tcol = (unsigned long)(p - g->bol + 1);
	if (*p == '\0') {
		g->p = p;
		return TG_EOF;
	}
	if (*p == '"') {
		buf_reset(&g->str);
		for (p++;; p++) {
			if (*p == '\0') {
				g->p = p;
				return TG_EOF;
			}
			if (*p == '"' && p[1] != '"')
				break;
			if (*p == '"')
				p++;
			else if (*p == '\n' || (*p == '\r' && p[1] != '\n')) {
				g->line++;
				g->bol = p + 1;
			}
			buf_addc(&g->str, *p);
		}
		/* "" too is a string, not a NULL one. */
		buf_add(&g->str, "", 0);
		g->p = p + 1;
		return TG_STR;
	}
	if (*p == '<') {
		while (*p != '\0' && *p != '>' && *p != '\n')
			p++;
		g->p = *p == '>' ? p + 1 : p;
		return TG_FLAG;
	}
	/* A number, or a byte that is none of the above: TG_NUM fails. */
	while (*p != '\0' && !isspace((unsigned char)*p) && *p != '"')
		p++;
	if (p == g->ts)
		p++;
	g->p = p;
	return TG_NUM;
}

static int
tg_bad(struct tg *g, const char *what)
{
	finding(g->x, g->tline, g->tcol, "SEG-PARSE", SEV_NONE, "expected "
	    "%s%s; the file is not read", what, *g->ts == '\0' ? " before "
	    "the end" : "");
	return -1;
}

static int
tg_num(struct tg *g, int64_t *ns)
{
	const char *e;

	if (tg_next(g) != TG_NUM || dec_ns(g->ts, 0, &e, ns) == -1 ||
	    e != g->p)
		return tg_bad(g, "a number");
	return 0;
}

static int
tg_count(struct tg *g, size_t *n)
{
	int64_t v;

	if (tg_num(g, &v) == -1)
		return -1;
	if (v < 0 || v % NS != 0)
		return tg_bad(g, "a count");
	*n = (size_t)(v / NS);
	return 0;
}

static int
tg_str(struct tg *g)
{
	if (tg_next(g) != TG_STR)
		return tg_bad(g, "a quoted string");
	return 0;
}

static int
tg_parse(struct src *x, struct tierset *t, struct cues *c)
{
	struct tg g;
	int64_t a, b;
	size_t ntiers, n, i, j;
	unsigned long line;
	struct tier *r;
	int rc = -1, points;

	memset(&g, 0, sizeof(g));
	g.x = x;
	g.p = g.bol = x->s;
	g.line = 1;
	if (tg_str(&g) == -1)
		goto out;
	if (strcmp(g.str.s, "ooTextFile") != 0 &&
	    strcmp(g.str.s, "ooTextFile short") != 0) {
		finding(x, g.tline, g.tcol, "SEG-FORMAT", SEV_NONE, "file "
		    "type '%s' is not a Praat text file; it is not read",
		    g.str.s);
		goto out;
	}
	if (tg_str(&g) == -1)
		goto out;
	if (strcmp(g.str.s, "TextGrid") != 0) {
		finding(x, g.tline, g.tcol, "SEG-FORMAT", SEV_NONE, "object "
		    "class '%s' is not TextGrid; it is not read", g.str.s);
		goto out;
	}
	if (tg_num(&g, &a) == -1 || tg_num(&g, &b) == -1)
		goto out;
	if (tg_next(&g) != TG_FLAG) {
		tg_bad(&g, "<exists> or <absent>");
		goto out;
	}
	if (strncmp(g.ts, "<exists>", 8) != 0) {
		rc = 0;
		goto out;
	}
	if (tg_count(&g, &ntiers) == -1)
		goto out;
	for (i = 0; i < ntiers; i++) {
		if (tg_str(&g) == -1)
			goto out;
		points = strcmp(g.str.s, "TextTier") == 0;
		if (!points && strcmp(g.str.s, "IntervalTier") != 0) {
			tg_bad(&g, "\"IntervalTier\" or \"TextTier\"");
			goto out;
		}
		if (tg_str(&g) == -1)
			goto out;
		r = tier_add(t, buf_detach(&g.str));
		r->usable = !points;
		if (tg_num(&g, &a) == -1 || tg_num(&g, &b) == -1 ||
		    tg_count(&g, &n) == -1)
			goto out;
		for (j = 0; j < n; j++) {
			if (tg_num(&g, &a) == -1)
				goto out;
			line = g.tline;
			if ((!points && tg_num(&g, &b) == -1) ||
			    tg_str(&g) == -1)
				goto out;
			if (points || blank(g.str.s, g.str.len))
				continue;
			cue_add(c, a, b, g.str.s, g.str.len, line);
			tier_cue(t, c);
		}
	}
	rc = 0;
out:
	buf_release(&g.str);
	return rc;
}

/* An XML error "name:LINE: message" from the adapter as SEG-PARSE. */
static void
xml_error(struct src *x, const struct finding *f)
{
	size_t n = strlen(x->name);
	const char *m = f->msg;
	unsigned long line = 0;
	char *end;

	if (strncmp(m, x->name, n) == 0 && m[n] == ':') {
		m += n + 1;
		line = strtoul(m, &end, 10);
		if (end != m && *end == ':')
			m = end + 1;
		else
			line = 0;
		while (*m == ' ')
			m++;
	}
	finding(x, line, 0, "SEG-PARSE", SEV_NONE, "malformed XML: %s; the "
	    "file is not read", m);
}

/* A TIME_VALUE: whole milliseconds (at most 12 digits), as ELAN writes. */
static int
elan_ms(const char *s, int64_t *ns)
{
	int64_t v = 0;
	int nd;

	for (nd = 0; isdigit((unsigned char)s[nd]) && nd < 12; nd++)
		v = v * 10 + (s[nd] - '0');
	if (nd == 0 || s[nd] != '\0')
		return -1;
	*ns = v * 1000000;
	return 0;
}

/* The time of slot id, or -1 if it has none; -2 if there is no slot. */
static int64_t
elan_slot(const struct strset *slots, const int64_t *val, const char *id)
{
	size_t k;

	if (id == NULL || (k = strset_find(slots, id, strlen(id))) ==
	    STRSET_NONE)
		return -2;
	return val[k];
}

static void
elan_tier(struct src *x, const struct xml_node *tn, const struct strset *slots,
    const int64_t *val, struct tierset *t, struct cues *c)
{
	const struct xml_node *an, *aa, *v;
	struct tier *r;
	char *id, *r1, *r2, *text, *parent;
	int64_t a, b;
	unsigned long line;

	if ((id = xml_attr(tn, "TIER_ID")) == NULL)
		id = xstrdup("");
	r = tier_add(t, id);
	if ((r->who = xml_attr(tn, "PARTICIPANT")) != NULL &&
	    blank(r->who, strlen(r->who))) {
		free(r->who);
		r->who = NULL;
	}
	parent = xml_attr(tn, "PARENT_REF");
	r->top = parent == NULL;
	free(parent);
	for (an = xml_first(tn, "ANNOTATION"); an != NULL;
	    an = xml_next(an, "ANNOTATION")) {
		if ((aa = xml_first(an, "ALIGNABLE_ANNOTATION")) == NULL)
			continue;
		r->usable = 1;
		line = (unsigned long)xml_line(aa);
		r1 = xml_attr(aa, "TIME_SLOT_REF1");
		r2 = xml_attr(aa, "TIME_SLOT_REF2");
		a = elan_slot(slots, val, r1);
		b = elan_slot(slots, val, r2);
		if (a == -2 || b == -2)
			finding(x, line, 0, "SEG-PARSE", SEV_NONE, "annotation "
			    "refers to no time slot '%s'; it is skipped",
			    a == -2 ? (r1 ? r1 : "") : (r2 ? r2 : ""));
		else if (a < 0 || b < 0) {
			if (r->unaligned++ == 0)
				r->unaligned_line = line;
		} else if ((v = xml_first(aa, "ANNOTATION_VALUE")) != NULL) {
			text = xml_text(v);
			if (!blank(text, strlen(text))) {
				cue_add(c, a, b, text, strlen(text), line);
				tier_cue(t, c);
			}
			free(text);
		}
		free(r1);
		free(r2);
	}
}

/*
 * ELAN: time slots (milliseconds) in TIME_ORDER, and tiers of
 * annotations; the time-aligned ones give cues.  A document that
 * declares entities is refused, as the PLS reader does: reading its text
 * would expand them without bound.
 */
static int
elan_parse(struct src *x, const char *buf, size_t len, struct tierset *t,
    struct cues *c)
{
	struct diag xd = DIAG_INIT;
	struct xml_doc *doc;
	struct strset slots = STRSET_INIT;
	const struct xml_node *root, *n, *s;
	int64_t *val = NULL, ns;
	size_t i, k, cap = 0;
	char *id, *tv;
	int rc = -1, bad;

	if ((doc = xml_read_mem(buf, len, x->name, NULL, &xd)) == NULL) {
		for (i = 0; i < xd.n; i++)
			xml_error(x, &xd.v[i]);
		if (xd.n == 0)
			finding(x, 0, 0, "SEG-PARSE", SEV_NONE, "malformed "
			    "XML; the file is not read");
		goto out;
	}
	if (xml_has_entities(doc)) {
		finding(x, 0, 0, "SEG-PARSE", SEV_NONE, "the file declares "
		    "entities in a DTD; they are not expanded, so it is not "
		    "read");
		goto out;
	}
	root = xml_root(doc);
	if (strcmp(xml_name(root), "ANNOTATION_DOCUMENT") != 0) {
		finding(x, (unsigned long)xml_line(root), 0, "SEG-FORMAT",
		    SEV_NONE, "root element is <%s>, not "
		    "<ANNOTATION_DOCUMENT>; this is not an ELAN file",
		    xml_name(root));
		goto out;
	}
	if ((n = xml_first(root, "HEADER")) != NULL &&
	    (tv = xml_attr(n, "TIME_UNITS")) != NULL) {
		if ((bad = strcmp(tv, "milliseconds") != 0))
			finding(x, (unsigned long)xml_line(n), 0, "SEG-PARSE",
			    SEV_NONE, "time units are '%s', not "
			    "milliseconds; the file is not read", tv);
		free(tv);
		if (bad)
			goto out;
	}
	for (n = xml_first(root, "TIME_ORDER"); n != NULL;
	    n = xml_next(n, "TIME_ORDER"))
		for (s = xml_first(n, "TIME_SLOT"); s != NULL;
		    s = xml_next(s, "TIME_SLOT")) {
			if ((id = xml_attr(s, "TIME_SLOT_ID")) == NULL)
				continue;
			ns = -1;
			if ((tv = xml_attr(s, "TIME_VALUE")) != NULL &&
			    elan_ms(tv, &ns) == -1) {
				finding(x, (unsigned long)xml_line(s), 0,
				    "SEG-PARSE", SEV_NONE, "time value '%s' "
				    "is not a time in whole milliseconds; "
				    "the slot has no time", tv);
				ns = -1;
			}
			free(tv);
			if (strset_add(&slots, id, strlen(id), 0, &k)) {
				if (k >= cap) {
					cap = cap ? cap * 2 : 64;
					val = xreallocarray(val, cap,
					    sizeof(*val));
				}
				val[k] = ns;
			}
			free(id);
		}
	for (n = xml_first(root, "TIER"); n != NULL; n = xml_next(n, "TIER"))
		elan_tier(x, n, &slots, val, t, c);
	rc = 0;
out:
	xml_free(doc);
	diag_release(&xd);
	strset_release(&slots);
	free(val);
	return rc;
}

static void
drop_all(struct cues *c)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		cue_free(&c->v[i]);
	c->n = 0;
}

static int
blank_text(const char *s)
{
	for (; *s != '\0'; s++)
		if (!isspace((unsigned char)*s))
			return 0;
	return 1;
}

static int
cue_cmp(const void *pa, const void *pb)
{
	const struct cue *a = pa, *b = pb;
	int r;

	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	if (a->end != b->end)
		return a->end < b->end ? -1 : 1;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	/* Minified XML has every annotation on one line. */
	if ((r = strcmp(a->text, b->text)) != 0)
		return r;
	return strcmp(a->speaker ? a->speaker : "",
	    b->speaker ? b->speaker : "");
}

/*
 * What every format shares: cues without text are dropped (TextGrid
 * pauses, empty annotations), cues without a length reported and
 * dropped, the rest sorted by time and each overlap beyond CAP_SLACK
 * between cues of words (not of sound descriptions) reported and
 * marked.  No cue left: SEG-EMPTY.
 */
static void
finish(struct src *x, struct cues *c)
{
	struct buf t = BUF_INIT;
	struct cue *q;
	double maxend = 0;
	unsigned long maxline = 0;
	size_t i, k;
	int seen = 0;

	for (i = k = 0; i < c->n; i++) {
		q = &c->v[i];
		if (blank_text(q->text)) {
			cue_free(q);
			continue;
		}
		if (q->start < 0)
			finding(x, q->line, 0, "SEG-TIME", SEV_NONE, "cue "
			    "starts at %.3f s, before the recording; it is "
			    "skipped", q->start);
		else if (q->end < q->start)
			finding(x, q->line, 0, "SEG-TIME", SEV_NONE, "cue "
			    "ends at %.3f s, before it starts at %.3f s; it "
			    "is skipped", q->end, q->start);
		else if (q->end == q->start && c->fmt == CAP_AUDACITY)
			finding(x, q->line, 0, "SEG-TIME", SEV_NONE, "point "
			    "label at %.3f s has no length; it is skipped",
			    q->start);
		else if (q->end == q->start)
			finding(x, q->line, 0, "SEG-TIME", SEV_NONE, "cue "
			    "starts and ends at %.3f s; it is skipped",
			    q->start);
		else {
			c->v[k++] = *q;
			continue;
		}
		cue_free(q);
	}
	c->n = k;
	if (c->n > 1)
		qsort(c->v, c->n, sizeof(*c->v), cue_cmp);
	for (i = 0; i < c->n; i++) {
		q = &c->v[i];
		/* A sound description ([music] under the words) is no one's. */
		buf_reset(&t);
		if ((cap_clean(q->text, &t, NULL) & CAP_SOUND) || t.len == 0)
			continue;
		if (seen && maxend - q->start > CAP_SLACK + 1e-9) {
			q->overlap = maxline;
			finding(x, q->line, 0, "SEG-OVERLAP", SEV_NONE, "cue "
			    "overlaps the cue of line %lu by %.3f s; both are "
			    "skipped, as no clip could hold one alone", maxline,
			    (q->end < maxend ? q->end : maxend) - q->start);
		}
		if (!seen || q->end > maxend) {
			maxend = q->end;
			maxline = q->line;
			seen = 1;
		}
	}
	buf_release(&t);
	if (c->n == 0 && c->tier == NULL)
		finding(x, 0, 0, "SEG-EMPTY", SEV_NONE, "no cue with text; the "
		    "recording gives no clips");
	else if (c->n == 0)
		finding(x, 0, 0, "SEG-EMPTY", SEV_NONE, "no cue with text %s "
		    "'%s'; the recording gives no clips", c->fmt == CAP_KALDI ?
		    "for recording" : "in tier", c->tier);
}

/* Fields of a Kaldi line: blank-separated words. */
static const char *
word(const char *p, const char *e, size_t *n)
{
	const char *s;

	while (p < e && (*p == ' ' || *p == '\t'))
		p++;
	for (s = p; p < e && *p != ' ' && *p != '\t'; p++)
		;
	*n = (size_t)(p - s);
	return s;
}

struct seg {
	const char	*utt;
	size_t		 ulen;
	size_t		 rec;		/* index in the set of recordings */
	int64_t		 a;
	int64_t		 b;
	unsigned long	 line;
};

/* The last path component of s[0..n), without its extension if noext. */
static const char *
base(const char *s, size_t *n, int noext)
{
	const char *p = s + *n, *b;

	while (p > s && p[-1] != '/')
		p--;
	*n -= (size_t)(p - s);
	if (noext)
		for (b = p + *n; b > p; b--)
			if (b[-1] == '.') {
				if (b - 1 > p)
					*n = (size_t)(b - 1 - p);
				break;
			}
	return p;
}

/*
 * Which recording of recs want names: its id; else the id that is
 * want's file name without its extension; else the id of the wav.scp
 * line that names a file of want's file name.  STRSET_NONE if none.
 */
static size_t
kaldi_rec(const struct strset *recs, const char *want, const char *scp)
{
	const char *wb, *b, *id, *w, *e;
	size_t n = strlen(want), wbn, bn, idn, wn, k;
	struct lines L = { scp, 0 };

	if ((k = strset_find(recs, want, n)) != STRSET_NONE)
		return k;
	bn = n;
	b = base(want, &bn, 1);
	if ((k = strset_find(recs, b, bn)) != STRSET_NONE)
		return k;
	wbn = n;
	wb = base(want, &wbn, 0);
	while (wbn > 0 && line_next(&L, &id, &idn)) {
		e = id + idn;
		id = word(id, e, &idn);
		for (w = id + idn;; w += wn) {
			w = word(w, e, &wn);
			if (wn == 0)
				break;
			bn = wn;
			b = base(w, &bn, 0);
			if (bn == wbn && memcmp(b, wb, bn) == 0 &&
			    (k = strset_find(recs, id, idn)) != STRSET_NONE)
				return k;
		}
	}
	return STRSET_NONE;
}

/*
 * A Kaldi data folder: segments ("utt rec start end") gives the times
 * of the utterances of recording rec, text ("utt words") their words,
 * utt2spk ("utt spk") their speakers (a speaker named as its utterance
 * is Kaldi's "unknown").  Lines are those of segments.
 */
int
cap_parse_kaldi(const struct cap_kaldi *k, const char *rec, struct cues *c,
    struct diag *d)
{
	struct buf tx[CK_NFILES] = { BUF_INIT, BUF_INIT, BUF_INIT, BUF_INIT };
	char *names[CK_NFILES] = { NULL, NULL, NULL, NULL };
	struct src x[CK_NFILES];
	struct strset recs = STRSET_INIT, utts = STRSET_INIT;
	struct seg *sv = NULL, *g;
	size_t nseg = 0, segcap = 0, i, n, un, rn, at, want = 0;
	const char *s, *e, *u, *r, *p;
	struct lines L;
	struct buf b = BUF_INIT;
	size_t *cue_of = NULL;
	int rc = -1;

	cues_release(c);
	c->fmt = CAP_KALDI;
	for (i = 0; i < CK_NFILES; i++) {
		names[i] = xasprintf("%s/%s", k->dir, kaldi_files[i]);
		x[i] = (struct src){ "", 0, names[i], d };
		if (k->buf[i] == NULL) {
			if (i == CK_SEGMENTS || i == CK_TEXT) {
				finding(&x[i], 0, 0, "SEG-FORMAT", SEV_NONE,
				    "missing: a Kaldi data folder needs "
				    "'segments' and 'text' to be cut; it is "
				    "not read");
				goto out;
			}
			continue;
		}
		if (cap_text(k->buf[i], k->len[i], names[i], &tx[i], d) == -1)
			goto out;
		x[i].s = tx[i].s;
		x[i].len = tx[i].len;
	}
	c->name = xstrdup(names[CK_SEGMENTS]);

	/* Every segment, and the recordings in order of appearance. */
	L = (struct lines){ x[CK_SEGMENTS].s, 0 };
	while (line_next(&L, &s, &n)) {
		struct seg sg;

		if (blank(s, n))
			continue;
		e = s + n;
		u = word(s, e, &un);
		r = word(u + un, e, &rn);
		p = r + rn;
		while (p < e && (*p == ' ' || *p == '\t'))
			p++;
		if (rn == 0 || dec_ns(p, 0, &p, &sg.a) == -1 ||
		    (*p != ' ' && *p != '\t'))
			goto bad;
		while (p < e && (*p == ' ' || *p == '\t'))
			p++;
		if (dec_ns(p, 0, &p, &sg.b) == -1)
			goto bad;
		while (p < e && (*p == ' ' || *p == '\t'))
			p++;
		if (p < e)
			goto bad;
		strset_add(&recs, r, rn, 0, &sg.rec);
		sg.utt = u;
		sg.ulen = un;
		sg.line = L.no;
		if (nseg == segcap) {
			segcap = segcap ? segcap * 2 : 64;
			sv = xreallocarray(sv, segcap, sizeof(*sv));
		}
		sv[nseg++] = sg;
		continue;
bad:
		finding(&x[CK_SEGMENTS], L.no, (unsigned long)(p - s + 1),
		    "SEG-PARSE", SEV_NONE, "expected 'utterance recording "
		    "start end'; the line is skipped");
	}

	if (rec != NULL)
		want = kaldi_rec(&recs, rec, x[CK_WAVSCP].s);
	if ((rec != NULL && want == STRSET_NONE) ||
	    (rec == NULL && recs.n > 1)) {
		for (i = 0; i < recs.n && i < LIST_MAX; i++)
			buf_printf(&b, "%s'%s'", i ? ", " : "",
			    strset_key(&recs, i, NULL));
		if (recs.n > LIST_MAX)
			buf_printf(&b, " and %zu more", recs.n - LIST_MAX);
		if (recs.n == 0)
			buf_addstr(&b, "none");
		if (rec != NULL)
			finding(&x[CK_SEGMENTS], 0, 0, "SEG-TIER", SEV_NONE,
			    "no recording '%s'; the recordings are %s", rec,
			    b.s);
		else
			finding(&x[CK_SEGMENTS], 0, 0, "SEG-TIER", SEV_NONE,
			    "%zu recordings (%s); choose one", recs.n, b.s);
		goto out;
	}
	if (recs.n > 0)
		c->tier = xstrdup(strset_key(&recs, want, NULL));

	/* The cues of that recording, found by utterance. */
	cue_of = xcalloc(nseg + 1, sizeof(*cue_of));
	for (i = 0; i < nseg; i++) {
		if (sv[i].rec != want)
			continue;
		if (!strset_add(&utts, sv[i].utt, sv[i].ulen, 0, &at)) {
			finding(&x[CK_SEGMENTS], sv[i].line, 1, "SEG-PARSE",
			    SEV_NONE, "utterance '%.*s' appears again; this "
			    "line is skipped", (int)sv[i].ulen, sv[i].utt);
			continue;
		}
		cue_of[at] = i;
	}
	L = (struct lines){ x[CK_TEXT].s, 0 };
	while (line_next(&L, &s, &n)) {
		e = s + n;
		u = word(s, e, &un);
		if (un == 0 || (at = strset_find(&utts, u, un)) == STRSET_NONE)
			continue;
		if (sv[cue_of[at]].utt == NULL) {
			finding(&x[CK_TEXT], L.no, 1, "SEG-PARSE", SEV_NONE,
			    "utterance '%.*s' has text again; this line is "
			    "skipped", (int)un, u);
			continue;
		}
		p = u + un;
		while (p < e && (*p == ' ' || *p == '\t'))
			p++;
		g = &sv[cue_of[at]];
		cue_add(c, g->a, g->b, p, (size_t)(e - p), g->line);
		/* Done: utt NULL; rec now the index of its cue. */
		g->utt = NULL;
		g->rec = c->n - 1;
	}
	for (i = 0; i < utts.n; i++)
		if (sv[cue_of[i]].utt != NULL)
			finding(&x[CK_SEGMENTS], sv[cue_of[i]].line, 1,
			    "SEG-PARSE", SEV_NONE, "utterance '%s' has no line "
			    "in 'text'; it is skipped",
			    strset_key(&utts, i, NULL));

	/* Speakers; an utterance that is its own speaker has none. */
	L = (struct lines){ x[CK_UTT2SPK].s, 0 };
	while (line_next(&L, &s, &n)) {
		e = s + n;
		u = word(s, e, &un);
		r = word(u + un, e, &rn);
		if (un == 0 || rn == 0 || (rn == un && memcmp(u, r, un) == 0) ||
		    (at = strset_find(&utts, u, un)) == STRSET_NONE ||
		    sv[cue_of[at]].utt != NULL)
			continue;
		i = sv[cue_of[at]].rec;
		free(c->v[i].speaker);
		c->v[i].speaker = xstrndup(r, rn);
	}
	finish(&x[CK_SEGMENTS], c);
	rc = 0;
out:
	if (rc == -1)
		drop_all(c);
	for (i = 0; i < CK_NFILES; i++) {
		buf_release(&tx[i]);
		free(names[i]);
	}
	strset_release(&recs);
	strset_release(&utts);
	buf_release(&b);
	free(sv);
	free(cue_of);
	return rc;
}

/* Whether s looks like the start of a file of a format, by content. */
static int
sniff(const char *s)
{
	struct lines L = { s, 0 };
	const char *l1 = NULL, *l2 = NULL, *e;
	size_t n1 = 0, n2 = 0;
	unsigned long col;
	int64_t a, b;

	if (line_next(&L, &l1, &n1) && starts_word(l1, n1, "WEBVTT"))
		return CAP_VTT;
	if (strstr(s, "\"ooTextFile") != NULL &&
	    strstr(s, "\"TextGrid\"") != NULL)
		return CAP_TEXTGRID;
	e = s + strspn(s, " \t\r\n");
	if (*e == '<' && strstr(e, "<ANNOTATION_DOCUMENT") != NULL)
		return CAP_ELAN;
	L = (struct lines){ s, 0 };
	do
		if (!line_next(&L, &l1, &n1))
			return -1;
	while (blank(l1, n1));
	if (!line_next(&L, &l2, &n2)) {
		l2 = "";
		n2 = 0;
	}
	if (has_arrow(l1, n1) ? timing(l1, n1, &a, &b, &col) == 0 :
	    all_digits(l1, n1) && has_arrow(l2, n2))
		return CAP_SRT;
	if (dec_ns(l1, 1, &e, &a) == 0 && *e == '\t' &&
	    dec_ns(e + 1, 1, &e, &b) == 0 && (*e == '\t' ||
	    e == l1 + n1))
		return CAP_AUDACITY;
	return -1;
}

/*
 * The format of a label file from its content (its first 4 KiB); when
 * that is not enough, from the extension of name.  -1 if neither tells.
 * A Kaldi data folder is a folder: cap_read() tells it by that.
 */
int
cap_detect(const char *buf, size_t len, const char *name)
{
	static const struct {
		const char	*ext;
		enum cap_format	 f;
	} exts[] = {
		{ "eaf", CAP_ELAN }, { "srt", CAP_SRT },
		{ "textgrid", CAP_TEXTGRID }, { "vtt", CAP_VTT }
	};
	const unsigned char *p = (const unsigned char *)buf;
	struct buf b = BUF_INIT;
	const char *ext;
	size_t head = len < 4096 ? len : 4096, bad, i;
	int f;

	if (head >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) ||
	    (p[0] == 0xFE && p[1] == 0xFF)))
		(void)from_utf16(p, head & ~(size_t)1, p[0] == 0xFE, &b, &bad);
	else if (head >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
		buf_add(&b, buf + 3, head - 3);
	else
		buf_add(&b, buf, head);
	f = sniff(b.s != NULL ? b.s : "");
	buf_release(&b);
	if (f == CAP_SRT && name != NULL && (ext = strrchr(name, '.')) !=
	    NULL && strcasecmp(ext, ".vtt") == 0)
		return CAP_VTT;
	if (f >= 0 || name == NULL || (ext = strrchr(name, '.')) == NULL)
		return f;
	for (i = 0; i < sizeof(exts) / sizeof(exts[0]); i++)
		if (strcasecmp(ext + 1, exts[i].ext) == 0)
			return (int)exts[i].f;
	return -1;
}

/*
 * Read the cues of a label file of format f from memory.  tier chooses
 * TextGrid and ELAN tiers: a name, or names separated by commas; NULL
 * takes the only one that has cues.  Returns 0, or -1 after a finding
 * when the file cannot be used at all; cues that cannot be used are
 * findings too and are left out.
 */
int
cap_parse(const char *buf, size_t len, const char *name, enum cap_format f,
    const char *tier, struct cues *c, struct diag *d)
{
	struct buf t = BUF_INIT;
	struct tierset ts;
	struct src x = { "", 0, name, d };
	int rc = -1;

	memset(&ts, 0, sizeof(ts));
	cues_release(c);
	c->fmt = f;
	c->name = xstrdup(name);
	if ((unsigned int)f >= CAP_KALDI) {
		finding(&x, 0, 0, "SEG-FORMAT", SEV_NONE, "%s is read from "
		    "a folder, not a file; it is not read",
		    cap_format_name(f));
		goto out;
	}
	if (f == CAP_ELAN)
		rc = elan_parse(&x, buf, len, &ts, c);
	else {
		if (cap_text(buf, len, name, &t, d) == -1)
			goto out;
		x.s = t.s;
		x.len = t.len;
		rc = 0;
		switch (f) {
		case CAP_SRT:
			srt_parse(&x, c);
			break;
		case CAP_VTT:
			vtt_parse(&x, c);
			break;
		case CAP_TEXTGRID:
			rc = tg_parse(&x, &ts, c);
			break;
		default:
			aud_parse(&x, c);
			break;
		}
	}
	if (rc == 0 && (f == CAP_TEXTGRID || f == CAP_ELAN))
		rc = tier_select(&x, &ts, tier, c);
	if (rc == 0)
		finish(&x, c);
out:
	if (rc == -1)
		drop_all(c);
	tierset_release(&ts);
	buf_release(&t);
	return rc;
}

/*
 * Read the files of a Kaldi data folder and its cues of recording rec
 * (an id, or a recording's path: see kaldi_rec()); NULL takes the only
 * recording.
 */
int
cap_parse_kaldi_dir(const char *dir, const char *rec, struct cues *c,
    struct diag *d)
{
	struct buf b[CK_NFILES] = { BUF_INIT, BUF_INIT, BUF_INIT, BUF_INIT };
	struct cap_kaldi k;
	struct stat st;
	size_t i, n = strlen(dir);
	char *path = NULL, *top;
	int rc = -1, r;

	cues_release(c);
	c->fmt = CAP_KALDI;
	/* "data/train/" names its files "data/train/text". */
	while (n > 1 && dir[n - 1] == '/')
		n--;
	top = xstrndup(dir, n);
	memset(&k, 0, sizeof(k));
	k.dir = top;
	for (i = 0; i < CK_NFILES; i++) {
		free(path);
		path = xasprintf("%s/%s", top, kaldi_files[i]);
		if (stat(path, &st) == -1 && errno == ENOENT)
			continue;
		if ((r = io_read_file(path, &b[i], CAP_READ_MAX, d)) == -1)
			goto out;
		if (r == 1) {
			diag_add(d, &(struct loc){ path, NULL, 0, 0 },
			    "SEG-FORMAT", "over %lu MiB: not a Kaldi file; "
			    "the folder is not read", CAP_READ_MAX >> 20);
			goto out;
		}
		buf_add(&b[i], "", 0);
		k.buf[i] = b[i].s;
		k.len[i] = b[i].len;
	}
	rc = cap_parse_kaldi(&k, rec, c, d);
out:
	for (i = 0; i < CK_NFILES; i++)
		buf_release(&b[i]);
	free(path);
	free(top);
	return rc;
}

/*
 * Read the labels at path ("-": standard input) in format fmt, or the
 * one cap_detect() finds when fmt is -1; a folder is a Kaldi data
 * folder, and rec chooses its recording.  As cap_parse().
 */
int
cap_read(const char *path, int fmt, const char *tier, const char *rec,
    struct cues *c, struct diag *d)
{
	struct loc l = { path, NULL, 0, 0 };
	struct buf b = BUF_INIT;
	struct stat st;
	int rc = -1, r;

	cues_release(c);
	if (strcmp(path, "-") != 0 && stat(path, &st) == 0 &&
	    S_ISDIR(st.st_mode)) {
		if (fmt < 0 || fmt == CAP_KALDI)
			return cap_parse_kaldi_dir(path, rec, c, d);
		diag_add(d, &l, "SEG-FORMAT", "a folder, not a %s file; it "
		    "is not read", cap_format_name((enum cap_format)fmt));
		return -1;
	}
	if (strcmp(path, "-") == 0)
		l.file = "<stdin>";
	if ((r = io_read_file(path, &b, CAP_READ_MAX, d)) == -1)
		goto out;
	if (r == 1) {
		diag_add(d, &l, "SEG-FORMAT", "over %lu MiB: not a caption or "
		    "label file; it is not read", CAP_READ_MAX >> 20);
		goto out;
	}
	buf_add(&b, "", 0);
	if (fmt < 0 && (fmt = cap_detect(b.s, b.len, l.file)) < 0) {
		diag_add(d, &l, "SEG-FORMAT", "not a caption or label file "
		    "(SubRip, WebVTT, TextGrid, ELAN or Audacity labels); it "
		    "is not read");
		goto out;
	}
	rc = cap_parse(b.s, b.len, l.file, (enum cap_format)fmt, tier, c, d);
out:
	buf_release(&b);
	return rc;
}

/*
 * Cue text cleanup.  Each line loses its markup (tags, ruby text, SSA
 * overrides), has its entities decoded and its speaker mark removed;
 * the lines are joined with spaces; then sound descriptions go: [...],
 * (...) and sung text between music notes.  Closing brackets, '>' and
 * '}' are looked for once each: a line of 10,000 unclosed '<' is
 * linear, not quadratic.
 */
struct clean {
	struct buf	 line;		/* the line being cleaned */
	struct buf	 all;		/* the lines cleaned so far */
	int		 text;		/* the line has text so far */
	int		 voices;	/* <v> spans seen */
	unsigned int	 flags;
	char		*speaker;
};

/* Named character references that captions use. */
static const struct {
	const char	*name;
	const char	*s;
} entities[] = {
	{ "amp", "&" }, { "apos", "'" }, { "gt", ">" }, { "lrm", "" },
	{ "lt", "<" }, { "nbsp", " " }, { "quot", "\"" }, { "rlm", "" }
};

static void
put(struct clean *k, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ')
			k->text = 1;
	buf_add(&k->line, s, n);
}

/* Decode the character reference at s[0] == '&'; its length, or 0. */
static size_t
entity(struct clean *k, const char *s, size_t n)
{
	size_t i, j, len;
	uint32_t c = 0;
	char u[4];
	int hex;

	if (n > 2 && s[1] == '#') {
		hex = s[2] == 'x' || s[2] == 'X';
		for (i = j = hex ? 3 : 2; i < n && (hex ?
		    isxdigit((unsigned char)s[i]) :
		    isdigit((unsigned char)s[i])); i++) {
			c = c * (hex ? 16 : 10) + (uint32_t)(isdigit(
			    (unsigned char)s[i]) ? s[i] - '0' :
			    (tolower((unsigned char)s[i]) - 'a' + 10));
			if (c > 0x10FFFF)
				return 0;
		}
		if (i == j || i >= n || s[i] != ';' || c == 0 ||
		    (c >= 0xD800 && c <= 0xDFFF))
			return 0;
		if (c < 0x20 || c == 0xA0 || c == 0x7F)
			put(k, " ", 1);
		else if (c != 0x200E && c != 0x200F)
			put(k, u, utf8_enc(c, u));
		return i + 1;
	}
	for (i = 0; i < sizeof(entities) / sizeof(entities[0]); i++) {
		len = strlen(entities[i].name);
		if (n > len + 1 && memcmp(s + 1, entities[i].name, len) == 0 &&
		    s[len + 1] == ';') {
			put(k, entities[i].s, strlen(entities[i].s));
			return len + 2;
		}
	}
	return 0;
}

static void
strip_line(struct clean *k, const char *s, size_t n)
{
	const char *e, *t;
	size_t i = 0, m, tl;
	int nogt = 0, nobrace = 0;
	unsigned char c;

	k->text = 0;
	while (i < n) {
		c = (unsigned char)s[i];
		if (c == '<' && !nogt && i + 1 < n && (isalnum((unsigned
		    char)s[i + 1]) || s[i + 1] == '/')) {
			if ((e = memchr(s + i, '>', n - i)) == NULL) {
				nogt = 1;
				continue;
			}
			t = s + i + 1;
			tl = (size_t)(e - t);
			if (t[0] == 'v' && (tl == 1 || t[1] == '.' ||
			    t[1] == ' ' || t[1] == '\t')) {
				if (k->voices++ > 0 || k->text ||
				    k->all.len > 0)
					k->flags |= CAP_TURNS;
				else if (k->speaker == NULL)
					k->speaker = vtt_voice(s + i);
			}
			i = (size_t)(e - s) + 1;
			/* Ruby text is a reading aid, not what is said. */
			if (tl == 2 && memcmp(t, "rt", 2) == 0) {
				for (; i < n; i++)
					if (n - i >= 5 &&
					    memcmp(s + i, "</rt>", 5) == 0)
						break;
				i = i < n ? i + 5 : n;
			}
			continue;
		}
		if (c == '{' && !nobrace && i + 1 < n && s[i + 1] == '\\') {
			if ((e = memchr(s + i, '}', n - i)) != NULL) {
				i = (size_t)(e - s) + 1;
				continue;
			}
			nobrace = 1;
		}
		if (c == '&' && (m = entity(k, s + i, n - i)) > 0) {
			i += m;
			continue;
		}
		if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0) {
			put(k, " ", 1);
			i += 2;
			continue;
		}
		put(k, c == '\t' || c == '\r' ? " " : s + i, 1);
		i++;
	}
}

/*
 * The length of a speaker label opening s: "JOHN:", "DR. SMITH:",
 * "MAN 2:" (capitals, at least two letters), or "[John]:", "(JOHN):";
 * the colon is followed by a blank or the end.  0 if there is none;
 * the name is s[*nb, *ne).
 */
static size_t
label(const char *s, size_t n, size_t *nb, size_t *ne)
{
	size_t i = 0;
	int32_t cp;
	int up = 0;
	char close;

	if (n > 0 && (s[0] == '[' || s[0] == '(')) {
		close = s[0] == '[' ? ']' : ')';
		for (i = 1; i < n && i < 40 && s[i] != close; i++)
			;
		if (i >= n || s[i] != close || i + 1 >= n ||
		    s[i + 1] != ':' || i == 1)
			return 0;
		*nb = 1;
		*ne = i;
		i += 2;
	} else {
		while (i < n && i < 40 && s[i] != ':') {
			cp = utf8_cp(s, n, &i);
			if (cp < 0)
				return 0;
			if (cp < 0x80 && (cp == ' ' || cp == '.' ||
			    cp == '\'' || cp == '-' || cp == '&' ||
			    isdigit(cp)))
				continue;
			if (text_char_class(cp) != TEXT_C_UPPER)
				return 0;
			up++;
		}
		if (i >= n || s[i] != ':' || up < 2)
			return 0;
		*nb = 0;
		*ne = i;
		i++;
	}
	if (i < n && s[i] != ' ')
		return 0;
	return i;
}

/* The length of a dialog dash opening s ("- ", "-Word", "– "), or 0. */
static size_t
dash(const char *s, size_t n)
{
	if (n >= 2 && s[0] == '-' && (s[1] == ' ' || isalpha((unsigned
	    char)s[1]) || (unsigned char)s[1] >= 0x80))
		return 1;
	if (n >= 4 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] ==
	    0x80 && ((unsigned char)s[2] == 0x90 || (unsigned char)s[2] ==
	    0x93 || (unsigned char)s[2] == 0x94) && s[3] == ' ')
		return 3;
	return 0;
}

/* Remove the speaker marks opening the line: ">>", a dash, a label. */
static void
line_marks(struct clean *k)
{
	char *s = k->line.s;
	size_t n = k->line.len, i = 0, m, nb, ne;
	int first = k->all.len == 0, mark = 0;

	if (n == 0)
		return;
	while (i < n && s[i] == ' ')
		i++;
	if (n - i >= 2 && s[i] == '>' && s[i + 1] == '>') {
		while (i < n && s[i] == '>')
			i++;
		mark = 1;
	} else if ((m = dash(s + i, n - i)) > 0) {
		i += m;
		mark = 1;
	}
	while (i < n && s[i] == ' ')
		i++;
	if ((m = label(s + i, n - i, &nb, &ne)) > 0) {
		if (!first)
			mark = 1;
		else if (k->speaker == NULL) {
			while (ne > nb && s[i + ne - 1] == ' ')
				ne--;
			k->speaker = xstrndup(s + i + nb, ne - nb);
		}
		i += m;
	}
	if (mark)
		k->flags |= first ? CAP_TURN : CAP_TURNS;
	memmove(s, s + i, n - i);
	k->line.len = n - i;
	s[k->line.len] = '\0';
}

static int
note(const char *s, size_t n)
{
	return n >= 3 && (unsigned char)s[0] == 0xE2 &&
	    (unsigned char)s[1] == 0x99 && ((unsigned char)s[2] == 0xAA ||
	    (unsigned char)s[2] == 0xAB);
}

/* Copy s without sound descriptions; whether there was one. */
static int
unsound(const char *s, size_t n, struct buf *out)
{
	const char *e;
	size_t i = 0, j;
	int sound = 0, nosq = 0, nopar = 0;

	while (i < n) {
		if ((s[i] == '[' && !nosq) || (s[i] == '(' && !nopar)) {
			e = memchr(s + i + 1, s[i] == '[' ? ']' : ')',
			    n - i - 1);
			if (e != NULL) {
				i = (size_t)(e - s) + 1;
				sound = 1;
				buf_addc(out, ' ');
				continue;
			}
			if (s[i] == '[')
				nosq = 1;
			else
				nopar = 1;
		}
		if (note(s + i, n - i)) {
			for (j = i + 3; j < n && !note(s + j, n - j); j++)
				;
			i = j < n ? j + 3 : n;
			sound = 1;
			buf_addc(out, ' ');
			continue;
		}
		buf_addc(out, s[i]);
		i++;
	}
	return sound;
}

/*
 * Make a cue's text a transcript, appended to out: markup and entities
 * removed, speaker marks removed, lines joined with one space, blanks
 * squeezed, sound descriptions removed (anything in brackets or
 * parentheses, as subtitles for the deaf write them, and sung text).  Returns CAP_SOUND (out gets
 * nothing) when the cue holds only sound descriptions, CAP_TURN when a
 * dash or ">>" opens it, CAP_TURNS when a mark or a second <v> span is
 * inside it.  *speaker (unless speaker is NULL) gets the name of a
 * label or <v> span opening the cue, or NULL: compare it with the
 * speaker of the cue before.
 */
unsigned int
cap_clean(const char *text, struct buf *out, char **speaker)
{
	struct clean k;
	struct buf rest = BUF_INIT;
	const char *p, *e;

	memset(&k, 0, sizeof(k));
	for (p = text;; p = e + 1) {
		if ((e = strchr(p, '\n')) == NULL)
			e = p + strlen(p);
		buf_reset(&k.line);
		strip_line(&k, p, (size_t)(e - p));
		line_marks(&k);
		if (!blank(k.line.s, k.line.len)) {
			if (k.all.len > 0)
				buf_addc(&k.all, ' ');
			buf_add(&k.all, k.line.s, k.line.len);
		}
		if (*e == '\0')
			break;
	}
	if (unsound(k.all.s, k.all.len, &rest) &&
	    !text_has_word(rest.s, rest.len))
		k.flags |= CAP_SOUND;
	else
		text_squeeze(rest.s, rest.len, out);
	if (speaker != NULL)
		*speaker = k.speaker;
	else
		free(k.speaker);
	buf_release(&k.line);
	buf_release(&k.all);
	buf_release(&rest);
	return k.flags;
}
