/*
 * Alignment of a hypothesis with a reference: minimum-cost edit scripts
 * under NIST sclite's weights or unit (Levenshtein) costs, with sclite's
 * alternates in the reference.  Tokens are integer ids (wer.c interns
 * words); a few ids are markup.  A struct align owns its work memory and
 * the last alignment's operations; align_ops() lends them until the next
 * align_run() or align_free().
 *
 * Ties: among alignments of equal cost the one traced back from the end
 * is taken, each cell preferring a match or substitution, then an
 * insertion, then a deletion when strictly cheaper than the insertion;
 * where alternatives or their ends tie, the first one written wins.
 * These are sclite's choices, so ALIGN_SCLITE counts equal sclite's.
 *
 * Memory is linear in the lengths: blocks of at most align_block cells
 * keep back pointers (one byte a cell); longer utterances are split in
 * halves, recomputing forward rows (time O(nm log), same alignment).
 */
#ifndef VOX_ALIGN_H
#define VOX_ALIGN_H

#include <stddef.h>
#include <stdint.h>

/* Markup ids: sclite's empty word "@", and "{", "/", "}" of a group. */
#define ALIGN_NULL	0u
#define ALIGN_OPEN	1u
#define ALIGN_OR	2u
#define ALIGN_CLOSE	3u
#define ALIGN_WORD	4u	/* the first id of a word */

/* Alternatives in one group, at most. */
#define ALIGN_ALTS_MAX	64

/* Default cells of one block of back pointers (bytes). */
#define ALIGN_BLOCK	(4u << 20)

enum align_costs {
	ALIGN_SCLITE,		/* correct 0, insertion 3, deletion 3, sub 4 */
	ALIGN_UNIT		/* correct 0, insertion, deletion, sub 1 */
};

enum align_kind {
	ALIGN_C,		/* correct */
	ALIGN_S,		/* substitution */
	ALIGN_D,		/* deletion: a reference word is missing */
	ALIGN_I			/* insertion: an extra hypothesis word */
};

#define ALIGN_NONE	SIZE_MAX

/* One step of an alignment, in order; indexes into the two id arrays. */
struct align_op {
	enum align_kind	 kind;
	size_t		 ref;	/* ALIGN_NONE for an insertion */
	size_t		 hyp;	/* ALIGN_NONE for a deletion */
};

/* N, the reference words, is corr + sub + del. */
struct align_counts {
	size_t	corr;
	size_t	sub;
	size_t	del;
	size_t	ins;
};

struct align;

struct align	*align_new(enum align_costs);
void		 align_free(struct align *);
void		 align_set_block(struct align *, size_t);
int		 align_run(struct align *, const uint32_t *, size_t,
		    const uint32_t *, size_t, struct align_counts *);
const struct align_op *align_ops(const struct align *, size_t *);
int64_t		 align_cost(const struct align *);
int		 align_costs_parse(const char *, enum align_costs *);
const char	*align_costs_name(enum align_costs);

#endif
