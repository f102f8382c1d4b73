/*
 * vox-prepare's library side: from a folder of raw recordings and text
 * to an upload folder, through the same calls as the single tools.
 * The caller owns the options and the view in them (an HTML report's,
 * which the run fills); findings go to the caller's struct diag
 * and the closing summary to its struct buf.  prepare_line_map()
 * returns an array the caller frees.
 */
#ifndef VOX_PREPARE_H
#define VOX_PREPARE_H

#include "buf.h"
#include "diag.h"
#include "html.h"
#include "profile.h"
#include "resample.h"

struct prepare_opts {
	const struct profile	*prof;
	const struct locale	*loc;
	int			 testing;
	unsigned int		 rate;		/* 8000 or 16000 */
	enum resample_quality	 quality;
	unsigned int		 jobs;
	int			 force;		/* pack kinds despite errors */
	enum severity		 failon;	/* -W: SEV_ERROR or SEV_WARNING */
	int			 progress;	/* of the audio: 1, 0, -1 tty */
	struct html_view	*view;		/* --report's, or NULL */
};

int	prepare_run(const struct prepare_opts *, const char *, const char *,
	    struct buf *, struct diag *);
unsigned long *prepare_line_map(const char *, size_t, size_t *);

#endif
