/* vox-audio: audit audio files against the service's format rules. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "buf.h"
#include "diag.h"
#include "io.h"
#include "jobs.h"
#include "opts.h"
#include "progress.h"
#include "xalloc.h"

enum { OPT_FORMAT = OPT_TOOL, OPT_SCAN, OPT_STATS };

static const struct option longopts[] = {
	COMMON_LONGOPTS,
	{ "format",		required_argument, NULL, OPT_FORMAT },
	{ "scan",		no_argument,	   NULL, OPT_SCAN },
	{ "stats",		no_argument,	   NULL, OPT_STATS },
	{ NULL,			0,		   NULL, 0 }
};

/* What the workers share, and what the in-order callback adds up. */
struct ctx {
	struct audit_opts	 ao;
	char			**files;
	struct run		 run;
	struct audit_set	 set;
	struct progress		 prog;
	struct buf		 rec;
	int			 stats;
};

static void
usage(FILE *fp)
{
	fputs("usage: vox-audio [-0hqV] [-j jobs] [-L locale] [-P purpose] "
	    "[-W level] [--format format] [--profile file] [--report file] "
	    "[--report-format format] [--scan] [--stats] [file ...]\n", fp);
}

static void *
work(size_t i, void *arg)
{
	struct ctx *c = arg;
	struct audit_file *af = xcalloc(1, sizeof(*af));

	audit_file(&c->ao, c->files[i], af);
	return af;
}

static void
done(size_t i, void *res, void *arg)
{
	struct ctx *c = arg;
	struct audit_file *af = res;

	if (c->run.out.rep != NULL)
		report_input(c->run.out.rep, c->files[i]);
	diag_flush(&c->run.out, &af->d);
	audit_set_add(&c->set, &c->ao, &af->f);
	if (c->stats && af->f.opened) {
		buf_reset(&c->rec);
		audit_stats_record(&c->rec, &c->ao, c->files[i], &af->f);
		fwrite(c->rec.s, 1, c->rec.len, stdout);
	}
	audit_file_release(af);
	free(af);
	progress_step(&c->prog, 1);
}

int
main(int argc, char *argv[])
{
	struct common_opts co = COMMON_OPTS_INIT("vox-audio", usage);
	struct ctx c;
	struct jobs_spec js;
	struct buf list = BUF_INIT;
	size_t n;
	int ch, rc, nul = 0;

	memset(&c, 0, sizeof(c));
	argv[0] = diag_setprogname(argv[0]);
	while ((ch = getopt_long(argc, argv, "0" COMMON_SHORTOPTS, longopts,
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
		case '0':
			nul = 1;
			break;
		case OPT_FORMAT:
			if (strcmp(optarg, "tsv") == 0)
				c.ao.format = STATS_TSV;
			else if (strcmp(optarg, "jsonl") == 0)
				c.ao.format = STATS_JSONL;
			else {
				warnx_("format '%s' is not 'tsv' or 'jsonl'",
				    optarg);
				return EXIT_USAGE;
			}
			break;
		case OPT_SCAN:
			c.ao.scan = 1;
			break;
		case OPT_STATS:
			c.stats = 1;
			break;
		default:
			usage(stderr);
			return EXIT_USAGE;
		}
	}
	if ((rc = run_begin(&c.run, &co, "vox-audio")) != EXIT_OK)
		return rc;
	c.ao.prof = c.run.prof;
	c.ao.testing = co.purpose == PURPOSE_TESTING;
	if (optind < argc) {
		c.files = argv + optind;
		n = (size_t)(argc - optind);
	} else
		n = audit_list_read(stdin, nul, &list, &c.files, &c.run.d);
	if (c.stats) {
		audit_stats_header(&c.rec, &c.ao);
		if (c.rec.len > 0)
			fwrite(c.rec.s, 1, c.rec.len, stdout);
	}
	progress_begin(&c.prog, co.progress, n, "files");
	js.n = n;
	js.threads = opts_jobs(&co);
	js.work = work;
	js.done = done;
	js.ctx = &c;
	if (jobs_run(&js) == -1)
		diag_syserr(&c.run.d, "cannot start threads");
	progress_end(&c.prog);
	audit_set_end(&c.set, &c.ao, &c.run.d);
	rc = run_end(&c.run);
	if (optind >= argc)
		free(c.files);
	buf_release(&list);
	buf_release(&c.rec);
	if (xfclose(stdout, "<stdout>") != EXIT_OK)
		rc = EXIT_SYSTEM;
	return rc;
}
