/*
 * vox-segment: long recordings and their captions to training clips.
 *
 * Levels.  A recording is first read into an envelope: the mean square
 * of each 10 ms frame of the channels' mean, in dBFS (digital silence
 * is SEG_FLOOR_DB).  Only the envelope stays in memory, 4 bytes a
 * frame: 4.3 MB for three hours.  From its distribution come two
 * levels: the floor, the 5th percentile of all frames, and the speech
 * level, the 95th percentile of the frames that are not digital
 * silence.  A frame is quiet when it is at most
 *	min(max(floor + 10 dB, speech - 35 dB), speech - 10 dB):
 * 10 dB above the noise floor of a noisy recording (10 ms frames of
 * noise wander a few dB), 35 dB below the speech of a clean one (whose
 * floor may be digital silence), and never within 10 dB of the speech.
 * Everything else is sound.
 *
 * Cuts.  A pause is a run of quiet frames, of 100 ms at least (or one
 * at an end of the recording): shorter ones are as often the closure
 * of a stop consonant inside a word.  Each pause between two cues is
 * searched from SEG_SLACK before the first cue's end to SEG_SLACK
 * after the next one's start (captions are that far off), never past
 * the middle of either cue nor into a cue that overlaps.  The longest
 * pause met is taken (a long pause is a sentence's end; a short one in
 * the window may be inside a word), and in it the quietest frame: of
 * several within TIE_DB of the quietest, the middle of the longest
 * stretch of them.  A pause longer than --max-gap (by the cues' times),
 * a cue left out in it, and the ends of the recording are searched on
 * each side apart (the end of the one clip near the one cue, the start
 * of the next near the next), so sound in the middle of a long pause,
 * such as speech without a caption, goes into no clip.  A clip holds
 * its cues' sound, from the first frame of sound after the cut before
 * it to the last before the cut after it, and up to --pad seconds of
 * the quiet around them: it begins and ends in quiet, and two clips
 * never share a frame.
 *
 * Packing.  Cues that overlap by more than CAP_SLACK are left out, both:
 * a clip of either would hold the other's words.  Cues with no cut
 * between them stick together; each such group must start and end at a
 * cut, hold no speaker change, have its sound start within SEG_SLACK of
 * its first cue's start (captions start with their words; their ends
 * often linger) and fit in --max-seconds, or it is left out with a
 * finding at its first cue's line.  Between cuts that may be crossed (a short pause, the same
 * speaker) the groups are joined into clips by dynamic programming
 * over the whole run, minimising the sum over clips of
 * ((length - target) / target)^2: clips near --target-seconds, few
 * very short or very long ones, and a greedy packer's bad last clip
 * avoided.  Each group's candidates reach back at most --max-seconds,
 * so the work is linear in the recording.
 *
 * Drift.  The recording's sound mask (frames of sound) is correlated
 * with the cues' mask (frames under a cue) at every offset up to
 * SEG_SYNC_MAX seconds either way, as ffsubsync does with an FFT; here
 * the masks are bit sets of 100 ms frames and each offset is a pass of
 * AND and popcount over them, linear in the recording for the fixed
 * range of offsets and with no array of the recording's length in
 * floating point.  The best offset is then refined at 10 ms.  A linear
 * drift is the cues' clock running at another speed, as subtitles made
 * for a film at 25 frames a second played at 23.976: the search is
 * repeated for those ratios of frame rates, as ffsubsync does.  The
 * confidence is how far the peak stands above the next local maximum
 * at least 1 s away, as a share of its height over the median; the
 * gain, how much more of the cues' time the estimate puts on sound than
 * the captions as they are.  An estimate is sure when either is high
 * (regular speech has a low confidence and no gain).  Captions surely
 * off by more than SEG_SLACK are not used unless --sync moves them.
 */
#include <errno.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "audio.h"
#include "buf.h"
#include "captions.h"
#include "diag.h"
#include "io.h"
#include "jobs.h"
#include "profile.h"
#include "resample.h"
#include "segment.h"
#include "text.h"
#include "trans.h"
#include "xalloc.h"

#define BLOCK		4096	/* frames decoded at a time */
#define TIE_DB		3.0	/* as quiet as the quietest frame */
#define QUIET_RUN	10	/* frames of quiet a pause has at least */
#define REACH		500	/* frames a pause is followed past a window */
#define HIST_STEP	0.25	/* dB a histogram bin */
#define HIST_TOP	20.0	/* float audio may go past full scale */
#define HIST_N		((size_t)((HIST_TOP - SEG_FLOOR_DB) / HIST_STEP) + 1)
#define ABOVE_FLOOR	10.0
#define BELOW_SPEECH	35.0
#define SPEECH_MARGIN	10.0
#define COARSE		10	/* envelope frames a drift-search frame */
#define FINE		15	/* 10 ms steps refined either way */
#define LOBE		10	/* coarse frames: 1 s */
#define RATIO_GAIN	1.1	/* another speed must beat 1 by this */

static volatile sig_atomic_t stop;

static void
onstop(int sig)
{
	stop = sig;
}

/* Sample of the start of envelope frame k: floor(k * rate / 100). */
static uint64_t
edge(uint64_t k, unsigned int rate)
{
	return k / SEG_FPS * rate + k % SEG_FPS * rate / SEG_FPS;
}

static void
env_push(struct seg_env *e, double ms)
{
	double db = ms > 0 ? 10 * log10(ms) : SEG_FLOOR_DB;

	if (db < SEG_FLOOR_DB || isnan(db))
		db = SEG_FLOOR_DB;
	if (e->n == e->cap) {
		e->cap = e->cap > 0 ? e->cap * 2 : 4096;
		e->db = xreallocarray(e->db, e->cap, sizeof(*e->db));
	}
	e->db[e->n++] = (float)db;
}

void
seg_env_release(struct seg_env *e)
{
	free(e->db);
	memset(e, 0, sizeof(*e));
}

/*
 * Read the recording at path into its envelope, streaming.  Returns 0,
 * or -1 after a finding or a system error (or when interrupted).
 */
int
seg_envelope(const char *path, struct seg_env *e, struct diag *d)
{
	struct audio_fmt f;
	struct audio_in *a;
	struct loc l = { path, NULL, 0, 0 };
	float *b = NULL;
	double sum = 0, m;
	uint64_t next;
	size_t got, i;
	unsigned int c;
	int rc = -1;

	seg_env_release(e);
	if ((a = audio_open(path, &f, d)) == NULL)
		return -1;
	if (f.rate < 10 * SEG_FPS || f.channels == 0) {
		diag_add(d, &l, "AUDIO-RATE", "sample rate is %u Hz, too low "
		    "for 10 ms frames; the recording is not cut", f.rate);
		goto out;
	}
	e->rate = f.rate;
	e->channels = f.channels;
	b = xreallocarray(NULL, BLOCK, f.channels * sizeof(*b));
	next = edge(1, f.rate);
	while (!stop && (got = audio_read(a, b, BLOCK)) > 0)
		for (i = 0; i < got; i++) {
			m = 0;
			for (c = 0; c < f.channels; c++)
				m += b[i * f.channels + c];
			m /= f.channels;
			sum += m * m;
			if (++e->frames < next)
				continue;
			env_push(e, sum / (double)(next - edge(e->n, f.rate)));
			sum = 0;
			next = edge(e->n + 1, f.rate);
		}
	if (stop)
		goto out;
	if (audio_failed(a)) {
		diag_syserr(d, "cannot read '%s': decoding failed", path);
		goto out;
	}
	if (e->frames > edge(e->n, f.rate))
		env_push(e, sum / (double)(e->frames - edge(e->n, f.rate)));
	rc = 0;
out:
	free(b);
	audio_close(a);
	return rc;
}

