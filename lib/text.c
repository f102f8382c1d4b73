/*
 * The ICU adapter.  ICU objects are opened once per struct text and
 * reused for every line (research/icu-notes.md section 8): opening a
 * break iterator or a number format costs milliseconds, using one costs
 * microseconds.  Transliterators are far too slow for the hot path
 * (4 MB/s), so their rules are run once per BMP code point at open and
 * kept as lookup tables that map a code point to its UTF-8 replacement.
 */
#include <ctype.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/ucasemap.h>
#include <unicode/unorm2.h>
#include <unicode/unum.h>
#include <unicode/uregex.h>
#include <unicode/uset.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>

#include "buf.h"
#include "diag.h"
#include "text.h"
#include "xalloc.h"

/*
 * A code point to UTF-8 table for the BMP: ent[c] is 0 for "unchanged",
 * else the replacement's offset in pool shifted left by 8, or-ed with its
 * length (replacements are short).
 */
struct cmap {
	uint32_t	*ent;
	struct buf	 pool;
};

/* A token for repetition checks: its bytes and its case-folded key. */
struct tok {
	size_t	off;
	size_t	len;
	size_t	koff;
	size_t	klen;
};

struct text {
	char			 tag[32];	/* "de-DE" */
	char			 icu[32];	/* "de_DE" */
	char			 lang[8];	/* "de" */
	int			 cjk;		/* zh, ja, ko: no ASCII fold */
	char			 dec;		/* decimal separator */
	UChar			*u;		/* UTF-16 work buffers */
	int32_t			 ucap;
	UChar			*v;
	int32_t			 vcap;
	size_t			*map;		/* UTF-16 index -> offset */
	size_t			 mapcap;
	const UNormalizer2	*nfc;
	const UNormalizer2	*nfkc;
	UNormalizer2		*nfkc_cjk;	/* NFKC except punctuation */
	USet			*cjkset;
	USet			*bad;		/* Cc Co Cn Cs except TAB */
	USet			*drop;		/* bad, plus ignorables */
	USet			*wideset;	/* width, compat, no-break */
	USet			*widecjk;	/* the same minus P and Zs */
	UNormalizer2		*nfkc_wide;	/* built on first use */
	UNormalizer2		*nfkc_widecjk;
	int			 wide_state;	/* 0 no, 1 built, -1 failed */
	struct cmap		 space;
	struct cmap		 quote;
	struct cmap		 ascii;		/* built on first use */
	int			 ascii_state;	/* 0 no, 1 built, -1 failed */
	UBreakIterator		*sent;
	UBreakIterator		*word;
	URegularExpression	*uri;
	UNumberFormat		*num;
	UNumberFormat		*year;		/* NULL: no year ruleset */
	UNumberFormat		*card;		/* before a unit: de "ein" */
	UNumberFormat		*dfmt;		/* the locale's numbers */
	struct text_spans	 left;		/* spell-out left these */
	UCaseMap		*cm;
	struct tok		*tok;
	size_t			 ntok;
	size_t			 tokcap;
	struct buf		 key;
	struct text_spans	 tmp;
};

static const char space_rules[] =
    "[\\u00A0\\u1680\\u2000-\\u200A\\u202F\\u205F\\u3000] > ' ';"
    "[\\u00AD\\u200B\\u2060\\uFEFF] > ;";

/* Azure's substitutions: “ ” to ", ’ to ', em dash to --. */
static const char quote_rules[] =
    "[\\u201C\\u201D\\u201E\\u201F\\u2033\\u00AB\\u00BB\\u301D\\u301E"
    "\\uFF02] > '\"';"
    "[\\u2018\\u2019\\u201A\\u201B\\u2032\\u02BC\\u2039\\u203A\\uFF07]"
    " > \\';"
    "[\\u2014\\u2015] > '--';"
    "[\\u2010-\\u2013\\u2212\\uFE63\\uFF0D] > '-';"
    "\\u2026 > '...';";

/*
 * Latin-ASCII after our own rules, which it gets wrong (em dash, soft
 * hyphen, low quotes); inverted marks are deleted rather than turned
 * into sentence ends.
 */
static const char ascii_rules_tail[] =
    "[\\u00BF\\u00A1] > ;"
    ":: Latin-ASCII ;";

/*
 * A URI: scheme://, a scheme without slashes, www., an e-mail address
 * or a bare domain with a lowercase TLD from a short list.  It only runs
 * on whitespace-delimited tokens that contain a trigger (icu-notes 6).
 */
static const char uri_pattern[] =
    "\\b(?:[a-z][a-z0-9+.\\-]*://\\S+"
    "|(?:mailto|tel|urn|news|sms|file|data):\\S+"
    "|www\\d{0,3}\\.\\S+"
    "|[\\w.+\\-]+@[\\w\\-]+(?:\\.[\\w\\-]+)+"
    "|[a-z][a-z0-9\\-]*(?:\\.[a-z0-9\\-]+)*\\.(?-i:com|net|org|edu|gov|"
    "mil|int|info|biz|io|co|uk|us|ca|au|de|fr|it|es|nl|be|ch|at|eu|jp|"
    "cn|ru|in|br|app|dev)\\b(?::\\d+)?(?:/\\S*)?)";

/* Abbreviations that end no sentence, per language (icu-notes 4). */
static const char *const abbrev_en[] = {
	"Dr.", "Mr.", "Mrs.", "Ms.", "St.", "Prof.", "Jr.", "Sr.", "vs.",
	"Mt.", "No.", "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.",
	"Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.", "approx.", "e.g.",
	"i.e.", "Inc.", "Ltd.", "Co.", "Gen.", "Gov.", "Sen.", "Rep.", NULL
};
static const char *const abbrev_de[] = {
	"z.", "B.", "d.", "h.", "u.", "a.", "ca.", "bzw.", "Dr.", "Nr.",
	"usw.", "vgl.", "Str.", "Hr.", "Fr.", "evtl.", "ggf.", "inkl.",
	"etc.", "Prof.", "S.", "Jan.", "Feb.", "Okt.", "Dez.", NULL
};
static const char *const abbrev_fr[] = {
	"M.", "MM.", "Mme.", "Mlle.", "Dr.", "p.", "av.", "bd.", "cf.",
	"env.", "etc.", "Prof.", "St.", NULL
};
static const char *const abbrev_other[] = {
	"Dr.", "Prof.", "St.", NULL
};
static const char *const months_de[] = {
	"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli",
	"August", "September", "Oktober", "November", "Dezember", NULL
};

/* Room for n UTF-16 units in *p; -1 if n cannot be an int32_t. */
static int
ugrow(UChar **p, int32_t *cap, size_t n)
{
	size_t c;

	if (n > INT32_MAX / 2)
		return -1;
	if ((size_t)*cap >= n && *p != NULL)
		return 0;
	c = *cap ? (size_t)*cap : 256;
	while (c < n)
		c *= 2;
	*p = xreallocarray(*p, c, sizeof(**p));
	*cap = (int32_t)c;
	return 0;
}

/*
 * Decode one code point at *i and advance.  Invalid bytes (overlong
 * forms, surrogates, beyond U+10FFFF, truncated sequences) give -1 and
 * advance by one byte.
 */
int32_t
text_cp(const char *s, size_t len, size_t *i)
{
	const unsigned char *p = (const unsigned char *)s + *i;
	size_t left = len - *i, n, k;
	int32_t c, min;

	if (p[0] < 0x80) {
		(*i)++;
		return p[0];
	}
	if (p[0] >= 0xC2 && p[0] <= 0xDF) {
		n = 2;
		c = p[0] & 0x1F;
		min = 0x80;
	} else if (p[0] >= 0xE0 && p[0] <= 0xEF) {
		n = 3;
		c = p[0] & 0x0F;
		min = 0x800;
	} else if (p[0] >= 0xF0 && p[0] <= 0xF4) {
		n = 4;
		c = p[0] & 0x07;
		min = 0x10000;
	} else {
		(*i)++;
		return -1;
	}
	if (left < n) {
		(*i)++;
		return -1;
	}
	for (k = 1; k < n; k++) {
		if ((p[k] & 0xC0) != 0x80) {
			(*i)++;
			return -1;
		}
		c = (c << 6) | (p[k] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
		(*i)++;
		return -1;
	}
	*i += n;
	return c;
}

/* The offset of the first invalid UTF-8 byte, or len if there is none. */
size_t
text_utf8_check(const char *s, size_t len)
{
	size_t i = 0, at;

	while (i < len) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		at = i;
		if (text_cp(s, len, &i) < 0)
			return at;
	}
	return len;
}

