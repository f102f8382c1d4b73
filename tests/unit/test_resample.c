/* Unit tests of lib/resample.c: length, level, frequency, aliasing. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "buf.h"
#include "diag.h"
#include "resample.h"
#include "unit.h"
#include "xalloc.h"

#ifndef M_PI
#define M_PI 3.14159265358979323846
#endif

static uint32_t
get32(const unsigned char *p)
{
	return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24;
}

static int
sample(const struct buf *w, size_t i)
{
	const unsigned char *p = (const unsigned char *)w->s + 44 + 2 * i;

	return (int16_t)(p[0] | p[1] << 8);
}

/* Frames in a WAV we wrote, from its header; checks the header too. */
static size_t
frames_of(const struct buf *w, unsigned int rate)
{
	const unsigned char *p = (const unsigned char *)w->s;

	CHECK(w->len >= 44);
	if (w->len < 44)
		return 0;
	CHECK(get32(p + 24) == rate);
	CHECK(get32(p + 40) == w->len - 44);
	CHECK(get32(p + 4) == w->len - 8);
	return get32(p + 40) / 2;
}

/* A tone of amp at freq, n frames of ch identical channels. */
static float *
tone(size_t n, unsigned int ch, unsigned int rate, double freq, double amp)
{
	float *p = xreallocarray(NULL, n ? n * ch : 1, sizeof(*p));
	size_t i, j;

	for (i = 0; i < n; i++)
		for (j = 0; j < ch; j++)
			p[i * ch + j] = amp * sin(2 * M_PI * freq * i / rate);
	return p;
}

static int
convert(const float *p, size_t n, unsigned int ch, unsigned int rate,
    const struct resample_opts *o, struct buf *w, struct resample_stats *st)
{
	struct diag d = DIAG_INIT;
	int rc;

	buf_reset(w);
	rc = resample_mem(o, p, n, ch, rate, w, st, &d);
	diag_release(&d);
	return rc;
}

/* RMS and the level of freq (Goertzel) over the middle of the output. */
static void
measure(const struct buf *w, size_t n, unsigned int rate, double freq,
    double *rms, double *at)
{
	size_t i, lo = n / 8, hi = n - n / 8;
	double s, sum = 0, q0, q1 = 0, q2 = 0, k = 2 * cos(2 * M_PI * freq /
	    rate);

	for (i = lo; i < hi; i++) {
		s = sample(w, i) / 32768.0;
		sum += s * s;
		q0 = k * q1 - q2 + s;
		q2 = q1;
		q1 = q0;
	}
	*rms = sqrt(sum / (hi - lo));
	/* The amplitude of the tone, from the Goertzel power. */
	*at = 2 * sqrt(q1 * q1 + q2 * q2 - k * q1 * q2) / (hi - lo);
}

static void
test_length_formula(void)
{
	CHECK(resample_length(0, 44100, 16000) == 0);
	CHECK(resample_length(1, 44100, 16000) == 0);
	CHECK(resample_length(2, 44100, 16000) == 1);
	CHECK(resample_length(1, 8000, 16000) == 2);
	CHECK(resample_length(1323000, 44100, 16000) == 480000);
	CHECK(resample_length(3, 48000, 16000) == 1);
	CHECK(resample_length(3, 32000, 16000) == 2);	/* 1.5 rounds up */
	CHECK(resample_length(UINT64_C(1) << 50, 48000, 16000) ==
	    (UINT64_C(1) << 50) / 3 + 0);
}

/* Output length is round(frames x ratio) for every length and rate. */
static void
test_exact_length(void)
{
	static const size_t lens[] = { 0, 1, 2, 3, 5, 7, 100, 4095, 4096,
	    4097, 8191, 44100, 44101, 50000 };
	static const unsigned int rates[] = { 8000, 11025, 16000, 22050,
	    44100, 48000, 96000 };
	struct resample_opts o = RESAMPLE_OPTS_INIT;
	struct resample_stats st = RESAMPLE_STATS_INIT;
	struct buf w = BUF_INIT;
	size_t i, j, want;
	unsigned int out;
	float *p;

	o.quality = RESAMPLE_FAST;
	for (out = 8000; out <= 16000; out += 8000) {
		o.rate = out;
		for (j = 0; j < sizeof(rates) / sizeof(rates[0]); j++)
			for (i = 0; i < sizeof(lens) / sizeof(lens[0]); i++) {
				p = tone(lens[i], 2, rates[j], 440, 0.5);
				CHECK(convert(p, lens[i], 2, rates[j], &o, &w,
				    &st) == 0);
				want = (size_t)floor((double)lens[i] * out /
				    rates[j] + 0.5);
				if (frames_of(&w, out) != want)
					printf("# %zu frames at %u -> %u: "
					    "%zu, want %zu\n", lens[i],
					    rates[j], out, frames_of(&w, out),
					    want);
				CHECK(frames_of(&w, out) == want);
				CHECK(st.out_frames == want);
				free(p);
			}
	}
	/* Each converter, at the length that trips a bare loop. */
	for (o.quality = RESAMPLE_BEST; o.quality <= RESAMPLE_FAST;
	    o.quality++) {
		o.rate = 16000;
		p = tone(44100 * 2, 1, 44100, 440, 0.5);
		CHECK(convert(p, 44100 * 2, 1, 44100, &o, &w, &st) == 0);
		CHECK(frames_of(&w, 16000) == 32000);
		free(p);
	}
	buf_release(&w);
}

