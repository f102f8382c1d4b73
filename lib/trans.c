/*
 * Transcript checks, repair and pairing with audio.  With --fix the
 * checks run on the repaired line, so what is reported is what the fix
 * could not repair; line numbers always refer to the input.
 */
#include <ctype.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "buf.h"
#include "dataset.h"
#include "diag.h"
#include "io.h"
#include "riff.h"
#include "text.h"
#include "trans.h"
#include "utf8.h"
#include "xalloc.h"

/* Transcripts are small; a bigger one is surely not a transcript. */
#define TRANS_MAX	(256UL << 20)
/*
 * No clip's transcript is this long: such a line is reported and not
 * checked further, so neither time nor memory grows with it.
 */
#define TRANS_LINE_MAX	(1UL << 20)
/* Enough of a WAV to find its fmt and data chunk headers. */
#define WAV_HEAD	RIFF_HEAD_MAX
#define WAV_HEAD_FIRST	4096	/* most of them: the first read */

/*
 * Speaking-rate bounds: only clear outliers, so a transcript paired
 * with the wrong clip or cut short stands out.  Conversational speech
 * is about 2-4 words or 10-20 letters a second, Mandarin and Japanese
 * 3-8 characters; the bounds leave room for pauses and fast talkers.
 */
#define LATIN_CPS_MIN	2.0
#define LATIN_CPS_MAX	35.0
#define LATIN_WPS_MIN	0.3
#define LATIN_WPS_MAX	6.5
#define CJK_CPS_MIN	0.5
#define CJK_CPS_MAX	12.0

/* Each fix's name, for 1 and for more. */
static const char *const fix_names[FIX_N][2] = {
	{ "BOM added", "BOMs added" },
	{ "line ending", "line endings" },
	{ "blank line removed", "blank lines removed" },
	{ "line with spaces after the name made a TAB",
	    "lines with spaces after the name made a TAB" },
	{ "name with blanks around it", "names with blanks around them" },
	{ "line with TABs in text made spaces",
	    "lines with TABs in text made spaces" },
	{ "line composed (NFC)", "lines composed (NFC)" },
	{ "line with exotic spaces or invisibles",
	    "lines with exotic spaces or invisibles" },
	{ "line with quotes and dashes made ASCII",
	    "lines with quotes and dashes made ASCII" },
	{ "line with numbers spelled out", "lines with numbers spelled out" },
	{ "line with letters folded to ASCII",
	    "lines with letters folded to ASCII" },
	{ "line with punctuation made full width",
	    "lines with punctuation made full width" },
	{ "line with blanks trimmed", "lines with blanks trimmed" }
};

struct ctx {
	struct trans		*tr;
	struct text		*t;
	const struct trans_opts	*o;
	struct loc		 loc;
	struct diag		*d;
	struct buf		*out;		/* fix output, or NULL */
	const char		*eol;		/* fix: line ending */
	struct buf		 a;
	struct buf		 b;
	struct buf		 line;		/* a line without stray CRs */
	struct text_spans	 sp;
	int			 en;		/* an English locale */
	int			 de;
	const char		*cs;		/* col_at(): the text, */
	size_t			 coff;		/* an offset in it */
	unsigned long		 ccol;		/* and its column */
};

/* German words for symbols (NORM-DE-3). */
static const struct {
	int32_t		 c;
	const char	*word;
} de_words[] = {
	{ '*', "mal" }, { '+', "plus" }, { '-', "minus" },
	{ '/', "geteilt durch" }, { '<', "kleiner als" },
	{ '=', "gleich" }, { '>', "gr\xc3\xb6\xc3\x9f" "er als" },
	{ 0xA2, "Cent" }, { 0xA5, "Yen" }, { 0xA7, "Paragraf" },
	{ 0xB0, "Grad" }, { 0xB1, "plus minus" }, { 0xB2, "hoch zwei" },
	{ 0xB5, "mikro" }, { 0xD7, "mal" }, { 0x20AC, "Euro" }
};

/* Common English abbreviations and what is said (NORM-EN-1). */
static const struct {
	const char	*abbr;
	const char	*said;
} en_abbr[] = {
	{ "Dr.", "Doctor" }, { "Mr.", "Mister" }, { "Mrs.", "Missus" },
	{ "Ms.", "Miz" }, { "St.", "Street or Saint" },
	{ "Jr.", "Junior" }, { "Sr.", "Senior" }, { "Prof.", "Professor" },
	{ "etc.", "et cetera" }, { "vs.", "versus" }, { "e.g.", "for example" },
	{ "i.e.", "that is" }, { "approx.", "approximately" },
	{ "Ave.", "Avenue" }, { "Blvd.", "Boulevard" }, { "Mt.", "Mount" },
	{ "No.", "number" }, { "Inc.", "Incorporated" }, { "Ltd.", "Limited" }
};

/*
 * The column of off in s, counted on from the last call on the same
 * text, so that findings along a line cost O(line), not O(line^2).
 */
