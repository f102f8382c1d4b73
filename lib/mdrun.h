/*
 * vox-md's library side: check, fix or expand one markdown file of
 * either kind, run a display-format file over lexical text, or run its
 * #test cases.  Findings go to the caller's diagnostics output; the one
 * line that sums up a file goes to the caller's struct buf.  The options
 * and everything they point to are borrowed.
 */
#ifndef VOX_MDRUN_H
#define VOX_MDRUN_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "diag.h"
#include "profile.h"

struct md_run {
	const struct profile	*prof;
	const struct locale	*loc;
	unsigned int		 kind;		/* forced with -k, or 0 */
	int			 fix;
	int			 expand;	/* --expand given */
	uint64_t		 want;		/* its count */
	const char		*output;	/* "-": standard output */
	unsigned int		 jobs;		/* threads */
};

/* md_file(): the file is of the other kind than the option needs. */
#define MD_RUN_KIND	(-2)

int	md_file(const struct md_run *, const char *, struct diag_out *,
	    struct buf *);
int	md_apply(const struct md_run *, const char *, char *const *, size_t,
	    struct diag_out *);
int	md_test(const struct md_run *, const char *, struct diag_out *,
	    struct buf *);

#endif
