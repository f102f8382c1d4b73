/*
 * The ICU adapter.  ICU objects are opened once per struct text and
 * reused for every line (research/icu-notes.md section 8): opening a
 * break iterator or a number format costs milliseconds, using one costs
 * microseconds.  Transliterators are far too slow for the hot path
 * (4 MB/s), so their rules are run once per BMP code point, a page at a
 * time as text first needs one, and kept as lookup tables that map a
 * code point to its UTF-8 replacement.  The sentence iterator and the
 * normalizers' quick checks have UTF-8 twins here that ask ICU only for
 * what they leave out: most lines are never converted to UTF-16.
 */
#include <ctype.h>
#include <pthread.h>
#include <stdatomic.h>
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
#include <unicode/uscript.h>
#include <unicode/uset.h>
#include <unicode/uspoof.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>

#include "buf.h"
#include "diag.h"
#include "strset.h"
#include "text.h"
#include "utf8.h"
#include "xalloc.h"

/*
 * A code point to UTF-8 table for the BMP: ent[c] is 0 for "unchanged",
 * else the replacement's offset in its page's pool shifted left by 8,
 * or-ed with its length (replacements are short).  The tables are the
 * process's, shared by every struct text (one per worker thread), and
 * counted: a page is built once, by the first thread that needs it,
 * under the table's lock.  Each struct text had its own before, so two
 * workers built every page twice, one after the other: ICU runs only
 * one rule-based transliterator at a time in a process (a global lock).
 * A built page never changes, and its pool never moves: readers look at
 * built[] with an acquire load and take no lock.
 */
#define CMAP_PAGES	(0x10000 / 256)

enum cmap_kind { CMAP_SPACE, CMAP_QUOTE, CMAP_ASCII, CMAP_N };

struct cmap {
	uint32_t	*ent;
	char		*pool[CMAP_PAGES];
	UTransliterator	*tr;		/* fills a page of ent at a time */
	atomic_uchar	 built[CMAP_PAGES];
	unsigned int	 refs;
	pthread_mutex_t	 mu;
};

static struct cmap cmaps[CMAP_N] = {
	{ .mu = PTHREAD_MUTEX_INITIALIZER },
	{ .mu = PTHREAD_MUTEX_INITIALIZER },
	{ .mu = PTHREAD_MUTEX_INITIALIZER }
};

/* A token for repetition checks: its bytes and its case-folded key. */
struct tok {
	size_t		off;
	size_t		len;
	size_t		koff;
	size_t		klen;
	uint32_t	hash;	/* of the key: most tokens differ here */
};

/*
 * A normalizer's quick check for the BMP, a bit per code point, built a
 * page of 256 code points at a time as text needs them.
 */
