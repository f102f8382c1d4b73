/*
 * Display-format files (the OutputFormatting kind, DF-26): the sections
 * #itn, #rewrite, #profanity and #test; a compiler for the #itn pattern
 * grammar; and the display pipeline in the service's order: built-in
 * ITN of spoken numbers, the file's #itn patterns, #rewrite, #profanity
 * masking, a capital first letter.
 *
 * An #itn pattern describes written output; the service works out how
 * it is spoken.  We match a pattern against the lexical text after our
 * built-in ITN: letters and digits of the pattern match the same
 * characters, case-insensitively, with blanks between them skipped
 * ("t k t 1 2 3 4" is "TKT1234"); other literal characters ('-', ':')
 * match themselves or nothing and are always written; a blank in the
 * pattern writes one; \l \u \a take a letter said on its own (a word
 * of one letter); {spoken>written} matches the spoken words and writes
 * the written text.  A match starts and ends at word boundaries;
 * the longest one wins, then the earliest pattern.  Patterns compile to
 * one Thompson NFA; a lazily built DFA finds matches (no backtracking,
 * a bounded state cache), and a Pike VM over the matched span alone
 * writes the output.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "disp.h"
#include "profile.h"
#include "strset.h"
#include "text.h"
#include "utf8.h"
#include "xalloc.h"

/* The spec's section limits (TT-25), when no profile gives them. */
#define ITN_MAX		200
#define REWRITE_MAX	1000
#define PROF_MAX	1000

#define NEST_MAX	64	/* parentheses nested in one pattern */
#define DFA_STATES	2048	/* cached DFA states before a flush */
#define DFA_ACCEPT	0x8000	/* in a transition: the target accepts */
#define DFA_XMAX	65536	/* cached non-ASCII transitions */
#define QUOTE_MAX	200	/* bytes of a line quoted in a message */

enum sect {
	S_NONE,
	S_ITN,
	S_REWRITE,
	S_PROFANITY,
	S_TEST,
	S_UNKNOWN
};

/* NFA instructions. */
enum opcode {
	OP_CHAR,		/* one code point (folded) */
	OP_DIGIT,		/* \d */
	OP_LETTER,		/* \l \u \a */
	OP_SET,			/* [...] */
	OP_EMIT,		/* write text, consume nothing */
	OP_SPLIT,		/* go to x, or y (x preferred) */
	OP_JMP,
	OP_MATCH
};

/* How OP_LETTER writes the letter it matched. */
enum lcase {
	L_KEEP,
	L_LOWER,
	L_UPPER
};

struct op {
	uint8_t		 code;
	uint8_t		 how;		/* OP_LETTER: enum lcase */
	int32_t		 c;		/* OP_CHAR: code point; OP_SET: set;
					   OP_MATCH: pattern */
	int32_t		 x, y;		/* OP_SPLIT, OP_JMP */
	uint32_t	 s, n;		/* text written, in the pool */
};

/* A character set: n sorted, disjoint [lo, hi] pairs from iv[off]. */
struct cset {
	uint32_t	off;
	uint32_t	n;
};

/* A DFA state: its NFA ops (keys[k..k+n)) and the pattern it accepts. */
struct dstate {
	uint32_t	k;
	uint32_t	n;
	int32_t		accept;		/* -1: none */
};

/* A cached transition on a non-ASCII code point. */
struct dtrans {
	int32_t		from;		/* -1: empty slot */
	int32_t		c;
	int32_t		to;
};

/*
 * The lazy DFA over the NFA of all patterns.  State 0 is the dead
 * state; next[] holds ASCII transitions, ncls a state (target + 1, or-ed
 * with DFA_ACCEPT if the target accepts; 0: not built yet).  A class is
 * an ASCII character that some op can take, or a letter that is a word
 * by itself; class 0 is every other character, which ends all threads.
 */
struct dfa {
	struct dstate	*st;
	size_t		 nst;
	size_t		 stcap;
	uint16_t	*next;
	unsigned char	 cls[256];	/* ASCII (+128: alone) to a class */
	size_t		 ncls;
	uint32_t	*keys;
	size_t		 nkeys;
	size_t		 keycap;
	int32_t		*hash;		/* state by key hash, -1: empty */
	size_t		 hcap;
	struct dtrans	*x;
	size_t		 nx;
	size_t		 xcap;
	int32_t		 start;		/* -1: not built */
	uint32_t	 epoch;		/* flushes so far */
	uint32_t	*mark;		/* per op: closure generation */
	uint32_t	 gen;
	uint32_t	*stack;
	size_t		 stackcap;
	uint32_t	*set;		/* ops of the state being built */
	size_t		 nset;
};

/* Compiled #itn patterns: one program, one entry per pattern. */
struct itn {
	struct op	*op;
	size_t		 nop;
	size_t		 opcap;
	int32_t		*iv;		/* set intervals: lo, hi pairs */
	size_t		 niv;
	size_t		 ivcap;
	struct cset	*set;
	size_t		 nset;
	size_t		 setcap;
	struct buf	 pool;		/* text that ops write */
	uint32_t	*entry;		/* per pattern */
	size_t		 npat;
	size_t		 patcap;
};

/* A #rewrite original or a #profanity phrase. */
struct phrase {
	uint32_t	 k;		/* folded units joined by ' ' (pool) */
	uint32_t	 kn;
	uint32_t	 f;		/* the first unit's length */
	uint32_t	 nunit;
	uint32_t	 h2;		/* the second unit's hash, if any */
	uint32_t	 r;		/* replacement as written (pool) */
	uint32_t	 rn;
	uint32_t	 orig;		/* the original as written (pool) */
	uint32_t	 on;
	unsigned long	 line;
	int32_t		 next;		/* same first unit, not longer */
};

/* Phrases by their first unit, each chain longest first. */
#define BLOOM_BITS	65536
struct ptab {
	struct phrase	*v;
	size_t		 n;
	size_t		 cap;
	struct buf	 pool;
	int32_t		*slot;		/* head phrase, -1: empty */
	size_t		 scap;
	unsigned char	*bloom;		/* first units' hashes, one bit */
	size_t		 maxunits;	/* of the longest phrase */
};

struct dtest {
	unsigned long	 line;
	uint32_t	 in, inn;	/* in the test pool */
	uint32_t	 want, wantn;
};

/* A unit of a line for phrase matching: a word, or one CJK character. */
struct unit {
	size_t		off;
	size_t		len;
	size_t		foff;		/* its folded form in the fold buffer */
	size_t		flen;
	uint32_t	h;		/* strset_hash32() of the folded form */
	int		ident;		/* folded is as written: text[off] */
};

struct units {
	struct unit	*v;
	size_t		 n;
	size_t		 cap;
	const char	*text;		/* the text they are units of */
	size_t		 len;
	size_t		 next;		/* where the next unit is looked for */
	int		 cjk;
	struct buf	 fold;
};

/* A Pike VM thread, and a node of the text it wrote. */
struct vthread {
	int32_t		pc;
	int32_t		node;
};

struct vnode {
	int32_t		parent;
	int32_t		pc;
	int32_t		cp;
};

struct vm {
	struct vthread	*cl;
	struct vthread	*nl;
	size_t		 ncl;
	size_t		 nnl;
	size_t		 tcap;
	uint32_t	*mark;
	uint32_t	 gen;
	struct vnode	*nd;
	size_t		 nnd;
	size_t		 ndcap;
	struct vthread	*stk;
	size_t		 nstk;
	size_t		 stkcap;
	int32_t		*path;
	size_t		 pathcap;
};

/*
 * Where earlier scans of a line were: the DFA state after each byte, if
 * its tag is the line's.  A scan that reaches a position in the same
 * state as an earlier one has the same future, and that one found no
 * match end past there (it was the longest, or there was none): the
 * scan stops.  This keeps scans from each word start linear where a
 * loop ("(\d)+x" over "1 1 1 ...") would read the rest of the line
 * again and again.
 */
struct seen {
	int32_t		*state;
	uint32_t	*tag;
	size_t		 cap;
	uint32_t	 now;		/* the tag of this line */
};

/* A word of a line and the hash of its folded form. */
struct wordhash {
	size_t		a;
	size_t		b;
	uint32_t	h;
};

/*
 * A word of a line as the stages see it (blank-separated; zh and ja
 * split units further and go the way of disp_apply_ref()): its bounds
 * and what the stages after the one that wrote it need to know (T_*).
 */
struct tok {
	size_t		a;
	size_t		b;
	unsigned int	fl;
};

#define T_NUM		0x1	/* text_num_word(): a number may start */
#define T_ITN		0x2	/* itn_word_live(): a match may start */
#define T_RW		0x4	/* in the #rewrite bloom: a phrase may start */
#define T_PROF		0x8	/* in the #profanity bloom */

struct toks {
	struct tok	*v;
	size_t		 n;
	size_t		 cap;
};

/*
 * What the tests of a word (T_*) gave, by the word's bytes: most words
 * of a text are words seen before, and the tests (hashing the folded
 * word among them) cost more than this look-up.  A word longer than
 * WCACHE_LEN is tested each time.
 */
#define WCACHE_BITS	13
#define WCACHE		(1 << WCACHE_BITS)	/* words, direct-mapped */
#define WCACHE_LEN	16	/* bytes of a word kept */

/* Where bytes are little-endian, tok_split() reads 8 of them at once. */
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && \
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define WCACHE_LE	1
#endif

struct wcache {
	uint64_t	k[2];		/* the word: byte j at bit 8 * (j % 8)
					   of k[j / 8], zero-padded */
	unsigned char	n;		/* 0: empty */
	unsigned char	fl;		/* T_* */
	unsigned char	known;		/* the T_* tests made */
};

/* What disp_apply() changes as it works: caches and buffers. */
struct work {
	struct wcache	*wc;		/* NULL: not made yet */
	struct toks	 t1;		/* the words of a and b */
	struct toks	 t2;
	struct buf	 num;		/* one number read */
	struct wordhash	*wh;		/* the words #rewrite saw */
	size_t		 nwh;
	size_t		 whcap;
	struct dfa	 dfa;
	struct seen	 seen;
	struct vm	 vm;
	struct units	 u;
	struct units	 u2;
	struct buf	 a;
	struct buf	 b;
};

struct disp {
	char		*name;
	char		 tag[32];
	int		 cjk;		/* zh, ja: words are not spaced */
	struct itn	 itn;
	struct ptab	 rw;
	struct ptab	 prof;
	struct dtest	*test;
	size_t		 ntest;
	size_t		 testcap;
	struct buf	 tpool;
	struct text_num	*num;		/* NULL: no built-in ITN */
	struct work	*w;
};

/* Grammar punctuation (DF-26): separates, never part of a phrase. */
static const int32_t gpunct[] = { '.', ',', '?', 0x3001, '!', ':', ';',
    0xFF1F, 0x3002, 0xFF0C, 0x00BF, 0x00A1, 0x0964, 0x061F, 0x060C };

static int
is_gpunct(int32_t c)
{
	size_t i;

	for (i = 0; i < sizeof(gpunct) / sizeof(gpunct[0]); i++)
		if (gpunct[i] == c)
			return 1;
	return 0;
}

static int
is_letter(int32_t c)
{
	enum text_class k;

	if (c < 0x80)
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	k = text_char_class(c);
	return k == TEXT_C_LETTER || k == TEXT_C_UPPER;
}

static int
is_alnum(int32_t c)
{
	if (c < 0x80)
		return (c >= '0' && c <= '9') || is_letter(c);
	return is_letter(c) || text_char_class(c) == TEXT_C_DIGIT;
}

static int
is_cjk(int32_t c)
{
	char e[4];

	return c >= 0x2E80 && text_has_cjk(e, utf8_enc((uint32_t)c, e));
}

static int32_t
fold(int32_t c)
{
	if (c < 0x80)
		return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
	return text_cp_case(c, TEXT_CASE_FOLD);
}

static void
add_cp(struct buf *b, int32_t c)
{
	char e[4];

	if (c < 0x80) {
		buf_addc(b, c);
		return;
	}
	buf_add(b, e, utf8_enc((uint32_t)c, e));
}

/* Code points in s[0..off), plus one: the column of offset off. */
static unsigned long
col_at(const char *s, size_t off)
{
	return (unsigned long)utf8_ncp(s, off) + 1;
}

/* A line or text quoted in a message: at most QUOTE_MAX bytes. */
static int
qlen(const char *s, size_t n)
{
	size_t i = 0, k;

	if (n <= QUOTE_MAX)
		return (int)n;
	while (i < QUOTE_MAX) {
		k = i;
		if (utf8_cp(s, n, &k) < 0 || k > QUOTE_MAX)
			break;
		i = k;
	}
	return (int)i;
}

/*
 * The pattern compiler.  A pattern is parsed into a tree (nodes linked
 * first child / next sibling), checked, then turned into NFA ops.
 */
enum ntype {
	N_CHAR,			/* a letter or digit */
	N_PUNCT,		/* any other literal: matched or inserted */
	N_SPACE,		/* a blank: writes one */
	N_DIGIT,
	N_LETTER,
	N_SET,
	N_SPOKEN,		/* {spoken>written} */
	N_SEQ,
	N_GROUP			/* (alt|alt) with a quantifier */
};

struct node {
	uint8_t		 type;
	uint8_t		 how;		/* N_LETTER: lcase; N_GROUP: 0 ? + * */
	int32_t		 c;		/* N_CHAR, N_PUNCT; N_SET: set */
	int32_t		 kid;
	int32_t		 sib;
	uint32_t	 s, n;		/* N_SPOKEN: spoken code points in sp */
	uint32_t	 ws, wn;	/* N_SPOKEN: written text in the pool */
};

