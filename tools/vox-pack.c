/* vox-pack: build upload-ready files and manifests for one dataset kind. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "io.h"
#include "opts.h"
#include "pack.h"
#include "progname.h"
#include "report.h"

static struct pack_opts po;
static const char *verify;

static const struct opt options[] = {
	OPT_FLAG(0, "deflate", &po.deflate,
	    "compress text members (audio stays stored)"),
	OPT_STRING(0, "description", "text", &po.description,
	    "the manifest's description"),
	OPT_FLAG(0, "fix", &po.fix, "repair the transcript as it is packed"),
	OPT_FLAG(0, "force", &po.force, "pack despite errors"),
	{ 'k', "kind", "kind", "the dataset's kind", OPT_T_CALL, &po.kind,
	    opts_kind, OPT_MUST },
	OPT_STRING(0, "name", "name", &po.name,
	    "the manifest's displayName (default: from -o)"),
	{ 'o', "output", "out", "write out.zip (and shards) and its manifest",
	    OPT_T_STRING, &po.out, NULL, OPT_MUST },
	{ 0, "verify", "zip", "check an existing zip and its manifest",
	    OPT_T_STRING, &verify, NULL, OPT_ALT },
	OPT_END
};

static const struct opts_tool tool = {
	"vox-pack", options, "path ...",
	"[-L locale] [-P purpose] [-k kind] --verify zip", 0, -1, 0
};

/* displayName by default: the output's base name without extension. */
static char *
default_name(const char *out)
{
	const char *b = strrchr(out, '/'), *dot;

	b = b != NULL ? b + 1 : out;
	dot = strrchr(b, '.');
	return dot != NULL && dot > b ? strndup(b, (size_t)(dot - b)) :
	    strdup(b);
}

/* Print the summary of pack_run() or pack_verify() (r); the status. */
static int
say(int r, int rc, const struct buf *summary, int quiet)
{
	if (r == 1) {
		fprintf(stderr, "%s: %s", progname_get(), buf_str(summary));
		if (rc < EXIT_FINDINGS)
			rc = EXIT_FINDINGS;
	} else if (r == 2)
		rc = EXIT_USAGE;
	else if (r == 0 && po.out != NULL && strcmp(po.out, "-") == 0) {
		/* The data went to stdout: the summary must not join it. */
		if (!quiet)
			fprintf(stderr, "%s: %s", progname_get(),
			    buf_str(summary));
	} else if (r == 0)
		fputs(buf_str(summary), stdout);
	return rc;
}

int
main(int argc, char *argv[])
{
	struct common_opts co = COMMON_OPTS_INIT;
	struct buf summary = BUF_INIT;
	struct run run;
	char *name = NULL, *vin[1];
	int i, rc, r;

	if ((rc = opts_parse(&tool, &co, argc, argv)) != OPTS_GO)
		return rc;
	if (verify == NULL && (po.kind == 0 || po.out == NULL ||
	    optind == argc))
		return opts_bad(&tool, "need -k kind, -o out and at least "
		    "one input");
	/* A zip and its manifest need names: only text goes to stdout. */
	if (verify == NULL && strcmp(po.out, "-") == 0 &&
	    (po.kind == KIND_ACOUSTIC || po.kind == KIND_AUDIOFILES)) {
		warnx_("cannot write %s data to standard output; use -o "
		    "NAME.zip", kind_name((enum kind)po.kind));
		return EXIT_USAGE;
	}
	vin[0] = (char *)verify;
	if (verify != NULL ? io_check_outputs(vin, 1, co.report) :
	    io_check_outputs(argv + optind, argc - optind, co.report))
		return EXIT_USAGE;
	if ((rc = run_begin(&run, &co, "vox-pack")) != EXIT_OK)
		return rc;
	po.prof = run.prof;
	po.loc = run.loc;
	po.testing = co.purpose == PURPOSE_TESTING;
	po.jobs = opts_jobs(&co);
	for (i = optind; i < argc; i++)
		report_protect(run.rep, argv[i]);
	if (verify != NULL)
		report_protect(run.rep, verify);
	if (po.out != NULL && po.name == NULL)
		po.name = name = default_name(po.out);
	if (verify != NULL)
		r = pack_verify(&po, verify, &summary, &run.d);
	else
		r = pack_run(&po, argv + optind, (size_t)(argc - optind),
		    &summary, &run.d);
	rc = say(r, run_end(&run), &summary, co.quiet);
	buf_release(&summary);
	free(name);
	return opts_stdout(rc);
}