/* Code points in s (an invalid byte counts as one). */
size_t
text_ncp(const char *s, size_t len)
{
	size_t i, n = 0;

	for (i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			n++;
	return n;
}

/* The offset of the first code point above max, or len. */
size_t
text_find_above(const char *s, size_t len, uint32_t max)
{
	size_t i = 0, at;
	int32_t c;

	while (i < len) {
		at = i;
		if ((unsigned char)s[i] < 0x80) {
			i++;
			if ((unsigned char)s[at] > max)
				return at;
			continue;
		}
		c = text_cp(s, len, &i);
		if (c < 0 || (uint32_t)c > max)
			return at;
	}
	return len;
}

static void
put_cp(struct buf *b, int32_t c)
{
	char t[4];

	if (c < 0x80) {
		buf_addc(b, c);
		return;
	}
	if (c < 0x800) {
		t[0] = (char)(0xC0 | (c >> 6));
		t[1] = (char)(0x80 | (c & 0x3F));
		buf_add(b, t, 2);
	} else if (c < 0x10000) {
		t[0] = (char)(0xE0 | (c >> 12));
		t[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		t[2] = (char)(0x80 | (c & 0x3F));
		buf_add(b, t, 3);
	} else {
		t[0] = (char)(0xF0 | (c >> 18));
		t[1] = (char)(0x80 | ((c >> 12) & 0x3F));
		t[2] = (char)(0x80 | ((c >> 6) & 0x3F));
		t[3] = (char)(0x80 | (c & 0x3F));
		buf_add(b, t, 4);
	}
}

/*
 * UTF-8 to UTF-16 in t->u, with t->map[k] the byte offset of unit k
 * (map[n] = len), so spans found in UTF-16 map back to the input.
 * Invalid bytes become U+FFFD.  Returns the length, or -1 if too long.
 */
static int32_t
to_u16(struct text *t, const char *s, size_t len)
{
	size_t i = 0, at;
	int32_t n = 0, c;

	if (ugrow(&t->u, &t->ucap, len + 1) == -1)
		return -1;
	if (t->mapcap < len + 1) {
		t->mapcap = len + 1;
		t->map = xreallocarray(t->map, t->mapcap, sizeof(*t->map));
	}
	while (i < len) {
		at = i;
		if ((unsigned char)s[i] < 0x80)
			c = (unsigned char)s[i++];
		else if ((c = text_cp(s, len, &i)) < 0)
			c = 0xFFFD;
		if (c >= 0x10000) {
			t->map[n] = at;
			t->u[n++] = (UChar)U16_LEAD(c);
			t->map[n] = at;
			t->u[n++] = (UChar)U16_TRAIL(c);
		} else {
			t->map[n] = at;
			t->u[n++] = (UChar)c;
		}
	}
	t->map[n] = len;
	return n;
}

/* Append UTF-16 as UTF-8. */
static int
from_u16(const UChar *u, int32_t n, struct buf *out)
{
	UErrorCode st = U_ZERO_ERROR;
	int32_t got = 0;

	buf_grow(out, (size_t)n * 3 + 1);
	u_strToUTF8(out->s + out->len, (int32_t)(out->cap - out->len), &got,
	    u, n, &st);
	if (U_FAILURE(st))
		return -1;
	out->len += (size_t)got;
	out->s[out->len] = '\0';
	return 0;
}

static int
is_ascii(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if ((unsigned char)s[i] >= 0x80)
			return 0;
	return 1;
}

/* Whether out, from offset start, differs from s. */
static int
changed(const struct buf *out, size_t start, const char *s, size_t len)
{
	return out->len - start != len ||
	    (len > 0 && memcmp(out->s + start, s, len) != 0);
}

static UTransliterator *
trans_open(const char *rs)
{
	UChar *r;
	UParseError pe;
	UErrorCode st = U_ZERO_ERROR;
	UTransliterator *tr;
	size_t n = strlen(rs);

	r = xreallocarray(NULL, n + 1, sizeof(*r));
	u_charsToUChars(rs, r, (int32_t)n + 1);
	tr = utrans_openU(u"x-voxprep", -1, UTRANS_FORWARD, r, (int32_t)n,
	    &pe, &st);
	free(r);
	return U_FAILURE(st) ? NULL : tr;
}

/* Run the transliterator on every BMP code point above ASCII once. */
static int
cmap_build(struct cmap *m, const char *rs)
{
	UTransliterator *tr;
	UErrorCode st;
	UChar b[32];
	int32_t c, len, limit;
	size_t start;

	if ((tr = trans_open(rs)) == NULL)
		return -1;
	m->ent = xcalloc(0x10000, sizeof(*m->ent));
	buf_addc(&m->pool, 0);	/* offset 0 means "unchanged" */
	for (c = 0x80; c < 0x10000; c++) {
		if (c >= 0xD800 && c <= 0xDFFF)
			continue;
		b[0] = (UChar)c;
		len = limit = 1;
		st = U_ZERO_ERROR;
		utrans_transUChars(tr, b, &len, 32, 0, &limit, &st);
		if (U_FAILURE(st) || (len == 1 && b[0] == c))
			continue;
		start = m->pool.len;
		if (from_u16(b, len, &m->pool) == -1 ||
		    m->pool.len - start > 255) {
			m->pool.len = start;
			continue;
		}
		m->ent[c] = (uint32_t)(start << 8 | (m->pool.len - start));
	}
	utrans_close(tr);
	return 0;
}

static void
cmap_release(struct cmap *m)
{
	free(m->ent);
	m->ent = NULL;
	buf_release(&m->pool);
}

static const char *
cmap_get(const struct cmap *m, int32_t c, size_t *n)
{
	uint32_t e;

	if (m->ent == NULL || c < 0x80 || c > 0xFFFF || (e = m->ent[c]) == 0)
		return NULL;
	*n = e & 0xFF;
	return m->pool.s + (e >> 8);
}

static USet *
set_open(const char *pat)
{
	UChar p[128];
	UErrorCode st = U_ZERO_ERROR;
	USet *s;

	u_charsToUChars(pat, p, (int32_t)strlen(pat) + 1);
	s = uset_openPattern(p, -1, &st);
	if (U_FAILURE(st))
		return NULL;
	uset_freeze(s);
	return s;
}

static int
lang_is(const struct text *t, const char *l)
{
	return strcmp(t->lang, l) == 0;
}

static int
open_numbers(struct text *t)
{
	UErrorCode st = U_ZERO_ERROR;

	t->num = unum_open(UNUM_SPELLOUT, NULL, 0, t->icu, NULL, &st);
	if (U_FAILURE(st))
		return -1;
	/* zh: the default ruleset writes zero as 〇; cardinal writes 零. */
	if (lang_is(t, "zh")) {
		unum_setTextAttribute(t->num, UNUM_DEFAULT_RULESET,
		    u"%spellout-cardinal", -1, &st);
		if (U_FAILURE(st))
			return -1;
	}
	t->year = unum_clone(t->num, &st);
	if (U_FAILURE(st))
		return -1;
	unum_setTextAttribute(t->year, UNUM_DEFAULT_RULESET,
	    u"%spellout-numbering-year", -1, &st);
	if (U_FAILURE(st)) {
		unum_close(t->year);
		t->year = NULL;
	}
	/* de: "ein Euro", "ein Uhr", not "eins". */
	st = U_ZERO_ERROR;
	if (lang_is(t, "de")) {
		t->card = unum_clone(t->num, &st);
		if (U_SUCCESS(st))
			unum_setTextAttribute(t->card, UNUM_DEFAULT_RULESET,
			    u"%spellout-cardinal-masculine", -1, &st);
		if (U_FAILURE(st)) {
			unum_close(t->card);
			t->card = NULL;
		}
	}
	/* The locale's own number format reads "1.250,50" in de-DE. */
	st = U_ZERO_ERROR;
	t->dfmt = unum_open(UNUM_DECIMAL, NULL, 0, t->icu, NULL, &st);
	if (U_FAILURE(st))
		return -1;
	unum_setAttribute(t->dfmt, UNUM_GROUPING_USED, 0);
	return 0;
}

/*
 * Open the ICU objects for a BCP 47 tag ("de-DE").  Returns NULL after a
 * system finding if ICU fails (missing data, bad build).
 */
struct text *
text_open(const char *tag, struct diag *d)
{
	struct text *t;
	UErrorCode st = U_ZERO_ERROR;
	UParseError pe;
	UChar pat[sizeof(uri_pattern)];
	size_t i;
	const char *what = "normalizer";

	t = xcalloc(1, sizeof(*t));
	snprintf(t->tag, sizeof(t->tag), "%s", tag);
	snprintf(t->icu, sizeof(t->icu), "%s", tag);
	for (i = 0; t->icu[i] != '\0'; i++)
		if (t->icu[i] == '-')
			t->icu[i] = '_';
	for (i = 0; i < sizeof(t->lang) - 1 && isalpha((unsigned char)tag[i]);
	    i++)
		t->lang[i] = (char)tolower((unsigned char)tag[i]);
	t->cjk = lang_is(t, "zh") || lang_is(t, "ja") || lang_is(t, "ko");
	t->dec = lang_is(t, "en") || t->cjk || lang_is(t, "th") ||
	    lang_is(t, "hi") || lang_is(t, "he") ? '.' : ',';
	t->nfc = unorm2_getNFCInstance(&st);
	t->nfkc = unorm2_getNFKCInstance(&st);
	if (U_FAILURE(st))
		goto fail;
	what = "character sets";
	t->cjkset = set_open("[^[:P:][:Zs:]]");
	t->bad = set_open("[[:Cc:][:Co:][:Cn:][:Cs:]-[\\t]]");
	t->drop = set_open("[[:Cc:][:Co:][:Cn:][:Cs:][:DI:]-[\\u200C\\u200D]]");
	if (t->cjkset == NULL || t->bad == NULL || t->drop == NULL)
		goto fail;
	t->nfkc_cjk = unorm2_openFiltered(t->nfkc, t->cjkset, &st);
	if (U_FAILURE(st))
		goto fail;
	what = "punctuation tables";
	if (cmap_build(&t->space, space_rules) == -1 ||
	    cmap_build(&t->quote, quote_rules) == -1)
		goto fail;
	what = "break iterators";
	t->sent = ubrk_open(UBRK_SENTENCE, t->icu, NULL, 0, &st);
	t->word = ubrk_open(UBRK_WORD, t->icu, NULL, 0, &st);
	if (U_FAILURE(st))
		goto fail;
	what = "URI pattern";
	u_charsToUChars(uri_pattern, pat, (int32_t)sizeof(uri_pattern));
	t->uri = uregex_open(pat, -1, UREGEX_CASE_INSENSITIVE, &pe, &st);
	if (U_FAILURE(st))
		goto fail;
	what = "number formats";
	if (open_numbers(t) == -1)
		goto fail;
	what = "case map";
	t->cm = ucasemap_open(t->icu, 0, &st);
	if (U_FAILURE(st))
		goto fail;
	return t;
fail:
	diag_syserr(d, "cannot open ICU %s for '%s': %s", what, tag,
	    U_FAILURE(st) ? u_errorName(st) : "failed");
	text_close(t);
	return NULL;
}

void
text_close(struct text *t)
{
	if (t == NULL)
		return;
	free(t->u);
	free(t->v);
	free(t->map);
	unorm2_close(t->nfkc_cjk);
	unorm2_close(t->nfkc_wide);
	unorm2_close(t->nfkc_widecjk);
	uset_close(t->wideset);
	uset_close(t->widecjk);
	uset_close(t->cjkset);
	uset_close(t->bad);
	uset_close(t->drop);
	cmap_release(&t->space);
	cmap_release(&t->quote);
	cmap_release(&t->ascii);
	ubrk_close(t->sent);
	ubrk_close(t->word);
	uregex_close(t->uri);
	unum_close(t->num);
	unum_close(t->year);
	unum_close(t->card);
	unum_close(t->dfmt);
	text_spans_release(&t->left);
	ucasemap_close(t->cm);
	free(t->tok);
	buf_release(&t->key);
	text_spans_release(&t->tmp);
	free(t);
}

const char *
text_locale(const struct text *t)
{
	return t->tag;
}

int
text_is_cjk(const struct text *t)
{
	return t->cjk;
}

void
text_spans_add(struct text_spans *v, size_t off, size_t len)
{
	if (v->n == v->cap) {
		v->cap = v->cap ? v->cap * 2 : 16;
		v->v = xreallocarray(v->v, v->cap, sizeof(*v->v));
	}
	v->v[v->n].off = off;
	v->v[v->n].len = len;
	v->n++;
}

void
text_spans_release(struct text_spans *v)
{
	free(v->v);
	v->v = NULL;
	v->n = v->cap = 0;
}

/* The Unicode name of c ("RIGHT SINGLE QUOTATION MARK"). */
void
text_char_name(int32_t c, char *name, size_t size)
{
	UErrorCode st = U_ZERO_ERROR;
	int32_t n;

	n = u_charName(c, U_UNICODE_CHAR_NAME, name, (int32_t)size, &st);
	if (U_FAILURE(st) || n == 0 || (size_t)n >= size) {
		st = U_ZERO_ERROR;
		n = u_charName(c, U_EXTENDED_CHAR_NAME, name, (int32_t)size,
		    &st);
		if (U_FAILURE(st) || (size_t)n >= size)
			snprintf(name, size, "unnamed");
	}
}

static int
ascii_table(struct text *t)
{
	char *rs;

	if (t->ascii_state == 0) {
		rs = xasprintf("%s%s%s", quote_rules, space_rules,
		    ascii_rules_tail);
		t->ascii_state = cmap_build(&t->ascii, rs) == 0 ? 1 : -1;
		free(rs);
	}
	return t->ascii_state == 1 ? 0 : -1;
}

/*
 * The ASCII text that replaces c in en-US transcripts ("" means delete
 * it), or NULL if there is none.  Borrowed from t.
 */
const char *
text_ascii_sub(struct text *t, int32_t c, size_t *n)
{
	const char *r;

	if (ascii_table(t) == -1 || (r = cmap_get(&t->ascii, c, n)) == NULL)
		return NULL;
	return is_ascii(r, *n) ? r : NULL;
}

/* Whether any letter or digit is left once punctuation is removed. */
int
text_has_word(const char *s, size_t len)
{
	size_t i = 0;
	int32_t c;

	while (i < len) {
		if ((c = text_cp(s, len, &i)) >= 0 && (c < 0x80 ? isalnum(c) :
		    u_isalnum(c)))
			return 1;
	}
	return 0;
}

static int
is_cjk_cp(int32_t c)
{
	return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) ||
	    (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3FFFF);
}

/*
 * The writing system of s: CJK if most letters are Han, kana or Hangul.
 * Counts letters and digits in *chars and blank-separated words that
 * hold one in *words.
 */
enum text_script
text_script(const char *s, size_t len, size_t *chars, size_t *words)
{
	size_t i = 0, cjk = 0, nc = 0, nw = 0;
	int32_t c;
	int counted = 0;

	while (i < len) {
		c = text_cp(s, len, &i);
		if (c == ' ' || c == '\t') {
			counted = 0;
			continue;
		}
		if (c < 0 || !u_isalnum(c))
			continue;
		nc++;
		cjk += is_cjk_cp(c);
		if (!counted) {
			nw++;
			counted = 1;
		}
	}
	*chars = nc;
	*words = nw;
	return cjk * 2 > nc ? TEXT_CJK : TEXT_LATIN;
}

/* The offset of the first control, private-use or unassigned code point. */
size_t
text_find_bad(struct text *t, const char *s, size_t len)
{
	if (len > INT32_MAX)
		return 0;
	return (size_t)uset_spanUTF8(t->bad, s, (int32_t)len,
	    USET_SPAN_NOT_CONTAINED);
}

/*
 * Delete controls, private-use and unassigned code points and default
 * ignorables (soft hyphen, ZWSP, BOM) but ZWJ and ZWNJ; a TAB becomes a
 * space.
 */
int
text_clean(struct text *t, const char *s, size_t len, struct buf *out)
{
	size_t i = 0, k, start = out->len;
	int32_t c;

	if (len > INT32_MAX)
		return -1;
	while (i < len) {
		k = (size_t)uset_spanUTF8(t->drop, s + i, (int32_t)(len - i),
		    USET_SPAN_NOT_CONTAINED);
		buf_add(out, s + i, k);
		i += k;
		if (i >= len)
			break;
		if ((c = text_cp(s, len, &i)) == '\t')
			buf_addc(out, ' ');
	}
	return changed(out, start, s, len);
}

/*
 * The offset of the first combining mark past TEXT_MARKS_MAX in a row
 * (canonical combining class not 0), or len: the stream-safe text
 * format of UAX #15.  Longer runs make canonical reordering quadratic.
 */
size_t
text_marks_run(const char *s, size_t len)
{
	size_t i = 0, at;
	unsigned int run = 0;
	int32_t c;

	while (i < len) {
		if ((unsigned char)s[i] < 0x80) {
			run = 0;
			i++;
			continue;
		}
		at = i;
		if ((c = text_cp(s, len, &i)) >= 0 &&
		    u_getCombiningClass(c) != 0) {
			if (++run > TEXT_MARKS_MAX)
				return at;
		} else
			run = 0;
	}
	return len;
}

/*
 * Normalize with n, through the quick-check prefix (icu-notes 1).  Text
 * that is not stream-safe fails (-1): reordering it would be quadratic.
 */
static int
normalize(struct text *t, const UNormalizer2 *n, const char *s, size_t len,
    struct buf *out)
{
	UErrorCode st = U_ZERO_ERROR;
	int32_t un, span, r;
	size_t start = out->len;

	if (is_ascii(s, len)) {
		buf_add(out, s, len);
		return 0;
	}
	if ((un = to_u16(t, s, len)) < 0)
		return -1;
	span = unorm2_spanQuickCheckYes(n, t->u, un, &st);
	if (U_FAILURE(st))
		return -1;
	if (span == un) {
		buf_add(out, s, len);
		return 0;
	}
	if (text_marks_run(s, len) < len)
		return -1;
	for (;;) {
		if (ugrow(&t->v, &t->vcap, (size_t)un * 2 + 16) == -1)
			return -1;
		u_memcpy(t->v, t->u, span);
		st = U_ZERO_ERROR;
		r = unorm2_normalizeSecondAndAppend(n, t->v, span, t->vcap,
		    t->u + span, un - span, &st);
		if (st != U_BUFFER_OVERFLOW_ERROR)
			break;
		if (ugrow(&t->v, &t->vcap, (size_t)r + 16) == -1)
			return -1;
	}
	if (U_FAILURE(st) || from_u16(t->v, r, out) == -1)
		return -1;
	return changed(out, start, s, len);
}

int
text_nfc(struct text *t, const char *s, size_t len, struct buf *out)
{
	return normalize(t, t->nfc, s, len, out);
}

/*
 * Compatibility folding: NFKC for alphabetic locales (full-width forms,
 * ligatures, exotic spaces); for zh, ja and ko only outside punctuation
 * and spaces, which those locales want full width.
 */
int
text_fold_compat(struct text *t, const char *s, size_t len, struct buf *out)
{
	return normalize(t, t->cjk ? t->nfkc_cjk : t->nfkc, s, len, out);
}

/*
 * The filtered NFKC of text_fold_width(): full-width and half-width
 * forms, plain compatibility mappings (ligatures, exotic spaces, the
 * ellipsis) and no-break spaces, but not super- and subscripts,
 * fractions or circled forms, whose NFKC changes what is read (m² is
 * not m2; ½ becomes 1⁄2 with a U+2044 that is no more ASCII).
 */
static int
wide_open(struct text *t)
{
	UErrorCode st = U_ZERO_ERROR;

	if (t->wide_state != 0)
		return t->wide_state == 1 ? 0 : -1;
	t->wide_state = -1;
	t->wideset = set_open("[[:dt=wide:][:dt=narrow:][:dt=compat:]"
	    "[:dt=nobreak:]]");
	t->widecjk = set_open("[[[:dt=wide:][:dt=narrow:][:dt=compat:]"
	    "[:dt=nobreak:]]-[[:P:][:Zs:]]]");
	if (t->wideset == NULL || t->widecjk == NULL)
		return -1;
	t->nfkc_wide = unorm2_openFiltered(t->nfkc, t->wideset, &st);
	t->nfkc_widecjk = unorm2_openFiltered(t->nfkc, t->widecjk, &st);
	if (U_FAILURE(st))
		return -1;
	t->wide_state = 1;
	return 0;
}

/*
 * Width and compatibility folding for related text: full-width letters
 * and digits, half-width kana, ligatures and exotic spaces; with
 * keep_punct (zh, ja and ko text) punctuation and spaces stay as they
 * are, since those scripts want them full width.
 */
int
text_fold_width(struct text *t, const char *s, size_t len, int keep_punct,
    struct buf *out)
{
	if (is_ascii(s, len)) {
		buf_add(out, s, len);
		return 0;
	}
	if (wide_open(t) == -1)
		return -1;
	return normalize(t, keep_punct ? t->nfkc_widecjk : t->nfkc_wide, s,
	    len, out);
}

/* What kind of character c is, for messages about spoken forms. */
enum text_class
text_char_class(int32_t c)
{
	if (c == ' ')
		return TEXT_C_SPACE;
	if (u_isdigit(c) || u_charType(c) == U_OTHER_NUMBER ||
	    u_charType(c) == U_LETTER_NUMBER)
		return TEXT_C_DIGIT;
	if (u_isupper(c) || u_istitle(c))
		return TEXT_C_UPPER;
	if (u_isalpha(c) || u_charType(c) == U_NON_SPACING_MARK ||
	    u_charType(c) == U_COMBINING_SPACING_MARK)
		return TEXT_C_LETTER;
	if (u_isUWhiteSpace(c))
		return TEXT_C_SPACE;
	if (u_ispunct(c))
		return TEXT_C_PUNCT;
	return TEXT_C_SYMBOL;
}

/* Whether s holds Han, kana or Hangul. */
int
text_has_cjk(const char *s, size_t len)
{
	size_t i = 0;
	int32_t c;

	while (i < len) {
		if ((unsigned char)s[i] < 0xE2) {
			i++;
			continue;
		}
		if ((c = text_cp(s, len, &i)) >= 0 && is_cjk_cp(c))
			return 1;
	}
	return 0;
}

static int
is_digit_at(const char *s, size_t len, size_t i)
{
	return i < len && isdigit((unsigned char)s[i]);
}

/* zh-CN full-width forms of ASCII ? ! , ; : (icu-notes 8, step 3). */
static int32_t
wide_punct(const char *s, size_t len, size_t i)
{
	static const char from[] = "?!,;:";
	static const int32_t to[] = { 0xFF1F, 0xFF01, 0xFF0C, 0xFF1B, 0xFF1A };
	const char *p;

	if (s[i] == '\0' || (p = strchr(from, s[i])) == NULL)
		return 0;
	/* 1,000 and 12:30 are numbers, not punctuation. */
	if (i > 0 && is_digit_at(s, len, i - 1) && is_digit_at(s, len, i + 1))
		return 0;
	return to[p - from];
}

int
text_punct_map(struct text *t, const char *s, size_t len, unsigned int how,
    struct buf *out)
{
	size_t i = 0, at, start = out->len, n;
	const char *r;
	int32_t c, w;

	buf_grow(out, len + 1);
	while (i < len) {
		if ((unsigned char)s[i] < 0x80 && !(how & TEXT_PM_WIDE)) {
			/* Copy an ASCII run at once. */
			for (at = i; i < len && (unsigned char)s[i] < 0x80; i++)
				;
			buf_add(out, s + at, i - at);
			continue;
		}
		if ((unsigned char)s[i] < 0x80) {
			if ((how & TEXT_PM_WIDE) &&
			    (w = wide_punct(s, len, i)) != 0)
				put_cp(out, w);
			else
				buf_addc(out, s[i]);
			i++;
			continue;
		}
		at = i;
		c = text_cp(s, len, &i);
		r = NULL;
		if (how & TEXT_PM_QUOTE)
			r = cmap_get(&t->quote, c, &n);
		if (r == NULL && (how & TEXT_PM_SPACE))
			r = cmap_get(&t->space, c, &n);
		if (r != NULL)
			buf_add(out, r, n);
		else
			buf_add(out, s + at, i - at);
	}
	return changed(out, start, s, len);
}

/* Latin-ASCII through the table; never for zh, ja or ko (icu-notes 2). */
int
text_ascii_fold(struct text *t, const char *s, size_t len, struct buf *out)
{
	size_t i = 0, at, start = out->len, n;
	const char *r;
	int32_t c;

	if (t->cjk || is_ascii(s, len)) {
		buf_add(out, s, len);
		return 0;
	}
	if (ascii_table(t) == -1)
		return -1;
	while (i < len) {
		if ((unsigned char)s[i] < 0x80) {
			buf_addc(out, s[i++]);
			continue;
		}
		at = i;
		c = text_cp(s, len, &i);
		if ((r = cmap_get(&t->ascii, c, &n)) != NULL)
			buf_add(out, r, n);
		else
			buf_add(out, s + at, i - at);
	}
	return changed(out, start, s, len);
}

/* Locale-aware lowercase (Turkish dotted and dotless i, Greek sigma). */
int
text_lower(struct text *t, const char *s, size_t len, struct buf *out)
{
	UErrorCode st;
	size_t start = out->len, room = len + 16;
	int32_t n;

	if (len > INT32_MAX / 2)
		return -1;
	for (;;) {
		buf_grow(out, room);
		st = U_ZERO_ERROR;
		n = ucasemap_utf8ToLower(t->cm, out->s + start, (int32_t)room,
		    s, (int32_t)len, &st);
		if (st != U_BUFFER_OVERFLOW_ERROR)
			break;
		room = (size_t)n + 16;
	}
	if (U_FAILURE(st))
		return -1;
	out->len = start + (size_t)n;
	out->s[out->len] = '\0';
	return changed(out, start, s, len);
}

/* Blanks squeezed to one space, none at either end. */
void
text_squeeze(const char *s, size_t len, struct buf *out)
{
	size_t i = 0, b;
	int any = 0;

	while (i < len) {
		while (i < len && (s[i] == ' ' || s[i] == '\t'))
			i++;
		if (i == len)
			break;
		b = i;
		while (i < len && s[i] != ' ' && s[i] != '\t')
			i++;
		if (any)
			buf_addc(out, ' ');
		buf_add(out, s + b, i - b);
		any = 1;
	}
}

static int
uri_trigger(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		if (s[i] == ':' || s[i] == '@')
			return 1;
		if (s[i] == '.' && i + 1 < len &&
		    isalpha((unsigned char)s[i + 1]))
			return 1;
	}
	return 0;
}

