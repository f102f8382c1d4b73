/*
 * Unit tests: the thread pool hands results back in input order, and
 * each worker keeps a state of its own.
 */
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
work(size_t i, void *state, void *arg)
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
	struct jobs_spec s = { n, threads, NULL, NULL, work, done, &c, NULL };
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
work_who(size_t i, void *state, void *arg)
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
	struct jobs_spec s = { n, 2, NULL, NULL, work_who, done_who, &w, NULL };

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

/*
 * The caller works too, rather than only wait: with two threads asked,
 * some items run on the caller's thread, and all of them on two
 * threads, so no third thread competes for a core.
 */
static void
test_caller_works(void)
{
	size_t n = 4000, i, on_caller = 0, other = 0;
	struct who w = { NULL, 0, 1 };
	struct jobs_spec s = { n, 2, NULL, NULL, work_who, done_who, &w, NULL };
	pthread_t me = pthread_self(), them = me;

	w.by = calloc(n, sizeof(*w.by));
	REQUIRE(w.by != NULL);
	CHECK(jobs_run(&s) == 0);
	CHECK(w.order_ok && w.next == n);
	for (i = 0; i < n; i++) {
		if (pthread_equal(w.by[i], me)) {
			on_caller++;
			continue;
		}
		if (other++ == 0)
			them = w.by[i];
		else
			CHECK(pthread_equal(w.by[i], them));
	}
	CHECK(on_caller > 0);
	CHECK(on_caller + other == n);
	free(w.by);
}

/* A worker's state, for the tests of init and fini. */
struct state {
	pthread_t	thread;		/* the one that ran work with it */
	int		used;
	int		shared;		/* another thread used it too */
	size_t		works;
};

#define STATES_MAX 16

struct states {
	pthread_t	 caller;
	int		 fail_at;	/* init fails on this call, or -1 */
	struct state	*made[STATES_MAX];
	int		 nmade;
	int		 inits;		/* calls, failed ones too */
	struct state	 seen[STATES_MAX];	/* as fini found them */
	int		 finied[STATES_MAX];
	int		 caller_ok;	/* init and fini on the caller's */
	int		 foreign;	/* fini of a state init did not make */
	size_t		 next;		/* next index done() expects */
	int		 order_ok;
	size_t		 dones;
};

static void *
st_init(void *arg)
{
	struct states *c = arg;
	struct state *s;

	if (!pthread_equal(pthread_self(), c->caller))
		c->caller_ok = 0;
	if (c->inits++ == c->fail_at || c->nmade == STATES_MAX)
		return NULL;
	s = calloc(1, sizeof(*s));
	c->made[c->nmade++] = s;
	return s;
}

static void
st_fini(void *state, void *arg)
{
	struct states *c = arg;
	int k;

	if (!pthread_equal(pthread_self(), c->caller))
		c->caller_ok = 0;
	for (k = 0; k < c->nmade && c->made[k] != state; k++)
		;
	if (k == c->nmade) {
		c->foreign++;
		return;
	}
	c->finied[k]++;
	c->seen[k] = *c->made[k];
	free(state);
}

static void *
st_work(size_t i, void *state, void *arg)
{
	struct state *s = state;
	struct timespec ts = { 0, (long)(i % 3) * 20000L };

	(void)arg;
	if (s == NULL)
		return NULL;
	if (s->used && !pthread_equal(s->thread, pthread_self()))
		s->shared = 1;
	s->thread = pthread_self();
	s->used = 1;
	s->works++;
	nanosleep(&ts, NULL);	/* let every worker take some */
	return s;
}

static void
st_done(size_t i, void *res, void *arg)
{
	struct states *c = arg;

	if (i != c->next++ || res == NULL)
		c->order_ok = 0;
	c->dones++;
}

static void
states_init(struct states *c, int fail_at)
{
	memset(c, 0, sizeof(*c));
	c->caller = pthread_self();
	c->fail_at = fail_at;
	c->caller_ok = 1;
	c->order_ok = 1;
}

/*
 * want states were made on the caller's thread and each given back to
 * fini once, after its last work; together they did works items, each
 * state on one thread only and no two states on the same thread.
 */
static void
check_states(const struct states *c, int want, size_t works)
{
	size_t sum = 0;
	int k, m;

	CHECK(c->nmade == want);
	CHECK(c->caller_ok);
	CHECK(c->foreign == 0);
	for (k = 0; k < c->nmade; k++) {
		CHECK(c->finied[k] == 1);
		CHECK(!c->seen[k].shared);
		sum += c->seen[k].works;
		for (m = 0; m < k; m++)
			CHECK(!c->seen[k].used || !c->seen[m].used ||
			    !pthread_equal(c->seen[k].thread,
			    c->seen[m].thread));
	}
	CHECK(sum == works);
}

