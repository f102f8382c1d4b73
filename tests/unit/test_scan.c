/*
 * Unit tests for lib/scan.c on synthetic signals whose statistics are
 * known by hand: a full-scale sine, silence, clipping runs, silent
 * lead and tail, a DC offset, high and low tones.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "progress.h"
#include "scan.h"
#include "unit.h"

#define RATE	16000
#define PI	3.14159265358979323846

static short sig[4 * RATE];

/* n samples of a sine of amplitude amp at f Hz, from sample at. */
static void
tone(short *s, size_t at, size_t n, double amp, double f)
{
	size_t i;

	for (i = 0; i < n; i++)
		s[at + i] = (short)lrint(amp * sin(2 * PI * f * (double)i /
		    RATE));
}

static void
scan_all(const short *s, size_t n, unsigned int rate, unsigned int ch,
    size_t block, struct scan_result *r)
{
	struct scan sc;
	size_t i, k;

	scan_init(&sc, rate, ch);
	for (i = 0; i < n; i += k) {
		k = n - i < block ? n - i : block;
		scan_block(&sc, s + i, k);
	}
	scan_finish(&sc, r);
}

static int
near(double a, double b, double eps)
{
	return fabs(a - b) <= eps;
}

/*
 * 1 kHz at full scale (32767), one second: the peak is 20 log10(32767 /
 * 32768) = -0.000265 dBFS and the RMS, A / sqrt(2), 3.0103 dB lower at
 * -3.0106 dBFS.  With 16 samples a period, sin() is 1 at sample 4 and
 * -1 at sample 12: two full-scale samples a period, never three in a
 * row, so 2000 clipped samples and no clip.
 */
static void
test_sine(void)
{
	struct scan_result r;

	tone(sig, 0, RATE, 32767, 1000);
	scan_all(sig, RATE, RATE, 1, RATE, &r);
	CHECK(r.frames == RATE);
	CHECK(near(r.peak_db, -0.000265, 0.000001));
	CHECK(near(r.rms_db, -3.0106, 0.0001));
	CHECK(r.clipped == 2000 && r.clip_runs == 0);
	CHECK(near(r.dc, 0, 1e-9));
	CHECK(!r.silent && r.lead_s == 0 && r.trail_s == 0);
	/* Nothing above 4 kHz. */
	CHECK(r.hf_db < -40);
}

/* Half scale: peak -6.0206 dBFS (20 log10 0.5), RMS -9.0309. */
static void
test_half(void)
{
	struct scan_result r;

	tone(sig, 0, RATE, 16384, 1000);
	scan_all(sig, RATE, RATE, 1, 4096, &r);
	CHECK(near(r.peak_db, -6.0206, 0.0001));
	CHECK(near(r.rms_db, -9.0309, 0.0001));
	CHECK(r.clipped == 0 && r.clip_runs == 0);
}

/* Digital silence: -inf levels, silent, all of it lead and tail. */
static void
test_silence(void)
{
	struct scan_result r;

	memset(sig, 0, sizeof(sig));
	scan_all(sig, RATE, RATE, 1, RATE, &r);
	CHECK(r.frames == RATE);
	CHECK(isinf(r.peak_db) && r.peak_db < 0);
	CHECK(isinf(r.rms_db) && r.rms_db < 0);
	CHECK(r.silent && near(r.lead_s, 1, 1e-9) && near(r.trail_s, 1, 1e-9));
	CHECK(r.clipped == 0 && r.dc == 0);
	CHECK(isnan(r.hf_db));
	/* No sample at all. */
	scan_all(sig, 0, RATE, 1, RATE, &r);
	CHECK(r.frames == 0 && r.silent && r.lead_s == 0 && r.trail_s == 0);
	/* Noise at -56 dBFS is quiet still: under the -50 dB threshold. */
	tone(sig, 0, RATE, 52, 440);
	scan_all(sig, RATE, RATE, 1, RATE, &r);
	CHECK(r.silent && !isinf(r.peak_db));
}

/*
 * Runs at full scale: 2 samples (no clip), 3 (a clip), 10 at -32768 (a
 * clip), 5 across a window boundary (a clip); fed whole, and 7 samples
 * at a time, so runs cross blocks too.
 */
static void
test_clips(void)
{
	struct scan_result r;
	size_t i, b;
	static const size_t block[] = { RATE, 7, 1, 160 };

	memset(sig, 0, sizeof(sig));
	sig[100] = sig[101] = 32767;
	for (i = 0; i < 3; i++)
		sig[1000 + i] = 32767;
	for (i = 0; i < 10; i++)
		sig[2000 + i] = -32768;
	for (i = 0; i < 5; i++)
		sig[3198 + i] = -32767;
	for (b = 0; b < sizeof(block) / sizeof(block[0]); b++) {
		scan_all(sig, RATE, RATE, 1, block[b], &r);
		CHECK(r.clipped == 2 + 3 + 10 + 5);
		CHECK(r.clip_runs == 3);
		CHECK(near(r.peak_db, 0, 1e-9));
	}
}

