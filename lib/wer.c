/*
 * Scoring recognition output: normalization, tokens, totals, Kaldi's
 * summary and a sign test.
 *
 * Normalization (both sides, the service's rules for reference
 * transcripts): controls dropped; NFC; full- and half-width forms
 * folded (U+FF21 'A' is 'A', half-width kana full width); typographic
 * quotes, dashes and spaces mapped (U+2019 is "'"); with spell, numbers
 * spelled out in the locale (reference only); locale lowercasing;
 * punctuation (Unicode P*) becomes a blank, but an apostrophe between
 * two letters or digits stays ("i'm"); for de-DE also + * = < >; blanks
 * squeezed.  Only lib/text.c calls ICU.
 *
 * Token error rate (wer_ter()): the display text as written, only
 * controls and invisible characters dropped, NFC and exotic spaces made
 * blanks, so nothing a reader sees is changed; each error is then put in
 * one category by wer_classify().
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "align.h"
#include "buf.h"
#include "dataset.h"
#include "diag.h"
#include "hyp.h"
#include "io.h"
#include "text.h"
#include "trans.h"
#include "utf8.h"
#include "wer.h"
#include "xalloc.h"

/* Work buffers of wer_classify(), by use. */
enum {
	CB_FR, CB_FH,		/* one edit's tokens, lowercased */
	CB_BR, CB_BH,		/* the same, bare */
	CB_JFR, CB_JFH,		/* the stretch's tokens, lowercased, joined */
	CB_JBR, CB_JBH,		/* the same, bare */
	CB_DR, CB_DH,		/* the stretch's digits */
	WER_CB_N
};

struct wer {
	struct text	*t;
	struct wer_opts	 o;
	int		 de;
	/* The vocabulary: ids from ALIGN_WORD, strings in pool. */
	uint32_t	*tab;		/* open addressing; 0 is empty */
	size_t		 tabcap;
	size_t		*off;		/* by id - ALIGN_WORD */
	size_t		 nword;
	size_t		 offcap;
	struct buf	 pool;
	struct buf	 b1, b2;
	struct wer_toks	 rt, ht;
	const char	*sys;		/* the hypothesis set, for messages */
	/* Token errors: the last alignment re-paired, its categories. */
	int		 ter;
	struct align	*tal;		/* re-pairs a stretch of errors */
	struct align_op	*top;		/* the last alignment, re-paired */
	size_t		 ntop;
	size_t		 topcap;
	unsigned char	*cat;		/* by operation of top */
	uint32_t	*sr, *sh;	/* a stretch's bare ids */
	size_t		*si;		/* its reference indexes */
	size_t		 scap;
	struct buf	 cb[WER_CB_N];
	/* Confusions: (ref, hyp) id pairs, WER_NOID for a gap. */
	struct wer_conf	*conf;		/* open addressing; n 0 is empty */
	size_t		 confcap;
	size_t		 nconf;
};

#define WER_NOID	UINT32_MAX

struct wer_conf {
	uint32_t	r;
	uint32_t	h;
	size_t		n;
};

static const char *const unit_names[] = { "word", "char", "mixed" };

int
wer_unit_parse(const char *s, enum wer_unit *u)
{
	size_t i;

	for (i = 0; i < sizeof(unit_names) / sizeof(unit_names[0]); i++)
		if (strcmp(s, unit_names[i]) == 0) {
			*u = (enum wer_unit)i;
			return 0;
		}
	return -1;
}

/* Characters for Chinese and Japanese, words for the rest. */
enum wer_unit
wer_unit_default(const char *locale)
{
	if (locale != NULL && (strncmp(locale, "zh", 2) == 0 ||
	    strncmp(locale, "ja", 2) == 0))
		return WER_UNIT_MIXED;
	return WER_UNIT_WORD;
}

struct wer *
wer_open(const struct wer_opts *o, struct diag *d)
{
	struct wer *w;

	w = xcalloc(1, sizeof(*w));
	w->o = *o;
	if (w->o.locale == NULL)
		w->o.locale = "en-US";
	w->de = strncmp(w->o.locale, "de", 2) == 0;
	if (w->o.normalize && (w->t = text_open(w->o.locale, d)) == NULL) {
		free(w);
		return NULL;
	}
	w->tabcap = 1024;
	w->tab = xcalloc(w->tabcap, sizeof(*w->tab));
	/* lib/text.c compares its output with memcmp(): never NULL. */
	buf_grow(&w->b1, 256);
	buf_grow(&w->b2, 256);
	return w;
}

void
wer_close(struct wer *w)
{
	size_t i;

	if (w == NULL)
		return;
	text_close(w->t);
	free(w->tab);
	free(w->off);
	buf_release(&w->pool);
	buf_release(&w->b1);
	buf_release(&w->b2);
	wer_toks_release(&w->rt);
	wer_toks_release(&w->ht);
	free(w->conf);
	align_free(w->tal);
	free(w->top);
	free(w->cat);
	free(w->sr);
	free(w->sh);
	free(w->si);
	for (i = 0; i < WER_CB_N; i++)
		buf_release(&w->cb[i]);
	free(w);
}

/*
 * Score the token errors of display text from now on: texts as written
 * but for what no reader sees (see the top of this file), each error
 * put in a category; costs are those of the caller's alignments.  -1 if
 * the locale's ICU objects, which the categories need even with
 * normalize off, cannot be opened.
 */
int
wer_ter(struct wer *w, enum align_costs costs, struct diag *d)
{
	if (w->t == NULL && (w->t = text_open(w->o.locale, d)) == NULL)
		return -1;
	if (w->tal == NULL)
		w->tal = align_new(costs);
	w->ter = 1;
	return 0;
}

void
wer_toks_release(struct wer_toks *t)
{
	free(t->v);
	t->v = NULL;
	t->n = t->cap = 0;
}

static void
toks_add(struct wer_toks *t, uint32_t id)
{
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 64;
		t->v = xreallocarray(t->v, t->cap, sizeof(*t->v));
	}
	t->v[t->n++] = id;
}

