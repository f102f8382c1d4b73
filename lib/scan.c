#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "progress.h"
#include "scan.h"

#define FULL_SCALE	32768.0
#define PI		3.14159265358979323846

/*
 * The narrow-band probe: a 31-tap windowed-sinc high-pass at 4.6 kHz
 * (at 16 kHz: about 50 dB down below 3.8 kHz) over HF_PROBES spans of
 * HF_PROBE samples per block read, about 2 % of the samples: plenty
 * for a whole-file estimate, and the scan keeps near reading speed.
 */
#define HF_TAPS		SCAN_HF_TAPS
#define HF_PROBE	160
#define HF_PROBES	8

/* A Hamming-windowed sinc high-pass, cutoff fc (of the sample rate). */
static void
fir_highpass(float *h, double fc)
{
	int n, m = HF_TAPS / 2;
	double x, w, sum = 0, lp[HF_TAPS];

	for (n = 0; n < HF_TAPS; n++) {
		x = n - m;
		w = 0.54 - 0.46 * cos(2 * PI * n / (HF_TAPS - 1));
		lp[n] = (x == 0 ? 2 * fc : sin(2 * PI * fc * x) / (PI * x))
		    * w;
		sum += lp[n];
	}
	for (n = 0; n < HF_TAPS; n++)
		h[n] = (float)((n == m ? 1.0 : 0.0) - lp[n] / sum);
}

/*
 * The probe's taps are the same for every file: made once (62 calls of
 * sin and cos cost a short file's scan 2 %), then only read.
 */
static pthread_once_t fir_once = PTHREAD_ONCE_INIT;
static float fir_taps[HF_TAPS];

static void
fir_make(void)
{
	fir_highpass(fir_taps, 4600.0 / 16000);
}

/* A scan of interleaved samples of rate Hz and channels channels. */
void
scan_init(struct scan *sc, unsigned int rate, unsigned int channels)
{
	double q = FULL_SCALE * pow(10.0, SCAN_SILENCE_DB / 20.0);

	memset(sc, 0, sizeof(*sc));
	sc->rate = rate;
	sc->channels = channels;
	sc->win = (rate >= 100 ? rate / 100 : 1) * (channels ? channels : 1);
	sc->quiet = q * q;
	sc->hf = channels == 1 && rate == 16000;
	sc->first_loud = sc->last_loud = -1;
	if (sc->hf) {
		pthread_once(&fir_once, fir_make);
		memcpy(sc->fir, fir_taps, sizeof(sc->fir));
	}
}

static void
scan_window(struct scan *sc)
{
	if ((double)sc->wsq > sc->quiet * sc->wn) {
		if (sc->first_loud < 0)
			sc->first_loud = sc->windows;
		sc->last_loud = sc->windows;
	}
	sc->windows++;
	sc->wn = 0;
	sc->wsq = 0;
}

/*
 * The statistics loops are written for gcc's vectorizer at -O2, whose
 * very cheap cost model takes a loop only when vector code replaces it
 * whole: each runs over a count known to be a multiple of VEC samples
 * (two SSE2 vectors of shorts, one AVX2 vector), the rest goes through
 * a plain loop after.  Their sums are exact integers, so the order in
 * which the vector lanes add them up changes nothing.
 */
#define VEC		16
#define SPAN_MAX	32768	/* summed in 32 bits: 2^15 * 2^15 */

/* The sum and extremes of n samples, n at most SPAN_MAX. */
static void
span_sums(const short *s, size_t n, int32_t *sum, short *mx, short *mn)
{
	size_t i, m = n & ~(size_t)(VEC - 1);
	int32_t a = 0;
	short hi = 0, lo = 0;

	for (i = 0; i < m; i++) {
		a += s[i];
		hi = s[i] > hi ? s[i] : hi;
		lo = s[i] < lo ? s[i] : lo;
	}
	for (; i < n; i++) {
		a += s[i];
		hi = s[i] > hi ? s[i] : hi;
		lo = s[i] < lo ? s[i] : lo;
	}
	*sum = a;
	*mx = hi;
	*mn = lo;
}