static unsigned long
col_at(struct ctx *c, const char *s, size_t off)
{
	if (s != c->cs || off < c->coff) {
		c->cs = s;
		c->coff = 0;
		c->ccol = 1;
	}
	c->ccol += (unsigned long)utf8_ncp(s + c->coff, off - c->coff);
	c->coff = off;
	return c->ccol;
}

/* The entry named s, or add one; returns the index + 1 of an old one. */
static size_t
names_add(struct trans *tr, const char *s, size_t n, unsigned long line)
{
	struct trans_entry *e;
	size_t k;

	/* The set and v grow together: a name's index is its entry's. */
	if (!strset_add(&tr->names, s, n, 0, &k))
		return k + 1;
	if (tr->n == tr->cap) {
		tr->cap = tr->cap ? tr->cap * 2 : 64;
		tr->v = xreallocarray(tr->v, tr->cap, sizeof(*tr->v));
	}
	e = &tr->v[tr->n++];
	memset(e, 0, sizeof(*e));
	e->name = xstrndup(s, n);
	e->line = line;
	return 0;
}

static void
add_at(struct ctx *c, unsigned long col, const char *id, const char *fmt,
    ...) __attribute__((format(printf, 4, 5)));

static void
add_at(struct ctx *c, unsigned long col, const char *id, const char *fmt,
    ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vat(c->d, &c->loc, c->loc.line, col, id, SEV_NONE, fmt, ap);
	va_end(ap);
}

/* Swap the work buffers after a transform that wrote into b. */
static void
step(struct ctx *c, int rc, enum trans_fix kind)
{
	struct buf tmp;

	if (rc == 1)
		c->tr->fixes[kind]++;
	if (rc == -1) {
		/* ICU failed: keep the text as it was. */
		buf_reset(&c->b);
		return;
	}
	tmp = c->a;
	c->a = c->b;
	c->b = tmp;
	buf_reset(&c->b);
}

/* The repairs --fix makes to the text, in the order of icu-notes 8. */
static void
fix_text(struct ctx *c)
{
	const struct locale *l = c->o->loc;
	size_t i, j;
	int rc;

	buf_reset(&c->b);
	step(c, text_nfc(c->t, c->a.s, c->a.len, &c->b), FIX_NFC);
	step(c, text_punct_map(c->t, c->a.s, c->a.len, TEXT_PM_SPACE, &c->b),
	    FIX_SPACE);
	if (l->ascii)
		step(c, text_punct_map(c->t, c->a.s, c->a.len, TEXT_PM_QUOTE,
		    &c->b), FIX_QUOTE);
	if (l->fullwidth)
		step(c, text_punct_map(c->t, c->a.s, c->a.len, TEXT_PM_WIDE,
		    &c->b), FIX_WIDE);
	if (c->o->spell)
		step(c, text_spell_numbers(c->t, c->a.s, c->a.len, &c->b),
		    FIX_SPELL);
	if (l->ascii)
		step(c, text_ascii_fold(c->t, c->a.s, c->a.len, &c->b),
		    FIX_ASCII);
	for (i = 0; i < c->a.len && c->a.s[i] == ' '; i++)
		;
	for (j = c->a.len; j > i && c->a.s[j - 1] == ' '; j--)
		;
	rc = i > 0 || j < c->a.len;
	buf_add(&c->b, c->a.s + i, j - i);
	step(c, rc, FIX_TRIM);
}

static void
check_ascii(struct ctx *c, const char *s, size_t n, unsigned long tcol)
{
	size_t off, i, more = 0, k;
	int32_t ch;
	const char *sub;
	char name[96], how[64];

	if ((off = utf8_find_above(s, n, 0x7F)) == n)
		return;
	i = off;
	ch = utf8_cp(s, n, &i);
	for (k = i; k < n; k++)
		more += (unsigned char)s[k] >= 0xC0;
	text_char_name(ch, name, sizeof(name));
	if ((sub = text_ascii_sub(c->t, ch, &k)) == NULL)
		snprintf(how, sizeof(how), "there is no ASCII substitute");
	else if (k == 0)
		snprintf(how, sizeof(how), "delete it");
	else
		snprintf(how, sizeof(how), "write '%.*s'", (int)k, sub);
	add_at(c, tcol + col_at(c, s, off) - 1, "TRANS-ENC-EN",
	    "non-ASCII character '%.*s' (U+%04X %s) in en-US text; %s%s",
	    (int)(i - off), s + off, (unsigned int)ch, name, how,
	    more ? " (more follow on this line)" : "");
}

static const char *
de_word(int32_t ch)
{
	size_t i;

	for (i = 0; i < sizeof(de_words) / sizeof(de_words[0]); i++)
		if (de_words[i].c == ch)
			return de_words[i].word;
	return NULL;
}

static int
is_forbidden(const char *set, int32_t ch)
{
	size_t i = 0, n = strlen(set);

	while (i < n)
		if (utf8_cp(set, n, &i) == ch)
			return 1;
	return 0;
}

/* Whether the ASCII math sign at s[i] stands for a word: 3-2, 3 / 4. */
static int
math_sign(const char *s, size_t n, size_t i)
{
	int before = i == 0 || s[i - 1] == ' ' ||
	    isdigit((unsigned char)s[i - 1]);
	int after = i + 1 >= n || s[i + 1] == ' ' ||
	    isdigit((unsigned char)s[i + 1]);

	if (strchr("+*=<>", s[i]) != NULL)
		return 1;
	return before && after;
}

