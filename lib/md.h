/*
 * Structured text (the LanguageMarkdown kind): "@ list NAME =" lists of
 * "- item" lines, one "@ speech:phoneticlexicon" block of "- word/phones"
 * lines, "#Section" headers over "- sentence" lines that may refer to
 * lists as {@NAME}, and "//" comments.  md_parse() reads memory and
 * builds a model with the line and column of everything; the model
 * borrows the buffer it was given (keep it until md_free()) and owns its
 * arrays.  Findings go to the caller's struct diag; md_fix() and
 * md_expand() append to the caller's struct buf.  md_detect() tells the
 * two markdown kinds apart by content, and md_check_file() checks the
 * file-level rules of both (size, extension, BOM, locale), for vox-md
 * and vox-lint alike.
 */
#ifndef VOX_MD_H
#define VOX_MD_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "diag.h"
#include "profile.h"

/* Read this much of a file at most: past every limit, to measure. */
#define MD_READ_MAX	(1600UL << 20)

/* "No such thing": a sentence before any section, an undeclared list. */
#define MD_NONE		((size_t)-1)

/* --expand: at most this many sentences. */
#define MD_EXPAND_MAX	1000000

struct md_opts {
	const struct profile	*prof;		/* limits; NULL: the spec's */
	const struct locale	*loc;		/* NULL: no locale rules */
	int			 text;		/* vox-text's checks too */
	unsigned int		 jobs;		/* threads for those; 0: 1 */
};

/* A stretch of the buffer and where it starts (column: code points). */
struct md_text {
	size_t		off;
	size_t		len;
	unsigned long	line;
	unsigned long	col;
};

struct md_list {
	struct md_text	name;		/* its line is the "@ list" line */
	size_t		first;		/* items[first .. first + n) */
	size_t		n;
	size_t		same;		/* first list of this name, or self */
	size_t		refs;		/* {@NAME} in sentences, on the first */
	int		bad;		/* a broken header (MD-LIST-DECL) */
};

struct md_item {
	struct md_text	text;
	size_t		list;
	size_t		dup;		/* the same item before, or MD_NONE */
};

struct md_lex {
	struct md_text	word;
	struct md_text	phones;
};

struct md_section {
	struct md_text	name;
	size_t		first;		/* sents[first .. first + n) */
	size_t		n;
};

struct md_ref {
	struct md_text	span;		/* "{@NAME}" */
	struct md_text	name;
	size_t		list;		/* first list of the name, or MD_NONE */
};

struct md_sent {
	struct md_text	text;
	size_t		section;	/* or MD_NONE: before any section */
	size_t		ref;		/* refs[ref .. ref + nref) */
	size_t		nref;
};

struct md {
	const char		*buf;		/* borrowed */
	size_t			 len;
	int			 bom;
	int			 binary;	/* UTF-16 or NULs: not parsed */
	unsigned long		 lines;
	struct md_list		*lists;
	size_t			 nlists;
	struct md_item		*items;
	size_t			 nitems;
	struct md_lex		*lex;
	size_t			 nlex;
	struct md_section	*sections;
	size_t			 nsections;
	struct md_sent		*sents;
	size_t			 nsents;
	struct md_ref		*refs;
	size_t			 nrefs;
	struct md_text		*comments;
	size_t			 ncomments;
};

/* What md_fix() changed, counted for its summary. */
enum md_fix_count {
	MF_BOM,
	MF_EOL,
	MF_TRAIL,
	MF_DASH,
	MF_HEADER,
	MF_INDENT,
	MF_DUP,
	MF_N
};

struct md_fix_stats {
	size_t	count[MF_N];
};

unsigned int	 md_detect(const char *, size_t);
void		 md_check_file(unsigned int, const char *, const char *,
		    size_t, int, const struct profile *, const struct locale *,
		    struct diag *);
struct md	*md_parse(const char *, size_t, const char *,
		    const struct md_opts *, struct diag *);
void		 md_free(struct md *);
void		 md_fix(const struct md *, struct buf *, struct md_fix_stats *);
void		 md_fix_display(const char *, size_t, struct buf *,
		    struct md_fix_stats *);
void		 md_fix_summary(const struct md_fix_stats *, struct buf *);
uint64_t	 md_expand(const struct md *, uint64_t, struct buf *,
		    uint64_t *);

#endif