/* URIs, e-mail addresses and bare domains in s. */
size_t
text_find_uris(struct text *t, const char *s, size_t len,
    struct text_spans *sp)
{
	UErrorCode st = U_ZERO_ERROR;
	size_t i = 0, b, found = 0;
	int32_t n, ms, me;

	while (i < len) {
		while (i < len && (s[i] == ' ' || s[i] == '\t'))
			i++;
		b = i;
		while (i < len && s[i] != ' ' && s[i] != '\t')
			i++;
		if (i == b || !uri_trigger(s + b, i - b))
			continue;
		if ((n = to_u16(t, s + b, i - b)) < 0)
			continue;
		st = U_ZERO_ERROR;
		uregex_setText(t->uri, t->u, n, &st);
		while (U_SUCCESS(st) && uregex_findNext(t->uri, &st)) {
			ms = uregex_start(t->uri, 0, &st);
			me = uregex_end(t->uri, 0, &st);
			if (U_FAILURE(st))
				break;
			text_spans_add(sp, b + t->map[ms],
			    t->map[me] - t->map[ms]);
			found++;
		}
		uregex_reset(t->uri, 0, &st);
	}
	/* The regex keeps a pointer to t->u: detach it. */
	st = U_ZERO_ERROR;
	uregex_setText(t->uri, u"", 0, &st);
	return found;
}