struct pcomp {
	const int32_t	*cp;		/* the pattern */
	size_t		 n;
	size_t		 i;
	struct itn	*t;
	struct node	*nd;
	size_t		 nn;
	size_t		 ncap;
	int32_t		*sp;		/* spoken forms, folded */
	size_t		 nsp;
	size_t		 spcap;
	int32_t		*ivt;		/* a set being built */
	size_t		 nivt;
	size_t		 ivtcap;
	int		 depth;
	size_t		 err;		/* index of the first error */
	char		 msg[200];
};

/* Characters with a meaning in patterns, which \ makes literal. */
static const char syntax[] = "\\(){}|+?*[]>-";

static int
perr(struct pcomp *pc, size_t at, const char *fmt, ...)
{
	va_list ap;

	if (pc->err == SIZE_MAX) {
		pc->err = at;
		va_start(ap, fmt);
		vsnprintf(pc->msg, sizeof(pc->msg), fmt, ap);
		va_end(ap);
	}
	return -1;
}

/* A code point as a message shows it: 'x', or U+XXXX when invisible. */
static const char *
cpname(int32_t c, char *b, size_t size)
{
	char e[5];

	if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0))
		snprintf(b, size, "U+%04X", (unsigned int)c);
	else {
		e[utf8_enc((uint32_t)c, e)] = '\0';
		snprintf(b, size, "'%s'", e);
	}
	return b;
}

static int32_t
node_new(struct pcomp *pc, enum ntype type)
{
	struct node *n;

	if (pc->nn == pc->ncap) {
		pc->ncap = pc->ncap ? pc->ncap * 2 : 32;
		pc->nd = xreallocarray(pc->nd, pc->ncap, sizeof(*pc->nd));
	}
	n = &pc->nd[pc->nn];
	memset(n, 0, sizeof(*n));
	n->type = (uint8_t)type;
	n->kid = n->sib = -1;
	return (int32_t)pc->nn++;
}

/* Append node k to the children of parent, after *last. */
static void
node_link(struct pcomp *pc, int32_t parent, int32_t *last, int32_t k)
{
	if (*last < 0)
		pc->nd[parent].kid = k;
	else
		pc->nd[*last].sib = k;
	*last = k;
}

static void
sp_add(struct pcomp *pc, int32_t c)
{
	if (pc->nsp == pc->spcap) {
		pc->spcap = pc->spcap ? pc->spcap * 2 : 32;
		pc->sp = xreallocarray(pc->sp, pc->spcap, sizeof(*pc->sp));
	}
	pc->sp[pc->nsp++] = c;
}

static void
ivt_add(struct pcomp *pc, int32_t lo, int32_t hi)
{
	if (pc->nivt + 2 > pc->ivtcap) {
		pc->ivtcap = pc->ivtcap ? pc->ivtcap * 2 : 32;
		pc->ivt = xreallocarray(pc->ivt, pc->ivtcap,
		    sizeof(*pc->ivt));
	}
	pc->ivt[pc->nivt++] = lo;
	pc->ivt[pc->nivt++] = hi;
}

static int
iv_cmp(const void *a, const void *b)
{
	const int32_t *x = a, *y = b;

	return x[0] < y[0] ? -1 : x[0] > y[0];
}

/*
 * The escape at pc->i (after the backslash): a class (*cls set to d, l,
 * u or a) or a literal code point.  Returns -1 after an error.
 */
static int
p_escape(struct pcomp *pc, int32_t *lit, int *cls)
{
	size_t at = pc->i - 1;
	int32_t c;
	char b[16];

	*cls = 0;
	if (pc->i >= pc->n)
		return perr(pc, at, "a backslash ends the pattern; write "
		    "'\\\\' for a backslash");
	c = pc->cp[pc->i++];
	if (c == 'd' || c == 'l' || c == 'u' || c == 'a') {
		*cls = c;
		return 0;
	}
	if (c < 0x80 && strchr(syntax, c) != NULL) {
		*lit = c;
		return 0;
	}
	return perr(pc, at, "unknown escape: a backslash before %s; the "
	    "classes are \\d \\l \\u \\a, and a backslash escapes "
	    "( ) { } [ ] | + ? * > - \\", cpname(c, b, sizeof(b)));
}

/* One member of a set: a literal, escaped or not. */
static int
p_set_member(struct pcomp *pc, size_t open, int32_t *c)
{
	int cls;

	if (pc->i >= pc->n)
		return perr(pc, open, "unclosed '['");
	*c = pc->cp[pc->i++];
	if (*c == '\\') {
		if (p_escape(pc, c, &cls) == -1)
			return -1;
		if (cls)
			return perr(pc, pc->i - 2, "a class (\\%c) inside "
			    "[ ]; sets hold characters and ranges", cls);
		return 0;
	}
	if (*c == ' ' || *c == '\t')
		return perr(pc, pc->i - 1, "a blank inside [ ]");
	return 0;
}

/*
 * [5-7], [05]: members and ranges, folded so that matching ignores
 * case.  The set goes to the program's sets.
 */
static int32_t
p_set(struct pcomp *pc)
{
	struct itn *t = pc->t;
	size_t open = pc->i - 1, i, k, m;
	int32_t lo, hi, x, f, node;

	pc->nivt = 0;
	if (pc->i < pc->n && pc->cp[pc->i] == ']')
		return perr(pc, open, "empty set '[]'");
	if (pc->i < pc->n && pc->cp[pc->i] == '^')
		return perr(pc, pc->i, "'[^' negates a set in regular "
		    "expressions, not in this grammar");
	for (;;) {
		if (pc->i < pc->n && pc->cp[pc->i] == ']') {
			pc->i++;
			break;
		}
		k = pc->i;
		if (p_set_member(pc, open, &lo) == -1)
			return -1;
		hi = lo;
		if (pc->i + 1 < pc->n && pc->cp[pc->i] == '-' &&
		    pc->cp[pc->i + 1] != ']') {
			pc->i++;
			if (p_set_member(pc, open, &hi) == -1)
				return -1;
			if (hi < lo)
				return perr(pc, k, "reversed range in [ ]: "
				    "the first character is after the last");
		}
		/* Case-insensitive: each member folded (huge ranges kept). */
		if (hi - lo > 4096)
			ivt_add(pc, lo, hi);
		else
			for (x = lo; x <= hi; x++) {
				f = fold(x);
				ivt_add(pc, f, f);
			}
	}
	qsort(pc->ivt, pc->nivt / 2, 2 * sizeof(*pc->ivt), iv_cmp);
	/* Merge into sorted disjoint intervals. */
	for (i = 2, m = 0; i < pc->nivt; i += 2) {
		if (pc->ivt[i] <= pc->ivt[m + 1] + 1) {
			if (pc->ivt[i + 1] > pc->ivt[m + 1])
				pc->ivt[m + 1] = pc->ivt[i + 1];
		} else {
			m += 2;
			pc->ivt[m] = pc->ivt[i];
			pc->ivt[m + 1] = pc->ivt[i + 1];
		}
	}
	m += 2;
	if (t->nset == t->setcap) {
		t->setcap = t->setcap ? t->setcap * 2 : 8;
		t->set = xreallocarray(t->set, t->setcap, sizeof(*t->set));
	}
	if (t->niv + m > t->ivcap) {
		t->ivcap = t->niv + m + t->ivcap;
		t->iv = xreallocarray(t->iv, t->ivcap, sizeof(*t->iv));
	}
	memcpy(t->iv + t->niv, pc->ivt, m * sizeof(*t->iv));
	t->set[t->nset].off = (uint32_t)t->niv;
	t->set[t->nset].n = (uint32_t)(m / 2);
	t->niv += m;
	node = node_new(pc, N_SET);
	pc->nd[node].c = (int32_t)t->nset++;
	return node;
}

/* {spoken>written} or {spoken}: the words to hear, the text to write. */
static int32_t
p_spoken(struct pcomp *pc)
{
	size_t open = pc->i - 1, words = 0;
	int32_t c, node;
	uint32_t s = (uint32_t)pc->nsp, ws = (uint32_t)pc->t->pool.len;
	int cls, written = 0;

	for (;;) {
		if (pc->i >= pc->n)
			return perr(pc, open, "unclosed '{'");
		c = pc->cp[pc->i++];
		if (c == '}')
			break;
		if (c == '{')
			return perr(pc, pc->i - 1, "'{' inside { }");
		if (c == '>') {
			if (written)
				return perr(pc, pc->i - 1, "a second '>' in "
				    "{ }; write '\\>' for the character");
			written = 1;
			continue;
		}
		if (c == '\t')
			return perr(pc, pc->i - 1, "a TAB in a pattern (is "
			    "this a #rewrite line?)");
		if (c == '\\') {
			if (p_escape(pc, &c, &cls) == -1)
				return -1;
			if (cls)
				return perr(pc, pc->i - 2, "a class (\\%c) "
				    "inside { }: the spoken form is words "
				    "and the written form text", cls);
		}
		if (written)
			add_cp(&pc->t->pool, c);
		else if (c != ' ') {
			sp_add(pc, fold(c));
			words++;
		} else if (pc->nsp > s && pc->sp[pc->nsp - 1] != ' ')
			sp_add(pc, ' ');
	}
	if (words == 0)
		return perr(pc, open, "no spoken words in { }: '{spoken}' "
		    "or '{spoken>written}'");
	node = node_new(pc, N_SPOKEN);
	pc->nd[node].s = s;
	pc->nd[node].n = (uint32_t)pc->nsp - s;
	pc->nd[node].ws = ws;
	pc->nd[node].wn = (uint32_t)pc->t->pool.len - ws;
	return node;
}

static int32_t p_alts(struct pcomp *, size_t);

/*
 * One item of a sequence, linked under seq.  Returns 1 at the end of
 * the sequence ('|', ')' or the end), 0 after an item, -1 on error.
 */
static int
p_item(struct pcomp *pc, int32_t seq, int32_t *last)
{
	size_t at = pc->i;
	int32_t c, k;
	int cls;
	char b[16];

	if (pc->i >= pc->n)
		return 1;
	c = pc->cp[pc->i];
	if (c == '|' || c == ')')
		return 1;
	pc->i++;
	switch (c) {
	case '(':
		if (++pc->depth > NEST_MAX)
			return perr(pc, at, "parentheses nested more than "
			    "%d deep", NEST_MAX);
		if ((k = p_alts(pc, at)) < 0)
			return -1;
		pc->depth--;
		if (pc->i < pc->n && (pc->cp[pc->i] == '?' ||
		    pc->cp[pc->i] == '+' || pc->cp[pc->i] == '*'))
			pc->nd[k].how = (uint8_t)pc->cp[pc->i++];
		break;
	case '[':
		if ((k = p_set(pc)) < 0)
			return -1;
		break;
	case '{':
		if ((k = p_spoken(pc)) < 0)
			return -1;
		break;
	case '?':
	case '+':
	case '*':
		return perr(pc, at, "'%c' must follow a ')': quantifiers "
		    "apply to a phrase in parentheses, never to a single "
		    "character; write '\\%c' for the character", c, c);
	case ']':
	case '}':
		return perr(pc, at, "unmatched '%c'; write '\\%c' for the "
		    "character", c, c);
	case '\t':
		return perr(pc, at, "a TAB in a pattern (is this a #rewrite "
		    "line?)");
	case '\\':
		if (p_escape(pc, &c, &cls) == -1)
			return -1;
		if (cls) {
			k = node_new(pc, cls == 'd' ? N_DIGIT : N_LETTER);
			pc->nd[k].how = (uint8_t)(cls == 'l' ? L_LOWER :
			    cls == 'u' ? L_UPPER : L_KEEP);
			break;
		}
		k = node_new(pc, N_PUNCT);
		pc->nd[k].c = c;
		break;
	case ' ':
		while (pc->i < pc->n && pc->cp[pc->i] == ' ')
			pc->i++;
		k = node_new(pc, N_SPACE);
		break;
	default:
		if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0))
			return perr(pc, at, "control character %s in a "
			    "pattern", cpname(c, b, sizeof(b)));
		k = node_new(pc, is_alnum(c) ? N_CHAR : N_PUNCT);
		pc->nd[k].c = c;
		break;
	}
	node_link(pc, seq, last, k);
	return 0;
}

/*
 * Alternatives up to the ')' that closes the '(' at open, or up to the
 * end of the pattern (open is SIZE_MAX).  Returns an N_GROUP node whose
 * children are N_SEQ nodes.
 */
static int32_t
p_alts(struct pcomp *pc, size_t open)
{
	int32_t group, seq, last = -1, slast;
	size_t at;
	int rc;

	group = node_new(pc, N_GROUP);
	for (;;) {
		at = pc->i;
		seq = node_new(pc, N_SEQ);
		slast = -1;
		while ((rc = p_item(pc, seq, &slast)) == 0)
			;
		if (rc == -1)
			return -1;
		if (pc->nd[seq].kid < 0 && open != SIZE_MAX)
			return perr(pc, at < pc->n ? at : open,
			    "empty alternative in ( )");
		node_link(pc, group, &last, seq);
		if (pc->i >= pc->n) {
			if (open != SIZE_MAX)
				return perr(pc, open, "unclosed '('");
			return group;
		}
		if (pc->cp[pc->i] == ')') {
			if (open == SIZE_MAX)
				return perr(pc, pc->i, "unmatched ')'; write "
				    "'\\)' for the character");
			pc->i++;
			return group;
		}
		/* '|' */
		if (open == SIZE_MAX)
			return perr(pc, pc->i, "'|' outside parentheses: "
			    "alternatives go in a phrase, as in (AB|CD); "
			    "write '\\|' for the character");
		pc->i++;
	}
}

