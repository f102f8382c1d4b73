/*
 * Transcripts of acoustic datasets: "name<TAB>text" lines.  The checks
 * read memory (buf, len, name) so tests and fuzzers can feed them; the
 * fixer appends the repaired transcript to a caller's struct buf.  A
 * struct trans owns the names it records; trans_release() frees them.
 */
#ifndef VOX_TRANS_H
#define VOX_TRANS_H

#include <stddef.h>

#include "buf.h"
#include "dataset.h"
#include "diag.h"
#include "profile.h"
#include "strset.h"
#include "text.h"

struct trans_opts {
	const struct locale	*loc;
	unsigned long		 repeat_max;	/* profile repeat-max */
	int			 fix;		/* write the repaired text */
	int			 eol_lf;	/* --eol lf */
	int			 spell;		/* --spell-numbers */
};

/* Kinds of repair, counted for the summary. */
enum trans_fix {
	FIX_BOM,
	FIX_EOL,
	FIX_BLANK,
	FIX_SEP,
	FIX_NAME,
	FIX_TAB,
	FIX_NFC,
	FIX_SPACE,
	FIX_QUOTE,
	FIX_SPELL,
	FIX_ASCII,
	FIX_WIDE,
	FIX_TRIM,
	FIX_N
};

/* One transcript line with a well-formed name, for pairing. */
struct trans_entry {
	char		*name;
	unsigned long	 line;
	size_t		 chars;		/* letters and digits */
	size_t		 words;
	int		 cjk;
};

struct trans {
	struct trans_entry	*v;
	size_t			 n;
	size_t			 cap;
	struct strset		 names;		/* of v, in the same order */
	size_t			 fixes[FIX_N];
};
#define TRANS_INIT { NULL, 0, 0, STRSET_INIT, { 0 } }

int	trans_check(struct trans *, struct text *, const struct trans_opts *,
	    const char *, size_t, const struct loc *, struct buf *,
	    struct diag *);
int	trans_pair(struct trans *, struct dataset *, const double *,
	    const struct loc *, struct diag *);
const struct dataset_entry *trans_find(const struct dataset *, struct diag *);
int	trans_run(const struct trans_opts *, const char *, const char *,
	    struct buf *, struct trans *, struct diag *);
void	trans_summary(const struct trans *, struct buf *);
void	trans_release(struct trans *);

#endif
