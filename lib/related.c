/*
 * Related text: decode, clean, normalize, map punctuation, split into
 * sentences, drop what the service would drop, in the order of
 * research/icu-notes.md section 8.  Every change and drop is a finding
 * at the line and column where it happens (columns count code points of
 * the line as the earlier steps left it), so --check can say what the
 * filter would do and --report can list what it did.
 *
 * Files are streamed: a bounded line reader fills blocks of lines,
 * blocks are normalized on the thread pool, each worker with its own
 * ICU objects, and written in input order.  Memory is a few blocks per
 * thread, whatever the input size; only --dedupe grows, by a copy of
 * each distinct output line and its line number.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "buf.h"
#include "diag.h"
#include "io.h"
#include "jobs.h"
#include "profile.h"
#include "related.h"
#include "strset.h"
#include "text.h"
#include "utf8.h"
#include "xalloc.h"

/* A block is this many lines or bytes, whichever comes first. */
#define BLOCK_LINES	4096
#define BLOCK_BYTES	(512UL << 10)
/* Blocks in the ring (read, in the pool, or awaiting done()) per thread. */
#define RING_PER_THREAD	4
#define READ_CHUNK	(256UL << 10)
/* More TEXT-LINE notes than this in one file become one summary. */
#define LINE_NOTES_MAX	80
/* Code points of a dropped text quoted in its TEXT-DROP note. */
#define DROP_QUOTE	60

/* Each count's name, for 1 and for more. */
static const char *const count_names[RC_N][2] = {
	{ "BOM added", "BOMs added" },
	{ "CRLF made LF", "CRLFs made LF" },
	{ "line with invisible characters deleted",
	    "lines with invisible characters deleted" },
	{ "line with control characters deleted",
	    "lines with control characters deleted" },
	{ "line composed (NFC)", "lines composed (NFC)" },
	{ "line with width or compatibility forms",
	    "lines with width or compatibility forms" },
	{ "line with punctuation and spaces mapped",
	    "lines with punctuation and spaces mapped" },
	{ "line split into sentences", "lines split into sentences" },
	{ "sentence with numbers spelled out",
	    "sentences with numbers spelled out" },
	{ "sentence lowercased", "sentences lowercased" },
	{ "sentence with letters folded to ASCII",
	    "sentences with letters folded to ASCII" },
	{ "sentence with blanks collapsed", "sentences with blanks collapsed" },
	{ "invalid UTF-8", "invalid UTF-8" },
	{ "too long", "too long" },
	{ "with too many combining marks", "with too many combining marks" },
	{ "URI", "URI" },
	{ "repetition", "repetition" },
	{ "with characters above U+00A1", "with characters above U+00A1" },
	{ "empty", "empty" },
	{ "duplicate", "duplicates" }
};

struct related_norm {
	const struct related_opts *o;
	struct text		*t;
	struct related_result	*res;
	struct loc		 loc;
	struct buf		 a;		/* the text as it goes */
	struct buf		 b;		/* a step's output */
	struct buf		 c;		/* a's while a line is split */
	struct text_spans	 sp;		/* sentences */
	struct text_spans	 uri;
	int			 latin1;
	size_t			 coloff;	/* a sentence's offset */
	unsigned long		 colcp;		/* code points before it */
	struct {
		const char		*id;
		const struct rule	*r;
	}			 rules[8];	/* rule_find() by id */
};

/* A bounded line reader over a stream or memory. */
struct reader {
	FILE		*fp;		/* NULL: memory */
	const char	*name;
	char		*buf;
	size_t		 cap;
	size_t		 beg;
	size_t		 end;
	int		 eof;
	int		 err;
	uint64_t	 bytes;
	int		 own;		/* buf is ours */
};

struct writer {
	const struct related_opts *o;
	struct buf	*mem;		/* memory output, or NULL */
	struct outfile	*of;		/* shards */
	size_t		 nof;
	FILE		*fp;		/* the current output, or NULL */
	uint64_t	 lines;		/* in the current output */
	uint64_t	 bytes;
	uint64_t	 total;		/* lines over all outputs */
	struct strset	 seen;		/* --dedupe: each line, first line */
	struct diag	*d;
	int		 failed;
	int		 opened;	/* an input was read */
};

struct runner {
	const struct related_opts *o;
	struct related_stats	*st;
	struct diag_out		*out;		/* NULL: findings stay in d */
	struct diag		*d;
	struct writer		 w;
	struct jobs		*jobs;		/* a normalizer per worker */
	struct related_norm	*given;		/* the caller's, or NULL */
	/*
	 * A ring of blocks: block i is in slot i % nblk, with what reading
	 * it found (told before the findings of its lines), and its result.
	 */
	struct related_block	*blk;
	struct diag		*rdiag;
	struct related_result	*res;
	size_t			 nblk;
	unsigned long		 line;		/* the next line read */
	unsigned long		 crlf;		/* CRLF lines so far */
	const char		*file;
	struct diag		 lines;		/* the file's TEXT-LINE notes */
	unsigned long		 nlines;	/* how many */
	unsigned long		 first[3];	/* their first lines */
};