static void
check_symbols_de(struct ctx *c, const char *s, size_t n, unsigned long tcol)
{
	const char *fb = c->o->loc->forbidden, *w;
	size_t i = 0, at;
	int32_t ch;

	while (i < n) {
		at = i;
		ch = utf8_cp(s, n, &i);
		if (fb != NULL && ch >= 0x80 && is_forbidden(fb, ch)) {
			w = de_word(ch);
			add_at(c, tcol + col_at(c, s, at) - 1, "NORM-DE-3",
			    "symbol '%.*s' makes the service drop the line; "
			    "%s%s%s", (int)(i - at), s + at,
			    w ? "write '" : "write it as words",
			    w ? w : "", w ? "'" : "");
			continue;
		}
		if (!c->de)
			continue;
		if (ch == 0x20AC || (ch < 0x80 && strchr("+-*/=<>", ch) &&
		    ch != 0 && math_sign(s, n, at))) {
			add_at(c, tcol + col_at(c, s, at) - 1, "NORM-DE-MATH",
			    "symbol '%.*s' is deleted by the service; write "
			    "'%s'", (int)(i - at), s + at, de_word(ch));
		}
	}
}

static void
check_wide(struct ctx *c, const char *s, size_t n, unsigned long tcol)
{
	size_t i;
	const char *from = "?!,;:", *p;
	static const char *const to[] = {
		"\xef\xbc\x9f", "\xef\xbc\x81", "\xef\xbc\x8c", "\xef\xbc\x9b",
		"\xef\xbc\x9a"
	};

	for (i = 0; i < n; i++) {
		if ((p = strchr(from, s[i])) == NULL || s[i] == '\0')
			continue;
		if (i > 0 && isdigit((unsigned char)s[i - 1]) && i + 1 < n &&
		    isdigit((unsigned char)s[i + 1]))
			continue;
		add_at(c, tcol + col_at(c, s, i) - 1, "NORM-ZH-1",
		    "half-width '%c' in zh-CN text; write '%s'", s[i],
		    to[p - from]);
		return;
	}
}

static void
check_sentences(struct ctx *c, const char *s, size_t n, unsigned long tcol)
{
	unsigned long max = c->o->loc->sentence_chars;
	size_t i, k;

	c->sp.n = 0;
	text_sentences(c->t, s, n, &c->sp);
	for (i = 0; i < c->sp.n; i++) {
		k = utf8_ncp(s + c->sp.v[i].off, c->sp.v[i].len);
		if (k <= max)
			continue;
		add_at(c, tcol + col_at(c, s, c->sp.v[i].off) - 1,
		    "TRANS-JA-90",
		    "sentence of %zu characters is over the limit of %lu; "
		    "split it with '\xe3\x80\x82'", k, max);
	}
}

static const char *
en_abbrev(const char *s, size_t n)
{
	size_t i, k;

	for (i = 0; i < sizeof(en_abbr) / sizeof(en_abbr[0]); i++) {
		k = strlen(en_abbr[i].abbr);
		if (k == n && memcmp(s, en_abbr[i].abbr, n) == 0)
			return en_abbr[i].said;
	}
	return NULL;
}

/* One English token: abbreviation, digits, mixed, symbols. */
static void
check_token_en(struct ctx *c, const char *s, size_t b, size_t e,
    unsigned long tcol)
{
	size_t i, letters = 0, digits = 0, k;
	const char *said, *sym = NULL;
	unsigned long col;

	/* Trim quotes and closing punctuation, keep a final '.'. */
	while (b < e && strchr("\"'([", s[b]) != NULL)
		b++;
	while (e > b && strchr("\"')],;:!?", s[e - 1]) != NULL)
		e--;
	if (e == b)
		return;
	col = tcol + col_at(c, s, b) - 1;
	if (s[e - 1] == '.' && (said = en_abbrev(s + b, e - b)) != NULL) {
		add_at(c, col, "NORM-EN-1", "abbreviation '%.*s'; write it as "
		    "spoken ('%s')", (int)(e - b), s + b, said);
		return;
	}
	k = e;
	if (k > b && s[k - 1] == '.')
		k--;
	for (i = b; i < k; i++) {
		if (isdigit((unsigned char)s[i]))
			digits++;
		else if (isalpha((unsigned char)s[i]))
			letters++;
		else if (strchr("$%&+=@#", s[i]) != NULL && sym == NULL)
			sym = s + i;
	}
	if (sym != NULL)
		add_at(c, col, "NORM-EN-3", "symbol '%c' in '%.*s'; write it "
		    "as spoken", *sym, (int)(e - b), s + b);
	else if (digits && letters)
		add_at(c, col, "NORM-EN-3", "'%.*s' mixes letters and digits; "
		    "write it as pronounced, e.g. letter by letter",
		    (int)(k - b), s + b);
	/*
	 * A lone digit has one reading, and the guide's own spelling of
	 * OU812 is "O U 8 1 2": only numbers of two or more digits are
	 * ambiguous ("101": "one oh one" or "one hundred one").
	 */
	else if (digits > 1 || (digits && k - b > 1))
		add_at(c, col, "NORM-EN-2", "digits '%.*s'; write the number "
		    "as spoken", (int)(k - b), s + b);
}

