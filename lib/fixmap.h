/*
 * Where a repaired markdown file comes from, line by line: so that a
 * finding about the repair (what vox-md --fix writes, what vox-prepare
 * uploads) names the user's own line and column.  A struct fixmap owns
 * its arrays (fixmap_release() frees them); the buffers given to
 * fixmap_build() are not kept, and fixmap_msg() returns a string the
 * caller frees.
 */
#ifndef VOX_FIXMAP_H
#define VOX_FIXMAP_H

#include <stddef.h>

#include "md.h"

/* A line of the repair whose columns moved: where each column goes. */
struct fixmap_col {
	unsigned long	line;		/* of the repair */
	unsigned long	same;		/* columns 1 .. same stay */
	unsigned long	tail;		/* from column tail on, the user's */
	unsigned long	to;		/* column is col - tail + to */
	size_t		mid;		/* in between: pair[mid .. mid + n) */
	size_t		nmid;
};

/* A column of the repair and the user's column of that character. */
struct fixmap_pair {
	unsigned long	f;
	unsigned long	r;
};

struct fixmap {
	unsigned long		*line;	/* [k]: the user's line of line k */
	size_t			 n;	/* lines of the repair + 1 */
	unsigned long		 last;	/* the user's last line */
	struct fixmap_col	*col;	/* by line */
	size_t			 ncol;
	struct fixmap_pair	*pair;	/* by line, then column */
	size_t			 npair;
	size_t			 cpair;
};
#define FIXMAP_INIT { NULL, 0, 0, NULL, 0, NULL, 0, 0 }

void	 fixmap_build(struct fixmap *, const char *, size_t, const char *,
	    size_t, const unsigned long *, size_t);
void	 fixmap_md(struct fixmap *, const struct md *, const char *,
	    size_t);
void	 fixmap_apply(const struct fixmap *, unsigned long *,
	    unsigned long *);
char	*fixmap_msg(const struct fixmap *, const char *);
void	 fixmap_release(struct fixmap *);

#endif