static void
add(struct related_norm *n, unsigned long col, const char *id,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void
add(struct related_norm *n, unsigned long col, const char *id,
    const char *fmt, ...)
{
	va_list ap;
	const struct rule *r = NULL;
	size_t k;

	/* Normalizing with no report: nobody would see it. */
	if (!n->o->check && !n->o->record) {
		/* Most lines add a note: look each id up once. */
		for (k = 0; k < 8 && n->rules[k].id != NULL &&
		    n->rules[k].id != id; k++)
			;
		if (k < 8 && n->rules[k].id == id)
			r = n->rules[k].r;
		else {
			r = rule_find(id);
			if (k < 8) {
				n->rules[k].id = id;
				n->rules[k].r = r;
			}
		}
		if (r != NULL && (r->flags & RULE_REPORT_ONLY))
			return;
	}
	va_start(ap, fmt);
	diag_vat(&n->res->d, &n->loc, n->loc.line, col, id, SEV_NONE, fmt,
	    ap);
	va_end(ap);
}

/*
 * A TEXT-DROP note for text that is not written out: what it was (s,
 * quoted up to DROP_QUOTE code points) and why.  --check says so with
 * the rule that drops it; normalizing names it here.
 */
static void
drop_note(struct related_norm *n, unsigned long col, const char *what,
    const char *s, size_t len, const char *why)
{
	size_t i = 0, k = 0;

	if (n->o->check)
		return;
	while (i < len && k++ < DROP_QUOTE)
		(void)utf8_cp(s, len, &i);
	diag_at(&n->res->d, &n->loc, n->loc.line, col, "TEXT-DROP", SEV_NOTE,
	    "%s '%.*s%s' is dropped (%s)", what, (int)i, s, i < len ? "..." :
	    "", why);
}

/* Whether the URI s is a bare domain name: no scheme, no www., no @. */
static int
bare_domain(const char *s, size_t len)
{
	return memchr(s, ':', len) == NULL && memchr(s, '@', len) == NULL &&
	    !(len >= 4 && strncasecmp(s, "www", 3) == 0 &&
	    (s[3] == '.' || (s[3] >= '0' && s[3] <= '9')));
}

/* The offset in a of the first character where a and b differ. */
static size_t
diff_at(const char *a, size_t alen, const char *b, size_t blen)
{
	size_t i = 0;

	while (i < alen && i < blen && a[i] == b[i])
		i++;
	while (i > 0 && i < alen && ((unsigned char)a[i] & 0xC0) == 0x80)
		i--;
	return i < alen ? i : alen;
}

/* "'’' (U+2019 RIGHT SINGLE QUOTATION MARK)" for the character at off. */
static void
describe(const struct related_norm *n, const char *s, size_t len, size_t off,
    char *out, size_t size)
{
	char name[96];
	size_t i = off;
	int32_t c;

	/* Naming characters is slow (u_charName): only for findings. */
	if (!n->o->check && !n->o->record) {
		out[0] = '\0';
		return;
	}
	if (off >= len) {
		snprintf(out, size, "the end of the line");
		return;
	}
	c = utf8_cp(s, len, &i);
	if (c < 0) {
		snprintf(out, size, "byte 0x%02X", (unsigned char)s[off]);
		return;
	}
	text_char_name(c, name, sizeof(name));
	if (c < 0x20 || (c >= 0x7F && c < 0xA0) || text_char_class(c) ==
	    TEXT_C_SYMBOL || c == 0xAD || (c >= 0x200B && c <= 0x200F) ||
	    c == 0xFEFF || c == 0x2060)
		snprintf(out, size, "U+%04X %s", (unsigned int)c, name);
	else
		snprintf(out, size, "'%.*s' (U+%04X %s)", (int)(i - off),
		    s + off, (unsigned int)c, name);
}

/* Swap a and b after a step that wrote b; rc is the step's result. */
static int
step(struct related_norm *n, int rc)
{
	struct buf tmp;

	if (rc != 1) {
		buf_reset(&n->b);
		return 0;
	}
	tmp = n->a;
	n->a = n->b;
	n->b = tmp;
	buf_reset(&n->b);
	return 1;
}

static int
blank(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (s[i] != ' ' && s[i] != '\t')
			return 0;
	return 1;
}

/*
 * The first URI in v that overlaps off..off+len and is not a bare
 * domain (*k, return 1); else the first bare domain (*k, return 2).
 */
static int
overlaps(const char *s, const struct text_spans *v, size_t off, size_t len,
    size_t *k)
{
	size_t i;
	int found = 0;

	for (i = 0; i < v->n; i++) {
		if (v->v[i].off >= off + len ||
		    v->v[i].off + v->v[i].len <= off)
			continue;
		if (!bare_domain(s + v->v[i].off, v->v[i].len)) {
			*k = i;
			return 1;
		}
		if (!found) {
			*k = i;
			found = 2;
		}
	}
	return found;
}

static void
emit(struct related_norm *n, const char *s, size_t len)
{
	struct related_result *r = n->res;

	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 256;
		r->line = xreallocarray(r->line, r->cap, sizeof(*r->line));
	}
	r->line[r->n++] = n->loc.line;
	buf_add(&r->out, s, len);
	buf_addc(&r->out, '\n');
}

/*
 * --spell-numbers on the sentence in n->a (at column base + 1 of its
 * line), with a note for each token left as written.
 */
static void
spell(struct related_norm *n, unsigned long base)
{
	const struct text_spans *left;
	size_t k;
	int rc;

	rc = text_spell_numbers(n->t, n->a.s, n->a.len, &n->b);
	left = text_spell_left(n->t);
	for (k = 0; k < left->n; k++)
		add(n, base + utf8_col(n->a.s, left->v[k].off), "TEXT-NORM",
		    "'%.*s' is left as written: --spell-numbers cannot "
		    "say it in %s",
		    (int)left->v[k].len, n->a.s + left->v[k].off,
		    n->o->loc->tag);
	if (step(n, rc)) {
		n->res->st.count[RC_SPELL]++;
		add(n, base + 1, "TEXT-NORM", "numbers are spelled out");
		/* Mixed tokens (OU812) went letter by letter: spell those. */
		step(n, text_spell_numbers(n->t, n->a.s, n->a.len, &n->b));
	}
}

/*
 * One sentence (or line, with --no-split) at off in the line s: the
 * steps that work per sentence, then the checks that drop it.
 */
