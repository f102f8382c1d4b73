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
 * go, and is a worker itself while the next one is not: threads - 1
 * threads are started, so that on a machine of that many cores no
 * thread sits waiting while the others are short of a core.  Between
 * rounds the workers wait for the next one, keeping their states.  With
 * a release(), each result handed back goes on the list of the worker
 * that made it, which releases it before its next batch.
 */
#define BATCH_MAX 64
#define BATCH_SHARE 8		/* a batch is 1/(threads * 8) of the rest */
#define WINDOW_PER_THREAD 4	/* batches */

struct worker {
	struct jobs	*j;
	void		*state;
	void		**gone;		/* results to release: under the lock */
	size_t		 ngone;
	size_t		 gonecap;
};

struct jobs {
	struct jobs_spec	 spec;
	struct worker		*w;		/* nw of them */
	unsigned int		 nw;
	pthread_t		*tid;
	unsigned int		 started;	/* 0: work inline */
	pthread_mutex_t		 mu;
	pthread_cond_t		 ready;		/* a result arrived */
	pthread_cond_t		 room;		/* the window moved */
	size_t			 n;		/* items of this round */
	size_t			 next;		/* next index to start */
	size_t			 flushed;	/* results handed back */
	size_t			 window;	/* 0: no pool was set up */
	size_t			 share;		/* threads * BATCH_SHARE */
	void			**slot;		/* by index % window */
	unsigned int		*by;		/* the worker that made it */
	unsigned char		*have;
	void			**got;
	unsigned int		*gotby;
	int			 waiting;	/* the caller waits on ready */
	int			 stop;
};

/* How many items to take from j->next: under the lock. */
static size_t
batch_size(const struct jobs *j)
{
	size_t k = (j->n - j->next) / j->share;
	size_t room = j->flushed + j->window - j->next;

	if (k > BATCH_MAX)
		k = BATCH_MAX;
	if (k > room)
		k = room;
	return k > 0 ? k : 1;
}

/* Whether a batch may be taken now: under the lock. */
static int
can_take(const struct jobs *j)
{
	return j->next < j->n && j->next < j->flushed + j->window;
}

/* Take a batch and run it with w's state: called and returns locked. */
static void
run_batch(struct jobs *j, struct worker *w)
{
	void *res[BATCH_MAX];
	size_t i = j->next, k = batch_size(j), m;

	j->next += k;
	pthread_mutex_unlock(&j->mu);
	for (m = 0; m < k; m++)
		res[m] = j->spec.work(i + m, w->state, j->spec.ctx);
	pthread_mutex_lock(&j->mu);
	for (m = 0; m < k; m++) {
		j->slot[(i + m) % j->window] = res[m];
		j->by[(i + m) % j->window] = (unsigned int)(w - j->w);
		j->have[(i + m) % j->window] = 1;
	}
	if (j->waiting)
		pthread_cond_signal(&j->ready);
}

/* Release what w made and done() has seen: called and returns locked. */
static void
release_gone(struct jobs *j, struct worker *w)
{
	void *v[BATCH_MAX];
	size_t k, m;

	while (w->ngone > 0) {
		k = w->ngone < BATCH_MAX ? w->ngone : BATCH_MAX;
		w->ngone -= k;
		memcpy(v, w->gone + w->ngone, k * sizeof(*v));
		pthread_mutex_unlock(&j->mu);
		for (m = 0; m < k; m++)
			j->spec.release(v[m], j->spec.ctx);
		pthread_mutex_lock(&j->mu);
	}
}

static void *
worker(void *arg)
{
	struct worker *w = arg;
	struct jobs *j = w->j;

	pthread_mutex_lock(&j->mu);
	for (;;) {
		while (!j->stop && !can_take(j) && w->ngone == 0)
			pthread_cond_wait(&j->room, &j->mu);
		if (w->ngone > 0) {
			release_gone(j, w);
			continue;
		}
		if (j->stop)
			break;
		run_batch(j, w);
	}
	pthread_mutex_unlock(&j->mu);
	return NULL;
}

