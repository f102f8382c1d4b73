/*
 * The options every tool shares (DESIGN.md section 4) and the run they
 * set up: profile, locale, diagnostics sink and report.  A struct run
 * owns its profile and report; run_end() releases them.
 */
#ifndef VOX_OPTS_H
#define VOX_OPTS_H

#include <getopt.h>
#include <stdio.h>

#include "diag.h"
#include "profile.h"
#include "report.h"

enum purpose {
	PURPOSE_TRAINING,
	PURPOSE_TESTING
};

struct common_opts {
	const char		*locale;
	enum purpose		 purpose;
	const char		*profile;
	unsigned int		 jobs;		/* 0: online CPUs */
	enum severity		 failon;
	const char		*report;
	enum report_format	 report_fmt;
	int			 quiet;
	int			 progress;	/* -1: when stderr is a tty */
	const char		*tool;		/* for -V */
	void			(*usage)(FILE *);	/* for -h */
	int			 status;	/* after OPTS_EXIT */
};
#define COMMON_OPTS_INIT(tool, usage) { "en-US", PURPOSE_TRAINING, NULL, \
	0, SEV_ERROR, NULL, REPORT_NONE, 0, -1, (tool), (usage), 0 }

/* Codes of long-only options; tools number theirs from OPT_TOOL. */
enum {
	OPT_NO_PROGRESS = 0x100,
	OPT_PROFILE,
	OPT_PROGRESS,
	OPT_REPORT,
	OPT_REPORT_FORMAT,
	OPT_TOOL = 0x200
};

#define COMMON_SHORTOPTS "hj:L:P:qVW:"
#define COMMON_LONGOPTS \
	{ "fail-on",		required_argument, NULL, 'W' }, \
	{ "help",		no_argument,	   NULL, 'h' }, \
	{ "jobs",		required_argument, NULL, 'j' }, \
	{ "locale",		required_argument, NULL, 'L' }, \
	{ "no-progress",	no_argument,	   NULL, OPT_NO_PROGRESS }, \
	{ "profile",		required_argument, NULL, OPT_PROFILE }, \
	{ "progress",		no_argument,	   NULL, OPT_PROGRESS }, \
	{ "purpose",		required_argument, NULL, 'P' }, \
	{ "quiet",		no_argument,	   NULL, 'q' }, \
	{ "report",		required_argument, NULL, OPT_REPORT }, \
	{ "report-format",	required_argument, NULL, OPT_REPORT_FORMAT }, \
	{ "version",		no_argument,	   NULL, 'V' }

/* What opts_common() made of an option. */
enum {
	OPTS_OTHER = 0,		/* not a shared option */
	OPTS_DONE = 1,		/* taken */
	OPTS_EXIT = 2,		/* -h or -V done: exit with co->status */
	OPTS_BAD = -1		/* bad value, message printed: exit 2 */
};

struct run {
	struct common_opts	*co;
	const char		*tool;
	struct profile		*prof;
	const struct locale	*loc;
	struct diag_out		 out;
	struct diag		 d;	/* the tool's own findings */
};

int	opts_common(struct common_opts *, int, const char *);
int	opts_num(const char *, long long, long long, long long *,
	    const char **);
unsigned int opts_jobs(const struct common_opts *);
void	opts_version(const char *);
int	run_begin(struct run *, struct common_opts *, const char *);
int	run_end(struct run *);

#endif