static void
check_en(struct ctx *c, const char *s, size_t n, unsigned long tcol)
{
	size_t i = 0, b;

	while (i < n) {
		while (i < n && s[i] == ' ')
			i++;
		b = i;
		while (i < n && s[i] != ' ')
			i++;
		if (i > b)
			check_token_en(c, s, b, i, tcol);
	}
}

static void
check_text(struct ctx *c, const char *s, size_t n, unsigned long tcol,
    size_t entry)
{
	const struct locale *l = c->o->loc;
	struct text_repeat r;
	struct trans_entry *e = entry ? &c->tr->v[entry - 1] : NULL;
	size_t chars, words;
	enum text_script sc;

	c->cs = NULL;
	if (!text_has_word(s, n)) {
		if (n == 0)
			add_at(c, tcol, "TRANS-EMPTY", "no text after the "
			    "name; the service reports normalized text is "
			    "empty");
		else
			add_at(c, tcol, "TRANS-EMPTY", "text '%.*s' is empty "
			    "once punctuation is removed", (int)n, s);
		return;
	}
	if (l->ascii)
		check_ascii(c, s, n, tcol);
	if (l->forbidden != NULL || c->de)
		check_symbols_de(c, s, n, tcol);
	if (l->fullwidth)
		check_wide(c, s, n, tcol);
	if (l->sentence_chars)
		check_sentences(c, s, n, tcol);
	if (text_repeat(c->t, s, n, (unsigned int)c->o->repeat_max, &r))
		add_at(c, tcol + col_at(c, s, r.all.off) - 1, "TRANS-REPEAT",
		    "'%.*s' repeated %u times in a row; the service may drop "
		    "the line", (int)r.unit.len, s + r.unit.off, r.count);
	if (c->en)
		check_en(c, s, n, tcol);
	if (e != NULL) {
		sc = text_script(s, n, &chars, &words);
		e->chars = chars;
		e->words = words;
		e->cjk = sc == TEXT_CJK;
	}
}

static int
bad_name(struct ctx *c, const char *s, size_t n)
{
	size_t i;

	if (n == 0) {
		add_at(c, 1, "TRANS-NAME", "empty file name before the TAB");
		return 1;
	}
	for (i = 0; i < n; i++) {
		if (s[i] == '/' || s[i] == '\\') {
			add_at(c, 1, "TRANS-NAME", "'%.*s' is a path; write "
			    "the plain file name", (int)n, s);
			return 1;
		}
	}
	if ((n == 2 && memcmp(s, "..", 2) == 0) || n < 5 ||
	    strncasecmp(s + n - 4, ".wav", 4) != 0) {
		add_at(c, 1, "TRANS-NAME", "'%.*s' is not a file name ending "
		    "in .wav", (int)n, s);
		return 1;
	}
	return 0;
}

/* Where a line without a TAB has its name: "a1.wav text" -> 6. */
static size_t
space_sep(const char *s, size_t n)
{
	const char *sp = memchr(s, ' ', n);
	size_t k;

	if (sp == NULL)
		return 0;
	k = (size_t)(sp - s);
	if (k < 5 || strncasecmp(sp - 4, ".wav", 4) != 0)
		return 0;
	return k;
}

static void
put_line(struct ctx *c, const char *name, size_t nn, const char *txt,
    size_t tn)
{
	if (c->out == NULL)
		return;
	buf_add(c->out, name, nn);
	buf_addc(c->out, '\t');
	buf_add(c->out, txt, tn);
}

