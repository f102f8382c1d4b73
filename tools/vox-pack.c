/* vox-pack: build upload-ready files and manifests for one dataset kind. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "io.h"
#include "opts.h"
#include "pack.h"
#include "report.h"

enum {
	OPT_DEFLATE = OPT_TOOL,
	OPT_DESCRIPTION,
	OPT_FIX,
	OPT_FORCE,
	OPT_NAME,
	OPT_VERIFY
};

static const struct option longopts[] = {
	COMMON_LONGOPTS,
	{ "deflate",		no_argument,	   NULL, OPT_DEFLATE },
	{ "description",	required_argument, NULL, OPT_DESCRIPTION },
	{ "fix",		no_argument,	   NULL, OPT_FIX },
	{ "force",		no_argument,	   NULL, OPT_FORCE },
	{ "kind",		required_argument, NULL, 'k' },
	{ "name",		required_argument, NULL, OPT_NAME },
	{ "output",		required_argument, NULL, 'o' },
	{ "verify",		required_argument, NULL, OPT_VERIFY },
	{ NULL,			0,		   NULL, 0 }
};

static void
usage(FILE *fp)
{
	fputs("usage: vox-pack [-hqV] [-j jobs] [-L locale] [-P purpose] "
	    "[-W level] [--deflate] [--description text] [--fix] [--force] "
	    "[--name name] [--profile file] [--report file] "
	    "[--report-format format] -k kind -o out path ...\n"
	    "       vox-pack [-L locale] [-k kind] --verify zip\n", fp);
}

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

int
main(int argc, char *argv[])
{
	struct common_opts co = COMMON_OPTS_INIT("vox-pack", usage);
	struct pack_opts po;
	struct buf summary = BUF_INIT;
	struct run run;
	const char *verify = NULL;
	char *name = NULL;
	enum kind k;
	int ch, i, rc, r;

	memset(&po, 0, sizeof(po));
	argv[0] = diag_setprogname(argv[0]);
	while ((ch = getopt_long(argc, argv, COMMON_SHORTOPTS "k:o:",
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
		case 'k':
			if (kind_parse(optarg, &k) == -1) {
				warnx_("unknown kind '%s'", optarg);
				return EXIT_USAGE;
			}
			po.kind = k;
			break;
		case 'o':
			po.out = optarg;
			break;
		case OPT_DEFLATE:
			po.deflate = 1;
			break;
		case OPT_DESCRIPTION:
			po.description = optarg;
			break;
		case OPT_FIX:
			po.fix = 1;
			break;
		case OPT_FORCE:
			po.force = 1;
			break;
		case OPT_NAME:
			po.name = optarg;
			break;
		case OPT_VERIFY:
			verify = optarg;
			break;
		default:
			usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (verify == NULL && (po.kind == 0 || po.out == NULL ||
	    optind == argc)) {
		warnx_("need -k kind, -o out and at least one input");
		usage(stderr);
		return EXIT_USAGE;
	}
	if ((rc = run_begin(&run, &co, "vox-pack")) != EXIT_OK)
		return rc;
	po.prof = run.prof;
	po.loc = run.loc;
	po.testing = co.purpose == PURPOSE_TESTING;
	po.jobs = opts_jobs(&co);
	for (i = optind; i < argc; i++)
		report_protect(run.out.rep, argv[i]);
	if (verify != NULL)
		report_protect(run.out.rep, verify);
	if (po.out != NULL && po.name == NULL)
		po.name = name = default_name(po.out);
	if (verify != NULL)
		r = pack_verify(&po, verify, &summary, &run.d);
	else
		r = pack_run(&po, argv + optind, (size_t)(argc - optind),
		    &summary, &run.d);
	rc = run_end(&run);
	if (r == 1) {
		fprintf(stderr, "%s: %s", diag_progname(), buf_str(&summary));
		if (rc < EXIT_FINDINGS)
			rc = EXIT_FINDINGS;
	} else
		fputs(buf_str(&summary), stdout);
	buf_release(&summary);
	free(name);
	if (xfclose(stdout, "<stdout>") != EXIT_OK)
		rc = EXIT_SYSTEM;
	return rc;
}