struct qc {
	const UNormalizer2	*n;
	uint64_t		 yes[0x10000 / 64];
	unsigned char		 built[0x10000 / 256];
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
	struct cmap		*space;
	struct cmap		*quote;
	struct cmap		*ascii;		/* taken on first use */
	int			 ascii_state;	/* 0 no, 1 built, -1 failed */
	UBreakIterator		*sent;
	UBreakIterator		*word;
	URegularExpression	*uri;
	UNumberFormat		*num;
	UNumberFormat		*year;		/* NULL: no year ruleset */
	UNumberFormat		*card;		/* before a unit: de "ein" */
	UNumberFormat		*dfmt;		/* the locale's numbers */
	int			 num_state;	/* 0 no, 1 open, -1 failed */
	struct text_spans	 left;		/* spell-out left these */
	UCaseMap		*cm;
	struct tok		*tok;
	size_t			 ntok;
	size_t			 tokcap;
	struct buf		 key;
	struct text_spans	 tmp;
	struct qc		*qc[5];		/* one per normalizer */
	size_t			*brk;		/* sentence breaks, bytes */
	size_t			 nbrk;
	size_t			 brkcap;
	int			 sent_rules;	/* 1: the root rules apply */
	size_t			*abbrlen;	/* of each of abbrevs() */
	size_t			*abbrnext;	/* 1 + the next of the same */
	size_t			 abbrfirst[256]; /* 1 + the first by s[n-2] */
	unsigned char		 sb[128];	/* ASCII Sentence_Break */
	unsigned char		 sbfast[128];	/* 1: no SATerm, CR, LF */
	int			 sbswar;	/* those are . ! ? CR LF */
	unsigned char		 apunct[128];	/* ASCII edge_punct() */
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
static const char *const *abbrevs(const struct text *);
static int breaks_agree(struct text *);

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

static void
put_cp(struct buf *b, int32_t c)
{
	char t[4];

	buf_add(b, t, utf8_enc((uint32_t)c, t));
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
		else if ((c = utf8_cp(s, len, &i)) < 0)
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
	return utf8_ascii(s, len) == len;
}

#define HIGHS	0x8080808080808080ULL

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

/*
 * The table of kind k, whose rules are rs: a reference, made on the
 * first one.  cmap_get() runs the rules on each code point of a
 * 256-code-point page once, when text first needs one of them: a whole
 * BMP costs a start-up longer than a megabyte of text.  NULL if ICU
 * cannot compile the rules.
 */
static struct cmap *
cmap_take(enum cmap_kind k, const char *rs)
{
	struct cmap *m = &cmaps[k];

	pthread_mutex_lock(&m->mu);
	if (m->refs == 0) {
		if ((m->tr = trans_open(rs)) == NULL) {
			pthread_mutex_unlock(&m->mu);
			return NULL;
		}
		m->ent = xcalloc(0x10000, sizeof(*m->ent));
	}
	m->refs++;
	pthread_mutex_unlock(&m->mu);
	return m;
}

/* Build page of m, unless another thread did: under m->mu. */
static void
cmap_page(struct cmap *m, int32_t page)
{
	struct buf pool = BUF_INIT;
	UErrorCode st;
	UChar b[32];
	int32_t c, len, limit;
	size_t start;

	if (atomic_load_explicit(&m->built[page], memory_order_relaxed))
		return;
	buf_addc(&pool, 0);	/* offset 0 means "unchanged" */
	for (c = page << 8; c < (page + 1) << 8; c++) {
		if (c < 0x80 || (c >= 0xD800 && c <= 0xDFFF))
			continue;
		b[0] = (UChar)c;
		len = limit = 1;
		st = U_ZERO_ERROR;
		utrans_transUChars(m->tr, b, &len, 32, 0, &limit, &st);
		if (U_FAILURE(st) || (len == 1 && b[0] == c))
			continue;
		start = pool.len;
		if (from_u16(b, len, &pool) == -1 || pool.len - start > 255) {
			pool.len = start;
			continue;
		}
		m->ent[c] = (uint32_t)(start << 8 | (pool.len - start));
	}
	m->pool[page] = pool.s;
	atomic_store_explicit(&m->built[page], 1, memory_order_release);
}

/* Drop a reference: the last one frees the table. */
static void
cmap_drop(struct cmap *m)
{
	size_t i;

	if (m == NULL)
		return;
	pthread_mutex_lock(&m->mu);
	if (--m->refs == 0) {
		utrans_close(m->tr);
		m->tr = NULL;
		free(m->ent);
		m->ent = NULL;
		for (i = 0; i < CMAP_PAGES; i++) {
			free(m->pool[i]);
			m->pool[i] = NULL;
			atomic_store_explicit(&m->built[i], 0,
			    memory_order_relaxed);
		}
	}
	pthread_mutex_unlock(&m->mu);
}

static const char *
cmap_get(struct cmap *m, int32_t c, size_t *n)
{
	uint32_t e;
	int32_t page = c >> 8;

	if (m == NULL || c < 0x80 || c > 0xFFFF)
		return NULL;
	if (!atomic_load_explicit(&m->built[page], memory_order_acquire)) {
		pthread_mutex_lock(&m->mu);
		cmap_page(m, page);
		pthread_mutex_unlock(&m->mu);
	}
	if ((e = m->ent[c]) == 0)
		return NULL;
	*n = e & 0xFF;
	return m->pool[page] + (e >> 8);
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
	size_t i, k;
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
	if ((t->space = cmap_take(CMAP_SPACE, space_rules)) == NULL ||
	    (t->quote = cmap_take(CMAP_QUOTE, quote_rules)) == NULL)
		goto fail;
	what = "break iterators";
	/*
	 * ends_abbrev() looks at the abbreviations whose letter before the
	 * '.' is the text's: a list of each, by that letter.
	 */
	for (i = 0; abbrevs(t)[i] != NULL; i++)
		;
	t->abbrlen = xreallocarray(NULL, i, sizeof(*t->abbrlen));
	t->abbrnext = xcalloc(i, sizeof(*t->abbrnext));
	while (i-- > 0) {
		t->abbrlen[i] = strlen(abbrevs(t)[i]);
		k = (unsigned char)abbrevs(t)[i][t->abbrlen[i] - 2];
		t->abbrnext[i] = t->abbrfirst[k];
		t->abbrfirst[k] = i + 1;
	}
	/* Greek's own sentence rules (';' ends a question) stay ICU's. */
	t->sent_rules = !lang_is(t, "el");
	for (i = 0; i < 128; i++) {
		t->sb[i] = (unsigned char)u_getIntPropertyValue((UChar32)i,
		    UCHAR_SENTENCE_BREAK);
		t->sbfast[i] = t->sb[i] != U_SB_ATERM &&
		    t->sb[i] != U_SB_STERM && t->sb[i] != U_SB_CR &&
		    t->sb[i] != U_SB_LF && t->sb[i] != U_SB_SEP &&
		    t->sb[i] != U_SB_EXTEND && t->sb[i] != U_SB_FORMAT;
		t->apunct[i] = u_ispunct((UChar32)i) || (ispunct((int)i) &&
		    i != '\'');
	}
	/* breaks_fast() skips eight bytes at a time with no others. */
	t->sbswar = 1;
	for (i = 0; i < 128; i++)
		if (!t->sbfast[i] != (strchr(".!?\r\n", (int)i) != NULL &&
		    i != 0))
			t->sbswar = 0;
	t->sent = ubrk_open(UBRK_SENTENCE, t->icu, NULL, 0, &st);
	t->word = ubrk_open(UBRK_WORD, t->icu, NULL, 0, &st);
	if (U_FAILURE(st))
		goto fail;
	if (t->sent_rules && !breaks_agree(t))
		t->sent_rules = 0;
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
	size_t i;

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
	cmap_drop(t->space);
	cmap_drop(t->quote);
	cmap_drop(t->ascii);
	ubrk_close(t->sent);
	ubrk_close(t->word);
	if (t->uri != NULL)
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
	free(t->brk);
	free(t->abbrlen);
	free(t->abbrnext);
	for (i = 0; i < sizeof(t->qc) / sizeof(t->qc[0]); i++)
		free(t->qc[i]);
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

/* The skeleton of c (UTS #39) into sk, or "" when ICU has none. */
static void
char_skeleton(const USpoofChecker *sc, int32_t c, char *sk, size_t size)
{
	UErrorCode st = U_ZERO_ERROR;
	char s[4];
	int32_t n;

	n = uspoof_getSkeletonUTF8(sc, 0, s, (int32_t)utf8_enc((uint32_t)c,
	    s), sk, (int32_t)size, &st);
	if (U_FAILURE(st) || n < 0 || (size_t)n >= size)
		n = 0;
	sk[n] = '\0';
}

/*
 * Facts about the n characters of c for an inventory (html.c): the name,
 * the script, whether it is a space other than U+0020 or shows nothing
 * at all, and which ASCII characters it
 * can be taken for (Unicode's confusables, UTS #39: ICU's spoof checker
 * maps both to the same skeleton), so that a Cyrillic 'a' in English
 * text or a no-break space is seen for what it is.
 */
void
text_char_info(const int32_t *c, size_t n, struct text_charinfo *out)
{
	USpoofChecker *sc;
	UErrorCode st = U_ZERO_ERROR;
	UScriptCode code;
	char ascii[95][8], sk[32];
	size_t i, k, len;
	int8_t type;

	sc = uspoof_open(&st);
	if (U_FAILURE(st))
		sc = NULL;
	for (k = 0; sc != NULL && k < 95; k++)
		char_skeleton(sc, (int32_t)(k + 0x20), ascii[k],
		    sizeof(ascii[k]));
	for (i = 0; i < n; i++) {
		memset(&out[i], 0, sizeof(out[i]));
		text_char_name(c[i], out[i].name, sizeof(out[i].name));
		st = U_ZERO_ERROR;
		code = uscript_getScript(c[i], &st);
		snprintf(out[i].script, sizeof(out[i].script), "%s",
		    U_SUCCESS(st) ? uscript_getName(code) : "Unknown");
		out[i].common = U_FAILURE(st) || code == USCRIPT_COMMON ||
		    code == USCRIPT_INHERITED;
		type = u_charType(c[i]);
		out[i].space = c[i] != ' ' && type != U_CONTROL_CHAR &&
		    u_isUWhiteSpace(c[i]);
		out[i].invisible = c[i] != ' ' && !out[i].space &&
		    (type == U_FORMAT_CHAR || type == U_CONTROL_CHAR ||
		    u_hasBinaryProperty(c[i],
		    UCHAR_DEFAULT_IGNORABLE_CODE_POINT));
		out[i].letter = u_isalpha(c[i]);
		if (sc == NULL || c[i] < 0x80)
			continue;
		char_skeleton(sc, c[i], sk, sizeof(sk));
		for (k = 0, len = 0; sk[0] != '\0' && k < 95; k++)
			if (strcmp(sk, ascii[k]) == 0 &&
			    len + 2 < sizeof(out[i].looks)) {
				out[i].looks[len++] = (char)(k + 0x20);
				out[i].looks[len] = '\0';
			}
	}
	uspoof_close(sc);
}

static int
ascii_table(struct text *t)
{
	char *rs;

	if (t->ascii_state == 0) {
		rs = xasprintf("%s%s%s", quote_rules, space_rules,
		    ascii_rules_tail);
		t->ascii = cmap_take(CMAP_ASCII, rs);
		t->ascii_state = t->ascii != NULL ? 1 : -1;
		free(rs);
	}
	return t->ascii_state == 1 ? 0 : -1;
}

/*
 * The ASCII text that replaces c in en-US transcripts ("" means delete
 * it), or NULL if there is none.  Borrowed from t while it is open: a
 * table's pages never move.
 */
const char *
text_ascii_sub(struct text *t, int32_t c, size_t *n)
{
	const char *r;

	if (ascii_table(t) == -1 || (r = cmap_get(t->ascii, c, n)) == NULL)
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
		if ((c = utf8_cp(s, len, &i)) >= 0 && (c < 0x80 ? isalnum(c) :
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
		c = utf8_cp(s, len, &i);
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
		/* Nothing to delete (the usual): no need to compare. */
		if (i == 0 && k == len) {
			buf_add(out, s, len);
			return 0;
		}
		buf_add(out, s + i, k);
		i += k;
		if (i >= len)
			break;
		if ((c = utf8_cp(s, len, &i)) == '\t')
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
			i += utf8_ascii(s + i, len - i);
			continue;
		}
		at = i;
		/* No mark comes before U+0300: Latin-1 skips ICU. */
		if ((c = utf8_cp(s, len, &i)) >= 0x300 &&
		    u_getCombiningClass(c) != 0) {
			if (++run > TEXT_MARKS_MAX)
				return at;
		} else
			run = 0;
	}
	return len;
}

/* Whether n's quick check says yes to c, with combining class 0. */
static int
qc_yes(struct qc *q, int32_t c)
{
	UErrorCode st;
	size_t k;
	UChar u;

	if (!q->built[c >> 8]) {
		for (k = 0; k < 256; k++) {
			u = (UChar)((c & 0xFF00) | k);
			st = U_ZERO_ERROR;
			if (!U16_IS_SURROGATE(u) &&
			    unorm2_quickCheck(q->n, &u, 1, &st) == UNORM_YES &&
			    U_SUCCESS(st) &&
			    unorm2_getCombiningClass(q->n, u) == 0)
				q->yes[u >> 6] |= (uint64_t)1 << (u & 63);
		}
		q->built[c >> 8] = 1;
	}
	return (q->yes[c >> 6] >> (c & 63)) & 1;
}

/*
 * Whether s is normalized under n, straight from UTF-8 (icu-notes 1):
 * every character quick-check yes with combining class 0, which needs
 * nothing reordered or composed.  ASCII is all of that, so its runs
 * cost a byte compare; 0 when a character says no or maybe, or is past
 * the BMP, and normalize() asks ICU.
 */
static int
qc_utf8(struct text *t, const UNormalizer2 *n, const char *s, size_t len)
{
	struct qc *q = NULL;
	size_t i = 0, k;
	int32_t c;

	/* Too long for UTF-16: ASCII passes, the rest fails as before. */
	if (len >= INT32_MAX / 2)
		return is_ascii(s, len);
	while (i < len) {
		if ((unsigned char)s[i] < 0x80) {
			i += utf8_ascii(s + i, len - i);
			continue;
		}
		if ((c = utf8_cp(s, len, &i)) < 0 || c > 0xFFFF)
			return 0;
		for (k = 0; q == NULL; k++) {
			if (k == sizeof(t->qc) / sizeof(t->qc[0]))
				return 0;
			if (t->qc[k] == NULL) {
				t->qc[k] = xcalloc(1, sizeof(*t->qc[k]));
				t->qc[k]->n = n;
			}
			if (t->qc[k]->n == n)
				q = t->qc[k];
		}
		if (!qc_yes(q, c))
			return 0;
	}
	return 1;
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

	if (qc_utf8(t, n, s, len)) {
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
		if ((unsigned char)s[i] < 0x80) {
			i += utf8_ascii(s + i, len - i);
			continue;
		}
		if ((unsigned char)s[i] < 0xE2) {
			i++;
			continue;
		}
		if ((c = utf8_cp(s, len, &i)) >= 0 && is_cjk_cp(c))
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
	int any = 0;

	buf_grow(out, len + 1);
	while (i < len) {
		if ((unsigned char)s[i] < 0x80 && !(how & TEXT_PM_WIDE)) {
			/* Copy an ASCII run at once. */
			at = i;
			i += utf8_ascii(s + i, len - i);
			buf_add(out, s + at, i - at);
			continue;
		}
		if ((unsigned char)s[i] < 0x80) {
			if ((how & TEXT_PM_WIDE) &&
			    (w = wide_punct(s, len, i)) != 0) {
				put_cp(out, w);
				any = 1;
			} else
				buf_addc(out, s[i]);
			i++;
			continue;
		}
		at = i;
		c = utf8_cp(s, len, &i);
		r = NULL;
		if (how & TEXT_PM_QUOTE)
			r = cmap_get(t->quote, c, &n);
		if (r == NULL && (how & TEXT_PM_SPACE))
			r = cmap_get(t->space, c, &n);
		if (r != NULL) {
			buf_add(out, r, n);
			any = 1;
		} else
			buf_add(out, s + at, i - at);
	}
	/* What was only copied is the same. */
	return any && changed(out, start, s, len);
}

/* Latin-ASCII through the table; never for zh, ja or ko (icu-notes 2). */
int
text_ascii_fold(struct text *t, const char *s, size_t len, struct buf *out)
{
	size_t i = 0, at, start = out->len, n;
	const char *r;
	int32_t c;
	int any = 0;

	if (t->cjk || is_ascii(s, len)) {
		buf_add(out, s, len);
		return 0;
	}
	if (ascii_table(t) == -1)
		return -1;
	while (i < len) {
		at = i;
		if ((unsigned char)s[i] < 0x80) {
			i += utf8_ascii(s + i, len - i);
			buf_add(out, s + at, i - at);
			continue;
		}
		c = utf8_cp(s, len, &i);
		if ((r = cmap_get(t->ascii, c, &n)) != NULL) {
			buf_add(out, r, n);
			any = 1;
		} else
			buf_add(out, s + at, i - at);
	}
	return any && changed(out, start, s, len);
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

	/* Mostly there is nothing to squeeze: copy it at once. */
	for (b = 0; b < len; b++)
		if ((unsigned char)s[b] <= ' ' && (s[b] == '\t' ||
		    (s[b] == ' ' && (b == 0 || b + 1 == len ||
		    s[b + 1] == ' '))))
			break;
	if (b == len) {
		buf_add(out, s, len);
		return;
	}
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

/* The top-level domains of uri_pattern, which it matches in lowercase. */
static const char *const uri_tlds[] = {
	"com", "net", "org", "edu", "gov", "mil", "int", "info", "biz", "io",
	"co", "uk", "us", "ca", "au", "de", "fr", "it", "es", "nl", "be",
	"ch", "at", "eu", "jp", "cn", "ru", "in", "br", "app", "dev", NULL
};

static int
uri_tld_at(const char *s, size_t len)
{
	const char *const *d;
	size_t n;

	for (d = uri_tlds; *d != NULL; d++) {
		if (len == 0 || (*d)[0] != s[0])
			continue;
		n = strlen(*d);
		if (n <= len && memcmp(s, *d, n) == 0)
			return 1;
	}
	return 0;
}

/*
 * Whether the token s is worth the URI pattern: a ':' or '@', or a '.'
 * before a letter.  For ASCII tokens, also what each branch of the
 * pattern needs: '@', a ':' with text after it ("://" or a scheme),
 * "www" in any case, or a '.' before a listed TLD; "sagte:" and "a.m."
 * are not.  Tokens with other characters keep the plain trigger, since
 * matching without case has non-ASCII twins (U+017F for s).
 */
static int
uri_trigger(const char *s, size_t len)
{
	size_t i;
	int any = 0, ascii = 1;

	for (i = 0; i < len; i++) {
		if ((unsigned char)s[i] >= 0x80)
			ascii = 0;
		if (s[i] == ':' || s[i] == '@')
			any = 1;
		if (s[i] == '.' && i + 1 < len &&
		    isalpha((unsigned char)s[i + 1]))
			any = 1;
	}
	if (!any || !ascii)
		return any;
	for (i = 0; i < len; i++) {
		if (s[i] == '@' || (s[i] == ':' && i + 1 < len))
			return 1;
		if (s[i] == '.' && uri_tld_at(s + i + 1, len - i - 1))
			return 1;
		if ((s[i] == 'w' || s[i] == 'W') && i + 2 < len &&
		    (s[i + 1] == 'w' || s[i + 1] == 'W') &&
		    (s[i + 2] == 'w' || s[i + 2] == 'W'))
			return 1;
	}
	return 0;
}

/*
 * The URI matcher, compiled when a text first meets a token that may be
 * one: the compile is 1.8 ms, half of text_open(), and most texts have
 * no URI at all.  The pattern is a constant that test_uris compiles:
 * ICU fails on it only when it cannot allocate, and xoom() says so.
 */
static URegularExpression *
uri_regex(struct text *t)
{
	UErrorCode st = U_ZERO_ERROR;
	UParseError pe;
	UChar pat[sizeof(uri_pattern)];

	if (t->uri == NULL) {
		u_charsToUChars(uri_pattern, pat,
		    (int32_t)sizeof(uri_pattern));
		t->uri = uregex_open(pat, -1, UREGEX_CASE_INSENSITIVE, &pe,
		    &st);
		if (U_FAILURE(st))
			xoom();
	}
	return t->uri;
}

/* URIs, e-mail addresses and bare domains in s. */
size_t
text_find_uris(struct text *t, const char *s, size_t len,
    struct text_spans *sp)
{
	UErrorCode st = U_ZERO_ERROR;
	size_t i = 0, b, found = 0;
	int32_t n, ms, me;
	uint64_t w;
	int ran = 0;

	/*
	 * A byte scan for what uri_trigger() wants, then the blank-delimited
	 * token around it: most lines have none, and most tokens are passed
	 * over a byte at a time.
	 */
	while (i < len) {
		for (; i < len; i++) {
			for (; i + 8 <= len; i += 8) {
				memcpy(&w, s + i, 8);
				if (utf8_has_byte(w, ':') ||
				    utf8_has_byte(w, '@') ||
				    utf8_has_byte(w, '.'))
					break;
			}
			if (i == len)
				break;
			if (s[i] == ':' || s[i] == '@' || (s[i] == '.' &&
			    i + 1 < len && isalpha((unsigned char)s[i + 1])))
				break;
		}
		if (i == len)
			break;
		for (b = i; b > 0 && s[b - 1] != ' ' && s[b - 1] != '\t'; b--)
			;
		while (i < len && s[i] != ' ' && s[i] != '\t')
			i++;
		if (!uri_trigger(s + b, i - b))
			continue;
		if ((n = to_u16(t, s + b, i - b)) < 0)
			continue;
		st = U_ZERO_ERROR;
		uregex_setText(uri_regex(t), t->u, n, &st);
		ran = 1;
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
	if (ran) {
		st = U_ZERO_ERROR;
		uregex_setText(t->uri, u"", 0, &st);
	}
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
	size_t n, k;

	while (end > 0 && (s[end - 1] == ' ' || s[end - 1] == '\t'))
		end--;
	/* Each abbreviation, and the German ordinal, ends in '.'. */
	if (end < 2 || s[end - 1] != '.')
		return 0;
	a = abbrevs(t);
	for (k = t->abbrfirst[(unsigned char)s[end - 2]]; k != 0;
	    k = t->abbrnext[k - 1]) {
		n = t->abbrlen[k - 1];
		if (n > end || memcmp(s + end - n, a[k - 1], n) != 0)
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

static void
brk_add(struct text *t, size_t off)
{
	if (t->nbrk == t->brkcap) {
		t->brkcap = t->brkcap ? t->brkcap * 2 : 16;
		t->brk = xreallocarray(t->brk, t->brkcap, sizeof(*t->brk));
	}
	t->brk[t->nbrk++] = off;
}

/* The sentence breaks of ICU's iterator in t->brk; -1 on failure. */
static int
breaks_icu(struct text *t, const char *s, size_t len)
{
	UErrorCode st = U_ZERO_ERROR;
	int32_t n, e;

	t->nbrk = 0;
	if ((n = to_u16(t, s, len)) < 0)
		return -1;
	ubrk_setText(t->sent, t->u, n, &st);
	if (U_FAILURE(st))
		return -1;
	ubrk_first(t->sent);
	while ((e = ubrk_next(t->sent)) != UBRK_DONE)
		brk_add(t, t->map[e]);
	ubrk_setText(t->sent, u"", 0, &st);
	return 0;
}

static int
is_sterm(int c)
{
	return c == U_SB_ATERM || c == U_SB_STERM;
}

/*
 * The Sentence_Break class of the character at *i, which it passes;
 * -1 for what breaks_fast() leaves to ICU.
 */
static int
sb_class(const struct text *t, const char *s, size_t len, size_t *i)
{
	int32_t c;
	int cl;

	if ((unsigned char)s[*i] < 0x80)
		cl = t->sb[(unsigned char)s[(*i)++]];
	else if ((c = utf8_cp(s, len, i)) < 0)
		return -1;
	else
		cl = u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK);
	switch (cl) {
	case U_SB_CR:
	case U_SB_LF:
	case U_SB_SEP:
	case U_SB_EXTEND:
	case U_SB_FORMAT:
		return -1;
	}
	return cl;
}

/*
 * The sentence breaks of UAX #29 (rules SB6 to SB11, which ICU's root
 * rules implement) in t->brk, straight from UTF-8: ICU's iterator wants
 * UTF-16 and cost more than all the other steps of a line.  Text with
 * what these rules leave out (paragraph separators, CR, LF, the Extend
 * and Format classes of SB5, invalid UTF-8) returns -1 for breaks_icu().
 */
static int
breaks_fast(struct text *t, const char *s, size_t len)
{
	size_t i = 0, j, k, m, next, at;
	uint64_t w;
	int cl, term, before, brk, sp;

	/* Text too long for UTF-16 has no sentences, as ICU's. */
	if (!t->sent_rules || len >= INT32_MAX / 2)
		return -1;
	t->nbrk = 0;
	while (i < len) {
		/* ASCII that neither ends a sentence nor needs ICU. */
		if (i + 8 <= len && t->sbswar) {
			memcpy(&w, s + i, 8);
			if (!(w & HIGHS) && !utf8_has_byte(w, '.') &&
			    !utf8_has_byte(w, '!') && !utf8_has_byte(w, '?') &&
			    !utf8_has_byte(w, '\n') &&
			    !utf8_has_byte(w, '\r')) {
				i += 8;
				continue;
			}
		}
		if ((unsigned char)s[i] < 0x80 &&
		    t->sbfast[(unsigned char)s[i]]) {
			i++;
			continue;
		}
		at = i;
		if ((term = sb_class(t, s, len, &i)) == -1)
			return -1;
		if (!is_sterm(term))
			continue;
		/* SB9, SB10: SATerm Close* Sp* stays together. */
		before = -1;
		if (at > 0) {
			for (k = at - 1; k > 0 &&
			    ((unsigned char)s[k] & 0xC0) == 0x80; k--)
				;
			before = sb_class(t, s, len, &k);
		}
		cl = -1;
		for (j = k = i, sp = 0; j < len; j = k) {
			if ((cl = sb_class(t, s, len, &k)) == -1)
				return -1;
			if (cl == U_SB_SP)
				sp = 1;
			else if (cl != U_SB_CLOSE || sp)
				break;
		}
		if (j == len)
			break;
		/* SB8a: ... × (SContinue | SATerm) */
		brk = cl != U_SB_SCONTINUE && !is_sterm(cl);
		if (term == U_SB_ATERM && brk) {
			/*
			 * SB6: ATerm × Numeric; SB7: (Upper | Lower) ATerm ×
			 * Upper.
			 */
			if (j == i && (cl == U_SB_NUMERIC ||
			    (cl == U_SB_UPPER && (before == U_SB_UPPER ||
			    before == U_SB_LOWER))))
				brk = 0;
			/*
			 * SB8: ATerm Close* Sp* × (¬(OLetter | Upper | Lower
			 * | SATerm))* Lower.
			 */
			for (m = j, next = k; cl != U_SB_OLETTER &&
			    cl != U_SB_UPPER && cl != U_SB_LOWER &&
			    !is_sterm(cl); ) {
				if ((m = next) == len)
					break;
				if ((cl = sb_class(t, s, len, &next)) == -1)
					return -1;
			}
			if (m < len && cl == U_SB_LOWER)
				brk = 0;
		}
		if (brk)
			brk_add(t, j);
		i = j;
	}
	brk_add(t, len);
	return 0;
}

/*
 * Whether breaks_fast() agrees with the locale's ICU iterator on text
 * that takes each of its rules: a tailoring of the locale's or another
 * ICU's rules turns it off for good.
 */
static int
breaks_agree(struct text *t)
{
	static const char *const probe[] = {
		"One. Two! Three? four. U.S. Army, 3.5 etc. (sic) ok.",
		"Yes; No: maybe\xe3\x80\x82\xe5\x90\x97\xef\xbc\x9f Oui ! "
		    "\xc2\xbb Non. \"Quoted.\" Next?! Done.) [x] end.",
		"A.B. c.d. E.f. 4. 5! \xc3\x89t\xc3\xa9. "
		    "\xc3\xa9t\xc3\xa9?, so.",
		NULL
	};
	size_t i, k, n, brk[32];

	for (i = 0; probe[i] != NULL; i++) {
		n = strlen(probe[i]);
		if (breaks_fast(t, probe[i], n) == -1 || t->nbrk > 32)
			return 0;
		memcpy(brk, t->brk, t->nbrk * sizeof(*brk));
		k = t->nbrk;
		if (breaks_icu(t, probe[i], n) == -1 || t->nbrk != k ||
		    memcmp(brk, t->brk, k * sizeof(*brk)) != 0)
			return 0;
	}
	return 1;
}

/*
 * Sentences of s, by the plain ICU iterator and our own abbreviation
 * list (icu-notes 4), never breaking inside a URI.  Spans exclude
 * trailing blanks.
 */
static size_t
sentences(struct text *t, const char *s, size_t len, struct text_spans *sp,
    int icu)
{
	size_t b = 0, off, end, found = 0, i;
	int a;

	t->tmp.n = 0;
	text_find_uris(t, s, len, &t->tmp);
	if ((icu || breaks_fast(t, s, len) == -1) &&
	    breaks_icu(t, s, len) == -1)
		return 0;
	for (i = 0; i < t->nbrk; i++) {
		off = t->brk[i];
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
	return found;
}

size_t
text_sentences(struct text *t, const char *s, size_t len,
    struct text_spans *sp)
{
	return sentences(t, s, len, sp, 0);
}

/* text_sentences() by ICU's iterator alone: what tests hold it to. */
size_t
text_sentences_icu(struct text *t, const char *s, size_t len,
    struct text_spans *sp)
{
	return sentences(t, s, len, sp, 1);
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
		if ((c = utf8_cp(s + off, len, &i)) >= 0)
			put_cp(&t->key, fold_cp(c));
	}
	t->key.s[t->key.len] = '\0';
	k->klen = t->key.len - k->koff;
	k->hash = 2166136261u;
	for (i = k->koff; i < t->key.len; i++)
		k->hash = (k->hash ^ (unsigned char)t->key.s[i]) * 16777619u;
}

static int
edge_punct(const struct text *t, const char *s, size_t len, size_t i,
    size_t *n)
{
	size_t j = i;
	int32_t c;

	if ((unsigned char)s[i] < 0x80) {
		*n = 1;
		return t->apunct[(unsigned char)s[i]];
	}
	c = utf8_cp(s, len, &j);
	*n = j - i;
	return c >= 0 && u_ispunct(c);
}

/* A hash of tok_add()'s key of s, by code point. */
static uint32_t
key_hash(const char *s, size_t len)
{
	uint32_t h = 2166136261u;
	size_t i = 0;
	int32_t c;

	while (i < len) {
		if ((unsigned char)s[i] < 0x80)
			c = fold_cp((unsigned char)s[i++]);
		else if ((c = utf8_cp(s, len, &i)) >= 0)
			c = fold_cp(c);
		else
			continue;
		h = (h ^ (uint32_t)c) * 16777619u;
	}
	return h;
}

/*
 * Blank-separated tokens, trimmed of punctuation at both ends: with
 * add, each goes to t->tok; without, only whether a token's key may
 * equal one of the four before it (a hash of it does), which a group
 * repeated in a row needs.
 */
static int
tokens_blank(struct text *t, const char *s, size_t len, int add)
{
	uint32_t last[4], h;
	size_t i = 0, b, e, n, q, seen = 0;
	int ascii = !add && utf8_ascii(s, len) == len;

	while (i < len) {
		while (i < len && (s[i] == ' ' || s[i] == '\t'))
			i++;
		b = i;
		while (i < len && s[i] != ' ' && s[i] != '\t')
			i++;
		e = i;
		/* ASCII ends, the most of them, from the table inline. */
		while (b < e) {
			if ((unsigned char)s[b] < 0x80 &&
			    t->apunct[(unsigned char)s[b]])
				b++;
			else if ((unsigned char)s[b] >= 0x80 &&
			    edge_punct(t, s, e, b, &n))
				b += n;
			else
				break;
		}
		while (e > b && (unsigned char)s[e - 1] < 0x80 &&
		    t->apunct[(unsigned char)s[e - 1]])
			e--;
		while (e > b && (unsigned char)s[e - 1] >= 0x80) {
			size_t k = e - 1;

			while (k > b && ((unsigned char)s[k] & 0xC0) == 0x80)
				k--;
			if (!edge_punct(t, s, e, k, &n))
				break;
			e = k;
			while (e > b && (unsigned char)s[e - 1] < 0x80 &&
			    t->apunct[(unsigned char)s[e - 1]])
				e--;
		}
		if (e <= b)
			continue;
		if (add) {
			tok_add(t, s, b, e - b);
			continue;
		}
		/* In ASCII, equal keys have equal lengths and ends. */
		if (ascii)
			h = (uint32_t)(e - b) << 16 |
			    (uint32_t)fold_cp((unsigned char)s[b]) << 8 |
			    (uint32_t)fold_cp((unsigned char)s[e - 1]);
		else
			h = key_hash(s + b, e - b);
		for (q = 0; q < seen && q < 4; q++)
			if (last[q] == h)
				return 1;
		last[seen++ % 4] = h;
	}
	return 0;
}

static int
tok_eq(const struct text *t, size_t a, size_t b)
{
	const struct tok *x = &t->tok[a], *y = &t->tok[b];

	return x->hash == y->hash && x->klen == y->klen &&
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
			f = c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
			/* Digits are numbers, not stammering; blanks part. */
			if (c == ' ' || (c >= '0' && c <= '9')) {
				prev = -1;
				run = 0;
				continue;
			}
		} else {
			c = utf8_cp(s, len, &i);
			f = c < 0 ? -1 : fold_cp(c);
			if (f < 0 || f == ' ' || u_isdigit(c)) {
				prev = -1;
				run = 0;
				continue;
			}
		}
		if (f == prev) {
			if (++run > max) {
				while (i < len) {
					size_t j = i;

					c = utf8_cp(s, len, &j);
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
 * Whether ICU's word tokens of s could hold a group repeated more than
 * max times: the group's first token starts that many times, so the
 * case-folded code point it starts with occurs that often.  Word
 * boundaries never fall inside a run of ASCII letters and digits (UAX
 * #29 WB5, WB8 to WB10), so only the first of such a run counts.  Most
 * sentences with CJK text fail here and skip the word iterator; 1 when
 * it cannot tell.
 */
static int
word_repeat_possible(struct text *t, const char *s, size_t len,
    unsigned int max)
{
	enum { SLOTS = 256 };
	int32_t key[SLOTS];
	unsigned int cnt[SLOTS];
	size_t i = 0, used = 0, h;
	int32_t c;
	int alnum = 0;

	memset(cnt, 0, sizeof(cnt));
	while (i < len) {
		c = (unsigned char)s[i];
		if (c < 0x80) {
			i++;
			if (alnum && isalnum(c))
				continue;
			alnum = isalnum(c);
			if (c == ' ' || c == '\t')
				continue;
			c = fold_cp(c);
		} else {
			alnum = 0;
			if ((c = utf8_cp(s, len, &i)) < 0)
				return 1;
			c = fold_cp(c);
		}
		for (h = ((uint32_t)c * 2654435761u) % SLOTS;
		    cnt[h] != 0 && key[h] != c; h = (h + 1) % SLOTS)
			;
		if (cnt[h] == 0) {
			if (++used > SLOTS / 2)
				return 1;
			key[h] = c;
		}
		if (++cnt[h] > max)
			return 1;
	}
	return 0;
}

/*
 * For ASCII s, whether text_repeat() may find anything, in one pass:
 * repeat_chars()'s runs, and tokens_blank()'s tokens compared by length
 * and folded ends with the four before them.  Most sentences say no.
 */
static int
repeat_maybe_ascii(const struct text *t, const char *s, size_t len,
    unsigned int max)
{
	uint32_t last[4], h;
	size_t i = 0, b, e, q, seen = 0;
	unsigned int run = 0;
	int c, f, prev = -1;

	while (i < len) {
		for (b = i; i < len && s[i] != ' ' && s[i] != '\t'; i++) {
			c = (unsigned char)s[i];
			if (c >= '0' && c <= '9') {
				prev = -1;
				run = 0;
				continue;
			}
			f = c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
			if (f != prev) {
				prev = f;
				run = 1;
			} else if (++run > max)
				return 1;
		}
		for (e = i; b < e && t->apunct[(unsigned char)s[b]]; b++)
			;
		while (e > b && t->apunct[(unsigned char)s[e - 1]])
			e--;
		if (e > b) {
			h = (uint32_t)(e - b) << 16 |
			    (uint32_t)fold_cp((unsigned char)s[b]) << 8 |
			    (uint32_t)fold_cp((unsigned char)s[e - 1]);
			for (q = 0; q < seen && q < 4; q++)
				if (last[q] == h)
					return 1;
			last[seen++ % 4] = h;
		}
		for (; i < len && (s[i] == ' ' || s[i] == '\t'); i++) {
			if (s[i] == ' ') {
				prev = -1;
				run = 0;
			} else if (prev != '\t') {
				prev = '\t';
				run = 1;
			} else if (++run > max)
				return 1;
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

	if (utf8_ascii(s, len) == len && !repeat_maybe_ascii(t, s, len, max))
		return 0;
	if (repeat_chars(s, len, max, r))
		return 1;
	t->ntok = 0;
	t->key.len = 0;
	for (i = utf8_ascii(s, len); i < len && !cjk; i++)
		if ((unsigned char)s[i] >= 0xE2)
			cjk = 1;
	if (cjk && !word_repeat_possible(t, s, len, max))
		return 0;
	if (cjk) {
		text_words(t, s, len, &sp);
		for (k = 0; k < sp.n; k++)
			tok_add(t, s, sp.v[k].off, sp.v[k].len);
		text_spans_release(&sp);
	} else if (tokens_blank(t, s, len, 0))
		tokens_blank(t, s, len, 1);
	for (i = 0; i < t->ntok; i++) {
		for (n = 1; n <= 4 && i + n <= t->ntok; n++) {
			for (j = i + n; j + n <= t->ntok &&
			    group_eq(t, i, j, n); j += n)
				;
			/* (j - i) / n <= max, without a division. */
			if (j - i < ((size_t)max + 1) * n)
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

	/*
	 * The formats are opened here, at the first use: the spell-out
	 * rules and their clones were 0.95 ms of text_open(), and most
	 * runs spell nothing.  A failure is ICU's, as when formatting.
	 */
	if (t->num_state == 0)
		t->num_state = open_numbers(t) == 0 ? 1 : -1;
	if (t->num_state == -1)
		return -1;
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
	size_t i;
	int rc = -1;

	/*
	 * ASCII is its own NFD and NFC, and full case folding maps only
	 * A-Z in it: the key is the name in lower case (test_text holds
	 * this against ICU for every ASCII character).
	 */
	for (i = 0; s[i] != '\0' && (unsigned char)s[i] < 0x80; i++)
		;
	if (s[i] == '\0') {
		buf_grow(out, i);
		for (i = 0; s[i] != '\0'; i++)
			out->s[out->len++] = s[i] >= 'A' && s[i] <= 'Z' ?
			    (char)(s[i] - 'A' + 'a') : s[i];
		out->s[out->len] = '\0';
		return 0;
	}
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

/* One code point in another case: simple folding, lower, upper, title. */
int32_t
text_cp_case(int32_t c, enum text_case how)
{
	if (c < 0x80 && how != TEXT_CASE_UPPER && how != TEXT_CASE_TITLE)
		return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
	if (c < 0x80)
		return c >= 'a' && c <= 'z' ? c - ('a' - 'A') : c;
	switch (how) {
	case TEXT_CASE_FOLD:
		return u_foldCase(c, U_FOLD_CASE_DEFAULT);
	case TEXT_CASE_LOWER:
		return u_tolower(c);
	case TEXT_CASE_UPPER:
		return u_toupper(c);
	default:
		return u_totitle(c);
	}
}

/*
 * Reading spelled-out numbers back: the display pipeline's built-in ITN.
 * The numbers 0-999 are formatted into a table that answers most runs
 * of number words exactly.  When a run first names a scale, 1000-9999
 * and the heads of bigger numbers (each multiple of a thousand, a
 * million... by 1-999) join it; where the formatter writes a number as
 * its head, a blank and the rest (checked on samples), longer numbers
 * are read head by head; so are a sign and decimals ("minus five",
 * "three point one four") where the formatter writes them as a word
 * before or between numbers.  What is left before a scale, a sign or a
 * decimal point goes to ICU's lenient RBNF parse; the words it read make
 * a number only if formatting the value gives them back (lenient parsing
 * reads "one two" as 102).
 */
#define NUM_TABLE	1000	/* numbers formatted at once */
#define NUM_WIDE	10000	/* and when a scale word is first seen */
#define NUM_KEY		4	/* code points of a word that pick candidates */
#define NUM_WORDS	TEXT_NUM_WORDS	/* words of one number, at most */
#define NUM_WORD_MAX	96	/* bytes: a longer token is no number word */
#define NUM_MEMO	4096	/* parse results kept, direct-mapped */

/* A string pair in the pool: key and value offsets and lengths. */
struct num_ent {
	uint32_t	k, kn;
	uint32_t	v, vn;
};

struct num_memo {
	char	*k;
	size_t	 kn;
	char	*v;		/* NULL: not a number */
	size_t	 vn;
	size_t	 used;		/* bytes of k that the number covers */
};

/*
 * A run of words as text_num_read_words() read it: most runs of a text
 * are runs seen before ("forty two"), and reading one takes table
 * look-ups for each prefix.  The result holds for the tables it was
 * read with (wide or not).
 */
#define NUM_RMEMO	2048	/* runs kept, direct-mapped */
#define NUM_RKEY	40	/* bytes of a run kept; a longer one is read */
#define NUM_RVAL	22	/* bytes of digits kept; more are read again */

struct num_rmemo {
	char		k[NUM_RKEY];
	char		v[NUM_RVAL];
	unsigned char	kn;		/* 0: empty */
	unsigned char	vn;
	unsigned char	used;		/* bytes of k read, 0: no number */
	unsigned char	wide;
};

struct text_num {
	UNumberFormat	*spell;		/* spell-out, parsing leniently */
	UNumberFormat	*dec;		/* the locale's digits, no grouping */
	struct buf	 pool;
	struct num_ent	*tab;		/* words -> digits */
	size_t		 tabcap;	/* a power of two */
	int		 wide;		/* 1000-9999 and heads are in tab */
	int		 compose;	/* numbers are head, blank, rest */
	char		 dig[32];	/* a composed number */
	struct num_ent	 neg;		/* "minus" (k, kn in the pool) */
	struct num_ent	 point;		/* "point" */
	struct num_ent	 sep;		/* the locale's decimal separator */
	struct buf	 d;		/* a signed or decimal number */
	struct buf	 e;		/* one number read */
	struct num_ent	*pre;		/* word keys of number words */
	size_t		 precap;
	unsigned char	*keybits;	/* the same, as a filter: NUM_BITS */
	struct num_ent	*big;		/* scale, sign, decimal morphemes */
	size_t		 nbig;
	struct num_memo	 memo[NUM_MEMO];
	struct num_rmemo *rmemo;	/* NULL: not made yet */
	UChar		*u;
	int32_t		 ucap;
	struct buf	 a;		/* scratch of num_parse() */
	struct buf	 b;		/* scratch of keys and formats */
	struct buf	 c;		/* the run being read */
};

/* Where key s (hash h) sits in table t of cap slots, or an empty one. */
static size_t
num_slot_h(const struct text_num *tn, const struct num_ent *t, size_t cap,
    const char *s, size_t n, uint32_t hash)
{
	size_t h = hash & (cap - 1);

	while (t[h].kn != 0 && (t[h].kn != n ||
	    memcmp(tn->pool.s + t[h].k, s, n) != 0))
		h = (h + 1) & (cap - 1);
	return h;
}

static size_t
num_slot(const struct text_num *tn, const struct num_ent *t, size_t cap,
    const char *s, size_t n)
{
	return num_slot_h(tn, t, cap, s, n, strset_hash32(s, n));
}

/*
 * A key of 1 to NUM_KEY letters a-z, its bytes as one number, hashed to
 * its bit in the keybits filter (small enough to stay in cache; a set
 * bit is confirmed in the key set); -1 for any other key.
 */
#define NUM_BITS	65536
static long
num_keybit(const char *k, size_t n)
{
	uint32_t b = 0;
	size_t i;

	if (n == 0 || n > NUM_KEY)
		return -1;
	for (i = 0; i < n; i++) {
		if (k[i] < 'a' || k[i] > 'z')
			return -1;
		b |= (uint32_t)(unsigned char)k[i] << (8 * i);
	}
	return (long)((b * 2654435761u) >> 16);
}

static uint32_t
num_keep(struct text_num *tn, const char *s, size_t n)
{
	uint32_t off = (uint32_t)tn->pool.len;

	buf_add(&tn->pool, s, n);
	return off;
}

static void
num_put(struct text_num *tn, struct num_ent *t, size_t cap, const char *k,
    size_t kn, const char *v, size_t vn)
{
	size_t h = num_slot(tn, t, cap, k, kn);

	if (t[h].kn != 0)
		return;
	t[h].k = num_keep(tn, k, kn);
	t[h].kn = (uint32_t)kn;
	t[h].v = num_keep(tn, v, vn);
	t[h].vn = (uint32_t)vn;
}

/*
 * Number words as the table keys them: lowercase, soft hyphens dropped,
 * hyphens and blank runs as one space.  With morph, soft hyphens split
 * words too (German compounds: "zwei|und|vierzig").
 */
static void
num_norm(const char *s, size_t n, int morph, struct buf *out)
{
	size_t i = 0;
	int32_t c;
	int blank = 0;

	buf_reset(out);
	buf_grow(out, n + 8);
	while (i < n) {
		c = (unsigned char)s[i];
		if (c < 0x80)
			i++;
		else
			c = utf8_cp(s, n, &i);
		if (c == 0x00AD && !morph)
			continue;
		if (c == ' ' || c == '-' || c == 0x00AD || c == 0x00A0) {
			blank = out->len > 0;
			continue;
		}
		buf_grow(out, 8);
		if (blank)
			out->s[out->len++] = ' ';
		blank = 0;
		if (c < 0)
			c = 0xFFFD;
		if (c < 0x80)
			out->s[out->len++] = (char)(c >= 'A' && c <= 'Z' ?
			    c + ('a' - 'A') : c);
		else
			out->len += utf8_enc((uint32_t)text_cp_case(c,
			    TEXT_CASE_LOWER), out->s + out->len);
	}
	out->s[out->len] = '\0';
}

/* The first NUM_KEY code points of a word, lowercased, in out. */
static void
num_word_key(const char *s, size_t n, struct buf *out)
{
	size_t i = 0, k;

	for (k = 0; k < NUM_KEY && i < n; k++)
		(void)utf8_cp(s, n, &i);
	num_norm(s, i, 0, out);
}

/* Each word of a normalized string, with its key, into the key set. */
static void
num_add_keys(struct text_num *tn, const char *s, size_t n)
{
	const char *w, *end = s + n, *sp;
	long b;

	for (w = s; w < end; w = sp + 1) {
		if ((sp = memchr(w, ' ', (size_t)(end - w))) == NULL)
			sp = end;
		num_word_key(w, (size_t)(sp - w), &tn->b);
		if (tn->b.len == 0)
			continue;
		num_put(tn, tn->pre, tn->precap, tn->b.s, tn->b.len, "", 0);
		if ((b = num_keybit(tn->b.s, tn->b.len)) >= 0)
			tn->keybits[b / 8] |= (unsigned char)(1 << (b % 8));
	}
}

static int
num_format(struct text_num *tn, const char *dec, struct buf *out)
{
	UErrorCode st = U_ZERO_ERROR;
	int32_t n;

	n = unum_formatDecimal(tn->spell, dec, -1, tn->u, tn->ucap, NULL,
	    &st);
	if (U_FAILURE(st) || n >= tn->ucap)
		return -1;
	buf_reset(out);
	return from_u16(tn->u, n, out);
}

/* Whether morpheme m (of a scale, sign or point) is one of 0-99's. */
static int
num_small_morph(const struct buf *small, const char *m, size_t n)
{
	const char *p = small->s, *end, *nl;

	if (p == NULL)
		return 0;
	for (end = p + small->len; p < end; p = nl + 1) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if ((size_t)(nl - p) == n && memcmp(p, m, n) == 0)
			return 1;
	}
	return 0;
}

/* Kinds of big morphemes, in num_ent.v. */
#define NUM_STARTS	0x1	/* may start a number: "minus" */
#define NUM_SCALE	0x2	/* of a scale, not of a sign or point */

static void
num_big(struct text_num *tn, const char *m, size_t n, unsigned int kind)
{
	tn->big = xreallocarray(tn->big, tn->nbig + 1, sizeof(*tn->big));
	tn->big[tn->nbig].k = num_keep(tn, m, n);
	tn->big[tn->nbig].kn = (uint32_t)n;
	tn->big[tn->nbig].v = kind;
	tn->nbig++;
}

/* Morpheme m may start a number; it is big, and flagged so. */
static void
num_starter(struct text_num *tn, const char *m, size_t n, int big)
{
	num_big(tn, m, n, NUM_STARTS | (big == 2 ? NUM_SCALE : 0));
}

/*
 * Collect the morphemes of a formatted number: into small (0-99), or
 * as big ones when small does not have them (big is 2 for a scale, 1
 * for a sign or a decimal point).
 */
static void
num_morphs(struct text_num *tn, const struct buf *fmt, struct buf *small,
    int big)
{
	const char *w, *end, *sp;

	num_norm(fmt->s, fmt->len, 1, &tn->b);
	end = tn->b.s + tn->b.len;
	/* The first one may start a number: "minus", German "eine". */
	if (big && (sp = memchr(tn->b.s, ' ', tn->b.len)) != NULL &&
	    !num_small_morph(small, tn->b.s, (size_t)(sp - tn->b.s)))
		num_starter(tn, tn->b.s, (size_t)(sp - tn->b.s), big);
	for (w = tn->b.s; w < end; w = sp + 1) {
		if ((sp = memchr(w, ' ', (size_t)(end - w))) == NULL)
			sp = end;
		if (sp == w || num_small_morph(small, w, (size_t)(sp - w)))
			continue;
		if (!big) {
			buf_add(small, w, (size_t)(sp - w));
			buf_addc(small, '\n');
			continue;
		}
		num_big(tn, w, (size_t)(sp - w), big == 2 ? NUM_SCALE : 0);
		buf_add(small, w, (size_t)(sp - w));
		buf_addc(small, '\n');
	}
}

/* The words of a number as the formatter writes them, normalized. */
static int
num_words(struct text_num *tn, const char *dec, struct buf *out)
{
	if (num_format(tn, dec, &tn->b) == -1)
		return -1;
	num_norm(tn->b.s, tn->b.len, 0, out);
	return 0;
}

/*
 * Whether the formatter writes number x as the words of a, the word w
 * (n bytes), and the words of b, each part left out when NULL.
 */
static int
num_form_is(struct text_num *tn, const char *x, const char *a,
    const char *w, size_t n, const char *b)
{
	struct buf want = BUF_INIT, got = BUF_INIT;
	int ok = 0;

	if (a != NULL && num_words(tn, a, &want) == -1)
		goto out;
	if (want.len > 0)
		buf_addc(&want, ' ');
	buf_add(&want, w, n);
	if (b != NULL) {
		if (num_words(tn, b, &got) == -1)
			goto out;
		buf_addc(&want, ' ');
		buf_add(&want, got.s, got.len);
	}
	ok = num_words(tn, x, &got) == 0 && got.len == want.len &&
	    memcmp(got.s, want.s, got.len) == 0;
out:
	buf_release(&want);
	buf_release(&got);
	return ok;
}

/* Whether the n bytes at p end the words w, after a blank. */
static int
num_ends(const struct buf *w, const struct buf *p)
{
	return w->len > p->len && memcmp(w->s + w->len - p->len, p->s,
	    p->len) == 0 && w->s[w->len - p->len - 1] == ' ';
}

/*
 * The sign word ("minus") and the decimal point word ("point") where
 * the formatter writes them before or between whole numbers, checked
 * on samples; and the decimal separator of the locale's digits.
 */
static void
num_forms(struct text_num *tn)
{
	struct buf w = BUF_INIT, a = BUF_INIT, b = BUF_INIT;
	UErrorCode st = U_ZERO_ERROR;
	const char *p;
	size_t n;
	int32_t k;

	/* -21 is the sign word, then 21. */
	if (num_words(tn, "-21", &w) == 0 && num_words(tn, "21", &b) == 0 &&
	    num_ends(&w, &b) && (n = w.len - b.len - 1) > 0 &&
	    memchr(w.s, ' ', n) == NULL &&
	    num_form_is(tn, "-7", NULL, w.s, n, "7") &&
	    num_form_is(tn, "-300", NULL, w.s, n, "300")) {
		tn->neg.k = num_keep(tn, w.s, n);
		tn->neg.kn = (uint32_t)n;
	}
	/* 12.5 is 12, the point word, 5; 3.14 is 3, point, 1, 4. */
	if (num_words(tn, "12.5", &w) == 0 && num_words(tn, "12", &a) == 0 &&
	    num_words(tn, "5", &b) == 0 && num_ends(&w, &b) &&
	    w.len > a.len + b.len + 2 && memcmp(w.s, a.s, a.len) == 0 &&
	    w.s[a.len] == ' ') {
		p = w.s + a.len + 1;
		n = w.len - a.len - b.len - 2;
		buf_reset(&a);
		buf_add(&a, p, n);
		buf_addc(&a, ' ');
		if (memchr(p, ' ', n) == NULL && num_words(tn, "1", &b) == 0) {
			buf_add(&a, b.s, b.len);
			if (num_form_is(tn, "7.4", "7", p, n, "4") &&
			    num_form_is(tn, "0.5", "0", p, n, "5") &&
			    num_form_is(tn, "3.14", "3", a.s, a.len, "4")) {
				tn->point.k = num_keep(tn, p, n);
				tn->point.kn = (uint32_t)n;
			}
		}
	}
	k = unum_formatDecimal(tn->dec, "1.5", -1, tn->u, tn->ucap, NULL,
	    &st);
	buf_reset(&w);
	if (U_SUCCESS(st) && k >= 3 && from_u16(tn->u + 1, k - 2, &w) == 0) {
		tn->sep.k = num_keep(tn, w.s, w.len);
		tn->sep.kn = (uint32_t)w.len;
	}
	buf_release(&w);
	buf_release(&a);
	buf_release(&b);
}

static int
num_tables(struct text_num *tn)
{
	static const char *const bigs[] = { "1000", "100000", "1000000",
	    "1000000000", "1000000000000", "1000000000000000", "-1", "1.5" };
	struct buf small = BUF_INIT, fmt = BUF_INIT;
	char dig[16];
	size_t i;
	int rc = -1;

	tn->tabcap = 32768;
	tn->tab = xcalloc(tn->tabcap, sizeof(*tn->tab));
	tn->precap = 1024;
	tn->pre = xcalloc(tn->precap, sizeof(*tn->pre));
	tn->keybits = xcalloc(NUM_BITS / 8, 1);
	for (i = 0; i < NUM_TABLE; i++) {
		snprintf(dig, sizeof(dig), "%zu", i);
		if (num_format(tn, dig, &fmt) == -1)
			goto out;
		if (i < 100)
			num_morphs(tn, &fmt, &small, 0);
		num_norm(fmt.s, fmt.len, 0, &tn->a);
		num_put(tn, tn->tab, tn->tabcap, tn->a.s, tn->a.len, dig,
		    strlen(dig));
		num_add_keys(tn, tn->a.s, tn->a.len);
	}
	for (i = 0; i < sizeof(bigs) / sizeof(bigs[0]); i++) {
		if (num_format(tn, bigs[i], &fmt) == -1)
			goto out;
		num_morphs(tn, &fmt, &small, bigs[i][0] == '1' &&
		    strchr(bigs[i], '.') == NULL ? 2 : 1);
		num_norm(fmt.s, fmt.len, 0, &tn->a);
		num_add_keys(tn, tn->a.s, tn->a.len);
	}
	num_forms(tn);
	rc = 0;
out:
	buf_release(&small);
	buf_release(&fmt);
	return rc;
}

/* The scales that heads are made of: a thousand to a trillion. */
static const uint64_t num_scales[] = { 1000, 1000000, 1000000000,
    1000000000000ULL };

/* Format n and add it to the table; its normalized words in tn->a. */
static int
num_learn(struct text_num *tn, uint64_t n, struct buf *fmt)
{
	char dig[32];

	snprintf(dig, sizeof(dig), "%llu", (unsigned long long)n);
	if (num_format(tn, dig, fmt) == -1)
		return -1;
	num_norm(fmt->s, fmt->len, 0, &tn->a);
	num_put(tn, tn->tab, tn->tabcap, tn->a.s, tn->a.len, dig,
	    strlen(dig));
	return 0;
}

/* Whether the formatter writes n as its head, a blank, and the rest. */
static int
num_composes(struct text_num *tn, uint64_t head, uint64_t rest,
    struct buf *fmt)
{
	struct buf want = BUF_INIT;
	char dig[32];
	int ok = 0;

	snprintf(dig, sizeof(dig), "%llu", (unsigned long long)head);
	if (num_format(tn, dig, fmt) == -1)
		goto out;
	num_norm(fmt->s, fmt->len, 0, &want);
	snprintf(dig, sizeof(dig), "%llu", (unsigned long long)rest);
	if (num_format(tn, dig, fmt) == -1)
		goto out;
	num_norm(fmt->s, fmt->len, 0, &tn->a);
	buf_addc(&want, ' ');
	buf_add(&want, tn->a.s, tn->a.len);
	snprintf(dig, sizeof(dig), "%llu", (unsigned long long)(head +
	    rest));
	if (num_format(tn, dig, fmt) == -1)
		goto out;
	num_norm(fmt->s, fmt->len, 0, &tn->a);
	ok = tn->a.len == want.len && memcmp(tn->a.s, want.s, want.len) == 0;
out:
	buf_release(&want);
	return ok;
}

/* Add 1000-9999 and the heads to the table, once. */
static void
num_widen(struct text_num *tn)
{
	static const unsigned int samples[][2] = { { 1, 1 }, { 2, 15 },
	    { 21, 300 }, { 999, 999 }, { 7, 80 } };
	struct buf fmt = BUF_INIT;
	uint64_t n, a;
	size_t i, k;

	tn->wide = 1;
	for (n = NUM_TABLE; n < NUM_WIDE; n++)
		if (num_learn(tn, n, &fmt) == -1)
			goto out;
	for (k = 0; k < sizeof(num_scales) / sizeof(num_scales[0]); k++)
		for (a = k == 0 ? 10 : 1; a < 1000; a++)
			if (num_learn(tn, num_scales[k] * a, &fmt) == -1)
				goto out;
	tn->compose = 1;
	for (k = 0; k < sizeof(num_scales) / sizeof(num_scales[0]); k++)
		for (i = 0; i < sizeof(samples) / sizeof(samples[0]); i++)
			tn->compose &= num_composes(tn, num_scales[k] *
			    samples[i][0], k == 0 ? samples[i][1] :
			    num_scales[k - 1] * samples[i][0] + samples[i][1],
			    &fmt);
out:
	buf_release(&fmt);
}

/*
 * Open the number reader of a BCP 47 tag.  Returns NULL after a system
 * finding if ICU fails.
 */
struct text_num *
text_num_open(const char *tag, struct diag *d)
{
	struct text_num *tn;
	UErrorCode st = U_ZERO_ERROR;
	char icu[32];
	size_t i;

	snprintf(icu, sizeof(icu), "%s", tag);
	for (i = 0; icu[i] != '\0'; i++)
		if (icu[i] == '-')
			icu[i] = '_';
	tn = xcalloc(1, sizeof(*tn));
	tn->ucap = 1024;
	tn->u = xreallocarray(NULL, (size_t)tn->ucap, sizeof(*tn->u));
	tn->spell = unum_open(UNUM_SPELLOUT, NULL, 0, icu, NULL, &st);
	/* zh: the default ruleset writes zero as 〇; cardinal writes 零. */
	if (U_SUCCESS(st) && strncmp(icu, "zh", 2) == 0)
		unum_setTextAttribute(tn->spell, UNUM_DEFAULT_RULESET,
		    u"%spellout-cardinal", -1, &st);
	if (U_SUCCESS(st))
		unum_setAttribute(tn->spell, UNUM_LENIENT_PARSE, 1);
	if (U_SUCCESS(st))
		tn->dec = unum_open(UNUM_DECIMAL, NULL, 0, icu, NULL, &st);
	if (U_SUCCESS(st))
		unum_setAttribute(tn->dec, UNUM_GROUPING_USED, 0);
	if (U_FAILURE(st) || num_tables(tn) == -1) {
		diag_syserr(d, "cannot open ICU number formats for '%s': %s",
		    tag, U_FAILURE(st) ? u_errorName(st) : "failed");
		text_num_close(tn);
		return NULL;
	}
	return tn;
}

void
text_num_close(struct text_num *tn)
{
	size_t i;

	if (tn == NULL)
		return;
	unum_close(tn->spell);
	unum_close(tn->dec);
	buf_release(&tn->pool);
	free(tn->tab);
	free(tn->pre);
	free(tn->keybits);
	free(tn->big);
	free(tn->rmemo);
	for (i = 0; i < NUM_MEMO; i++) {
		free(tn->memo[i].k);
		free(tn->memo[i].v);
	}
	free(tn->u);
	buf_release(&tn->a);
	buf_release(&tn->b);
	buf_release(&tn->c);
	buf_release(&tn->d);
	buf_release(&tn->e);
	free(tn);
}

/*
 * Whether the word at the start of s (len bytes to the line's end) may
 * be a number word: its key is a known one.  If so, *n is its length.
 */
static int
num_candidate(struct text_num *tn, const char *s, size_t len, size_t *n)
{
	char k[NUM_KEY];
	size_t i, j;
	uint32_t b = 0;
	int c;

	/* Most words are plain ASCII letters: key them in place. */
	for (i = 0; i < len && i < NUM_KEY && s[i] != ' '; i++) {
		c = (unsigned char)s[i] | 0x20;
		if (c < 'a' || c > 'z')
			break;
		k[i] = (char)c;
		b |= (uint32_t)c << (8 * i);
	}
	/* The same bit as num_keybit() gives. */
	b = (b * 2654435761u) >> 16;
	if (i > 0 && (i == len || i == NUM_KEY || s[i] == ' ') &&
	    !((tn->keybits[b / 8] >> (b % 8)) & 1))
		return 0;
	for (j = i; j < len && s[j] != ' '; j++)
		;
	if (j == 0 || j > NUM_WORD_MAX)
		return 0;
	*n = j;
	if ((i == j || i == NUM_KEY) && num_keybit(k, i) >= 0)
		return tn->pre[num_slot(tn, tn->pre, tn->precap, k, i)].kn != 0;
	for (i = 0; i < j; i++)
		if (s[i] >= '0' && s[i] <= '9')
			return 0;
	num_word_key(s, j, &tn->b);
	return tn->pre[num_slot(tn, tn->pre, tn->precap, tn->b.s,
	    tn->b.len)].kn != 0;
}

/*
 * Whether the word s (normalized) names a scale, a sign or a decimal
 * point: it is one ("thousand"), or ends a compound ("zweitausend");
 * "points" and "hunderte" do not count.  With first, a word that is one
 * counts only if it can start a number ("minus", not "point"); with
 * noscale, scales do not count, with noother, signs and points do not.
 */
static int
num_has_big(const struct text_num *tn, const char *s, size_t n, int first,
    int noscale, int noother)
{
	size_t i, k, m;

	for (i = 0; i < tn->nbig; i++) {
		m = tn->big[i].kn;
		if ((noscale && (tn->big[i].v & NUM_SCALE)) ||
		    (noother && !(tn->big[i].v & NUM_SCALE)))
			continue;
		if (m == n && memcmp(s, tn->pool.s + tn->big[i].k, m) == 0 &&
		    (!first || (tn->big[i].v & NUM_STARTS)))
			return 1;
		for (k = 1; k + m <= n; k++)
			if (memcmp(s + k, tn->pool.s + tn->big[i].k, m) == 0)
				return 1;
	}
	return 0;
}

/*
 * ICU's reading of the words s (normalized): the longest number at its
 * start, checked by formatting it back.  The digits go to out and the
 * bytes of s they stand for to *used; returns 0, or -1 if none.
 */
static int
num_parse(struct text_num *tn, const char *s, size_t n, struct buf *out,
    size_t *used)
{
	UErrorCode st = U_ZERO_ERROR;
	char dec[128];
	int32_t un, pos = 0, len, pb = 0;

	u_strFromUTF8(tn->u, tn->ucap, &un, s, (int32_t)n, &st);
	if (U_FAILURE(st) || un >= tn->ucap)
		return -1;
	len = unum_parseDecimal(tn->spell, tn->u, un, &pos, dec, sizeof(dec),
	    &st);
	if (U_FAILURE(st) || pos <= 0 || len <= 0 ||
	    (size_t)len >= sizeof(dec))
		return -1;
	/* Where the parse stopped, in bytes: at a word end, or no number. */
	u_strToUTF8(NULL, 0, &pb, tn->u, pos, &st);
	if (st != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(st))
		return -1;
	st = U_ZERO_ERROR;
	while (pb > 0 && s[pb - 1] == ' ')
		pb--;
	if (pb == 0 || ((size_t)pb < n && s[pb] != ' '))
		return -1;
	if (num_format(tn, dec, &tn->b) == -1)
		return -1;
	num_norm(tn->b.s, tn->b.len, 0, &tn->a);
	if (tn->a.len != (size_t)pb || memcmp(tn->a.s, s, (size_t)pb) != 0)
		return -1;
	len = unum_formatDecimal(tn->dec, dec, -1, tn->u, tn->ucap, NULL, &st);
	if (U_FAILURE(st) || len >= tn->ucap)
		return -1;
	*used = (size_t)pb;
	return from_u16(tn->u, len, out);
}

/* num_parse() through the memo: the digits, or NULL. */
static const char *
num_memo_parse(struct text_num *tn, const char *s, size_t n, size_t *vn,
    size_t *used)
{
	struct num_memo *m = &tn->memo[strset_hash32(s, n) % NUM_MEMO];
	struct buf v = BUF_INIT;

	if (m->k == NULL || m->kn != n || memcmp(m->k, s, n) != 0) {
		free(m->k);
		free(m->v);
		m->k = xstrndup(s, n);
		m->kn = n;
		m->v = NULL;
		m->vn = m->used = 0;
		if (num_parse(tn, s, n, &v, &m->used) == 0) {
			m->vn = v.len;
			m->v = buf_detach(&v);
		}
		buf_release(&v);
	}
	*vn = m->vn;
	*used = m->used;
	return m->v;
}

/*
 * Read a spelled-out number at the start of s (a word start; len is the
 * rest of the line): the longest run of at most NUM_WORDS blank-separated
 * words that reads back as one number.  Appends its digits to out and
 * returns the bytes read, or returns 0 if no number starts here.
 */
/*
 * A run of number words: the words as read, and the run normalized in
 * tn->c, with the length and hash of each prefix of whole words.
 */
struct num_run {
	size_t		nw;
	size_t		starts[NUM_WORDS];
	size_t		ends[NUM_WORDS];
	size_t		nend[NUM_WORDS];	/* tn->c bytes of words 0..k */
	uint32_t	h[NUM_WORDS];
};

/* The value of table entry e. */
static uint64_t
num_value(const struct text_num *tn, const struct num_ent *e)
{
	return strtoull(tn->pool.s + e->v, NULL, 10);
}

/* The scale of v: 1000, a million... or 1 below a thousand. */
static uint64_t
num_scale(uint64_t v)
{
	uint64_t scale = 1;
	size_t i;

	for (i = 0; i < sizeof(num_scales) / sizeof(num_scales[0]); i++)
		if (v >= num_scales[i])
			scale = num_scales[i];
	return scale;
}

/* Normalize the run into tn->c, word by word. */
static void
num_run_norm(struct text_num *tn, const char *s, struct num_run *r)
{
	uint32_t h = 0;
	size_t k, i, j, e;
	char *c;

	buf_reset(&tn->c);
	buf_grow(&tn->c, r->ends[r->nw - 1]);
	c = tn->c.s;
	for (k = 0; k < r->nw; k++) {
		i = tn->c.len;
		e = r->ends[k];
		/* Lowercase ASCII letters, the common case, in place. */
		for (j = r->starts[k]; j < e && ((s[j] >= 'a' && s[j] <= 'z') ||
		    (s[j] >= 'A' && s[j] <= 'Z')); j++)
			;
		if (j == e) {
			buf_grow(&tn->c, e - r->starts[k] + 1);
			c = tn->c.s;
			if (i > 0)
				c[tn->c.len++] = ' ';
			for (j = r->starts[k]; j < e; j++)
				c[tn->c.len++] = (char)(s[j] | 0x20);
			c[tn->c.len] = '\0';
		} else {
			num_norm(s + r->starts[k], e - r->starts[k], 0,
			    &tn->b);
			if (i > 0 && tn->b.len > 0)
				buf_addc(&tn->c, ' ');
			buf_add(&tn->c, tn->b.s, tn->b.len);
			c = tn->c.s;
		}
		for (; i < tn->c.len; i++)
			h = strset_step(h, (unsigned char)c[i]);
		r->nend[k] = tn->c.len;
		r->h[k] = strset_mix(h);
	}
}

/* Where word k of the run starts in tn->c. */
static size_t
num_from(const struct num_run *r, size_t k)
{
	return k == 0 ? 0 : r->nend[k - 1] + 1;
}

/*
 * The longest run of words from word k on that the table holds: the
 * word after it, or k if none.
 */
static size_t
num_lookup(struct text_num *tn, const struct num_run *r, size_t k,
    const struct num_ent **hit)
{
	const struct num_ent *e;
	size_t j, from = num_from(r, k);

	for (j = r->nw; j > k; j--) {
		if (r->nend[j - 1] <= from)
			continue;
		e = &tn->tab[k == 0 ? num_slot_h(tn, tn->tab, tn->tabcap,
		    tn->c.s, r->nend[j - 1], r->h[j - 1]) : num_slot(tn,
		    tn->tab, tn->tabcap, tn->c.s + from, r->nend[j - 1] -
		    from)];
		if (e->kn != 0) {
			*hit = e;
			return j;
		}
	}
	return k;
}

/* Whether word k of the run is the word w (an entry of the pool). */
static int
num_word_is(const struct text_num *tn, const struct num_run *r, size_t k,
    const struct num_ent *w)
{
	size_t from = num_from(r, k);

	return w->kn > 0 && k < r->nw && r->nend[k] - from == w->kn &&
	    memcmp(tn->c.s + from, tn->pool.s + w->k, w->kn) == 0;
}

/*
 * After a whole head (21000 from "twenty one thousand"), read the rest
 * head by head ("three hundred"), each part below the last one's scale.
 * Returns the words of the whole number (its digits in tn->dig), or
 * 0 if nothing follows the head.
 */
static size_t
num_compose(struct text_num *tn, const struct num_run *r, size_t pos,
    uint64_t total)
{
	const struct num_ent *e;
	uint64_t limit = num_scale(total), v;
	size_t k, from, start = pos;
	int found = 1;

	if (total % limit != 0 || limit < 1000)
		return 0;
	while (found && pos < r->nw && limit > 1) {
		found = 0;
		from = num_from(r, pos);
		for (k = r->nw; k > pos && !found; k--) {
			if (r->nend[k - 1] <= from)
				continue;
			e = &tn->tab[num_slot(tn, tn->tab, tn->tabcap,
			    tn->c.s + from, r->nend[k - 1] - from)];
			if (e->kn == 0 || (v = num_value(tn, e)) >= limit ||
			    v == 0)
				continue;
			total += v;
			/* Only a whole head takes a rest: 2000, not 2024. */
			limit = v % num_scale(v) == 0 ? num_scale(v) : 1;
			pos = k;
			found = 1;
		}
	}
	if (pos == start)
		return 0;
	snprintf(tn->dig, sizeof(tn->dig), "%llu", (unsigned long long)total);
	return pos;
}

/* Whether word k of the run names a scale, a sign or a decimal point. */
static int
num_big_at(struct text_num *tn, const struct num_run *r, size_t k,
    int first, int noscale, int noother)
{
	size_t from = num_from(r, k);

	if (k >= r->nw || r->nend[k] <= from)
		return 0;
	return num_has_big(tn, tn->c.s + from, r->nend[k] - from, first,
	    noscale, noother);
}

/*
 * The whole number from word k of the run: the word after it (k if
 * none); its digits in *v, *vn.
 */
static size_t
num_int(struct text_num *tn, const struct num_run *r, size_t k,
    const char **v, size_t *vn)
{
	const struct num_ent *e = NULL;
	size_t best, j;

	best = num_lookup(tn, r, k, &e);
	/* A scale word next: "one thousand", "twenty thousand". */
	if (best < r->nw && !tn->wide && num_big_at(tn, r, best, best == k,
	    0, 1)) {
		num_widen(tn);
		best = num_lookup(tn, r, k, &e);
	}
	if (best == k)
		return k;
	*v = tn->pool.s + e->v;
	*vn = e->vn;
	if (best < r->nw && tn->compose &&
	    (j = num_compose(tn, r, best, num_value(tn, e))) > best) {
		best = j;
		*v = tn->dig;
		*vn = strlen(tn->dig);
	}
	return best;
}

/*
 * Decimals after word k of the run: the point word and single digits
 * ("point one four").  Appends them to tn->d and returns the word after
 * them, or returns k.
 */
static size_t
num_decimals(struct text_num *tn, const struct num_run *r, size_t k)
{
	const struct num_ent *e = NULL;
	size_t j, n;

	if (!num_word_is(tn, r, k, &tn->point))
		return k;
	n = tn->d.len;
	buf_add(&tn->d, tn->pool.s + tn->sep.k, tn->sep.kn);
	for (j = k + 1; j < r->nw && num_lookup(tn, r, j, &e) == j + 1 &&
	    e->vn == 1; j++)
		buf_add(&tn->d, tn->pool.s + e->v, 1);
	if (j == k + 1) {
		tn->d.len = n;
		return k;
	}
	return j;
}

static size_t num_read_run(struct text_num *, const char *, struct num_run *,
    struct buf *);

static size_t
num_read(struct text_num *tn, const char *s, size_t len, struct buf *out)
{
	struct num_run r;
	size_t i = 0, j;

	r.nw = 0;
	while (r.nw < NUM_WORDS) {
		if (!num_candidate(tn, s + i, len - i, &j))
			break;
		j += i;
		r.starts[r.nw] = i;
		r.ends[r.nw++] = j;
		for (i = j; i < len && s[i] == ' '; i++)
			;
		if (i == len)
			break;
	}
	return num_read_run(tn, s, &r, out);
}

/* num_read() once the run of number words r of s is known. */
static size_t
num_read_run(struct text_num *tn, const char *s, struct num_run *r,
    struct buf *out)
{
	size_t j, k, best, vn = 0, used, neg;
	const char *v = NULL, *bv;

	if (r->nw == 0)
		return 0;
	num_run_norm(tn, s, r);
	neg = r->nw > 1 && num_word_is(tn, r, 0, &tn->neg);
	best = num_int(tn, r, neg, &v, &vn);
	if (best > neg) {
		/* A sign, decimals: written out here. */
		buf_reset(&tn->d);
		if (neg)
			buf_addc(&tn->d, '-');
		buf_add(&tn->d, v, vn);
		j = tn->d.len;
		best = num_decimals(tn, r, best);
		if (neg || tn->d.len > j) {
			v = tn->d.s;
			vn = tn->d.len;
		}
	} else
		best = 0;
	/*
	 * Beyond that, before a sign or point (with more words after it:
	 * "six point one", not "at one point") that the forms above do not
	 * cover, or a scale where heads do not compose: ICU reads the run,
	 * and the words its number covers are counted back.
	 */
	if (best + 1 < r->nw && num_big_at(tn, r, best, best == 0,
	    tn->compose, tn->neg.kn > 0 && tn->point.kn > 0) &&
	    (bv = num_memo_parse(tn, tn->c.s, tn->c.len, &j, &used)) != NULL)
		for (k = r->nw; k > best; k--)
			if (r->nend[k - 1] == used) {
				best = k;
				v = bv;
				vn = j;
				break;
			}
	if (best == 0)
		return 0;
	buf_add(out, v, vn);
	return r->ends[best - 1];
}

/*
 * Read the spelled-out numbers of a line back as digits.  If there is
 * one, write the line so changed to out and return 1; else return 0 and
 * write nothing.
 */
int
text_num_line(struct text_num *tn, const char *s, size_t len,
    struct buf *out)
{
	size_t i = 0, pos = 0, n;
	int changed = 0;

	while (i < len) {
		if (s[i] == ' ') {
			i++;
			continue;
		}
		if ((n = num_read(tn, s + i, len - i, &tn->e)) > 0) {
			buf_add(out, s + pos, i - pos);
			buf_add(out, tn->e.s, tn->e.len);
			buf_reset(&tn->e);
			i = pos = i + n;
			changed = 1;
			continue;
		}
		while (i < len && s[i] != ' ')
			i++;
	}
	if (changed)
		buf_add(out, s + pos, len - pos);
	return changed;
}

int
text_num_word(struct text_num *tn, const char *s, size_t n)
{
	size_t j;

	/* num_candidate() reads to the first blank: n ends the word. */
	return num_candidate(tn, s, n, &j);
}

size_t
text_num_read_words(struct text_num *tn, const char *s, const size_t *a,
    const size_t *b, size_t n, struct buf *out)
{
	struct num_rmemo *m = NULL;
	struct num_run r;
	size_t kn, at = out->len, used;

	for (r.nw = 0; r.nw < n && r.nw < NUM_WORDS; r.nw++) {
		r.starts[r.nw] = a[r.nw];
		r.ends[r.nw] = b[r.nw];
	}
	if (r.nw == 0)
		return 0;
	/* The run's bytes, blanks and all, are the key. */
	if (a[0] == 0 && (kn = r.ends[r.nw - 1]) <= NUM_RKEY) {
		if (tn->rmemo == NULL)
			tn->rmemo = xcalloc(NUM_RMEMO, sizeof(*tn->rmemo));
		m = &tn->rmemo[strset_hash32(s, kn) & (NUM_RMEMO - 1)];
		if (m->kn == kn && m->wide == tn->wide &&
		    memcmp(m->k, s, kn) == 0) {
			buf_add(out, m->v, m->vn);
			return m->used;
		}
	}
	used = num_read_run(tn, s, &r, out);
	/*
	 * A read that widened the tables gives what it would have given
	 * wide from the start (the look-up after widening is the one that
	 * counts), so it is kept as wide.
	 */
	if (m != NULL && out->len - at <= NUM_RVAL) {
		memcpy(m->k, s, kn);
		m->kn = (unsigned char)kn;
		/* No number: out may still have no buffer. */
		if (out->len > at)
			memcpy(m->v, out->s + at, out->len - at);
		m->vn = (unsigned char)(out->len - at);
		m->used = (unsigned char)used;
		m->wide = (unsigned char)tn->wide;
	}
	return used;
}
