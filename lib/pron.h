/*
 * Pronunciation files (the Pronunciation kind): "display<TAB>spoken"
 * lines.  The checker and normalizer read memory (buf, len, name) so
 * tests and fuzzers can feed them; the normalized file, with its BOM,
 * is appended to the caller's struct buf and findings go to the
 * caller's struct diag.  pron_from_pls() turns a W3C PLS lexicon into
 * such a file first.  Nothing here keeps state between calls.
 */
#ifndef VOX_PRON_H
#define VOX_PRON_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "diag.h"
#include "profile.h"
#include "text.h"

/* Bigger than any pronunciation file: the limit is 1 MB. */
#define PRON_READ_MAX	(64UL << 20)

struct pron_opts {
	const struct locale	*loc;
	const struct tiered	*limit;		/* profile pron-bytes */
	enum tier		 tier;
	int			 check;		/* report every change */
};

/* Changes and drops, counted for the summary. */
enum pron_count {
	PC_BOM,
	PC_ANSI,
	PC_EOL,
	PC_DISPLAY,
	PC_LOWER,
	PC_DIGITS,
	PC_PUNCT,
	PC_ASCII,
	PC_SPACE,
	PC_D_FORMAT,
	PC_D_ENC,
	PC_D_DUP,
	PC_N
};
#define PC_FIRST_DROP	PC_D_FORMAT

struct pron_stats {
	uint64_t	lines_in;
	uint64_t	lines_out;
	uint64_t	count[PC_N];
};

void	pron_opts_init(struct pron_opts *, const struct profile *,
	    const struct locale *);
int	pron_check(const struct pron_opts *, struct text *, const char *,
	    size_t, const char *, const unsigned long *, struct buf *,
	    struct pron_stats *, struct diag *);
int	pron_from_pls(const char *, size_t, const char *, struct buf *,
	    unsigned long **, struct diag *);
int	pron_run(const struct pron_opts *, const char *, const char *,
	    const char *, struct diag_out *, struct pron_stats *);
int	pron_common(const char *, size_t);
void	pron_summary(const struct pron_stats *, struct buf *);

#endif