/*
 * 0.5 s of silence, 1 s of tone at -12 dBFS, 0.25 s of silence: 10 ms
 * windows find the sound from 0.50 s to 1.50 s.  In stereo, the same
 * in frames.
 */
static void
test_lead_trail(void)
{
	struct scan_result r, one;
	size_t i, n = RATE * 7 / 4;

	memset(sig, 0, sizeof(sig));
	tone(sig, RATE / 2, RATE, 8192, 440);
	scan_all(sig, n, RATE, 1, 1000, &r);
	CHECK(!r.silent && r.frames == n);
	CHECK(near(r.lead_s, 0.50, 1e-9) && near(r.trail_s, 0.25, 1e-9));
	/* Loud samples 5 ms into the window at 0.75 s: it counts whole. */
	memset(sig, 0, sizeof(sig));
	tone(sig, RATE * 3 / 4 + 80, 80, 8192, 440);
	scan_all(sig, RATE, RATE, 1, RATE, &r);
	CHECK(near(r.lead_s, 0.75, 1e-9) && near(r.trail_s, 0.24, 1e-9));
	/* Two channels, the sound on the left only. */
	memset(sig, 0, sizeof(sig));
	for (i = 0; i < RATE; i++)
		sig[2 * (RATE / 2 + i)] = (short)lrint(8192 * sin(2 * PI *
		    440 * (double)i / RATE));
	scan_all(sig, 2 * n, RATE, 2, 999, &r);
	scan_all(sig, 2 * n, RATE, 2, 2 * n, &one);
	CHECK(r.frames == n && !r.silent);
	CHECK(near(r.lead_s, 0.50, 1e-9) && near(r.trail_s, 0.25, 1e-9));
	CHECK(r.lead_s == one.lead_s && r.rms_db == one.rms_db &&
	    r.peak_db == one.peak_db);
	/* Only mono 16 kHz gets the high-pass probe. */
	CHECK(isnan(r.hf_db));
}

/* A constant offset of 3277 is 0.1 of full scale. */
static void
test_dc(void)
{
	struct scan_result r;
	size_t i;

	tone(sig, 0, RATE, 8192, 1000);
	for (i = 0; i < RATE; i++)
		sig[i] += 3277;
	scan_all(sig, RATE, RATE, 1, RATE, &r);
	CHECK(near(r.dc, 3277.0 / 32768, 1e-6));
}

/* 6 kHz passes the 4.6 kHz high-pass; 1 kHz does not; 8 kHz: no probe. */
static void
test_hf(void)
{
	struct scan_result r;

	tone(sig, 0, RATE, 8192, 6000);
	scan_all(sig, RATE, RATE, 1, RATE, &r);
	CHECK(r.hf_db > -1 && r.hf_db < 1);
	tone(sig, 0, RATE, 8192, 1000);
	scan_all(sig, RATE, RATE, 1, RATE, &r);
	CHECK(r.hf_db < -40);
	scan_all(sig, RATE, 8000, 1, RATE, &r);
	CHECK(isnan(r.hf_db) && near(r.lead_s, 0, 1e-9));
	CHECK(r.frames == RATE);
}

/* part and total: the scan reports its share as the samples come. */
static void
test_progress(void)
{
	struct progress p;
	struct progress_part pp;
	struct scan sc;
	struct scan_result r;

	tone(sig, 0, 2 * RATE, 8192, 440);
	progress_begin_unit(&p, 0, 100, PROGRESS_BYTES);
	progress_part_init(&pp, &p, 100);
	scan_init(&sc, RATE, 1);
	sc.part = &pp;
	sc.total = 2 * RATE;
	scan_block(&sc, sig, RATE / 2);
	CHECK(near(p.done, 25, 1e-9));
	scan_block(&sc, sig + RATE / 2, RATE / 2);
	CHECK(near(p.done, 50, 1e-9));
	scan_block(&sc, sig + RATE, RATE);
	CHECK(near(p.done, 100, 1e-9));
	scan_finish(&sc, &r);
	progress_part_end(&pp);
	CHECK(near(p.done, 100, 1e-9));
	progress_end(&p);
	/* No part: nothing to report to. */
	scan_init(&sc, RATE, 1);
	sc.total = RATE;
	scan_block(&sc, sig, RATE);
	scan_finish(&sc, &r);
	CHECK(r.frames == RATE);
}

/*
 * The scan as first written, a sample at a time, with no vector code:
 * the model the vectorized loops of scan.c must match bit for bit.
 */
static void
ref_span(struct scan *sc, const short *s, size_t n)
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