static uint64_t
hash(const char *s, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

const char *
wer_word(const struct wer *w, uint32_t id)
{
	switch (id) {
	case ALIGN_NULL:
		return "@";
	case ALIGN_OPEN:
		return "{";
	case ALIGN_OR:
		return "/";
	case ALIGN_CLOSE:
		return "}";
	}
	if (id - ALIGN_WORD >= w->nword)
		return "";
	return w->pool.s + w->off[id - ALIGN_WORD];
}

static void
tab_grow(struct wer *w)
{
	uint32_t *old = w->tab, id;
	size_t oldcap = w->tabcap, i, k;
	const char *s;

	w->tabcap *= 2;
	w->tab = xcalloc(w->tabcap, sizeof(*w->tab));
	for (i = 0; i < oldcap; i++) {
		if ((id = old[i]) == 0)
			continue;
		s = wer_word(w, id);
		k = hash(s, strlen(s)) & (w->tabcap - 1);
		while (w->tab[k] != 0)
			k = (k + 1) & (w->tabcap - 1);
		w->tab[k] = id;
	}
	free(old);
}

/* The id of the word s[0..n). */
static uint32_t
intern(struct wer *w, const char *s, size_t n)
{
	size_t k;
	uint32_t id;
	const char *p;

	if ((w->nword + 1) * 2 > w->tabcap)
		tab_grow(w);
	k = hash(s, n) & (w->tabcap - 1);
	while ((id = w->tab[k]) != 0) {
		p = w->pool.s + w->off[id - ALIGN_WORD];
		if (strncmp(p, s, n) == 0 && p[n] == '\0')
			return id;
		k = (k + 1) & (w->tabcap - 1);
	}
	if (w->nword == w->offcap) {
		w->offcap = w->offcap ? w->offcap * 2 : 256;
		w->off = xreallocarray(w->off, w->offcap, sizeof(*w->off));
	}
	w->off[w->nword] = w->pool.len;
	buf_add(&w->pool, s, n);
	buf_addc(&w->pool, '\0');
	id = (uint32_t)(w->nword++ + ALIGN_WORD);
	w->tab[k] = id;
	return id;
}

static int
wordish(int32_t c)
{
	enum text_class k;

	if (c < 0)
		return 0;
	k = text_char_class(c);
	return k == TEXT_C_LETTER || k == TEXT_C_UPPER || k == TEXT_C_DIGIT;
}

/* Punctuation to blanks, apostrophes inside words kept. */
static void
strip_punct(const struct wer *w, const char *s, size_t len, struct buf *out)
{
	size_t i = 0, at, j;
	int32_t c, prev = -1, next;

	while (i < len) {
		at = i;
		c = utf8_cp(s, len, &i);
		if (c == '\'') {
			j = i;
			next = j < len ? utf8_cp(s, len, &j) : -1;
			if (wordish(prev) && wordish(next)) {
				buf_addc(out, '\'');
				prev = c;
				continue;
			}
		} else if (c >= 0 && text_char_class(c) != TEXT_C_PUNCT &&
		    !(w->de && c < 0x80 && c != 0 && strchr("+*=<>", c))) {
			buf_add(out, s + at, i - at);
			prev = c;
			continue;
		}
		buf_addc(out, ' ');
		prev = ' ';
	}
}

/* One text as scored, into out; -1 if ICU fails on it. */
static int
norm_text(struct wer *w, const char *s, size_t len, int spell,
    struct buf *out)
{
	struct buf *a = &w->b1, *b = &w->b2;

	if (!w->o.normalize || len == 0) {
		text_squeeze(s, len, out);
		return 0;
	}
	buf_reset(a);
	buf_reset(b);
	if (text_clean(w->t, s, len, a) == -1 ||
	    text_nfc(w->t, a->s, a->len, b) == -1)
		return -1;
	buf_reset(a);
	if (w->ter) {
		/* Case, punctuation and numbers are what is scored. */
		if (text_punct_map(w->t, b->s, b->len, TEXT_PM_SPACE, a) == -1)
			return -1;
		text_squeeze(a->s, a->len, out);
		return 0;
	}
	if (text_fold_width(w->t, b->s, b->len, 0, a) == -1)
		return -1;
	buf_reset(b);
	if (text_punct_map(w->t, a->s, a->len, TEXT_PM_SPACE | TEXT_PM_QUOTE,
	    b) == -1)
		return -1;
	if (spell) {
		buf_reset(a);
		if (text_spell_numbers(w->t, b->s, b->len, a) == -1)
			return -1;
		buf_reset(b);
		buf_add(b, a->s, a->len);
	}
	buf_reset(a);
	if (text_lower(w->t, b->s, b->len, a) == -1)
		return -1;
	buf_reset(b);
	strip_punct(w, a->s, a->len, b);
	text_squeeze(b->s, b->len, out);
	return 0;
}

static int
is_cjk(const char *s, size_t n)
{
	return n >= 3 && text_has_cjk(s, n);
}

/* The tokens of normalized text s, by the unit. */
static void
split(struct wer *w, const char *s, size_t len, struct wer_toks *t)
{
	size_t i = 0, b, at;

	while (i < len) {
		if (s[i] == ' ' || s[i] == '\t') {
			i++;
			continue;
		}
		b = i;
		if (w->o.unit == WER_UNIT_WORD) {
			while (i < len && s[i] != ' ' && s[i] != '\t')
				i++;
		} else if (w->o.unit == WER_UNIT_CHAR) {
			(void)utf8_cp(s, len, &i);
		} else {
			at = i;
			(void)utf8_cp(s, len, &i);
			if (!is_cjk(s + at, i - at))
				for (;;) {
					at = i;
					if (i >= len || s[i] == ' ' ||
					    s[i] == '\t')
						break;
					(void)utf8_cp(s, len, &i);
					if (is_cjk(s + at, i - at)) {
						i = at;
						break;
					}
				}
		}
		toks_add(t, intern(w, s + b, i - b));
	}
}

static int
add_text(struct wer *w, const char *s, size_t len, int spell,
    struct wer_toks *t)
{
	struct buf n = BUF_INIT;
	int rc;

	if ((rc = norm_text(w, s, len, spell, &n)) == 0)
		split(w, n.s != NULL ? n.s : "", n.len, t);
	buf_release(&n);
	return rc;
}

static int
is_at(const char *s, size_t len)
{
	while (len > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		len--;
	}
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	return len == 1 && *s == '@';
}

/* "{ a / b / @ }" from s[0] = '{' to s[end] = '}'. */
static int
add_group(struct wer *w, const char *s, size_t end, int spell,
    struct wer_toks *t)
{
	size_t b = 1, e, before;

	toks_add(t, ALIGN_OPEN);
	for (;;) {
		for (e = b; e < end && s[e] != '/'; e++)
			;
		before = t->n;
		if (!is_at(s + b, e - b) &&
		    add_text(w, s + b, e - b, spell, t) == -1)
			return -1;
		if (t->n == before)
			toks_add(t, ALIGN_NULL);
		if (e == end)
			break;
		toks_add(t, ALIGN_OR);
		b = e + 1;
	}
	toks_add(t, ALIGN_CLOSE);
	return 0;
}

/*
 * The tokens of one utterance's text (valid UTF-8) into t, replacing
 * what it held; ref: the reference side (alternates, spelled numbers).
 * -1 if the text cannot be normalized (not stream-safe, too long).
 */
int
wer_tokens(struct wer *w, const char *s, size_t len, int ref,
    struct wer_toks *t)
{
	size_t i, j, done = 0;
	int spell = ref && w->o.spell && !w->ter;

	t->n = 0;
	if (ref && w->o.alternates)
		for (i = 0; i < len; i++) {
			if (s[i] != '{')
				continue;
			for (j = i + 1; j < len && s[j] != '}' &&
			    s[j] != '{'; j++)
				;
			if (j == len || s[j] == '{')
				continue;
			if (add_text(w, s + done, i - done, spell, t) == -1 ||
			    add_group(w, s + i, j - i, spell, t) == -1)
				return -1;
			done = j + 1;
			i = j;
		}
	return add_text(w, s + done, len - done, spell, t);
}

/* The text as scored: tokens joined by blanks, groups as written. */
int
wer_normalize(struct wer *w, const char *s, size_t len, int ref,
    struct buf *out)
{
	struct wer_toks t = WER_TOKS_INIT;
	size_t i;
	int rc;

	if ((rc = wer_tokens(w, s, len, ref, &t)) == 0)
		for (i = 0; i < t.n; i++) {
			if (i > 0)
				buf_addc(out, ' ');
			buf_addstr(out, wer_word(w, t.v[i]));
		}
	wer_toks_release(&t);
	return rc;
}

void
wer_sum_add(struct wer_sum *s, const struct align_counts *c)
{
	s->utts++;
	s->corr += c->corr;
	s->sub += c->sub;
	s->del += c->del;
	s->ins += c->ins;
	if (c->sub + c->del + c->ins > 0)
		s->err_utts++;
}

size_t
wer_words(const struct wer_sum *s)
{
	return s->corr + s->sub + s->del;
}

size_t
wer_errors(const struct wer_sum *s)
{
	return s->sub + s->del + s->ins;
}

/* Percent; 0 with no words and no errors, infinity with errors only. */
double
wer_rate(const struct wer_sum *s)
{
	size_t n = wer_words(s), e = wer_errors(s);

	if (n == 0)
		return e == 0 ? 0.0 : INFINITY;
	return 100.0 * (double)e / (double)n;
}

/*
 * Kaldi compute-wer's closing lines: "%WER 16.39 [ 4633 / 28272, 972
 * ins, 1651 del, 2010 sub ]" (%CER for characters), "%SER", and the
 * utterances missing on either side.
 */
void
wer_kaldi(const struct wer_sum *s, enum wer_unit u, struct buf *out)
{
	wer_kaldi_named(s, u, NULL, out);
}

static const char *const edit_names[WER_E_N] = {
	"punctuation", "capitalization", "itn", "lexical", "other"
};

const char *
wer_edit_name(enum wer_edit e)
{
	return (unsigned int)e < WER_E_N ? edit_names[e] : "";
}

static const char *
rate_label(const struct wer_sum *s, enum wer_unit u)
{
	return s->ter ? "TER" : u == WER_UNIT_WORD ? "WER" : "CER";
}

/*
 * The same, with name (or NULL) after the %WER line's bracket, as
 * Kaldi's best_wer.sh prints it: "%WER 5.00 [ ... ] exp/a".  Token
 * errors are "%TER", with the errors by category in the bracket.
 */
void
wer_kaldi_named(const struct wer_sum *s, enum wer_unit u, const char *name,
    struct buf *out)
{
	int k;

	buf_printf(out, "%%%s %.2f [ %zu / %zu, %zu ins, %zu del, %zu sub",
	    rate_label(s, u), wer_rate(s), wer_errors(s), wer_words(s),
	    s->ins, s->del, s->sub);
	for (k = 0; s->ter && k < WER_E_N; k++)
		buf_printf(out, ", %s %zu", edit_names[k], s->edit[k]);
	buf_addstr(out, " ]");
	if (name != NULL) {
		buf_addc(out, ' ');
		buf_addesc(out, name);
	}
	buf_addc(out, '\n');
	buf_printf(out, "%%SER %.2f [ %zu / %zu ]\n", s->utts == 0 ? 0.0 :
	    100.0 * (double)s->err_utts / (double)s->utts, s->err_utts,
	    s->utts);
	buf_printf(out, "Scored %zu sentences, %zu not present in hyp, "
	    "%zu not present in ref.\n", s->utts, s->missing, s->extra);
}

/*
 * Symbols a speaker says as words ("%" percent, "$5" five dollars, "@"
 * at), so that only inverse text normalization writes them: these
 * ASCII ones, currency signs, degree, plus-minus, times, divide, per
 * mille and minus.
 */
static int
itn_symbol(int32_t c)
{
	if (c > 0 && c < 0x80)
		return strchr("#$%&+=@", c) != NULL;
	switch (c) {
	case 0xA2:	/* cent */
	case 0xA3:	/* pound */
	case 0xA4:	/* currency */
	case 0xA5:	/* yen */
	case 0xB0:	/* degree */
	case 0xB1:	/* plus-minus */
	case 0xD7:	/* times */
	case 0xF7:	/* divide */
	case 0x2030:	/* per mille */
	case 0x2212:	/* minus */
		return 1;
	}
	return c >= 0x20A0 && c <= 0x20C0;	/* euro, rupee... */
}

#define TOK_ALNUM	0x1	/* holds a letter or a number */
#define TOK_ITN		0x2	/* holds a number or an ITN symbol */

static int
tok_facts(const char *s)
{
	size_t len = strlen(s), i = 0;
	enum text_class k;
	int32_t c;
	int f = 0;

	while (i < len) {
		if ((c = utf8_cp(s, len, &i)) < 0)
			continue;
		k = text_char_class(c);
		if (k == TEXT_C_LETTER || k == TEXT_C_UPPER ||
		    k == TEXT_C_DIGIT)
			f |= TOK_ALNUM;
		if (k == TEXT_C_DIGIT || itn_symbol(c))
			f |= TOK_ITN;
	}
	return f;
}

/* The numbers (digits, any script) of s, appended to out. */
static void
add_digits(const char *s, struct buf *out)
{
	size_t len = strlen(s), i = 0, at;
	int32_t c;

	while (i < len) {
		at = i;
		if ((c = utf8_cp(s, len, &i)) >= 0 &&
		    text_char_class(c) == TEXT_C_DIGIT)
			buf_add(out, s + at, i - at);
	}
}

/* s lowercased by the locale's rules (as written if ICU fails). */
static void
fold(struct wer *w, const char *s, struct buf *out)
{
	size_t start = out->len;

	if (w->t != NULL && text_lower(w->t, s, strlen(s), out) != -1)
		return;
	out->len = start;
	buf_addstr(out, s);
}

/*
 * s without its punctuation (Unicode P*), appended to out, but for the
 * ITN symbols, punctuation between two digits ("6:45", "1,000", "3.14",
 * which inverse text normalization writes) and an apostrophe, ASCII or
 * U+2019, between two letters or digits ("it's"), which becomes ASCII.
 */
static void
bare(const char *s, struct buf *out)
{
	size_t len = strlen(s), i = 0, at, j;
	enum text_class k, prev = TEXT_C_SPACE, next;
	int32_t c, nc;

	while (i < len) {
		at = i;
		if ((c = utf8_cp(s, len, &i)) < 0) {
			buf_add(out, s + at, i - at);
			prev = TEXT_C_SYMBOL;
			continue;
		}
		k = text_char_class(c);
		if (k != TEXT_C_PUNCT || itn_symbol(c)) {
			buf_add(out, s + at, i - at);
			prev = k;
			continue;
		}
		j = i;
		nc = i < len ? utf8_cp(s, len, &j) : -1;
		next = nc >= 0 ? text_char_class(nc) : TEXT_C_SPACE;
		if ((c == '\'' || c == 0x2019) && (prev == TEXT_C_LETTER ||
		    prev == TEXT_C_UPPER || prev == TEXT_C_DIGIT) &&
		    (next == TEXT_C_LETTER || next == TEXT_C_UPPER ||
		    next == TEXT_C_DIGIT))
			buf_addc(out, '\'');
		else if (prev == TEXT_C_DIGIT && next == TEXT_C_DIGIT)
			buf_add(out, s + at, i - at);
		prev = k;
	}
}

static int
buf_eq(const struct buf *a, const struct buf *b)
{
	return a->len == b->len && (a->len == 0 ||
	    memcmp(a->s, b->s, a->len) == 0);
}

/*
 * The categories of op[0..n), a stretch of errors between two correct
 * tokens or an end, into cat; the rules are vox-wer(1)'s.  First each
 * edit alone: capitalization, punctuation.  Then the edits left, as one:
 * equal once joined without blanks and punctuation, other if only blanks
 * differ, else punctuation; with tokens on both sides and a number or an
 * ITN symbol, ITN, since one written form ("$900") stands for several
 * spoken words ("nine hundred dollars") and which of them the alignment
 * pairs with it means nothing; but not if both sides hold digits and
 * they differ, a misheard number.  Last each edit alone again: lexical
 * or other.
 */
static void
classify_stretch(struct wer *w, const struct align_op *op, size_t n,
    const struct wer_toks *r, const struct wer_toks *h, unsigned char *cat)
{
	struct buf *b = w->cb;
	const char *rs, *hs;
	size_t i, nr = 0, nh = 0;
	int k, itn = 0, f;
	unsigned char all = WER_E_N;

	for (k = CB_JFR; k < WER_CB_N; k++)
		buf_reset(&b[k]);
	for (i = 0; i < n; i++) {
		rs = op[i].ref == ALIGN_NONE ? NULL :
		    wer_word(w, r->v[op[i].ref]);
		hs = op[i].hyp == ALIGN_NONE ? NULL :
		    wer_word(w, h->v[op[i].hyp]);
		for (k = CB_FR; k <= CB_BH; k++)
			buf_reset(&b[k]);
		if (rs != NULL) {
			fold(w, rs, &b[CB_FR]);
			bare(buf_str(&b[CB_FR]), &b[CB_BR]);
		}
		if (hs != NULL) {
			fold(w, hs, &b[CB_FH]);
			bare(buf_str(&b[CB_FH]), &b[CB_BH]);
		}
		cat[i] = WER_E_N;
		if (rs != NULL && hs != NULL) {
			if (buf_eq(&b[CB_FR], &b[CB_FH]))
				cat[i] = WER_E_CAP;
			else if (buf_eq(&b[CB_BR], &b[CB_BH]))
				cat[i] = WER_E_PUNCT;
		} else if (b[CB_BR].len + b[CB_BH].len == 0)
			cat[i] = WER_E_PUNCT;
		if (cat[i] != WER_E_N)
			continue;
		if (rs != NULL) {
			nr++;
			buf_add(&b[CB_JFR], b[CB_FR].s, b[CB_FR].len);
			buf_add(&b[CB_JBR], b[CB_BR].s, b[CB_BR].len);
			itn |= tok_facts(rs) & TOK_ITN;
			add_digits(rs, &b[CB_DR]);
		}
		if (hs != NULL) {
			nh++;
			buf_add(&b[CB_JFH], b[CB_FH].s, b[CB_FH].len);
			buf_add(&b[CB_JBH], b[CB_BH].s, b[CB_BH].len);
			itn |= tok_facts(hs) & TOK_ITN;
			add_digits(hs, &b[CB_DH]);
		}
	}
	if (nr > 0 && nh > 0 && buf_eq(&b[CB_JBR], &b[CB_JBH]))
		all = buf_eq(&b[CB_JFR], &b[CB_JFH]) ? WER_E_OTHER :
		    WER_E_PUNCT;
	else if (nr > 0 && nh > 0 && itn && (b[CB_DR].len == 0 ||
	    b[CB_DH].len == 0 || buf_eq(&b[CB_DR], &b[CB_DH])))
		all = WER_E_ITN;
	for (i = 0; i < n; i++) {
		if (cat[i] != WER_E_N)
			continue;
		if (all != WER_E_N) {
			cat[i] = all;
			continue;
		}
		f = TOK_ALNUM;
		if (op[i].ref != ALIGN_NONE)
			f &= tok_facts(wer_word(w, r->v[op[i].ref]));
		if (op[i].hyp != ALIGN_NONE)
			f &= tok_facts(wer_word(w, h->v[op[i].hyp]));
		cat[i] = f ? WER_E_LEX : WER_E_OTHER;
	}
}

/*
 * The category of each of the n operations op of an alignment of r and
 * h into cat (WER_E_N for a correct one), each error counted in
 * counts[WER_E_N].
 */
void
wer_classify(struct wer *w, const struct align_op *op, size_t n,
    const struct wer_toks *r, const struct wer_toks *h, unsigned char *cat,
    size_t *counts)
{
	size_t i, j, k;

	for (i = 0; i < n; i = j) {
		if (op[i].kind == ALIGN_C) {
			cat[i] = WER_E_N;
			j = i + 1;
			continue;
		}
		for (j = i; j < n && op[j].kind != ALIGN_C; j++)
			;
		classify_stretch(w, op + i, j - i, r, h, cat + i);
		for (k = i; k < j; k++)
			counts[cat[k]]++;
	}
}

static void
top_add(struct wer *w, enum align_kind k, size_t ref, size_t hyp)
{
	if (w->ntop == w->topcap) {
		w->topcap = w->topcap ? w->topcap * 2 : 64;
		w->top = xreallocarray(w->top, w->topcap, sizeof(*w->top));
		w->cat = xreallocarray(w->cat, w->topcap, sizeof(*w->cat));
	}
	w->top[w->ntop].kind = k;
	w->top[w->ntop].ref = ref;
	w->top[w->ntop].hyp = hyp;
	w->ntop++;
}

/* The id of the bare form (see bare()) of word id, interned. */
static uint32_t
bare_id(struct wer *w, uint32_t id)
{
	struct buf *f = &w->cb[CB_FR], *b = &w->cb[CB_BR];

	buf_reset(f);
	buf_reset(b);
	fold(w, wer_word(w, id), f);
	bare(buf_str(f), b);
	return intern(w, buf_str(b), b->len);
}

/*
 * The stretch op[0..n) of errors of the last alignment, appended to
 * w->top: aligned again on the tokens' bare forms if that gives the
 * same counts (so the same errors), else as it is.  Exact tokens pair
 * a formatting difference with any neighbour ("Call 104" against "call
 * one hundred four" may pair "Call" with "hundred"); bare forms pair
 * "Call" with "call", and the categories follow the pairs.
 */
static void
repair_stretch(struct wer *w, const struct align_op *op, size_t n)
{
	const struct align_op *o2;
	struct align_counts c;
	size_t i, nr = 0, nh = 0, h0 = 0, n2, was[4] = { 0, 0, 0, 0 },
	    now[4] = { 0, 0, 0, 0 };
	enum align_kind k;

	if (n > w->scap) {
		w->scap = n > w->scap * 2 ? n : w->scap * 2;
		w->sr = xreallocarray(w->sr, w->scap, sizeof(*w->sr));
		w->sh = xreallocarray(w->sh, w->scap, sizeof(*w->sh));
		w->si = xreallocarray(w->si, w->scap, sizeof(*w->si));
	}
	for (i = 0; i < n; i++) {
		was[op[i].kind]++;
		if (op[i].ref != ALIGN_NONE) {
			w->si[nr] = op[i].ref;
			w->sr[nr++] = bare_id(w, w->rt.v[op[i].ref]);
		}
		if (op[i].hyp != ALIGN_NONE) {
			/* A hypothesis has no groups: tokens in a row. */
			if (nh == 0)
				h0 = op[i].hyp;
			w->sh[nh++] = bare_id(w, w->ht.v[op[i].hyp]);
		}
	}
	if (nr == 0 || nh == 0 || w->tal == NULL ||
	    align_run(w->tal, w->sr, nr, w->sh, nh, &c) == -1)
		goto keep;
	o2 = align_ops(w->tal, &n2);
	for (i = 0; i < n2; i++) {
		k = o2[i].kind;
		if (k == ALIGN_C && w->rt.v[w->si[o2[i].ref]] !=
		    w->ht.v[h0 + o2[i].hyp])
			k = ALIGN_S;
		now[k]++;
	}
	if (now[ALIGN_C] != 0 || now[ALIGN_S] != was[ALIGN_S] ||
	    now[ALIGN_D] != was[ALIGN_D] || now[ALIGN_I] != was[ALIGN_I])
		goto keep;
	for (i = 0; i < n2; i++)
		top_add(w, o2[i].kind == ALIGN_C ? ALIGN_S : o2[i].kind,
		    o2[i].ref == ALIGN_NONE ? ALIGN_NONE : w->si[o2[i].ref],
		    o2[i].hyp == ALIGN_NONE ? ALIGN_NONE : h0 + o2[i].hyp);
	return;
keep:
	for (i = 0; i < n; i++)
		top_add(w, op[i].kind, op[i].ref, op[i].hyp);
}

/* The last alignment into w->top, each stretch of errors re-paired. */
static void
ter_ops(struct wer *w, const struct align *al)
{
	const struct align_op *op;
	size_t n, i, j;

	op = align_ops(al, &n);
	w->ntop = 0;
	for (i = 0; i < n; i = j) {
		if (op[i].kind == ALIGN_C) {
			top_add(w, ALIGN_C, op[i].ref, op[i].hyp);
			j = i + 1;
			continue;
		}
		for (j = i; j < n && op[j].kind != ALIGN_C; j++)
			;
		repair_stretch(w, op + i, j - i);
	}
}

/* The operations of the last alignment: re-paired for token errors. */
static const struct align_op *
last_ops(const struct wer *w, const struct align *al, size_t *n)
{
	if (w->ter) {
		*n = w->ntop;
		return w->top;
	}
	return align_ops(al, n);
}

static void
upper_ascii(struct buf *b, const char *s)
{
	for (; *s != '\0'; s++)
		buf_addc(b, *s >= 'a' && *s <= 'z' ? *s - 'a' + 'A' : *s);
}

static void
pad(struct buf *b, size_t have, size_t want)
{
	for (; have < want; have++)
		buf_addc(b, ' ');
}

/*
 * An alignment (op[0..n) of r and h) as sclite's pra shows it: REF, HYP
 * and Eval lines, columns padded, errors in capitals, "***" for a gap.
 * With cat (the categories of token errors), tokens as written and an
 * Edit line with each error's category: P, C, N (ITN), L or O.
 */
void
wer_render_align(const struct wer *w, const struct align_op *op, size_t n,
    const struct wer_toks *r, const struct wer_toks *h,
    const unsigned char *cat, struct buf *out)
{
	struct buf line[4] = { BUF_INIT, BUF_INIT, BUF_INIT, BUF_INIT };
	static const char *const head[4] = { "REF:  ", "HYP:  ", "Eval: ",
	    "Edit: " };
	static const char eval[] = "CSDI", edit[] = "PCNLO";
	const char *rs, *hs;
	size_t i, k, wr, wh, wd, nl = cat != NULL ? 4 : 3;

	for (k = 0; k < nl; k++)
		buf_addstr(&line[k], head[k]);
	for (i = 0; i < n; i++) {
		rs = op[i].ref == ALIGN_NONE ? "***" :
		    wer_word(w, r->v[op[i].ref]);
		hs = op[i].hyp == ALIGN_NONE ? "***" :
		    wer_word(w, h->v[op[i].hyp]);
		wr = utf8_ncp(rs, strlen(rs));
		wh = utf8_ncp(hs, strlen(hs));
		wd = wr > wh ? wr : wh;
		if (op[i].kind == ALIGN_C || cat != NULL) {
			/* Display tokens keep their case: it is scored. */
			buf_addstr(&line[0], rs);
			buf_addstr(&line[1], hs);
		} else {
			upper_ascii(&line[0], rs);
			upper_ascii(&line[1], hs);
		}
		pad(&line[0], wr, wd + 1);
		pad(&line[1], wh, wd + 1);
		buf_addc(&line[2], op[i].kind == ALIGN_C ? ' ' :
		    eval[op[i].kind]);
		pad(&line[2], 1, wd + 1);
		if (cat != NULL) {
			buf_addc(&line[3], cat[i] < WER_E_N ? edit[cat[i]] :
			    ' ');
			pad(&line[3], 1, wd + 1);
		}
	}
	for (k = 0; k < nl; k++) {
		while (line[k].len > 0 && line[k].s[line[k].len - 1] == ' ')
			line[k].len--;
		buf_add(out, line[k].s, line[k].len);
		buf_addc(out, '\n');
		buf_release(&line[k]);
	}
}

static void
json_str(struct buf *b, const char *s)
{
	buf_addc(b, '"');
	for (; *s != '\0'; s++) {
		if (*s == '"' || *s == '\\')
			buf_printf(b, "\\%c", *s);
		else if ((unsigned char)*s < 0x20)
			buf_printf(b, "\\u%04x", (unsigned char)*s);
		else
			buf_addc(b, *s);
	}
	buf_addc(b, '"');
}

/* ',"edits":{"punctuation":N,...}' of token errors by category. */
static void
json_edits(struct buf *b, const size_t *edit)
{
	int k;

	buf_addstr(b, ",\"edits\":{");
	for (k = 0; k < WER_E_N; k++)
		buf_printf(b, "%s\"%s\":%zu", k > 0 ? "," : "", edit_names[k],
		    edit[k]);
	buf_addc(b, '}');
}

/*
 * One utterance's record; with token errors, its errors by category and
 * each aligned pair's category (null when correct) third.
 */
static void
show_jsonl(const struct wer *w, const struct align *al, const char *name,
    const struct align_counts *c, const size_t *edit, struct buf *out)
{
	const struct align_op *op;
	size_t n, i;

	buf_addstr(out, "{\"name\":");
	json_str(out, name);
	if (w->sys != NULL) {
		buf_addstr(out, ",\"hyp\":");
		json_str(out, w->sys);
	}
	buf_printf(out, ",\"words\":%zu,\"corr\":%zu,\"sub\":%zu,\"del\":%zu,"
	    "\"ins\":%zu", c->corr + c->sub + c->del, c->corr, c->sub, c->del,
	    c->ins);
	if (w->ter)
		json_edits(out, edit);
	buf_addstr(out, ",\"align\":[");
	op = last_ops(w, al, &n);
	for (i = 0; i < n; i++) {
		buf_addstr(out, i > 0 ? ",[" : "[");
		if (op[i].ref == ALIGN_NONE)
			buf_addstr(out, "null");
		else
			json_str(out, wer_word(w, w->rt.v[op[i].ref]));
		buf_addc(out, ',');
		if (op[i].hyp == ALIGN_NONE)
			buf_addstr(out, "null");
		else
			json_str(out, wer_word(w, w->ht.v[op[i].hyp]));
		if (w->ter && w->cat[i] < WER_E_N)
			buf_printf(out, ",\"%s\"", edit_names[w->cat[i]]);
		else if (w->ter)
			buf_addstr(out, ",null");
		buf_addc(out, ']');
	}
	buf_addstr(out, "]}\n");
}

static void
show(struct wer *w, const struct align *al, enum wer_show how,
    const struct hyp_utt *u, const struct align_counts *c,
    const size_t *edit, struct buf *out)
{
	const struct align_op *op;
	size_t i, k, n;
	const struct wer_toks *t;

	switch (how) {
	case WER_SHOW_NONE:
		break;
	case WER_SHOW_ALIGN:
		buf_addstr(out, "id: (");
		buf_addesc(out, u->name);
		buf_printf(out, ")\nScores: (#C #S #D #I) %zu %zu %zu %zu\n",
		    c->corr, c->sub, c->del, c->ins);
		for (k = 0; w->ter && k < WER_E_N; k++)
			buf_printf(out, "%s %s %zu", k == 0 ? "Edits:" : ",",
			    edit_names[k], edit[k]);
		if (w->ter)
			buf_addc(out, '\n');
		op = last_ops(w, al, &n);
		wer_render_align(w, op, n, &w->rt, &w->ht,
		    w->ter ? w->cat : NULL, out);
		buf_addc(out, '\n');
		break;
	case WER_SHOW_JSONL:
		show_jsonl(w, al, u->name, c, edit, out);
		break;
	case WER_SHOW_NORM:
		for (k = 0; k < 2; k++) {
			t = k == 0 ? &w->rt : &w->ht;
			buf_addesc(out, u->name);
			buf_addstr(out, k == 0 ? "\tREF\t" : "\tHYP\t");
			for (i = 0; i < t->n; i++) {
				if (i > 0)
					buf_addc(out, ' ');
				buf_addstr(out, wer_word(w, t->v[i]));
			}
			buf_addc(out, '\n');
		}
		break;
	}
}

static void
where_of(const struct hyp_utt *u, struct loc *l)
{
	l->file = u->file;
	l->member = NULL;
	l->line = u->line;
	l->col = u->line ? 1 : 0;
}

static void
conf_add(struct wer *w, uint32_t r, uint32_t h)
{
	struct wer_conf *old = w->conf;
	size_t oldcap = w->confcap, i, k;
	uint64_t key;

	if ((w->nconf + 1) * 2 > w->confcap) {
		w->confcap *= 2;
		w->conf = xcalloc(w->confcap, sizeof(*w->conf));
		for (i = 0; i < oldcap; i++) {
			if (old[i].n == 0)
				continue;
			key = (uint64_t)old[i].r << 32 | old[i].h;
			k = hash((const char *)&key, sizeof(key)) &
			    (w->confcap - 1);
			while (w->conf[k].n != 0)
				k = (k + 1) & (w->confcap - 1);
			w->conf[k] = old[i];
		}
		free(old);
	}
	key = (uint64_t)r << 32 | h;
	k = hash((const char *)&key, sizeof(key)) & (w->confcap - 1);
	while (w->conf[k].n != 0) {
		if (w->conf[k].r == r && w->conf[k].h == h) {
			w->conf[k].n++;
			return;
		}
		k = (k + 1) & (w->confcap - 1);
	}
	w->conf[k].r = r;
	w->conf[k].h = h;
	w->conf[k].n = 1;
	w->nconf++;
}

/* Count the errors of the last alignment. */
static void
conf_collect(struct wer *w, const struct align *al)
{
	const struct align_op *op;
	size_t n, i;

	op = last_ops(w, al, &n);
	for (i = 0; i < n; i++)
		if (op[i].kind != ALIGN_C)
			conf_add(w, op[i].ref == ALIGN_NONE ? WER_NOID :
			    w->rt.v[op[i].ref], op[i].hyp == ALIGN_NONE ?
			    WER_NOID : w->ht.v[op[i].hyp]);
}

/* Count the errors of every wer_score() from now on, afresh. */
void
wer_confusions_start(struct wer *w)
{
	free(w->conf);
	w->confcap = 256;
	w->conf = xcalloc(w->confcap, sizeof(*w->conf));
	w->nconf = 0;
}

/* Most frequent first; ties in the order the words were first seen. */
static int
conf_cmp(const void *a, const void *b)
{
	const struct wer_conf *x = a, *y = b;

	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	if (x->r != y->r)
		return x->r < y->r ? -1 : 1;
	return x->h < y->h ? -1 : x->h > y->h;
}

/* The errors counted so far, most frequent first; the caller frees. */
static struct wer_conf *
conf_sorted(const struct wer *w, size_t *n)
{
	struct wer_conf *v;
	size_t i;

	*n = 0;
	v = xreallocarray(NULL, w->nconf ? w->nconf : 1, sizeof(*v));
	for (i = 0; i < w->confcap; i++)
		if (w->conf[i].n != 0)
			v[(*n)++] = w->conf[i];
	qsort(v, *n, sizeof(*v), conf_cmp);
	return v;
}

/* Substitution 0, deletion 1, insertion 2. */
static int
conf_kind(const struct wer_conf *c)
{
	return c->r == WER_NOID ? 2 : c->h == WER_NOID ? 1 : 0;
}

/*
 * The top most frequent substitutions, deletions and insertions counted
 * since wer_confusions_start(), to an HTML report's view; the count
 * goes on.
 */
static void
conf_view(const struct wer *w, size_t top, struct html_view *view)
{
	struct wer_conf *v;
	size_t i, n, shown[3] = { 0, 0, 0 };
	int kind;

	if (w->conf == NULL)
		return;
	v = conf_sorted(w, &n);
	for (i = 0; i < n; i++) {
		kind = conf_kind(&v[i]);
		if (shown[kind]++ >= top)
			continue;
		html_wer_confusion(view, kind != 2 ? wer_word(w, v[i].r) : NULL,
		    kind != 1 ? wer_word(w, v[i].h) : NULL, v[i].n);
	}
	free(v);
}

/*
 * The top most frequent substitutions, deletions and insertions counted
 * since wer_confusions_start(), as text; the count is then stopped.
 */
void
wer_confusions(struct wer *w, size_t top, struct buf *out)
{
	static const char *const head[3] = { "substitutions", "deletions",
	    "insertions" };
	struct wer_conf *v;
	size_t i, n = 0, k, shown;
	int kind;

	if (w->conf == NULL)
		return;
	v = conf_sorted(w, &n);
	for (k = 0; k < 3; k++) {
		buf_printf(out, "%s:\n", head[k]);
		shown = 0;
		for (i = 0; i < n && shown < top; i++) {
			kind = conf_kind(&v[i]);
			if ((size_t)kind != k)
				continue;
			shown++;
			buf_printf(out, "%7zu  ", v[i].n);
			if (kind != 2)
				buf_addesc(out, wer_word(w, v[i].r));
			if (kind == 0)
				buf_addstr(out, " -> ");
			if (kind != 1)
				buf_addesc(out, wer_word(w, v[i].h));
			buf_addc(out, '\n');
		}
		if (shown == 0)
			buf_addstr(out, "      (none)\n");
	}
	free(v);
	free(w->conf);
	w->conf = NULL;
	w->confcap = w->nconf = 0;
}

/*
 * Score hyp against ref (both indexed with hyp_index()): every
 * reference utterance, in order, its first occurrence only; one without
 * a hypothesis counts as all deletions (WER-MISSING); a hypothesis
 * without a reference is not scored (WER-EXTRA).  With how, each
 * utterance is shown in out; after wer_ter(), the errors are counted by
 * category too.  Returns -1 only if a text could not be normalized (a
 * WER-READ finding; the utterance is left out).
 */
int
wer_score(struct wer *w, struct align *al, const struct hyp_set *ref,
    const struct hyp_set *hyp, enum wer_show how, struct buf *out,
    struct wer_result *res, struct diag *d)
{
	const struct hyp_utt *u, *v;
	struct align_counts c;
	struct wer_utt *r;
	struct loc where;
	size_t i, h;
	int rc = 0, k;

	free(res->v);
	memset(res, 0, sizeof(*res));
	res->sum.ter = w->ter;
	res->v = xreallocarray(NULL, ref->n ? ref->n : 1, sizeof(*res->v));
	for (i = 0; i < ref->n; i++) {
		u = &ref->v[i];
		if (hyp_find(ref, u->key) != i)
			continue;
		where_of(u, &where);
		h = hyp_find(hyp, u->key);
		v = h != HYP_NONE ? &hyp->v[h] : NULL;
		if (wer_tokens(w, u->text, strlen(u->text), 1, &w->rt) == -1) {
			diag_add(d, &where, HYP_R_READ, "cannot normalize the "
			    "text of '%s'; the utterance is not scored",
			    u->name);
			rc = -1;
			continue;
		}
		w->ht.n = 0;
		if (v != NULL && wer_tokens(w, v->text, strlen(v->text), 0,
		    &w->ht) == -1) {
			where_of(v, &where);
			diag_add(d, &where, HYP_R_READ, "cannot normalize the "
			    "text of '%s'; the utterance is not scored",
			    v->name);
			rc = -1;
			continue;
		}
		if (align_run(al, w->rt.v, w->rt.n, w->ht.v, w->ht.n,
		    &c) == -1) {
			diag_add(d, &where, HYP_R_READ, "more than %d "
			    "alternatives in a group of '%s'; the utterance is "
			    "not scored", ALIGN_ALTS_MAX, u->name);
			rc = -1;
			continue;
		}
		if (w->ter)
			ter_ops(w, al);
		if (v == NULL) {
			res->sum.missing++;
			diag_add(d, &where, WER_R_MISSING, "no hypothesis for "
			    "'%s'%s%s%s; scored as %zu %s", u->name,
			    w->sys != NULL ? " in '" : "",
			    w->sys != NULL ? w->sys : "",
			    w->sys != NULL ? "'" : "", c.del,
			    c.del == 1 ? "deletion" : "deletions");
		}
		if (w->conf != NULL)
			conf_collect(w, al);
		r = &res->v[res->n++];
		r->ref = i;
		r->hyp = h;
		r->c = c;
		wer_sum_add(&res->sum, &c);
		memset(r->edit, 0, sizeof(r->edit));
		if (w->ter) {
			wer_classify(w, w->top, w->ntop, &w->rt, &w->ht, w->cat,
			    r->edit);
			for (k = 0; k < WER_E_N; k++)
				res->sum.edit[k] += r->edit[k];
		}
		if (out != NULL)
			show(w, al, how, u, &c, r->edit, out);
	}
	for (i = 0; i < hyp->n; i++) {
		v = &hyp->v[i];
		if (hyp_find(hyp, v->key) != i ||
		    hyp_find(ref, v->key) != HYP_NONE)
			continue;
		res->sum.extra++;
		where_of(v, &where);
		diag_add(d, &where, WER_R_EXTRA, "no reference for '%s'; the "
		    "utterance is not scored", v->name);
	}
	return rc;
}

void
wer_result_release(struct wer_result *res)
{
	free(res->v);
	res->v = NULL;
	res->n = 0;
}

/* Two-sided exact binomial p-value of a wins against b, p = 1/2. */
double
wer_sign_p(size_t a, size_t b)
{
	size_t n = a + b, k = a < b ? a : b, i;
	double lk, s = 0.0, p;

	if (n == 0)
		return 1.0;
	lk = lgamma((double)n + 1) - lgamma((double)k + 1) -
	    lgamma((double)(n - k) + 1);
	/* Terms from k down, relative to term k: each is the one above
	 * times i / (n - i + 1). */
	p = 1.0;
	for (i = k + 1; i-- > 0;) {
		s += p;
		if (i == 0 || p < 1e-300)
			break;
		p *= (double)i / (double)(n - i + 1);
	}
	p = exp(log(2.0) + lk + log(s) - (double)n * log(2.0));
	return p > 1.0 ? 1.0 : p;
}

/*
 * Sign test on per-utterance errors of two results over the same
 * reference set; -1 if they were not scored on the same utterances.
 */
int
wer_compare(const struct wer_result *a, const struct wer_result *b,
    struct wer_cmp *c)
{
	size_t i, ea, eb;

	memset(c, 0, sizeof(*c));
	if (a->n != b->n)
		return -1;
	for (i = 0; i < a->n; i++) {
		if (a->v[i].ref != b->v[i].ref)
			return -1;
		ea = a->v[i].c.sub + a->v[i].c.del + a->v[i].c.ins;
		eb = b->v[i].c.sub + b->v[i].c.del + b->v[i].c.ins;
		if (ea < eb)
			c->a_better++;
		else if (eb < ea)
			c->b_better++;
		else
			c->same++;
	}
	c->p = wer_sign_p(c->a_better, c->b_better);
	if (c->p < 0.05)
		c->winner = c->a_better > c->b_better ? 1 : 2;
	return 0;
}

/* A WER-MAX finding about name if the rate of s is over max percent. */
int
wer_check_max(const struct wer_sum *s, double max, enum wer_unit u,
    const char *name, struct diag *d)
{
	struct loc where = { name, NULL, 0, 0 };
	double r = wer_rate(s);

	if (!(r > max))
		return 0;
	diag_add(d, &where, WER_R_MAX, "%s %.2f%% is above the limit of "
	    "%.2f%%", rate_label(s, u), r, max);
	return 1;
}

/* path without its trailing slashes (but "/" stays). */
static char *
trim_slash(const char *path)
{
	size_t n = strlen(path);

	while (n > 1 && path[n - 1] == '/')
		n--;
	return xstrndup(path, n);
}

static int
is_dir(const char *path)
{
	struct stat st;

	return strcmp(path, "-") != 0 && stat(path, &st) == 0 &&
	    S_ISDIR(st.st_mode);
}

/*
 * Read the reference set: a transcript, Kaldi text or trn file ("-" is
 * standard input), or an acoustic dataset (folder or zip) whose one
 * transcript is read.  -1 if it cannot be read (the reason is in d).
 */
int
wer_load_ref(const char *path, struct hyp_set *hs, struct diag *d)
{
	struct dataset ds = DATASET_INIT;
	const struct dataset_entry *e;
	struct buf b = BUF_INIT;
	char *name = NULL, *top = NULL;
	int rc = -1;

	if (is_dir(path) || dataset_has_suffix(path, ".zip")) {
		top = trim_slash(path);
		if (dataset_open(&ds, top, d) == -1 ||
		    (e = trans_find(&ds, d)) == NULL ||
		    dataset_read(&ds, e, &b, 0, d) != 0)
			goto out;
		name = xasprintf(ds.zip ? "%s!/%s" : "%s/%s", top, e->name);
	} else {
		if (io_read_file(path, &b, 0, d) == -1)
			goto out;
		name = xstrdup(strcmp(path, "-") == 0 ? "<stdin>" : path);
	}
	hyp_read(hs, b.s != NULL ? b.s : "", b.len, name, HYP_AUTO,
	    HYP_LEXICAL, d);
	rc = 0;
out:
	dataset_close(&ds);
	buf_release(&b);
	free(name);
	free(top);
	return rc;
}

/* One batch-transcription result file; -1 if it cannot be read. */
static int
load_json(const char *path, enum hyp_field f, struct hyp_set *hs,
    struct diag *d)
{
	struct buf b = BUF_INIT;
	int rc = -1;

	if (io_read_file(path, &b, 0, d) == 0) {
		hyp_read(hs, b.s != NULL ? b.s : "", b.len, path, HYP_JSON, f,
		    d);
		rc = 0;
	}
	buf_release(&b);
	return rc;
}

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The .json files of a folder, by name; hidden ones are left out. */
static int
load_folder(const char *path, enum hyp_field f, struct hyp_set *hs,
    struct diag *d)
{
	struct loc where = { path, NULL, 0, 0 };
	struct dirent *de;
	DIR *dir;
	char **v = NULL, *top = NULL, *p;
	size_t n = 0, cap = 0, i;
	int rc = 0;

	if ((dir = opendir(path)) == NULL) {
		diag_syserr(d, "cannot open '%s': %s", path, strerror(errno));
		return -1;
	}
	while ((de = readdir(dir)) != NULL) {
		if (de->d_name[0] == '.' ||
		    !dataset_has_suffix(de->d_name, ".json"))
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			v = xreallocarray(v, cap, sizeof(*v));
		}
		v[n++] = xstrdup(de->d_name);
	}
	closedir(dir);
	if (n > 1)
		qsort(v, n, sizeof(*v), name_cmp);
	top = trim_slash(path);
	for (i = 0; i < n; i++) {
		p = xasprintf("%s/%s", strcmp(top, "/") == 0 ? "" : top, v[i]);
		if (load_json(p, f, hs, d) == -1)
			rc = -1;
		free(p);
		free(v[i]);
	}
	if (n == 0)
		diag_add(d, &where, HYP_R_READ, "no .json transcription "
		    "result in the folder; nothing is scored");
	free(v);
	free(top);
	return rc;
}