static void
norm_sentence(struct related_norm *n, const char *s, size_t off,
    size_t len, const char *what)
{
	const struct related_opts *o = n->o;
	uint64_t *cnt = n->res->st.count;
	struct text_repeat r;
	unsigned long base;
	size_t k, at;
	char desc[160];

	/* The sentences of a line come in order: count on from the last. */
	if (off < n->coloff)
		n->coloff = n->colcp = 0;
	base = n->colcp + utf8_ncp(s + n->coloff, off - n->coloff);
	n->coloff = off;
	n->colcp = base;

	switch (overlaps(s, &n->uri, off, len, &k)) {
	case 1:
		add(n, utf8_col(s, n->uri.v[k].off), "TEXT-URI", "URI '%.*s'; "
		    "the service rejects the %s, so it is dropped",
		    (int)n->uri.v[k].len, s + n->uri.v[k].off, what);
		drop_note(n, utf8_col(s, off), what, s + off, len, "URI");
		cnt[RC_D_URI]++;
		return;
	case 2:
		add(n, utf8_col(s, n->uri.v[k].off), "TEXT-DOMAIN", "domain "
		    "name '%.*s' without a scheme; the service may take it "
		    "for a URI and drop the %s (write it as spoken)",
		    (int)n->uri.v[k].len, s + n->uri.v[k].off, what);
		break;
	}
	buf_reset(&n->a);
	buf_add(&n->a, s + off, len);
	buf_reset(&n->b);
	if (o->spell)
		spell(n, base);
	if (o->lowercase) {
		buf_reset(&n->b);
		if (text_lower(n->t, n->a.s, n->a.len, &n->b) == 1) {
			at = diff_at(n->a.s, n->a.len, n->b.s, n->b.len);
			describe(n, n->a.s, n->a.len, at, desc, sizeof(desc));
			add(n, base + utf8_col(n->a.s, at), "TEXT-NORM",
			    "%s is lowercased", desc);
			cnt[RC_LOWER]++;
			step(n, 1);
		} else
			step(n, 0);
	}
	if (n->latin1 && utf8_find_above(n->a.s, n->a.len, 0xA1) <
	    n->a.len) {
		if (text_ascii_fold(n->t, n->a.s, n->a.len, &n->b) == 1) {
			at = diff_at(n->a.s, n->a.len, n->b.s, n->b.len);
			describe(n, n->a.s, n->a.len, at, desc, sizeof(desc));
			if (n->o->check || n->o->record)
				diag_at(&n->res->d, &n->loc, n->loc.line,
				    base + utf8_col(n->a.s, at),
				    "TEXT-CHARSET", SEV_NOTE, "%s is folded "
				    "to ASCII", desc);
			cnt[RC_ASCII]++;
			step(n, 1);
		} else
			step(n, 0);
	}
	text_squeeze(n->a.s, n->a.len, &n->b);
	if (n->b.len != n->a.len) {
		at = diff_at(n->a.s, n->a.len, n->b.s, n->b.len);
		add(n, base + utf8_col(n->a.s, at), "TEXT-NORM", "blanks are "
		    "collapsed to one space and trimmed");
		cnt[RC_SPACE]++;
		step(n, 1);
	} else
		step(n, 0);
	if (!text_has_word(n->a.s, n->a.len)) {
		if (n->a.len == 0)
			add(n, base + 1, "TEXT-EMPTY", "nothing is left of the "
			    "%s; it is dropped", what);
		else
			add(n, base + 1, "TEXT-EMPTY", "'%s' has no letters "
			    "or digits; it is dropped", n->a.s);
		drop_note(n, base + 1, what, s + off, len, "no letters or "
		    "digits");
		cnt[RC_D_EMPTY]++;
		return;
	}
	if (text_repeat(n->t, n->a.s, n->a.len, (unsigned int)o->repeat_max,
	    &r)) {
		add(n, base + utf8_col(n->a.s, r.all.off), "TEXT-REPEAT",
		    "'%.*s' repeated %u times in a row; the service may drop "
		    "the %s, so it is dropped", (int)r.unit.len,
		    n->a.s + r.unit.off, r.count, what);
		drop_note(n, base + 1, what, s + off, len, "repetition");
		cnt[RC_D_REPEAT]++;
		return;
	}
	if (n->latin1 && (at = utf8_find_above(n->a.s, n->a.len, 0xA1)) <
	    n->a.len) {
		describe(n, n->a.s, n->a.len, at, desc, sizeof(desc));
		add(n, base + utf8_col(n->a.s, at), "TEXT-CHARSET", "%s is "
		    "above U+00A1 in %s text; the %s is dropped", desc,
		    o->loc->tag, what);
		drop_note(n, base + 1, what, s + off, len, "characters above "
		    "U+00A1");
		cnt[RC_D_CHARSET]++;
		return;
	}
	emit(n, n->a.s, n->a.len);
}

static size_t
trim_end(const char *s, size_t len)
{
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	return len;
}

/*
 * Whether ICU's sentence iterator would see one sentence in s: ASCII
 * with no '.', '!' or '?' but at its end.  Most lines of a corpus
 * skip the break iterator this way.
 */
static int
one_sentence(const char *s, size_t len)
{
	size_t i, end = trim_end(s, len);
	uint64_t w;

	while (end > 0 && strchr(".!?\"')", s[end - 1]) != NULL)
		end--;
	for (i = 0; i < len; i++) {
		/* Eight bytes at a time of ASCII with no '.', '!', '?'. */
		for (; i + 8 <= end; i += 8) {
			memcpy(&w, s + i, 8);
			if ((w & 0x8080808080808080ULL) ||
			    utf8_has_byte(w, '.') || utf8_has_byte(w, '!') ||
			    utf8_has_byte(w, '?'))
				break;
		}
		if (i == len)
			break;
		if ((unsigned char)s[i] >= 0x80)
			return 0;
		if (i < end && (s[i] == '.' || s[i] == '!' || s[i] == '?'))
			return 0;
	}
	return trim_end(s, len) > 0;
}

static void
copy_spans(struct text_spans *to, const struct text_spans *from)
{
	size_t i;

	for (i = 0; i < from->n; i++)
		text_spans_add(to, from->v[i].off, from->v[i].len);
}

/*
 * Whether a sentence starts with a closing quote or bracket that
 * belongs to the sentence before: ICU breaks French "« Bonjour ! »"
 * before the "»" (icu-notes 4), which the punctuation map has made '"'.
 */
static int
starts_closer(const char *s, size_t len)
{
	static const char *const closers[] = {
		"\xc2\xbb", "\xe2\x80\x9d", "\xe2\x80\x99", "\xe3\x80\x8d",
		"\xe3\x80\x8f", ")", "]"
	};
	size_t i, k;

	if (len >= 1 && (s[0] == '"' || s[0] == '\'') &&
	    (len == 1 || s[1] == ' '))
		return 1;
	for (i = 0; i < sizeof(closers) / sizeof(closers[0]); i++) {
		k = strlen(closers[i]);
		if (len >= k && memcmp(s, closers[i], k) == 0)
			return 1;
	}
	return 0;
}