/* The level below which a share p of the counted frames lie. */
static double
percentile(const size_t *h, size_t total, double p)
{
	size_t i, acc = 0, want = (size_t)ceil(p * (double)total);

	if (want == 0)
		want = 1;
	for (i = 0; i < HIST_N; i++)
		if ((acc += h[i]) >= want)
			break;
	return SEG_FLOOR_DB + (double)i * HIST_STEP;
}

/* The floor, speech and quiet levels of an envelope: see the top. */
void
seg_levels(const struct seg_env *e, struct seg_levels *lv)
{
	size_t *all, *loud, i, b, nloud = 0;
	double v;

	all = xcalloc(HIST_N, sizeof(*all));
	loud = xcalloc(HIST_N, sizeof(*loud));
	for (i = 0; i < e->n; i++) {
		v = (e->db[i] - SEG_FLOOR_DB) / HIST_STEP;
		b = v <= 0 ? 0 : v >= HIST_N - 1 ? HIST_N - 1 : (size_t)v;
		all[b]++;
		if (e->db[i] > SEG_FLOOR_DB + 1) {
			loud[b]++;
			nloud++;
		}
	}
	lv->floor = e->n > 0 ? percentile(all, e->n, 0.05) : SEG_FLOOR_DB;
	lv->speech = nloud > 0 ? percentile(loud, nloud, 0.95) : SEG_FLOOR_DB;
	lv->quiet = fmax(lv->floor + ABOVE_FLOOR, lv->speech - BELOW_SPEECH);
	if (nloud > 0)
		lv->quiet = fmin(lv->quiet, lv->speech - SPEECH_MARGIN);
	free(all);
	free(loud);
}

/* Bit sets of frames, for the drift search. */
struct mask {
	uint64_t	*w;
	size_t		 nw;
};

static void
mask_init(struct mask *m, size_t n)
{
	m->nw = (n + 63) / 64;
	m->w = xcalloc(m->nw > 0 ? m->nw : 1, sizeof(*m->w));
}

static void
mask_set(struct mask *m, size_t k)
{
	m->w[k / 64] |= (uint64_t)1 << (k % 64);
}

/* The 64 bits of m from bit pos on (bits outside m are 0). */
static uint64_t
mask_get(const struct mask *m, int64_t pos)
{
	int64_t q = pos >= 0 ? pos / 64 : -((-pos + 63) / 64);
	unsigned int r = (unsigned int)(pos - q * 64);
	uint64_t lo, hi;

	lo = q >= 0 && (size_t)q < m->nw ? m->w[q] : 0;
	hi = q + 1 >= 0 && (size_t)(q + 1) < m->nw ? m->w[q + 1] : 0;
	return r == 0 ? lo : lo >> r | hi << (64 - r);
}

/* Frames of cue mask c that fall on sound when shifted by d frames. */
static long
mask_score(const struct mask *c, const struct mask *s, int64_t d)
{
	size_t i;
	long n = 0;

	for (i = 0; i < c->nw; i++)
		if (c->w[i] != 0)
			n += __builtin_popcountll(c->w[i] &
			    mask_get(s, (int64_t)i * 64 + d));
	return n;
}

/* The cues' mask in frames of scale envelope frames, times * ratio. */
static void
cue_mask(struct mask *m, size_t n, const struct cues *cs, double ratio,
    int scale)
{
	double a, b;
	size_t i, k, k1;

	mask_init(m, n);
	for (i = 0; i < cs->n; i++) {
		a = cs->v[i].start * ratio * SEG_FPS / scale;
		b = cs->v[i].end * ratio * SEG_FPS / scale;
		/* A frame is under the cue when its middle is. */
		k = a <= 0 ? 0 : (size_t)ceil(a - 0.5);
		k1 = b <= 0 ? 0 : (size_t)ceil(b - 0.5);
		for (; k < k1 && k < n; k++)
			mask_set(m, k);
	}
}

static int
long_cmp(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;

	return (x > y) - (x < y);
}

/* One ratio's coarse search: its best shift, peak, median and next. */
struct curve {
	double		 ratio;
	int64_t		 best;
	long		 peak;
	long		 median;
	long		 next;
	long		 cued;
};

static void
coarse(const struct mask *s, size_t n, const struct cues *cs, double ratio,
    int64_t span, struct curve *cv)
{
	struct mask c;
	long *sc, *sorted;
	int64_t d, i, nd = 2 * span + 1;
	size_t k;

	cue_mask(&c, n, cs, ratio, COARSE);
	cv->ratio = ratio;
	cv->cued = 0;
	for (k = 0; k < c.nw; k++)
		cv->cued += __builtin_popcountll(c.w[k]);
	sc = xreallocarray(NULL, (size_t)nd, sizeof(*sc));
	sorted = xreallocarray(NULL, (size_t)nd, sizeof(*sorted));
	cv->best = 0;
	for (d = -span; d <= span; d++) {
		sc[d + span] = mask_score(&c, s, d);
		/* Ties go to the shift nearest 0. */
		if (d == -span || sc[d + span] > sc[cv->best + span] ||
		    (sc[d + span] == sc[cv->best + span] &&
		    llabs(d) < llabs(cv->best)))
			cv->best = d;
	}
	memcpy(sorted, sc, (size_t)nd * sizeof(*sc));
	qsort(sorted, (size_t)nd, sizeof(*sorted), long_cmp);
	cv->peak = sc[cv->best + span];
	cv->median = sorted[nd / 2];
	cv->next = cv->median;
	for (i = 0; i < nd; i++)
		if (llabs(i - span - cv->best) >= LOBE &&
		    (i == 0 || sc[i] >= sc[i - 1]) &&
		    (i == nd - 1 || sc[i] >= sc[i + 1]) && sc[i] > cv->next)
			cv->next = sc[i];
	free(sc);
	free(sorted);
	free(c.w);
}

static double
gain(const struct curve *cv)
{
	return cv->cued > 0 ? (double)(cv->peak - cv->median) / cv->cued : 0;
}

/*
 * Estimate the cues' offset and speed against the recording's sound.
 * The speeds tried besides 1 are ratios of the usual frame rates; one
 * is taken only when it could move a cue by a second over the whole
 * recording and fits clearly better.
 */
