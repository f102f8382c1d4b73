/* vox-pron: check and normalize pronunciation files, import PLS. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "io.h"
#include "opts.h"
#include "pron.h"

enum { OPT_CHECK = OPT_TOOL, OPT_FROM_PLS, OPT_TIER };

static const struct option longopts[] = {
	COMMON_LONGOPTS,
	{ "check",		no_argument,	   NULL, OPT_CHECK },
	{ "from-pls",		required_argument, NULL, OPT_FROM_PLS },
	{ "output",		required_argument, NULL, 'o' },
	{ "tier",		required_argument, NULL, OPT_TIER },
	{ NULL,			0,		   NULL, 0 }
};

static void
usage(FILE *fp)
{
	fputs("usage: vox-pron [-hqV] [-j jobs] [-L locale] [-o file] "
	    "[-P purpose] [-W level] [--check] [--from-pls file] "
	    "[--profile file] [--report file] [--report-format format] "
	    "[--tier free|standard] [file]\n", fp);
}

int
main(int argc, char *argv[])
{
	struct common_opts co = COMMON_OPTS_INIT("vox-pron", usage);
	struct pron_opts o;
	struct pron_stats st;
	struct buf sum = BUF_INIT;
	struct run run;
	const char *out = "-", *pls = NULL, *path = "-";
	char *msg;
	int ch, rc;

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
			out = optarg;
			break;
		case OPT_CHECK:
			o.check = 1;
			break;
		case OPT_FROM_PLS:
			pls = optarg;
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
	if (argc - optind > 1 || (pls != NULL && argc - optind > 0)) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if (optind < argc)
		path = argv[optind];
	if (!o.check && (msg = io_clobbers(out, pls != NULL ? pls : path)) !=
	    NULL) {
		warnx_("%s", msg);
		free(msg);
		return EXIT_USAGE;
	}
	if ((rc = run_begin(&run, &co, "vox-pron")) != EXIT_OK)
		return rc;
	o.loc = run.loc;
	o.limit = &run.prof->pron_bytes;
	report_input(run.out.rep, pls != NULL ? pls : path);
	if (pron_run(&o, path, pls, out, &run.out, &st) == 0 && !co.quiet) {
		pron_summary(&st, &sum);
		fprintf(stderr, "vox-pron: %s\n", buf_str(&sum));
	}
	buf_release(&sum);
	rc = run_end(&run);
	if (xfclose(stdout, "<stdout>") != EXIT_OK)
		rc = EXIT_SYSTEM;
	return rc;
}
