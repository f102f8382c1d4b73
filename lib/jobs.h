/*
 * A small thread pool over numbered work items, with results handed back
 * in input order on the calling thread.  Each worker has a state of its
 * own: init(ctx) makes it on the calling thread before the workers start
 * (so it may report into ctx; NULL means it failed), work(i, state, ctx)
 * runs on the worker's thread with that worker's state and returns a
 * result (the caller's thread is one of the workers, so done() and
 * work() may follow each other there), and fini(state, ctx) frees each
 * state init made, once the workers have ended.  done(i, result, ctx)
 * runs on the caller's thread, for i = 0, 1, 2 ... in order, and owns
 * the result; with a release(result, ctx), done() only uses the result
 * and release() frees it afterwards, on the thread that made it.  Memory
 * a worker allocated and another thread frees makes glibc's malloc take
 * the worker's arena lock, and the two threads sleep on it.  Without
 * init, the state is NULL.  jobs_run() runs n items on a pool of its
 * own; jobs_start(), jobs_feed() and jobs_end() keep one pool, and so
 * its workers' states, over several rounds of items; jobs_begin(),
 * jobs_push() and jobs_wait() make a round of items that come one at a
 * time, as input is read.
 */
#ifndef VOX_JOBS_H
#define VOX_JOBS_H

#include <stddef.h>

struct jobs_spec {
	size_t		  n;		/* items, for jobs_run() */
	unsigned int	  threads;	/* 1: run inline */
	void		*(*init)(void *);			/* or NULL */
	void		 (*fini)(void *, void *);		/* or NULL */
	void		*(*work)(size_t, void *, void *);
	void		 (*done)(size_t, void *, void *);
	void		 *ctx;
	void		 (*release)(void *, void *);		/* or NULL */
};

struct jobs;

int		 jobs_run(const struct jobs_spec *);
struct jobs	*jobs_start(const struct jobs_spec *);
void		 jobs_feed(struct jobs *, size_t);
void		 jobs_begin(struct jobs *);
void		 jobs_push(struct jobs *);
void		 jobs_wait(struct jobs *, size_t);
void		 jobs_end(struct jobs *);

#endif