static int
check_line(struct ctx *c, const char *s, size_t n)
{
	const char *tab, *name, *txt;
	size_t nn, tn, off, k, entry = 0, i;
	unsigned long tcol;
	int fix = c->out != NULL;

	for (i = 0; i < n && (s[i] == ' ' || s[i] == '\t'); i++)
		;
	if (i == n) {
		if (fix) {
			c->tr->fixes[FIX_BLANK]++;
			return 0;
		}
		diag_addsev(c->d, &c->loc, "TRANS-LINE", SEV_WARNING,
		    "empty line");
		return 1;
	}
	if ((off = utf8_check(s, n)) < n) {
		add_at(c, utf8_col(s, off), "TRANS-ENC", "invalid UTF-8 byte "
		    "0x%02X; save the file as UTF-8",
		    (unsigned char)s[off]);
		if (fix)
			buf_add(c->out, s, n);
		return 1;
	}
	if ((tab = memchr(s, '\t', n)) == NULL) {
		if ((k = space_sep(s, n)) == 0) {
			add_at(c, 1, "TRANS-LINE", "no TAB; a line is a file "
			    "name, a TAB and the text");
			if (fix)
				buf_add(c->out, s, n);
			return 1;
		}
		if (!fix)
			add_at(c, utf8_col(s, k), "TRANS-TAB", "spaces, not a "
			    "TAB, after '%.*s'", (int)k, s);
		else
			c->tr->fixes[FIX_SEP]++;
		tab = s + k;
	}
	name = s;
	nn = (size_t)(tab - s);
	tcol = fix ? 0 : utf8_col(s, nn) + 1;
	txt = tab + 1;
	tn = n - nn - 1;
	buf_reset(&c->a);
	buf_add(&c->a, txt, tn);
	if ((tab = memchr(txt, '\t', tn)) != NULL) {
		if (!fix)
			add_at(c, tcol - 1 + utf8_col(txt,
			    (size_t)(tab - txt)), "TRANS-TAB", "TAB inside "
			    "the text; the line is dropped");
		for (k = 0; k < c->a.len; k++)
			if (c->a.s[k] == '\t')
				c->a.s[k] = ' ';
		if (fix)
			c->tr->fixes[FIX_TAB]++;
	}
	if (nn > 0 && (name[0] == ' ' || name[nn - 1] == ' ')) {
		if (fix)
			c->tr->fixes[FIX_NAME]++;
		else
			add_at(c, 1, "TRANS-NAME", "'%.*s' has blanks around "
			    "it; names must match the file exactly", (int)nn,
			    name);
		while (nn > 0 && name[0] == ' ')
			name++, nn--;
		while (nn > 0 && name[nn - 1] == ' ')
			nn--;
	}
	if (!bad_name(c, name, nn)) {
		if ((k = names_add(c->tr, name, nn, c->loc.line)) != 0)
			add_at(c, 1, "TRANS-DUP", "'%.*s' is already on line "
			    "%lu", (int)nn, name, c->tr->v[k - 1].line);
		else
			entry = c->tr->n;
	}
	if (fix)
		fix_text(c);
	if (fix)
		tcol = utf8_col(name, nn) + 1;
	check_text(c, c->a.s, c->a.len, tcol, entry);
	put_line(c, name, nn, c->a.s, c->a.len);
	return 1;
}

/*
 * A line over TRANS_LINE_MAX: a finding; its name is still recorded so
 * that pairing does not also call its clip untranscribed.  The fixer
 * keeps the line as it is.
 */
static void
long_line(struct ctx *c, const char *s, size_t n)
{
	const char *tab;
	size_t nn;

	diag_addsev(c->d, &c->loc, "TRANS-LONG", SEV_WARNING, "line is over "
	    "%lu bytes; it is not checked", TRANS_LINE_MAX);
	if ((tab = memchr(s, '\t', n)) != NULL &&
	    (nn = (size_t)(tab - s)) <= 4096 && !bad_name(c, s, nn))
		(void)names_add(c->tr, s, nn, c->loc.line);
	if (c->out != NULL)
		buf_add(c->out, s, n);
}

static int
check_binary(struct ctx *c, const char *buf, size_t len)
{
	const char *z, *p;
	unsigned long line = 1;

	if (len >= 2 && ((unsigned char)buf[0] == 0xFF ||
	    (unsigned char)buf[0] == 0xFE) &&
	    ((unsigned char)buf[1] ^ (unsigned char)buf[0]) == 0x01) {
		diag_add(c->d, &c->loc, "TRANS-ENC", "UTF-16 (%s-endian) with "
		    "a BOM; save the file as UTF-8",
		    (unsigned char)buf[0] == 0xFF ? "little" : "big");
		return 1;
	}
	if ((z = memchr(buf, '\0', len)) == NULL)
		return 0;
	for (p = buf; (p = memchr(p, '\n', (size_t)(z - p))) != NULL; p++)
		line++;
	c->loc.line = line;
	p = z;
	while (p > buf && p[-1] != '\n')
		p--;
	add_at(c, utf8_col(p, (size_t)(z - p)), "TRANS-ENC", "NUL byte; the "
	    "file is binary or UTF-16 without a BOM");
	c->loc.line = 0;
	return 1;
}

/*
 * Check a transcript in memory; with out, append the repaired text.
 * Returns 0 (findings are in d).
 */
int
trans_check(struct trans *tr, struct text *t, const struct trans_opts *o,
    const char *buf, size_t len, const struct loc *where, struct buf *out,
    struct diag *d)
{
	struct ctx c;
	const char *p = buf, *end = buf + len, *nl;
	const char *cr;
	size_t n, k;
	int crlf, first = -1, mixed = 0, lastnl = 0;