static void
merge_closers(struct text_spans *sp, const char *s)
{
	size_t i, k = 0;

	for (i = 0; i < sp->n; i++) {
		if (k > 0 && starts_closer(s + sp->v[i].off, sp->v[i].len)) {
			sp->v[k - 1].len = sp->v[i].off + sp->v[i].len -
			    sp->v[k - 1].off;
			continue;
		}
		sp->v[k++] = sp->v[i];
	}
	sp->n = k;
}

/* The steps that work on the whole line, then each sentence. */
static void
norm_line(struct related_norm *n, const char *s, size_t len)
{
	uint64_t *cnt = n->res->st.count;
	size_t off, at, i, nsp;
	char desc[160];
	int ascii, cjk, rc;
	unsigned int pm;

	if ((off = utf8_check(s, len)) < len) {
		add(n, utf8_col(s, off), "TEXT-ENC", "invalid UTF-8 byte "
		    "0x%02X; the line is dropped (save the file as UTF-8)",
		    (unsigned char)s[off]);
		cnt[RC_D_ENC]++;
		return;
	}
	if (blank(s, len)) {
		add(n, 1, "TEXT-EMPTY", "empty line is dropped");
		cnt[RC_D_EMPTY]++;
		return;
	}
	if ((off = text_marks_run(s, len)) < len) {
		add(n, utf8_col(s, off), "TEXT-MARKS", "more than %d combining "
		    "marks in a row (UAX #15 stream-safe text); the line is "
		    "dropped", TEXT_MARKS_MAX);
		drop_note(n, 1, "line", s, len, "combining marks");
		cnt[RC_D_MARKS]++;
		return;
	}
	buf_reset(&n->a);
	buf_reset(&n->b);
	rc = text_clean(n->t, s, len, &n->a);
	/* What text_find_bad() finds, text_clean() deletes: 0, none. */
	at = rc == 0 ? len : text_find_bad(n->t, s, len);
	if (rc == -1) {
		buf_reset(&n->a);
		buf_add(&n->a, s, len);
	} else if (at < len) {
		describe(n, s, len, at, desc, sizeof(desc));
		add(n, utf8_col(s, at), "TEXT-CTRL", "%s is deleted", desc);
		cnt[RC_CTRL]++;
	} else if (rc == 1) {
		at = diff_at(s, len, n->a.s, n->a.len);
		describe(n, s, len, at, desc, sizeof(desc));
		add(n, utf8_col(s, at), "TEXT-NORM", "%s is %s", desc,
		    s[at] == '\t' ? "made a space" : "deleted");
		cnt[RC_CLEAN]++;
	}
	/*
	 * ASCII is composed, has no compatibility forms and nothing the
	 * punctuation map changes: the next steps would copy it unchanged.
	 */
	ascii = utf8_ascii(n->a.s, n->a.len) == n->a.len;
	cjk = text_is_cjk(n->t) || (!ascii && text_has_cjk(n->a.s, n->a.len));
	if (ascii)
		goto split;
	if (step(n, text_nfc(n->t, n->a.s, n->a.len, &n->b))) {
		add(n, 1, "TEXT-NORM", "the line is not in NFC; it is "
		    "composed");
		cnt[RC_NFC]++;
	}
	rc = text_fold_width(n->t, n->a.s, n->a.len, cjk, &n->b);
	if (rc == 1) {
		at = diff_at(n->a.s, n->a.len, n->b.s, n->b.len);
		describe(n, n->a.s, n->a.len, at, desc, sizeof(desc));
		add(n, utf8_col(n->a.s, at), "TEXT-NORM", "compatibility form "
		    "%s is folded", desc);
		cnt[RC_WIDTH]++;
	}
	step(n, rc);
	pm = TEXT_PM_SPACE | (cjk ? 0 : TEXT_PM_QUOTE);
	rc = text_punct_map(n->t, n->a.s, n->a.len, pm, &n->b);
	if (rc == 1) {
		at = diff_at(n->a.s, n->a.len, n->b.s, n->b.len);
		describe(n, n->a.s, n->a.len, at, desc, sizeof(desc));
		add(n, utf8_col(n->a.s, at), "TEXT-NORM", "%s is made ASCII",
		    desc);
		cnt[RC_PUNCT]++;
	}
	step(n, rc);
split:
	/*
	 * The sentence steps reuse a and b: keep the line aside, and give
	 * them c, kept from line to line: a buffer made and freed for each
	 * line was half of the malloc calls.
	 */
	{
		struct buf line = n->a;

		n->a = n->c;
		buf_reset(&n->a);
		n->sp.n = 0;
		n->uri.n = 0;
		if (n->o->nosplit || one_sentence(line.s, line.len)) {
			text_find_uris(n->t, line.s, line.len, &n->uri);
			text_spans_add(&n->sp, 0, n->o->nosplit ? line.len :
			    trim_end(line.s, line.len));
		} else {
			text_sentences(n->t, line.s, line.len, &n->sp);
			copy_spans(&n->uri, text_sentence_uris(n->t));
		}
		merge_closers(&n->sp, line.s);
		if ((nsp = n->sp.n) == 0) {
			add(n, 1, "TEXT-EMPTY", "nothing is left of the line; "
			    "it is dropped");
			drop_note(n, 1, "line", s, len, "nothing left");
			cnt[RC_D_EMPTY]++;
		} else if (nsp > 1) {
			add(n, 1, "TEXT-LINE", "%zu sentences on one line; "
			    "they are written one per line", nsp);
			cnt[RC_SPLIT]++;
		}
		n->coloff = n->colcp = 0;
		for (i = 0; i < nsp; i++)
			norm_sentence(n, line.s, n->sp.v[i].off,
			    n->sp.v[i].len, n->o->nosplit ? "line" :
			    "sentence");
		n->c = n->a;
		n->a = line;
	}
}

/*
 * Options for one job over the whole profile: the locale, the size and
 * repetition limits, the default tier and line limit.
 */
void
related_opts_init(struct related_opts *o, const struct profile *p,
    const struct locale *loc)
{
	memset(o, 0, sizeof(*o));
	o->loc = loc;
	o->limit = &p->text_bytes;
	o->tier = TIER_DEFAULT;
	o->repeat_max = p->repeat_max;
	o->line_max = RELATED_LINE_MAX;
	o->jobs = 1;
}

