#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "jobs.h"
#include "xalloc.h"

/*
 * Workers take a batch of consecutive indexes under the lock, guided
 * self-scheduling: a share of what is left, 1 to BATCH_MAX items, so
 * thousands of tiny items (a WAV header each) cost one lock and one
 * wake-up per batch, not per item, while a few long items still go one
 * at a time.  A worker never runs further than the window ahead of the
 * oldest result not yet handed back, so memory stays bounded however
 * slow one item is.  The caller takes every result that is ready in one
 * go.
 */
#define BATCH_MAX 64
#define BATCH_SHARE 8		/* a batch is 1/(threads * 8) of the rest */
#define WINDOW_PER_THREAD 4	/* batches */

struct pool {
	const struct jobs_spec	*spec;
	pthread_mutex_t		 mu;
	pthread_cond_t		 ready;		/* a result arrived */
	pthread_cond_t		 room;		/* the window moved */
	size_t			 next;		/* next index to start */
	size_t			 flushed;	/* results handed back */
	size_t			 window;
	size_t			 share;		/* threads * BATCH_SHARE */
	void			**slot;		/* by index % window */
	unsigned char		*have;
	int			 waiting;	/* the caller waits on ready */
	int			 stop;
};

/* How many items to take from p->next: under the lock. */
static size_t
batch_size(const struct pool *p)
{
	size_t k = (p->spec->n - p->next) / p->share;
	size_t room = p->flushed + p->window - p->next;

	if (k > BATCH_MAX)
		k = BATCH_MAX;
	if (k > room)
		k = room;
	return k > 0 ? k : 1;
}

static void *
worker(void *arg)
{
	struct pool *p = arg;
	void *res[BATCH_MAX];
	size_t i, k, j;

	for (;;) {
		pthread_mutex_lock(&p->mu);
		while (!p->stop && p->next < p->spec->n &&
		    p->next >= p->flushed + p->window)
			pthread_cond_wait(&p->room, &p->mu);
		if (p->stop || p->next >= p->spec->n) {
			pthread_mutex_unlock(&p->mu);
			return NULL;
		}
		i = p->next;
		k = batch_size(p);
		p->next += k;
		pthread_mutex_unlock(&p->mu);
		for (j = 0; j < k; j++)
			res[j] = p->spec->work(i + j, p->spec->ctx);
		pthread_mutex_lock(&p->mu);
		for (j = 0; j < k; j++) {
			p->slot[(i + j) % p->window] = res[j];
			p->have[(i + j) % p->window] = 1;
		}
		if (p->waiting)
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
	size_t i, j, k;
	void **got;
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
	p.share = (size_t)nt * BATCH_SHARE;
	p.window = (size_t)nt * WINDOW_PER_THREAD * BATCH_MAX;
	p.slot = xcalloc(p.window, sizeof(*p.slot));
	p.have = xcalloc(p.window, 1);
	got = xcalloc(p.window, sizeof(*got));
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
		for (i = 0; i < spec->n; i = j) {
			pthread_mutex_lock(&p.mu);
			p.waiting = 1;
			while (!p.have[i % p.window])
				pthread_cond_wait(&p.ready, &p.mu);
			p.waiting = 0;
			for (j = i; j < spec->n && p.have[j % p.window]; j++) {
				got[j - i] = p.slot[j % p.window];
				p.have[j % p.window] = 0;
			}
			p.flushed = j;
			pthread_cond_broadcast(&p.room);
			pthread_mutex_unlock(&p.mu);
			for (k = i; k < j; k++)
				spec->done(k, got[k - i], spec->ctx);
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
	free(got);
	if (e != 0 && started == 0) {
		errno = e;
		return -1;
	}
	return 0;
}