/*
 * Whether buf is a list of result files: every line that is not blank
 * ends with ".json", holds no TAB and does not start with '{'.
 */
static int
is_list(const char *s, size_t len)
{
	size_t i = 0, b, e, lines = 0;

	while (i < len) {
		for (b = i; i < len && s[i] != '\n'; i++)
			;
		e = i++;
		if (e > b && s[e - 1] == '\r')
			e--;
		while (b < e && (s[b] == ' ' || s[b] == '\t'))
			b++;
		while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t'))
			e--;
		if (b == e)
			continue;
		if (s[b] == '{' || memchr(s + b, '\t', e - b) != NULL ||
		    e - b < 6 || strncasecmp(s + e - 5, ".json", 5) != 0)
			return 0;
		lines++;
	}
	return lines > 0;
}

/* Each file named by the lines of a list, as written. */
static int
load_list(const char *s, size_t len, enum hyp_field f, struct hyp_set *hs,
    struct diag *d)
{
	size_t i = 0, b, e;
	char *p;
	int rc = 0;

	while (i < len) {
		for (b = i; i < len && s[i] != '\n'; i++)
			;
		e = i++;
		while (b < e && (s[b] == ' ' || s[b] == '\t'))
			b++;
		while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' ||
		    s[e - 1] == '\r'))
			e--;
		if (b == e)
			continue;
		p = xstrndup(s + b, e - b);
		if (load_json(p, f, hs, d) == -1)
			rc = -1;
		free(p);
	}
	return rc;
}

