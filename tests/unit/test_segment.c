/*
 * Unit tests for lib/segment.c: the cut plan and the drift estimate on
 * made-up envelopes (10 ms frames of sound at -20 dBFS and of quiet at
 * -80 dBFS, unless a test says otherwise).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "captions.h"
#include "diag.h"
#include "segment.h"
#include "unit.h"
#include "xalloc.h"

#define LOUD	(-20.0f)
#define QUIET	(-80.0f)

static struct diag d;
static struct cues cs;
static struct seg_env e;
static struct seg_plan p;
static struct seg_opts o;

static void
reset(void)
{
	diag_clear(&d);
	cues_release(&cs);
	cs.name = xstrdup("t.srt");
	seg_env_release(&e);
	seg_plan_release(&p);
	memset(&o, 0, sizeof(o));
	o.max_s = 40;
	o.gap_s = 2;
	o.target_s = 15;
	o.pad_s = 0.5;
}

/* Append n frames at level db to the envelope. */
static void
frames(size_t n, float db)
{
	if (e.n + n > e.cap) {
		e.cap = e.n + n + 1024;
		e.db = xreallocarray(e.db, e.cap, sizeof(*e.db));
	}
	while (n-- > 0)
		e.db[e.n++] = db;
	e.rate = 16000;
	e.channels = 1;
	e.frames = (uint64_t)e.n * 160;
}

static void
cue(double a, double b, const char *text, const char *speaker)
{
	struct cue *q;

	if (cs.n == cs.cap) {
		cs.cap = cs.cap ? cs.cap * 2 : 8;
		cs.v = xreallocarray(cs.v, cs.cap, sizeof(*cs.v));
	}
	q = &cs.v[cs.n++];
	memset(q, 0, sizeof(*q));
	q->start = a;
	q->end = b;
	q->text = xstrdup(text);
	q->speaker = speaker != NULL ? xstrdup(speaker) : NULL;
	q->line = 4 * cs.n - 2;
}

static size_t
count(const char *id)
{
	size_t i, n = 0;

	for (i = 0; i < d.n; i++)
		n += d.v[i].rule != NULL && strcmp(d.v[i].rule->id, id) == 0;
	return n;
}

/*
 * What every plan must be: clips in order, sharing no frame, within
 * the limit, starting and ending on a quiet frame.
 */
static void
check_plan(void)
{
	size_t i;

	for (i = 0; i < p.n; i++) {
		CHECK(p.v[i].start < p.v[i].end);
		CHECK(p.v[i].end <= e.n);
		CHECK(p.v[i].end - p.v[i].start <=
		    (size_t)(o.max_s * SEG_FPS + 1e-6));
		/* With no pad, a clip is its sound. */
		CHECK(o.pad_s == 0 || e.db[p.v[i].start] <= p.lv.quiet);
		CHECK(o.pad_s == 0 || e.db[p.v[i].end - 1] <= p.lv.quiet);
		if (i > 0)
			CHECK(p.v[i - 1].end <= p.v[i].start);
	}
}

static void
plan(void)
{
	seg_plan(&e, &cs, &o, &p, &d);
	check_plan();
}

static void
test_levels(void)
{
	struct seg_levels lv;
	size_t i;

	reset();
	/* A clean recording: digital silence and speech. */
	frames(300, -100);
	frames(700, -15);
	seg_levels(&e, &lv);
	CHECK(lv.floor == -100);
	CHECK(fabs(lv.speech + 15) < 0.3);
	CHECK(fabs(lv.quiet + 50) < 0.3);
	/* A noisy one: the floor wanders by 2 dB around -60. */
	reset();
	for (i = 0; i < 300; i++)
		frames(1, i % 2 ? -58 : -62);
	frames(700, -20);
	seg_levels(&e, &lv);
	CHECK(fabs(lv.floor + 62) < 0.3);
	CHECK(fabs(lv.quiet + 52) < 0.3);
	/* Speech 15 dB over the noise: quiet stays 10 dB under speech. */
	reset();
	frames(300, -40);
	frames(700, -25);
	seg_levels(&e, &lv);
	CHECK(fabs(lv.quiet + 35) < 0.3);
	/* Nothing but silence. */
	reset();
	frames(100, -100);
	seg_levels(&e, &lv);
	CHECK(lv.quiet > -100);
}

