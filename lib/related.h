/*
 * Related text (the Language kind): the normalization pipeline of
 * research/icu-notes.md section 8 as a library.  A struct related_norm
 * belongs to one thread and owns its struct text and work buffers; it
 * turns a block of input lines into output lines plus findings (one
 * per change or drop, with line and column) and counters.  related_run()
 * streams whole files through it, in parallel blocks written in input
 * order; the caller owns the options and the diagnostics sink.
 */
#ifndef VOX_RELATED_H
#define VOX_RELATED_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "buf.h"
#include "diag.h"
#include "profile.h"

/* A line longer than this is dropped (TEXT-LONG), never buffered. */
#define RELATED_LINE_MAX	(1UL << 20)

struct related_opts {
	const struct locale	*loc;
	const struct tiered	*limit;		/* profile text-bytes */
	enum tier		 tier;
	unsigned long		 repeat_max;	/* profile repeat-max */
	unsigned long		 split_lines;	/* 0: one output file */
	size_t			 line_max;	/* RELATED_LINE_MAX */
	unsigned int		 jobs;
	int			 check;		/* report only */
	int			 record;	/* every change as a finding */
	int			 dedupe;
	int			 lowercase;
	int			 nosplit;	/* keep input lines */
	int			 spell;		/* --spell-numbers */
	const char		*output;	/* NULL: stdout */
};

/* What the pipeline changed or dropped, counted for the summary. */
enum related_count {
	RC_BOM,			/* changes */
	RC_EOL,
	RC_CLEAN,
	RC_CTRL,
	RC_NFC,
	RC_WIDTH,
	RC_PUNCT,
	RC_SPLIT,
	RC_SPELL,
	RC_LOWER,
	RC_ASCII,
	RC_SPACE,
	RC_D_ENC,		/* drops */
	RC_D_LONG,
	RC_D_MARKS,
	RC_D_URI,
	RC_D_REPEAT,
	RC_D_CHARSET,
	RC_D_EMPTY,
	RC_D_DUP,
	RC_N
};
#define RC_FIRST_DROP	RC_D_ENC

struct related_stats {
	uint64_t	lines_in;
	uint64_t	lines_out;
	uint64_t	bytes_in;
	uint64_t	bytes_out;
	uint64_t	count[RC_N];
	size_t		shards;		/* -o with --split-lines: files made */
};

/* Input lines, as read: bytes without the newline. */
struct related_block {
	struct buf	 text;		/* lines, back to back */
	size_t		*off;		/* n + 1 offsets into text */
	unsigned char	*longl;		/* 1: the line was cut (TEXT-LONG) */
	size_t		 n;
	size_t		 cap;
	unsigned long	 first;		/* line number of line 0 */
};

/* Output lines, each ending in '\n', and the input line of each. */
struct related_result {
	struct buf		 out;
	unsigned long		*line;
	size_t			 n;
	size_t			 cap;
	struct diag		 d;
	struct related_stats	 st;
};

struct related_norm;

void		 related_opts_init(struct related_opts *,
		    const struct profile *, const struct locale *);
struct related_norm *related_norm_new(const struct related_opts *,
		    const char *, struct diag *);
void		 related_norm_free(struct related_norm *);
void		 related_norm_block(struct related_norm *,
		    const struct related_block *, struct related_result *);
void		 related_block_release(struct related_block *);
void		 related_result_release(struct related_result *);

int		 related_check_mem(const struct related_opts *,
		    struct related_norm *, const char *, size_t, const char *,
		    struct buf *, struct related_stats *, struct diag *);
int		 related_run(const struct related_opts *, char *const *,
		    size_t, struct diag_out *, struct related_stats *);
void		 related_summary(const struct related_stats *, struct buf *);
char		*related_shard_name(const char *, size_t);

#endif
