/*
 * One progress line on stderr, redrawn in place: done/total, rate, ETA.
 * Draws nothing unless enabled (by default: when stderr is a terminal).
 */
#ifndef VOX_PROGRESS_H
#define VOX_PROGRESS_H

#include <stddef.h>

struct progress {
	int		on;
	size_t		total;
	size_t		done;
	double		start;
	double		last;
	const char	*unit;
};

void	progress_begin(struct progress *, int, size_t, const char *);
void	progress_step(struct progress *, size_t);
void	progress_end(struct progress *);

#endif
