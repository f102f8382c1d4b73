/*
 * Pronunciation files: parse, check and normalize "display<TAB>spoken"
 * lines, and import W3C PLS lexicons.  The spoken form is made what the
 * service documents (spec 2.6, Q12): lowercase letters of the locale's
 * alphabet and single spaces.  What cannot be repaired without guessing
 * (a line split by spaces, an empty side, a second TAB) is dropped and
 * reported as an error in both modes, since the service drops it too.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "diag.h"
#include "io.h"
#include "pron.h"
#include "strset.h"
#include "text.h"
#include "utf8.h"
#include "xalloc.h"
#include "xml.h"

#define PLS_NS_ROOT	"lexicon"

/* Each count's name, for 1 and for more. */
static const char *const count_names[PC_N][2] = {
	{ "BOM added", "BOMs added" },
	{ "file made UTF-8 from Windows-1252",
	    "files made UTF-8 from Windows-1252" },
	{ "CRLF made LF", "CRLFs made LF" },
	{ "display form trimmed", "display forms trimmed" },
	{ "spoken form lowercased", "spoken forms lowercased" },
	{ "spoken form with digits spelled out",
	    "spoken forms with digits spelled out" },
	{ "spoken form with punctuation made spaces",
	    "spoken forms with punctuation made spaces" },
	{ "spoken form with letters folded to ASCII",
	    "spoken forms with letters folded to ASCII" },
	{ "spoken form with blanks collapsed",
	    "spoken forms with blanks collapsed" },
	{ "bad format", "bad format" },
	{ "invalid UTF-8", "invalid UTF-8" },
	{ "duplicate", "duplicates" }
};

/*
 * Very common English words (by frequency in general text), sorted:
 * re-pronouncing them changes how the service hears everyday speech.
 */
static const char *const common_en[] = {
	"a", "about", "after", "again", "all", "also", "always", "an", "and",
	"another", "any", "are", "around", "as", "ask", "at", "away", "back",
	"be", "because", "been", "before", "being", "best", "better",
	"between", "big", "both", "but", "by", "call", "came", "can", "come",
	"could", "day", "did", "different", "do", "does", "down", "each",
	"end", "even", "every", "find", "first", "for", "from", "get",
	"give", "go", "going", "good", "great", "had", "has", "have", "he",
	"help", "her", "here", "high", "him", "his", "home", "house", "how",
	"i", "if", "in", "into", "is", "it", "its", "just", "know", "large",
	"last", "left", "life", "like", "line", "little", "long", "look",
	"made", "make", "man", "many", "may", "me", "men", "might", "more",
	"most", "much", "must", "my", "name", "need", "never", "new", "next",
	"no", "not", "now", "number", "of", "off", "old", "on", "one",
	"only", "or", "other", "our", "out", "over", "own", "part",
	"people", "place", "point", "put", "read", "right", "said", "same",
	"say", "see", "she", "should", "show", "small", "so", "some",
	"something", "still", "such", "take", "tell", "than", "that", "the",
	"their", "them", "then", "there", "these", "they", "thing", "think",
	"this", "those", "three", "through", "time", "to", "too", "two",
	"under", "up", "us", "use", "very", "want", "was", "water", "way",
	"we", "well", "went", "were", "what", "when", "where", "which",
	"while", "who", "why", "will", "with", "word", "work", "world",
	"would", "write", "year", "years", "you", "your"
};

/* Windows-1252 0x80-0x9F; 0 where the code page has no character. */
static const unsigned short cp1252[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178
};

struct ctx {
	const struct pron_opts	*o;
	struct text		*t;
	struct pron_stats	*st;
	struct diag		*d;
	struct loc		 loc;
	const unsigned long	*lines;		/* line map, or NULL */
	struct buf		*out;
	struct buf		 a;
	struct buf		 b;
	struct strset		 seen;		/* display forms; value: line */
	struct text_span	*spoken;	/* of each, in spokens */
	size_t			 nspoken;
	struct buf		 spokens;
	int			 en;
};