/* Five 4 s sentences 1 s apart, with 1 s of quiet before and after. */
static void
five(void)
{
	static const char *const w[] = { "one", "two", "three", "four",
	    "five" };
	size_t k;

	frames(100, QUIET);
	for (k = 0; k < 5; k++) {
		frames(400, LOUD);
		frames(100, QUIET);
		cue(1 + 5.0 * k, 5 + 5.0 * k, w[k], NULL);
	}
}

static void
test_dp(void)
{
	reset();
	five();
	o.pad_s = 0;
	o.target_s = 8;
	o.max_s = 20;
	plan();
	/* 9 s clips are the nearest to 8: [1 2] [3 4] [5], not greedy. */
	REQUIRE(p.n == 3);
	CHECK(p.v[0].start == 100 && p.v[0].end == 1000);
	CHECK(p.v[1].start == 1100 && p.v[1].end == 2000);
	CHECK(p.v[2].start == 2100 && p.v[2].end == 2500);
	CHECK_STR(p.v[0].text, "one two");
	CHECK_STR(p.v[2].text, "five");
	CHECK(p.v[0].line == 2 && p.v[1].line == 10);
	CHECK(p.merged == 2 && p.skipped == 0 && d.n == 0);
	/* A target of 14: three sentences, then two. */
	reset();
	five();
	o.pad_s = 0;
	o.target_s = 14;
	plan();
	REQUIRE(p.n == 2);
	CHECK_STR(p.v[0].text, "one two three");
	/* No clip over --max-seconds: 8.9 s keeps each alone. */
	reset();
	five();
	o.max_s = 8.9;
	o.target_s = 8.9;
	plan();
	CHECK(p.n == 5);
	/* The pads: 0.5 s of the pause, never past its middle. */
	reset();
	five();
	o.target_s = 4;
	plan();
	REQUIRE(p.n == 5);
	CHECK(p.v[0].start == 50 && p.v[0].end == 550);
	CHECK(p.v[1].start == 550 && p.v[1].end == 1050);
	/* A long clip gives up its pads to fit. */
	reset();
	frames(200, QUIET);
	frames(3950, LOUD);
	frames(200, QUIET);
	cue(2, 41.5, "long", NULL);
	plan();
	REQUIRE(p.n == 1);
	CHECK(p.v[0].end - p.v[0].start == 4000);
	CHECK(p.v[0].start == 175 && p.v[0].end == 4175);
}

static void
test_gap(void)
{
	reset();
	/* 5 s between the cues, with sound without a caption in it. */
	frames(100, QUIET);
	frames(300, LOUD);
	frames(200, QUIET);
	frames(100, LOUD);
	frames(200, QUIET);
	frames(300, LOUD);
	frames(100, QUIET);
	cue(1, 4, "first", NULL);
	cue(9, 12, "second", NULL);
	plan();
	REQUIRE(p.n == 2);
	CHECK(p.v[0].end == 450);
	CHECK(p.v[1].start == 850);
	/* Within --max-gap the pause may be inside one clip. */
	reset();
	frames(100, QUIET);
	frames(300, LOUD);
	frames(150, QUIET);
	frames(300, LOUD);
	frames(100, QUIET);
	cue(1, 4, "first", NULL);
	cue(5.5, 8.5, "second", NULL);
	plan();
	CHECK(p.n == 1);
	o.gap_s = 1;
	plan();
	CHECK(p.n == 2);
}

static void
test_speaker(void)
{
	reset();
	frames(100, QUIET);
	frames(300, LOUD);
	frames(60, QUIET);
	frames(300, LOUD);
	frames(100, QUIET);
	cue(1, 4, "hello", "Ann");
	cue(4.6, 7.6, "hi", "Bob");
	plan();
	REQUIRE(p.n == 2);
	/* The cut is in the middle of the pause; the pads stop there. */
	CHECK(p.v[0].end == 430 && p.v[1].start == 430);
	/* A dialog dash is a new speaker too; no name, the same one. */
	reset();
	frames(100, QUIET);
	frames(300, LOUD);
	frames(60, QUIET);
	frames(300, LOUD);
	frames(100, QUIET);
	cue(1, 4, "hello", NULL);
	cue(4.6, 7.6, "- hi", NULL);
	plan();
	CHECK(p.n == 2);
	cues_release(&cs);
	cs.name = xstrdup("t.srt");
	cue(1, 4, "hello", "Ann");
	cue(4.6, 7.6, "hi", NULL);
	plan();
	CHECK(p.n == 1);
}

