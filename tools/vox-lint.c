/* vox-lint: lint Custom Speech datasets; list the rules and locales. */
#include <stdio.h>
#include <stdlib.h>

#include "buf.h"
#include "diag.h"
#include "io.h"
#include "lint.h"
#include "opts.h"
#include "report.h"

enum {
	OPT_AGAINST = OPT_TOOL,
	OPT_LIST_LOCALES,
	OPT_LIST_RULES,
	OPT_SCAN
};

static const struct option longopts[] = {
	COMMON_LONGOPTS,
	{ "against",		required_argument, NULL, OPT_AGAINST },
	{ "kind",		required_argument, NULL, 'k' },
	{ "list-locales",	no_argument,	   NULL, OPT_LIST_LOCALES },
	{ "list-rules",		no_argument,	   NULL, OPT_LIST_RULES },
	{ "scan",		no_argument,	   NULL, OPT_SCAN },
	{ NULL,			0,		   NULL, 0 }
};

static void
usage(FILE *fp)
{
	fputs("usage: vox-lint [-hqV] [-j jobs] [-k kind] [-L locale] "
	    "[-P purpose] [-W level] [--against path] [--list-locales] "
	    "[--list-rules] [--profile file] [--report file] "
	    "[--report-format format] [--scan] [path ...]\n", fp);
}

/* Collect the other set of --against; its own findings are not shown. */
static int
against(struct lint_opts *lo, const char *path, struct lint_set *set,
    struct run *run)
{
	struct lint_result res;
	struct diag d = DIAG_INIT;
	size_t i;
	int rc = 0;

	lint_path(lo, path, NULL, set, &res, &d);
	for (i = 0; i < d.n; i++)
		if (d.v[i].rule == NULL)
			rc = -1;
	if (rc == -1)
		diag_move(&run->d, &d);
	diag_release(&d);
	return rc;
}

int
main(int argc, char *argv[])
{
	struct common_opts co = COMMON_OPTS_INIT("vox-lint", usage);
	struct lint_opts lo = { NULL, NULL, 0, 0, 0, 1 };
	struct lint_set other = LINT_SET_INIT;
	struct lint_result res;
	struct buf verdict = BUF_INIT;
	struct run run;
	const char *vs = NULL;
	enum kind k;
	int ch, rc, lrules = 0, locales = 0, onelocale = 0;

	argv[0] = diag_setprogname(argv[0]);
	while ((ch = getopt_long(argc, argv, COMMON_SHORTOPTS "k:", longopts,
	    NULL)) != -1) {
		switch (opts_common(&co, ch, optarg)) {
		case OPTS_EXIT:
			return co.status;
		case OPTS_DONE:
			onelocale |= ch == 'L';
			continue;
		case OPTS_BAD:
			return EXIT_USAGE;
		}
		switch (ch) {
		case 'k':
			if (kind_parse(optarg, &k) == -1) {
				warnx_("unknown kind '%s' (acoustic, "
				    "audiofiles, language, pronunciation, "
				    "languagemarkdown, outputformatting)",
				    optarg);
				return EXIT_USAGE;
			}
			lo.kind = k;
			break;
		case OPT_AGAINST:
			vs = optarg;
			break;
		case OPT_LIST_LOCALES:
			locales = 1;
			break;
		case OPT_LIST_RULES:
			lrules = 1;
			break;
		case OPT_SCAN:
			lo.scan = 1;
			break;
		default:
			usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (optind == argc && !lrules && !locales) {
		warnx_("no dataset to lint");
		usage(stderr);
		return EXIT_USAGE;
	}
	if ((rc = run_begin(&run, &co, "vox-lint")) != EXIT_OK)
		return rc;
	lo.prof = run.prof;
	lo.loc = run.loc;
	lo.testing = co.purpose == PURPOSE_TESTING;
	lo.jobs = opts_jobs(&co);
	if (lrules)
		lint_list_rules(stdout);
	if (locales)
		lint_list_locales(stdout, run.prof, onelocale ? run.loc : NULL);
	if (vs != NULL && optind < argc && against(&lo, vs, &other, &run) == -1)
		optind = argc;
	for (; optind < argc; optind++) {
		if (run.out.rep != NULL)
			report_input(run.out.rep, argv[optind]);
		lint_path(&lo, argv[optind], vs != NULL ? &other : NULL, NULL,
		    &res, &run.d);
		/*
		 * Diagnostics first, then the verdict that sums them up;
		 * on a terminal stdout is line-buffered, so they interleave.
		 */
		lint_verdict(&verdict, argv[optind], &res, run.loc, &run.d);
		diag_flush(&run.out, &run.d);
		fputs(buf_str(&verdict), stdout);
		buf_reset(&verdict);
	}
	lint_set_release(&other);
	buf_release(&verdict);
	rc = run_end(&run);
	if (xfclose(stdout, "<stdout>") != EXIT_OK)
		rc = EXIT_SYSTEM;
	return rc;
}