	memset(&c, 0, sizeof(c));
	c.tr = tr;
	c.t = t;
	c.o = o;
	c.loc = *where;
	c.d = d;
	c.out = o->fix ? out : NULL;
	c.en = strncmp(o->loc->tag, "en", 2) == 0;
	c.de = strncmp(o->loc->tag, "de", 2) == 0;
	if (check_binary(&c, buf, len)) {
		if (c.out != NULL)
			buf_add(c.out, buf, len);
		return 0;
	}
	if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0) {
		p += 3;
		if (c.out != NULL)
			buf_add(c.out, buf, 3);
	} else if (o->loc->bom) {
		if (c.out != NULL) {
			buf_add(c.out, "\xef\xbb\xbf", 3);
			tr->fixes[FIX_BOM]++;
		} else
			diag_add(d, &c.loc, "TRANS-ENC-BOM", "no UTF-8 BOM; %s "
			    "transcripts need one", o->loc->tag);
	}
	for (c.loc.line = 1; p < end; c.loc.line++, p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		n = (size_t)(nl - p);
		lastnl = nl < end;
		crlf = n > 0 && p[n - 1] == '\r';
		n -= crlf;
		if (nl < end) {
			if (first == -1) {
				first = crlf;
				c.eol = o->eol_lf || !crlf ? "\n" : "\r\n";
			} else if (crlf != first && !mixed) {
				mixed = 1;
				if (c.out == NULL)
					diag_addsev(d, &c.loc, "TRANS-EOL",
					    SEV_NOTE, "line ends in %s, "
					    "earlier lines in %s",
					    crlf ? "CRLF" : "LF",
					    crlf ? "LF" : "CRLF");
			}
			if (c.out != NULL && (crlf != first ||
			    (o->eol_lf && crlf)))
				tr->fixes[FIX_EOL]++;
		}
		if (n > TRANS_LINE_MAX) {
			long_line(&c, p, n);
			if (c.out != NULL && lastnl)
				buf_addstr(c.out, c.eol != NULL ? c.eol :
				    "\n");
			if (nl == end)
				break;
			continue;
		}
		if ((cr = memchr(p, '\r', n)) != NULL) {
			if (c.out == NULL)
				add_at(&c, utf8_col(p, (size_t)(cr - p)),
				    "TRANS-EOL", "CR inside the line; lines "
				    "end in LF or CRLF");
			else {
				buf_reset(&c.line);
				for (k = 0; k < n; k++)
					buf_addc(&c.line, p[k] == '\r' ? ' ' :
					    p[k]);
				tr->fixes[FIX_EOL]++;
				p = c.line.s;
				n = c.line.len;
			}
		}
		if (check_line(&c, p, n) && c.out != NULL && lastnl)
			buf_addstr(c.out, c.eol != NULL ? c.eol : "\n");
		if (nl == end)
			break;
	}
	buf_release(&c.line);
	buf_release(&c.a);
	buf_release(&c.b);
	text_spans_release(&c.sp);
	return 0;
}

static void
check_rate(const struct trans_entry *e, double secs, const struct loc *l,
    struct diag *d)
{
	double cps, wps;

	if (e->chars == 0 || secs < 0)
		return;
	if (secs == 0) {
		diag_add(d, l, "TRANS-RATE", "'%s' has no audio for %zu "
		    "character%s of text", e->name, e->chars,
		    e->chars == 1 ? "" : "s");
		return;
	}
	cps = (double)e->chars / secs;
	wps = (double)e->words / secs;
	if (e->cjk) {
		if (cps >= CJK_CPS_MIN && cps <= CJK_CPS_MAX)
			return;
		diag_add(d, l, "TRANS-RATE", "%zu character%s in %.2f s of "
		    "'%s' is %.1f characters/s, outside %g-%g characters/s; "
		    "the transcript may belong to another clip or be cut "
		    "short", e->chars, e->chars == 1 ? "" : "s", secs,
		    e->name, cps, CJK_CPS_MIN, CJK_CPS_MAX);
		return;
	}
	if (cps >= LATIN_CPS_MIN && cps <= LATIN_CPS_MAX &&
	    wps >= LATIN_WPS_MIN && wps <= LATIN_WPS_MAX)
		return;
	diag_add(d, l, "TRANS-RATE", "%zu word%s in %.2f s of '%s' is %.1f "
	    "words/s and %.1f characters/s, outside %g-%g words/s or "
	    "%g-%g characters/s; the transcript may belong to another clip "
	    "or be cut short", e->words, e->words == 1 ? "" : "s", secs,
	    e->name, wps, cps, LATIN_WPS_MIN, LATIN_WPS_MAX, LATIN_CPS_MIN,
	    LATIN_CPS_MAX);
}

/*
 * The files at the root of a dataset by stem (the name without its
 * extension, ASCII case folded), for the hint of a line with no WAV:
 * built once, at the first such line, so that many missing lines cost
 * n log n, not n times the dataset.
 */
struct stem {
	char		*key;
	const char	*name;
	int		 wav;
};

struct stems {
	struct stem	*v;
	size_t		 n;
	int		 built;
};

static char *
stem_key(const char *name)
{
	const char *dot = strrchr(name, '.');
	size_t n = dot != NULL && dot != name ? (size_t)(dot - name) :
	    strlen(name), i;
	char *k = xmalloc(n + 1);

	for (i = 0; i < n; i++)
		k[i] = (char)tolower((unsigned char)name[i]);
	k[n] = '\0';
	return k;
}

static int
stem_cmp(const void *a, const void *b)
{
	const struct stem *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	return c != 0 ? c : strcmp(x->name, y->name);
}

