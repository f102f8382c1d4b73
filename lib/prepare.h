/*
 * vox-prepare's library side: from a folder of raw recordings and text
 * to an upload folder, through the same calls as the single tools.
 * The caller owns the options; findings go to the caller's struct diag
 * and the closing summary to its struct buf.
 */
#ifndef VOX_PREPARE_H
#define VOX_PREPARE_H

#include "buf.h"
#include "diag.h"
#include "profile.h"
#include "resample.h"

struct prepare_opts {
	const struct profile	*prof;
	const struct locale	*loc;
	int			 testing;
	unsigned int		 rate;		/* 8000 or 16000 */
	enum resample_quality	 quality;
	unsigned int		 jobs;
};

int	prepare_run(const struct prepare_opts *, const char *, const char *,
	    struct buf *, struct diag *);

#endif
