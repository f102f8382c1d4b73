/*
 * The sample scan: statistics over 16-bit samples fed in blocks of any
 * size (peak and RMS level, clipping, DC offset, leading and trailing
 * silence by 10 ms windows, energy above 4 kHz).  A struct scan is the
 * caller's, holds no memory, and belongs to one thread; the progress
 * part, if set, is borrowed.
 */
#ifndef VOX_SCAN_H
#define VOX_SCAN_H

#include <stddef.h>
#include <stdint.h>

#include "progress.h"

#define SCAN_CLIP_RUN	3	/* full-scale samples in a row: a clip */
#define SCAN_SILENCE_DB (-50.0)	/* 10 ms windows below this are quiet */
#define SCAN_HF_TAPS	31	/* taps of the high-pass probe */
/*
 * Samples per scan_block() call from a reader.  The high-pass probes
 * are placed by block, so every reader of a file (read, in memory,
 * decoded) feeds blocks of this size to find the same figures.
 */
#define SCAN_BLOCK	65536

/* The running state of a sample scan. */
struct scan {
	unsigned int	 rate;
	unsigned int	 channels;
	unsigned int	 win;		/* samples in a 10 ms window */
	unsigned int	 wn;		/* samples in the current window */
	int64_t		 wsq;		/* its sum of squares */
	double		 quiet;		/* loudest quiet window, per sample */
	uint64_t	 n;		/* samples so far */
	int		 peak;
	double		 sum;
	double		 sumsq;
	int		 hf;		/* estimate the energy above 4 kHz */
	double		 hfsq;		/* high-passed energy of the probes */
	double		 hfref;		/* plain energy of the same samples */
	float		 fir[SCAN_HF_TAPS];
	uint64_t	 clipped;
	uint64_t	 clip_runs;
	unsigned int	 run;
	int64_t		 windows;
	int64_t		 first_loud;	/* window index, -1 none */
	int64_t		 last_loud;
	struct progress_part *part;	/* or NULL */
	uint64_t	 total;		/* samples expected, for part */
};

/* What a scan found. */
struct scan_result {
	uint64_t	frames;
	double		peak_db;	/* dBFS; -inf for digital silence */
	double		rms_db;
	uint64_t	clipped;	/* samples at full scale */
	uint64_t	clip_runs;	/* runs of SCAN_CLIP_RUN or more */
	double		dc;		/* mean, fraction of full scale */
	double		lead_s;		/* silence before the first sound */
	double		trail_s;	/* silence after the last sound */
	double		hf_db;		/* energy above 4 kHz vs all; NAN */
	int		silent;		/* no window above the threshold */
};

void	scan_init(struct scan *, unsigned int, unsigned int);
void	scan_block(struct scan *, const short *, size_t);
void	scan_finish(struct scan *, struct scan_result *);

#endif