/* Whether node k can match without any spoken input. */
static int
nullable(const struct pcomp *pc, int32_t k)
{
	const struct node *n = &pc->nd[k];
	int32_t c;

	switch (n->type) {
	case N_PUNCT:
	case N_SPACE:
		return 1;
	case N_SEQ:
		for (c = n->kid; c >= 0; c = pc->nd[c].sib)
			if (!nullable(pc, c))
				return 0;
		return 1;
	case N_GROUP:
		if (n->how == '?' || n->how == '*')
			return 1;
		for (c = n->kid; c >= 0; c = pc->nd[c].sib)
			if (nullable(pc, c))
				return 1;
		return 0;
	default:
		return 0;
	}
}

static int32_t
emit_op(struct itn *t, enum opcode code)
{
	struct op *o;

	if (t->nop == t->opcap) {
		t->opcap = t->opcap ? t->opcap * 2 : 64;
		t->op = xreallocarray(t->op, t->opcap, sizeof(*t->op));
	}
	o = &t->op[t->nop];
	memset(o, 0, sizeof(*o));
	o->code = (uint8_t)code;
	o->x = o->y = -1;
	return (int32_t)t->nop++;
}

/* An op that writes code point c (as written in the pattern). */
static void
op_text(struct itn *t, int32_t k, int32_t c)
{
	t->op[k].s = (uint32_t)t->pool.len;
	add_cp(&t->pool, c);
	t->op[k].n = (uint32_t)t->pool.len - t->op[k].s;
}

static void
gen(struct pcomp *pc, int32_t k)
{
	const struct node *n = &pc->nd[k];
	struct itn *t = pc->t;
	int32_t a, b, c, loop, *jmps = NULL;
	size_t njmp = 0, i;
	uint32_t j;

	switch (n->type) {
	case N_CHAR:
		a = emit_op(t, OP_CHAR);
		t->op[a].c = fold(n->c);
		op_text(t, a, n->c);
		break;
	case N_PUNCT:
		/* Matched if present, inserted if not: always written. */
		a = emit_op(t, OP_SPLIT);
		t->op[a].x = a + 1;
		b = emit_op(t, OP_CHAR);
		t->op[b].c = fold(n->c);
		op_text(t, b, n->c);
		c = emit_op(t, OP_JMP);
		t->op[a].y = c + 1;
		b = emit_op(t, OP_EMIT);
		op_text(t, b, n->c);
		t->op[c].x = b + 1;
		break;
	case N_SPACE:
		a = emit_op(t, OP_EMIT);
		op_text(t, a, ' ');
		break;
	case N_DIGIT:
		emit_op(t, OP_DIGIT);
		break;
	case N_LETTER:
		a = emit_op(t, OP_LETTER);
		t->op[a].how = n->how;
		break;
	case N_SET:
		a = emit_op(t, OP_SET);
		t->op[a].c = n->c;
		break;
	case N_SPOKEN:
		if (n->wn > 0) {
			a = emit_op(t, OP_EMIT);
			t->op[a].s = n->ws;
			t->op[a].n = n->wn;
		}
		for (j = 0; j < n->n; j++)
			if (pc->sp[n->s + j] != ' ') {
				a = emit_op(t, OP_CHAR);
				t->op[a].c = pc->sp[n->s + j];
			}
		break;
	case N_SEQ:
		for (c = n->kid; c >= 0; c = pc->nd[c].sib)
			gen(pc, c);
		break;
	case N_GROUP:
		loop = (int32_t)t->nop;
		a = -1;
		if (n->how == '?' || n->how == '*')
			a = emit_op(t, OP_SPLIT);
		for (c = n->kid; c >= 0; c = pc->nd[c].sib) {
			if (pc->nd[c].sib < 0) {
				gen(pc, c);
				break;
			}
			b = emit_op(t, OP_SPLIT);
			t->op[b].x = b + 1;
			gen(pc, c);
			jmps = xreallocarray(jmps, njmp + 1, sizeof(*jmps));
			jmps[njmp++] = emit_op(t, OP_JMP);
			t->op[b].y = (int32_t)t->nop;
		}
		for (i = 0; i < njmp; i++)
			t->op[jmps[i]].x = (int32_t)t->nop;
		free(jmps);
		if (n->how == '*') {
			b = emit_op(t, OP_JMP);
			t->op[b].x = loop;
		} else if (n->how == '+') {
			b = emit_op(t, OP_SPLIT);
			t->op[b].x = loop;
			t->op[b].y = b + 1;
		}
		if (a >= 0) {
			t->op[a].x = a + 1;
			t->op[a].y = (int32_t)t->nop;
		}
		break;
	}
}

/*
 * Compile one pattern (code points) into t.  Returns 0, or -1 with the
 * index of the error in *at and its message in msg; t is then as it was.
 */
static int
itn_compile(struct itn *t, const int32_t *cp, size_t n, size_t *at,
    char *msg, size_t msgsize)
{
	struct pcomp pc;
	size_t nop = t->nop, nset = t->nset, niv = t->niv,
	    pool = t->pool.len;
	int32_t root, k;
	int rc = -1;

	memset(&pc, 0, sizeof(pc));
	pc.cp = cp;
	pc.n = n;
	pc.t = t;
	pc.err = SIZE_MAX;
	if ((root = p_alts(&pc, SIZE_MAX)) < 0)
		goto out;
	if (nullable(&pc, root)) {
		perr(&pc, 0, "it matches no spoken word; a pattern needs a "
		    "letter, a digit, a class, a set or a {spoken} form");
		goto out;
	}
	if (t->npat == t->patcap) {
		t->patcap = t->patcap ? t->patcap * 2 : 16;
		t->entry = xreallocarray(t->entry, t->patcap,
		    sizeof(*t->entry));
	}
	t->entry[t->npat] = (uint32_t)t->nop;
	gen(&pc, root);
	k = emit_op(t, OP_MATCH);
	t->op[k].c = (int32_t)t->npat++;
	rc = 0;
out:
	if (rc == -1) {
		*at = pc.err == SIZE_MAX ? 0 : pc.err;
		snprintf(msg, msgsize, "%s", pc.msg);
		t->nop = nop;
		t->nset = nset;
		t->niv = niv;
		t->pool.len = pool;
		if (t->pool.s != NULL)
			t->pool.s[pool] = '\0';
	}
	free(pc.nd);
	free(pc.sp);
	free(pc.ivt);
	return rc;
}

static void
itn_release(struct itn *t)
{
	free(t->op);
	free(t->iv);
	free(t->set);
	buf_release(&t->pool);
	free(t->entry);
}

static int
set_has(const struct itn *t, int32_t k, int32_t c)
{
	const int32_t *iv = t->iv + t->set[k].off;
	size_t lo = 0, hi = t->set[k].n, mid;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (c < iv[2 * mid])
			hi = mid;
		else if (c > iv[2 * mid + 1])
			lo = mid + 1;
		else
			return 1;
	}
	return 0;
}

/*
 * A letter class (\l \u \a) stands for a letter spoken on its own: it
 * takes a letter that is a word by itself ("a b c", not "now").  Such a
 * letter reaches the automata with ALONE or-ed in.
 */
#define ALONE		0x200000

/* Whether the character at line[at..next) is a word by itself. */
static int
alone(const char *line, size_t len, size_t at, size_t next)
{
	return (at == 0 || line[at - 1] == ' ') &&
	    (next == len || line[next] == ' ');
}

/* Whether consuming op o takes the (folded) code point c. */
static int
op_takes(const struct itn *t, const struct op *o, int32_t c)
{
	int32_t a = c & ALONE;

	c &= ~ALONE;
	switch (o->code) {
	case OP_CHAR:
		return o->c == c;
	case OP_DIGIT:
		return c >= '0' && c <= '9';
	case OP_LETTER:
		return a && is_letter(c);
	case OP_SET:
		return set_has(t, o->c, c);
	default:
		return 0;
	}
}

/*
 * The lazy DFA.  A state is the set of consuming ops that threads wait
 * at, plus the earliest pattern whose MATCH the last step reached.  A
 * blank keeps every thread where it is (blanks between items are
 * skipped) and ends no match.
 */
static void
dfa_release(struct dfa *f)
{
	free(f->st);
	free(f->next);
	free(f->keys);
	free(f->hash);
	free(f->x);
	free(f->mark);
	free(f->stack);
	free(f->set);
	memset(f, 0, sizeof(*f));
}

/* Forget every state (the cache is full); the start is rebuilt later. */
static void
dfa_flush(struct dfa *f)
{
	size_t i;

	f->nst = 0;
	f->nkeys = 0;
	for (i = 0; i < f->hcap; i++)
		f->hash[i] = -1;
	for (i = 0; i < f->xcap; i++)
		f->x[i].from = -1;
	f->nx = 0;
	f->start = -1;
	f->epoch++;
}

static void
dfa_init(struct dfa *f, const struct itn *t)
{
	size_t i, k, nop = t->nop;
	int c;

	memset(f, 0, sizeof(*f));
	f->hcap = 2 * DFA_STATES;
	f->hash = xreallocarray(NULL, f->hcap, sizeof(*f->hash));
	f->xcap = 1024;
	f->x = xreallocarray(NULL, f->xcap, sizeof(*f->x));
	f->mark = xcalloc(nop + 1, sizeof(*f->mark));
	f->set = xreallocarray(NULL, nop + 1, sizeof(*f->set));
	f->stackcap = 2 * nop + 2;
	f->stack = xreallocarray(NULL, f->stackcap, sizeof(*f->stack));
	for (i = 0; i < f->hcap; i++)
		f->hash[i] = -1;
	for (i = 0; i < f->xcap; i++)
		f->x[i].from = -1;
	f->start = -1;
	/* Characters no op takes share class 0: small rows stay cached. */
	f->ncls = 1;
	for (c = 0; c < 256; c++) {
		if (c >= 128 && (c < 'a' + 128 || c > 'z' + 128))
			continue;
		k = c < 128 ? (size_t)c : (size_t)(c - 128) | ALONE;
		for (i = 0; i < nop && (c == ' ' || !op_takes(t, &t->op[i],
		    (int32_t)k)); i++)
			;
		if (c == ' ' || i < nop)
			f->cls[c] = (unsigned char)f->ncls++;
	}
}

/*
 * Add the epsilon closure of pc to the state being built: its consuming
 * ops to f->set, the earliest MATCH to *acc.
 */
static void
dfa_closure(const struct itn *t, struct dfa *f, uint32_t pc, int32_t *acc)
{
	size_t sp = 0;
	const struct op *o;

	f->stack[sp++] = pc;
	while (sp > 0) {
		pc = f->stack[--sp];
		if (f->mark[pc] == f->gen)
			continue;
		f->mark[pc] = f->gen;
		o = &t->op[pc];
		switch (o->code) {
		case OP_JMP:
			f->stack[sp++] = (uint32_t)o->x;
			break;
		case OP_SPLIT:
			f->stack[sp++] = (uint32_t)o->y;
			f->stack[sp++] = (uint32_t)o->x;
			break;
		case OP_EMIT:
			f->stack[sp++] = pc + 1;
			break;
		case OP_MATCH:
			if (*acc < 0 || o->c < *acc)
				*acc = o->c;
			break;
		default:
			f->set[f->nset++] = pc;
			break;
		}
	}
}

static int
u32_cmp(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

static uint32_t
dfa_hash(const uint32_t *v, size_t n, int32_t acc)
{
	uint32_t h = 2166136261u ^ (uint32_t)acc;
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ v[i]) * 16777619u;
	return h;
}

/* The state for f->set and acc: found, or made.  -1: the cache is full. */
static int32_t
dfa_intern(struct dfa *f, int32_t acc)
{
	struct dstate *s;
	size_t h;
	int32_t k;

	qsort(f->set, f->nset, sizeof(*f->set), u32_cmp);
	h = dfa_hash(f->set, f->nset, acc) & (f->hcap - 1);
	for (; (k = f->hash[h]) >= 0; h = (h + 1) & (f->hcap - 1)) {
		s = &f->st[k];
		if (s->accept == acc && s->n == f->nset && memcmp(f->keys +
		    s->k, f->set, f->nset * sizeof(*f->set)) == 0)
			return k;
	}
	if (f->nst >= DFA_STATES)
		return -1;
	if (f->nst == f->stcap) {
		f->stcap = f->stcap ? f->stcap * 2 : 64;
		f->st = xreallocarray(f->st, f->stcap, sizeof(*f->st));
		f->next = xreallocarray(f->next, f->stcap, f->ncls *
		    sizeof(*f->next));
	}
	if (f->nkeys + f->nset > f->keycap) {
		f->keycap = f->keycap * 2 + f->nset + 64;
		f->keys = xreallocarray(f->keys, f->keycap,
		    sizeof(*f->keys));
	}
	k = (int32_t)f->nst++;
	s = &f->st[k];
	s->k = (uint32_t)f->nkeys;
	s->n = (uint32_t)f->nset;
	s->accept = acc;
	if (f->nset > 0)
		memcpy(f->keys + f->nkeys, f->set, f->nset * sizeof(*f->set));
	f->nkeys += f->nset;
	memset(f->next + (size_t)k * f->ncls, 0, f->ncls *
	    sizeof(*f->next));
	f->hash[h] = k;
	return k;
}

