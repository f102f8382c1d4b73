/* vox-text: normalize related text (the Language kind) for upload. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "io.h"
#include "opts.h"
#include "related.h"

enum {
	OPT_CHECK = OPT_TOOL, OPT_DEDUPE, OPT_LOWER, OPT_NOSPLIT, OPT_SPELL,
	OPT_SPLIT, OPT_TIER
};

static const struct option longopts[] = {
	COMMON_LONGOPTS,
	{ "check",		no_argument,	   NULL, OPT_CHECK },
	{ "dedupe",		no_argument,	   NULL, OPT_DEDUPE },
	{ "lowercase",		no_argument,	   NULL, OPT_LOWER },
	{ "no-split",		no_argument,	   NULL, OPT_NOSPLIT },
	{ "output",		required_argument, NULL, 'o' },
	{ "spell-numbers",	no_argument,	   NULL, OPT_SPELL },
	{ "split-lines",	required_argument, NULL, OPT_SPLIT },
	{ "tier",		required_argument, NULL, OPT_TIER },
	{ NULL,			0,		   NULL, 0 }
};

static void
usage(FILE *fp)
{
	fputs("usage: vox-text [-hqV] [-j jobs] [-L locale] [-o file] "
	    "[-P purpose] [-W level] [--check] [--dedupe] [--lowercase] "
	    "[--no-split] [--profile file] [--report file] "
	    "[--report-format format] [--spell-numbers] [--split-lines n] "
	    "[--tier free|standard] [file ...]\n", fp);
}

int
main(int argc, char *argv[])
{
	struct common_opts co = COMMON_OPTS_INIT("vox-text", usage);
	struct related_opts o;
	struct related_stats st;
	struct buf sum = BUF_INIT;
	struct run run;
	long long n = -1;
	const char *err;
	char *msg = NULL;
	int ch, i, rc;

	argv[0] = diag_setprogname(argv[0]);
	memset(&o, 0, sizeof(o));
	memset(&st, 0, sizeof(st));
	o.tier = TIER_DEFAULT;
	while ((ch = getopt_long(argc, argv, COMMON_SHORTOPTS "o:", longopts,
	    NULL)) != -1) {
		switch (opts_common(&co, ch, optarg)) {
		case OPTS_EXIT:
			return co.status;
		case OPTS_DONE:
			continue;
		case OPTS_BAD:
			return EXIT_USAGE;
		}
		switch (ch) {
		case 'o':
			o.output = optarg;
			break;
		case OPT_CHECK:
			o.check = 1;
			break;
		case OPT_DEDUPE:
			o.dedupe = 1;
			break;
		case OPT_LOWER:
			o.lowercase = 1;
			break;
		case OPT_NOSPLIT:
			o.nosplit = 1;
			break;
		case OPT_SPELL:
			o.spell = 1;
			break;
		case OPT_SPLIT:
			if (opts_num(optarg, 0, 100000000, &n, &err) == -1) {
				warnx_("--split-lines '%s' is %s", optarg, err);
				return EXIT_USAGE;
			}
			break;
		case OPT_TIER:
			if (tier_parse(optarg, &o.tier) == -1) {
				warnx_("bad --tier '%s': use free or standard",
				    optarg);
				return EXIT_USAGE;
			}
			break;
		default:
			usage(stderr);
			return EXIT_USAGE;
		}
	}
	for (i = optind; !o.check && msg == NULL && (i < argc || i == optind);
	    i++)
		msg = io_clobbers(o.output != NULL ? o.output : "-",
		    i < argc ? argv[i] : "-");
	if (msg != NULL) {
		warnx_("%s", msg);
		free(msg);
		return EXIT_USAGE;
	}
	if ((rc = run_begin(&run, &co, "vox-text")) != EXIT_OK)
		return rc;
	o.loc = run.loc;
	o.limit = &run.prof->text_bytes;
	o.repeat_max = run.prof->repeat_max;
	o.split_lines = n >= 0 ? (unsigned long)n : run.loc->split_lines;
	o.line_max = RELATED_LINE_MAX;
	o.jobs = opts_jobs(&co);
	o.record = run.out.rep != NULL;
	for (i = optind; i < argc || (i == optind && i == argc); i++)
		report_input(run.out.rep, i < argc ? argv[i] : "-");
	related_run(&o, argv + optind, (size_t)(argc - optind), &run.out,
	    &st);
	related_summary(&st, &sum);
	if (!co.quiet)
		fprintf(stderr, "vox-text: %s\n", buf_str(&sum));
	buf_release(&sum);
	rc = run_end(&run);
	if (xfclose(stdout, "<stdout>") != EXIT_OK)
		rc = EXIT_SYSTEM;
	return rc;
}