/* The sum of squares of n samples: a square reaches 2^30, 64 bits. */
static uint64_t
span_sq(const short *s, size_t n)
{
	size_t i, m = n & ~(size_t)(VEC - 1);
	uint64_t sq = 0;
	int x;

	for (i = 0; i < m; i++) {
		x = s[i];
		sq += (uint32_t)(x * x);
	}
	for (; i < n; i++) {
		x = s[i];
		sq += (uint32_t)(x * x);
	}
	return sq;
}

/*
 * A sample at full scale either way: -32767 counts, as 32767 does.  On
 * shorts and to 16 bits, so the vector code stays in 16-bit lanes.
 */
static uint16_t
full(short x)
{
	return (uint16_t)((x == 32767) | (x < -32766));
}

#if SCAN_CLIP_RUN != 3
#error "span_clips() tests runs of exactly 3 samples"
#endif

/*
 * The clipped samples of n (at most SPAN_MAX) and the runs that reach
 * SCAN_CLIP_RUN.  Past the first SCAN_CLIP_RUN samples, which may carry
 * on the run the last span ended in, a run reaches it at sample i when
 * samples i - 2 to i are at full scale and i - 3 is not: a test of
 * fixed width, which vectorizes, in place of a count carried along.
 */
static void
span_clips(struct scan *sc, const short *s, size_t n)
{
	size_t i, k, head = n < SCAN_CLIP_RUN ? n : SCAN_CLIP_RUN, m;
	const short *p;
	uint16_t c = 0, runs = 0;	/* 16-bit lanes, as the samples */

	for (i = 0; i < head; i++) {
		if (full(s[i])) {
			sc->clipped++;
			if (++sc->run == SCAN_CLIP_RUN)
				sc->clip_runs++;
		} else
			sc->run = 0;
	}
	if (head == n)
		return;
	/* p[i + 3] is sample head + i. */
	p = s + head - SCAN_CLIP_RUN;
	m = (n - head) & ~(size_t)(VEC - 1);
	for (i = 0; i < m; i++) {
		c += full(p[i + 3]);
		runs += full(p[i + 3]) & full(p[i + 2]) & full(p[i + 1]) &
		    (full(p[i]) ^ 1);
	}
	for (; i < n - head; i++) {
		c += full(p[i + 3]);
		runs += full(p[i + 3]) & full(p[i + 2]) & full(p[i + 1]) &
		    (full(p[i]) ^ 1);
	}
	sc->clipped += c;
	sc->clip_runs += runs;
	/* The run the span ends in, perhaps begun before it. */
	for (k = 0; k < n && full(s[n - 1 - k]); k++)
		;
	sc->run = k == n ? sc->run + (unsigned int)(n - head) :
	    (unsigned int)k;
}

/*
 * What does not need windows, over a whole block: the sum, the peak,
 * and clips, counted only in a block that reaches full scale.  The sum
 * is exact in a double up to 2^38 samples, so adding it a block at a
 * time gives what adding it a window at a time did.
 */
static void
scan_level(struct scan *sc, const short *s, size_t n)
{
	int64_t sum = 0;
	int32_t a;
	size_t i, k;
	short hi, lo;
	int mx = 0, mn = 0;

	for (i = 0; i < n; i += k) {
		k = n - i < SPAN_MAX ? n - i : SPAN_MAX;
		span_sums(s + i, k, &a, &hi, &lo);
		sum += a;
		mx = hi > mx ? hi : mx;
		mn = lo < mn ? lo : mn;
	}
	if (mx >= 32767 || mn <= -32767)
		for (i = 0; i < n; i += k) {
			k = n - i < SPAN_MAX ? n - i : SPAN_MAX;
			span_clips(sc, s + i, k);
		}
	else if (n > 0)
		sc->run = 0;
	if (-mn > mx)
		mx = -mn;
	if (mx > sc->peak)
		sc->peak = mx;
	sc->sum += (double)sum;
}

/*
 * HF_OUT outputs of the high-pass, from inputs x[0] to x[HF_TAPS - 2 +
 * HF_OUT], tap by tap over all of them at once: fixed-size loops that
 * gcc turns into vector registers held across the taps, two sets of
 * them so that one's additions run while the other's wait.  Each output
 * still adds its products in tap order, so the sums are bit for bit
 * those of one output at a time.
 */
#define HF_HALF		8
#define HF_OUT		(2 * HF_HALF)	/* divides HF_PROBE */