/* Intern, flushing the cache once if it is full. */
static int32_t
dfa_intern_flush(struct dfa *f, int32_t acc, int *flushed)
{
	int32_t k;
	size_t i;

	if ((k = dfa_intern(f, acc)) >= 0)
		return k;
	*flushed = 1;
	dfa_flush(f);
	/* The dead state is always state 0. */
	i = f->nset;
	f->nset = 0;
	(void)dfa_intern(f, -1);
	f->nset = i;
	return dfa_intern(f, acc);
}

static int32_t
dfa_start(const struct itn *t, struct dfa *f)
{
	int32_t acc = -1;
	size_t i;
	int flushed = 0;

	if (f->start >= 0)
		return f->start;
	f->nset = 0;
	if (f->nst == 0)
		(void)dfa_intern(f, -1);
	f->gen++;
	for (i = 0; i < t->npat; i++)
		dfa_closure(t, f, t->entry[i], &acc);
	f->start = dfa_intern_flush(f, acc, &flushed);
	return f->start;
}

static size_t
x_slot(const struct dfa *f, int32_t from, int32_t c)
{
	size_t h = ((uint32_t)from * 2654435761u ^ (uint32_t)c * 40503u) &
	    (f->xcap - 1);

	while (f->x[h].from >= 0 && (f->x[h].from != from || f->x[h].c != c))
		h = (h + 1) & (f->xcap - 1);
	return h;
}

static void
x_put(struct dfa *f, int32_t from, int32_t c, int32_t to)
{
	struct dtrans *old;
	size_t i, n, h;

	if (f->nx >= DFA_XMAX)
		return;
	if (2 * (f->nx + 1) > f->xcap) {
		old = f->x;
		n = f->xcap;
		f->xcap *= 2;
		f->x = xreallocarray(NULL, f->xcap, sizeof(*f->x));
		for (i = 0; i < f->xcap; i++)
			f->x[i].from = -1;
		for (i = 0; i < n; i++)
			if (old[i].from >= 0)
				f->x[x_slot(f, old[i].from, old[i].c)] =
				    old[i];
		free(old);
	}
	h = x_slot(f, from, c);
	f->x[h].from = from;
	f->x[h].c = c;
	f->x[h].to = to;
	f->nx++;
}

/* Build the transition of state k on (folded) code point c. */
static int32_t
dfa_build(const struct itn *t, struct dfa *f, int32_t k, int32_t c)
{
	const struct dstate *s = &f->st[k];
	const uint32_t *v = f->keys + s->k;
	int32_t acc = -1, to;
	uint32_t i, n = s->n;
	int flushed = 0;

	f->nset = 0;
	if (c == ' ') {
		memcpy(f->set, v, n * sizeof(*v));
		f->nset = n;
	} else if (c >= 0) {
		f->gen++;
		for (i = 0; i < n; i++)
			if (op_takes(t, &t->op[v[i]], c))
				dfa_closure(t, f, v[i] + 1, &acc);
	}
	to = dfa_intern_flush(f, acc, &flushed);
	if (flushed)
		return to;
	if (c >= 0 && (c & ~ALONE) < 0x80)
		f->next[(size_t)k * f->ncls + f->cls[(c & 0x7F) +
		    (c & ALONE ? 128 : 0)]] = (uint16_t)((to + 1) |
		    (f->st[to].accept >= 0 ? DFA_ACCEPT : 0));
	else if (c >= 0)
		x_put(f, k, c, to);
	return to;
}

/* ASCII folded. */
static const unsigned char lower[128] = {
	0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18,
	19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, ' ', '!', '"',
	'#', '$', '%', '&', '\'', '(', ')', '*', '+', ',', '-', '.', '/',
	'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', ':', ';', '<', '=',
	'>', '?', '@', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k',
	'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y',
	'z', '[', '\\', ']', '^', '_', '`', 'a', 'b', 'c', 'd', 'e', 'f', 'g',
	'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u',
	'v', 'w', 'x', 'y', 'z', '{', '|', '}', '~', 127
};

/* Forget all that was seen (a new line, new state numbers). */
static void
seen_forget(struct seen *sn)
{
	/* A wrapped tag would match old ones: clear them. */
	if (++sn->now == 0) {
		memset(sn->tag, 0, sn->cap * sizeof(*sn->tag));
		sn->now = 1;
	}
}

/*
 * One step of the DFA from state k (not dead) over the character at
 * line[*i], moving *i past it: the next state, 0 if the character ends
 * every thread (or is no UTF-8).  *acc tells whether the state accepts,
 * *cp gives the character as the automaton saw it.  A flush of the
 * cache forgets sn (NULL: none).
 */
static inline int32_t
dfa_step(const struct itn *t, struct dfa *f, struct seen *sn, int32_t k,
    const char *line, size_t len, size_t *i, int32_t *cp, int *acc)
{
	size_t j = *i;
	int32_t c, to = -1;
	const struct dtrans *x;
	unsigned int e;
	uint32_t epoch;

	c = (unsigned char)line[j];
	*acc = 0;
	if (c < 0x80) {
		c = lower[c];
		*i = ++j;
		if (c >= 'a' && c <= 'z' && alone(line, len, j - 1, j))
			c |= ALONE;
		if ((e = f->cls[(c & 0x7F) + (c & ALONE ? 128 : 0)]) == 0)
			return 0;
		e = f->next[(size_t)k * f->ncls + e];
		to = (int32_t)(e & ~DFA_ACCEPT) - 1;
		*acc = (e & DFA_ACCEPT) != 0;
	} else {
		if ((c = utf8_cp(line, len, i)) < 0)
			return 0;
		c = fold(c);
		if (alone(line, len, j, *i) && is_letter(c))
			c |= ALONE;
		x = &f->x[x_slot(f, k, c)];
		if (x->from >= 0) {
			to = x->to;
			*acc = f->st[to].accept >= 0;
		}
	}
	*cp = c;
	if (to < 0) {
		epoch = f->epoch;
		to = dfa_build(t, f, k, c);
		*acc = f->st[to].accept >= 0;
		if (f->epoch != epoch && sn != NULL)
			seen_forget(sn);
	}
	return to;
}

/*
 * The longest match of any pattern from the word start at s that ends
 * at a word end: its pattern (the earliest on a tie) and *end, or -1.
 * If live is not NULL, *live tells whether the scan read to len with
 * threads left.  sn may be NULL if line[s..len) has no blank.
 */
static int32_t
itn_scan(const struct itn *t, struct dfa *f, struct seen *sn,
    const char *line, size_t len, size_t s, size_t *end, int *live)
{
	size_t i = s;
	int32_t k, c, best = -1;
	int acc, far = 0;

	if (live != NULL)
		*live = 0;
	if ((k = dfa_start(t, f)) <= 0)
		return -1;
	while (i < len) {
		if ((k = dfa_step(t, f, sn, k, line, len, &i, &c, &acc)) == 0)
			break;
		if (acc && (i == len || line[i] == ' ')) {
			best = f->st[k].accept;
			*end = i;
		}
		/* Only another word's scan can meet this one again. */
		if (!far && !(far = c == ' '))
			continue;
		if (sn->tag[i] == sn->now && sn->state[i] == k)
			break;
		sn->tag[i] = sn->now;
		sn->state[i] = k;
	}
	if (live != NULL)
		*live = k != 0 && i == len;
	return best;
}

/*
 * Whether a scan from the word line[a..b) (no blank; a blank or the end
 * of the line after it) lives through the word.  If not, itn_scan()
 * from a finds nothing: it reads the same characters the same way, and
 * a match ends at a word end.
 */
static int
itn_word_live(const struct itn *t, struct dfa *f, const char *line,
    size_t a, size_t b)
{
	size_t e;
	int live;

	/* line[b] is a blank or past the end: b ends the line as well. */
	(void)itn_scan(t, f, NULL, line, b, a, &e, &live);
	return live;
}

/*
 * The Pike VM that writes a match: pattern p over line[s..e), which the
 * DFA found.  Threads run in priority order (the first alternative, the
 * greedy way round a loop); each carries the last node of the text it
 * wrote, so that the whole run is linear in the span times the ops.
 */
static void
vm_release(struct vm *m)
{
	free(m->cl);
	free(m->nl);
	free(m->mark);
	free(m->nd);
	free(m->stk);
	free(m->path);
	memset(m, 0, sizeof(*m));
}

static int32_t
vm_node(struct vm *m, int32_t parent, int32_t pc, int32_t cp)
{
	if (m->nnd == m->ndcap) {
		m->ndcap = m->ndcap ? m->ndcap * 2 : 64;
		m->nd = xreallocarray(m->nd, m->ndcap, sizeof(*m->nd));
	}
	m->nd[m->nnd].parent = parent;
	m->nd[m->nnd].pc = pc;
	m->nd[m->nnd].cp = cp;
	return (int32_t)m->nnd++;
}

static void
vm_push(struct vm *m, int32_t pc, int32_t node)
{
	if (m->nstk == m->stkcap) {
		m->stkcap = m->stkcap ? m->stkcap * 2 : 64;
		m->stk = xreallocarray(m->stk, m->stkcap, sizeof(*m->stk));
	}
	m->stk[m->nstk].pc = pc;
	m->stk[m->nstk].node = node;
	m->nstk++;
}

/* Add a thread and its epsilon closure to list l (of *n threads). */
static void
vm_add(const struct itn *t, struct vm *m, struct vthread *l, size_t *n,
    int32_t pc, int32_t node)
{
	const struct op *o;

	vm_push(m, pc, node);
	while (m->nstk > 0) {
		m->nstk--;
		pc = m->stk[m->nstk].pc;
		node = m->stk[m->nstk].node;
		if (m->mark[pc] == m->gen)
			continue;
		m->mark[pc] = m->gen;
		o = &t->op[pc];
		switch (o->code) {
		case OP_JMP:
			vm_push(m, o->x, node);
			break;
		case OP_SPLIT:
			vm_push(m, o->y, node);
			vm_push(m, o->x, node);
			break;
		case OP_EMIT:
			vm_push(m, pc + 1, vm_node(m, node, pc, 0));
			break;
		default:
			l[*n].pc = pc;
			l[*n].node = node;
			(*n)++;
			break;
		}
	}
}

/* Append what node k and its ancestors wrote, oldest first. */
static void
vm_text(const struct itn *t, struct vm *m, int32_t k, struct buf *out)
{
	const struct op *o;
	const struct vnode *v;
	size_t n = 0;

	for (; k >= 0; k = m->nd[k].parent) {
		if (n == m->pathcap) {
			m->pathcap = m->pathcap ? m->pathcap * 2 : 64;
			m->path = xreallocarray(m->path, m->pathcap,
			    sizeof(*m->path));
		}
		m->path[n++] = k;
	}
	while (n-- > 0) {
		v = &m->nd[m->path[n]];
		o = &t->op[v->pc];
		if (o->code == OP_EMIT || o->code == OP_CHAR)
			buf_add(out, t->pool.s + o->s, o->n);
		else if (o->code == OP_LETTER && o->how != L_KEEP)
			add_cp(out, text_cp_case(v->cp, o->how == L_LOWER ?
			    TEXT_CASE_LOWER : TEXT_CASE_UPPER));
		else
			add_cp(out, v->cp);
	}
}

/* Drop blanks from out->s[start..] at either end and in runs. */
static void
squeeze(struct buf *out, size_t start)
{
	size_t i, w;

	for (i = w = start; i < out->len; i++) {
		if (out->s[i] == ' ' && (w == start || out->s[w - 1] == ' '))
			continue;
		out->s[w++] = out->s[i];
	}
	while (w > start && out->s[w - 1] == ' ')
		w--;
	out->len = w;
	if (out->s != NULL)
		out->s[w] = '\0';
}

/* Write pattern p's reading of line[s..e) to out (blanks tidied). */
static void
vm_run(const struct itn *t, struct vm *m, int32_t p, const char *line,
    size_t s, size_t e, struct buf *out)
{
	struct vthread *sw;
	const struct op *o;
	size_t i = s, k, start = out->len, at;
	int32_t c, fc, node;

	if (m->tcap < t->nop + 1) {
		m->tcap = t->nop + 1;
		m->cl = xreallocarray(m->cl, m->tcap, sizeof(*m->cl));
		m->nl = xreallocarray(m->nl, m->tcap, sizeof(*m->nl));
		free(m->mark);
		m->mark = xcalloc(m->tcap, sizeof(*m->mark));
		m->gen = 0;
	}
	m->nnd = 0;
	m->ncl = 0;
	m->gen++;
	vm_add(t, m, m->cl, &m->ncl, (int32_t)t->entry[p], -1);
	while (i < e && m->ncl > 0) {
		at = i;
		c = utf8_cp(line, e, &i);
		fc = fold(c);
		if (is_letter(fc) && alone(line, e, at, i))
			fc |= ALONE;
		m->gen++;
		m->nnl = 0;
		for (k = 0; k < m->ncl; k++) {
			o = &t->op[m->cl[k].pc];
			if (o->code == OP_MATCH)
				continue;
			if (c == ' ') {
				vm_add(t, m, m->nl, &m->nnl, m->cl[k].pc,
				    m->cl[k].node);
				continue;
			}
			if (!op_takes(t, o, fc))
				continue;
			node = m->cl[k].node;
			if (o->code != OP_CHAR || o->n > 0)
				node = vm_node(m, node, m->cl[k].pc, c);
			vm_add(t, m, m->nl, &m->nnl, m->cl[k].pc + 1, node);
		}
		sw = m->cl;
		m->cl = m->nl;
		m->nl = sw;
		m->ncl = m->nnl;
	}
	for (k = 0; k < m->ncl; k++)
		if (t->op[m->cl[k].pc].code == OP_MATCH) {
			vm_text(t, m, m->cl[k].node, out);
			break;
		}
	/* A blank written at either end, or twice, is one too many. */
	squeeze(out, start);
}

