/*
 * vox-lint's library side: lint one dataset (a folder, a zip, or a
 * single file) with every check that applies.  Findings go to the
 * caller's struct diag; a struct lint_set owns the names and hashes it
 * collects (lint_set_release() frees them); the rest, the view too, is
 * borrowed.
 */
#ifndef VOX_LINT_H
#define VOX_LINT_H

#include <stdio.h>

#include "buf.h"
#include "diag.h"
#include "html.h"
#include "profile.h"

struct lint_opts {
	const struct profile	*prof;
	const struct locale	*loc;
	int			 testing;	/* -P testing */
	unsigned int		 kind;		/* forced kind, 0: detect */
	int			 scan;		/* read every audio sample */
	unsigned int		 jobs;
	struct html_view	*view;		/* fed as it goes, or NULL */
};

/* What a dataset holds, for duplicate and train/test leak checks. */
struct lint_item {
	char	*name;
	char	*key;		/* audio: SHA-256 of the samples; text: line */
};

struct lint_set {
	struct lint_item	*audio;
	size_t			 naudio;
	struct lint_item	*text;
	size_t			 ntext;
};
#define LINT_SET_INIT { NULL, 0, NULL, 0 }

struct lint_result {
	unsigned int	kind;		/* enum kind, or 0 if unknown */
	int		detected;	/* not forced with -k */
	size_t		audio;		/* audio files */
	double		seconds;	/* of audio, where known */
	size_t		lines;		/* text lines */
};

int	lint_path(const struct lint_opts *, const char *,
	    const struct lint_set *, struct lint_set *, struct lint_result *,
	    struct diag *);
void	lint_verdict(struct buf *, const char *, const struct lint_result *,
	    const struct locale *, const struct diag *);
void	lint_set_release(struct lint_set *);
void	lint_list_rules(FILE *);
void	lint_list_locales(FILE *, const struct profile *,
	    const struct locale *);

#endif