struct related_norm *
related_norm_new(const struct related_opts *o, const char *file,
    struct diag *d)
{
	struct related_norm *n;

	n = xcalloc(1, sizeof(*n));
	n->o = o;
	n->loc.file = file;
	n->latin1 = o->loc->latin1;
	if ((n->t = text_open(o->loc->tag, d)) == NULL) {
		free(n);
		return NULL;
	}
	return n;
}

void
related_norm_free(struct related_norm *n)
{
	if (n == NULL)
		return;
	text_close(n->t);
	buf_release(&n->a);
	buf_release(&n->b);
	buf_release(&n->c);
	text_spans_release(&n->sp);
	text_spans_release(&n->uri);
	free(n);
}

/* Normalize the lines of blk into res (which it resets). */
void
related_norm_block(struct related_norm *n, const struct related_block *blk,
    struct related_result *to)
{
	/*
	 * Work on a copy on this thread's stack: the results of a round
	 * lie side by side, and another worker writes the next one's.
	 */
	struct related_result loc = *to, *res = &loc;
	size_t i;

	buf_reset(&res->out);
	res->n = 0;
	memset(&res->st, 0, sizeof(res->st));
	n->res = res;
	for (i = 0; i < blk->n; i++) {
		n->loc.line = blk->first + i;
		res->st.lines_in++;
		if (blk->longl[i]) {
			add(n, 1, "TEXT-LONG", "line is over %zu bytes; it is "
			    "dropped unread", n->o->line_max);
			res->st.count[RC_D_LONG]++;
			continue;
		}
		norm_line(n, blk->text.s + blk->off[i],
		    blk->off[i + 1] - blk->off[i]);
	}
	n->res = NULL;
	*to = loc;
}

void
related_block_release(struct related_block *b)
{
	buf_release(&b->text);
	free(b->off);
	free(b->longl);
	memset(b, 0, sizeof(*b));
}

void
related_result_release(struct related_result *r)
{
	buf_release(&r->out);
	free(r->line);
	diag_release(&r->d);
	memset(r, 0, sizeof(*r));
}

/*
 * The next line of r in *s and *len, without its '\n'.  A line longer
 * than max is skipped to its end and returned empty with *cut set.
 * Returns 1, 0 at the end, -1 on a read error.
 */
static int
reader_line(struct reader *r, size_t max, const char **s, size_t *len,
    int *cut)
{
	char *nl;
	size_t got, scan = 0;

	*cut = 0;
	for (;;) {
		nl = memchr(r->buf + r->beg + scan, '\n',
		    r->end - r->beg - scan);
		if (nl != NULL) {
			*s = r->buf + r->beg;
			*len = (size_t)(nl - *s);
			r->beg = (size_t)(nl - r->buf) + 1;
			if (*len > max)
				*cut = 1;
			if (*cut)
				*len = 0;
			return 1;
		}
		scan = r->end - r->beg;
		if (r->eof || r->fp == NULL) {
			if (r->beg == r->end && !*cut)
				return 0;
			*s = r->buf + r->beg;
			*len = *cut || r->end - r->beg > max ? 0 :
			    r->end - r->beg;
			*cut = *cut || r->end - r->beg > max;
			r->beg = r->end;
			return 1;
		}
		if (scan > max) {
			/* Too long: forget what we have, look for its end. */
			*cut = 1;
			r->beg = r->end = scan = 0;
		}
		if (r->beg > 0) {
			memmove(r->buf, r->buf + r->beg, r->end - r->beg);
			r->end -= r->beg;
			r->beg = 0;
		}
		if (r->cap - r->end < READ_CHUNK) {
			r->cap = r->cap ? r->cap * 2 : 2 * READ_CHUNK;
			r->buf = xreallocarray(r->buf, r->cap, 1);
		}
		got = fread(r->buf + r->end, 1, r->cap - r->end, r->fp);
		r->end += got;
		r->bytes += got;
		if (got == 0) {
			if (ferror(r->fp))
				r->err = errno ? errno : EIO;
			r->eof = 1;
		}
	}
}

static void
block_add(struct related_block *b, const char *s, size_t len, int cut)
{
	if (b->n + 2 > b->cap) {
		b->cap = b->cap ? b->cap * 2 : 256;
		b->off = xreallocarray(b->off, b->cap, sizeof(*b->off));
		b->longl = xreallocarray(b->longl, b->cap, 1);
	}
	if (b->n == 0)
		b->off[0] = b->text.len;
	buf_add(&b->text, s, len);
	b->longl[b->n] = (unsigned char)cut;
	b->off[++b->n] = b->text.len;
}

/*
 * The line where s was first written, or 0 after recording it at line.
 * Lines are compared whole, so two that merely share a hash both stay.
 */
static unsigned long
seen_add(struct strset *v, const char *s, size_t len, unsigned long line)
{
	size_t k;

	if (strset_add(v, s, len, line, &k))
		return 0;
	return strset_val(v, k) ? strset_val(v, k) : 1;
}

/* "OUT.txt" and 3 -> "OUT-003.txt"; the caller frees it. */
char *
related_shard_name(const char *path, size_t k)
{
	size_t n = strlen(path);

	if (n > 4 && strcmp(path + n - 4, ".txt") == 0)
		return xasprintf("%.*s-%03zu.txt", (int)(n - 4), path, k);
	return xasprintf("%s-%03zu", path, k);
}

static int
writer_open(struct writer *w)
{
	char *name;

	w->of = xreallocarray(w->of, w->nof + 1, sizeof(*w->of));
	w->of[w->nof] = (struct outfile)OUTFILE_INIT;
	if (w->o->output != NULL && w->o->split_lines > 0)
		name = related_shard_name(w->o->output, w->nof + 1);
	else
		name = xstrdup(w->o->output != NULL ? w->o->output : "-");
	w->fp = io_create(&w->of[w->nof], name, w->d);
	free(name);
	if (w->fp == NULL) {
		w->failed = 1;
		return -1;
	}
	w->nof++;
	w->lines = 0;
	w->bytes = 3;
	if (fwrite("\xef\xbb\xbf", 1, 3, w->fp) != 3)
		w->failed = 1;
	return 0;
}