static void
test_noquiet(void)
{
	reset();
	/* Two speakers and no pause between them: no cut is possible. */
	frames(100, QUIET);
	frames(600, LOUD);
	frames(100, QUIET);
	cue(1, 4, "hello", "Ann");
	cue(4, 7, "hi", "Bob");
	plan();
	CHECK(p.n == 0);
	CHECK(count("SEG-NOQUIET") == 1);
	CHECK(p.skipped == 2);
	CHECK(fabs(p.skipped_s - 6) < 1e-9);
	/* The same speaker: one clip, no finding. */
	reset();
	frames(100, QUIET);
	frames(600, LOUD);
	frames(100, QUIET);
	cue(1, 4, "hello", NULL);
	cue(4, 7, "again", NULL);
	plan();
	CHECK(p.n == 1 && d.n == 0);
	/* Sound right at the start of the recording: no quiet before. */
	reset();
	frames(300, LOUD);
	frames(100, QUIET);
	frames(300, LOUD);
	frames(100, QUIET);
	cue(0.6, 3, "late", NULL);
	cue(4, 7, "fine", NULL);
	o.gap_s = 0.5;
	plan();
	REQUIRE(p.n == 1);
	CHECK_STR(p.v[0].text, "fine");
	CHECK(count("SEG-NOQUIET") == 1);
	/* A 30 ms gap of digital silence in a word is not a pause. */
	reset();
	frames(100, QUIET);
	frames(50, LOUD);
	frames(3, -100);
	frames(247, LOUD);
	frames(100, QUIET);
	cue(1.4, 4, "word", NULL);
	plan();
	REQUIRE(p.n == 1);
	CHECK(p.v[0].start == 50);
	/*
	 * A short cue captioned late: the quiet after its words, reached
	 * past the window's end, must not win over the pause before them.
	 */
	reset();
	frames(100, QUIET);
	frames(300, LOUD);
	frames(70, QUIET);
	frames(35, LOUD);
	frames(100, QUIET);
	cue(1, 4, "long", NULL);
	cue(4.9, 5.25, "short", NULL);
	o.max_s = 4;
	plan();
	REQUIRE(p.n == 2);
	CHECK_STR(p.v[1].text, "short");
	CHECK(p.v[1].start == 435 && d.n == 0);
	/* Noise 20 dB over the floor for 80 ms is a pause no more. */
	reset();
	frames(100, QUIET);
	frames(300, LOUD);
	frames(8, -70);
	frames(300, LOUD);
	frames(100, QUIET);
	cue(1, 4, "hello", "Ann");
	cue(4.1, 7.1, "hi", "Bob");
	plan();
	CHECK(p.n == 0 && count("SEG-NOQUIET") == 1);
}

static void
test_skips(void)
{
	reset();
	frames(100, QUIET);
	frames(300, LOUD);
	frames(300, QUIET);
	frames(300, LOUD);
	frames(100, QUIET);
	cue(1, 4, "first", NULL);
	cue(4.5, 6.5, "[music]", NULL);
	cue(5, 6, "nothing said", NULL);
	cue(7, 10, "second", NULL);
	cue(12, 14, "after the end", NULL);
	plan();
	CHECK(p.n == 2);
	CHECK(p.sound == 1);
	CHECK(count("SEG-SILENT") == 1);
	CHECK(count("SEG-PAST") == 1);
	CHECK(p.skipped == 2);
	CHECK(d.n == 2 && d.v[0].line == 10 && d.v[1].line == 18);
	/* One cue over the limit. */
	reset();
	frames(100, QUIET);
	frames(4500, LOUD);
	frames(100, QUIET);
	cue(1, 46, "long", NULL);
	plan();
	CHECK(p.n == 0 && count("SEG-LONG") == 1);
	/* Two that cannot be cut apart and together are. */
	reset();
	frames(100, QUIET);
	frames(4500, LOUD);
	frames(100, QUIET);
	cue(1, 23, "one", NULL);
	cue(23, 46, "two", NULL);
	plan();
	CHECK(p.n == 0 && count("SEG-LONG") == 1);
}

