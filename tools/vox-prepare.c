/* vox-prepare: from raw recordings and text to an upload folder. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "io.h"
#include "opts.h"
#include "prepare.h"

static const struct option longopts[] = {
	COMMON_LONGOPTS,
	{ "quality",	required_argument, NULL, 'Q' },
	{ "rate",	required_argument, NULL, 'r' },
	{ NULL,		0,		   NULL, 0 }
};

static void
usage(FILE *fp)
{
	fputs("usage: vox-prepare [-hqV] [-j jobs] [-L locale] [-P purpose] "
	    "[-Q quality] [-r rate] [-W level] [--profile file] "
	    "[--report file] [--report-format format] raw_dir out_dir\n", fp);
}

int
main(int argc, char *argv[])
{
	struct common_opts co = COMMON_OPTS_INIT("vox-prepare", usage);
	struct prepare_opts po;
	struct buf sum = BUF_INIT;
	struct run run;
	int ch, rc, r;

	memset(&po, 0, sizeof(po));
	po.rate = 16000;
	po.quality = RESAMPLE_MEDIUM;
	argv[0] = diag_setprogname(argv[0]);
	while ((ch = getopt_long(argc, argv, COMMON_SHORTOPTS "Q:r:",
	    longopts, NULL)) != -1) {
		switch (opts_common(&co, ch, optarg)) {
		case OPTS_EXIT:
			return co.status;
		case OPTS_DONE:
			continue;
		case OPTS_BAD:
			return EXIT_USAGE;
		}
		switch (ch) {
		case 'Q':
			if (resample_quality_parse(optarg, &po.quality) == -1) {
				warnx_("quality '%s' is not 'best', 'medium' "
				    "or 'fast'", optarg);
				return EXIT_USAGE;
			}
			break;
		case 'r':
			if (strcmp(optarg, "8000") != 0 &&
			    strcmp(optarg, "16000") != 0) {
				warnx_("rate '%s' is not 8000 or 16000",
				    optarg);
				return EXIT_USAGE;
			}
			po.rate = (unsigned int)atoi(optarg);
			break;
		default:
			usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (argc - optind != 2) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if ((rc = run_begin(&run, &co, "vox-prepare")) != EXIT_OK)
		return rc;
	po.prof = run.prof;
	po.loc = run.loc;
	po.testing = co.purpose == PURPOSE_TESTING;
	po.jobs = opts_jobs(&co);
	if (run.out.rep != NULL)
		report_input(run.out.rep, argv[optind]);
	r = prepare_run(&po, argv[optind], argv[optind + 1], &sum, &run.d);
	rc = run_end(&run);
	fputs(buf_str(&sum), stdout);
	if (r == 1 && rc == EXIT_OK)
		rc = EXIT_FINDINGS;
	buf_release(&sum);
	if (xfclose(stdout, "<stdout>") != EXIT_OK)
		rc = EXIT_SYSTEM;
	return rc;
}