static void
ref_hf(struct scan *sc, const short *s, size_t n)
{
	size_t at, i, t, every = n / 8;
	double e = 0, ref = 0;
	float y;

	if (every < SCAN_HF_TAPS + 160)
		every = SCAN_HF_TAPS + 160;
	for (at = 0; at + SCAN_HF_TAPS + 160 <= n; at += every)
		for (i = at + SCAN_HF_TAPS; i < at + SCAN_HF_TAPS + 160; i++) {
			y = 0;
			for (t = 0; t < SCAN_HF_TAPS; t++)
				y += sc->fir[t] * s[i - t];
			e += (double)y * y;
			ref += (double)s[i - SCAN_HF_TAPS / 2] *
			    s[i - SCAN_HF_TAPS / 2];
		}
	sc->hfsq += e;
	sc->hfref += ref;
}

static void
ref_block(struct scan *sc, const short *s, size_t n)
{
	size_t i = 0, k;

	if (sc->hf)
		ref_hf(sc, s, n);
	while (i < n) {
		k = sc->win - sc->wn;
		if (k > n - i)
			k = n - i;
		ref_span(sc, s + i, k);
		i += k;
		sc->wn += (unsigned int)k;
		if (sc->wn == sc->win) {
			if ((double)sc->wsq > sc->quiet * sc->wn) {
				if (sc->first_loud < 0)
					sc->first_loud = sc->windows;
				sc->last_loud = sc->windows;
			}
			sc->windows++;
			sc->wn = 0;
			sc->wsq = 0;
		}
	}
}

/* The two scans of the same samples, fed in blocks of block. */
static int
same_as_ref(const short *s, size_t n, unsigned int rate, unsigned int ch,
    size_t block)
{
	struct scan a, b;
	struct scan_result ra, rb;
	size_t i, k;

	scan_init(&a, rate, ch);
	scan_init(&b, rate, ch);
	for (i = 0; i < n; i += k) {
		k = n - i < block ? n - i : block;
		scan_block(&a, s + i, k);
		ref_block(&b, s + i, k);
	}
	scan_finish(&a, &ra);
	scan_finish(&b, &rb);
	return ra.frames == rb.frames && ra.clipped == rb.clipped &&
	    ra.clip_runs == rb.clip_runs && ra.silent == rb.silent &&
	    memcmp(&ra.peak_db, &rb.peak_db, sizeof(double)) == 0 &&
	    memcmp(&ra.rms_db, &rb.rms_db, sizeof(double)) == 0 &&
	    memcmp(&ra.dc, &rb.dc, sizeof(double)) == 0 &&
	    memcmp(&ra.lead_s, &rb.lead_s, sizeof(double)) == 0 &&
	    memcmp(&ra.trail_s, &rb.trail_s, sizeof(double)) == 0 &&
	    memcmp(&ra.hf_db, &rb.hf_db, sizeof(double)) == 0;
}

/*
 * Noise, quiet stretches and runs of 1 to 6 samples at and next to full
 * scale (32767, -32767, -32768, and 32766, -32766 which are not), fed
 * whole and in blocks of odd sizes, in mono and stereo, at 16 kHz (with
 * the high-pass) and 8 kHz: every figure as the plain loops find it.
 */
static void
test_reference(void)
{
	static const short edge[] = { 32767, -32768, -32767, 32766, -32766 };
	static const size_t block[] = { 65536, 4096, 1000, 160, 33, 7, 1 };
	uint32_t r = 99;
	size_t i, k, at, b, n = 4 * RATE;

	for (i = 0; i < n; i++) {
		r = r * 1103515245 + 12345;
		sig[i] = (i / 4000) % 3 == 0 ? (short)(r >> 28) :
		    (short)((int)(r >> 16 & 0xffff) - 32768);
	}
	for (at = 5, k = 0; at + 7 < n; at += 211 + k % 17, k++)
		for (i = 0; i < k % 6 + 1; i++)
			sig[at + i] = edge[(k + i * (k % 3)) % 5];
	for (b = 0; b < sizeof(block) / sizeof(block[0]); b++) {
		CHECK(same_as_ref(sig, n, RATE, 1, block[b]));
		CHECK(same_as_ref(sig, n, RATE, 2, block[b]));
		CHECK(same_as_ref(sig, n - 5, 8000, 1, block[b]));
	}
	/* All at full scale: one run through every block. */
	for (i = 0; i < n; i++)
		sig[i] = i % 2 ? 32767 : -32768;
	CHECK(same_as_ref(sig, n, RATE, 1, 65536));
	CHECK(same_as_ref(sig, n, RATE, 1, 5));
}

int
main(void)
{
	RUN(test_sine);
	RUN(test_half);
	RUN(test_silence);
	RUN(test_clips);
	RUN(test_lead_trail);
	RUN(test_dc);
	RUN(test_hf);
	RUN(test_progress);
	RUN(test_reference);
	return UNIT_EXIT();
}