/* A 1 kHz tone keeps its frequency and level, mono, at each quality. */
static void
test_sine(void)
{
	struct resample_opts o = RESAMPLE_OPTS_INIT;
	struct resample_stats st = RESAMPLE_STATS_INIT;
	struct buf w = BUF_INIT;
	double rms, at, off;
	float *p = tone(44100, 2, 44100, 1000, 0.5);
	size_t n;

	for (o.quality = RESAMPLE_BEST; o.quality <= RESAMPLE_FAST;
	    o.quality++) {
		CHECK(convert(p, 44100, 2, 44100, &o, &w, &st) == 0);
		CHECK((n = frames_of(&w, 16000)) == 16000);
		CHECK(get32((unsigned char *)w.s + 20) == 0x00010001);
		measure(&w, n, 16000, 1000, &rms, &at);
		/* Level: 0.5 peak is -6.02 dBFS; within 0.1 dB. */
		CHECK(fabs(20 * log10(at / 0.5)) < 0.1);
		CHECK(fabs(20 * log10(rms / (0.5 / sqrt(2)))) < 0.1);
		/* Frequency: all the energy is at 1 kHz, none next to it. */
		measure(&w, n, 16000, 1050, &rms, &off);
		CHECK(off < 0.01 * at);
	}
	free(p);
	buf_release(&w);
}

/* Nothing above the new Nyquist frequency folds back. */
static void
test_aliasing(void)
{
	static const double freqs[] = { 9000, 12000, 17000, 21000 };
	struct resample_opts o = RESAMPLE_OPTS_INIT;
	struct resample_stats st = RESAMPLE_STATS_INIT;
	struct buf w = BUF_INIT;
	double rms, at;
	float *p;
	size_t i, n;

	for (o.quality = RESAMPLE_BEST; o.quality <= RESAMPLE_FAST;
	    o.quality++)
		for (i = 0; i < sizeof(freqs) / sizeof(freqs[0]); i++) {
			p = tone(48000, 1, 48000, freqs[i], 0.9);
			CHECK(convert(p, 48000, 1, 48000, &o, &w, &st) == 0);
			n = frames_of(&w, 16000);
			measure(&w, n, 16000, 1000, &rms, &at);
			/* At least 60 dB down: dither alone is -96 dB. */
			if (rms > 0.9 * 0.001)
				printf("# %.0f Hz at quality %d: %.1f dB\n",
				    freqs[i], (int)o.quality,
				    20 * log10(rms / 0.9));
			CHECK(rms < 0.9 * 0.001);
			free(p);
		}
	/* To 8 kHz: a 5 kHz tone is gone. */
	o.rate = 8000;
	o.quality = RESAMPLE_MEDIUM;
	p = tone(44100, 1, 44100, 5000, 0.9);
	CHECK(convert(p, 44100, 1, 44100, &o, &w, &st) == 0);
	n = frames_of(&w, 8000);
	CHECK(n == 8000);
	measure(&w, n, 8000, 1000, &rms, &at);
	CHECK(rms < 0.9 * 0.001);
	free(p);
	buf_release(&w);
}

/* Same input, same bytes; the dither is there and is +-1 LSB. */
static void
test_dither(void)
{
	struct resample_opts o = RESAMPLE_OPTS_INIT;
	struct resample_stats st = RESAMPLE_STATS_INIT;
	struct buf a = BUF_INIT, b = BUF_INIT;
	float *p = tone(22050, 2, 22050, 300, 0.3), *dc;
	size_t i, n = 16000, ones = 0;
	long sum = 0;
	int s;

	CHECK(convert(p, 22050, 2, 22050, &o, &a, &st) == 0);
	CHECK(convert(p, 22050, 2, 22050, &o, &b, &st) == 0);
	CHECK(a.len == b.len && memcmp(a.s, b.s, a.len) == 0);
	/* A quarter LSB of DC: dithered, its mean survives. */
	dc = xreallocarray(NULL, n, sizeof(*dc));
	for (i = 0; i < n; i++)
		dc[i] = 0.25f / 32768;
	CHECK(convert(dc, n, 1, 16000, &o, &a, &st) == 0);
	for (i = 0; i < n; i++) {
		s = sample(&a, i);
		CHECK(s >= -1 && s <= 1);
		sum += s;
		ones += s != 0;
	}
	CHECK(ones > n / 4);
	CHECK(fabs((double)sum / n - 0.25) < 0.05);
	/* Exact 16-bit values pass through untouched. */
	for (i = 0; i < n; i++)
		dc[i] = (float)((long)(i * 37 % 65536) - 32768) / 32768;
	CHECK(convert(dc, n, 1, 16000, &o, &a, &st) == 0);
	for (i = 0; i < n && unit_failed == 0; i++)
		CHECK(sample(&a, i) == (long)(i * 37 % 65536) - 32768);
	free(dc);
	free(p);
	buf_release(&a);
	buf_release(&b);
}