/* Check the size of the output just finished against the limit. */
static void
writer_size(struct writer *w, const char *name, uint64_t bytes)
{
	const struct related_opts *o = w->o;
	struct loc l = { name, NULL, 0, 0 };
	uint64_t max = tier_value(o->limit, o->tier);
	uint64_t more = tier_value(o->limit, TIER_STANDARD);

	if (bytes <= max)
		return;
	diag_add(w->d, &l, "TEXT-SIZE", "%llu bytes is over the %llu-byte "
	    "limit%s%s", (unsigned long long)bytes, (unsigned long long)max,
	    more > max ? "; the standard tier (S0) allows " : "; split the "
	    "text into several datasets", more > max ? "more" : "");
}

static void
writer_line(struct writer *w, const char *s, size_t len)
{
	if (w->failed)
		return;
	if (w->mem != NULL) {
		buf_add(w->mem, s, len);
		w->total++;
		return;
	}
	if (w->o->check) {
		w->total++;
		return;
	}
	if (w->fp == NULL || (w->o->output != NULL && w->o->split_lines > 0 &&
	    w->lines >= w->o->split_lines)) {
		if (w->fp != NULL)
			writer_size(w, w->of[w->nof - 1].path, w->bytes);
		if (writer_open(w) == -1)
			return;
	}
	if (fwrite(s, 1, len, w->fp) != len)
		w->failed = 1;
	w->lines++;
	w->total++;
	w->bytes += len;
}

/* Commit every output, or remove them all if anything failed. */
static int
writer_close(struct writer *w)
{
	size_t i;
	int rc = 0;

	if (w->mem == NULL && !w->o->check && w->fp == NULL && !w->failed &&
	    w->opened)
		writer_open(w);
	if (w->fp != NULL)
		writer_size(w, w->of[w->nof - 1].tmp != NULL ?
		    w->of[w->nof - 1].path : "<stdout>", w->bytes);
	if (w->mem == NULL && !w->o->check && w->o->loc->split_lines > 0 &&
	    (w->o->output == NULL || w->o->split_lines == 0) &&
	    w->total > w->o->loc->split_lines)
		diag_add(w->d, &(struct loc){ w->nof > 0 &&
		    w->of[0].tmp != NULL ? w->of[0].path : "<stdout>", NULL,
		    0, 0 }, "TEXT-JAKO", "%llu lines in one file; %s imports "
		    "over %lu lines can time out: write with -o FILE to "
		    "split", (unsigned long long)w->total, w->o->loc->tag,
		    w->o->loc->split_lines);
	if (w->failed && w->nof > 0 && w->of[w->nof - 1].tmp == NULL)
		diag_syserr(w->d, "write error on '<stdout>': %s",
		    strerror(errno));
	for (i = 0; i < w->nof; i++) {
		if (w->failed || rc == -1) {
			if (w->of[i].tmp != NULL && w->of[i].fp != NULL)
				diag_syserr(w->d, "'%s' is not written",
				    w->of[i].path);
			io_abort(&w->of[i]);
		} else if (io_commit(&w->of[i], w->d) == -1)
			rc = -1;
	}
	free(w->of);
	strset_release(&w->seen);
	return w->failed ? -1 : rc;
}

/*
 * Hand findings over: --check prints them all; normalizing prints only
 * the lines it could not read or write and what it dropped, and puts
 * the rest (RULE_REPORT_ONLY rules, at any severity) in the report.
 */
static void
pass_findings(struct runner *rn, struct diag *d)
{
	enum severity ro;

	if (rn->out == NULL) {
		diag_move(rn->d, d);
		return;
	}
	ro = rn->out->report_only;
	if (!rn->o->check)
		rn->out->report_only = SEV_ERROR;
	diag_flush(rn->out, d);
	rn->out->report_only = ro;
}

/*
 * A worker's normalizer, opened once per run (ICU takes milliseconds):
 * the caller's if it gave one, which is then the only worker.
 */
static void *
norm_init(void *ctx)
{
	struct runner *rn = ctx;

	return rn->given != NULL ? rn->given :
	    related_norm_new(rn->o, NULL, rn->d);
}

static void
norm_fini(void *state, void *ctx)
{
	struct runner *rn = ctx;

	/* The caller's, kept open between calls: not ours to free. */
	if (state != rn->given)
		related_norm_free(state);
}

static void *
work(size_t i, void *state, void *ctx)
{
	struct runner *rn = ctx;
	struct related_norm *n = state;

	n->loc.file = rn->file;
	related_norm_block(n, &rn->blk[i % rn->nblk], &rn->res[i % rn->nblk]);
	return &rn->res[i % rn->nblk];
}

/* The TEXT-DROP note of a duplicate line. */
static void
dup_note(struct diag *d, const struct loc *l, const char *s, size_t len,
    unsigned long first)
{
	size_t i = 0, k = 0;

	while (i < len && k++ < DROP_QUOTE)
		(void)utf8_cp(s, len, &i);
	diag_addsev(d, l, "TEXT-DROP", SEV_NOTE, "line '%.*s%s' is dropped "
	    "(duplicate of line %lu)", (int)i, s, i < len ? "..." : "",
	    first);
}

/*
 * Keep the TEXT-LINE notes of d aside until the file ends (lines_end()):
 * a file with more than LINE_NOTES_MAX of them gets one summary.
 */
static void
lines_hold(struct runner *rn, struct diag *d)
{
	struct finding *f;
	size_t i, k = 0;

	for (i = 0; i < d->n; i++) {
		f = &d->v[i];
		if (f->rule == NULL || strcmp(f->rule->id, "TEXT-LINE") != 0) {
			d->v[k++] = *f;
			continue;
		}
		if (rn->nlines < 3)
			rn->first[rn->nlines] = f->line;
		if (++rn->nlines <= LINE_NOTES_MAX)
			diag_addsev(&rn->lines, &(struct loc){ f->file,
			    f->member, f->line, f->col }, "TEXT-LINE", f->sev,
			    "%s", f->msg);
		free(f->file);
		free(f->member);
		free(f->msg);
	}
	d->n = k;
}

