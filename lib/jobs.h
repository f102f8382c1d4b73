/*
 * A small thread pool over numbered work items, with results handed back
 * in input order on the calling thread.  work(i) runs on any thread and
 * returns a result; done(i, result) runs on the caller's thread, for
 * i = 0, 1, 2 ... in order, and owns the result.
 */
#ifndef VOX_JOBS_H
#define VOX_JOBS_H

#include <stddef.h>

struct jobs_spec {
	size_t		  n;		/* items */
	unsigned int	  threads;	/* 1: run inline */
	void		*(*work)(size_t, void *);
	void		 (*done)(size_t, void *, void *);
	void		 *ctx;
};

int	jobs_run(const struct jobs_spec *);

#endif