/*
 * A pool of spec->threads workers, each with the state init made.
 * Returns NULL if an init failed (after fini of those made before).
 * Threads that cannot be started are done without: with none at all,
 * the work runs on the caller's thread rather than fail.
 */
struct jobs *
jobs_start(const struct jobs_spec *spec)
{
	struct jobs *j = xcalloc(1, sizeof(*j));
	unsigned int t, nt = spec->threads ? spec->threads : 1;

	j->spec = *spec;
	j->w = xcalloc(nt, sizeof(*j->w));
	for (; j->nw < nt; j->nw++) {
		j->w[j->nw].j = j;
		if (spec->init != NULL &&
		    (j->w[j->nw].state = spec->init(spec->ctx)) == NULL) {
			jobs_end(j);
			return NULL;
		}
	}
	if (nt == 1)
		return j;
	j->share = (size_t)nt * BATCH_SHARE;
	j->window = (size_t)nt * WINDOW_PER_THREAD * BATCH_MAX;
	j->slot = xcalloc(j->window, sizeof(*j->slot));
	j->by = xcalloc(j->window, sizeof(*j->by));
	j->have = xcalloc(j->window, 1);
	j->got = xcalloc(j->window, sizeof(*j->got));
	j->gotby = xcalloc(j->window, sizeof(*j->gotby));
	j->tid = xcalloc(nt, sizeof(*j->tid));
	pthread_mutex_init(&j->mu, NULL);
	pthread_cond_init(&j->ready, NULL);
	pthread_cond_init(&j->room, NULL);
	/* The caller is the first worker: nt - 1 threads more. */
	for (t = 1; t < nt; t++) {
		if (pthread_create(&j->tid[t - 1], NULL, worker, &j->w[t]) !=
		    0)
			break;
		j->started++;
	}
	return j;
}

/* Give res back to worker t, to release: called locked. */
static void
give_back(struct jobs *j, unsigned int t, void *res)
{
	struct worker *w = &j->w[t];

	if (w->ngone == w->gonecap) {
		w->gonecap = w->gonecap ? w->gonecap * 2 : BATCH_MAX;
		w->gone = xreallocarray(w->gone, w->gonecap, sizeof(*w->gone));
	}
	w->gone[w->ngone++] = res;
}

/*
 * Hand back the results ready from j->flushed on, in order: called and
 * returns locked, unlocked meanwhile for done().  Returns how many.
 * What the caller's thread made it releases itself, the rest goes back
 * to the workers that made it.
 */
static size_t
hand_back(struct jobs *j)
{
	size_t i = j->flushed, k, m;
	int others = 0;

	for (k = i; k < j->n && j->have[k % j->window]; k++) {
		j->got[k - i] = j->slot[k % j->window];
		j->gotby[k - i] = j->by[k % j->window];
		j->have[k % j->window] = 0;
	}
	if (k == i)
		return 0;
	j->flushed = k;
	pthread_cond_broadcast(&j->room);
	pthread_mutex_unlock(&j->mu);
	for (m = i; m < k; m++) {
		j->spec.done(m, j->got[m - i], j->spec.ctx);
		if (j->spec.release == NULL)
			continue;
		if (j->gotby[m - i] == 0)
			j->spec.release(j->got[m - i], j->spec.ctx);
		else
			others = 1;
	}
	pthread_mutex_lock(&j->mu);
	if (others) {
		for (m = i; m < k; m++)
			if (j->gotby[m - i] != 0)
				give_back(j, j->gotby[m - i], j->got[m - i]);
		pthread_cond_broadcast(&j->room);
	}
	return k - i;
}

/*
 * Until done() has seen items 0 to upto - 1: hand back what is ready,
 * and rather than wait for the next result, work: with one thread a
 * core, no thread only waits and none preempts the workers to hand
 * results back.  Called and returns locked.
 */
static void
wait_locked(struct jobs *j, size_t upto)
{
	while (j->flushed < upto) {
		if (hand_back(j) > 0)
			continue;
		if (can_take(j)) {
			run_batch(j, &j->w[0]);
			continue;
		}
		j->waiting = 1;
		pthread_cond_wait(&j->ready, &j->mu);
		j->waiting = 0;
	}
}