/* The held TEXT-LINE notes of the file just read, or their summary. */
static void
lines_end(struct runner *rn)
{
	struct loc l = { rn->file, NULL, rn->first[0], 1 };

	if (rn->nlines > LINE_NOTES_MAX) {
		diag_clear(&rn->lines);
		diag_addsev(rn->d, &l, "TEXT-LINE", SEV_NOTE, "%lu lines hold "
		    "several sentences (lines %lu, %lu, %lu, ...); they are "
		    "written one sentence per line", rn->nlines,
		    rn->first[0], rn->first[1], rn->first[2]);
	} else
		diag_move(rn->d, &rn->lines);
	rn->nlines = 0;
}

static void
done(size_t i, void *result, void *ctx)
{
	struct runner *rn = ctx;
	struct related_result *r = result;
	struct loc l = { rn->file, NULL, 0, 0 };
	size_t k, b = 0, e;
	unsigned long first;

	pass_findings(rn, &rn->rdiag[i % rn->nblk]);
	for (k = 0; k < RC_N; k++)
		rn->st->count[k] += r->st.count[k];
	rn->st->lines_in += r->st.lines_in;
	for (k = 0; k < r->n; k++) {
		e = (const char *)memchr(r->out.s + b, '\n', r->out.len - b) -
		    r->out.s + 1;
		if (rn->o->dedupe && (first = seen_add(&rn->w.seen,
		    r->out.s + b, e - b - 1, r->line[k])) != 0) {
			l.line = r->line[k];
			l.col = 1;
			diag_addsev(&r->d, &l, "TEXT-DUP", SEV_NOTE, "'%.*s' "
			    "is a duplicate (first on line %lu); it is "
			    "dropped", (int)(e - b - 1), r->out.s + b, first);
			if (!rn->o->check)
				dup_note(&r->d, &l, r->out.s + b, e - b - 1,
				    first);
			rn->st->count[RC_D_DUP]++;
		} else {
			writer_line(&rn->w, r->out.s + b, e - b);
			rn->st->lines_out++;
			rn->st->bytes_out += e - b;
		}
		b = e;
	}
	lines_hold(rn, &r->d);
	pass_findings(rn, &r->d);
}

/* Read a block of lines into b, noting in d; 0 if there were none. */
static int
read_block(struct runner *rn, struct reader *r, struct related_block *b,
    struct diag *d)
{
	const char *s;
	size_t len;
	int cut;

	buf_reset(&b->text);
	b->n = 0;
	b->first = rn->line;
	while (b->n < BLOCK_LINES && b->text.len < BLOCK_BYTES) {
		if (reader_line(r, rn->o->line_max, &s, &len, &cut) != 1)
			break;
		if (len > 0 && s[len - 1] == '\r') {
			len--;
			if (rn->crlf++ == 0) {
				struct loc l = { rn->file, NULL, rn->line, 0 };

				diag_addsev(d, &l, "TEXT-NORM", SEV_NOTE,
				    "lines end in CRLF; the output ends them "
				    "in LF");
			}
		}
		block_add(b, s, len, cut);
		rn->line++;
	}
	return b->n > 0;
}

/* UTF-16 or binary input cannot be read line by line: say so. */
static int
sniff(struct runner *rn, struct reader *r)
{
	struct loc l = { rn->file, NULL, 0, 0 };
	const unsigned char *p;
	size_t n, got;

	if (r->fp != NULL && r->end < 4 && !r->eof) {
		if (r->cap < 2 * READ_CHUNK) {
			r->cap = 2 * READ_CHUNK;
			r->buf = xreallocarray(r->buf, r->cap, 1);
		}
		got = fread(r->buf + r->end, 1, r->cap - r->end, r->fp);
		r->end += got;
		r->bytes += got;
		if (got == 0)
			r->eof = 1;
	}
	p = (const unsigned char *)r->buf;
	n = r->end;
	if (n >= 2 && (p[0] == 0xFF || p[0] == 0xFE) && (p[0] ^ p[1]) == 1) {
		diag_add(rn->d, &l, "TEXT-ENC", "UTF-16 (%s-endian) with a "
		    "BOM; save the file as UTF-8 with a BOM",
		    p[0] == 0xFF ? "little" : "big");
		return -1;
	}
	if (n >= 4 && memchr(p, '\0', n < 4096 ? n : 4096) != NULL) {
		diag_add(rn->d, &l, "TEXT-ENC", "NUL bytes; the file is binary "
		    "or UTF-16 without a BOM");
		return -1;
	}
	if (n >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0) {
		r->beg = 3;
		return 0;
	}
	if (rn->o->check && n > 0)
		diag_add(rn->d, &l, "TEXT-ENC-BOM", "no UTF-8 BOM; the service "
		    "asks for one at the start of related text");
	else if (n > 0)
		rn->st->count[RC_BOM]++;
	return 0;
}

/* Stream one input through the pool. */
static void
run_one(struct runner *rn, struct reader *r)
{
	struct loc l = { rn->file, NULL, 0, 0 };
	unsigned long limit;
	uint64_t in0 = rn->st->lines_in, out0 = rn->st->lines_out, max;
	size_t nb;

	rn->line = 1;
	rn->crlf = 0;
	if (sniff(rn, r) == -1)
		goto out;
	if (rn->out != NULL)
		pass_findings(rn, rn->d);
	/*
	 * Read block nb into its slot of the ring once done() has seen the
	 * block that was there, and hand it to the workers at once: they
	 * never wait for a round to end, nor the reader for a round.
	 */
	jobs_begin(rn->jobs);
	for (nb = 0;; nb++) {
		if (nb >= rn->nblk)
			jobs_wait(rn->jobs, nb - rn->nblk + 1);
		if (!read_block(rn, r, &rn->blk[nb % rn->nblk],
		    &rn->rdiag[nb % rn->nblk]))
			break;
		jobs_push(rn->jobs);
	}
	jobs_wait(rn->jobs, nb);
	rn->st->count[RC_EOL] += rn->crlf;
	lines_end(rn);
	if (r->err != 0)
		diag_syserr(rn->d, "read error on '%s': %s", rn->file,
		    strerror(r->err));
	else if (rn->st->lines_out == out0)
		diag_add(rn->d, &l, "TEXT-NODATA", "%s; the dataset would "
		    "have no data", rn->st->lines_in == in0 ?
		    "the file is empty" : "no line of text is left");
	max = tier_value(rn->o->limit, rn->o->tier);
	if (rn->o->check && r->bytes > max)
		diag_add(rn->d, &l, "TEXT-SIZE", "%llu bytes is over the "
		    "%llu-byte limit%s", (unsigned long long)r->bytes,
		    (unsigned long long)max,
		    tier_value(rn->o->limit, TIER_STANDARD) > max ?
		    "; the standard tier (S0) allows more" : "");
	limit = rn->o->loc->split_lines;
	if (rn->o->check && limit > 0 && rn->st->lines_in - in0 > limit)
		diag_add(rn->d, &l, "TEXT-JAKO", "%llu lines; %s imports over "
		    "%lu lines can time out: split with -o", (unsigned long
		    long)(rn->st->lines_in - in0), rn->o->loc->tag, limit);
out:
	rn->st->bytes_in += r->bytes;
	if (rn->out != NULL)
		pass_findings(rn, rn->d);
}