static const char *const *
abbrevs(const struct text *t)
{
	if (lang_is(t, "en"))
		return abbrev_en;
	if (lang_is(t, "de"))
		return abbrev_de;
	if (lang_is(t, "fr"))
		return abbrev_fr;
	return abbrev_other;
}

/* Whether s[0..end) ends in a listed abbreviation that starts a word. */
static int
ends_abbrev(const struct text *t, const char *s, size_t end)
{
	const char *const *a;
	size_t n;

	while (end > 0 && (s[end - 1] == ' ' || s[end - 1] == '\t'))
		end--;
	for (a = abbrevs(t); *a != NULL; a++) {
		n = strlen(*a);
		if (n > end || memcmp(s + end - n, *a, n) != 0)
			continue;
		if (end == n || (!isalnum((unsigned char)s[end - n - 1]) &&
		    (unsigned char)s[end - n - 1] < 0x80))
			return 1;
	}
	/* German ordinals: "am 3. Oktober". */
	if (lang_is(t, "de") && end >= 2 && s[end - 1] == '.' &&
	    isdigit((unsigned char)s[end - 2]))
		return 2;
	return 0;
}

static int
starts_month_de(const char *s, size_t len)
{
	const char *const *m;
	size_t n;

	while (len > 0 && *s == ' ') {
		s++;
		len--;
	}
	for (m = months_de; *m != NULL; m++) {
		n = strlen(*m);
		if (n <= len && memcmp(s, *m, n) == 0)
			return 1;
	}
	return 0;
}