/* Item i on the caller's thread, with no pool: work, done, release. */
static void
done_inline(struct jobs *j, size_t i)
{
	void *res = j->spec.work(i, j->w[0].state, j->spec.ctx);

	j->spec.done(i, res, j->spec.ctx);
	if (j->spec.release != NULL)
		j->spec.release(res, j->spec.ctx);
}

/* Run items 0 to n - 1: done() has seen every one when this returns. */
void
jobs_feed(struct jobs *j, size_t n)
{
	size_t i;

	if (j->started == 0) {
		for (i = 0; i < n; i++)
			done_inline(j, i);
		return;
	}
	pthread_mutex_lock(&j->mu);
	j->n = n;
	j->next = j->flushed = 0;
	pthread_cond_broadcast(&j->room);
	wait_locked(j, n);
	pthread_mutex_unlock(&j->mu);
}

/*
 * A round whose items come one at a time, for input read as it goes:
 * jobs_begin() starts it, jobs_push() adds item 0, 1, 2 ... (the
 * workers may take it at once) and hands back what is ready without
 * waiting, jobs_wait(j, m) returns once done() has seen items 0 to
 * m - 1, so that the caller may reuse what item m - 1 used.  No round
 * of jobs_feed() waits for its slowest item before the next can start.
 */
void
jobs_begin(struct jobs *j)
{
	if (j->started > 0)
		pthread_mutex_lock(&j->mu);
	j->n = j->next = j->flushed = 0;
	if (j->started > 0)
		pthread_mutex_unlock(&j->mu);
}

void
jobs_push(struct jobs *j)
{
	size_t i;

	if (j->started == 0) {
		i = j->n++;
		done_inline(j, i);
		j->flushed = j->n;
		return;
	}
	pthread_mutex_lock(&j->mu);
	j->n++;
	pthread_cond_signal(&j->room);
	while (hand_back(j) > 0)
		;
	pthread_mutex_unlock(&j->mu);
}

void
jobs_wait(struct jobs *j, size_t upto)
{
	if (j->started == 0)
		return;
	pthread_mutex_lock(&j->mu);
	wait_locked(j, upto < j->n ? upto : j->n);
	pthread_mutex_unlock(&j->mu);
}

/* Stop the workers, then fini each state init made. */
void
jobs_end(struct jobs *j)
{
	unsigned int t;

	if (j == NULL)
		return;
	if (j->started > 0) {
		pthread_mutex_lock(&j->mu);
		j->stop = 1;
		pthread_cond_broadcast(&j->room);
		pthread_mutex_unlock(&j->mu);
		for (t = 0; t < j->started; t++)
			pthread_join(j->tid[t], NULL);
	}
	/* The workers released theirs before they ended: none is left. */
	for (t = 0; t < j->nw; t++)
		free(j->w[t].gone);
	if (j->window > 0) {
		pthread_cond_destroy(&j->room);
		pthread_cond_destroy(&j->ready);
		pthread_mutex_destroy(&j->mu);
	}
	if (j->spec.init != NULL && j->spec.fini != NULL)
		for (t = 0; t < j->nw; t++)
			j->spec.fini(j->w[t].state, j->spec.ctx);
	free(j->tid);
	free(j->slot);
	free(j->by);
	free(j->have);
	free(j->got);
	free(j->gotby);
	free(j->w);
	free(j);
}

/*
 * Run spec->n items on a pool of its own, of no more threads than items.
 * Returns 0, or -1 if an init failed: then no item ran.
 */
int
jobs_run(const struct jobs_spec *spec)
{
	struct jobs_spec one = *spec;
	struct jobs *j;

	if (spec->n == 0)
		return 0;
	if (one.threads == 0 || one.threads > spec->n)
		one.threads = spec->threads == 0 ? 1 : (unsigned int)spec->n;
	if ((j = jobs_start(&one)) == NULL)
		return -1;
	jobs_feed(j, spec->n);
	jobs_end(j);
	return 0;
}