/*
 * Read one system's hypotheses: a file of a line format or one result
 * JSON (detected by content), a folder of result JSON files, or a file
 * listing result JSON files, one path a line.  -1 if a file cannot be
 * read (what could be read is in hs).
 */
int
wer_load_hyp(const char *path, enum hyp_field f, struct hyp_set *hs,
    struct diag *d)
{
	struct buf b = BUF_INIT;
	const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
	int rc = -1;

	if (is_dir(path))
		return load_folder(path, f, hs, d);
	if (io_read_file(path, &b, 0, d) == -1)
		goto out;
	if (b.len > 0 && is_list(b.s, b.len))
		rc = load_list(b.s, b.len, f, hs, d);
	else {
		hyp_read(hs, b.s != NULL ? b.s : "", b.len, name, HYP_AUTO, f,
		    d);
		rc = 0;
	}
out:
	buf_release(&b);
	return rc;
}

static const char *
unit_label(const struct wer_run_opts *o)
{
	return o->ter ? "TER" : o->w.unit == WER_UNIT_WORD ? "WER" : "CER";
}

static double
ser(const struct wer_sum *s)
{
	return s->utts == 0 ? 0.0 : 100.0 * (double)s->err_utts /
	    (double)s->utts;
}

/* The systems model by model. */
static void
show_table(const struct wer_run_opts *o, char *const *hyp, size_t n,
    const struct wer_result *res, const int *ok, struct buf *out)
{
	size_t i, wd = 5, l;
	int k;

	for (i = 0; i < n; i++)
		if ((l = utf8_ncp(hyp[i], strlen(hyp[i]))) > wd)
			wd = l;
	buf_printf(out, "%-*s %8s %8s %7s %7s %7s %7s %7s", (int)wd,
	    "model", o->w.unit != WER_UNIT_WORD ? "chars" : o->ter ?
	    "tokens" : "words", "corr", "sub", "del", "ins", unit_label(o),
	    "SER");
	if (o->ter)
		buf_printf(out, " %7s %7s %7s %7s %7s", "punct", "cap", "itn",
		    "lex", "other");
	buf_addc(out, '\n');
	for (i = 0; i < n; i++) {
		if (!ok[i])
			continue;
		buf_addstr(out, hyp[i]);
		for (l = utf8_ncp(hyp[i], strlen(hyp[i])); l < wd; l++)
			buf_addc(out, ' ');
		buf_printf(out, " %8zu %8zu %7zu %7zu %7zu %7.2f %7.2f",
		    wer_words(&res[i].sum), res[i].sum.corr, res[i].sum.sub,
		    res[i].sum.del, res[i].sum.ins, wer_rate(&res[i].sum),
		    ser(&res[i].sum));
		for (k = 0; o->ter && k < WER_E_N; k++)
			buf_printf(out, " %7zu", res[i].sum.edit[k]);
		buf_addc(out, '\n');
	}
}

