#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "jobs.h"
#include "xalloc.h"

/*
 * Workers take the next index under the lock, but never run further
 * than WINDOW items ahead of the oldest result not yet handed back, so
 * memory stays bounded however slow one item is.
 */
#define WINDOW_PER_THREAD 4

struct pool {
	const struct jobs_spec	*spec;
	pthread_mutex_t		 mu;
	pthread_cond_t		 ready;		/* a result arrived */
	pthread_cond_t		 room;		/* the window moved */
	size_t			 next;		/* next index to start */
	size_t			 flushed;	/* results handed back */
	size_t			 window;
	void			**slot;		/* by index % window */
	unsigned char		*have;
	int			 stop;
};

static void *
worker(void *arg)
{
	struct pool *p = arg;
	size_t i;
	void *res;

	for (;;) {
		pthread_mutex_lock(&p->mu);
		while (!p->stop && p->next < p->spec->n &&
		    p->next >= p->flushed + p->window)
			pthread_cond_wait(&p->room, &p->mu);
		if (p->stop || p->next >= p->spec->n) {
			pthread_mutex_unlock(&p->mu);
			return NULL;
		}
		i = p->next++;
		pthread_mutex_unlock(&p->mu);
		res = p->spec->work(i, p->spec->ctx);
		pthread_mutex_lock(&p->mu);
		p->slot[i % p->window] = res;
		p->have[i % p->window] = 1;
		pthread_cond_signal(&p->ready);
		pthread_mutex_unlock(&p->mu);
	}
}

/* Returns 0, or -1 with errno when threads could not be started. */
int
jobs_run(const struct jobs_spec *spec)
{
	struct pool p;
	pthread_t *tid;
	unsigned int t, nt = spec->threads ? spec->threads : 1, started = 0;
	size_t i;
	void *res;
	int e = 0;

	if (nt > spec->n)
		nt = spec->n ? (unsigned int)spec->n : 1;
	if (nt == 1) {
		for (i = 0; i < spec->n; i++)
			spec->done(i, spec->work(i, spec->ctx), spec->ctx);
		return 0;
	}
	memset(&p, 0, sizeof(p));
	p.spec = spec;
	p.window = (size_t)nt * WINDOW_PER_THREAD;
	p.slot = xcalloc(p.window, sizeof(*p.slot));
	p.have = xcalloc(p.window, 1);
	pthread_mutex_init(&p.mu, NULL);
	pthread_cond_init(&p.ready, NULL);
	pthread_cond_init(&p.room, NULL);
	tid = xcalloc(nt, sizeof(*tid));
	for (t = 0; t < nt; t++) {
		if ((e = pthread_create(&tid[t], NULL, worker, &p)) != 0)
			break;
		started++;
	}
	if (started == 0) {
		/* No thread at all: do the work here rather than fail. */
		for (i = 0; i < spec->n; i++)
			spec->done(i, spec->work(i, spec->ctx), spec->ctx);
		e = 0;
	} else {
		for (i = 0; i < spec->n; i++) {
			pthread_mutex_lock(&p.mu);
			while (!p.have[i % p.window])
				pthread_cond_wait(&p.ready, &p.mu);
			res = p.slot[i % p.window];
			p.have[i % p.window] = 0;
			p.flushed = i + 1;
			pthread_cond_broadcast(&p.room);
			pthread_mutex_unlock(&p.mu);
			spec->done(i, res, spec->ctx);
		}
	}
	pthread_mutex_lock(&p.mu);
	p.stop = 1;
	pthread_cond_broadcast(&p.room);
	pthread_mutex_unlock(&p.mu);
	for (t = 0; t < started; t++)
		pthread_join(tid[t], NULL);
	pthread_cond_destroy(&p.room);
	pthread_cond_destroy(&p.ready);
	pthread_mutex_destroy(&p.mu);
	free(tid);
	free(p.slot);
	free(p.have);
	if (e != 0 && started == 0) {
		errno = e;
		return -1;
	}
	return 0;
}
