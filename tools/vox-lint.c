/* vox-lint: lint Custom Speech datasets; list the rules and locales. */
#include <stdio.h>
#include <stdlib.h>

#include "diag.h"
#include "io.h"
#include "lint.h"
#include "opts.h"

enum { OPT_LIST_LOCALES = OPT_TOOL, OPT_LIST_RULES };

static const struct option longopts[] = {
	COMMON_LONGOPTS,
	{ "list-locales",	no_argument,	   NULL, OPT_LIST_LOCALES },
	{ "list-rules",		no_argument,	   NULL, OPT_LIST_RULES },
	{ NULL,			0,		   NULL, 0 }
};

static void
usage(FILE *fp)
{
	fputs("usage: vox-lint [-hqV] [-j jobs] [-L locale] [-P purpose] "
	    "[-W level] [--list-locales] [--list-rules] [--profile file] "
	    "[--report file] [--report-format format]\n", fp);
}

int
main(int argc, char *argv[])
{
	struct common_opts co = COMMON_OPTS_INIT;
	struct run run;
	int ch, rc, list_rules = 0, list_locales = 0, onelocale = 0;

	argv[0] = diag_setprogname(argv[0]);
	while ((ch = getopt_long(argc, argv, COMMON_SHORTOPTS, longopts,
	    NULL)) != -1) {
		switch (opts_common(&co, ch, optarg)) {
		case OPTS_DONE:
			onelocale |= ch == 'L';
			continue;
		case OPTS_BAD:
			return EXIT_USAGE;
		}
		switch (ch) {
		case 'h':
			usage(stdout);
			return xfclose(stdout, "<stdout>");
		case 'V':
			opts_version("vox-lint");
			return xfclose(stdout, "<stdout>");
		case OPT_LIST_LOCALES:
			list_locales = 1;
			break;
		case OPT_LIST_RULES:
			list_rules = 1;
			break;
		default:
			usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (optind < argc || !(list_rules || list_locales)) {
		warnx_("dataset checks are not in this build; "
		    "use --list-rules or --list-locales");
		usage(stderr);
		return EXIT_USAGE;
	}
	if ((rc = run_begin(&run, &co, "vox-lint")) != EXIT_OK)
		return rc;
	if (list_rules)
		lint_list_rules(stdout);
	if (list_locales)
		lint_list_locales(stdout, run.prof, onelocale ? run.loc : NULL);
	rc = run_end(&run);
	if (xfclose(stdout, "<stdout>") != EXIT_OK)
		rc = EXIT_SYSTEM;
	return rc;
}