/* Names of the utterances where side (1: a, 2: b) has fewer errors. */
static void
show_wins(const struct hyp_set *ref, const struct wer_result *a,
    const struct wer_result *b, int side, const char *who,
    struct buf *out)
{
	size_t i, ea, eb, shown = 0, more = 0;

	buf_printf(out, "  better with %s:", who);
	for (i = 0; i < a->n; i++) {
		ea = a->v[i].c.sub + a->v[i].c.del + a->v[i].c.ins;
		eb = b->v[i].c.sub + b->v[i].c.del + b->v[i].c.ins;
		if (side == 1 ? ea >= eb : eb >= ea)
			continue;
		if (shown == 10) {
			more++;
			continue;
		}
		shown++;
		buf_addc(out, ' ');
		buf_addesc(out, ref->v[a->v[i].ref].name);
	}
	if (shown == 0)
		buf_addstr(out, " none");
	if (more > 0)
		buf_printf(out, " and %zu more", more);
	buf_addc(out, '\n');
}

/* Each pair of systems: who wins where, and the sign test. */
static void
show_pairs(const struct wer_run_opts *o, const struct hyp_set *ref,
    char *const *hyp, size_t n, const struct wer_result *res,
    const int *ok, struct buf *out)
{
	struct wer_cmp c;
	size_t i, j;

	for (i = 0; i < n; i++)
		for (j = i + 1; j < n; j++) {
			if (!ok[i] || !ok[j])
				continue;
			if (wer_compare(&res[i], &res[j], &c) == -1) {
				if (o->jsonl)
					continue;
				buf_printf(out, "%s vs %s: not scored on the "
				    "same utterances; no comparison\n",
				    hyp[i], hyp[j]);
				continue;
			}
			if (o->jsonl) {
				buf_addstr(out, "{\"compare\":[");
				json_str(out, hyp[i]);
				buf_addc(out, ',');
				json_str(out, hyp[j]);
				buf_printf(out, "],\"a_better\":%zu,"
				    "\"b_better\":%zu,\"same\":%zu,"
				    "\"p\":%.6g,\"better\":", c.a_better,
				    c.b_better, c.same, c.p);
				if (c.winner == 0)
					buf_addstr(out, "null");
				else
					json_str(out, hyp[c.winner == 1 ? i :
					    j]);
				buf_addstr(out, "}\n");
				continue;
			}
			buf_printf(out, "%s vs %s: ", hyp[i], hyp[j]);
			buf_count(out, c.a_better, "utterance", "utterances");
			buf_printf(out, " better with %s, %zu with %s, %zu "
			    "the same\n", hyp[i], c.b_better, hyp[j], c.same);
			show_wins(ref, &res[i], &res[j], 1, hyp[i], out);
			show_wins(ref, &res[i], &res[j], 2, hyp[j], out);
			buf_printf(out, "  sign test p = %.4f: ", c.p);
			if (c.winner == 0)
				buf_addstr(out, "cannot tell which is better "
				    "at 95%\n");
			else
				buf_printf(out, "%s is better at 95%%\n",
				    hyp[c.winner == 1 ? i : j]);
		}
}