static int
in_spans(const struct text_spans *sp, size_t off)
{
	size_t i;

	for (i = 0; i < sp->n; i++)
		if (off > sp->v[i].off && off < sp->v[i].off + sp->v[i].len)
			return 1;
	return 0;
}

/*
 * Sentences of s, by the plain ICU iterator and our own abbreviation
 * list (icu-notes 4), never breaking inside a URI.  Spans exclude
 * trailing blanks.
 */
size_t
text_sentences(struct text *t, const char *s, size_t len,
    struct text_spans *sp)
{
	UErrorCode st = U_ZERO_ERROR;
	int32_t n, e;
	size_t b = 0, off, end, found = 0;
	int a;

	t->tmp.n = 0;
	text_find_uris(t, s, len, &t->tmp);
	if ((n = to_u16(t, s, len)) < 0)
		return 0;
	ubrk_setText(t->sent, t->u, n, &st);
	if (U_FAILURE(st))
		return 0;
	ubrk_first(t->sent);
	while ((e = ubrk_next(t->sent)) != UBRK_DONE) {
		off = t->map[e];
		if (off < len) {
			a = ends_abbrev(t, s, off);
			if ((a == 1 || (a == 2 &&
			    starts_month_de(s + off, len - off))) ||
			    in_spans(&t->tmp, off))
				continue;
		}
		end = off;
		while (end > b && (s[end - 1] == ' ' || s[end - 1] == '\t'))
			end--;
		if (end > b) {
			text_spans_add(sp, b, end - b);
			found++;
		}
		b = off;
	}
	ubrk_setText(t->sent, u"", 0, &st);
	return found;
}