/* Overload clips, never wraps, and is counted. */
static void
test_clipping(void)
{
	struct resample_opts o = RESAMPLE_OPTS_INIT;
	struct resample_stats st = RESAMPLE_STATS_INIT;
	struct buf w = BUF_INIT;
	float *p = tone(16000, 1, 16000, 100, 1.5);
	size_t i, over = 0;
	double v;
	int s;

	for (i = 0; i < 16000; i++) {
		v = floor(p[i] * 32768.0 + 0.5);
		over += v > 32767 || v < -32768;
	}
	CHECK(convert(p, 16000, 1, 16000, &o, &w, &st) == 0);
	CHECK(over > 1000);
	CHECK(st.clipped == over);
	for (i = 0; i < 16000; i++) {
		s = sample(&w, i);
		if (p[i] > 1)
			CHECK(s == 32767);
		if (p[i] < -1)
			CHECK(s == -32768);
	}
	/* Through the converter too: overshoot of a loud square wave. */
	free(p);
	p = tone(44100, 2, 44100, 1000, 1.0);
	for (i = 0; i < 88200; i++)
		p[i] = p[i] >= 0 ? 1.0f : -1.0f;
	CHECK(convert(p, 44100, 2, 44100, &o, &w, &st) == 0);
	CHECK(st.clipped > 0);
	free(p);
	buf_release(&w);
}

/* --channel picks one channel; the default is the mean. */
static void
test_channels(void)
{
	struct resample_opts o = RESAMPLE_OPTS_INIT;
	struct resample_stats st = RESAMPLE_STATS_INIT;
	struct buf w = BUF_INIT;
	float *p = tone(16000, 2, 16000, 500, 0.5);
	double rms, at;
	size_t i;

	for (i = 0; i < 16000; i++)
		p[2 * i + 1] = 0;
	CHECK(convert(p, 16000, 2, 16000, &o, &w, &st) == 0);
	measure(&w, 16000, 16000, 500, &rms, &at);
	CHECK(fabs(at - 0.25) < 0.001);
	o.channel = 2;
	CHECK(convert(p, 16000, 2, 16000, &o, &w, &st) == 0);
	for (i = 0; i < 16000; i++)
		CHECK(sample(&w, i) == 0);
	o.channel = 1;
	CHECK(convert(p, 16000, 2, 16000, &o, &w, &st) == 0);
	measure(&w, 16000, 16000, 500, &rms, &at);
	CHECK(fabs(at - 0.5) < 0.001);
	free(p);
	buf_release(&w);
}

static void
test_outputs(void)
{
	char *one[] = { "a.flac" }, *two[] = { "x/a.flac", "b" },
	    *clash[] = { "x/a.flac", "y/a.wav" }, *in[] = { "-" };
	char **o, *msg;

	CHECK((msg = resample_outputs(one, 1, NULL, &o)) == NULL);
	CHECK_STR(o[0], "-");
	resample_outputs_free(o, 1);
	CHECK((msg = resample_outputs(two, 2, "out", &o)) == NULL);
	CHECK_STR(o[0], "out/a.wav");
	CHECK_STR(o[1], "out/b.wav");
	resample_outputs_free(o, 2);
	CHECK((msg = resample_outputs(two, 2, NULL, &o)) != NULL);
	CHECK(o == NULL);
	free(msg);
	CHECK((msg = resample_outputs(clash, 2, "out", &o)) != NULL);
	CHECK_STR(msg, "'x/a.flac' and 'y/a.wav' would both be written to "
	    "'out/a.wav'");
	free(msg);
	CHECK((msg = resample_outputs(in, 1, "out", &o)) != NULL);
	free(msg);
}

int
main(void)
{
	RUN(test_length_formula);
	RUN(test_exact_length);
	RUN(test_sine);
	RUN(test_aliasing);
	RUN(test_dither);
	RUN(test_clipping);
	RUN(test_channels);
	RUN(test_outputs);
	return UNIT_EXIT();
}
