#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "progress.h"

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* on: 1 yes, 0 no, -1 when stderr is a terminal. */
void
progress_begin(struct progress *p, int on, size_t total, const char *unit)
{
	p->on = on < 0 ? isatty(STDERR_FILENO) : on;
	p->total = total;
	p->done = 0;
	p->start = p->last = now();
	p->unit = unit;
}

static void
draw(struct progress *p, double t)
{
	double el = t - p->start, rate = el > 0 ? p->done / el : 0;

	fprintf(stderr, "\r%zu/%zu %s, %.0f/s", p->done, p->total, p->unit,
	    rate);
	if (rate > 0 && p->done < p->total)
		fprintf(stderr, ", %.0f s left",
		    (p->total - p->done) / rate);
	fputs("\033[K", stderr);
	fflush(stderr);
}

void
progress_step(struct progress *p, size_t n)
{
	double t;

	p->done += n;
	if (!p->on)
		return;
	t = now();
	if (t - p->last < 0.1 && p->done < p->total)
		return;
	p->last = t;
	draw(p, t);
}

void
progress_end(struct progress *p)
{
	if (!p->on)
		return;
	draw(p, now());
	fputs("\n", stderr);
}