/*
 * The URIs that the last text_sentences() found (it must not break
 * inside them), borrowed from t until its next call.
 */
const struct text_spans *
text_sentence_uris(const struct text *t)
{
	return &t->tmp;
}

/* Word tokens (letters, numbers, kana, ideographs) of s. */
size_t
text_words(struct text *t, const char *s, size_t len, struct text_spans *sp)
{
	UErrorCode st = U_ZERO_ERROR;
	int32_t n, b, e;
	size_t found = 0;

	if ((n = to_u16(t, s, len)) < 0)
		return 0;
	ubrk_setText(t->word, t->u, n, &st);
	if (U_FAILURE(st))
		return 0;
	for (b = ubrk_first(t->word); (e = ubrk_next(t->word)) != UBRK_DONE;
	    b = e) {
		if (ubrk_getRuleStatus(t->word) < UBRK_WORD_NONE_LIMIT)
			continue;
		text_spans_add(sp, t->map[b], t->map[e] - t->map[b]);
		found++;
	}
	ubrk_setText(t->word, u"", 0, &st);
	return found;
}

static int32_t
fold_cp(int32_t c)
{
	if (c < 0x80)
		return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
	if (c == 0x2019 || c == 0x2018)
		return '\'';
	return u_foldCase(c, U_FOLD_CASE_DEFAULT);
}

static void
tok_add(struct text *t, const char *s, size_t off, size_t len)
{
	struct tok *k;
	size_t i = 0;
	int32_t c;

	if (t->ntok == t->tokcap) {
		t->tokcap = t->tokcap ? t->tokcap * 2 : 64;
		t->tok = xreallocarray(t->tok, t->tokcap, sizeof(*t->tok));
	}
	k = &t->tok[t->ntok++];
	k->off = off;
	k->len = len;
	k->koff = t->key.len;
	/* Folding never lengthens UTF-8 much: reserve once, ASCII inline. */
	buf_grow(&t->key, len * 2 + 8);
	while (i < len) {
		c = (unsigned char)s[off + i];
		if (c < 0x80) {
			t->key.s[t->key.len++] = (char)fold_cp(c);
			i++;
			continue;
		}
		t->key.s[t->key.len] = '\0';
		if ((c = text_cp(s + off, len, &i)) >= 0)
			put_cp(&t->key, fold_cp(c));
	}
	t->key.s[t->key.len] = '\0';
	k->klen = t->key.len - k->koff;
}

static int
edge_punct(const char *s, size_t len, size_t i, size_t *n)
{
	size_t j = i;
	int32_t c = text_cp(s, len, &j);

	*n = j - i;
	return c >= 0 && (u_ispunct(c) || (c < 0x80 && ispunct(c) &&
	    c != '\''));
}

/* Blank-separated tokens, trimmed of punctuation at both ends. */
static void
tokens_blank(struct text *t, const char *s, size_t len)
{
	size_t i = 0, b, e, n;

	while (i < len) {
		while (i < len && (s[i] == ' ' || s[i] == '\t'))
			i++;
		b = i;
		while (i < len && s[i] != ' ' && s[i] != '\t')
			i++;
		e = i;
		while (b < e && edge_punct(s, e, b, &n))
			b += n;
		while (e > b) {
			size_t k = e - 1;

			while (k > b && ((unsigned char)s[k] & 0xC0) == 0x80)
				k--;
			if (!edge_punct(s, e, k, &n))
				break;
			e = k;
		}
		if (e > b)
			tok_add(t, s, b, e - b);
	}
}

static int
tok_eq(const struct text *t, size_t a, size_t b)
{
	const struct tok *x = &t->tok[a], *y = &t->tok[b];

	return x->klen == y->klen &&
	    memcmp(t->key.s + x->koff, t->key.s + y->koff, x->klen) == 0;
}

static int
group_eq(const struct text *t, size_t a, size_t b, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++)
		if (!tok_eq(t, a + k, b + k))
			return 0;
	return 1;
}

static int
repeat_chars(const char *s, size_t len, unsigned int max,
    struct text_repeat *r)
{
	size_t i = 0, at, run0 = 0, unitlen = 0;
	int32_t c, f, prev = -1;
	unsigned int run = 0;

	while (i < len) {
		at = i;
		if ((unsigned char)s[i] < 0x80) {
			c = (unsigned char)s[i++];
			f = fold_cp(c);
		} else {
			c = text_cp(s, len, &i);
			f = c < 0 ? -1 : fold_cp(c);
		}
		/* Digits are numbers, not stammering; blanks separate. */
		if (f < 0 || f == ' ' ||
		    (c < 0x80 ? isdigit(c) : u_isdigit(c))) {
			prev = -1;
			run = 0;
			continue;
		}
		if (f == prev) {
			if (++run > max) {
				while (i < len) {
					size_t j = i;

					c = text_cp(s, len, &j);
					if (c < 0 || fold_cp(c) != prev)
						break;
					run++;
					i = j;
				}
				r->all.off = run0;
				r->all.len = i - run0;
				r->unit.off = run0;
				r->unit.len = unitlen;
				r->count = run;
				r->words = 0;
				return 1;
			}
		} else {
			prev = f;
			run = 1;
			run0 = at;
			unitlen = i - at;
		}
	}
	return 0;
}

/*
 * A character repeated more than max times in a row, or a group of one
 * to four words repeated more than max times (icu-notes 7).  Words are
 * compared case-folded, with ’ as '.
 */
int
text_repeat(struct text *t, const char *s, size_t len, unsigned int max,
    struct text_repeat *r)
{
	struct text_spans sp = TEXT_SPANS_INIT;
	size_t i, j, n, k;
	int cjk = 0;

	if (repeat_chars(s, len, max, r))
		return 1;
	t->ntok = 0;
	t->key.len = 0;
	for (i = 0; i < len; i++)
		if ((unsigned char)s[i] >= 0xE2)
			cjk = 1;
	if (cjk) {
		text_words(t, s, len, &sp);
		for (k = 0; k < sp.n; k++)
			tok_add(t, s, sp.v[k].off, sp.v[k].len);
		text_spans_release(&sp);
	} else
		tokens_blank(t, s, len);
	for (i = 0; i < t->ntok; i++) {
		for (n = 1; n <= 4 && i + n <= t->ntok; n++) {
			for (j = i + n; j + n <= t->ntok &&
			    group_eq(t, i, j, n); j += n)
				;
			if ((j - i) / n <= max)
				continue;
			r->count = (unsigned int)((j - i) / n);
			r->words = (unsigned int)n;
			r->unit.off = t->tok[i].off;
			r->unit.len = t->tok[i + n - 1].off +
			    t->tok[i + n - 1].len - r->unit.off;
			r->all.off = r->unit.off;
			r->all.len = t->tok[j - 1].off + t->tok[j - 1].len -
			    r->all.off;
			return 1;
		}
	}
	return 0;
}

/* Append ICU's spell-out, tidied: no soft hyphens, no '-', zh 零. */
static int
spell_add(struct text *t, UNumberFormat *f, const char *num, int dbl,
    struct buf *out)
{
	UErrorCode st = U_ZERO_ERROR;
	UChar u[512];
	int32_t n, i, k = 0;

	if (dbl)
		n = unum_formatDouble(f, strtod(num, NULL), u, 512, NULL, &st);
	else
		n = unum_formatInt64(f, strtoll(num, NULL, 10), u, 512, NULL,
		    &st);
	if (U_FAILURE(st) || n >= 512)
		return -1;
	for (i = 0; i < n; i++) {
		if (u[i] == 0x00AD)
			continue;
		if (u[i] == '-' && !t->cjk)
			u[k++] = ' ';
		else if (u[i] == 0x3007 && lang_is(t, "zh"))
			u[k++] = 0x96F6;
		else
			u[k++] = u[i];
	}
	return from_u16(u, k, out);
}

