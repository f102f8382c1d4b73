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

struct opts_tool;

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
	const struct opts_tool	*tool;		/* set by opts_parse() */
	int			 status;	/* after OPTS_EXIT */
};
#define COMMON_OPTS_INIT { "en-US", PURPOSE_TRAINING, NULL, 0, SEV_ERROR, \
	NULL, REPORT_NONE, 0, -1, NULL, 0 }

/*
 * Option tables, as git's parse-options: each tool declares its options
 * once, in one static table of struct opt ended by OPT_END, and
 * opts_parse() builds getopt_long's short string and struct option
 * array from it and from the shared table (opts_common_table: -h, -j,
 * -L, -P, -q, -V, -W, --profile, --progress, --no-progress, --report,
 * --report-format).  The usage line (-h, and on bad usage) and the help
 * lines (-h) come from the same tables, and tests/check-usage.sh holds
 * them against the man page's SYNOPSIS and option list.
 *
 * An entry has a short letter (key, or 0), a long name (or NULL), the
 * argument's name as usage shows it (NULL: no argument), one help line,
 * and what to do with it:
 *	OPT_FLAG	set the int *var to 1
 *	OPT_STRING	set the const char **var to the argument
 *	OPT_CALL	call fn(var, arg): 0, or -1 having said why (exit 2)
 * Variables are file-scope statics of the tool.  A help line is at most
 * 52 characters (it starts in column 29 of 80).  Order in the table does
 * not matter: usage shows, as style(9), the letters without an argument
 * bundled, then the letters with one, then the long-only options, each
 * sorted ignoring case and in brackets; an entry whose flags hold
 * OPT_MUST comes after them without brackets (a required option), one
 * with OPT_ALT only in the tool's other usage forms (opts_tool.forms).
 * -h lists every option in the man pages' order.  A new option goes in
 * the table, the man page's SYNOPSIS and its option list (see
 * tests/check-usage.sh).  Example, a whole tool's options:
 *
 *	static int fix;
 *	static const char *out = "-";
 *	static const struct opt options[] = {
 *		OPT_FLAG(0, "fix", &fix, "write the repaired transcript"),
 *		OPT_STRING('o', "output", "file", &out, "write to file"),
 *		OPT_END
 *	};
 *	static const struct opts_tool tool = {
 *		"vox-x", options, "[file ...]", NULL, 0, -1, 0
 *	};
 *	...
 *	struct common_opts co = COMMON_OPTS_INIT;
 *	if ((rc = opts_parse(&tool, &co, argc, argv)) != OPTS_GO)
 *		return rc;
 *	operands are argv[optind] ... argv[argc - 1]
 */
enum opt_type {
	OPT_T_END,
	OPT_T_FLAG,
	OPT_T_STRING,
	OPT_T_CALL,
	OPT_T_COMMON		/* the shared table: opts_common() */
};

enum {
	OPT_MUST = 1,		/* required: usage shows it unbracketed */
	OPT_ALT = 2		/* only in the other usage forms */
};

struct opt {
	int		  key;		/* short letter, or 0; OPT_* codes */
	const char	 *name;		/* long name, or NULL */
	const char	 *arg;		/* argument's name, or NULL */
	const char	 *help;		/* one line, lowercase, no stop */
	enum opt_type	  type;
	void		 *var;
	int		(*fn)(void *, const char *);
	int		  flags;	/* OPT_MUST, OPT_ALT */
};

#define OPT_FLAG(k, n, v, h) \
	{ (k), (n), NULL, (h), OPT_T_FLAG, (1 ? (v) : (int *)0), NULL, 0 }
#define OPT_STRING(k, n, a, v, h) \
	{ (k), (n), (a), (h), OPT_T_STRING, (1 ? (v) : (const char **)0), \
	NULL, 0 }
#define OPT_CALL(k, n, a, v, f, h) \
	{ (k), (n), (a), (h), OPT_T_CALL, (v), (f), 0 }
#define OPT_END { 0, NULL, NULL, NULL, OPT_T_END, NULL, NULL, 0 }

struct opts_tool {
	const char		*name;		/* "vox-text" */
	const struct opt	*opts;		/* its own, OPT_END last */
	const char		*operands;	/* usage: "[file ...]" */
	const char		*forms;		/* other usage forms, or NULL */
	int			 min;		/* operands at least */
	int			 max;		/* at most; -1: any */
	int			 flags;		/* OPTS_NOTTY */
};

/* No operand means standard input, which must not be a terminal. */
#define OPTS_NOTTY 1

/* The shared table's long-only keys; any key >= 0x100 is not a letter. */
enum {
	OPT_NO_PROGRESS = 0x100,
	OPT_PROFILE,
	OPT_PROGRESS,
	OPT_REPORT,
	OPT_REPORT_FORMAT
};

extern const struct opt opts_common_table[];

/* opts_parse(): go on with the operands at argv[optind]. */
#define OPTS_GO (-1)

/* What opts_common() made of an option. */
enum {
	OPTS_DONE = 1,		/* taken */
	OPTS_EXIT = 2,		/* -h or -V done: exit with co->status */
	OPTS_BAD = -1		/* bad value, message printed: exit 2 */
};

struct run {
	struct common_opts	*co;
	const char		*tool;
	struct profile		*prof;
	const struct locale	*loc;
	struct diag_out		 out;	/* its sink is rep's, if any */
	struct report		*rep;	/* --report, or NULL */
	struct diag		 d;	/* the tool's own findings */
};

int	opts_parse(const struct opts_tool *, struct common_opts *, int,
	    char *[]);
int	opts_common(struct common_opts *, int, const char *);
void	opts_usage(const struct opts_tool *, FILE *);
void	opts_help(const struct opts_tool *, FILE *);
int	opts_bad(const struct opts_tool *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
int	opts_num(const char *, long long, long long, long long *,
	    const char **);
unsigned int opts_jobs(const struct common_opts *);
void	opts_version(const char *);
int	opts_stdout(int);
int	opts_clobbers(const char *, char *const *, int);

/* OPT_CALL functions shared by several tools; var is the named type. */
int	opts_kind(void *, const char *);	/* unsigned int (enum kind) */
int	opts_quality(void *, const char *);	/* enum resample_quality */
int	opts_rate(void *, const char *);	/* unsigned int: 8000, 16000 */
int	opts_tier(void *, const char *);	/* enum tier */
int	run_begin(struct run *, struct common_opts *, const char *);
int	run_end(struct run *);

#endif
