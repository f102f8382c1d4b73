#include <math.h>
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

/* The hot loops want the vectorizer, which gcc runs fully from -O3. */
#if defined(__GNUC__) && !defined(__clang__)
#define HOT __attribute__((optimize("O3")))
#else
#define HOT
#endif

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
	if (sc->hf)
		fir_highpass(sc->fir, 4600.0 / 16000);
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
 * The inner loop over samples within one window: sums and extremes in
 * integers so it stays cheap; clips are counted only in a span that
 * reaches full scale.
 */
static void HOT
scan_span(struct scan *sc, const short *s, size_t n)
{
	int64_t sq = 0, sum = 0;
	int mx = 0, mn = 0, x;
	size_t i;

	for (i = 0; i < n; i++) {
		x = s[i];
		sum += x;
		sq += x * x;
		if (x > mx)
			mx = x;
		if (x < mn)
			mn = x;
	}
	if (mx >= 32767 || mn <= -32767) {
		for (i = 0; i < n; i++) {
			if (s[i] >= 32767 || s[i] <= -32767) {
				sc->clipped++;
				if (++sc->run == SCAN_CLIP_RUN)
					sc->clip_runs++;
			} else
				sc->run = 0;
		}
	} else
		sc->run = 0;
	if (-mn > mx)
		mx = -mn;
	if (mx > sc->peak)
		sc->peak = mx;
	sc->n += n;
	sc->sum += (double)sum;
	sc->sumsq += (double)sq;
	sc->wsq += sq;
}

/*
 * High-pass probes over a block: HF_PROBES spans spread evenly over it
 * (none across blocks: simpler), enough for a whole-file estimate.
 */
static void HOT
scan_hf(struct scan *sc, const short *s, size_t n)
{
	size_t at, i, t, every = n / HF_PROBES;
	double e = 0, ref = 0;
	float y;

	if (every < HF_TAPS + HF_PROBE)
		every = HF_TAPS + HF_PROBE;
	for (at = 0; at + HF_TAPS + HF_PROBE <= n; at += every)
		for (i = at + HF_TAPS; i < at + HF_TAPS + HF_PROBE; i++) {
			y = 0;
			for (t = 0; t < HF_TAPS; t++)
				y += sc->fir[t] * s[i - t];
			e += (double)y * y;
			ref += (double)s[i - HF_TAPS / 2] *
			    s[i - HF_TAPS / 2];
		}
	sc->hfsq += e;
	sc->hfref += ref;
}

/*
 * n more samples, interleaved: blocks of any size, whole frames or not,
 * give the same result as one block of them all.
 */
void
scan_block(struct scan *sc, const short *s, size_t n)
{
	size_t i = 0, k;

	if (sc->hf)
		scan_hf(sc, s, n);

	while (i < n) {
		k = sc->win - sc->wn;
		if (k > n - i)
			k = n - i;
		scan_span(sc, s + i, k);
		i += k;
		sc->wn += (unsigned int)k;
		if (sc->wn == sc->win)
			scan_window(sc);
	}
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