static int
spell_digits(struct text *t, const char *s, size_t len, struct buf *out)
{
	char d[2] = { 0, 0 };
	size_t i;

	for (i = 0; i < len; i++) {
		if (!isdigit((unsigned char)s[i]))
			continue;
		if (i > 0 && !t->cjk)
			buf_addc(out, ' ');
		d[0] = s[i];
		if (spell_add(t, t->num, d, 0, out) == -1)
			return -1;
	}
	return 0;
}

/*
 * A number token as the locale writes it (digits, at most one decimal
 * separator, group separators every three digits) in num: ASCII digits
 * with the locale's own decimal separator and no grouping, for
 * unum_parseDouble().  Returns 1 with a decimal part, 0 without, -1 if
 * the token is not a well-formed number of the locale.
 */
static int
number_form(const struct text *t, const char *s, size_t len, char *num,
    size_t size)
{
	size_t i, k = 0, ndec = 0, nsep = 0, lastsep = 0;
	char grp = t->dec == '.' ? ',' : '.';

	if (len == 0 || len >= size || !isdigit((unsigned char)s[0]))
		return -1;
	for (i = 0; i < len; i++) {
		if (s[i] == t->dec) {
			if (ndec++ || (nsep && i - lastsep != 4))
				return -1;
			num[k++] = s[i];
		} else if (s[i] == grp) {
			/* A group separator: three digits since the last. */
			if (ndec || (nsep ? i - lastsep != 4 : i > 3))
				return -1;
			nsep++;
			lastsep = i;
		} else if (isdigit((unsigned char)s[i]))
			num[k++] = s[i];
		else
			return -1;
	}
	num[k] = '\0';
	if (s[len - 1] == t->dec || (nsep && !ndec && len - lastsep != 4))
		return -1;
	return ndec > 0;
}

/*
 * Spell one number token with ICU: its value read by the locale's
 * number format, spoken by the rule-based one (f, or t->num).  Plain
 * digits with a leading zero go digit by digit ("007").  Returns -1 if
 * the token is not a number of the locale (then nothing is written),
 * -2 if ICU failed.
 */
static int
spell_value(struct text *t, UNumberFormat *f, const char *s, size_t len,
    struct buf *out)
{
	UErrorCode st = U_ZERO_ERROR;
	UChar u[64], w[512];
	char num[64];
	int32_t n, k, i, pos = 0;
	int dec;
	double v;

	if ((dec = number_form(t, s, len, num, sizeof(num))) == -1)
		return -1;
	if (f == NULL)
		f = t->num;
	if (!dec && strlen(num) > 18)
		return -1;
	if (!dec && num[0] == '0' && num[1] != '\0') {
		if (f != t->num)
			return -1;
		return spell_digits(t, s, len, out) == -1 ? -2 : 0;
	}
	n = (int32_t)strlen(num);
	u_charsToUChars(num, u, n);
	v = unum_parseDouble(t->dfmt, u, n, &pos, &st);
	if (U_FAILURE(st) || pos != n)
		return -1;
	if (!dec && f == t->num && len == 4 && v >= 1100 && v <= 2099 &&
	    t->year != NULL)
		f = t->year;
	if (dec)
		n = unum_formatDouble(f, v, w, 512, NULL, &st);
	else
		n = unum_formatInt64(f, (int64_t)v, w, 512, NULL, &st);
	if (U_FAILURE(st) || n >= 512)
		return -2;
	for (i = k = 0; i < n; i++) {
		if (w[i] == 0x00AD)
			continue;
		if (w[i] == '-' && !t->cjk)
			w[k++] = ' ';
		else if (w[i] == 0x3007 && lang_is(t, "zh"))
			w[k++] = 0x96F6;
		else
			w[k++] = w[i];
	}
	return from_u16(w, k, out) == -1 ? -2 : 0;
}

/* Words for the units spell-out knows, per language. */
static const struct {
	const char	*lang;
	const char	*sym;		/* UTF-8 */
	const char	*one;		/* 1 of the unit */
	const char	*many;
	const char	*sub_one;	/* 1/100 of it, or NULL */
	const char	*sub_many;
	const char	*and;
} money[] = {
	{ "en", "$", "dollar", "dollars", "cent", "cents", "and" },
	{ "en", "\xe2\x82\xac", "euro", "euros", "cent", "cents", "and" },
	{ "en", "\xc2\xa3", "pound", "pounds", "penny", "pence", "and" },
	{ "en", "\xc2\xa5", "yen", "yen", NULL, NULL, NULL },
	{ "de", "$", "Dollar", "Dollar", "Cent", "Cent", "und" },
	{ "de", "\xe2\x82\xac", "Euro", "Euro", "Cent", "Cent", "und" },
	{ "de", "\xc2\xa3", "Pfund", "Pfund", "Penny", "Pence", "und" },
	{ "de", "\xc2\xa5", "Yen", "Yen", NULL, NULL, NULL },
	{ "fr", "$", "dollar", "dollars", "cent", "cents", "et" },
	{ "fr", "\xe2\x82\xac", "euro", "euros", "centime", "centimes",
	    "et" },
};

static const struct {
	const char	*lang;
	const char	*word;
} percent[] = {
	{ "en", "percent" }, { "de", "Prozent" }, { "fr", "pour cent" }
};

/* The currency symbol at s[i] (its length in *n), or -1. */
static int
money_at(const struct text *t, const char *s, size_t len, size_t i,
    size_t *n)
{
	size_t k, m;
	int any = -2;

	for (k = 0; k < sizeof(money) / sizeof(money[0]); k++) {
		m = strlen(money[k].sym);
		if (len - i < m || memcmp(s + i, money[k].sym, m) != 0)
			continue;
		*n = m;
		if (lang_is(t, money[k].lang))
			return (int)k;
		any = -1;
	}
	/* -1: a symbol this locale has no words for; -2: no symbol. */
	return any;
}

static const char *
percent_word(const struct text *t)
{
	size_t k;

	for (k = 0; k < sizeof(percent) / sizeof(percent[0]); k++)
		if (lang_is(t, percent[k].lang))
			return percent[k].word;
	return NULL;
}

/*
 * An amount of money (s: the number as written) with the words of
 * money[m]: "five hundred dollars", "three dollars and fifty cents".
 * Returns spell_value()'s codes.
 */
static int
spell_money(struct text *t, int m, const char *s, size_t len,
    struct buf *out)
{
	const char *sep = memchr(s, t->dec, len);
	size_t ilen = sep != NULL ? (size_t)(sep - s) : len;
	long cents = 0;
	int rc, one;

	if (sep != NULL) {
		/* Two decimals are cents; anything else is not an amount. */
		if (money[m].sub_one == NULL || len - ilen != 3 ||
		    !isdigit((unsigned char)sep[1]) ||
		    !isdigit((unsigned char)sep[2]))
			return -1;
		cents = (sep[1] - '0') * 10 + (sep[2] - '0');
	}
	one = ilen == 1 && s[0] == '1';
	if ((rc = spell_value(t, t->card, s, ilen, out)) != 0)
		return rc;
	buf_printf(out, " %s", one ? money[m].one : money[m].many);
	if (cents == 0)
		return 0;
	buf_printf(out, " %s ", money[m].and);
	if (spell_add(t, t->card != NULL ? t->card : t->num, sep + 1, 0,
	    out) == -1)
		return -2;
	buf_printf(out, " %s", cents == 1 ? money[m].sub_one :
	    money[m].sub_many);
	return 0;
}

/*
 * A time "7:30" (h, m already checked): en "seven thirty", "seven oh
 * five", "seven o'clock"; de "sieben Uhr dreißig".  Returns -1 where the
 * locale has no rule.
 */
static int
spell_time(struct text *t, int h, int m, struct buf *out)
{
	UNumberFormat *f = t->card != NULL ? t->card : t->num;
	char hs[16], ms[16];

	snprintf(hs, sizeof(hs), "%d", h);
	snprintf(ms, sizeof(ms), "%d", m);
	if (lang_is(t, "en")) {
		if (spell_add(t, f, hs, 0, out) == -1)
			return -2;
		if (m == 0) {
			buf_addstr(out, " o'clock");
			return 0;
		}
		buf_addstr(out, m < 10 ? " oh " : " ");
		return spell_add(t, f, ms, 0, out) == -1 ? -2 : 0;
	}
	if (lang_is(t, "de")) {
		if (spell_add(t, f, hs, 0, out) == -1)
			return -2;
		buf_addstr(out, " Uhr");
		if (m == 0)
			return 0;
		buf_addc(out, ' ');
		return spell_add(t, t->num, ms, 0, out) == -1 ? -2 : 0;
	}
	return -1;
}