static void
hf_filter(const float *fir, const float *x, float *y)
{
	float a[HF_HALF], b[HF_HALF], h;
	size_t k, t;

	for (k = 0; k < HF_HALF; k++)
		a[k] = b[k] = 0;
	for (t = 0; t < HF_TAPS; t++) {
		h = fir[t];
		for (k = 0; k < HF_HALF; k++)
			a[k] += h * x[HF_TAPS - 1 + k - t];
		for (k = 0; k < HF_HALF; k++)
			b[k] += h * x[HF_TAPS - 1 + HF_HALF + k - t];
	}
	for (k = 0; k < HF_HALF; k++) {
		y[k] = a[k];
		y[HF_HALF + k] = b[k];
	}
}

/*
 * High-pass probes over a block: HF_PROBES spans spread evenly over it
 * (none across blocks: simpler), enough for a whole-file estimate.
 */
static void
scan_hf(struct scan *sc, const short *s, size_t n)
{
	float x[HF_TAPS - 1 + HF_PROBE], y[HF_PROBE];
	size_t at, j, every = n / HF_PROBES;
	double e = 0;
	int64_t ref = 0;
	int v;

	if (every < HF_TAPS + HF_PROBE)
		every = HF_TAPS + HF_PROBE;
	for (at = 0; at + HF_TAPS + HF_PROBE <= n; at += every) {
		/* Output j is sample at + HF_TAPS + j, input k at + 1 + k. */
		for (j = 0; j < HF_TAPS - 1 + HF_PROBE; j++)
			x[j] = s[at + 1 + j];
		for (j = 0; j < HF_PROBE; j += HF_OUT)
			hf_filter(sc->fir, x + j, y + j);
		for (j = 0; j < HF_PROBE; j++)
			e += (double)y[j] * y[j];
		/* The plain energy of the same samples, centred. */
		for (j = 0; j < HF_PROBE; j++) {
			v = s[at + HF_TAPS + j - HF_TAPS / 2];
			ref += v * v;
		}
	}
	sc->hfsq += e;
	sc->hfref += (double)ref;
}

/*
 * n more samples, interleaved: blocks of any size, whole frames or not,
 * give the same result as one block of them all.
 */
void
scan_block(struct scan *sc, const short *s, size_t n)
{
	size_t i = 0, k;
	uint64_t sq;

	if (sc->hf)
		scan_hf(sc, s, n);
	scan_level(sc, s, n);
	/* The energy by window, added up in the same order as ever. */
	while (i < n) {
		k = sc->win - sc->wn;
		if (k > n - i)
			k = n - i;
		sq = span_sq(s + i, k);
		sc->sumsq += (double)sq;
		sc->wsq += (int64_t)sq;
		i += k;
		sc->wn += (unsigned int)k;
		if (sc->wn == sc->win)
			scan_window(sc);
	}
	sc->n += n;
	if (sc->part != NULL && sc->total > 0)
		progress_part(sc->part, (double)sc->n / sc->total);
}

/* The statistics of every sample fed, the last window closed. */
void
scan_finish(struct scan *sc, struct scan_result *r)
{
	double per = sc->rate > 0 ? (double)sc->win / sc->channels /
	    sc->rate : 0, secs;

	if (sc->wn > 0)
		scan_window(sc);
	r->frames = sc->channels ? sc->n / sc->channels : 0;
	secs = sc->rate ? (double)r->frames / sc->rate : 0;
	r->peak_db = sc->peak ? 20 * log10(sc->peak / FULL_SCALE) : -INFINITY;
	r->rms_db = sc->sumsq > 0 ? 10 * log10(sc->sumsq / sc->n /
	    (FULL_SCALE * FULL_SCALE)) : -INFINITY;
	r->clipped = sc->clipped;
	r->clip_runs = sc->clip_runs;
	r->dc = sc->n ? sc->sum / sc->n / FULL_SCALE : 0;
	r->silent = sc->first_loud < 0;
	if (r->silent)
		r->lead_s = r->trail_s = secs;
	else {
		r->lead_s = sc->first_loud * per;
		r->trail_s = secs - (sc->last_loud + 1) * per;
		if (r->trail_s < 0)
			r->trail_s = 0;
	}
	r->hf_db = NAN;
	if (sc->hf && sc->hfref > 0)
		r->hf_db = sc->hfsq > 0 ? 10 * log10(sc->hfsq / sc->hfref) :
		    -INFINITY;
}