static int
runner_init(struct runner *rn, const struct related_opts *o,
    struct related_stats *st, struct diag_out *out, struct diag *d,
    struct related_norm *given)
{
	struct jobs_spec js = { 0 };
	unsigned int threads = o->jobs ? o->jobs : 1;

	memset(rn, 0, sizeof(*rn));
	rn->o = o;
	rn->st = st;
	rn->out = out;
	rn->d = d;
	rn->w.o = o;
	rn->w.d = d;
	if (given != NULL) {
		given->o = o;
		rn->given = given;
		threads = 1;
	}
	js.threads = threads;
	js.init = norm_init;
	js.fini = norm_fini;
	js.work = work;
	js.done = done;
	js.ctx = rn;
	if ((rn->jobs = jobs_start(&js)) == NULL)
		return -1;
	rn->nblk = threads == 1 ? 1 : (size_t)threads * RING_PER_THREAD;
	rn->blk = xcalloc(rn->nblk, sizeof(*rn->blk));
	rn->rdiag = xcalloc(rn->nblk, sizeof(*rn->rdiag));
	rn->res = xcalloc(rn->nblk, sizeof(*rn->res));
	return 0;
}

static void
runner_release(struct runner *rn)
{
	size_t k;

	jobs_end(rn->jobs);
	for (k = 0; k < rn->nblk; k++) {
		related_block_release(&rn->blk[k]);
		related_result_release(&rn->res[k]);
		diag_release(&rn->rdiag[k]);
	}
	free(rn->blk);
	free(rn->rdiag);
	free(rn->res);
	diag_release(&rn->lines);
}

/*
 * Normalize (or with o->check, check) related text in memory: output
 * with its BOM appended to out, findings in d, counts added to st.
 * n, if not NULL, is a normalizer of the same locale to reuse (opening
 * ICU costs milliseconds).  Returns 0, or -1 if ICU could not be opened.
 */
int
related_check_mem(const struct related_opts *o, struct related_norm *n,
    const char *buf, size_t len, const char *name, struct buf *out,
    struct related_stats *st, struct diag *d)
{
	struct related_opts one = *o;
	struct runner rn;
	struct reader r;
	int rc = -1;

	one.jobs = 1;
	if (runner_init(&rn, &one, st, NULL, d, n) == -1)
		goto out;
	rn.w.mem = out;
	rn.file = name;
	buf_add(out, "\xef\xbb\xbf", 3);
	memset(&r, 0, sizeof(r));
	r.buf = (char *)buf;
	r.end = r.cap = len;
	r.eof = 1;
	r.bytes = len;
	run_one(&rn, &r);
	writer_close(&rn.w);
	rc = 0;
out:
	runner_release(&rn);
	return rc;
}

/*
 * Normalize (or check) the files of paths in turn, "-" being standard
 * input, into one output: o->output (or its shards) or stdout.
 * Findings go to out.  Returns 0, or -1 if ICU could not be opened.
 */
int
related_run(const struct related_opts *o, char *const *paths, size_t npaths,
    struct diag_out *out, struct related_stats *st)
{
	struct diag d = DIAG_INIT;
	struct runner rn;
	struct reader r;
	size_t i;
	int rc = -1;

	if (runner_init(&rn, o, st, out, &d, NULL) == -1)
		goto out;
	for (i = 0; i < (npaths ? npaths : 1); i++) {
		const char *path = npaths ? paths[i] : "-";

		rn.file = strcmp(path, "-") == 0 ? "<stdin>" : path;
		memset(&r, 0, sizeof(r));
		if (strcmp(path, "-") == 0)
			r.fp = stdin;
		else if ((r.fp = fopen(path, "rb")) == NULL) {
			diag_syserr(&d, "cannot open '%s': %s", path,
			    strerror(errno));
			pass_findings(&rn, &d);
			continue;
		}
		rn.w.opened = 1;
		run_one(&rn, &r);
		free(r.buf);
		if (r.fp != stdin)
			fclose(r.fp);
	}
	rn.file = NULL;
	if (writer_close(&rn.w) == 0 && o->output != NULL &&
	    o->split_lines > 0 && !o->check)
		st->shards = rn.w.nof;
	rc = 0;
out:
	pass_findings(&rn, &d);
	diag_release(&d);
	runner_release(&rn);
	return rc;
}

/* "27 lines in, 70 out; changed: ...; dropped: ..." */
void
related_summary(const struct related_stats *st, struct buf *b)
{
	size_t i;
	int any = 0;

	buf_count(b, st->lines_in, "line", "lines");
	buf_printf(b, " in, %llu out", (unsigned long long)st->lines_out);
	for (i = 0; i < RC_N; i++) {
		if (i == RC_FIRST_DROP)
			any = 0;
		if (st->count[i] == 0)
			continue;
		buf_addstr(b, any ? ", " : i < RC_FIRST_DROP ? "; changed: " :
		    "; dropped: ");
		buf_count(b, st->count[i], count_names[i][0],
		    count_names[i][1]);
		any = 1;
	}
}
