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
	return UNIT_EXIT();
}