/*
 * Stage 2: the file's #itn patterns.  Writes out only if one matched
 * (the text between matches goes as it is); returns 1 then.
 */
static int
stage_itn(const struct disp *d, const char *s, size_t len, struct buf *out)
{
	const struct itn *t = &d->itn;
	struct work *w = d->w;
	struct seen *sn = &w->seen;
	size_t i = 0, pos = 0, e = 0, at;
	int32_t p;
	int gap = 0;

	if (sn->cap < len + 1) {
		sn->cap = len + 1;
		sn->state = xreallocarray(sn->state, sn->cap,
		    sizeof(*sn->state));
		free(sn->tag);
		sn->tag = xcalloc(sn->cap, sizeof(*sn->tag));
		sn->now = 0;
	}
	seen_forget(sn);
	while (i < len) {
		if (s[i] == ' ') {
			i++;
			continue;
		}
		if ((p = itn_scan(t, &w->dfa, sn, s, len, i, &e,
		    NULL)) >= 0 && e > i) {
			buf_add(out, s + pos, i - pos);
			at = out->len;
			vm_run(t, &w->vm, p, s, i, e, out);
			gap |= out->len == at;
			i = pos = e;
			continue;
		}
		while (i < len && s[i] != ' ')
			i++;
	}
	if (pos == 0)
		return 0;
	buf_add(out, s + pos, len - pos);
	/* A match that wrote nothing ({um}) leaves two blanks. */
	if (gap)
		squeeze(out, 0);
	return 1;
}

/*
 * Stage 1: spoken numbers read back as digits.  Writes out only if
 * there was one; returns 1 then.
 */
static int
stage_builtin(const struct disp *d, const char *s, size_t len,
    struct buf *out)
{
	return text_num_line(d->num, s, len, out);
}

/*
 * Units for #rewrite and #profanity: blank-separated words, except in
 * zh-CN and ja-JP, where each CJK character is a unit of its own (and
 * a run of other letters one word).  Each unit keeps a folded copy.
 */
static void
unit_add(struct units *u, const char *s, size_t off, size_t end)
{
	struct unit *x;
	size_t i = off;
	int32_t c;
	char *f;

	if (u->n == u->cap) {
		u->cap = u->cap ? u->cap * 2 : 32;
		u->v = xreallocarray(u->v, u->cap, sizeof(*u->v));
	}
	x = &u->v[u->n++];
	x->off = off;
	x->len = end - off;
	/* Most words fold to themselves: lowercase ASCII. */
	for (; i < end && (unsigned char)s[i] < 0x80 &&
	    lower[(unsigned char)s[i]] == (unsigned char)s[i]; i++)
		;
	x->ident = i == end;
	if (x->ident) {
		x->foff = off;
		x->flen = x->len;
		x->h = strset_hash32(s + off, x->len);
		return;
	}
	i = off;
	x->foff = u->fold.len;
	/* Folding at most doubles a character's bytes. */
	buf_grow(&u->fold, 2 * (end - off) + 4);
	f = u->fold.s;
	while (i < end) {
		c = (unsigned char)s[i];
		if (c < 0x80) {
			f[u->fold.len++] = (char)lower[c];
			i++;
			continue;
		}
		if ((c = utf8_cp(s, end, &i)) < 0)
			c = 0xFFFD;
		buf_grow(&u->fold, 4 + 2 * (end - i));
		f = u->fold.s;
		u->fold.len += utf8_enc((uint32_t)fold(c), f + u->fold.len);
	}
	f[u->fold.len] = '\0';
	x->flen = u->fold.len - x->foff;
	x->h = strset_hash32(f + x->foff, x->flen);
}

/* The folded form of unit x. */
static const char *
ufold(const struct units *u, const struct unit *x)
{
	return x->ident ? u->text + x->foff : u->fold.s + x->foff;
}

/*
 * The next unit of s from *i on: its bounds in *a and *b; *i moves past
 * it.  Returns 0 at the end of s.
 */
static int
unit_next(int cjk, const char *s, size_t len, size_t *i, size_t *a,
    size_t *b)
{
	size_t j, k;
	int32_t c;

	while (*i < len && s[*i] == ' ')
		(*i)++;
	if (*i >= len)
		return 0;
	*a = *i;
	for (j = *i; j < len && s[j] != ' '; j = k) {
		k = j + 1;
		if ((unsigned char)s[j] < 0x80 || !cjk)
			continue;
		k = j;
		if (!is_cjk(c = utf8_cp(s, len, &k)))
			continue;
		/* A CJK character is a unit; a run of others stops at it. */
		if (j == *a)
			j = k;
		break;
	}
	*b = *i = j;
	return 1;
}

/* Units up to want of them, or all there are. */
static void
units_need(struct units *u, size_t want)
{
	size_t a, b;

	while (u->n < want && unit_next(u->cjk, u->text, u->len, &u->next, &a,
	    &b))
		unit_add(u, u->text, a, b);
}

/* The units of s from offset i on, at first at most max of them. */
static void
units_from(int cjk, const char *s, size_t len, size_t i, size_t max,
    struct units *u)
{
	u->n = 0;
	u->text = s;
	u->len = len;
	u->next = i;
	u->cjk = cjk;
	buf_reset(&u->fold);
	units_need(u, max);
}

static void
units_make(int cjk, const char *s, size_t len, struct units *u)
{
	units_from(cjk, s, len, 0, SIZE_MAX, u);
}

/* strset_hash32() of the folded form of s[a..b), without writing it. */
static uint32_t
unit_hash(const char *s, size_t a, size_t b)
{
	uint32_t h = 0;
	size_t i = a, k, n;
	int32_t c;
	char e[4];

	while (i < b) {
		c = (unsigned char)s[i];
		if (c < 0x80) {
			h = strset_step(h, lower[c]);
			i++;
			continue;
		}
		if ((c = utf8_cp(s, b, &i)) < 0)
			c = 0xFFFD;
		n = utf8_enc((uint32_t)fold(c), e);
		for (k = 0; k < n; k++)
			h = strset_step(h, (unsigned char)e[k]);
	}
	return strset_mix(h);
}

static void
units_release(struct units *u)
{
	free(u->v);
	buf_release(&u->fold);
	memset(u, 0, sizeof(*u));
}

/*
 * A phrase as a rule file writes it, tidied: grammar punctuation
 * dropped where it separates (DF-26: at either end, before or after a
 * blank, anywhere in zh and ja), then split into units and folded.
 */
static void
phrase_key(int cjk, const char *s, size_t len, struct buf *tidy,
    struct units *u)
{
	size_t i = 0, at;
	int32_t c, prev = ' ';

	buf_reset(tidy);
	while (i < len) {
		at = i;
		c = utf8_cp(s, len, &i);
		if (is_gpunct(c) && (cjk || prev == ' ' || i == len ||
		    s[i] == ' ')) {
			continue;
		}
		buf_add(tidy, s + at, i - at);
		prev = c;
	}
	units_make(cjk, tidy->s != NULL ? tidy->s : "", tidy->len, u);
}

/* Add a phrase whose units are in u; returns its index. */
static size_t
ptab_add(struct ptab *t, const struct units *u, const char *orig,
    size_t on, const char *repl, size_t rn, unsigned long line)
{
	struct phrase *p;
	size_t i;

	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 32;
		t->v = xreallocarray(t->v, t->cap, sizeof(*t->v));
	}
	p = &t->v[t->n];
	memset(p, 0, sizeof(*p));
	p->k = (uint32_t)t->pool.len;
	for (i = 0; i < u->n; i++) {
		if (i > 0)
			buf_addc(&t->pool, ' ');
		buf_add(&t->pool, ufold(u, &u->v[i]), u->v[i].flen);
	}
	p->kn = (uint32_t)(t->pool.len - p->k);
	p->f = (uint32_t)u->v[0].flen;
	p->nunit = (uint32_t)u->n;
	p->h2 = u->n > 1 ? u->v[1].h : 0;
	if (u->n > t->maxunits)
		t->maxunits = u->n;
	p->orig = (uint32_t)t->pool.len;
	buf_add(&t->pool, orig, on);
	p->on = (uint32_t)on;
	p->r = (uint32_t)t->pool.len;
	buf_add(&t->pool, repl, rn);
	p->rn = (uint32_t)rn;
	p->line = line;
	p->next = -1;
	return t->n++;
}

/* A phrase as ptab_build() sorts it. */
struct pref {
	const char	*k;
	uint32_t	 f;
	uint32_t	 kn;
	unsigned long	 line;
	int32_t		 i;
};

/* Same first unit together, then the longest first, then file order. */
static int
phrase_cmp(const void *a, const void *b)
{
	const struct pref *x = a, *y = b;
	int r;

	if ((r = memcmp(x->k, y->k, x->f < y->f ? x->f : y->f)) != 0)
		return r;
	if (x->f != y->f)
		return x->f < y->f ? -1 : 1;
	if (x->kn != y->kn)
		return x->kn > y->kn ? -1 : 1;
	return x->line < y->line ? -1 : x->line > y->line;
}

static size_t
ptab_slot(const struct ptab *t, const char *u, size_t n, uint32_t hash)
{
	size_t h = hash & (t->scap - 1);
	const struct phrase *p;

	while (t->slot[h] >= 0) {
		p = &t->v[t->slot[h]];
		if (p->f == n && memcmp(t->pool.s + p->k, u, n) == 0)
			break;
		h = (h + 1) & (t->scap - 1);
	}
	return h;
}

/* Chain the phrases by first unit, longest first. */
static void
ptab_build(struct ptab *t)
{
	struct pref *o;
	size_t i, h;
	uint32_t hash;

	if (t->n == 0)
		return;
	t->bloom = xcalloc(BLOOM_BITS / 8, 1);
	o = xreallocarray(NULL, t->n, sizeof(*o));
	for (i = 0; i < t->n; i++) {
		o[i].k = t->pool.s + t->v[i].k;
		o[i].f = t->v[i].f;
		o[i].kn = t->v[i].kn;
		o[i].line = t->v[i].line;
		o[i].i = (int32_t)i;
	}
	qsort(o, t->n, sizeof(*o), phrase_cmp);
	for (t->scap = 16; t->scap < 2 * t->n; t->scap *= 2)
		;
	t->slot = xreallocarray(NULL, t->scap, sizeof(*t->slot));
	for (i = 0; i < t->scap; i++)
		t->slot[i] = -1;
	for (i = 0; i < t->n; i++) {
		if (i + 1 < t->n && o[i].f == o[i + 1].f &&
		    memcmp(o[i].k, o[i + 1].k, o[i].f) == 0)
			t->v[o[i].i].next = o[i + 1].i;
		hash = strset_hash32(o[i].k, o[i].f);
		h = ptab_slot(t, o[i].k, o[i].f, hash);
		if (t->slot[h] < 0)
			t->slot[h] = o[i].i;
		t->bloom[(hash % BLOOM_BITS) / 8] |= (unsigned char)(1 <<
		    (hash % 8));
	}
	free(o);
}

static void
ptab_release(struct ptab *t)
{
	free(t->v);
	buf_release(&t->pool);
	free(t->slot);
	free(t->bloom);
	memset(t, 0, sizeof(*t));
}

/*
 * Whether phrase p's units are the line's from unit i on.  Units are
 * read as far as the comparison goes.  With first, the first unit is
 * known to be the line's (ptab_slot() found it).
 */
static int
phrase_at(const struct ptab *t, const struct phrase *p, struct units *u,
    size_t i, int first)
{
	const char *k = t->pool.s + p->k, *end = k + p->kn, *sp;
	const struct unit *x;

	if (first) {
		if (p->nunit == 1)
			return 1;
		k += p->f + 1;
		i++;
	}
	for (; k < end; k = sp + 1, i++) {
		units_need(u, i + 1);
		if (i >= u->n)
			return 0;
		if ((sp = memchr(k, ' ', (size_t)(end - k))) == NULL)
			sp = end;
		x = &u->v[i];
		if (x->flen != (size_t)(sp - k) ||
		    memcmp(ufold(u, x), k, x->flen) != 0)
			return 0;
	}
	return 1;
}

static int
bloom_has(const struct ptab *t, uint32_t h)
{
	return (t->bloom[(h % BLOOM_BITS) / 8] >> (h % 8)) & 1;
}

/* The longest phrase at unit i, or -1. */
static int32_t
ptab_match(const struct ptab *t, struct units *u, size_t i)
{
	const struct unit *x;
	int32_t p;

	units_need(u, i + 1);
	if (t->n == 0 || i >= u->n || !bloom_has(t, u->v[i].h))
		return -1;
	x = &u->v[i];
	p = t->slot[ptab_slot(t, ufold(u, x), x->flen, x->h)];
	for (; p >= 0; p = t->v[p].next) {
		/*
		 * Many phrases may share a first word: one whose second
		 * word's hash differs is not compared.
		 */
		if (t->v[p].nunit > 1) {
			units_need(u, i + 2);
			if (i + 1 >= u->n || u->v[i + 1].h != t->v[p].h2)
				continue;
		}
		if (phrase_at(t, &t->v[p], u, i, 1))
			return p;
	}
	return -1;
}