void
seg_sync_estimate(const struct seg_env *e, const struct seg_levels *lv,
    const struct cues *cs, struct seg_sync *sy)
{
	static const double ratios[] = { 25 / (24000 / 1001.0),
	    (24000 / 1001.0) / 25, 25 / 24.0, 24 / 25.0,
	    24 / (24000 / 1001.0), (24000 / 1001.0) / 24 };
	struct mask s, sf, c;
	struct curve best, other, cv;
	size_t n = (e->n + COARSE - 1) / COARSE, i, k, loud;
	int64_t span, d, top, d0;
	double secs = (double)e->n / SEG_FPS;
	long sc, bestsc, here, cued;

	memset(sy, 0, sizeof(*sy));
	sy->ratio = 1;
	if (e->n == 0 || cs->n == 0)
		return;
	/* A coarse frame is sound when most of its frames are. */
	mask_init(&s, n);
	for (i = 0; i < n; i++) {
		for (k = i * COARSE, loud = 0; k < (i + 1) * COARSE &&
		    k < e->n; k++)
			loud += e->db[k] > lv->quiet;
		if (2 * loud >= COARSE)
			mask_set(&s, i);
	}
	span = (int64_t)(SEG_SYNC_MAX * SEG_FPS / COARSE);
	if ((size_t)span > n)
		span = (int64_t)n;
	coarse(&s, n, cs, 1, span, &best);
	other.cued = 0;
	for (i = 0; i < sizeof(ratios) / sizeof(ratios[0]); i++) {
		if (fabs(ratios[i] - 1) * secs < 1)
			continue;
		coarse(&s, n, cs, ratios[i], span, &cv);
		if (other.cued == 0 || gain(&cv) > gain(&other))
			other = cv;
	}
	if (other.cued > 0 && gain(&other) > RATIO_GAIN * gain(&best))
		best = other;
	free(s.w);
	if (best.peak <= best.median)
		return;
	sy->confidence = (double)(best.peak - best.next) /
	    (double)(best.peak - best.median);
	/* Refine at 10 ms around the coarse peak. */
	mask_init(&sf, e->n);
	for (k = 0; k < e->n; k++)
		if (e->db[k] > lv->quiet)
			mask_set(&sf, k);
	cue_mask(&c, e->n, cs, best.ratio, 1);
	d0 = best.best * COARSE;
	top = d0;
	bestsc = -1;
	for (d = d0 - FINE; d <= d0 + FINE; d++)
		if ((sc = mask_score(&c, &sf, d)) > bestsc ||
		    (sc == bestsc && llabs(d) < llabs(top))) {
			bestsc = sc;
			top = d;
		}
	sy->offset = (double)top / SEG_FPS;
	sy->ratio = best.ratio;
	/* What the estimate gains over the captions as they are. */
	free(c.w);
	cue_mask(&c, e->n, cs, 1, 1);
	for (k = 0, cued = 0; k < c.nw; k++)
		cued += __builtin_popcountll(c.w[k]);
	here = mask_score(&c, &sf, 0);
	if (cued > 0)
		sy->gain = (double)(bestsc - here) / cued;
	free(sf.w);
	free(c.w);
}

/* Move every cue as the estimate says: t becomes t * ratio + offset. */
void
seg_sync_apply(struct cues *cs, const struct seg_sync *sy)
{
	size_t i;

	for (i = 0; i < cs->n; i++) {
		cs->v[i].start = cs->v[i].start * sy->ratio + sy->offset;
		cs->v[i].end = cs->v[i].end * sy->ratio + sy->offset;
	}
}

/* Why a cue is left out. */
enum {
	KEEP,
	D_SOUND,		/* only sound descriptions: counted */
	D_PAST,			/* outside the recording */
	D_LONG,			/* longer than a clip may be */
	D_SILENT,		/* no sound under it */
	D_OVERLAP,		/* overlaps another: speech of two */
	D_GROUP			/* its group cannot be a clip */
};

/* A cue as the plan sees it. */
struct item {
	double		 a;		/* start, seconds */
	double		 b;		/* end */
	double		 in;		/* how far inside it a cut may be */
	char		*text;		/* cleaned; NULL when left out */
	char		*speaker;
	unsigned int	 flags;		/* CAP_* */
	unsigned long	 line;
	int		 drop;
};

/*
 * A cut between two kept cues, or at either end.  qL ends the clip
 * before, qR starts the one after; they are one frame unless the
 * boundary is split.  A clip before it ends by div at the latest, one
 * after it starts at div at the earliest.
 */
struct bound {
	size_t		 qL;
	size_t		 qR;
	size_t		 div;
	int		 okL;		/* qL is quiet: a clip may end */
	int		 okR;		/* qR is quiet: a clip may start */
	int		 split;
	int		 must;		/* no clip may hold it */
	double		 lo[2];		/* where each side was searched */
	double		 hi[2];
};

/* Cues that no cut separates; a clip is one or more of them. */
struct group {
	size_t		 first;		/* kept cues, by their index in K */
	size_t		 last;
	size_t		 onset;		/* first frame of sound */
	size_t		 offset;	/* last */
	size_t		 start;		/* with the quiet around kept */
	size_t		 end;		/* frames [start, end) */
	int		 ok;
};

struct plan {
	const struct seg_env	*e;
	const struct seg_opts	*o;
	const struct cues	*cs;
	struct diag		*d;
	struct seg_plan		*p;
	double			 quiet;
	struct item		*it;
	size_t			 ni;
	size_t			*K;		/* kept items, in order */
	size_t			 m;
	struct bound		*bd;		/* m + 1 */
	struct group		*g;
	size_t			 ng;
	size_t			 maxf;		/* frames a clip may have */
	size_t			 padf;
};