static int
is_alnum_ascii(int c)
{
	return c >= 0 && c < 0x80 && isalnum(c);
}

/* Where the digits and separators of a number at s[i] end. */
static size_t
number_end(const char *s, size_t len, size_t i)
{
	while (i < len && (isdigit((unsigned char)s[i]) ||
	    ((s[i] == '.' || s[i] == ',') && i > 0 &&
	    isdigit((unsigned char)s[i - 1]) && is_digit_at(s, len, i + 1))))
		i++;
	return i;
}

/* Whether a token that ends at i ends there (no letter or digit next). */
static int
token_ends(const char *s, size_t len, size_t i)
{
	return i >= len || !is_alnum_ascii((unsigned char)s[i]);
}

/*
 * A number with what is around it, at s[b] (the digits end at e):
 * a time, a percentage, an amount with its currency symbol after it,
 * or a plain number.  *end gets where the whole token ends.  Returns
 * spell_value()'s codes.
 */
static int
spell_token(struct text *t, const char *s, size_t len, size_t b, size_t e,
    size_t *end, struct buf *out)
{
	const char *w;
	size_t k, n;
	int m, h, mm, rc;

	*end = e;
	/* 7:30 */
	if (e - b <= 2 && e + 2 < len && s[e] == ':' &&
	    is_digit_at(s, len, e + 1) && is_digit_at(s, len, e + 2) &&
	    token_ends(s, len, e + 3) && (e + 3 >= len || s[e + 3] != ':')) {
		h = atoi(s + b);
		mm = (s[e + 1] - '0') * 10 + (s[e + 2] - '0');
		*end = e + 3;
		if (h > 24 || mm > 59)
			return -1;
		k = e + 3;
		/* de: "7:30 Uhr" says "Uhr" once. */
		if (lang_is(t, "de") && len - k >= 4 &&
		    memcmp(s + k, " Uhr", 4) == 0 && token_ends(s, len, k + 4))
			*end = k + 4;
		rc = spell_time(t, h, mm, out);
		if (rc == -1)
			*end = e + 3;
		return rc;
	}
	/* 50% or 50 % */
	k = e < len && s[e] == ' ' ? e + 1 : e;
	if (k < len && s[k] == '%') {
		*end = k + 1;
		if ((w = percent_word(t)) == NULL)
			return -1;
		if ((rc = spell_value(t, t->card, s + b, e - b, out)) != 0)
			return rc;
		buf_printf(out, " %s", w);
		return 0;
	}
	/* 500 € or 500€ */
	if ((m = money_at(t, s, len, k, &n)) != -2) {
		*end = k + n;
		if (m == -1)
			return -1;
		return spell_money(t, m, s + b, e - b, out);
	}
	return spell_value(t, NULL, s + b, e - b, out);
}

/*
 * Verbalize numbers with ICU's rule-based spell-out, read with the
 * locale's number format: plain numbers, decimals, amounts of money
 * ($500, 500 €), percentages and times of day; spell mixed letters and
 * digits one by one (OU812 -> O U 8 1 2).  A token this cannot say
 * (no words for its unit in the locale, a malformed number) is left as
 * written and listed in text_spell_left().
 */
int
text_spell_numbers(struct text *t, const char *s, size_t len,
    struct buf *out)
{
	size_t i = 0, b, k, e, n, start = out->len, mark;
	int letters, digits, m, rc;

	t->left.n = 0;
	while (i < len) {
		/* $500: a currency symbol, then a number. */
		if ((i == 0 || !is_alnum_ascii((unsigned char)s[i - 1])) &&
		    (m = money_at(t, s, len, i, &n)) != -2 &&
		    is_digit_at(s, len, i + n)) {
			b = i;
			e = number_end(s, len, i + n);
			if (token_ends(s, len, e)) {
				mark = out->len;
				rc = m < 0 ? -1 : spell_money(t, m, s + i + n,
				    e - i - n, out);
				if (rc == -2)
					return -1;
				if (rc == -1) {
					out->len = mark;
					buf_add(out, s + b, e - b);
					text_spans_add(&t->left, b, e - b);
				}
				i = e;
				continue;
			}
		}
		if (!is_alnum_ascii((unsigned char)s[i])) {
			buf_addc(out, s[i++]);
			continue;
		}
		b = i;
		letters = digits = 0;
		while (i < len && (is_alnum_ascii((unsigned char)s[i]) ||
		    ((s[i] == '.' || s[i] == ',') && i > b &&
		    isdigit((unsigned char)s[i - 1]) &&
		    is_digit_at(s, len, i + 1)))) {
			letters += isalpha((unsigned char)s[i]) != 0;
			digits += isdigit((unsigned char)s[i]) != 0;
			i++;
		}
		/* German ordinals ("am 3. Oktober") are not cardinals. */
		if (!digits || (!letters && lang_is(t, "de") && i + 1 < len &&
		    s[i] == '.' && s[i + 1] == ' '))
			buf_add(out, s + b, i - b);
		else if (!letters) {
			mark = out->len;
			rc = spell_token(t, s, len, b, i, &e, out);
			if (rc == -2)
				return -1;
			if (rc == -1) {
				out->len = mark;
				buf_add(out, s + b, e - b);
				text_spans_add(&t->left, b, e - b);
			}
			i = e;
		} else {
			for (k = b; k < i; k++) {
				if (k > b)
					buf_addc(out, ' ');
				buf_addc(out, s[k]);
			}
		}
	}
	return changed(out, start, s, len);
}

/* The tokens the last text_spell_numbers() left as written. */
const struct text_spans *
text_spell_left(const struct text *t)
{
	return &t->left;
}

/*
 * The key under which two file names collide on a case-insensitive,
 * normalization-insensitive file system: NFD, full case folding, NFC
 * (so "Ä" and "ä", "café" in NFC and NFD get one key).  Appends it to
 * out; -1 (out unchanged) when s is not valid UTF-8.  Needs no struct
 * text: the dataset module calls it for zip member names.
 */
int
text_fold_key(const char *s, struct buf *out)
{
	const UNormalizer2 *nfd, *nfc;
	UErrorCode st = U_ZERO_ERROR;
	UChar *a = NULL, *b = NULL;
	int32_t na, nb, cap, got;
	int rc = -1;

	nfd = unorm2_getNFDInstance(&st);
	nfc = unorm2_getNFCInstance(&st);
	u_strFromUTF8(NULL, 0, &na, s, -1, &st);
	if (st != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(st))
		return -1;
	/* Folding and decomposing grow a string at most 3 and 4 times. */
	cap = na * 12 + 16;
	a = xreallocarray(NULL, (size_t)cap, sizeof(*a));
	b = xreallocarray(NULL, (size_t)cap, sizeof(*b));
	st = U_ZERO_ERROR;
	u_strFromUTF8(a, cap, &na, s, -1, &st);
	nb = unorm2_normalize(nfd, a, na, b, cap, &st);
	na = u_strFoldCase(a, cap, b, nb, U_FOLD_CASE_DEFAULT, &st);
	nb = unorm2_normalize(nfc, a, na, b, cap, &st);
	if (U_FAILURE(st))
		goto out;
	u_strToUTF8(NULL, 0, &got, b, nb, &st);
	if (st != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(st))
		goto out;
	st = U_ZERO_ERROR;
	buf_grow(out, (size_t)got);
	u_strToUTF8(out->s + out->len, got + 1, &got, b, nb, &st);
	if (U_FAILURE(st))
		goto out;
	out->len += (size_t)got;
	out->s[out->len] = '\0';
	rc = 0;
out:
	free(a);
	free(b);
	return rc;
}