/*
 * The phrase to apply at unit i: the longest there, unless a longer one
 * starts inside it and reaches further (the longer original wins).
 */
static int32_t
ptab_pick(const struct ptab *t, struct units *u, size_t i)
{
	int32_t p, q;
	size_t j, end;

	if ((p = ptab_match(t, u, i)) < 0)
		return -1;
	end = i + t->v[p].nunit;
	for (j = i + 1; j < end; j++)
		if ((q = ptab_match(t, u, j)) >= 0 &&
		    j + t->v[q].nunit > end && t->v[q].kn > t->v[p].kn)
			return -1;
	return p;
}

/*
 * Stages 3 and 4: #rewrite replaces a phrase with its replacement as
 * written; #profanity masks each character of a phrase.  With reuse,
 * the words and hashes of the stage before are those of s.  Writes out
 * only if a phrase matched; returns 1 then.
 */
static int
stage_phrases(const struct disp *d, const struct ptab *t, int mask,
    int reuse, const char *s, size_t len, struct buf *out)
{
	struct work *w = d->w;
	struct units *u = &w->u;
	const struct phrase *p;
	size_t i = 0, pos = 0, a, b, k, e, end, wi = 0;
	uint32_t h;
	int32_t c;

	if (!reuse)
		w->nwh = 0;
	for (;;) {
		if (reuse) {
			/* The words and hashes of the stage before. */
			while (wi < w->nwh && w->wh[wi].a < i)
				wi++;
			if (wi == w->nwh)
				break;
			a = w->wh[wi].a;
			i = b = w->wh[wi].b;
			h = w->wh[wi++].h;
		} else {
			/* Words of ASCII: found and hashed in one pass. */
			while (i < len && s[i] == ' ')
				i++;
			if (i >= len)
				break;
			h = 0;
			for (a = i; i < len && s[i] != ' ' &&
			    (unsigned char)s[i] < 0x80; i++)
				h = strset_step(h, lower[(unsigned char)s[i]]);
			h = strset_mix(h);
			b = i;
			if (i < len && s[i] != ' ') {
				i = a;
				if (!unit_next(d->cjk, s, len, &i, &a, &b))
					break;
				h = unit_hash(s, a, b);
			}
			if (w->nwh == w->whcap) {
				w->whcap = w->whcap ? w->whcap * 2 : 64;
				w->wh = xreallocarray(w->wh, w->whcap,
				    sizeof(*w->wh));
			}
			w->wh[w->nwh].a = a;
			w->wh[w->nwh].b = b;
			w->wh[w->nwh++].h = h;
		}
		if (!bloom_has(t, h))
			continue;
		units_from(d->cjk, s, len, a, 1, u);
		if ((c = ptab_pick(t, u, 0)) < 0)
			continue;
		p = &t->v[c];
		buf_add(out, s + pos, a - pos);
		end = u->v[p->nunit - 1].off + u->v[p->nunit - 1].len;
		if (!mask)
			buf_add(out, t->pool.s + p->r, p->rn);
		else
			for (k = a; k < end; k = e) {
				e = k;
				c = utf8_cp(s, end, &e);
				buf_addc(out, c == ' ' ? ' ' : '*');
			}
		pos = i = end;
	}
	if (pos == 0)
		return 0;
	buf_add(out, s + pos, len - pos);
	return 1;
}

/*
 * The word path of disp_apply().  Each stage used to find the words of
 * its line again, byte by byte, and to test each of them (a number
 * word? may a pattern start here? a phrase's first word?) though most
 * of a line is words that no stage takes.  Here the line is split and
 * its words tested once (through a cache: most words were seen
 * before); a stage keeps the words of the text it copies (moved by
 * what it wrote before them) that a later stage may stop at, splits
 * only what it writes, and stops only at the words its test lets
 * through.  The tests are the same: each depends on the word alone, so
 * the output is disp_apply_ref()'s.
 */

/* The cache slot of a word keyed as struct wcache keeps it. */
static size_t
tok_slot(uint64_t k0, uint64_t k1)
{
	uint64_t x = k0 ^ k1 * 0x9E3779B97F4A7C15ULL;

	x *= 0xBF58476D1CE4E5B9ULL;
	return (size_t)(x >> (64 - WCACHE_BITS));
}

/*
 * The T_* tests of need on the word s[a..b): through the cache, if k0
 * and k1 hold the word as struct wcache does (it is not longer than
 * WCACHE_LEN).  The tests a stage does not need are not made: #itn's
 * might flush the automaton in the middle of stage_itn().
 */
static unsigned int
tok_tests(const struct disp *d, const char *s, size_t a, size_t b,
    uint64_t k0, uint64_t k1, unsigned int need)
{
	struct work *w = d->w;
	struct wcache *c = NULL;
	size_t n = b - a;
	unsigned int fl = 0, known = 0, todo;
	uint32_t h;

	if (n <= WCACHE_LEN) {
		if (w->wc == NULL)
			w->wc = xcalloc(WCACHE, sizeof(*w->wc));
		c = &w->wc[tok_slot(k0, k1)];
		if (c->n == n && c->k[0] == k0 && c->k[1] == k1) {
			if ((need & ~c->known) == 0)
				return c->fl;
			fl = c->fl;
			known = c->known;
		}
	}
	todo = need & ~known;
	if (todo & (T_RW | T_PROF)) {
		h = unit_hash(s, a, b);
		if ((todo & T_RW) && bloom_has(&d->rw, h))
			fl |= T_RW;
		if ((todo & T_PROF) && bloom_has(&d->prof, h))
			fl |= T_PROF;
	}
	if ((todo & T_NUM) && text_num_word(d->num, s + a, n))
		fl |= T_NUM;
	if ((todo & T_ITN) && itn_word_live(&d->itn, &w->dfa, s, a, b))
		fl |= T_ITN;
	if (c != NULL) {
		c->k[0] = k0;
		c->k[1] = k1;
		c->n = (unsigned char)n;
		c->fl = (unsigned char)fl;
		c->known = (unsigned char)(known | todo);
	}
	return fl;
}

/*
 * The words of s[from..to) into tk, with the T_* tests of need: with
 * all, every word (stage 1 needs to know which are next to which),
 * else only those that pass one.  A blank or an end of the line is on
 * either side of s[from..to).  The cache key of a word is built in
 * registers (read back from memory, bytes stored one by one stall the
 * load).
 */
static void
tok_split(const struct disp *d, const char *s, size_t from, size_t to,
    unsigned int need, int all, struct toks *tk)
{
	struct tok *x;
	uint64_t k0, k1, c;
	size_t i = from, n;
#ifdef WCACHE_LE
	uint64_t t0, t1, z0, z1;
#endif

	/* A word and its blank take two bytes: room for all at once. */
	if (tk->cap - tk->n < (to - from) / 2 + 1) {
		tk->cap = tk->n + (to - from) / 2 + 1 + tk->cap;
		tk->v = xreallocarray(tk->v, tk->cap, sizeof(*tk->v));
	}
	for (;;) {
		while (i < to && s[i] == ' ')
			i++;
		if (i >= to)
			break;
		x = &tk->v[tk->n];
		x->a = i;
		k0 = k1 = 0;
#ifdef WCACHE_LE
		/*
		 * Where bytes are little-endian, 16 of them at once are the
		 * key; the lowest byte that the zero-byte test flags is the
		 * first blank (a borrow only flags bytes above a true one).
		 */
		if (to - i >= WCACHE_LEN) {
			memcpy(&k0, s + i, 8);
			memcpy(&k1, s + i + 8, 8);
			t0 = k0 ^ 0x2020202020202020ULL;
			t1 = k1 ^ 0x2020202020202020ULL;
			z0 = (t0 - 0x0101010101010101ULL) & ~t0 &
			    0x8080808080808080ULL;
			z1 = (t1 - 0x0101010101010101ULL) & ~t1 &
			    0x8080808080808080ULL;
			if (z0 != 0)
				i += (size_t)__builtin_ctzll(z0) / 8;
			else if (z1 != 0)
				i += 8 + (size_t)__builtin_ctzll(z1) / 8;
			else
				i += WCACHE_LEN;
		}
#endif
		for (n = i - x->a; i < to && s[i] != ' '; i++, n++) {
			c = (unsigned char)s[i];
			if (n < 8)
				k0 |= c << (8 * n);
			else if (n < WCACHE_LEN)
				k1 |= c << (8 * (n - 8));
		}
		x->b = i;
		/* Only the word's bytes: n of them. */
		n = i - x->a;
		k0 &= n >= 8 ? ~(uint64_t)0 : ((uint64_t)1 << (8 * n)) - 1;
		k1 &= n >= WCACHE_LEN ? ~(uint64_t)0 : n <= 8 ? 0 :
		    ((uint64_t)1 << (8 * (n - 8))) - 1;
		x->fl = need != 0 ? tok_tests(d, s, x->a, i, k0, k1, need) &
		    need : 0;
		if (all || x->fl != 0)
			tk->n++;
	}
}

/*
 * Copy s[pos..end) to out and, if to is not NULL, its words that pass
 * a test of need, from from->v[*k] on (none before pos), moved to where
 * they land in out; *k moves past them.
 */
static void
tok_keep(const struct toks *from, size_t *k, struct toks *to,
    unsigned int need, const char *s, size_t pos, size_t end,
    struct buf *out)
{
	struct tok *x;
	size_t at = out->len, j = *k, e;

	buf_add(out, s + pos, end - pos);
	for (e = j; e < from->n && from->v[e].a < end; e++)
		;
	*k = e;
	if (to == NULL || e == j)
		return;
	if (to->cap - to->n < e - j) {
		to->cap = to->n + (e - j) + to->cap;
		to->v = xreallocarray(to->v, to->cap, sizeof(*to->v));
	}
	for (x = to->v + to->n; j < e; j++) {
		*x = from->v[j];
		x->a = x->a - pos + at;
		x->b = x->b - pos + at;
		x += (x->fl & need) != 0;
	}
	to->n = (size_t)(x - to->v);
}

/* Past the words of from that start before end. */
static void
tok_skip(const struct toks *from, size_t *k, size_t end)
{
	while (*k < from->n && from->v[*k].a < end)
		(*k)++;
}

/* Stage 1 on words: text_num_line() at the words that may start one. */
static int
tstage_builtin(const struct disp *d, const char *s, size_t len,
    const struct toks *in, struct toks *to, unsigned int need,
    struct buf *out)
{
	struct buf *nb = &d->w->num;
	const struct tok *x;
	size_t a[TEXT_NUM_WORDS], b[TEXT_NUM_WORDS];
	size_t k, kc = 0, pos = 0, n, m, at;
	int changed = 0;

	for (k = 0; k < in->n; k++) {
		x = &in->v[k];
		if (x->a < pos || !(x->fl & T_NUM))
			continue;
		/*
		 * The run of words that may be a number's, as num_read():
		 * the first split keeps every word, so these are next to
		 * each other.
		 */
		for (m = 0; m < TEXT_NUM_WORDS && k + m < in->n &&
		    (in->v[k + m].fl & T_NUM); m++) {
			a[m] = in->v[k + m].a - x->a;
			b[m] = in->v[k + m].b - x->a;
		}
		buf_reset(nb);
		if ((n = text_num_read_words(d->num, s + x->a, a, b, m,
		    nb)) == 0)
			continue;
		tok_keep(in, &kc, to, need, s, pos, x->a, out);
		at = out->len;
		buf_add(out, nb->s, nb->len);
		tok_split(d, out->s, at, out->len, need, 0, to);
		pos = x->a + n;
		tok_skip(in, &kc, pos);
		changed = 1;
	}
	if (changed)
		tok_keep(in, &kc, to, need, s, pos, len, out);
	return changed;
}

/* Stage 2 on words: stage_itn() at the words a match may start at. */
static int
tstage_itn(const struct disp *d, const char *s, size_t len,
    const struct toks *in, struct toks *to, unsigned int need,
    struct buf *out)
{
	const struct itn *t = &d->itn;
	struct work *w = d->w;
	struct seen *sn = &w->seen;
	const struct tok *x;
	size_t k, kc = 0, pos = 0, e = 0, at;
	int32_t p;
	int gap = 0, changed = 0;

	if (sn->cap < len + 1) {
		sn->cap = len + 1;
		sn->state = xreallocarray(sn->state, sn->cap,
		    sizeof(*sn->state));
		free(sn->tag);
		sn->tag = xcalloc(sn->cap, sizeof(*sn->tag));
		sn->now = 0;
	}
	seen_forget(sn);
	for (k = 0; k < in->n; k++) {
		x = &in->v[k];
		if (x->a < pos || !(x->fl & T_ITN))
			continue;
		if ((p = itn_scan(t, &w->dfa, sn, s, len, x->a, &e,
		    NULL)) < 0 || e <= x->a)
			continue;
		tok_keep(in, &kc, to, need, s, pos, x->a, out);
		at = out->len;
		vm_run(t, &w->vm, p, s, x->a, e, out);
		gap |= out->len == at;
		tok_split(d, out->s, at, out->len, need, 0, to);
		pos = e;
		tok_skip(in, &kc, pos);
		changed = 1;
	}
	if (!changed)
		return 0;
	tok_keep(in, &kc, to, need, s, pos, len, out);
	/* A match that wrote nothing ({um}) leaves two blanks. */
	if (gap) {
		squeeze(out, 0);
		to->n = 0;
		tok_split(d, out->s, 0, out->len, need, 0, to);
	}
	return 1;
}

/*
 * Stages 3 and 4 on words: stage_phrases() at the words in t's bloom
 * (T_RW, or T_PROF with mask).
 */
