/*
 * Long recordings to training clips, cut by their captions.  A
 * recording is read twice, streamed both times: first into an envelope
 * of 10 ms levels, from which alone the cuts are planned (so the plan
 * can be tested on made-up envelopes), then again to write each clip
 * through resample_mem().  Ownership: struct seg_env, seg_plan and the
 * run own their arrays and strings, released by seg_env_release() and
 * seg_plan_release(); options and cues passed in are borrowed.
 */
#ifndef VOX_SEGMENT_H
#define VOX_SEGMENT_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "captions.h"
#include "diag.h"
#include "profile.h"
#include "resample.h"

#define SEG_FPS		100	/* envelope frames a second: 10 ms */
#define SEG_FLOOR_DB	(-100.0) /* the level of digital silence */
/*
 * How far either side of a cue's time its cut is searched: captions
 * are late or early by up to ~0.3 s, and some more in fast speech.
 */
#define SEG_SLACK	0.5
/* The drift search: offsets up to this many seconds either way. */
#define SEG_SYNC_MAX	60.0
/*
 * An estimate is sure when its confidence is at least SEG_SYNC_SURE or
 * it puts SEG_SYNC_GAIN more of the cues' time on sound than the
 * captions as they are; one not sure is reported but not applied.
 */
#define SEG_SYNC_SURE	0.3
#define SEG_SYNC_GAIN	0.1
#define SEG_TARGET	15.0	/* default --target-seconds */
#define SEG_GAP		2.0	/* default --max-gap */
#define SEG_MAX_CLIP	300.0	/* --max-seconds at most: memory per clip */

/* The level of each 10 ms frame of a recording, mono, in dBFS. */
struct seg_env {
	float		*db;
	size_t		 n;
	size_t		 cap;
	unsigned int	 rate;		/* of the recording */
	unsigned int	 channels;
	uint64_t	 frames;	/* samples per channel */
};
#define SEG_ENV_INIT { NULL, 0, 0, 0, 0, 0 }

/*
 * The recording's own level distribution: its floor (5th percentile of
 * the frames), its speech (95th) and the line between: a frame at or
 * below quiet is a pause, anything above it is sound.
 */
struct seg_levels {
	double		 floor;
	double		 speech;
	double		 quiet;
};

/* Cue time t is heard at t * ratio + offset. */
struct seg_sync {
	double		 offset;	/* seconds */
	double		 ratio;		/* 1: no drift */
	double		 confidence;	/* 0 to 1 */
	double		 gain;		/* more of the cues' time on sound */
	int		 applied;
};

struct seg_opts {
	double			 max_s;		/* longest clip */
	double			 gap_s;		/* longest pause inside one */
	double			 target_s;	/* preferred length */
	double			 pad_s;		/* pause kept at each side */
	int			 sync;		/* apply the drift estimate */
	const char		*tier;		/* --tier, or NULL */
	struct resample_opts	 ro;
	const struct locale	*loc;		/* for the transcript fixer */
	unsigned long		 repeat_max;
	unsigned int		 jobs;
	int			 quiet;		/* no per-recording lines */
};

/* One clip: envelope frames [start, end) and the cues in it. */
struct seg_clip {
	size_t		 start;
	size_t		 end;
	size_t		 cues;		/* how many were merged into it */
	unsigned long	 line;		/* of its first cue */
	char		*text;		/* the cleaned cue texts, joined */
};

struct seg_plan {
	struct seg_clip	*v;
	size_t		 n;
	size_t		 cap;
	struct seg_levels lv;
	size_t		 cues;		/* with text */
	size_t		 sound;		/* only sound descriptions */
	size_t		 skipped;	/* left out, with a finding */
	size_t		 merged;	/* joined to another cue's clip */
	double		 skipped_s;	/* seconds of the skipped cues */
};
#define SEG_PLAN_INIT { NULL, 0, 0, { 0, 0, 0 }, 0, 0, 0, 0, 0 }

/* A recording and its labels. */
struct seg_input {
	const char	*audio;
	const char	*labels;
};

int	 seg_envelope(const char *, struct seg_env *, struct diag *);
void	 seg_env_release(struct seg_env *);
void	 seg_levels(const struct seg_env *, struct seg_levels *);
void	 seg_sync_estimate(const struct seg_env *, const struct seg_levels *,
	    const struct cues *, struct seg_sync *);
void	 seg_sync_apply(struct cues *, const struct seg_sync *);
void	 seg_plan(const struct seg_env *, const struct cues *,
	    const struct seg_opts *, struct seg_plan *, struct diag *);
void	 seg_plan_release(struct seg_plan *);
int	 seg_write(const char *, const struct seg_env *,
	    const struct seg_plan *, const struct seg_opts *, const char *,
	    const char *, struct diag *);
char	*seg_check(const struct seg_input *, size_t, const char *);
int	 seg_run(const struct seg_opts *, const struct seg_input *, size_t,
	    const char *, struct buf *, struct diag *);

#endif