static void
test_overlap(void)
{
	static const char srt[] = "1\n00:00:00,000 --> 00:00:09,000\n"
	    "[music]\n\n2\n00:00:01,000 --> 00:00:04,000\nhello\n\n"
	    "3\n00:00:03,500 --> 00:00:05,000\nme too\n\n"
	    "4\n00:00:06,000 --> 00:00:08,000\nbye\n";

	reset();
	/* Music under the words overlaps no one; two voices do. */
	REQUIRE(cap_parse(srt, sizeof(srt) - 1, "t.srt", CAP_SRT, NULL, &cs,
	    &d) == 0);
	CHECK(count("SEG-OVERLAP") == 1);
	REQUIRE(cs.n == 4 && cs.v[2].overlap == 6 && cs.v[3].overlap == 0);
	frames(100, QUIET);
	frames(400, LOUD);
	frames(100, QUIET);
	frames(200, LOUD);
	frames(100, QUIET);
	plan();
	REQUIRE(p.n == 1);
	CHECK_STR(p.v[0].text, "bye");
	CHECK(p.skipped == 2 && p.sound == 1);
	CHECK(p.v[0].start == 550);
}

/* xorshift: the same made-up speech every run. */
static unsigned int
rnd(unsigned int *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 17;
	*s ^= *s << 5;
	return *s;
}

/*
 * 150 s of sentences (1 to 4 s) and pauses (0.3 to 2 s); each cue is
 * its sentence's time heard at t, written at (t - off) / ratio.
 */
static void
speech(double off, double ratio)
{
	unsigned int s = 12345;
	size_t a, b;

	frames(200, QUIET);
	while (e.n < 15000) {
		a = e.n;
		frames(100 + rnd(&s) % 300, LOUD);
		b = e.n;
		frames(30 + rnd(&s) % 170, QUIET);
		cue(((double)a / SEG_FPS - off) / ratio,
		    ((double)b / SEG_FPS - off) / ratio, "words", NULL);
	}
}

static void
test_sync(void)
{
	struct seg_sync sy;
	struct seg_levels lv;

	reset();
	speech(1.23, 1);
	seg_levels(&e, &lv);
	seg_sync_estimate(&e, &lv, &cs, &sy);
	CHECK(fabs(sy.offset - 1.23) < 0.015);
	CHECK(sy.ratio == 1);
	CHECK(sy.confidence > 0.5);
	seg_sync_apply(&cs, &sy);
	CHECK(fabs(cs.v[0].start - 2) < 0.015);
	reset();
	speech(-0.7, 1);
	seg_levels(&e, &lv);
	seg_sync_estimate(&e, &lv, &cs, &sy);
	CHECK(fabs(sy.offset + 0.7) < 0.015);
	/* PAL speed-up: subtitles of the 25 frames a second cut. */
	reset();
	speech(0.4, 25 / 24.0);
	seg_levels(&e, &lv);
	seg_sync_estimate(&e, &lv, &cs, &sy);
	CHECK(fabs(sy.ratio - 25 / 24.0) < 1e-9);
	CHECK(fabs(sy.offset - 0.4) < 0.05);
	CHECK(sy.confidence > 0.5);
	/* Periodic speech has no one answer; silence none at all. */
	reset();
	while (e.n < 6000) {
		frames(200, LOUD);
		frames(100, QUIET);
		cue((double)(e.n - 300) / SEG_FPS, (double)(e.n - 100) /
		    SEG_FPS, "tick", NULL);
	}
	seg_levels(&e, &lv);
	seg_sync_estimate(&e, &lv, &cs, &sy);
	CHECK(sy.confidence < SEG_SYNC_SURE);
	reset();
	frames(1000, -100);
	cue(1, 2, "x", NULL);
	seg_levels(&e, &lv);
	seg_sync_estimate(&e, &lv, &cs, &sy);
	CHECK(sy.confidence == 0 && sy.offset == 0);
}

/* Plans are linear: a long recording of many cues is planned fast. */
static void
test_linear(void)
{
	size_t k;

	reset();
	frames(100, QUIET);
	for (k = 0; k < 20000; k++) {
		frames(150, LOUD);
		frames(40, QUIET);
		cue(1 + 1.9 * k, 2.5 + 1.9 * k, "w", NULL);
	}
	plan();
	CHECK(p.n > 1000 && p.skipped == 0);
}

int
main(void)
{
	RUN(test_levels);
	RUN(test_dp);
	RUN(test_gap);
	RUN(test_speaker);
	RUN(test_noquiet);
	RUN(test_skips);
	RUN(test_overlap);
	RUN(test_sync);
	RUN(test_linear);
	reset();
	cues_release(&cs);
	seg_env_release(&e);
	diag_release(&d);
	return UNIT_EXIT();
}