static void
stems_build(struct stems *st, const struct dataset *ds)
{
	size_t i;

	st->built = 1;
	st->v = xreallocarray(NULL, ds->n ? ds->n : 1, sizeof(*st->v));
	for (i = 0; i < ds->n; i++) {
		if (ds->v[i].dir || strchr(ds->v[i].name, '/') != NULL)
			continue;
		st->v[st->n].key = stem_key(ds->v[i].name);
		st->v[st->n].name = ds->v[i].name;
		st->v[st->n].wav = dataset_is_root_wav(&ds->v[i]);
		st->n++;
	}
	if (st->n > 1)
		qsort(st->v, st->n, sizeof(*st->v), stem_cmp);
}

static void
stems_free(struct stems *st)
{
	size_t i;

	for (i = 0; i < st->n; i++)
		free(st->v[i].key);
	free(st->v);
}

/*
 * Why a line names no WAV, when the dataset suggests it: a WAV whose
 * name differs only in case, or a file of the same stem that is not a
 * WAV (call4.opus for call4.wav).  Appends the hint to b.
 */
static void
missing_hint(struct stems *st, const struct dataset *ds, const char *name,
    struct buf *b)
{
	struct stem k = { NULL, "", 0 };
	const struct stem *other = NULL;
	size_t lo = 0, hi, mid;

	if (!st->built)
		stems_build(st, ds);
	k.key = stem_key(name);
	hi = st->n;
	while (lo < hi) {		/* the first entry >= (key, "") */
		mid = lo + (hi - lo) / 2;
		if (stem_cmp(&st->v[mid], &k) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < st->n && strcmp(st->v[lo].key, k.key) == 0; lo++) {
		if (st->v[lo].wav && strcasecmp(st->v[lo].name, name) == 0) {
			buf_printf(b, "; names are case-sensitive, there is "
			    "'%s'", st->v[lo].name);
			free(k.key);
			return;
		}
		if (other == NULL && strcmp(st->v[lo].name, name) != 0)
			other = &st->v[lo];
	}
	free(k.key);
	if (other == NULL)
		return;
	if (!other->wav && dataset_is_audio(other->name))
		buf_printf(b, "; there is '%s', which is not a WAV: convert "
		    "it with vox-resample", other->name);
	else
		buf_printf(b, "; there is '%s'", other->name);
}

/*
 * The seconds of the WAV file e from its header.  A file's first 4 KiB
 * hold most headers, and when the walk finds the data chunk in them it
 * finds what a read of WAV_HEAD bytes would: the samples after are not
 * read, which for thousands of short WAVs paired one after another was
 * most of the time.  A zip member is read as before, its inflation
 * checked as far.
 */
static int
wav_seconds(struct dataset *ds, const struct dataset_entry *e,
    struct buf *head, double *secs, struct diag *d)
{
	struct riff r;
	int rc;

