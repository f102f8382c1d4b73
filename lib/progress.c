#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
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

/*
 * Whether a line is drawn for on: 1 yes, 0 no, -1 when stderr is a
 * terminal.  A tool asks first when the total costs work to learn.
 */
int
progress_wanted(int on)
{
	return on < 0 ? isatty(STDERR_FILENO) : on;
}

/* on: 1 yes, 0 no, -1 when stderr is a terminal. */
void
progress_begin_unit(struct progress *p, int on, double total,
    enum progress_unit kind)
{
	memset(p, 0, sizeof(*p));
	p->on = progress_wanted(on);
	p->kind = kind;
	p->total = total;
	p->start = p->last = now();
	p->unit = kind == PROGRESS_BYTES ? "MB" : "s of audio";
	pthread_mutex_init(&p->mu, NULL);
}

/* Whole items: "3/10 files". */
void
progress_begin(struct progress *p, int on, size_t total, const char *unit)
{
	progress_begin_unit(p, on, (double)total, PROGRESS_COUNT);
	p->unit = unit;
}

/* A duration: "42 s", "3:07", "1:02:03". */
static int
fmt_time(char *buf, size_t len, double s)
{
	long t = lround(s);

	if (t < 60)
		return snprintf(buf, len, "%ld s", t);
	if (t < 3600)
		return snprintf(buf, len, "%ld:%02ld", t / 60, t % 60);
	return snprintf(buf, len, "%ld:%02ld:%02ld", t / 3600, t / 60 % 60,
	    t % 60);
}

/*
 * The line for p after el seconds, without the redraw codes:
 * "3/10 files, 12/s, 1 s left", "1.5/10.0 MB, 3.2 MB/s, 3 s left",
 * "1:15/30:00 s of audio, 25x realtime, 1:09 left".  Returns the length,
 * as snprintf does.
 */
int
progress_format(const struct progress *p, double el, char *buf, size_t len)
{
	double rate = el > 0 ? p->done / el : 0;
	char a[32], b[32];
	int n;

	switch (p->kind) {
	case PROGRESS_BYTES:
		n = snprintf(buf, len, "%.1f/%.1f MB, %.1f MB/s",
		    p->done / 1e6, p->total / 1e6, rate / 1e6);
		break;
	case PROGRESS_SECONDS:
		fmt_time(a, sizeof(a), p->done);
		fmt_time(b, sizeof(b), p->total);
		n = snprintf(buf, len, "%s/%s of audio, %.0fx realtime", a, b,
		    rate);
		break;
	default:
		n = snprintf(buf, len, "%.0f/%.0f %s, %.0f/s", p->done,
		    p->total, p->unit, rate);
		break;
	}
	if (n < 0 || (size_t)n >= len || rate <= 0 || p->done >= p->total)
		return n;
	fmt_time(a, sizeof(a), (p->total - p->done) / rate);
	return n + snprintf(buf + n, len - (size_t)n, ", %s left", a);
}

static void
draw(struct progress *p, double t)
{
	char line[160];

	progress_format(p, t - p->start, line, sizeof(line));
	/* One write, so a line drawn from a worker is never torn. */
	fprintf(stderr, "\r%s\033[K", line);
	fflush(stderr);
}

/* Count n more done; from any thread.  Redraws at most 10 times a second. */
void
progress_add(struct progress *p, double n)
{
	double t;

	pthread_mutex_lock(&p->mu);
	p->done += n;
	if (p->on) {
		t = now();
		if (t - p->last >= 0.1 || p->done >= p->total) {
			p->last = t;
			draw(p, t);
		}
	}
	pthread_mutex_unlock(&p->mu);
}

void
progress_step(struct progress *p, size_t n)
{
	progress_add(p, (double)n);
}

void
progress_part_init(struct progress_part *pp, struct progress *p,
    double amount)
{
	pp->p = p;
	pp->amount = amount;
	pp->added = 0;
}

/* fraction (0 to 1) of the item is done. */
void
progress_part(struct progress_part *pp, double fraction)
{
	double d;

	if (pp == NULL || pp->p == NULL)
		return;
	if (fraction > 1)
		fraction = 1;
	d = pp->amount * fraction - pp->added;
	if (d <= 0)
		return;
	pp->added += d;
	progress_add(pp->p, d);
}

/* The item is done: add what progress_part() has not. */
void
progress_part_end(struct progress_part *pp)
{
	if (pp->p != NULL && pp->amount > pp->added)
		progress_add(pp->p, pp->amount - pp->added);
	pp->added = pp->amount;
}

void
progress_end(struct progress *p)
{
	if (p->on) {
		draw(p, now());
		fputs("\n", stderr);
	}
	pthread_mutex_destroy(&p->mu);
}

/* The bytes of the regular files among paths, for PROGRESS_BYTES. */
double
progress_bytes(char *const *paths, size_t n)
{
	struct stat st;
	double sum = 0;
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(paths[i], "-") != 0 && stat(paths[i], &st) == 0 &&
		    S_ISREG(st.st_mode))
			sum += (double)st.st_size;
	return sum;
}
