/* vox-trans: check and fix transcripts, paired with their audio. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "io.h"
#include "opts.h"
#include "trans.h"

enum { OPT_EOL = OPT_TOOL, OPT_FIX, OPT_SPELL };

static const struct option longopts[] = {
	COMMON_LONGOPTS,
	{ "eol",		required_argument, NULL, OPT_EOL },
	{ "fix",		no_argument,	   NULL, OPT_FIX },
	{ "output",		required_argument, NULL, 'o' },
	{ "spell-numbers",	no_argument,	   NULL, OPT_SPELL },
	{ NULL,			0,		   NULL, 0 }
};

static void
usage(FILE *fp)
{
	fputs("usage: vox-trans [-hqV] [-j jobs] [-L locale] [-o file] "
	    "[-P purpose] [-W level] [--eol keep|lf] [--fix] "
	    "[--profile file] [--report file] [--report-format format] "
	    "[--spell-numbers] [transcript [dataset]]\n", fp);
}

/* Write the repaired transcript atomically, then say what changed. */
static void
write_fix(struct run *run, const char *path, const struct buf *b,
    const struct trans *tr)
{
	struct outfile of = OUTFILE_INIT;
	struct buf sum = BUF_INIT;
	FILE *fp;

	if ((fp = io_create(&of, path, &run->d)) == NULL)
		return;
	if (fwrite(b->s != NULL ? b->s : "", 1, b->len, fp) != b->len ||
	    io_commit(&of, &run->d) == -1)
		io_abort(&of);
	trans_summary(tr, &sum);
	if (!run->co->quiet)
		fprintf(stderr, "vox-trans: %s\n", buf_str(&sum));
	buf_release(&sum);
}

int
main(int argc, char *argv[])
{
	struct common_opts co = COMMON_OPTS_INIT("vox-trans", usage);
	struct trans_opts o = { NULL, 3, 0, 0, 0 };
	struct trans tr = TRANS_INIT;
	struct buf fixed = BUF_INIT;
	struct run run;
	const char *out = "-", *tpath = "-";
	char *msg;
	int ch, i, rc;

	argv[0] = diag_setprogname(argv[0]);
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
		case OPT_EOL:
			if (strcmp(optarg, "lf") != 0 &&
			    strcmp(optarg, "keep") != 0) {
				warnx_("bad --eol '%s': use keep or lf",
				    optarg);
				return EXIT_USAGE;
			}
			o.eol_lf = strcmp(optarg, "lf") == 0;
			break;
		case OPT_FIX:
			o.fix = 1;
			break;
		case OPT_SPELL:
			o.spell = o.fix = 1;
			break;
		default:
			usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (argc - optind > 2) {
		usage(stderr);
		return EXIT_USAGE;
	}
	msg = NULL;
	for (i = optind; o.fix && msg == NULL && (i < argc || i == optind);
	    i++)
		msg = io_clobbers(out, i < argc ? argv[i] : "-");
	if (msg != NULL) {
		warnx_("%s", msg);
		free(msg);
		return EXIT_USAGE;
	}
	if ((rc = run_begin(&run, &co, "vox-trans")) != EXIT_OK)
		return rc;
	o.loc = run.loc;
	o.repeat_max = run.prof->repeat_max;
	if (optind < argc)
		tpath = argv[optind];
	if (run.out.rep != NULL)
		report_input(run.out.rep, tpath);
	if (trans_run(&o, tpath, optind + 1 < argc ? argv[optind + 1] : NULL,
	    &fixed, &tr, &run.d) == 0 && o.fix)
		write_fix(&run, out, &fixed, &tr);
	trans_release(&tr);
	buf_release(&fixed);
	rc = run_end(&run);
	if (xfclose(stdout, "<stdout>") != EXIT_OK)
		rc = EXIT_SYSTEM;
	return rc;
}
