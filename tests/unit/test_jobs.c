/* Unit tests: the thread pool hands results back in input order. */
#include <pthread.h>
#include <stdlib.h>
#include <time.h>

#include "jobs.h"
#include "unit.h"

struct ctx {
	size_t		next;		/* next index done() expects */
	int		order_ok;
	pthread_t	caller;
	int		thread_ok;
	size_t		sum;
};

static void *
work(size_t i, void *arg)
{
	size_t *r = malloc(sizeof(*r));
	struct timespec ts = { 0, (long)((i * 7919) % 5) * 100000L };

	(void)arg;
	nanosleep(&ts, NULL);	/* finish out of order */
	*r = i * i;
	return r;
}

static void
done(size_t i, void *res, void *arg)
{
	struct ctx *c = arg;
	size_t *r = res;

	if (i != c->next || *r != i * i)
		c->order_ok = 0;
	if (!pthread_equal(pthread_self(), c->caller))
		c->thread_ok = 0;
	c->next++;
	c->sum += *r;
	free(r);
}

static void
runwith(unsigned int threads, size_t n)
{
	struct ctx c = { 0, 1, pthread_self(), 1, 0 };
	struct jobs_spec s = { n, threads, work, done, &c };
	size_t i, want = 0;

	CHECK(jobs_run(&s) == 0);
	for (i = 0; i < n; i++)
		want += i * i;
	CHECK(c.order_ok);
	CHECK(c.thread_ok);
	CHECK(c.next == n);
	CHECK(c.sum == want);
}

static void
test_inline(void)
{
	runwith(1, 100);
}

static void
test_two(void)
{
	runwith(2, 500);
}

static void
test_many_threads_few_items(void)
{
	runwith(16, 3);
	runwith(4, 0);
}

/* Which thread ran each item, for test_batches. */
struct who {
	pthread_t	*by;
	size_t		 next;
	int		 order_ok;
};

static void *
work_who(size_t i, void *arg)
{
	struct who *w = arg;

	w->by[i] = pthread_self();
	return NULL;
}

static void
done_who(size_t i, void *res, void *arg)
{
	struct who *w = arg;

	if (i != w->next++ || res != NULL)
		w->order_ok = 0;
}

/*
 * Tiny items are handed out in batches of consecutive indexes, so one
 * thread runs long stretches of them: far fewer changes of thread than
 * items (one item at a time changes thread about every other item).
 */
static void
test_batches(void)
{
	size_t n = 20000, i, changes = 0;
	struct who w = { NULL, 0, 1 };
	struct jobs_spec s = { n, 2, work_who, done_who, &w };

	w.by = calloc(n, sizeof(*w.by));
	REQUIRE(w.by != NULL);
	CHECK(jobs_run(&s) == 0);
	CHECK(w.order_ok && w.next == n);
	for (i = 1; i < n; i++)
		if (!pthread_equal(w.by[i], w.by[i - 1]))
			changes++;
	CHECK(changes < n / 16);
	free(w.by);
}

int
main(void)
{
	RUN(test_inline);
	RUN(test_two);
	RUN(test_many_threads_few_items);
	RUN(test_batches);
	return UNIT_EXIT();
}