/* Three workers, three states, each on its own thread. */
static void
test_states(void)
{
	struct states c;
	struct jobs_spec s = { 3000, 3, st_init, st_fini, st_work, st_done,
	    &c, NULL };
	int k, used = 0;

	states_init(&c, -1);
	CHECK(jobs_run(&s) == 0);
	check_states(&c, 3, 3000);
	CHECK(c.order_ok && c.dones == 3000);
	for (k = 0; k < c.nmade; k++)
		used += c.seen[k].used;
	CHECK(used >= 2);
}

/* No more states than items; none for no items; one inline. */
static void
test_states_few(void)
{
	struct states c;
	struct jobs_spec s = { 2, 8, st_init, st_fini, st_work, st_done,
	    &c, NULL };

	states_init(&c, -1);
	CHECK(jobs_run(&s) == 0);
	check_states(&c, 2, 2);
	CHECK(c.order_ok && c.dones == 2);
	states_init(&c, -1);
	s.n = 0;
	CHECK(jobs_run(&s) == 0);
	CHECK(c.inits == 0 && c.dones == 0);
	states_init(&c, -1);
	s.n = 50;
	s.threads = 1;
	CHECK(jobs_run(&s) == 0);
	check_states(&c, 1, 50);
	CHECK(c.nmade == 1 && pthread_equal(c.seen[0].thread, c.caller));
	CHECK(c.order_ok && c.dones == 50);
}

/* An init that fails: no item runs, and the states made are freed. */
static void
test_init_fails(void)
{
	struct states c;
	struct jobs_spec s = { 100, 4, st_init, st_fini, st_work, st_done,
	    &c, NULL };

	states_init(&c, 2);
	CHECK(jobs_run(&s) == -1);
	check_states(&c, 2, 0);
	CHECK(c.inits == 3 && c.dones == 0);
	states_init(&c, 0);
	s.threads = 1;
	CHECK(jobs_start(&s) == NULL);
	check_states(&c, 0, 0);
	CHECK(c.inits == 1 && c.dones == 0);
}

/* One pool over several rounds: the states are made once. */
static void
test_rounds(void)
{
	static const size_t round[] = { 500, 0, 1, 64, 3000 };
	struct states c;
	struct jobs_spec s = { 0, 2, st_init, st_fini, st_work, st_done,
	    &c, NULL };
	struct jobs *j;
	size_t k, all = 0;

	states_init(&c, -1);
	REQUIRE((j = jobs_start(&s)) != NULL);
	for (k = 0; k < sizeof(round) / sizeof(round[0]); k++) {
		c.next = 0;
		c.dones = 0;
		jobs_feed(j, round[k]);
		CHECK(c.order_ok && c.dones == round[k]);
		all += round[k];
	}
	CHECK(c.inits == 2);
	jobs_end(j);
	check_states(&c, 2, all);
}

/*
 * Items pushed one at a time into a ring of R slots, as vox-text reads
 * blocks: an item's slot is written before it is pushed and read by its
 * work, and jobs_wait() must have handed back the item that held a slot
 * before the slot is written again.  A slot written too early shows as
 * a wrong result; done() sees every item once, in order.
 */
#define RING 4

struct ring {
	size_t		slot[RING];
	size_t		next;
	int		ok;
};

static void *
ring_work(size_t i, void *state, void *arg)
{
	struct ring *r = arg;
	size_t *v = malloc(sizeof(*v));
	struct timespec ts = { 0, (long)((i * 7919) % 3) * 100000L };

	(void)state;
	nanosleep(&ts, NULL);
	*v = r->slot[i % RING];
	return v;
}

static void
ring_done(size_t i, void *res, void *arg)
{
	struct ring *r = arg;
	size_t *v = res;

	if (i != r->next++ || *v != i * 3 + 1)
		r->ok = 0;
	free(v);
}

static void
test_push(void)
{
	static const unsigned int threads[] = { 1, 2, 3 };
	static const size_t n[] = { 0, 1, 5, 700 };
	struct ring r;
	struct jobs_spec s = { 0, 0, NULL, NULL, ring_work, ring_done, &r,
	    NULL };
	struct jobs *j;
	size_t t, k, i;

	for (t = 0; t < 3; t++) {
		s.threads = threads[t];
		REQUIRE((j = jobs_start(&s)) != NULL);
		for (k = 0; k < 4; k++) {
			r.next = 0;
			r.ok = 1;
			jobs_begin(j);
			for (i = 0; i < n[k]; i++) {
				if (i >= RING)
					jobs_wait(j, i - RING + 1);
				r.slot[i % RING] = i * 3 + 1;
				jobs_push(j);
			}
			jobs_wait(j, n[k]);
			CHECK(r.ok && r.next == n[k]);
		}
		jobs_end(j);
	}
}

