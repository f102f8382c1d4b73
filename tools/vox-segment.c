/* vox-segment: cut long recordings into training clips by their captions. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "io.h"
#include "opts.h"
#include "resample.h"
#include "segment.h"
#include "xalloc.h"

static struct seg_opts so = {
	.max_s = -1,
	.gap_s = SEG_GAP,
	.target_s = SEG_TARGET,
	.pad_s = -1,
	.ro = RESAMPLE_OPTS_INIT
};
static const char *dir;

/* Seconds in [min, max]; 0, or -1 having said why. */
static int
seconds(const char *name, const char *arg, double min, double max,
    double *out)
{
	char *end;
	double v = strtod(arg, &end);

	if (end == arg || *end != '\0' || !isfinite(v) || v < min ||
	    v > max) {
		warnx_("bad --%s '%s': use seconds from %g to %g", name, arg,
		    min, max);
		return -1;
	}
	*out = v;
	return 0;
}

static int
max_seconds(void *var, const char *arg)
{
	return seconds("max-seconds", arg, 1, SEG_MAX_CLIP, var);
}

static int
max_gap(void *var, const char *arg)
{
	return seconds("max-gap", arg, 0, 3600, var);
}

static int
target(void *var, const char *arg)
{
	return seconds("target-seconds", arg, 1, SEG_MAX_CLIP, var);
}

static int
pad(void *var, const char *arg)
{
	return seconds("pad", arg, 0, 5, var);
}

static const struct opt options[] = {
	OPT_CALL(0, "max-gap", "seconds", &so.gap_s, max_gap,
	    "longest pause inside a clip (default: 2)"),
	OPT_CALL(0, "max-seconds", "seconds", &so.max_s, max_seconds,
	    "longest clip (default: the training limit)"),
	{ 'o', "output", "dir", "write the clips and trans.txt into dir",
	    OPT_T_STRING, &dir, NULL, OPT_MUST },
	OPT_CALL(0, "pad", "seconds", &so.pad_s, pad,
	    "pause kept at each side (default: 0.5)"),
	OPT_CALL('r', "rate", "rate", &so.ro.rate, opts_rate,
	    "16000 (default) or 8000"),
	OPT_FLAG(0, "sync", &so.sync,
	    "move the captions by the estimated offset"),
	OPT_CALL(0, "target-seconds", "seconds", &so.target_s, target,
	    "preferred clip length (default: 15)"),
	OPT_STRING(0, "tier", "name", &so.tier,
	    "TextGrid or ELAN tiers to read, comma-separated"),
	OPT_END
};

static const struct opts_tool tool = {
	"vox-segment", options, "recording labels [recording labels ...]",
	NULL, 2, -1, 0
};

int
main(int argc, char *argv[])
{
	struct common_opts co = COMMON_OPTS_INIT;
	struct seg_input *in;
	struct buf sum = BUF_INIT;
	struct run run;
	size_t i, n;
	char *msg;
	int rc;

	if ((rc = opts_parse(&tool, &co, argc, argv)) != OPTS_GO)
		return rc;
	if (dir == NULL)
		return opts_bad(&tool, "no output folder (-o dir)");
	if ((argc - optind) % 2 != 0)
		return opts_bad(&tool, "a recording without labels: '%s'",
		    argv[argc - 1]);
	n = (size_t)(argc - optind) / 2;
	in = xcalloc(n, sizeof(*in));
	for (i = 0; i < n; i++) {
		in[i].audio = argv[optind + 2 * i];
		in[i].labels = argv[optind + 2 * i + 1];
	}
	if ((msg = seg_check(in, n, dir)) != NULL) {
		warnx_("%s", msg);
		free(msg);
		free(in);
		return EXIT_USAGE;
	}
	if (io_check_outputs(argv + optind, argc - optind, co.report))
		rc = EXIT_USAGE;
	else
		rc = run_begin(&run, &co, "vox-segment");
	if (rc != EXIT_OK) {
		free(in);
		return rc;
	}
	if (so.max_s < 0)
		so.max_s = run.prof->train_clip;
	if (so.pad_s < 0)
		so.pad_s = run.prof->pad;
	if (so.target_s > so.max_s)
		so.target_s = so.max_s;
	so.loc = run.loc;
	so.repeat_max = run.prof->repeat_max;
	so.jobs = opts_jobs(&co);
	so.quiet = co.quiet;
	for (i = 0; i < n; i++) {
		report_input(run.rep, in[i].audio);
		report_input(run.rep, in[i].labels);
	}
	seg_run(&so, in, n, dir, &sum, &run.d);
	rc = run_end(&run);
	fputs(buf_str(&sum), stdout);
	buf_release(&sum);
	free(in);
	return opts_stdout(rc);
}
