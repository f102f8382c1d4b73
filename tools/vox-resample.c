/* vox-resample: convert audio to 16-bit mono WAV at 16 or 8 kHz. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "io.h"
#include "jobs.h"
#include "opts.h"
#include "progress.h"
#include "report.h"
#include "resample.h"
#include "xalloc.h"

/* The run, shared by the workers (read only) and done() (main thread). */
struct batch {
	struct resample_opts	 o;
	char			**in;
	char			**out;
	struct run		 run;
	struct progress		 prog;
	size_t			 files;
	double			 seconds;
	unsigned long long	 clipped;
	int			 usage;
};

struct result {
	struct diag		 d;
	struct resample_stats	 st;
};

static struct batch bt = { .o = RESAMPLE_OPTS_INIT };
static const char *dir;

static int
channel(void *var, const char *arg)
{
	const char *errstr;
	long long n;

	if (opts_num(arg, 1, 1024, &n, &errstr) == -1) {
		warnx_("channel '%s' is %s (1 to 1024)", arg, errstr);
		return -1;
	}
	*(unsigned int *)var = (unsigned int)n;
	return 0;
}

static const struct opt options[] = {
	OPT_CALL('c', "channel", "channel", &bt.o.channel, channel,
	    "keep this channel (from 1) instead of the mean"),
	OPT_FLAG('f', "force", &bt.o.force,
	    "convert even files already in the service's format"),
	OPT_STRING('o', "output", "dir", &dir,
	    "write the WAVs into dir (default: standard output)"),
	OPT_CALL('Q', "quality", "quality", &bt.o.quality, opts_quality,
	    "best, medium (default) or fast"),
	OPT_CALL('r', "rate", "rate", &bt.o.rate, opts_rate,
	    "16000 (default) or 8000"),
	OPT_END
};

static const struct opts_tool tool = {
	"vox-resample", options, "[file ...]", NULL, 0, -1, OPTS_NOTTY
};

static void *
work(size_t i, void *state, void *ctx)
{
	struct batch *b = ctx;
	struct result *r = xcalloc(1, sizeof(*r));

	progress_part_init(&r->st.part, &b->prog,
	    b->prog.kind == PROGRESS_BYTES ? progress_bytes(&b->in[i], 1) : 1);
	resample_file(&b->o, b->in[i], b->out[i], &r->st, &r->d);
	return r;
}

static void
done(size_t i, void *res, void *ctx)
{
	struct batch *b = ctx;
	struct result *r = res;

	if (b->prog.on && (r->d.n > 0 || r->st.usage != NULL))
		fputs("\r\033[K", stderr);
	if (r->st.usage != NULL) {
		warnx_("%s", r->st.usage);
		b->usage = 1;
	}
	diag_flush(&b->run.out, &r->d);
	if (r->st.written) {
		b->files++;
		b->seconds += (double)r->st.in_frames / r->st.in_rate;
		b->clipped += r->st.clipped;
	}
	progress_part_end(&r->st.part);
	resample_stats_release(&r->st);
	diag_release(&r->d);
	free(r);
}

int
main(int argc, char *argv[])
{
	static char *stdin_only[] = { "-" };
	struct common_opts co = COMMON_OPTS_INIT;
	struct jobs_spec js = { 0 };
	char *msg;
	double bytes;
	size_t i, n;
	int rc;

	if ((rc = opts_parse(&tool, &co, argc, argv)) != OPTS_GO)
		return rc;
	bt.in = optind < argc ? argv + optind : stdin_only;
	n = optind < argc ? (size_t)(argc - optind) : 1;
	if (io_check_outputs(bt.in, (int)n, co.report))
		return EXIT_USAGE;
	if ((msg = resample_outputs(bt.in, n, dir, &bt.out)) != NULL) {
		warnx_("%s", msg);
		free(msg);
		return EXIT_USAGE;
	}
	if (dir == NULL && isatty(STDOUT_FILENO)) {
		warnx_("refusing to write audio to a terminal; use -o dir");
		resample_outputs_free(bt.out, n);
		return EXIT_USAGE;
	}
	if ((rc = run_begin(&bt.run, &co, "vox-resample")) != EXIT_OK) {
		resample_outputs_free(bt.out, n);
		return rc;
	}
	for (i = 0; i < n; i++)
		report_protect(bt.run.rep, bt.in[i]);
	if ((bytes = progress_bytes(bt.in, n)) > 0)
		progress_begin_unit(&bt.prog, co.progress, bytes,
		    PROGRESS_BYTES);
	else
		progress_begin(&bt.prog, co.progress, n, "files");
	js.n = n;
	js.threads = opts_jobs(&co);
	js.work = work;
	js.done = done;
	js.ctx = &bt;
	jobs_run(&js);
	progress_end(&bt.prog);
	if (!co.quiet)
		warnx_("%zu %s, %.1f s of audio, %llu %s clipped", bt.files,
		    bt.files == 1 ? "file" : "files", bt.seconds, bt.clipped,
		    bt.clipped == 1 ? "sample" : "samples");
	rc = run_end(&bt.run);
	if (bt.usage && rc < EXIT_USAGE)
		rc = EXIT_USAGE;
	resample_outputs_free(bt.out, n);
	return opts_stdout(rc);
}
