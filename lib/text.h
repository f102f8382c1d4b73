/*
 * The ICU adapter: the only module that includes ICU headers.  A struct
 * text holds the ICU objects of one locale for one thread (normalizers,
 * mapping tables, break iterators, the URI regex, number formatters,
 * frozen sets) and its UTF-16 work buffers; text_close() frees them.
 * Every function takes valid UTF-8 (check it with utf8_check()
 * first) and appends its result to the caller's struct buf; spans are
 * byte offsets into the input.  A struct text is not thread-safe: open
 * one per thread.
 */
#ifndef VOX_TEXT_H
#define VOX_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "diag.h"

struct text;

/* Combining marks in a row allowed (UAX #15 stream-safe text format). */
#define TEXT_MARKS_MAX	30

/* A byte range of the input. */
struct text_span {
	size_t	off;
	size_t	len;
};

/* A growable list of spans; the caller owns it. */
struct text_spans {
	struct text_span	*v;
	size_t			 n;
	size_t			 cap;
};
#define TEXT_SPANS_INIT { NULL, 0, 0 }

/* What text_repeat() found. */
struct text_repeat {
	struct text_span	 all;	/* the whole repeated stretch */
	struct text_span	 unit;	/* one occurrence */
	unsigned int		 count;	/* occurrences in a row */
	unsigned int		 words;	/* 0: a character run; else 1-4 */
};

/* Which parts of the punctuation map text_punct_map() applies. */
#define TEXT_PM_SPACE	0x1	/* exotic spaces to ' ', ignorables deleted */
#define TEXT_PM_QUOTE	0x2	/* quotes, dashes (em dash '--'), ellipsis */
#define TEXT_PM_WIDE	0x4	/* zh: ASCII ? ! , ; : to full width */

/* Writing system of a text, for per-script rules. */
enum text_script {
	TEXT_LATIN,		/* alphabetic scripts: count words */
	TEXT_CJK		/* Han, kana, Hangul: count characters */
};

/* What text_char_class() says a character is. */
enum text_class {
	TEXT_C_LETTER,		/* a lowercase or caseless letter, a mark */
	TEXT_C_UPPER,		/* upper- or titlecase letter */
	TEXT_C_DIGIT,		/* any number */
	TEXT_C_SPACE,
	TEXT_C_PUNCT,
	TEXT_C_SYMBOL		/* symbols, controls, anything else */
};

struct text	*text_open(const char *, struct diag *);
void		 text_close(struct text *);
const char	*text_locale(const struct text *);
int		 text_is_cjk(const struct text *);

/* Helpers without ICU state (plain UTF-8 is in utf8.h). */
size_t		 text_marks_run(const char *, size_t);
void		 text_squeeze(const char *, size_t, struct buf *);

/* What text_char_info() tells of a character. */
struct text_charinfo {
	char	name[96];	/* its Unicode name */
	char	script[32];	/* "Latin", "Cyrillic", "Common" */
	char	looks[8];	/* ASCII characters it can be taken for */
	int	common;		/* of no one script: Common, Inherited */
	int	space;		/* white space other than U+0020 */
	int	invisible;	/* format, control, default ignorable */
	int	letter;
};

/* Character facts. */
void		 text_char_name(int32_t, char *, size_t);
void		 text_char_info(const int32_t *, size_t,
		    struct text_charinfo *);
const char	*text_ascii_sub(struct text *, int32_t, size_t *);
int		 text_has_word(const char *, size_t);
enum text_script text_script(const char *, size_t, size_t *, size_t *);
size_t		 text_find_bad(struct text *, const char *, size_t);
enum text_class	 text_char_class(int32_t);
int		 text_has_cjk(const char *, size_t);

/* Transforms: return 1 if the text changed, 0 if not, -1 on failure. */
int		 text_clean(struct text *, const char *, size_t, struct buf *);
int		 text_nfc(struct text *, const char *, size_t, struct buf *);
int		 text_fold_compat(struct text *, const char *, size_t,
		    struct buf *);
int		 text_fold_width(struct text *, const char *, size_t, int,
		    struct buf *);
int		 text_punct_map(struct text *, const char *, size_t,
		    unsigned int, struct buf *);
int		 text_ascii_fold(struct text *, const char *, size_t,
		    struct buf *);
int		 text_lower(struct text *, const char *, size_t, struct buf *);
int		 text_spell_numbers(struct text *, const char *, size_t,
		    struct buf *);

/* Finders: fill spans (appending) and return how many were found. */
size_t		 text_find_uris(struct text *, const char *, size_t,
		    struct text_spans *);
size_t		 text_sentences(struct text *, const char *, size_t,
		    struct text_spans *);
size_t		 text_sentences_icu(struct text *, const char *, size_t,
		    struct text_spans *);
const struct text_spans *text_sentence_uris(const struct text *);
const struct text_spans *text_spell_left(const struct text *);
size_t		 text_words(struct text *, const char *, size_t,
		    struct text_spans *);
int		 text_repeat(struct text *, const char *, size_t, unsigned int,
		    struct text_repeat *);

int		 text_fold_key(const char *, struct buf *);
void		 text_spans_add(struct text_spans *, size_t, size_t);
void		 text_spans_release(struct text_spans *);

/* Case of one code point (simple mappings, no context). */
enum text_case {
	TEXT_CASE_FOLD,
	TEXT_CASE_LOWER,
	TEXT_CASE_UPPER,
	TEXT_CASE_TITLE
};
int32_t		 text_cp_case(int32_t, enum text_case);

/*
 * Spelled-out numbers read back as digits ("forty two" -> "42"), for one
 * locale; a struct text_num owns its ICU objects, tables and memo, and is
 * not thread-safe.
 */
struct text_num;
struct text_num	*text_num_open(const char *, struct diag *);
void		 text_num_close(struct text_num *);
int		 text_num_line(struct text_num *, const char *, size_t,
		    struct buf *);

/*
 * The steps of text_num_line() for a caller that has split the line
 * into words itself.  text_num_word() tells whether a word (n bytes, no
 * blank) may be one of a number.  text_num_read_words() reads the
 * number that starts a run of such words of s, each from s + a[i] to
 * s + b[i] (only blanks between them; the run is as long as they go on,
 * up to TEXT_NUM_WORDS): appends its digits to out and returns the bytes
 * of s it covers, or returns 0 and appends nothing.
 */
#define TEXT_NUM_WORDS	12	/* words of one number, at most */

int		 text_num_word(struct text_num *, const char *, size_t);
size_t		 text_num_read_words(struct text_num *, const char *,
		    const size_t *, const size_t *, size_t, struct buf *);

#endif
