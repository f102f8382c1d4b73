/*
 * vox-pack's library side: lint the inputs, then write the upload files
 * and their manifests.  Nothing is left behind unless every output was
 * written: all are kept as temporary files until the last is done.
 */
#ifndef VOX_PACK_H
#define VOX_PACK_H

#include <stddef.h>

#include "buf.h"
#include "diag.h"
#include "profile.h"

struct pack_opts {
	const struct profile	*prof;
	const struct locale	*loc;
	int			 testing;
	unsigned int		 kind;		/* enum kind, required */
	const char		*out;		/* OUT.zip, or the text file */
	const char		*name;		/* displayName, or NULL */
	const char		*description;	/* or NULL */
	int			 deflate;
	int			 force;		/* pack despite errors */
	int			 fix;		/* repair the transcript */
	unsigned int		 jobs;
};

int	pack_run(const struct pack_opts *, char *const *, size_t,
	    struct buf *, struct diag *);
int	pack_verify(const struct pack_opts *, const char *, struct buf *,
	    struct diag *);

#endif
