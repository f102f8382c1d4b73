/*
 * Transcript skeletons for annotators to fill: one "name<TAB>" line for
 * every WAV of a dataset.  The caller owns the buffer.
 */
#ifndef VOX_TEMPLATE_H
#define VOX_TEMPLATE_H

#include "buf.h"
#include "diag.h"
#include "profile.h"

long	template_trans(const char *, const struct locale *, struct buf *,
	    struct diag *);

#endif