static int
tstage_phrases(const struct disp *d, const struct ptab *t, int mask,
    const char *s, size_t len, const struct toks *in, struct toks *to,
    unsigned int need, struct buf *out)
{
	unsigned int bit = mask ? T_PROF : T_RW;
	struct units *u = &d->w->u;
	const struct phrase *p;
	const struct tok *x;
	size_t k, kc = 0, pos = 0, e, end, at, q;
	int32_t c;
	int changed = 0;

	for (k = 0; k < in->n; k++) {
		x = &in->v[k];
		if (x->a < pos || !(x->fl & bit))
			continue;
		units_from(d->cjk, s, len, x->a, 1, u);
		if ((c = ptab_pick(t, u, 0)) < 0)
			continue;
		p = &t->v[c];
		tok_keep(in, &kc, to, need, s, pos, x->a, out);
		at = out->len;
		end = u->v[p->nunit - 1].off + u->v[p->nunit - 1].len;
		if (!mask)
			buf_add(out, t->pool.s + p->r, p->rn);
		else
			for (q = x->a; q < end; q = e) {
				e = q;
				c = utf8_cp(s, end, &e);
				buf_addc(out, c == ' ' ? ' ' : '*');
			}
		if (to != NULL)
			tok_split(d, out->s, at, out->len, need, 0, to);
		pos = end;
		tok_skip(in, &kc, pos);
		changed = 1;
	}
	if (changed)
		tok_keep(in, &kc, to, need, s, pos, len, out);
	return changed;
}

/* Stage 5: a capital first letter. */
static int
stage_capital(const char *s, size_t len, struct buf *out)
{
	size_t i = 0;
	int32_t c, up;

	if (len == 0)
		return 0;
	c = utf8_cp(s, len, &i);
	if (c < 0 || !is_letter(c) ||
	    (up = text_cp_case(c, TEXT_CASE_TITLE)) == c) {
		buf_add(out, s, len);
		return 0;
	}
	add_cp(out, up);
	buf_add(out, s + i, len - i);
	return 1;
}

/*
 * The pipeline up to and including stage last (DISP_* bit), on s; the
 * result is in *r, *rn (borrowed from the work buffers, or s itself).
 * With ref, or in zh and ja, each stage reads its line again.
 */
static int
pipeline(const struct disp *d, const char *s, size_t len, int last,
    int ref, const char **r, size_t *rn)
{
	struct work *w = d->w;
	struct buf *in = &w->a, *out = &w->b, *sw;
	struct toks *tin = &w->t1, *tout = &w->t2, *tsw;
	unsigned int nnum, nitn, nrw, nprof;
	int bits = 0, rw = -1;

	/* A stage that changes the text writes out, which becomes s. */
#define NEXT(stage, bit) do {						\
	buf_reset(out);							\
	tout->n = 0;							\
	if (stage) {							\
		bits |= (bit);						\
		s = out->s;						\
		len = out->len;						\
		sw = in;						\
		in = out;						\
		out = sw;						\
		tsw = tin;						\
		tin = tout;						\
		tout = tsw;						\
	}								\
} while (0)

	if (ref || d->cjk) {
		if (d->num != NULL)
			NEXT(stage_builtin(d, s, len, out), DISP_BUILTIN);
		if (last >= DISP_ITN && d->itn.npat > 0)
			NEXT(stage_itn(d, s, len, out), DISP_ITN);
		if (last >= DISP_REWRITE && d->rw.n > 0)
			NEXT((rw = stage_phrases(d, &d->rw, 0, 0, s, len,
			    out)), DISP_REWRITE);
		if (last >= DISP_PROFANITY && d->prof.n > 0)
			NEXT(stage_phrases(d, &d->prof, 1, rw == 0, s, len,
			    out), DISP_PROFANITY);
	} else {
		/* The tests of the stages to come, for each stage's words. */
		nnum = d->num != NULL ? T_NUM : 0;
		nitn = last >= DISP_ITN && d->itn.npat > 0 ? T_ITN : 0;
		nrw = last >= DISP_REWRITE && d->rw.n > 0 ? T_RW : 0;
		nprof = last >= DISP_PROFANITY && d->prof.n > 0 ? T_PROF : 0;
		tin->n = 0;
		tok_split(d, s, 0, len, nnum | nitn | nrw | nprof, 1, tin);
		if (nnum)
			NEXT(tstage_builtin(d, s, len, tin, tout,
			    nitn | nrw | nprof, out), DISP_BUILTIN);
		if (nitn)
			NEXT(tstage_itn(d, s, len, tin, tout, nrw | nprof, out),
			    DISP_ITN);
		if (nrw)
			NEXT(tstage_phrases(d, &d->rw, 0, s, len, tin, tout,
			    nprof, out), DISP_REWRITE);
		/* Nothing after #profanity needs its words. */
		if (nprof)
			NEXT(tstage_phrases(d, &d->prof, 1, s, len, tin, NULL,
			    0, out), DISP_PROFANITY);
	}
#undef NEXT
	*r = s;
	*rn = len;
	return bits;
}

static int
apply(const struct disp *d, const char *line, size_t len, int ref,
    struct buf *out)
{
	const char *s;
	size_t n;
	int bits;

	if (len > 0 && line[len - 1] == '\r')
		len--;
	bits = pipeline(d, line, len, DISP_PROFANITY, ref, &s, &n);
	if (stage_capital(s, n, out))
		bits |= DISP_CAPITAL;
	return bits;
}

int
disp_apply(const struct disp *d, const char *line, size_t len,
    struct buf *out)
{
	return apply(d, line, len, 0, out);
}

int
disp_apply_ref(const struct disp *d, const char *line, size_t len,
    struct buf *out)
{
	return apply(d, line, len, 1, out);
}

/* The state of one parse: where findings go, counts, scratch. */
struct parse {
	struct disp	*d;
	struct diag	*diag;
	struct loc	 loc;
	enum sect	 sect;
	size_t		 max[3];	/* #itn, #rewrite, #profanity */
	size_t		 count[3];
	int		 headers;
	int32_t		*cp;
	size_t		 cpcap;
	struct units	 u;
	struct buf	 tidy;
	struct buf	 q[3];		/* quoted text for messages */
};

/* Text for a message: at most QUOTE_MAX bytes, "..." if cut. */
static const char *
quote(struct buf *b, const char *s, size_t n)
{
	buf_reset(b);
	buf_add(b, s, (size_t)qlen(s, n));
	if ((size_t)qlen(s, n) < n)
		buf_addstr(b, "...");
	return b->s != NULL ? b->s : "";
}

static void
at_col(struct parse *ps, unsigned long col)
{
	ps->loc.col = col;
}

static int
name_is(const char *s, size_t n, const char *name)
{
	size_t i;

	if (n != strlen(name))
		return 0;
	for (i = 0; i < n; i++)
		if (lower[(unsigned char)s[i] & 0x7F] != name[i] ||
		    (unsigned char)s[i] >= 0x80)
			return 0;
	return 1;
}

/* A '#' line: a section header, known or not. */
static void
parse_header(struct parse *ps, const char *s, size_t len, size_t off)
{
	static const struct {
		const char	*name;
		enum sect	 sect;
	} names[] = { { "itn", S_ITN }, { "rewrite", S_REWRITE },
	    { "profanity", S_PROFANITY }, { "test", S_TEST } };
	size_t i = off + 1, e, k;

	while (i < len && (s[i] == ' ' || s[i] == '\t'))
		i++;
	ps->headers++;
	for (e = len; e > i && (s[e - 1] == ' ' || s[e - 1] == '\t'); e--)
		;
	for (k = 0; k < sizeof(names) / sizeof(names[0]); k++)
		if (name_is(s + i, e - i, names[k].name)) {
			ps->sect = names[k].sect;
			return;
		}
	ps->sect = S_UNKNOWN;
	at_col(ps, col_at(s, off));
	if (e == i)
		diag_add(ps->diag, &ps->loc, "DISP-SECT", "a '#' line that "
		    "names no section; the sections are #itn, #rewrite, "
		    "#profanity and #test");
	else
		diag_add(ps->diag, &ps->loc, "DISP-SECT", "unknown section "
		    "'#%s'; the sections are #itn, #rewrite, #profanity and "
		    "#test, and its lines are ignored",
		    quote(&ps->q[0], s + i, e - i));
}

static void
parse_itn(struct parse *ps, const char *s, size_t len, size_t off)
{
	struct disp *d = ps->d;
	size_t i = off, n = 0, at;
	char msg[200];

	if (++ps->count[0] > ps->max[0]) {
		if (ps->count[0] == ps->max[0] + 1)
			diag_add(ps->diag, &ps->loc, "DISP-ITN-N", "more than "
			    "%zu #itn patterns; the service takes at most %zu",
			    ps->max[0], ps->max[0]);
		return;
	}
	if (len - off > ps->cpcap) {
		ps->cpcap = len - off;
		ps->cp = xreallocarray(ps->cp, ps->cpcap, sizeof(*ps->cp));
	}
	while (i < len)
		ps->cp[n++] = utf8_cp(s, len, &i);
	if (itn_compile(&d->itn, ps->cp, n, &at, msg, sizeof(msg)) == -1) {
		at_col(ps, col_at(s, off) + (unsigned long)at);
		diag_add(ps->diag, &ps->loc, "DISP-ITN-SYNTAX", "pattern "
		    "'%s': %s", quote(&ps->q[0], s + off, len - off), msg);
	}
}

/*
 * A #rewrite or #test line: two fields (named in names[0] and names[1])
 * around one TAB.  Returns 0 with the fields (trimmed), or -1 after a
 * finding of rule at severity sev.
 */
static int
parse_pair(struct parse *ps, const char *rule, enum severity sev,
    const char *const names[2], const char *s, size_t len, size_t off,
    size_t *a, size_t *an, size_t *b, size_t *bn)
{
	const char *tab, *tab2;
	size_t i, run = 0, at = 0;

	if ((tab = memchr(s + off, '\t', len - off)) == NULL) {
		/* Editors turn TABs into spaces: name that, do not guess. */
		for (i = off; i < len && run < 2; i++) {
			if (s[i] != ' ') {
				run = 0;
				continue;
			}
			if (run++ == 0)
				at = i;
		}
		if (run >= 2) {
			for (run = 0, i = at; i < len && s[i] == ' '; i++)
				run++;
			at_col(ps, col_at(s, at));
			diag_add(ps->diag, &ps->loc, "DISP-TAB", "no TAB, but "
			    "a run of %zu spaces: editors turn TABs into "
			    "spaces; put one TAB between the %s and the %s",
			    run, names[0], names[1]);
		} else
			diag_addsev(ps->diag, &ps->loc, rule, sev, "no TAB; "
			    "the line is the %s, one TAB, the %s", names[0],
			    names[1]);
		return -1;
	}
	if ((tab2 = memchr(tab + 1, '\t', (size_t)(s + len - tab - 1))) !=
	    NULL) {
		at_col(ps, col_at(s, (size_t)(tab2 - s)));
		diag_addsev(ps->diag, &ps->loc, rule, sev, "a second TAB; the "
		    "line is the %s, one TAB, the %s", names[0], names[1]);
		return -1;
	}
	*a = off;
	for (*an = (size_t)(tab - s) - off; *an > 0 &&
	    s[*a + *an - 1] == ' '; (*an)--)
		;
	for (*b = (size_t)(tab - s) + 1; *b < len && s[*b] == ' '; (*b)++)
		;
	*bn = len - *b;
	if (*an == 0 || *bn == 0) {
		at_col(ps, col_at(s, *an == 0 ? off : (size_t)(tab - s) + 1));
		diag_addsev(ps->diag, &ps->loc, rule, sev, "empty %s; the line "
		    "is the %s, one TAB, the %s", names[*an == 0 ? 0 : 1],
		    names[0], names[1]);
		return -1;
	}
	return 0;
}

static void
parse_rewrite(struct parse *ps, const char *s, size_t len, size_t off)
{
	static const char *const names[2] = { "original", "replacement" };
	struct disp *d = ps->d;
	size_t a, an, b, bn;

	if (++ps->count[1] > ps->max[1]) {
		if (ps->count[1] == ps->max[1] + 1)
			diag_add(ps->diag, &ps->loc, "DISP-REWRITE", "more "
			    "than %zu #rewrite lines; the service takes at "
			    "most %zu", ps->max[1], ps->max[1]);
		return;
	}
	if (parse_pair(ps, "DISP-REWRITE", SEV_NONE, names, s, len, off, &a,
	    &an, &b, &bn) == -1)
		return;
	phrase_key(d->cjk, s + a, an, &ps->tidy, &ps->u);
	if (ps->u.n == 0) {
		at_col(ps, col_at(s, a));
		diag_add(ps->diag, &ps->loc, "DISP-REWRITE", "the original "
		    "'%s' is only grammar punctuation, which matching "
		    "ignores", quote(&ps->q[0], s + a, an));
		return;
	}
	ptab_add(&d->rw, &ps->u, s + a, an, s + b, bn, ps->loc.line);
}