static void
finding(struct plan *pl, unsigned long line, const char *id,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void
finding(struct plan *pl, unsigned long line, const char *id,
    const char *fmt, ...)
{
	struct loc l = { pl->cs->name, NULL, line, 0 };
	va_list ap;

	va_start(ap, fmt);
	diag_vadd(pl->d, &l, id, SEV_NONE, fmt, ap);
	va_end(ap);
}

static int
loud(const struct plan *pl, size_t k)
{
	return pl->e->db[k] > pl->quiet;
}

/* The first frame at or after time t (seconds), within the recording. */
static size_t
frame_at(const struct plan *pl, double t)
{
	double f = ceil(t * SEG_FPS - 1e-6);

	if (f <= 0)
		return 0;
	return f >= (double)pl->e->n ? pl->e->n : (size_t)f;
}

/*
 * The cut in the window [lo, hi) (seconds).  Pauses are runs of quiet
 * frames; the longest one that meets the window is taken, if it lasts
 * at least QUIET_RUN frames or touches an end of the recording: a
 * shorter one is a stop consonant or a breath between words as often
 * as a pause.  A run is measured up to REACH frames past the window's
 * start, which is inside the cue before or in the pause before the cue
 * after (whose caption may start late, or the one before end late),
 * and past its end only when right is set: a window that ends inside
 * the cue after it must not favour the quiet after that cue's words.
 * The cut is the quietest frame of the pause's part in the window; of
 * several within TIE_DB of it, the middle of the longest stretch of
 * them.  -1 if there is no such pause.
 */
static int
cut_at(const struct plan *pl, double lo, double hi, int right, size_t *q)
{
	const float *v = pl->e->db;
	size_t a = frame_at(pl, lo), b = frame_at(pl, hi), i, s, t, x, y,
	    len, blen = 0, bs = 0, bt = 0, run = 0, best = 0, at = 0;
	float min;

	for (i = a; i < b;) {
		if (loud(pl, i)) {
			i++;
			continue;
		}
		for (s = t = i; t < b && !loud(pl, t); t++)
			;
		i = t;
		x = s;
		y = t;
		while (s == a && s - x < REACH && x > 0 && !loud(pl, x - 1))
			x--;
		while (right && t == b && y - t < REACH && y < pl->e->n &&
		    !loud(pl, y))
			y++;
		len = y - x;
		if ((len >= QUIET_RUN || x == 0 || y == pl->e->n) &&
		    len > blen) {
			blen = len;
			bs = s;
			bt = t;
		}
	}
	if (blen == 0)
		return -1;
	min = v[bs];
	for (i = bs + 1; i < bt; i++)
		if (v[i] < min)
			min = v[i];
	for (i = bs; i <= bt; i++) {
		if (i < bt && v[i] <= min + TIE_DB) {
			run++;
			continue;
		}
		if (run > best) {
			best = run;
			at = i - run;
		}
		run = 0;
	}
	*q = at + best / 2;
	return 0;
}

static void
drop_overlap(struct plan *pl, size_t i)
{
	struct item *it = &pl->it[i];

	if (it->drop != KEEP)
		return;
	it->drop = D_OVERLAP;
	free(it->text);
	it->text = NULL;
	pl->p->skipped_s += fmax(0, it->b - it->a);
}

/* Clean each cue's text and leave out those that cannot be clips. */
static void
plan_items(struct plan *pl)
{
	const struct cues *cs = pl->cs;
	struct buf t = BUF_INIT;
	struct item *it;
	double dur = pl->e->rate > 0 ? (double)pl->e->frames / pl->e->rate :
	    0;
	size_t i, k, a, b;
	char *sp;
	int any;

	pl->it = xcalloc(cs->n > 0 ? cs->n : 1, sizeof(*pl->it));
	pl->ni = cs->n;
	for (i = 0; i < cs->n; i++) {
		it = &pl->it[i];
		it->a = cs->v[i].start;
		it->b = cs->v[i].end;
		it->line = cs->v[i].line;
		buf_reset(&t);
		sp = NULL;
		it->flags = cap_clean(cs->v[i].text, &t, &sp);
		it->speaker = cs->v[i].speaker != NULL ?
		    xstrdup(cs->v[i].speaker) : sp;
		if (cs->v[i].speaker != NULL)
			free(sp);
		if ((it->flags & CAP_SOUND) || t.len == 0) {
			it->drop = D_SOUND;
			pl->p->sound++;
		} else if (it->a >= dur || it->b <= 0 ||
		    it->b > dur + SEG_SLACK) {
			it->drop = D_PAST;
			finding(pl, it->line, "SEG-PAST", "cue at %.3f-%.3f s "
			    "is outside the recording (0-%.3f s); it is "
			    "skipped", it->a, it->b, dur);
		} else if (it->b - it->a > pl->o->max_s) {
			it->drop = D_LONG;
			finding(pl, it->line, "SEG-LONG", "cue is %.1f s long, "
			    "over the %g s a clip may have (--max-seconds); "
			    "it is skipped", it->b - it->a, pl->o->max_s);
		}
		if (it->a < 0)
			it->a = 0;
		if (it->b > dur)
			it->b = dur;
		if (it->drop == KEEP) {
			a = frame_at(pl, it->a - SEG_SLACK);
			b = frame_at(pl, it->b + SEG_SLACK);
			for (k = a, any = 0; k < b && !any; k++)
				any = loud(pl, k);
			if (!any) {
				it->drop = D_SILENT;
				finding(pl, it->line, "SEG-SILENT", "no sound "
				    "under the cue (%.3f-%.3f s): the caption "
				    "does not match the audio; it is skipped",
				    it->a, it->b);
			}
		}
		it->in = fmin(SEG_SLACK, (it->b - it->a) / 2);
		if (it->drop == KEEP)
			it->text = xstrdup(buf_str(&t));
		else if (it->drop != D_SOUND)
			pl->p->skipped_s += fmax(0, it->b - it->a);
	}
	/*
	 * Cues that overlap beyond CAP_SLACK (the parser said so): a clip of
	 * either would hold words of the other without their text.
	 */
	for (i = 0, k = SIZE_MAX; i < cs->n; i++) {
		if (pl->it[i].drop == D_SOUND)
			continue;
		if (k != SIZE_MAX && cs->v[i].overlap != 0) {
			drop_overlap(pl, i);
			drop_overlap(pl, k);
		}
		if (k == SIZE_MAX || cs->v[i].end > cs->v[k].end)
			k = i;
	}
	buf_release(&t);
}

/* Whether the speaker changes from kept cue p to kept cue q. */
static int
turn(const struct item *p, const char *psp, const struct item *q,
    const char *qsp)
{
	if ((q->flags & CAP_TURN) || (p->flags & CAP_TURNS))
		return 1;
	return psp != NULL && qsp != NULL && strcmp(psp, qsp) != 0;
}

static int
reach(const struct item *it)
{
	return it->drop == KEEP || it->drop == D_LONG ||
	    it->drop == D_OVERLAP;
}

/* Search the cuts around every kept cue: see the top of the file. */
static void
plan_bounds(struct plan *pl)
{
	struct item *it = pl->it;
	struct bound *bd;
	double *pm, *sm, lo, hi, mid;
	const char *sp = NULL, *prev = NULL;
	size_t i, j, p = 0, q = 0;
	int hp, hq;

	pl->K = xcalloc(pl->ni > 0 ? pl->ni : 1, sizeof(*pl->K));
	for (i = 0; i < pl->ni; i++)
		if (it[i].drop == KEEP)
			pl->K[pl->m++] = i;
	pl->bd = xcalloc(pl->m + 1, sizeof(*pl->bd));
	/* pm[i]: latest reach of cues before i; sm[i]: of i and after. */
	pm = xcalloc(pl->ni + 1, sizeof(*pm));
	sm = xcalloc(pl->ni + 1, sizeof(*sm));
	pm[0] = -HUGE_VAL;
	/*
	 * Cues of sound descriptions, outside the recording or over silence
	 * bound no cut: the sound they name is not speech, or not there.
	 */
	for (i = 0; i < pl->ni; i++)
		pm[i + 1] = reach(&it[i]) ? fmax(pm[i], it[i].b - it[i].in) :
		    pm[i];
	sm[pl->ni] = HUGE_VAL;
	for (i = pl->ni; i-- > 0;)
		sm[i] = reach(&it[i]) ? fmin(sm[i + 1], it[i].a + it[i].in) :
		    sm[i + 1];
	for (j = 0; j <= pl->m; j++) {
		bd = &pl->bd[j];
		hp = j > 0;
		hq = j < pl->m;
		if (hp)
			p = pl->K[j - 1];
		if (hq)
			q = pl->K[j];
		if (hq) {
			/* Speakers carry over cues that do not name one. */
			sp = it[q].speaker;
			if (sp == NULL && !(it[q].flags & CAP_TURN) &&
			    !(hp && (it[p].flags & CAP_TURNS)))
				sp = prev;
		}
		bd->must = !hp || !hq || turn(&it[p], prev, &it[q], sp);
		if (hp && hq && q == p + 1 && it[q].a - it[p].b <=
		    pl->o->gap_s) {
			bd->lo[0] = bd->lo[1] = pm[q];
			bd->hi[0] = bd->hi[1] = sm[q];
			bd->okL = bd->okR = cut_at(pl, pm[q], sm[q], 0,
			    &bd->qL) == 0;
			bd->qR = bd->qL;
			bd->div = bd->qL;
		} else {
			bd->split = bd->must = 1;
			mid = hp && hq ? (it[p].b + it[q].a) / 2 : 0;
			if (hp) {
				lo = pm[p + 1];
				hi = fmin(it[p].b + SEG_SLACK, sm[p + 1]);
				if (hq)
					hi = fmin(hi, mid);
				bd->lo[0] = lo;
				bd->hi[0] = hi;
				bd->okL = cut_at(pl, lo, hi, 1, &bd->qL) == 0;
			}
			if (hq) {
				lo = fmax(it[q].a - SEG_SLACK, pm[q]);
				if (hp)
					lo = fmax(lo, mid);
				hi = sm[q];
				bd->lo[1] = lo;
				bd->hi[1] = hi;
				bd->okR = cut_at(pl, lo, hi, 0, &bd->qR) == 0;
			}
			if (!hp)
				bd->qL = bd->div = 0;
			if (!hq)
				bd->qR = bd->div = pl->e->n;
			if (hp && hq)
				bd->div = bd->qL + (bd->qR - bd->qL) / 2;
		}
		if (hq)
			prev = sp;
	}
	free(pm);
	free(sm);
}

/* "the cue is" or "the cues of lines 12 to 15 are", for findings. */
static void
lines_of(const struct plan *pl, const struct group *g, char *s, size_t n)
{
	unsigned long a = pl->it[pl->K[g->first]].line,
	    b = pl->it[pl->K[g->last]].line;

	if (g->first == g->last)
		snprintf(s, n, "the cue is");
	else
		snprintf(s, n, "the cues of lines %lu to %lu are", a, b);
}

/* Where a group's sound is, and how much quiet each side may keep. */
static int
group_span(struct plan *pl, struct group *g)
{
	const struct bound *pre = &pl->bd[g->first],
	    *post = &pl->bd[g->last + 1];
	size_t k, lim;

	for (k = pre->qR; k < post->qL && !loud(pl, k); k++)
		;
	if (k >= post->qL)
		return -1;
	g->onset = k;
	for (k = post->qL; !loud(pl, k - 1); k--)
		;
	g->offset = k - 1;
	lim = g->onset > pl->padf ? g->onset - pl->padf : 0;
	if (lim < pre->div)
		lim = pre->div;
	for (g->start = g->onset; g->start > lim &&
	    !loud(pl, g->start - 1); g->start--)
		;
	lim = g->offset + 1 + pl->padf;
	if (lim > post->div)
		lim = post->div;
	for (g->end = g->offset + 1; g->end < lim && !loud(pl, g->end);
	    g->end++)
		;
	return 0;
}

/* Split the kept cues into groups; leave out those that cannot be. */
static void
plan_groups(struct plan *pl)
{
	struct group *g;
	const struct bound *bd = pl->bd;
	const struct item *f;
	size_t j = 0, k;
	char what[64];

	pl->g = xcalloc(pl->m > 0 ? pl->m : 1, sizeof(*pl->g));
	while (j < pl->m) {
		g = &pl->g[pl->ng++];
		g->first = j;
		while (j + 1 < pl->m && !bd[j + 1].split && !bd[j + 1].okL)
			j++;
		g->last = j++;
		f = &pl->it[pl->K[g->first]];
		lines_of(pl, g, what, sizeof(what));
		for (k = g->first + 1; k <= g->last && !bd[k].must; k++)
			;
		if (k <= g->last)
			finding(pl, f->line, "SEG-NOQUIET", "no quiet point "
			    "where the speaker changes, at the cue of line "
			    "%lu (searched %.3f-%.3f s); %s skipped",
			    pl->it[pl->K[k]].line, bd[k].lo[0], bd[k].hi[0],
			    what);
		else if (!bd[g->first].okR)
			finding(pl, f->line, "SEG-NOQUIET", "no quiet point "
			    "before the cue (searched %.3f-%.3f s); %s "
			    "skipped", bd[g->first].lo[1], bd[g->first].hi[1],
			    what);
		else if (!bd[g->last + 1].okL)
			finding(pl, f->line, "SEG-NOQUIET", "no quiet point "
			    "after the cue of line %lu (searched %.3f-%.3f s); "
			    "%s skipped", pl->it[pl->K[g->last]].line,
			    bd[g->last + 1].lo[0], bd[g->last + 1].hi[0], what);
		else if (group_span(pl, g) == -1)
			finding(pl, f->line, "SEG-SILENT", "no sound between "
			    "the cuts at %.2f and %.2f s: the caption is off "
			    "(see --sync); %s skipped",
			    (double)bd[g->first].qR / SEG_FPS,
			    (double)bd[g->last + 1].qL / SEG_FPS, what);
		else if ((double)g->onset / SEG_FPS > f->a + SEG_SLACK + 1e-9)
			/*
			 * Captions start with the words they show; their ends
			 * often linger, so only the start is held to them.
			 */
			finding(pl, f->line, "SEG-SILENT", "the sound starts at "
			    "%.2f s, %.2f s after the cue: the caption is off "
			    "(see --sync); %s skipped", (double)g->onset /
			    SEG_FPS, (double)g->onset / SEG_FPS - f->a, what);
		else if (g->offset + 1 - g->onset > pl->maxf)
			finding(pl, f->line, "SEG-LONG", "%.1f s of sound with "
			    "no quiet point to cut at, over the %g s a clip "
			    "may have (--max-seconds); %s skipped",
			    (double)(g->offset + 1 - g->onset) / SEG_FPS,
			    pl->o->max_s, what);
		else
			g->ok = 1;
		if (g->ok)
			continue;
		for (k = g->first; k <= g->last; k++) {
			pl->it[pl->K[k]].drop = D_GROUP;
			pl->p->skipped_s += pl->it[pl->K[k]].b -
			    pl->it[pl->K[k]].a;
		}
	}
}

/* Frames [*s, *e) of a clip of groups u to v: pads shrink to fit. */
static void
clip_span(const struct plan *pl, size_t u, size_t v, size_t *s, size_t *e)
{
	const struct group *a = &pl->g[u], *b = &pl->g[v];
	size_t sound = b->offset + 1 - a->onset, room, l, r, pl_, pr;

	*s = a->start;
	*e = b->end;
	if (*e - *s <= pl->maxf)
		return;
	room = pl->maxf - sound;
	pl_ = a->onset - a->start;
	pr = b->end - (b->offset + 1);
	l = pl_ < room / 2 ? pl_ : room / 2;
	r = pr < room - l ? pr : room - l;
	l = pl_ < room - r ? pl_ : room - r;
	*s = a->onset - l;
	*e = b->offset + 1 + r;
}

static double
clip_cost(const struct plan *pl, size_t u, size_t v)
{
	size_t s, e;
	double len, t = pl->o->target_s;

	clip_span(pl, u, v, &s, &e);
	len = (double)(e - s) / SEG_FPS;
	return (len - t) * (len - t) / (t * t);
}

static void
add_clip(struct plan *pl, size_t u, size_t v)
{
	struct seg_plan *p = pl->p;
	struct seg_clip *c;
	struct buf t = BUF_INIT;
	size_t j, k;

	if (p->n == p->cap) {
		p->cap = p->cap > 0 ? p->cap * 2 : 16;
		p->v = xreallocarray(p->v, p->cap, sizeof(*p->v));
	}
	c = &p->v[p->n++];
	clip_span(pl, u, v, &c->start, &c->end);
	c->cues = 0;
	c->line = pl->it[pl->K[pl->g[u].first]].line;
	for (j = u; j <= v; j++)
		for (k = pl->g[j].first; k <= pl->g[j].last; k++) {
			if (t.len > 0)
				buf_addc(&t, ' ');
			buf_addstr(&t, pl->it[pl->K[k]].text);
			c->cues++;
		}
	c->text = buf_detach(&t);
	p->merged += c->cues - 1;
}

/*
 * Join the groups u0 to u1 - 1, which no must-cut separates, into
 * clips: the least total cost, each clip within maxf.
 */
static void
plan_run(struct plan *pl, size_t u0, size_t u1)
{
	size_t r = u1 - u0, u, v, *from, *at, n = 0;
	double *dp, c;

	dp = xcalloc(r + 1, sizeof(*dp));
	from = xcalloc(r + 1, sizeof(*from));
	at = xcalloc(r, sizeof(*at));
	for (v = 0; v < r; v++) {
		dp[v + 1] = HUGE_VAL;
		for (u = v + 1; u-- > 0;) {
			if (pl->g[u0 + v].offset + 1 - pl->g[u0 + u].onset >
			    pl->maxf)
				break;
			c = dp[u] + clip_cost(pl, u0 + u, u0 + v);
			if (c < dp[v + 1]) {
				dp[v + 1] = c;
				from[v + 1] = u;
			}
		}
	}
	for (v = r; v > 0; v = from[v])
		at[n++] = v;
	while (n-- > 0) {
		v = at[n];
		add_clip(pl, u0 + from[v], u0 + v - 1);
	}
	free(dp);
	free(from);
	free(at);
}

/* Runs of good groups that clips may cross between, each packed. */
static void
plan_pack(struct plan *pl)
{
	size_t u = 0, v;
	const struct bound *b;

	while (u < pl->ng) {
		if (!pl->g[u].ok) {
			u++;
			continue;
		}
		for (v = u + 1; v < pl->ng && pl->g[v].ok; v++) {
			b = &pl->bd[pl->g[v].first];
			if (b->split || b->must)
				break;
		}
		plan_run(pl, u, v);
		u = v;
	}
}

/* Merge sort of findings by line: stable, n log n. */
static void
msort(struct finding *v, struct finding *tmp, size_t n)
{
	size_t h = n / 2, i = 0, j = h, k = 0;

	if (n < 2)
		return;
	msort(v, tmp, h);
	msort(v + h, tmp, n - h);
	while (i < h && j < n)
		tmp[k++] = v[j].line < v[i].line ? v[j++] : v[i++];
	while (i < h)
		tmp[k++] = v[i++];
	memcpy(v, tmp, k * sizeof(*v));
}

/* The findings from index from on, in order of line. */
static void
by_line(struct diag *d, size_t from)
{
	struct finding *tmp;

	if (d->n - from < 2)
		return;
	tmp = xreallocarray(NULL, d->n - from, sizeof(*tmp));
	msort(d->v + from, tmp, d->n - from);
	free(tmp);
}

/*
 * Plan the clips of a recording from its envelope and cues (already
 * moved by the drift estimate, if at all).  Findings for what is left
 * out go to d at the label file's lines.
 */
void
seg_plan(const struct seg_env *e, const struct cues *cs,
    const struct seg_opts *o, struct seg_plan *p, struct diag *d)
{
	struct plan pl;
	size_t i, from;

	seg_plan_release(p);
	memset(&pl, 0, sizeof(pl));
	pl.e = e;
	pl.o = o;
	pl.cs = cs;
	pl.d = d;
	pl.p = p;
	seg_levels(e, &p->lv);
	pl.quiet = p->lv.quiet;
	pl.maxf = (size_t)floor(o->max_s * SEG_FPS + 1e-6);
	pl.padf = (size_t)floor(o->pad_s * SEG_FPS + 1e-6);
	p->cues = cs->n;
	from = d->n;
	plan_items(&pl);
	plan_bounds(&pl);
	plan_groups(&pl);
	plan_pack(&pl);
	by_line(d, from);
	for (i = 0; i < pl.ni; i++) {
		if (pl.it[i].drop != KEEP && pl.it[i].drop != D_SOUND)
			p->skipped++;
		free(pl.it[i].text);
		free(pl.it[i].speaker);
	}
	free(pl.it);
	free(pl.K);
	free(pl.bd);
	free(pl.g);
}

void
seg_plan_release(struct seg_plan *p)
{
	size_t i;

	for (i = 0; i < p->n; i++)
		free(p->v[i].text);
	free(p->v);
	memset(p, 0, sizeof(*p));
}

/* The recording's samples in a clip; the last frame may be short. */
static uint64_t
clip_samples(const struct seg_env *e, const struct seg_clip *c)
{
	uint64_t s1 = edge(c->end, e->rate);

	return (s1 < e->frames ? s1 : e->frames) - edge(c->start, e->rate);
}

/* Write wav to path; 0, or -1 after a system error. */
static int
put_wav(const char *path, const struct buf *wav, struct diag *d)
{
	FILE *fp;

	if ((fp = fopen(path, "wb")) == NULL) {
		diag_syserr(d, "cannot create '%s': %s", path,
		    strerror(errno));
		return -1;
	}
	if (fwrite(wav->s, 1, wav->len, fp) != wav->len) {
		diag_syserr(d, "write error on '%s': %s", path,
		    strerror(errno ? errno : EIO));
		fclose(fp);
		return -1;
	}
	if (fclose(fp) == EOF) {
		diag_syserr(d, "write error on '%s': %s", path,
		    strerror(errno));
		return -1;
	}
	return 0;
}

/*
 * Read the recording at path again, streaming, and write each clip of
 * the plan as DIR/BASE-0001.wav ... in the service's format, through
 * resample_mem(): round(samples x new rate / old rate) frames each.
 * Returns 0, or -1 after a system error or an interruption.
 */
int
seg_write(const char *path, const struct seg_env *e,
    const struct seg_plan *p, const struct seg_opts *o, const char *dir,
    const char *base, struct diag *d)
{
	struct resample_stats st = RESAMPLE_STATS_INIT;
	struct audio_fmt f;
	struct audio_in *a = NULL;
	struct buf wav = BUF_INIT;
	float *clip = NULL, *skip = NULL;
	uint64_t pos = 0, s0, s1, want;
	size_t i, k, got, cap = 0, from;
	char *name = NULL;
	int rc = -1;

	if (p->n == 0)
		return 0;
	if ((a = audio_open(path, &f, d)) == NULL)
		goto out;
	if (f.rate != e->rate || f.channels != e->channels) {
		diag_syserr(d, "cannot read '%s': it changed while read",
		    path);
		goto out;
	}
	skip = xreallocarray(NULL, BLOCK, f.channels * sizeof(*skip));
	for (i = 0; i < p->n && !stop; i++) {
		/* The last frame may be short. */
		s0 = edge(p->v[i].start, f.rate);
		s1 = edge(p->v[i].end, f.rate);
		if (s1 > e->frames)
			s1 = e->frames;
		while (pos < s0) {
			want = s0 - pos < BLOCK ? s0 - pos : BLOCK;
			if ((got = audio_read(a, skip, (size_t)want)) == 0)
				break;
			pos += got;
		}
		if ((size_t)(s1 - s0) > cap) {
			cap = (size_t)(s1 - s0);
			clip = xreallocarray(clip, cap, f.channels *
			    sizeof(*clip));
		}
		for (k = 0; pos < s1; k += got, pos += got) {
			want = s1 - pos < BLOCK ? s1 - pos : BLOCK;
			if ((got = audio_read(a, clip + k * f.channels,
			    (size_t)want)) == 0)
				break;
		}
		if (pos < s1 || audio_failed(a)) {
			diag_syserr(d, "cannot read '%s': decoding failed "
			    "or the file changed while read", path);
			goto out;
		}
		buf_reset(&wav);
		from = d->n;
		if (resample_mem(&o->ro, clip, (size_t)(s1 - s0), f.channels,
		    f.rate, &wav, &st, d) == -1)
			goto out;
		free(name);
		name = xasprintf("%s/%s-%04zu.wav", dir, base, i + 1);
		/* resample_mem() names its input "<memory>": the clip. */
		for (k = from; k < d->n; k++)
			if (d->v[k].file != NULL &&
			    strcmp(d->v[k].file, "<memory>") == 0) {
				free(d->v[k].file);
				d->v[k].file = xasprintf("%s, clip %zu",
				    path, i + 1);
			}
		if (put_wav(name, &wav, d) == -1)
			goto out;
	}
	rc = stop ? -1 : 0;
out:
	resample_stats_release(&st);
	audio_close(a);
	buf_release(&wav);
	free(clip);
	free(skip);
	free(name);
	return rc;
}

/* The base name of path without its extension. */
static char *
base_of(const char *path)
{
	const char *b = strrchr(path, '/'), *dot;
	size_t n;

	b = b != NULL ? b + 1 : path;
	n = strlen(b);
	while (n > 0 && b[n - 1] == '/')
		n--;
	for (dot = b + n; dot > b && dot[-1] != '.'; dot--)
		;
	if (dot > b + 1)
		n = (size_t)(dot - 1 - b);
	return xstrndup(b, n);
}

/*
 * Refuse, before any work, what cannot be done: a recording on
 * standard input, two recordings whose clips would have the same
 * names, a name with a control character or none, an input in the
 * output folder (which is replaced).  Returns
 * NULL, or a message the caller owns.
 */
char *
seg_check(const struct seg_input *in, size_t n, const char *dir)
{
	char **b, *msg = NULL, *o, *r;
	const char *s;
	size_t i, j, k;

	b = xcalloc(n > 0 ? n : 1, sizeof(*b));
	for (i = 0; i < n && msg == NULL; i++) {
		b[i] = base_of(in[i].audio);
		if (strcmp(in[i].audio, "-") == 0) {
			msg = xstrdup("a recording is read twice, so it cannot "
			    "be standard input; give its file");
			break;
		}
		for (s = b[i]; *s != '\0' && (unsigned char)*s >= 0x20 &&
		    *s != 0x7f; s++)
			;
		if (*b[i] == '\0' || *s != '\0')
			msg = xasprintf("'%s': a recording's name must have "
			    "no control character, as its clips are named "
			    "after it", in[i].audio);
		for (j = 0; j < i && msg == NULL; j++)
			if (strcmp(b[i], b[j]) == 0)
				msg = xasprintf("'%s' and '%s' would both give "
				    "clips named '%s-0001.wav'", in[j].audio,
				    in[i].audio, b[i]);
	}
	o = io_abs_path(dir);
	for (i = 0; i < 2 * n && msg == NULL && o != NULL; i++) {
		s = i % 2 == 0 ? in[i / 2].audio : in[i / 2].labels;
		if ((r = io_abs_path(s)) == NULL)
			continue;
		k = strlen(o);
		if (strncmp(r, o, k) == 0 && (r[k] == '/' || r[k] == '\0'))
			msg = xasprintf("'%s' is in the output folder '%s', "
			    "which is replaced; refusing to lose it", s, dir);
		free(r);
	}
	free(o);
	for (i = 0; i < n; i++)
		free(b[i]);
	free(b);
	return msg;
}

/* Whether vox-segment writes a file of this name: trans.txt, *-0001.wav */
static int
seg_ours(const char *name)
{
	size_t n = strlen(name), k = 0;

	if (strcmp(name, "trans.txt") == 0)
		return 1;
	if (n < 4 || strcmp(name + n - 4, ".wav") != 0)
		return 0;
	n -= 4;
	while (k < n && name[n - 1 - k] >= '0' && name[n - 1 - k] <= '9')
		k++;
	return k >= 4 && k < n && name[n - 1 - k] == '-';
}

/* The run, shared by the workers (read only) and done(). */
struct segrun {
	const struct seg_opts	*o;
	const struct seg_input	*in;
	const char		*work;
	struct locale		 loc;		/* o->loc without a BOM */
	struct buf		 trans;
	struct buf		*sum;
	struct diag		*d;
	size_t			 recs;
	size_t			 clips;
	size_t			 merged;
	double			 kept;
	double			 dropped;
	double			 skipped;
	int			 failed;	/* a system error */
};

/* What one recording gave. */
struct result {
	struct diag		 d;
	struct buf		 trans;
	struct buf		 line;
	size_t			 clips;
	size_t			 merged;
	double			 secs;
	double			 kept;
	double			 skipped;
	int			 read;
};

static void *
worker_init(void *ctx)
{
	struct segrun *r = ctx;

	return text_open(r->o->loc->tag, r->d);
}

static void
worker_fini(void *state, void *ctx)
{
	text_close(state);
}

/*
 * "1.20 s early, speed ratio 1.0427 (confidence 0.91, 12% more of the
 * cues' time on sound)": what the estimate says.
 */
static void
sync_words(const struct seg_sync *sy, char *s, size_t n)
{
	struct buf b = BUF_INIT;

	if (fabs(sy->offset) < 0.005)
		buf_addstr(&b, "in time");
	else
		buf_printf(&b, "%.2f s %s", fabs(sy->offset),
		    sy->offset > 0 ? "early" : "late");
	if (sy->ratio != 1)
		buf_printf(&b, ", speed ratio %.4f", sy->ratio);
	buf_printf(&b, " (confidence %.2f", sy->confidence);
	if (sy->gain >= 0.005)
		buf_printf(&b, ", %.0f%% more of the cues' time on sound",
		    100 * sy->gain);
	buf_addc(&b, ')');
	snprintf(s, n, "%s", buf_str(&b));
	buf_release(&b);
}

static int
sync_sure(const struct seg_sync *sy)
{
	return sy->confidence >= SEG_SYNC_SURE || sy->gain >= SEG_SYNC_GAIN;
}

/*
 * Say what the drift estimate found, and apply it when asked and sure
 * enough.  Captions are early when the audio comes after them.  Those
 * surely off by more than a cut is searched around are not used
 * without --sync: every cut would fall in the wrong place, many inside
 * words, and clips would hold other words than their text.  Returns
 * -1 then, else 0.
 */
static int
sync_note(const struct segrun *r, struct seg_sync *sy, struct cues *cs,
    struct result *res)
{
	struct loc l = { cs->name, NULL, 0, 0 };
	char w[160];

	sync_words(sy, w, sizeof(w));
	if (r->o->sync && sync_sure(sy)) {
		seg_sync_apply(cs, sy);
		sy->applied = 1;
		diag_addsev(&res->d, &l, "SEG-SYNC", SEV_NOTE, "captions %s: "
		    "moved", w);
	} else if (r->o->sync)
		diag_addsev(&res->d, &l, "SEG-SYNC", SEV_WARNING, "timing "
		    "estimate is unsure: captions %s; they are left as they "
		    "are", w);
	else if (sync_sure(sy) && (fabs(sy->offset) > SEG_SLACK ||
	    sy->ratio != 1)) {
		diag_addsev(&res->d, &l, "SEG-SYNC", SEV_ERROR, "captions %s; "
		    "the recording is not cut: --sync moves them", w);
		return -1;
	}
	return 0;
}

/* The clips' transcript, fixed as vox-trans --fix does. */
static void
fix_text(const struct segrun *r, struct text *t, const struct seg_plan *p,
    const struct cues *cs, const char *base, struct result *res)
{
	struct trans tr = TRANS_INIT;
	struct trans_opts to;
	struct buf raw = BUF_INIT;
	struct loc l = { cs->name, NULL, 0, 0 };
	size_t i, from = res->d.n;
	unsigned long k;

	for (i = 0; i < p->n; i++)
		buf_printf(&raw, "%s-%04zu.wav\t%s\n", base, i + 1,
		    p->v[i].text);
	memset(&to, 0, sizeof(to));
	to.loc = &r->loc;
	to.repeat_max = r->o->repeat_max;
	to.fix = 1;
	to.eol_lf = 1;
	trans_check(&tr, t, &to, buf_str(&raw), raw.len, &l, &res->trans,
	    &res->d);
	/* A finding on line k of the transcript is about clip k's cues. */
	for (i = from; i < res->d.n; i++) {
		k = res->d.v[i].line;
		if (k >= 1 && k <= p->n)
			res->d.v[i].line = p->v[k - 1].line;
		res->d.v[i].col = 0;
	}
	trans_release(&tr);
	buf_release(&raw);
}

static void *
work_one(size_t i, void *state, void *ctx)
{
	struct segrun *r = ctx;
	struct result *res = xcalloc(1, sizeof(*res));
	struct cues cs = CUES_INIT;
	struct seg_env e = SEG_ENV_INIT;
	struct seg_plan p = SEG_PLAN_INIT;
	struct seg_levels lv;
	struct seg_sync sy;
	const struct seg_input *in = &r->in[i];
	char *base = base_of(in->audio), w[160];
	size_t k;

	buf_printf(&res->line, "%s: ", in->audio);
	if (cap_read(in->labels, -1, r->o->tier, in->audio, &cs,
	    &res->d) == -1) {
		buf_addstr(&res->line, "labels not read\n");
		goto out;
	}
	if (seg_envelope(in->audio, &e, &res->d) == -1) {
		buf_addstr(&res->line, "recording not read\n");
		goto out;
	}
	res->read = 1;
	res->secs = (double)e.frames / e.rate;
	seg_levels(&e, &lv);
	seg_sync_estimate(&e, &lv, &cs, &sy);
	sync_words(&sy, w, sizeof(w));
	if (sync_note(r, &sy, &cs, res) == -1) {
		buf_printf(&res->line, "not cut: captions %s\n", w);
		goto out;
	}
	seg_plan(&e, &cs, r->o, &p, &res->d);
	if (seg_write(in->audio, &e, &p, r->o, r->work, base,
	    &res->d) == -1) {
		buf_addstr(&res->line, "clips not written\n");
		goto out;
	}
	fix_text(r, state, &p, &cs, base, res);
	res->clips = p.n;
	res->merged = p.merged;
	res->skipped = p.skipped_s;
	for (k = 0; k < p.n; k++)
		res->kept += (double)resample_length(clip_samples(&e,
		    &p.v[k]), e.rate, r->o->ro.rate) / r->o->ro.rate;
	buf_count(&res->line, p.n, "clip", "clips");
	buf_addstr(&res->line, " of ");
	buf_count(&res->line, p.cues, "cue", "cues");
	buf_printf(&res->line, " (%zu merged, %zu skipped, %zu sound only)",
	    p.merged, p.skipped, p.sound);
	if (p.cues > 0)
		buf_printf(&res->line, "; captions %s%s", w, sy.applied ?
		    ", moved" : "");
	buf_addc(&res->line, '\n');
out:
	cues_release(&cs);
	seg_env_release(&e);
	seg_plan_release(&p);
	free(base);
	return res;
}

static void
done(size_t i, void *v, void *ctx)
{
	struct segrun *r = ctx;
	struct result *res = v;

	diag_move(r->d, &res->d);
	buf_add(&r->trans, res->trans.s, res->trans.len);
	if (!r->o->quiet)
		buf_add(r->sum, res->line.s, res->line.len);
	r->recs += res->read;
	r->clips += res->clips;
	r->merged += res->merged;
	r->kept += res->kept;
	r->skipped += res->skipped;
	r->dropped += res->read ? fmax(0, res->secs - res->kept) : 0;
	diag_release(&res->d);
	buf_release(&res->trans);
	buf_release(&res->line);
	free(res);
}

/* DIR may be replaced: absent, or a folder of what we write. */
static int
out_check(const char *out, struct diag *d)
{
	struct stat sb;

	if (stat(out, &sb) == -1)
		return 0;
	if (!S_ISDIR(sb.st_mode)) {
		diag_syserr(d, "'%s' is not a folder; refusing to replace it",
		    out);
		return -1;
	}
	return io_foreign(out, seg_ours, "vox-segment", d);
}

static int
put_trans(struct segrun *r)
{
	char *path = xasprintf("%s/trans.txt", r->work);
	struct buf b = BUF_INIT;
	int rc;

	if (r->o->loc->bom)
		buf_add(&b, "\xef\xbb\xbf", 3);
	buf_add(&b, r->trans.s, r->trans.len);
	rc = put_wav(path, &b, r->d);
	buf_release(&b);
	free(path);
	return rc;
}

/* A system error among the findings from index from on. */
static int
syserr_since(const struct diag *d, size_t from)
{
	size_t i;

	for (i = from; i < d->n; i++)
		if (d->v[i].rule == NULL)
			return 1;
	return 0;
}

/*
 * Cut each recording of in by its labels into clips in the folder dir,
 * with dir/trans.txt.  dir is built beside itself and renamed into
 * place when everything is written; an interruption or a system error
 * leaves it as it was.  The lines of each recording and the summary go
 * to sum.  Returns 0, or -1 after a system error.
 */
int
seg_run(const struct seg_opts *o, const struct seg_input *in, size_t n,
    const char *dir, struct buf *sum, struct diag *d)
{
	struct sigaction oldint, oldterm, oldhup;
	struct jobs_spec js;
	struct segrun r;
	char *out, *work = NULL;
	size_t first = d->n, len;
	int rc = -1;

	memset(&r, 0, sizeof(r));
	out = xstrdup(dir);
	while ((len = strlen(out)) > 1 && out[len - 1] == '/')
		out[len - 1] = '\0';
	io_catch(SIGINT, onstop, &oldint);
	io_catch(SIGTERM, onstop, &oldterm);
	io_catch(SIGHUP, onstop, &oldhup);
	if (out_check(out, d) == -1 ||
	    (work = io_workdir(out, "vox-segment", d)) == NULL)
		goto out;
	r.o = o;
	r.in = in;
	r.work = work;
	r.loc = *o->loc;
	r.loc.bom = 0;
	r.sum = sum;
	r.d = d;
	memset(&js, 0, sizeof(js));
	js.n = n;
	js.threads = o->jobs;
	js.init = worker_init;
	js.fini = worker_fini;
	js.work = work_one;
	js.done = done;
	js.ctx = &r;
	if (jobs_run(&js) == -1)
		r.failed = 1;
	if (stop)
		diag_syserr(d, "interrupted; '%s' is unchanged", dir);
	else if (r.failed || syserr_since(d, first))
		diag_syserr(d, "'%s' is unchanged after the errors above",
		    dir);
	else if (put_trans(&r) == 0 && io_publish(work, out, d) == 0)
		rc = 0;
	if (!o->quiet) {
		buf_count(sum, r.recs, "recording", "recordings");
		buf_addstr(sum, ", ");
		buf_count(sum, r.clips, "clip", "clips");
		buf_printf(sum, ", %.2f hours (%.1f s) kept; %.1f s dropped "
		    "(%.1f s without captions, %.1f s of skipped cues); ",
		    r.kept / 3600, r.kept, r.dropped, fmax(0, r.dropped -
		    r.skipped), fmin(r.skipped, r.dropped));
		buf_count(sum, r.merged, "cue merged", "cues merged");
		buf_addc(sum, '\n');
	}
out:
	if (rc == -1 && work != NULL)
		io_rm_tree(work);
	sigaction(SIGINT, &oldint, NULL);
	sigaction(SIGTERM, &oldterm, NULL);
	sigaction(SIGHUP, &oldhup, NULL);
	buf_release(&r.trans);
	free(work);
	free(out);
	if (stop)
		raise(stop);
	return rc;
}
