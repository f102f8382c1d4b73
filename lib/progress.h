/*
 * One progress line on stderr, redrawn in place: done/total, rate, ETA.
 * Draws nothing unless enabled (by default: when stderr is a terminal).
 * The amount done is counted in a unit: whole items ("3/10 files"),
 * bytes, or seconds of audio, so that one long recording moves the line
 * as it is read rather than jumping from 0/1 to 1/1.  progress_add()
 * may be called from any thread (a worker reading a long file);
 * progress_end() releases what progress_begin() took.
 */
#ifndef VOX_PROGRESS_H
#define VOX_PROGRESS_H

#include <pthread.h>
#include <stddef.h>

enum progress_unit {
	PROGRESS_COUNT,		/* items, named by the unit string */
	PROGRESS_BYTES,		/* shown in MB */
	PROGRESS_SECONDS	/* seconds of audio, with the realtime factor */
};

struct progress {
	int			 on;
	enum progress_unit	 kind;
	double			 total;
	double			 done;
	double			 start;
	double			 last;
	const char		*unit;
	pthread_mutex_t		 mu;
};

/*
 * One item's share of the amount, reported as the item is read: a
 * worker calls progress_part() with the fraction done so far, the
 * caller then progress_part_end() with what is left.  A NULL progress
 * or a zero amount reports nothing.
 */
struct progress_part {
	struct progress	*p;
	double		 amount;
	double		 added;
};

void	progress_begin(struct progress *, int, size_t, const char *);
void	progress_begin_unit(struct progress *, int, double,
	    enum progress_unit);
void	progress_step(struct progress *, size_t);
void	progress_add(struct progress *, double);
void	progress_end(struct progress *);
void	progress_part_init(struct progress_part *, struct progress *, double);
void	progress_part(struct progress_part *, double);
void	progress_part_end(struct progress_part *);
int	progress_format(const struct progress *, double, char *, size_t);
double	progress_bytes(char *const *, size_t);
int	progress_wanted(int);

#endif