/* A model's scores and its utterances, to an HTML report's view. */
static void
to_view(const struct wer_run_opts *o, const char *name,
    const struct hyp_set *ref, const struct hyp_set *hyp,
    const struct wer_result *res, struct html_view *view)
{
	struct html_score s;
	size_t i;

	memset(&s, 0, sizeof(s));
	s.words = wer_words(&res->sum);
	s.corr = res->sum.corr;
	s.sub = res->sum.sub;
	s.del = res->sum.del;
	s.ins = res->sum.ins;
	s.utts = res->sum.utts;
	s.err_utts = res->sum.err_utts;
	s.missing = res->sum.missing;
	s.extra = res->sum.extra;
	html_wer_system(view, name, unit_label(o), &s);
	for (i = 0; i < res->n; i++) {
		const struct wer_utt *u = &res->v[i];

		memset(&s, 0, sizeof(s));
		s.words = u->c.corr + u->c.sub + u->c.del;
		s.corr = u->c.corr;
		s.sub = u->c.sub;
		s.del = u->c.del;
		s.ins = u->c.ins;
		html_wer_utt(view, ref->v[u->ref].name, ref->v[u->ref].text,
		    u->hyp != HYP_NONE ? hyp->v[u->hyp].text : NULL, &s);
	}
}

