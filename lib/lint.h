/*
 * vox-lint's library side.  The listings write to the stream given;
 * nothing here owns memory that outlives a call.
 */
#ifndef VOX_LINT_H
#define VOX_LINT_H

#include <stdio.h>

#include "profile.h"

void	lint_list_rules(FILE *);
void	lint_list_locales(FILE *, const struct profile *,
	    const struct locale *);

#endif