static int
cmp_word(const void *k, const void *e)
{
	return strcasecmp(k, *(const char *const *)e);
}

/* Whether the display form s is a very common English word. */
int
pron_common(const char *s, size_t len)
{
	char w[32];

	if (len == 0 || len >= sizeof(w))
		return 0;
	memcpy(w, s, len);
	w[len] = '\0';
	return bsearch(w, common_en, sizeof(common_en) / sizeof(common_en[0]),
	    sizeof(common_en[0]), cmp_word) != NULL;
}

static void
add(struct ctx *c, unsigned long col, const char *id, enum severity sev,
    const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static void
add(struct ctx *c, unsigned long col, const char *id, enum severity sev,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vat(c->d, &c->loc, c->loc.line, col, id, sev, fmt, ap);
	va_end(ap);
}

/* Windows-1252 to UTF-8. */
static void
from_cp1252(const char *s, size_t len, struct buf *out)
{
	size_t i;
	unsigned int c;
	char u[4];

	for (i = 0; i < len; i++) {
		c = (unsigned char)s[i];
		if (c >= 0x80 && c < 0xA0)
			c = cp1252[c - 0x80] ? cp1252[c - 0x80] : 0xFFFD;
		buf_add(out, u, utf8_enc(c, u));
	}
}

static void
swap(struct ctx *c)
{
	struct buf t = c->a;

	c->a = c->b;
	c->b = t;
	buf_reset(&c->b);
}

/* Whether c may stand in a spoken form of this locale. */
static int
spoken_ok(const struct ctx *c, const char *s, size_t len, size_t at,
    int32_t ch)
{
	const char *al = c->o->loc->spoken;
	size_t i = 0, n;

	if (ch == ' ')
		return 1;
	/* An apostrophe inside a word ("don't") is part of the word. */
	if (ch == '\'')
		return at > 0 && at + 1 < len && s[at - 1] != ' ' &&
		    s[at + 1] != ' ';
	if (al == NULL)
		return text_char_class(ch) == TEXT_C_LETTER;
	n = strlen(al);
	while (i < n)
		if (utf8_cp(al, n, &i) == ch)
			return 1;
	return 0;
}

/* Punctuation other than in-word apostrophes becomes a space. */
static int
punct_to_space(struct ctx *c)
{
	size_t i = 0, at;
	int32_t ch;
	int changed = 0;
	enum text_class k;

	buf_reset(&c->b);
	while (i < c->a.len) {
		at = i;
		ch = utf8_cp(c->a.s, c->a.len, &i);
		k = text_char_class(ch);
		if ((k == TEXT_C_PUNCT || (k == TEXT_C_SYMBOL && ch < 0x80)) &&
		    !spoken_ok(c, c->a.s, c->a.len, at, ch)) {
			buf_addc(&c->b, ' ');
			changed = 1;
		} else
			buf_add(&c->b, c->a.s + at, i - at);
	}
	if (changed)
		swap(c);
	else
		buf_reset(&c->b);
	return changed;
}

static const char *
class_name(enum text_class k)
{
	switch (k) {
	case TEXT_C_DIGIT:
		return "digit";
	case TEXT_C_UPPER:
		return "uppercase letter";
	case TEXT_C_PUNCT:
		return "punctuation";
	case TEXT_C_LETTER:
		return "letter outside the alphabet";
	case TEXT_C_SPACE:
		return "space";
	default:
		return "symbol";
	}
}

/*
 * Normalize the spoken form in c->a: NFC, spaces and quotes, lowercase
 * (locale-aware), digits spelled out, punctuation to spaces, English
 * letters folded to ASCII, blanks collapsed.  Each change is a finding
 * at the column where the spoken form starts plus its offset.
 */
static void
fix_spoken(struct ctx *c, unsigned long scol)
{
	const char *id = "PRON-SPOKEN-CHARS";
	enum severity sev = c->o->check ? SEV_NONE : SEV_NOTE;
	size_t i, n;
	int32_t ch;

	if (text_nfc(c->t, c->a.s, c->a.len, &c->b) == 1)
		swap(c);
	else
		buf_reset(&c->b);
	if (text_punct_map(c->t, c->a.s, c->a.len, TEXT_PM_SPACE |
	    TEXT_PM_QUOTE, &c->b) == 1)
		swap(c);
	else
		buf_reset(&c->b);
	if (text_lower(c->t, c->a.s, c->a.len, &c->b) == 1) {
		for (i = 0; i < c->a.len && i < c->b.len &&
		    c->a.s[i] == c->b.s[i]; i++)
			;
		while (i > 0 && ((unsigned char)c->a.s[i] & 0xC0) == 0x80)
			i--;
		n = i;
		ch = utf8_cp(c->a.s, c->a.len, &n);
		add(c, scol + utf8_col(c->a.s, i) - 1, id, sev, "uppercase "
		    "'%.*s' in the spoken form; it is lowercased",
		    (int)(n - i), c->a.s + i);
		c->st->count[PC_LOWER]++;
		swap(c);
		(void)ch;
	} else
		buf_reset(&c->b);
	for (i = 0; i < c->a.len && !isdigit((unsigned char)c->a.s[i]); i++)
		;
	if (i < c->a.len) {
		add(c, scol + utf8_col(c->a.s, i) - 1, id, sev, "digit '%c' in "
		    "the spoken form; it is spelled out", c->a.s[i]);
		c->st->count[PC_DIGITS]++;
		/* Twice: mixed tokens (k8s) go letter by letter first. */
		if (text_spell_numbers(c->t, c->a.s, c->a.len, &c->b) == 1)
			swap(c);
		buf_reset(&c->b);
		if (text_spell_numbers(c->t, c->a.s, c->a.len, &c->b) == 1)
			swap(c);
		buf_reset(&c->b);
		if (text_lower(c->t, c->a.s, c->a.len, &c->b) == 1)
			swap(c);
		buf_reset(&c->b);
	}
	for (i = 0; i < c->a.len; ) {
		n = i;
		ch = utf8_cp(c->a.s, c->a.len, &n);
		if (ch >= 0 && text_char_class(ch) == TEXT_C_PUNCT &&
		    !spoken_ok(c, c->a.s, c->a.len, i, ch))
			break;
		i = n;
	}
	if (i < c->a.len) {
		add(c, scol + utf8_col(c->a.s, i) - 1, id, sev, "punctuation "
		    "'%.*s' in the spoken form; it is made a space",
		    (int)(n - i), c->a.s + i);
		c->st->count[PC_PUNCT]++;
	}
	punct_to_space(c);
	if (c->en && utf8_find_above(c->a.s, c->a.len, 0x7F) < c->a.len) {
		if (text_ascii_fold(c->t, c->a.s, c->a.len, &c->b) == 1) {
			i = utf8_find_above(c->a.s, c->a.len, 0x7F);
			add(c, scol + utf8_col(c->a.s, i) - 1, id, sev,
			    "letter outside a-z in the spoken form; it is "
			    "folded to ASCII");
			c->st->count[PC_ASCII]++;
			swap(c);
		} else
			buf_reset(&c->b);
		if (text_lower(c->t, c->a.s, c->a.len, &c->b) == 1)
			swap(c);
		buf_reset(&c->b);
	}
	buf_reset(&c->b);
	text_squeeze(c->a.s, c->a.len, &c->b);
	if (c->b.len != c->a.len) {
		add(c, scol, id, sev, "blanks in the spoken form are "
		    "collapsed to single spaces");
		c->st->count[PC_SPACE]++;
		swap(c);
	} else
		buf_reset(&c->b);
}

/* What is left outside the alphabet: reported, the line kept. */
static void
check_spoken(struct ctx *c, unsigned long scol)
{
	size_t i = 0, at;
	int32_t ch;

	while (i < c->a.len) {
		at = i;
		ch = utf8_cp(c->a.s, c->a.len, &i);
		if (ch < 0 || spoken_ok(c, c->a.s, c->a.len, at, ch))
			continue;
		add(c, scol + utf8_col(c->a.s, at) - 1, "PRON-SPOKEN-CHARS",
		    SEV_NONE, "%s '%.*s' in the spoken form; %s spoken forms "
		    "are lowercase letters%s and single spaces",
		    class_name(text_char_class(ch)), (int)(i - at), c->a.s + at,
		    c->o->loc->tag, c->o->loc->spoken != NULL ? " of its "
		    "alphabet" : "");
		return;
	}
}

/*
 * The index of the display form disp if it was seen before, with *same
 * telling whether its spoken form was sp too; else record disp with sp
 * and line, and return STRSET_NONE.
 */
static size_t
seen_add(struct ctx *c, const char *disp, size_t dn, const char *sp,
    size_t sn, unsigned long line, int *same)
{
	struct text_span *e;
	size_t k;

	if (!strset_add(&c->seen, disp, dn, line, &k)) {
		e = &c->spoken[k];
		*same = e->len == sn && (sn == 0 ||
		    memcmp(c->spokens.s + e->off, sp, sn) == 0);
		return k;
	}
	if (c->nspoken == k) {
		c->nspoken = k ? k * 2 : 64;
		c->spoken = xreallocarray(c->spoken, c->nspoken,
		    sizeof(*c->spoken));
	}
	c->spoken[k].off = c->spokens.len;
	c->spoken[k].len = sn;
	buf_add(&c->spokens, sp, sn);
	return STRSET_NONE;
}

static void
drop(struct ctx *c, enum pron_count k)
{
	c->st->count[k]++;
}

static void
check_line(struct ctx *c, const char *s, size_t n)
{
	const char *tab, *disp, *sp;
	size_t dn, k, off, ntab = 0, i;
	unsigned long scol;
	int same = 0;

	for (i = 0; i < n; i++)
		ntab += s[i] == '\t';
	if ((off = utf8_check(s, n)) < n) {
		add(c, utf8_col(s, off), "PRON-ENC", SEV_NONE, "invalid UTF-8 "
		    "byte 0x%02X; the line is dropped (save the file as UTF-8 "
		    "with a BOM)", (unsigned char)s[off]);
		drop(c, PC_D_ENC);
		return;
	}
	for (i = 0; i < n && (s[i] == ' ' || s[i] == '\t'); i++)
		;
	if (i == n) {
		add(c, 1, "PRON-FORMAT", SEV_WARNING, "empty line is dropped");
		drop(c, PC_D_FORMAT);
		return;
	}
	if (ntab == 0) {
		add(c, 1, "PRON-FORMAT", SEV_NONE, "%s; a line is display "
		    "form, one TAB, spoken form (the split is not guessed; "
		    "the line is dropped)", memchr(s, ' ', n) != NULL ?
		    "separated by spaces, not a TAB" : "no TAB");
		drop(c, PC_D_FORMAT);
		return;
	}
	tab = memchr(s, '\t', n);
	if (ntab > 1) {
		k = (size_t)((const char *)memchr(tab + 1, '\t',
		    n - (size_t)(tab - s) - 1) - s);
		add(c, utf8_col(s, k), "PRON-FORMAT", SEV_NONE, "%zu TABs; a "
		    "line has exactly one (the line is dropped)", ntab);
		drop(c, PC_D_FORMAT);
		return;
	}
	disp = s;
	dn = (size_t)(tab - s);
	sp = tab + 1;
	scol = utf8_col(s, dn) + 1;
	if (dn > 0 && (disp[0] == ' ' || disp[dn - 1] == ' ')) {
		add(c, 1, "PRON-FORMAT", c->o->check ? SEV_WARNING : SEV_NOTE,
		    "blanks around the display form are trimmed");
		c->st->count[PC_DISPLAY]++;
		while (dn > 0 && disp[0] == ' ')
			disp++, dn--;
		while (dn > 0 && disp[dn - 1] == ' ')
			dn--;
	}
	buf_reset(&c->a);
	buf_reset(&c->b);
	buf_add(&c->a, sp, n - (size_t)(sp - s));
	if (dn == 0 || !text_has_word(c->a.s, c->a.len)) {
		add(c, dn == 0 ? 1 : scol, "PRON-FORMAT", SEV_NONE, "empty %s "
		    "form; the line is dropped", dn == 0 ? "display" :
		    "spoken");
		drop(c, PC_D_FORMAT);
		return;
	}
	fix_spoken(c, scol);
	check_spoken(c, scol);
	if ((k = seen_add(c, disp, dn, c->a.s, c->a.len, c->loc.line,
	    &same)) != STRSET_NONE) {
		add(c, 1, "PRON-DUP", same ? (c->o->check ? SEV_NONE :
		    SEV_NOTE) : SEV_NONE, "'%.*s' is already on line %lu%s",
		    (int)dn, disp, (unsigned long)strset_val(&c->seen, k),
		    same ? "; the duplicate is dropped" : " with another "
		    "spoken form");
		if (same) {
			drop(c, PC_D_DUP);
			return;
		}
	}
	if (c->en && pron_common(disp, dn))
		add(c, 1, "PRON-COMMON", SEV_NONE, "'%.*s' is a common word; "
		    "a custom pronunciation changes how it is recognized "
		    "everywhere", (int)dn, disp);
	buf_add(c->out, disp, dn);
	buf_addc(c->out, '\t');
	buf_add(c->out, c->a.s, c->a.len);
	buf_addc(c->out, '\n');
	c->st->lines_out++;
}

/* UTF-16, binary, BOM; returns -1 if the file cannot be read as text. */
static int
check_head(struct ctx *c, const char **p, size_t *len, struct buf *conv)
{
	const unsigned char *u = (const unsigned char *)*p;
	size_t n = *len;

	if (n >= 2 && (u[0] == 0xFF || u[0] == 0xFE) && (u[0] ^ u[1]) == 1) {
		add(c, 0, "PRON-ENC", SEV_NONE, "UTF-16 (%s-endian) with a "
		    "BOM; save the file as UTF-8 with a BOM",
		    u[0] == 0xFF ? "little" : "big");
		return -1;
	}
	if (memchr(u, '\0', n) != NULL) {
		add(c, 0, "PRON-ENC", SEV_NONE, "NUL bytes; the file is binary "
		    "or UTF-16 without a BOM");
		return -1;
	}
	if (n >= 3 && memcmp(u, "\xef\xbb\xbf", 3) == 0) {
		*p += 3;
		*len -= 3;
		return 0;
	}
	if (n > 0 && c->en && utf8_check(*p, n) < n) {
		add(c, 0, "PRON-ENC", SEV_NOTE,
		    "not UTF-8: read as Windows-1252 (ANSI), which the "
		    "service accepts for English; the output is UTF-8");
		from_cp1252(*p, n, conv);
		*p = conv->s;
		*len = conv->len;
		c->st->count[PC_ANSI]++;
		return 0;
	}
	if (n == 0)
		return 0;
	if (!c->o->check)
		c->st->count[PC_BOM]++;
	else if (c->en)
		add(c, 0, "PRON-ENC", SEV_NOTE, "no UTF-8 BOM; accepted for "
		    "English, required for other locales");
	else
		add(c, 0, "PRON-ENC", SEV_NONE, "no UTF-8 BOM; %s "
		    "pronunciation files need one", c->o->loc->tag);
	return 0;
}

static void
check_size(struct ctx *c, size_t bytes, const char *what)
{
	uint64_t max = tier_value(c->o->limit, c->o->tier);
	uint64_t std = tier_value(c->o->limit, TIER_STANDARD);
	struct loc l = { c->loc.file, NULL, 0, 0 };

	if (bytes <= max)
		return;
	/* Name the tier only when one was chosen (--tier). */
	if (std > max)
		diag_add(c->d, &l, "PRON-SIZE", "%s is %zu bytes, over the "
		    "%llu-byte limit%s; the standard tier (S0) allows %llu",
		    what, bytes, (unsigned long long)max, c->o->tier ==
		    TIER_FREE ? " of the free tier (F0)" : "",
		    (unsigned long long)std);
	else
		diag_add(c->d, &l, "PRON-SIZE", "%s is %zu bytes, over the "
		    "%llu-byte limit%s", what, bytes, (unsigned long long)max,
		    c->o->tier == TIER_STANDARD ? " of the standard tier (S0)" :
		    "");
}

/* Options over the whole profile: the locale, size limit, default tier. */
void
pron_opts_init(struct pron_opts *o, const struct profile *p,
    const struct locale *loc)
{
	memset(o, 0, sizeof(*o));
	o->loc = loc;
	o->limit = &p->pron_bytes;
	o->tier = TIER_DEFAULT;
}

/*
 * Check and normalize a pronunciation file in memory; the normalized
 * file (with its BOM) is appended to out.  t, if not NULL, holds the
 * ICU objects of o's locale to reuse; else they are opened here.
 * lines, if not NULL, maps line k (from 1) to the line to report.
 * Returns 0, or -1 if ICU could not be opened.
 */
int
pron_check(const struct pron_opts *o, struct text *t, const char *buf,
    size_t len, const char *name, const unsigned long *lines,
    struct buf *out, struct pron_stats *st, struct diag *d)
{
	struct ctx c;
	struct buf conv = BUF_INIT;
	const char *p = buf, *end, *nl;
	size_t n, start = out->len;
	unsigned long line, crlf = 0;
	uint64_t in0 = st->lines_in, out0 = st->lines_out;

	memset(&c, 0, sizeof(c));
	c.o = o;
	c.st = st;
	c.d = d;
	c.out = out;
	c.lines = lines;
	c.loc.file = name;
	c.en = strncmp(o->loc->tag, "en", 2) == 0;
	if ((c.t = t) == NULL && (c.t = text_open(o->loc->tag, d)) == NULL)
		return -1;
	if (!(o->loc->kinds & KIND_PRONUNCIATION))
		add(&c, 0, "PRON-LOCALE", SEV_NONE, "%s has no pronunciation "
		    "datasets; the upload is refused", o->loc->tag);
	if (o->check)
		check_size(&c, len, "the file");
	buf_add(out, "\xef\xbb\xbf", 3);
	if (check_head(&c, &p, &len, &conv) == -1)
		goto out;
	end = p + len;
	for (line = 1; p < end; line++, p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		n = (size_t)(nl - p);
		c.loc.line = lines != NULL ? lines[line - 1] : line;
		st->lines_in++;
		if (n > 0 && p[n - 1] == '\r') {
			n--;
			if (crlf++ == 0 && o->check)
				add(&c, 0, "PRON-FORMAT", SEV_NOTE, "lines end "
				    "in CRLF; the output ends them in LF");
		}
		check_line(&c, p, n);
		if (nl == end)
			break;
	}
	st->count[PC_EOL] += crlf;
	if (st->lines_out == out0) {
		c.loc.line = 0;
		add(&c, 0, "PRON-NODATA", SEV_NONE, "%s; the dataset would "
		    "have no data", st->lines_in == in0 ? "the file is empty" :
		    "no entry is left");
	}
	if (!o->check)
		check_size(&c, out->len - start, "the output");
out:
	strset_release(&c.seen);
	free(c.spoken);
	buf_release(&c.spokens);
	buf_release(&conv);
	buf_release(&c.a);
	buf_release(&c.b);
	if (t == NULL)
		text_close(c.t);
	return 0;
}

/* A PLS parse error "name:LINE: message" as a PRON-PLS finding. */
static void
pls_error(const struct finding *f, const char *name, struct diag *d)
{
	struct loc l = { name, NULL, 0, 0 };
	size_t n = strlen(name);
	const char *m = f->msg;
	char *end;

	if (strncmp(m, name, n) == 0 && m[n] == ':') {
		m += n + 1;
		l.line = strtoul(m, &end, 10);
		if (end != m && *end == ':') {
			m = end + 1;
			while (*m == ' ')
				m++;
		} else {
			l.line = 0;
			while (*m == ' ')
				m++;
		}
	}
	diag_add(d, &l, "PRON-PLS", "malformed XML: %s", m);
}

static void
pls_text(const struct xml_node *n, struct buf *b)
{
	char *s = xml_text(n);
	size_t i;

	/* XML may wrap text: newlines and TABs become spaces. */
	for (i = 0; s != NULL && s[i] != '\0'; i++)
		buf_addc(b, s[i] == '\n' || s[i] == '\t' || s[i] == '\r' ?
		    ' ' : s[i]);
	free(s);
}

static void
trim(struct buf *b)
{
	size_t i = 0, j = b->len;

	/* An empty buffer may have no storage yet. */
	if (b->s == NULL)
		return;
	while (i < j && b->s[i] == ' ')
		i++;
	while (j > i && b->s[j - 1] == ' ')
		j--;
	memmove(b->s, b->s + i, j - i);
	b->len = j - i;
	b->s[b->len] = '\0';
}

/*
 * A W3C PLS lexicon as a pronunciation file: each grapheme of a lexeme
 * with its first alias.  A lexeme with phonemes only cannot be
 * converted (PRON-PLS warning).  *lines gets, for each output line,
 * the XML line of its lexeme.  Returns 0, or -1 after a finding if the
 * XML is malformed.
 */
int
pron_from_pls(const char *buf, size_t len, const char *name, struct buf *out,
    unsigned long **lines, struct diag *d)
{
	struct diag xd = DIAG_INIT;
	struct xml_doc *doc;
	const struct xml_node *root, *lx, *g, *al;
	struct buf alias = BUF_INIT, gr = BUF_INIT;
	struct loc l = { name, NULL, 0, 0 };
	size_t i, nl = 0, cap = 0;
	int rc = -1;

	*lines = NULL;
	if ((doc = xml_read_mem(buf, len, name, NULL, &xd)) == NULL) {
		for (i = 0; i < xd.n; i++)
			pls_error(&xd.v[i], name, d);
		if (xd.n == 0)
			diag_add(d, &l, "PRON-PLS", "malformed XML");
		goto out;
	}
	/* Expanding them is the billion laughs: refuse, do not expand. */
	if (xml_has_entities(doc)) {
		diag_add(d, &l, "PRON-PLS", "the lexicon declares entities in "
		    "a DTD; they are not expanded, so it is not converted");
		goto out;
	}
	root = xml_root(doc);
	if (strcmp(xml_name(root), PLS_NS_ROOT) != 0) {
		l.line = (unsigned long)xml_line(root);
		diag_add(d, &l, "PRON-PLS", "root element is <%s>, not "
		    "<lexicon>; this is not a PLS lexicon", xml_name(root));
		goto out;
	}
	for (lx = xml_first(root, "lexeme"); lx != NULL;
	    lx = xml_next(lx, "lexeme")) {
		l.line = (unsigned long)xml_line(lx);
		buf_reset(&alias);
		if ((al = xml_first(lx, "alias")) != NULL)
			pls_text(al, &alias);
		trim(&alias);
		if (alias.len == 0) {
			diag_addsev(d, &l, "PRON-PLS", SEV_WARNING, "lexeme "
			    "has %s; it cannot be converted to a spoken form",
			    xml_first(lx, "phoneme") != NULL ? "phonemes "
			    "only" : "no alias");
			continue;
		}
		for (g = xml_first(lx, "grapheme"); g != NULL;
		    g = xml_next(g, "grapheme")) {
			buf_reset(&gr);
			pls_text(g, &gr);
			trim(&gr);
			buf_add(out, gr.s, gr.len);
			buf_addc(out, '\t');
			buf_add(out, alias.s, alias.len);
			buf_addc(out, '\n');
			if (nl == cap) {
				cap = cap ? cap * 2 : 64;
				*lines = xreallocarray(*lines, cap,
				    sizeof(**lines));
			}
			(*lines)[nl++] = l.line;
		}
	}
	rc = 0;
out:
	xml_free(doc);
	diag_release(&xd);
	buf_release(&alias);
	buf_release(&gr);
	return rc;
}

/*
 * Findings: all with --check; else the fixes, notes of RULE_REPORT_ONLY
 * rules, only go to the report: the lines dropped under the same rules
 * are errors and are shown.
 */
static void
pass_findings(const struct pron_opts *o, struct diag_out *out,
    struct diag *d)
{
	enum severity ro = out->report_only;

	if (!o->check)
		out->report_only = SEV_NOTE;
	diag_flush(out, d);
	out->report_only = ro;
}

/*
 * Read path ("-" is stdin), or convert the PLS lexicon at pls, then
 * check it and, unless o->check, write the normalized file to output
 * ("-" is stdout) atomically.  Returns 0, or -1 after a system error.
 */
int
pron_run(const struct pron_opts *o, const char *path, const char *pls,
    const char *output, struct diag_out *out, struct pron_stats *st)
{
	struct diag d = DIAG_INIT;
	struct buf in = BUF_INIT, conv = BUF_INIT, res = BUF_INIT;
	struct outfile of = OUTFILE_INIT;
	unsigned long *lines = NULL;
	const char *name;
	FILE *fp;
	int rc = -1;

	if (pls != NULL)
		path = pls;
	name = strcmp(path, "-") == 0 ? "<stdin>" : path;
	if (io_read_file(path, &in, PRON_READ_MAX, &d) != 0)
		goto out;
	if (pls != NULL) {
		/* The file made from the lexicon is UTF-8: give it its BOM. */
		buf_add(&conv, "\xef\xbb\xbf", 3);
		if (pron_from_pls(in.s != NULL ? in.s : "", in.len, name,
		    &conv, &lines, &d) == -1) {
			rc = 0;
			goto out;
		}
		buf_release(&in);
		in = conv;
		conv = (struct buf)BUF_INIT;
	}
	if (pron_check(o, NULL, in.s != NULL ? in.s : "", in.len, name, lines,
	    &res, st, &d) == -1)
		goto out;
	rc = 0;
	if (o->check)
		goto out;
	if ((fp = io_create(&of, output, &d)) == NULL ||
	    fwrite(res.s, 1, res.len, fp) != res.len ||
	    io_commit(&of, &d) == -1) {
		io_abort(&of);
		rc = -1;
	}
out:
	pass_findings(o, out, &d);
	diag_release(&d);
	buf_release(&in);
	buf_release(&conv);
	buf_release(&res);
	free(lines);
	return rc;
}

void
pron_summary(const struct pron_stats *st, struct buf *b)
{
	size_t i;
	int any = 0;

	buf_count(b, st->lines_in, "line", "lines");
	buf_printf(b, " in, %llu out", (unsigned long long)st->lines_out);
	for (i = 0; i < PC_N; i++) {
		if (i == PC_FIRST_DROP)
			any = 0;
		if (st->count[i] == 0)
			continue;
		buf_addstr(b, any ? ", " : i < PC_FIRST_DROP ? "; changed: " :
		    "; dropped: ");
		buf_count(b, st->count[i], count_names[i][0],
		    count_names[i][1]);
		any = 1;
	}
}
