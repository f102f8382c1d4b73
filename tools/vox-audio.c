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

static struct ctx cx;
static int nul;

static int
format(void *var, const char *arg)
{
	if (strcmp(arg, "tsv") == 0)
		*(enum stats_format *)var = STATS_TSV;
	else if (strcmp(arg, "jsonl") == 0)
		*(enum stats_format *)var = STATS_JSONL;
	else {
		warnx_("format '%s' is not 'tsv' or 'jsonl'", arg);
		return -1;
	}
	return 0;
}

static const struct opt options[] = {
	OPT_FLAG('0', NULL, &nul,
	    "the list on standard input is NUL-separated"),
	OPT_CALL(0, "format", "format", &cx.ao.format, format,
	    "--stats records as tsv (default) or jsonl"),
	OPT_FLAG(0, "scan", &cx.ao.scan,
	    "read every sample: levels, clipping, silence, band"),
	OPT_FLAG(0, "stats", &cx.stats,
	    "print one record per file on standard output"),
	OPT_END
};

static const struct opts_tool tool = {
	"vox-audio", options, "[file ...]", NULL, 0, -1, OPTS_NOTTY
};

/* One file's audit and its share of the progress line. */
struct item {
	struct audit_file	 af;
	struct progress_part	 part;
};

static void *
work(size_t i, void *state, void *arg)
{
	struct ctx *c = arg;
	struct item *it = xcalloc(1, sizeof(*it));

	/* No line drawn: no share to count, nor its lock to take. */
	progress_part_init(&it->part, c->prog.on ? &c->prog : NULL,
	    c->prog.kind == PROGRESS_BYTES ? progress_bytes(&c->files[i], 1) :
	    1);
	audit_file_part(&c->ao, c->files[i], &it->part, &it->af);
	return it;
}

static void
done(size_t i, void *res, void *arg)
{
	struct ctx *c = arg;
	struct item *it = res;
	struct audit_file *af = &it->af;

	if (c->run.rep != NULL)
		report_input(c->run.rep, c->files[i]);
	diag_show(&c->run.out, &af->d);
	audit_set_add(&c->set, &c->ao, &af->f);
	if (c->stats && af->f.opened) {
		buf_reset(&c->rec);
		audit_stats_record(&c->rec, &c->ao, c->files[i], &af->f);
		fwrite(c->rec.s, 1, c->rec.len, stdout);
	}
	progress_part_end(&it->part);
}

/* On the thread that made it. */
static void
release(void *res, void *arg)
{
	struct item *it = res;

	(void)arg;
	audit_file_release(&it->af);
	free(it);
}

int
main(int argc, char *argv[])
{
	struct common_opts co = COMMON_OPTS_INIT;
	struct jobs_spec js = { 0 };
	struct buf list = BUF_INIT;
	struct diag ld = DIAG_INIT;
	double bytes;
	size_t n;
	int rc, on;

	if ((rc = opts_parse(&tool, &co, argc, argv)) != OPTS_GO)
		return rc;
	if (io_check_outputs(argv + optind, argc - optind, co.report))
		return EXIT_USAGE;
	/* The files listed on standard input are inputs as well. */
	if (optind < argc) {
		cx.files = argv + optind;
		n = (size_t)(argc - optind);
	} else if ((n = audit_list_read(stdin, nul, &list, &cx.files,
	    &ld)) > 0 && io_check_outputs(cx.files, (int)n, co.report)) {
		free(cx.files);
		buf_release(&list);
		diag_release(&ld);
		return EXIT_USAGE;
	}
	if ((rc = run_begin(&cx.run, &co, "vox-audio")) != EXIT_OK)
		return rc;
	diag_move(&cx.run.d, &ld);
	diag_release(&ld);
	cx.ao.prof = cx.run.prof;
	cx.ao.testing = co.purpose == PURPOSE_TESTING;
	if (cx.stats) {
		audit_stats_header(&cx.rec, &cx.ao);
		if (cx.rec.len > 0)
			fwrite(cx.rec.s, 1, cx.rec.len, stdout);
	}
	/*
	 * --scan reads every byte: count bytes, so big files show.  The
	 * sizes cost a stat of every file, before any work starts: only
	 * for a line that is drawn.
	 */
	on = progress_wanted(co.progress);
	if (on && cx.ao.scan && (bytes = progress_bytes(cx.files, n)) > 0)
		progress_begin_unit(&cx.prog, on, bytes, PROGRESS_BYTES);
	else
		progress_begin(&cx.prog, on, n, "files");
	js.n = n;
	js.threads = opts_jobs(&co);
	js.work = work;
	js.done = done;
	js.release = release;
	js.ctx = &cx;
	jobs_run(&js);
	progress_end(&cx.prog);
	audit_set_end(&cx.set, &cx.ao, NULL, &cx.run.d);
	rc = run_end(&cx.run);
	if (optind >= argc)
		free(cx.files);
	buf_release(&list);
	buf_release(&cx.rec);
	return opts_stdout(rc);
}
