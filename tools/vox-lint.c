/* vox-lint: lint Custom Speech datasets; list the rules and locales. */
#include <stdio.h>
#include <stdlib.h>

#include "buf.h"
#include "diag.h"
#include "io.h"
#include "lint.h"
#include "opts.h"
#include "report.h"

static struct lint_opts lint = { NULL, NULL, 0, 0, 0, 1, NULL };
static const char *vs;
static int lrules, locales;

static const struct opt options[] = {
	OPT_STRING(0, "against", "path", &vs,
	    "also report what each dataset shares with path"),
	OPT_CALL('k', "kind", "kind", &lint.kind, opts_kind,
	    "the datasets' kind, instead of detecting it"),
	OPT_FLAG(0, "list-locales", &locales,
	    "list the locales and what each supports"),
	OPT_FLAG(0, "list-rules", &lrules, "list the rules"),
	OPT_FLAG(0, "scan", &lint.scan, "read every audio sample"),
	OPT_END
};

static const struct opts_tool tool = {
	"vox-lint", options, "[path ...]", NULL, 0, -1, 0
};

/* Collect the other set of --against; its own findings are not shown. */
static int
against(struct lint_opts *lo, const char *path, struct lint_set *set,
    struct run *run)
{
	struct lint_opts o = *lo;
	struct lint_result res;
	struct diag d = DIAG_INIT;
	size_t i;
	int rc = 0;

	o.view = NULL;		/* the page is about the datasets linted */
	lint_path(&o, path, NULL, set, &res, &d);
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
	struct common_opts co = COMMON_OPTS_INIT;
	struct lint_set other = LINT_SET_INIT;
	struct lint_result res;
	struct buf verdict = BUF_INIT;
	struct run run;
	const char *dflt = co.locale;
	int rc;

	if ((rc = opts_parse(&tool, &co, argc, argv)) != OPTS_GO)
		return rc;
	if (optind == argc && !lrules && !locales)
		return opts_bad(&tool, "no dataset to lint");
	if (io_check_outputs(argv + optind, argc - optind, co.report))
		return EXIT_USAGE;
	if ((rc = run_begin(&run, &co, "vox-lint")) != EXIT_OK)
		return rc;
	lint.prof = run.prof;
	lint.loc = run.loc;
	lint.testing = co.purpose == PURPOSE_TESTING;
	lint.jobs = opts_jobs(&co);
	lint.view = report_view(run.rep);
	if (lrules)
		lint_list_rules(stdout);
	if (locales)
		lint_list_locales(stdout, run.prof,
		    co.locale != dflt ? run.loc : NULL);
	if (vs != NULL && optind < argc &&
	    against(&lint, vs, &other, &run) == -1)
		optind = argc;
	for (; optind < argc; optind++) {
		if (run.rep != NULL)
			report_input(run.rep, argv[optind]);
		lint_path(&lint, argv[optind], vs != NULL ? &other : NULL, NULL,
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
	return opts_stdout(run_end(&run));
}