/*
 * With a release(), each result is released once, after done() saw it,
 * on the thread that made it: in one round, over rounds of a kept pool,
 * and item by item (jobs_push()).  Releasing on the caller, or before
 * done(), or twice, fails it.
 */
struct rel {
	pthread_t	 by;		/* who made it */
	size_t		 i;
	int		 done;
	struct relctx	*c;
};

struct relctx {
	pthread_mutex_t	 mu;
	size_t		 next;
	size_t		 released;
	int		 ok;
	struct rel	**v;		/* by base + index: freed at the end */
	size_t		 base;
};

static void *
rel_work(size_t i, void *state, void *arg)
{
	struct relctx *c = arg;
	struct rel *r = calloc(1, sizeof(*r));
	struct timespec ts = { 0, (long)((i * 7919) % 3) * 50000L };

	(void)state;
	if (r == NULL)
		abort();
	nanosleep(&ts, NULL);
	r->by = pthread_self();
	r->i = i;
	r->c = c;
	return r;
}

static void
rel_done(size_t i, void *res, void *arg)
{
	struct relctx *c = arg;
	struct rel *r = res;

	if (i != c->next++ || r->i != i || r->done)
		c->ok = 0;
	r->done = 1;
}

static void
rel_release(void *res, void *arg)
{
	struct relctx *c = arg;
	struct rel *r = res;

	pthread_mutex_lock(&c->mu);
	if (!r->done || r->done == 2 || !pthread_equal(r->by, pthread_self()))
		c->ok = 0;
	r->done = 2;
	c->released++;
	pthread_mutex_unlock(&c->mu);
}

static void
rel_check(struct relctx *c, struct rel **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		CHECK(v[i] != NULL && v[i]->done == 2);
		free(v[i]);
		v[i] = NULL;
	}
}

/* work() keeps each result in c->v too, so rel_check() finds them. */
static void *
rel_work_kept(size_t i, void *state, void *arg)
{
	struct relctx *c = arg;
	struct rel *r = rel_work(i, state, arg);

	c->v[c->base + i] = r;
	return r;
}

static void
test_release(void)
{
	static const unsigned int threads[] = { 1, 2, 3, 5 };
	struct relctx c;
	struct jobs_spec s = { 0 };
	struct jobs *j;
	size_t t, k, i, n = 3000, other;

	pthread_mutex_init(&c.mu, NULL);
	REQUIRE((c.v = calloc(3 * n, sizeof(*c.v))) != NULL);
	s.work = rel_work_kept;
	s.done = rel_done;
	s.release = rel_release;
	s.ctx = &c;
	for (t = 0; t < 4; t++) {
		s.threads = threads[t];
		/* One round of its own. */
		c.next = c.released = c.base = 0;
		c.ok = 1;
		s.n = n;
		CHECK(jobs_run(&s) == 0);
		CHECK(c.ok && c.next == n && c.released == n);
		for (i = other = 0; i < n; i++)
			if (!pthread_equal(c.v[i]->by, pthread_self()))
				other++;
		/* With threads, the workers made some: theirs came back. */
		CHECK(threads[t] == 1 ? other == 0 : other > 0);
		rel_check(&c, c.v, n);
		/*
		 * Rounds of a kept pool, then items pushed one by one: a
		 * worker releases what came back before its next batch, or
		 * as it ends, so all is released once jobs_end() returns.
		 */
		REQUIRE((j = jobs_start(&s)) != NULL);
		c.released = c.base = 0;
		for (k = 1; k < 4; k++) {
			c.next = 0;
			c.ok = 1;
			jobs_feed(j, n / k);
			CHECK(c.ok && c.next == n / k);
			c.base += n / k;
		}
		c.next = 0;
		jobs_begin(j);
		for (i = 0; i < 700; i++)
			jobs_push(j);
		jobs_wait(j, 700);
		CHECK(c.ok && c.next == 700);
		c.base += 700;
		jobs_end(j);
		CHECK(c.ok && c.released == c.base);
		rel_check(&c, c.v, c.base);
	}
	free(c.v);
	pthread_mutex_destroy(&c.mu);
}

int
main(void)
{
	RUN(test_inline);
	RUN(test_two);
	RUN(test_many_threads_few_items);
	RUN(test_batches);
	RUN(test_caller_works);
	RUN(test_states);
	RUN(test_states_few);
	RUN(test_init_fails);
	RUN(test_rounds);
	RUN(test_push);
	RUN(test_release);
	return UNIT_EXIT();
}
