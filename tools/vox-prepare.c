/* vox-prepare: from raw recordings and text to an upload folder. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "io.h"
#include "opts.h"
#include "prepare.h"

static struct prepare_opts po = {
	.rate = 16000,
	.quality = RESAMPLE_MEDIUM
};

static const struct opt options[] = {
	OPT_FLAG(0, "force", &po.force, "pack a kind despite errors"),
	OPT_CALL('Q', "quality", "quality", &po.quality, opts_quality,
	    "resampling quality: best, medium (default) or fast"),
	OPT_CALL('r', "rate", "rate", &po.rate, opts_rate,
	    "sample rate: 16000 (default) or 8000"),
	OPT_END
};

static const struct opts_tool tool = {
	"vox-prepare", options, "raw_dir out_dir", NULL, 2, 2, 0
};

int
main(int argc, char *argv[])
{
	struct common_opts co = COMMON_OPTS_INIT;
	struct buf sum = BUF_INIT;
	struct run run;
	int rc, r;

	if ((rc = opts_parse(&tool, &co, argc, argv)) != OPTS_GO)
		return rc;
	if (io_check_outputs(argv + optind, 1, co.report))
		return EXIT_USAGE;
	if ((rc = run_begin(&run, &co, "vox-prepare")) != EXIT_OK)
		return rc;
	po.prof = run.prof;
	po.loc = run.loc;
	po.testing = co.purpose == PURPOSE_TESTING;
	po.failon = co.failon;
	po.jobs = opts_jobs(&co);
	po.progress = co.progress;
	po.view = report_view(run.rep);
	if (run.rep != NULL)
		report_input(run.rep, argv[optind]);
	r = prepare_run(&po, argv[optind], argv[optind + 1], &sum, &run.d);
	rc = run_end(&run);
	fputs(buf_str(&sum), stdout);
	if (r == 1 && rc == EXIT_OK)
		rc = EXIT_FINDINGS;
	buf_release(&sum);
	return opts_stdout(rc);
}