	buf_reset(head);
	if (!ds->zip) {
		if ((rc = dataset_read(ds, e, head, WAV_HEAD_FIRST, d)) < 0)
			return -1;
		if (rc == 0 || riff_parse((const unsigned char *)head->s,
		    head->len, e->size, &r) == -1 || (r.flags & RIFF_DATA)) {
			*secs = riff_seconds((const unsigned char *)head->s,
			    head->len, e->size);
			return 0;
		}
		buf_reset(head);
	}
	if (dataset_read(ds, e, head, WAV_HEAD, d) < 0)
		return -1;
	*secs = riff_seconds((const unsigned char *)head->s, head->len,
	    e->size);
	return 0;
}

/*
 * Pair the recorded lines with the WAVs at the root of ds, both ways
 * (TRANS-MATCH), and check each pair's speaking rate (TRANS-RATE).
 * where is the transcript's location.  known, if not NULL, holds the
 * seconds of each entry of ds as riff_seconds() finds them in its first
 * WAV_HEAD bytes, or NAN where the header is still to be read.  Returns
 * 0, or -1 on a system error.
 */
int
trans_pair(struct trans *tr, struct dataset *ds, const double *known,
    const struct loc *where, struct diag *d)
{
	struct loc l = *where, wl = { NULL, NULL, 0, 0 };
	struct buf head = BUF_INIT, hint = BUF_INIT;
	struct stems stems = { NULL, 0, 0 };
	const struct dataset_entry *e;
	char *path = NULL, *used;
	size_t i;
	double secs;

	used = xcalloc(ds->n + 1, 1);
	for (i = 0; i < tr->n; i++) {
		l.line = tr->v[i].line;
		l.col = 1;
		e = dataset_find(ds, tr->v[i].name);
		if (e == NULL || !dataset_is_root_wav(e)) {
			buf_reset(&hint);
			missing_hint(&stems, ds, tr->v[i].name, &hint);
			diag_add(d, &l, "TRANS-MATCH", "no audio file '%s' in "
			    "'%s'%s", tr->v[i].name, ds->path, buf_str(&hint));
			continue;
		}
		used[e - ds->v] = 1;
		if (known != NULL && !isnan(known[e - ds->v]))
			secs = known[e - ds->v];
		else if (wav_seconds(ds, e, &head, &secs, d) == -1)
			continue;
		l.col = 0;
		check_rate(&tr->v[i], secs, &l, d);
	}
	for (i = 0; i < ds->n; i++) {
		if (used[i] || !dataset_is_root_wav(&ds->v[i]))
			continue;
		free(path);
		path = NULL;
		if (ds->zip) {
			wl.file = ds->path;
			wl.member = ds->v[i].name;
		} else {
			path = xasprintf("%s%s%s", ds->path,
			    ds->path[strlen(ds->path) - 1] == '/' ? "" : "/",
			    ds->v[i].name);
			wl.file = path;
		}
		diag_add(d, &wl, "TRANS-MATCH", "no transcript line for '%s'; "
		    "the audio is not used", ds->v[i].name);
	}
	free(path);
	free(used);
	buf_release(&head);
	buf_release(&hint);
	stems_free(&stems);
	return 0;
}

/* The one .txt or .tsv transcript at the root of ds (TRANS-FILE). */
const struct dataset_entry *
trans_find(const struct dataset *ds, struct diag *d)
{
	struct loc l = { ds->path, NULL, 0, 0 };
	const struct dataset_entry *found = NULL;
	size_t i, n = 0;

	for (i = 0; i < ds->n; i++) {
		const struct dataset_entry *e = &ds->v[i];

		if (!dataset_is_root_text(e))
			continue;
		if (n++ == 0)
			found = e;
	}
	if (n == 1)
		return found;
	if (n == 0)
		diag_add(d, &l, "TRANS-FILE", "no .txt or .tsv transcript "
		    "in the dataset");
	else
		diag_add(d, &l, "TRANS-FILE", "%zu .txt or .tsv files, the "
		    "first '%s'; an acoustic dataset has exactly one", n,
		    found->name);
	return NULL;
}

/* Reading stops at TRANS_MAX: no transcript is that big. */
static void
too_big(const char *name, struct diag *d)
{
	diag_syserr(d, "cannot read '%s': over %lu MiB, too big for a "
	    "transcript", name, TRANS_MAX >> 20);
}

static int
is_dataset(const char *path)
{
	struct stat st;

	if (dataset_has_suffix(path, ".zip"))
		return 1;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/*
 * Check the transcript at tpath ("-" is stdin) and pair it with the
 * dataset at dspath (or NULL).  If tpath is itself a folder or a zip,
 * its one transcript is checked and paired with it.  With o->fix the
 * repaired transcript is appended to out.  Returns 0, or -1 after a
 * system error.
 */
int
trans_run(const struct trans_opts *o, const char *tpath, const char *dspath,
    struct buf *out, struct trans *tr, struct diag *d)
{
	struct dataset ds = DATASET_INIT;
	struct buf in = BUF_INIT;
	struct loc l = { NULL, NULL, 0, 0 };
	const struct dataset_entry *e;
	struct text *t = NULL;
	char *fname = NULL;
	int rc = -1, opened = 0, r;

	if (strcmp(tpath, "-") != 0 && dspath == NULL && is_dataset(tpath)) {
		dspath = tpath;
		if (dataset_open(&ds, dspath, d) == -1)
			goto out;
		opened = 1;
		if ((e = trans_find(&ds, d)) == NULL) {
			rc = 0;
			goto out;
		}
		if ((r = dataset_read(&ds, e, &in, TRANS_MAX, d)) != 0) {
			if (r == 1)
				too_big(e->name, d);
			goto out;
		}
		if (ds.zip) {
			l.file = ds.path;
			l.member = e->name;
		} else
			l.file = fname = xasprintf("%s/%s", ds.path, e->name);
	} else {
		if ((r = io_read_file(tpath, &in, TRANS_MAX, d)) != 0) {
			if (r == 1)
				too_big(tpath, d);
			goto out;
		}
		l.file = strcmp(tpath, "-") == 0 ? "<stdin>" : tpath;
	}
	if ((t = text_open(o->loc->tag, d)) == NULL)
		goto out;
	trans_check(tr, t, o, in.s != NULL ? in.s : "", in.len, &l, out, d);
	if (dspath != NULL && !opened) {
		if (dataset_open(&ds, dspath, d) == -1) {
			rc = 0;
			goto out;
		}
		opened = 1;
	}
	if (opened && trans_pair(tr, &ds, NULL, &l, d) == -1)
		goto out;
	rc = 0;
out:
	text_close(t);
	if (opened || ds.path != NULL)
		dataset_close(&ds);
	buf_release(&in);
	free(fname);
	return rc;
}

/* "fixed: 1 BOM added, 2 lines with ..." or "no changes needed". */
void
trans_summary(const struct trans *tr, struct buf *b)
{
	size_t i;
	int any = 0;

	for (i = 0; i < FIX_N; i++) {
		if (tr->fixes[i] == 0)
			continue;
		buf_addstr(b, any ? ", " : "fixed: ");
		buf_count(b, tr->fixes[i], fix_names[i][0], fix_names[i][1]);
		any = 1;
	}
	if (!any)
		buf_addstr(b, "no changes needed");
}

void
trans_release(struct trans *tr)
{
	size_t i;

	for (i = 0; i < tr->n; i++)
		free(tr->v[i].name);
	free(tr->v);
	strset_release(&tr->names);
	memset(tr, 0, sizeof(*tr));
}
