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

static const struct option longopts[] = {
	COMMON_LONGOPTS,
	{ "channel",		required_argument, NULL, 'c' },
	{ "force",		no_argument,	   NULL, 'f' },
	{ "output",		required_argument, NULL, 'o' },
	{ "quality",		required_argument, NULL, 'Q' },
	{ "rate",		required_argument, NULL, 'r' },
	{ NULL,			0,		   NULL, 0 }
};

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

static void
usage(FILE *fp)
{
	fputs("usage: vox-resample [-fhqV] [-c channel] [-j jobs] "
	    "[-L locale] [-o dir] [-P purpose] [-Q quality] [-r rate] "
	    "[-W level] [--profile file] [--report file] "
	    "[--report-format format] [file ...]\n", fp);
}

static void *
work(size_t i, void *ctx)
{
	struct batch *b = ctx;
	struct result *r = xcalloc(1, sizeof(*r));

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
	progress_step(&b->prog, 1);
	resample_stats_release(&r->st);
	diag_release(&r->d);
	free(r);
}

static int
option(struct batch *b, int ch, const char *arg, const char **dir)
{
	const char *errstr;
	long long n;

	switch (ch) {
	case 'c':
		if (opts_num(arg, 1, 1024, &n, &errstr) == -1) {
			warnx_("channel '%s' is %s (1 to 1024)", arg, errstr);
			return -1;
		}
		b->o.channel = (unsigned int)n;
		return 0;
	case 'f':
		b->o.force = 1;
		return 0;
	case 'o':
		*dir = arg;
		return 0;
	case 'Q':
		if (resample_quality_parse(arg, &b->o.quality) == 0)
			return 0;
		warnx_("quality '%s' is not 'best', 'medium' or 'fast'", arg);
		return -1;
	case 'r':
		if (opts_num(arg, 8000, 16000, &n, &errstr) == 0 &&
		    (n == 8000 || n == 16000)) {
			b->o.rate = (unsigned int)n;
			return 0;
		}
		warnx_("rate '%s' is not 8000 or 16000", arg);
		return -1;
	}
	usage(stderr);
	return -1;
}

int
main(int argc, char *argv[])
{
	static char *stdin_only[] = { "-" };
	struct common_opts co = COMMON_OPTS_INIT("vox-resample", usage);
	struct resample_opts ro = RESAMPLE_OPTS_INIT;
	struct batch b;
	struct jobs_spec js;
	const char *dir = NULL;
	char *msg;
	size_t i, n;
	int ch, rc;

	argv[0] = diag_setprogname(argv[0]);
	memset(&b, 0, sizeof(b));
	b.o = ro;
	while ((ch = getopt_long(argc, argv, COMMON_SHORTOPTS "c:fo:Q:r:",
	    longopts, NULL)) != -1) {
		switch (opts_common(&co, ch, optarg)) {
		case OPTS_EXIT:
			return co.status;
		case OPTS_DONE:
			continue;
		case OPTS_BAD:
			return EXIT_USAGE;
		}
		if (option(&b, ch, optarg, &dir) == -1)
			return EXIT_USAGE;
	}
	b.in = optind < argc ? argv + optind : stdin_only;
	n = optind < argc ? (size_t)(argc - optind) : 1;
	if ((msg = resample_outputs(b.in, n, dir, &b.out)) != NULL) {
		warnx_("%s", msg);
		free(msg);
		return EXIT_USAGE;
	}
	if (dir == NULL && isatty(STDOUT_FILENO)) {
		warnx_("refusing to write audio to a terminal; use -o dir");
		resample_outputs_free(b.out, n);
		return EXIT_USAGE;
	}
	if ((rc = run_begin(&b.run, &co, "vox-resample")) != EXIT_OK) {
		resample_outputs_free(b.out, n);
		return rc;
	}
	for (i = 0; i < n; i++)
		report_protect(b.run.out.rep, b.in[i]);
	progress_begin(&b.prog, co.progress, n, "files");
	js.n = n;
	js.threads = opts_jobs(&co);
	js.work = work;
	js.done = done;
	js.ctx = &b;
	jobs_run(&js);
	progress_end(&b.prog);
	if (!co.quiet)
		warnx_("%zu %s, %.1f s of audio, %llu %s clipped", b.files,
		    b.files == 1 ? "file" : "files", b.seconds, b.clipped,
		    b.clipped == 1 ? "sample" : "samples");
	rc = run_end(&b.run);
	if (b.usage && rc < EXIT_USAGE)
		rc = EXIT_USAGE;
	resample_outputs_free(b.out, n);
	if (xfclose(stdout, "<stdout>") != EXIT_OK)
		rc = EXIT_SYSTEM;
	return rc;
}