static void
show_total(const struct wer_run_opts *o, const char *name,
    const struct wer_sum *s, struct buf *out)
{
	double r = wer_rate(s);

	buf_addstr(out, "{\"hyp\":");
	json_str(out, name);
	buf_printf(out, ",\"total\":true,\"unit\":\"%s\",\"rate\":",
	    unit_label(o));
	if (isinf(r))
		buf_addstr(out, "null");
	else
		buf_printf(out, "%.4f", r);
	buf_printf(out, ",\"errors\":%zu,\"words\":%zu,\"corr\":%zu,"
	    "\"sub\":%zu,\"del\":%zu,\"ins\":%zu", wer_errors(s), wer_words(s),
	    s->corr, s->sub, s->del, s->ins);
	if (s->ter)
		json_edits(out, s->edit);
	buf_printf(out, ",\"utts\":%zu,\"err_utts\":%zu,\"missing\":%zu,"
	    "\"extra\":%zu}\n", s->utts, s->err_utts, s->missing, s->extra);
}

/*
 * vox-wer: score each of the n hypothesis sets hyp against the
 * reference at ref and write what o asks for into out: per utterance
 * details, confusions, with two or more sets a table and a sign test
 * per pair, and last Kaldi's lines per set (or JSONL records); with
 * o->ter, of token errors of display text.  Findings go to d.  Returns
 * -1 if an input could not be read (a system error in d), else 0.
 */
