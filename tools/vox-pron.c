/* vox-pron: check and normalize pronunciation files, import PLS. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "io.h"
#include "opts.h"
#include "pron.h"

static struct pron_opts o = { .tier = TIER_DEFAULT };
static const char *out = "-", *pls;

static const struct opt options[] = {
	OPT_FLAG(0, "check", &o.check,
	    "change nothing: report what would change"),
	OPT_STRING(0, "from-pls", "file", &pls,
	    "import a W3C PLS lexicon instead"),
	OPT_STRING('o', "output", "file", &out,
	    "write to file (default: standard output)"),
	OPT_CALL(0, "tier", "free|standard", &o.tier, opts_tier,
	    "the size limit of this pricing tier"),
	OPT_END
};

static const struct opts_tool tool = {
	"vox-pron", options, "[file]", NULL, 0, 1, 0
};

int
main(int argc, char *argv[])
{
	struct common_opts co = COMMON_OPTS_INIT;
	struct pron_stats st;
	struct buf sum = BUF_INIT;
	struct run run;
	const char *path = "-";
	int rc;

	memset(&st, 0, sizeof(st));
	if ((rc = opts_parse(&tool, &co, argc, argv)) != OPTS_GO)
		return rc;
	if (pls != NULL && argc - optind > 0)
		return opts_bad(&tool, NULL);
	if (optind < argc)
		path = argv[optind];
	if (!o.check && opts_clobbers(out, pls != NULL ? (char *const *)&pls :
	    argv + optind, pls != NULL ? 1 : argc - optind) == -1)
		return EXIT_USAGE;
	if (io_check_outputs(argv + optind, argc - optind, co.report))
		return EXIT_USAGE;
	if ((rc = run_begin(&run, &co, "vox-pron")) != EXIT_OK)
		return rc;
	o.loc = run.loc;
	o.limit = &run.prof->pron_bytes;
	report_input(run.rep, pls != NULL ? pls : path);
	if (pron_run(&o, path, pls, out, &run.out, &st) == 0 && !co.quiet) {
		pron_summary(&st, &sum);
		fprintf(stderr, "vox-pron: %s\n", buf_str(&sum));
	}
	buf_release(&sum);
	return opts_stdout(run_end(&run));
}