static void
parse_profanity(struct parse *ps, const char *s, size_t len, size_t off)
{
	struct disp *d = ps->d;
	size_t i = off, at, k;
	int32_t c;
	char b[16];
	int latin = 1;

	if (++ps->count[2] > ps->max[2]) {
		if (ps->count[2] == ps->max[2] + 1)
			diag_add(ps->diag, &ps->loc, "DISP-PROF", "more than "
			    "%zu #profanity lines; the service takes at most "
			    "%zu", ps->max[2], ps->max[2]);
		return;
	}
	while (i < len) {
		at = i;
		c = utf8_cp(s, len, &i);
		if (c == '\t' || is_gpunct(c)) {
			at_col(ps, col_at(s, at));
			diag_add(ps->diag, &ps->loc, "DISP-PROF", "%s in the "
			    "profanity phrase '%s'; %s", c == '\t' ? "a TAB" :
			    cpname(c, b, sizeof(b)), quote(&ps->q[0], s + off,
			    len - off), c == '\t' ? "a line holds one phrase" :
			    "grammar punctuation is not allowed there");
			return;
		}
	}
	phrase_key(d->cjk, s + off, len - off, &ps->tidy, &ps->u);
	if (ps->u.n == 0)
		return;
	for (k = 0; k < ps->u.n && latin; k++)
		for (i = 0; i < ps->u.v[k].flen && latin; i++) {
			c = (unsigned char)ufold(&ps->u, &ps->u.v[k])[i];
			latin = c >= 'a' && c <= 'z';
		}
	if (d->cjk && latin && ps->u.n > 1) {
		at_col(ps, col_at(s, off));
		diag_add(ps->diag, &ps->loc, "DISP-PROF", "English phrases of "
		    "several words are not supported in %s (single English "
		    "words are)", d->tag);
		return;
	}
	ptab_add(&d->prof, &ps->u, s + off, len - off, "", 0, ps->loc.line);
}

static void
parse_test(struct parse *ps, const char *s, size_t len, size_t off)
{
	static const char *const names[2] = { "lexical input",
	    "expected display text" };
	struct disp *d = ps->d;
	struct dtest *t;
	size_t a, an, b, bn, i, at;
	int32_t c, prev = ' ', next;
	char nb[16];

	if (parse_pair(ps, "DISP-TEST", SEV_ERROR, names, s, len, off, &a,
	    &an, &b, &bn) == -1)
		return;
	/* Lexical text: words, apostrophes and inner hyphens only. */
	for (i = a; i < a + an; prev = c) {
		at = i;
		c = utf8_cp(s, a + an, &i);
		next = i < a + an ? (unsigned char)s[i] : ' ';
		if (c == ' ' || c == '\'' || c == 0x2019 || is_letter(c) ||
		    (c == '-' && prev != ' ' && next != ' '))
			continue;
		if (text_char_class(c) == TEXT_C_LETTER)
			continue;
		at_col(ps, col_at(s, at));
		diag_add(ps->diag, &ps->loc, "DISP-TEST-LEXICAL", "%s %s in "
		    "the test input: the recognizer's lexical form spells "
		    "everything out in words", text_char_class(c) ==
		    TEXT_C_DIGIT ? "digit" : "symbol", cpname(c, nb,
		    sizeof(nb)));
		break;
	}
	if (d->ntest == d->testcap) {
		d->testcap = d->testcap ? d->testcap * 2 : 16;
		d->test = xreallocarray(d->test, d->testcap,
		    sizeof(*d->test));
	}
	t = &d->test[d->ntest++];
	t->line = ps->loc.line;
	t->in = (uint32_t)d->tpool.len;
	t->inn = (uint32_t)an;
	buf_add(&d->tpool, s + a, an);
	t->want = (uint32_t)d->tpool.len;
	t->wantn = (uint32_t)bn;
	buf_add(&d->tpool, s + b, bn);
}

/* One line of the file, without its line end. */
static void
parse_line(struct parse *ps, const char *s, size_t len)
{
	const char *nul;
	size_t off = 0, bad, i;

	if ((bad = utf8_check(s, len)) == len &&
	    (nul = memchr(s, '\0', len)) != NULL)
		bad = (size_t)(nul - s);
	if (bad < len) {
		at_col(ps, col_at(s, bad));
		if (s[bad] == '\0')
			diag_add(ps->diag, &ps->loc, "DISP-ENC", "a NUL byte; "
			    "the file is not UTF-8 text (UTF-16?); the line "
			    "is ignored");
		else
			diag_add(ps->diag, &ps->loc, "DISP-ENC", "invalid "
			    "UTF-8 byte 0x%02X; the service expects UTF-8, "
			    "the line is ignored", (unsigned char)s[bad]);
		return;
	}
	/* Blanks around a line go, but a TAB is a field separator. */
	while (len > 0 && s[len - 1] == ' ')
		len--;
	while (off < len && s[off] == ' ')
		off++;
	for (i = off; i < len && (s[i] == ' ' || s[i] == '\t'); i++)
		;
	if (i == len || (len - i >= 2 && s[i] == '/' && s[i + 1] == '/'))
		return;
	if (s[i] == '#') {
		parse_header(ps, s, len, i);
		return;
	}
	at_col(ps, col_at(s, off));
	switch (ps->sect) {
	case S_NONE:
		diag_add(ps->diag, &ps->loc, "DISP-SECT", "text before the "
		    "first section header (#itn, #rewrite, #profanity or "
		    "#test) is ignored");
		break;
	case S_ITN:
		parse_itn(ps, s, len, off);
		break;
	case S_REWRITE:
		parse_rewrite(ps, s, len, off);
		break;
	case S_PROFANITY:
		parse_profanity(ps, s, len, off);
		break;
	case S_TEST:
		parse_test(ps, s, len, off);
		break;
	case S_UNKNOWN:
		break;
	}
}

/*
 * Rewrites that never apply: a later line with the same original (the
 * first one wins), or an original that the stages before #rewrite
 * change (the built-in ITN turns "one star" into "1 star").
 */
static void
check_shadow(struct parse *ps)
{
	struct disp *d = ps->d;
	const struct ptab *t = &d->rw;
	const struct phrase *p, *q;
	struct loc l = ps->loc;
	const char *r;
	size_t i, rn;
	int32_t k;
	unsigned char *dup;

	dup = xcalloc(t->n + 1, 1);
	for (i = 0; i < t->n; i++) {
		p = &t->v[i];
		for (k = p->next; k >= 0; k = q->next) {
			q = &t->v[k];
			if (q->kn != p->kn || memcmp(t->pool.s + q->k,
			    t->pool.s + p->k, p->kn) != 0 || dup[k])
				continue;
			dup[k] = 1;
			l.line = q->line;
			l.col = 1;
			if (q->rn == p->rn && memcmp(t->pool.s + q->r,
			    t->pool.s + p->r, p->rn) == 0)
				diag_add(ps->diag, &l, "DISP-SHADOW", "this "
				    "rewrite repeats line %lu", p->line);
			else
				diag_add(ps->diag, &l, "DISP-SHADOW", "the "
				    "original '%s' is also on line %lu, whose "
				    "replacement wins", quote(&ps->q[0],
				    t->pool.s + q->orig, q->on), p->line);
		}
	}
	for (i = 0; i < t->n; i++) {
		p = &t->v[i];
		if (dup[i])
			continue;
		(void)pipeline(d, t->pool.s + p->k, p->kn, DISP_ITN, 0, &r,
		    &rn);
		units_make(d->cjk, r, rn, &d->w->u2);
		if (d->w->u2.n == p->nunit && phrase_at(t, p, &d->w->u2, 0, 0))
			continue;
		l.line = p->line;
		l.col = 1;
		diag_add(ps->diag, &l, "DISP-SHADOW", "the stages before "
		    "#rewrite (built-in ITN, #itn) turn '%s' into '%s', so "
		    "this rewrite never applies; write the original as '%s'",
		    quote(&ps->q[0], t->pool.s + p->orig, p->on),
		    quote(&ps->q[1], r, rn), quote(&ps->q[2], r, rn));
	}
	free(dup);
}

/* Test cases whose input no rule of the file changes. */
static void
check_tests(struct parse *ps)
{
	struct disp *d = ps->d;
	struct loc l = ps->loc;
	const struct dtest *t;
	const char *r;
	size_t i, rn;

	for (i = 0; i < d->ntest; i++) {
		t = &d->test[i];
		if (pipeline(d, d->tpool.s + t->in, t->inn, DISP_PROFANITY, 0,
		    &r, &rn) & (DISP_ITN | DISP_REWRITE | DISP_PROFANITY))
			continue;
		l.line = t->line;
		l.col = 1;
		diag_add(ps->diag, &l, "DISP-TEST-NOOP", "no #itn, #rewrite "
		    "or #profanity rule changes '%s'; the case tests only the "
		    "built-in formatting", quote(&ps->q[0], d->tpool.s + t->in,
		    t->inn));
	}
}

static struct disp *
parse(const char *buf, size_t len, const char *name, const size_t max[3],
    const struct locale *loc, struct diag *diag)
{
	struct parse ps;
	struct disp *d;
	const char *p = buf, *end = buf + len, *nl;
	size_t n, i;
	int utf16 = 0;

	d = xcalloc(1, sizeof(*d));
	d->name = xstrdup(name != NULL ? name : "<stdin>");
	snprintf(d->tag, sizeof(d->tag), "%s", loc != NULL && loc->tag !=
	    NULL ? loc->tag : "en-US");
	d->cjk = strncmp(d->tag, "zh", 2) == 0 || strncmp(d->tag, "ja", 2) ==
	    0;
	d->w = xcalloc(1, sizeof(*d->w));
	d->num = text_num_open(d->tag, diag);

	memset(&ps, 0, sizeof(ps));
	ps.d = d;
	ps.diag = diag;
	ps.loc.file = d->name;
	ps.sect = S_NONE;
	for (i = 0; i < 3; i++)
		ps.max[i] = max[i];
	if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	if (len >= 2 && ((unsigned char)buf[0] == 0xFF ||
	    (unsigned char)buf[0] == 0xFE) && (unsigned char)buf[1] ==
	    ((unsigned char)buf[0] ^ 0x01)) {
		diag_add(diag, &ps.loc, "DISP-ENC", "UTF-16 text; the service "
		    "expects UTF-8 with a BOM");
		utf16 = 1;
		p = end;
	}
	for (ps.loc.line = 1; p < end; ps.loc.line++, p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		n = (size_t)(nl - p);
		if (n > 0 && p[n - 1] == '\r')
			n--;
		parse_line(&ps, p, n);
		if (nl == end)
			break;
	}
	ps.loc.line = 0;
	ps.loc.col = 0;
	if (ps.headers == 0 && !utf16)
		diag_add(diag, &ps.loc, "DISP-SECT", "no section header; a "
		    "display format file holds #itn, #rewrite, #profanity and "
		    "#test sections");
	ptab_build(&d->rw);
	ptab_build(&d->prof);
	dfa_init(&d->w->dfa, &d->itn);
	check_shadow(&ps);
	check_tests(&ps);
	free(ps.cp);
	units_release(&ps.u);
	buf_release(&ps.tidy);
	for (i = 0; i < 3; i++)
		buf_release(&ps.q[i]);
	return d;
}

struct disp *
disp_parse(const char *buf, size_t len, const char *name,
    const struct locale *loc, struct diag *d)
{
	static const size_t max[3] = { ITN_MAX, REWRITE_MAX, PROF_MAX };

	return parse(buf, len, name, max, loc, d);
}

struct disp *
disp_parse_prof(const char *buf, size_t len, const char *name,
    const struct profile *p, const struct locale *loc, struct diag *d)
{
	size_t max[3];

	if (p == NULL)
		return disp_parse(buf, len, name, loc, d);
	max[0] = (size_t)p->display_itn;
	max[1] = (size_t)p->display_rewrite;
	max[2] = (size_t)p->display_profanity;
	return parse(buf, len, name, max, loc, d);
}

void
disp_free(struct disp *d)
{
	if (d == NULL)
		return;
	free(d->name);
	itn_release(&d->itn);
	ptab_release(&d->rw);
	ptab_release(&d->prof);
	free(d->test);
	buf_release(&d->tpool);
	text_num_close(d->num);
	free(d->w->wh);
	free(d->w->seen.state);
	free(d->w->seen.tag);
	dfa_release(&d->w->dfa);
	vm_release(&d->w->vm);
	units_release(&d->w->u);
	units_release(&d->w->u2);
	free(d->w->wc);
	free(d->w->t1.v);
	free(d->w->t2.v);
	buf_release(&d->w->num);
	buf_release(&d->w->a);
	buf_release(&d->w->b);
	free(d->w);
	free(d);
}

int
disp_test(const struct disp *d, struct diag *diag, size_t *pass,
    size_t *total)
{
	struct loc l = { NULL, NULL, 0, 1 };
	struct buf out = BUF_INIT, q[3] = { BUF_INIT, BUF_INIT, BUF_INIT };
	const struct dtest *t;
	size_t i, ok = 0;

	l.file = d->name;
	for (i = 0; i < d->ntest; i++) {
		t = &d->test[i];
		buf_reset(&out);
		(void)disp_apply(d, d->tpool.s + t->in, t->inn, &out);
		if (out.len == t->wantn && memcmp(out.s, d->tpool.s + t->want,
		    out.len) == 0) {
			ok++;
			continue;
		}
		l.line = t->line;
		diag_add(diag, &l, "DISP-TEST", "'%s' gives '%s', the test "
		    "expects '%s'", quote(&q[0], d->tpool.s + t->in, t->inn),
		    quote(&q[1], out.s != NULL ? out.s : "", out.len),
		    quote(&q[2], d->tpool.s + t->want, t->wantn));
	}
	if (pass != NULL)
		*pass = ok;
	if (total != NULL)
		*total = d->ntest;
	buf_release(&out);
	for (i = 0; i < 3; i++)
		buf_release(&q[i]);
	return ok < d->ntest;
}
