/*
 * Conversion to the service's audio format: decode, downmix, change the
 * rate through the libsamplerate API, dither to 16 bits, write a
 * canonical WAV.  The only module that includes samplerate.h (or
 * soxr-lsr.h).  Strings passed in are borrowed; the usage message of a
 * struct resample_stats is its own, freed by resample_stats_release();
 * the names from resample_outputs() go with resample_outputs_free().
 */
#ifndef VOX_RESAMPLE_H
#define VOX_RESAMPLE_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "diag.h"
#include "progress.h"

enum resample_quality {
	RESAMPLE_BEST,
	RESAMPLE_MEDIUM,
	RESAMPLE_FAST
};

struct resample_opts {
	unsigned int		 rate;		/* 8000 or 16000 */
	enum resample_quality	 quality;
	unsigned int		 channel;	/* 1-based; 0: mean */
	int			 force;		/* even if already right */
};
#define RESAMPLE_OPTS_INIT { 16000, RESAMPLE_MEDIUM, 0, 0 }

/* What one conversion did. */
struct resample_stats {
	uint64_t	 in_frames;	/* decoded */
	unsigned int	 in_rate;
	uint64_t	 out_frames;	/* written */
	uint64_t	 clipped;	/* samples beyond full scale */
	int		 copied;	/* copied byte for byte */
	int		 written;	/* an output was committed */
	char		*usage;		/* a usage error, or NULL */
	struct progress_part part;	/* reported as it is read */
};
#define RESAMPLE_STATS_INIT { 0, 0, 0, 0, 0, 0, NULL, { NULL, 0, 0 } }

uint64_t resample_length(uint64_t, unsigned int, unsigned int);
int	 resample_file(const struct resample_opts *, const char *,
	    const char *, struct resample_stats *, struct diag *);
int	 resample_mem(const struct resample_opts *, const float *, size_t,
	    unsigned int, unsigned int, struct buf *, struct resample_stats *,
	    struct diag *);
char	*resample_outputs(char *const *, size_t, const char *, char ***);
void	 resample_outputs_free(char **, size_t);
void	 resample_stats_release(struct resample_stats *);
const char *resample_backend(void);

#endif