int
wer_run(const struct wer_run_opts *o, const char *refpath,
    char *const *hyp, size_t n, struct buf *out, struct diag *d)
{
	struct hyp_set ref = HYP_SET_INIT, *hs = NULL;
	struct wer_result *res = NULL;
	struct wer *w = NULL;
	struct align *al = NULL;
	enum wer_show how = o->jsonl ? WER_SHOW_JSONL : o->show;
	int rc = -1, *ok = NULL;
	size_t i;

	if (wer_load_ref(refpath, &ref, d) == -1)
		goto out;
	hyp_index(&ref, d);
	if ((w = wer_open(&o->w, d)) == NULL ||
	    (o->ter && wer_ter(w, o->costs, d) == -1))
		goto out;
	al = align_new(o->costs);
	hs = xcalloc(n, sizeof(*hs));
	res = xcalloc(n, sizeof(*res));
	ok = xcalloc(n, sizeof(*ok));
	rc = 0;
	for (i = 0; i < n; i++) {
		if (wer_load_hyp(hyp[i], o->field, &hs[i], d) == -1) {
			rc = -1;
			continue;
		}
		ok[i] = 1;
		hyp_index(&hs[i], d);
		w->sys = hyp[i];
		if (!o->jsonl && n > 1 &&
		    (how != WER_SHOW_NONE || o->confusions > 0))
			buf_printf(out, "== %s\n", hyp[i]);
		if ((o->confusions > 0 && !o->jsonl) || o->view != NULL)
			wer_confusions_start(w);
		(void)wer_score(w, al, &ref, &hs[i], how, out, &res[i], d);
		if (o->view != NULL) {
			to_view(o, hyp[i], &ref, &hs[i], &res[i], o->view);
			conf_view(w, 10, o->view);
		}
		if (o->confusions > 0 && !o->jsonl) {
			wer_confusions(w, o->confusions, out);
			buf_addc(out, '\n');
		}
		if (o->max >= 0)
			(void)wer_check_max(&res[i].sum, o->max, o->w.unit,
			    hyp[i], d);
	}
	if (n > 1 && !o->jsonl) {
		show_table(o, hyp, n, res, ok, out);
		show_pairs(o, &ref, hyp, n, res, ok, out);
	} else if (n > 1)
		show_pairs(o, &ref, hyp, n, res, ok, out);
	for (i = 0; i < n; i++) {
		if (!ok[i])
			continue;
		if (o->jsonl)
			show_total(o, hyp[i], &res[i].sum, out);
		else
			wer_kaldi_named(&res[i].sum, o->w.unit,
			    n > 1 ? hyp[i] : NULL, out);
	}
out:
	for (i = 0; hs != NULL && i < n; i++)
		hyp_set_release(&hs[i]);
	for (i = 0; res != NULL && i < n; i++)
		wer_result_release(&res[i]);
	free(hs);
	free(res);
	free(ok);
	hyp_set_release(&ref);
	align_free(al);
	wer_close(w);
	return rc;
}
