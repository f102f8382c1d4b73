#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "diag.h"
#include "html.h"
#include "io.h"
#include "opts.h"
#include "profile.h"
#include "progname.h"
#include "report.h"
#include "resample.h"
#include "xalloc.h"

#ifndef VERSION
#define VERSION "0.0.0"
#endif
#ifndef BUILDINFO
#define BUILDINFO ""
#endif

/* Tool options without a letter get getopt codes from here on. */
#define OPT_CODE 0x200

#define COMMON(k, n, a, h) { (k), (n), (a), (h), OPT_T_COMMON, NULL, NULL, 0 }

/* The options of DESIGN.md section 4, shared by every tool. */
const struct opt opts_common_table[] = {
	COMMON('h', "help", NULL, "print this help and exit"),
	COMMON('j', "jobs", "jobs",
	    "run this many jobs at once (default: online CPUs)"),
	COMMON('L', "locale", "locale", "the data's locale (default: en-US)"),
	COMMON(OPT_NO_PROGRESS, "no-progress", NULL,
	    "draw no progress line"),
	COMMON('P', "purpose", "purpose",
	    "training (default) or testing: which limits apply"),
	COMMON(OPT_PROFILE, "profile", "file",
	    "read the service's rules from file"),
	COMMON(OPT_PROGRESS, "progress", NULL,
	    "draw the progress line even if not on a terminal"),
	COMMON('q', "quiet", NULL, "print no summary, only the findings"),
	COMMON(OPT_REPORT, "report", "file",
	    "also write the findings to file"),
	COMMON(OPT_REPORT_FORMAT, "report-format", "format",
	    "jsonl, junit, sarif or html (default: extension)"),
	COMMON('V', "version", NULL, "print the version and exit"),
	COMMON('W', "fail-on", "level",
	    "exit 1 on findings at level: error or warning"),
	OPT_END
};

static int
opt_short(const struct opt *o)
{
	return o->key > 0 && o->key < 0x100;
}

/* The getopt code of the i-th option of the merged table. */
static int
opt_code(const struct opt *o, size_t i)
{
	return o->key != 0 ? o->key : OPT_CODE + (int)i;
}

/*
 * Sort as the man pages do: by letter, or by long name for options
 * without one, ignoring case; upper case first on a tie.
 */
static int
opt_cmp(const void *a, const void *b)
{
	const struct opt *x = *(const struct opt *const *)a;
	const struct opt *y = *(const struct opt *const *)b;
	char kx[2] = { 0, 0 }, ky[2] = { 0, 0 };
	const char *sx = x->name, *sy = y->name;
	int c;

	if (opt_short(x))
		sx = (kx[0] = (char)x->key, kx);
	if (opt_short(y))
		sy = (ky[0] = (char)y->key, ky);
	if ((c = strcasecmp(sx, sy)) != 0)
		return c;
	return strcmp(sx, sy);
}

/* The shared table and the tool's, sorted; returns how many. */
static size_t
opts_all(const struct opts_tool *t, const struct opt ***all)
{
	const struct opt *o;
	size_t n = 0;

	*all = NULL;
	for (o = opts_common_table; o->type != OPT_T_END; o++)
		n++;
	for (o = t->opts; o != NULL && o->type != OPT_T_END; o++)
		n++;
	*all = xreallocarray(NULL, n + 1, sizeof(**all));
	n = 0;
	for (o = opts_common_table; o->type != OPT_T_END; o++)
		(*all)[n++] = o;
	for (o = t->opts; o != NULL && o->type != OPT_T_END; o++)
		(*all)[n++] = o;
	qsort(*all, n, sizeof(**all), opt_cmp);
	return n;
}

/*
 * The usage line, as style(9) has it: the letters without an argument
 * bundled, then letters with one, then long-only options, each sorted
 * and in brackets; then the required options and the operands.
 */
void
opts_usage(const struct opts_tool *t, FILE *fp)
{
	const struct opt **all, *o;
	const char *f, *nl;
	size_t n, i;
	int pass;

	n = opts_all(t, &all);
	fprintf(fp, "usage: %s [-", t->name);
	for (i = 0; i < n; i++)
		if (opt_short(all[i]) && all[i]->arg == NULL &&
		    all[i]->flags == 0)
			fputc(all[i]->key, fp);
	fputc(']', fp);
	for (pass = 0; pass < 3; pass++)
		for (i = 0; i < n; i++) {
			o = all[i];
			if ((pass == 0 && (!opt_short(o) || o->arg == NULL ||
			    o->flags != 0)) ||
			    (pass == 1 && (opt_short(o) || o->flags != 0)) ||
			    (pass == 2 && !(o->flags & OPT_MUST)))
				continue;
			fputs(pass == 2 ? " " : " [", fp);
			if (opt_short(o))
				fprintf(fp, "-%c", o->key);
			else
				fprintf(fp, "--%s", o->name);
			if (o->arg != NULL)
				fprintf(fp, " %s", o->arg);
			if (pass != 2)
				fputc(']', fp);
		}
	if (t->operands != NULL && *t->operands != '\0')
		fprintf(fp, " %s", t->operands);
	fputc('\n', fp);
	for (f = t->forms; f != NULL && *f != '\0'; f = nl + (*nl != '\0')) {
		if ((nl = strchr(f, '\n')) == NULL)
			nl = f + strlen(f);
		fprintf(fp, "       %s %.*s\n", t->name, (int)(nl - f), f);
	}
	free(all);
}

/* The usage line, a blank line, then one line for each option. */
void
opts_help(const struct opts_tool *t, FILE *fp)
{
	const struct opt **all, *o;
	char left[64];
	size_t n, i;
	int w;

	opts_usage(t, fp);
	fputc('\n', fp);
	n = opts_all(t, &all);
	for (i = 0; i < n; i++) {
		o = all[i];
		if (opt_short(o))
			w = snprintf(left, sizeof(left), "  -%c%s", o->key,
			    o->name != NULL ? ", " : "");
		else
			w = snprintf(left, sizeof(left), "      ");
		if (o->name != NULL)
			w += snprintf(left + w, sizeof(left) - (size_t)w,
			    "--%s%s%s", o->name, o->arg != NULL ? "=" : "",
			    o->arg != NULL ? o->arg : "");
		else if (o->arg != NULL)
			w += snprintf(left + w, sizeof(left) - (size_t)w,
			    " %s", o->arg);
		if (w < 28)
			fprintf(fp, "%-28s%s\n", left, o->help);
		else
			fprintf(fp, "%s\n%28s%s\n", left, "", o->help);
	}
	free(all);
}

/* A usage error found after parsing: say why, show the usage, exit 2. */
int
opts_bad(const struct opts_tool *t, const char *fmt, ...)
{
	va_list ap;

	if (fmt != NULL) {
		fprintf(stderr, "%s: ", progname_get());
		va_start(ap, fmt);
		vfprintf(stderr, fmt, ap);
		va_end(ap);
		fputc('\n', stderr);
	}
	opts_usage(t, stderr);
	return EXIT_USAGE;
}

/*
 * Parse the options of argv into co and the tool's variables, then
 * check the operand count.  Returns OPTS_GO with optind at the first
 * operand, or the status to exit with (-h and -V: 0; bad usage: 2,
 * having said why).
 */
int
opts_parse(const struct opts_tool *t, struct common_opts *co, int argc,
    char *argv[])
{
	static char outbuf[1 << 16];	/* glibc wants the buffer given */
	const struct opt **all, *o;
	struct option *lo;
	char *so;
	size_t n, i, k = 0, s = 0;
	int ch, rc = OPTS_GO, nop;

	argv[0] = progname_set(argv[0]);
	co->tool = t;
	/*
	 * Standard output in large blocks when it is not a terminal: fewer
	 * writes for long --stats outputs, and a short output (a rule list)
	 * meets a full disk in the final flush, where the cause (ENOSPC) is
	 * still known, rather than in a printf whose errno is long gone.
	 */
	if (!isatty(STDOUT_FILENO))
		setvbuf(stdout, outbuf, _IOFBF, sizeof(outbuf));
	n = opts_all(t, &all);
	lo = xcalloc(n + 1, sizeof(*lo));
	so = xmalloc(2 * n + 1);
	for (i = 0; i < n; i++) {
		o = all[i];
		if (opt_short(o)) {
			so[s++] = (char)o->key;
			if (o->arg != NULL)
				so[s++] = ':';
		}
		if (o->name == NULL)
			continue;
		lo[k].name = o->name;
		lo[k].has_arg = o->arg != NULL ? required_argument :
		    no_argument;
		lo[k++].val = opt_code(o, i);
	}
	so[s] = '\0';
	while (rc == OPTS_GO &&
	    (ch = getopt_long(argc, argv, so, lo, NULL)) != -1) {
		for (i = 0; i < n && opt_code(all[i], i) != ch; i++)
			continue;
		if (i == n) {
			rc = opts_bad(t, NULL);
			break;
		}
		o = all[i];
		switch (o->type) {
		case OPT_T_FLAG:
			*(int *)o->var = 1;
			break;
		case OPT_T_STRING:
			*(const char **)o->var = optarg;
			break;
		case OPT_T_CALL:
			if (o->fn(o->var, optarg) == -1)
				rc = EXIT_USAGE;
			break;
		default:
			switch (opts_common(co, o->key, optarg)) {
			case OPTS_EXIT:
				rc = co->status;
				break;
			case OPTS_BAD:
				rc = EXIT_USAGE;
				break;
			}
			break;
		}
	}
	nop = argc - optind;
	if (rc == OPTS_GO && (nop < t->min || (t->max >= 0 && nop > t->max) ||
	    (nop == 0 && (t->flags & OPTS_NOTTY) && isatty(STDIN_FILENO))))
		rc = opts_bad(t, NULL);
	free(lo);
	free(so);
	free(all);
	return rc;
}

/*
 * strtonum(3) in spirit: a whole number in [min, max], or -1 with
 * *errstr "invalid", "too small" or "too large".
 */
int
opts_num(const char *s, long long min, long long max, long long *out,
    const char **errstr)
{
	long long v;
	char *end;

	errno = 0;
	v = strtoll(s, &end, 10);
	if (end == s || *end != '\0') {
		*errstr = "invalid";
		return -1;
	}
	if ((errno == ERANGE && v == LLONG_MIN) || v < min) {
		*errstr = "too small";
		return -1;
	}
	if ((errno == ERANGE && v == LLONG_MAX) || v > max) {
		*errstr = "too large";
		return -1;
	}
	*out = v;
	*errstr = NULL;
	return 0;
}

int
opts_common(struct common_opts *co, int ch, const char *arg)
{
	const char *errstr;
	long long n;

	switch (ch) {
	case 'h':
		opts_help(co->tool, stdout);
		co->status = xfclose(stdout, "<stdout>");
		return OPTS_EXIT;
	case 'V':
		opts_version(co->tool->name);
		co->status = xfclose(stdout, "<stdout>");
		return OPTS_EXIT;
	case 'j':
		if (opts_num(arg, 1, 1024, &n, &errstr) == -1) {
			warnx_("jobs '%s' is %s (1 to 1024)", arg, errstr);
			return OPTS_BAD;
		}
		co->jobs = (unsigned int)n;
		return OPTS_DONE;
	case 'L':
		co->locale = arg;
		return OPTS_DONE;
	case 'P':
		/* "train" and "test" are accepted as short forms. */
		if (strcmp(arg, "training") == 0 || strcmp(arg, "train") == 0)
			co->purpose = PURPOSE_TRAINING;
		else if (strcmp(arg, "testing") == 0 ||
		    strcmp(arg, "test") == 0)
			co->purpose = PURPOSE_TESTING;
		else {
			warnx_("purpose '%s' is not 'training' or 'testing'",
			    arg);
			return OPTS_BAD;
		}
		return OPTS_DONE;
	case 'q':
		co->quiet = 1;
		return OPTS_DONE;
	case 'W':
		if (sev_parse(arg, &co->failon) == -1 ||
		    co->failon == SEV_NOTE) {
			warnx_("fail-on level '%s' is not 'error' or 'warning'",
			    arg);
			return OPTS_BAD;
		}
		return OPTS_DONE;
	case OPT_NO_PROGRESS:
		co->progress = 0;
		return OPTS_DONE;
	case OPT_PROFILE:
		co->profile = arg;
		return OPTS_DONE;
	case OPT_PROGRESS:
		co->progress = 1;
		return OPTS_DONE;
	case OPT_REPORT:
		co->report = arg;
		return OPTS_DONE;
	case OPT_REPORT_FORMAT:
		if (report_format_parse(arg, &co->report_fmt) == -1) {
			warnx_("report format '%s' is not one of "
			    REPORT_FORMATS, arg);
			return OPTS_BAD;
		}
		return OPTS_DONE;
	default:
		return OPTS_BAD;
	}
}

unsigned int
opts_jobs(const struct common_opts *co)
{
	long n;

	if (co->jobs > 0)
		return co->jobs;
	n = sysconf(_SC_NPROCESSORS_ONLN);
	return n > 0 ? (unsigned int)n : 1;
}

void
opts_version(const char *tool)
{
	printf("%s (voxprep) %s%s\n", tool, VERSION, BUILDINFO);
}

/*
 * Close standard output and return the exit status: rc, or EXIT_SYSTEM
 * when a write failed.  A reader that went away (EPIPE, as in
 * "vox-lint --list-rules | head -1") is no news to the user: exit 3
 * without a message, as cat(1) dies quietly of SIGPIPE.
 */
int
opts_stdout(int rc)
{
	struct pollfd pfd;
	int gone = 0;

	errno = 0;
	if (fflush(stdout) == EOF && errno == EPIPE)
		gone = 1;
	else if (ferror(stdout)) {
		/* An earlier write failed; is the pipe's reader gone? */
		pfd.fd = STDOUT_FILENO;
		pfd.events = POLLOUT;
		pfd.revents = 0;
		gone = poll(&pfd, 1, 0) == 1 && (pfd.revents & POLLERR);
	}
	if (gone) {
		(void)fclose(stdout);
		return EXIT_SYSTEM;
	}
	if (xfclose(stdout, "<stdout>") != EXIT_OK)
		return EXIT_SYSTEM;
	return rc;
}

/*
 * Refuse an output (path, "-": standard output) that is one of the n
 * inputs in (none: standard input) or lies in an input folder: say why
 * and return -1 (exit 2), else 0.
 */
int
opts_clobbers(const char *out, char *const *in, int n)
{
	static char *const none[] = { "-" };
	char *msg;

	msg = n > 0 ? io_clobbers_any(out, in, (size_t)n) :
	    io_clobbers_any(out, none, 1);
	if (msg == NULL)
		return 0;
	warnx_("%s", msg);
	free(msg);
	return -1;
}

int
opts_kind(void *var, const char *arg)
{
	enum kind k;

	if (kind_parse(arg, &k) == -1) {
		warnx_("unknown kind '%s' (acoustic, audiofiles, language, "
		    "pronunciation, languagemarkdown, outputformatting)", arg);
		return -1;
	}
	*(unsigned int *)var = k;
	return 0;
}

/*
 * Here, not in resample.c: every tool parses its options, and a parser
 * there linked libsamplerate, libsndfile and its seven codec libraries
 * into vox-text, vox-trans and the others, loaded at every start.
 */
int
opts_quality(void *var, const char *arg)
{
	/* In the order of enum resample_quality. */
	static const char *const names[] = { "best", "medium", "fast" };
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(arg, names[i]) == 0) {
			*(enum resample_quality *)var =
			    (enum resample_quality)i;
			return 0;
		}
	warnx_("quality '%s' is not 'best', 'medium' or 'fast'", arg);
	return -1;
}

int
opts_rate(void *var, const char *arg)
{
	if (strcmp(arg, "8000") != 0 && strcmp(arg, "16000") != 0) {
		warnx_("rate '%s' is not 8000 or 16000", arg);
		return -1;
	}
	*(unsigned int *)var = (unsigned int)atoi(arg);
	return 0;
}

int
opts_tier(void *var, const char *arg)
{
	if (tier_parse(arg, var) == 0)
		return 0;
	warnx_("bad --tier '%s': use free or standard", arg);
	return -1;
}

/*
 * Load the profile, resolve the locale and open the report.  Returns
 * EXIT_OK, EXIT_USAGE (unknown locale) or EXIT_SYSTEM (bad profile),
 * having printed why and released what it had taken.
 */
int
run_begin(struct run *r, struct common_opts *co, const char *tool)
{
	const struct locale *near[6];
	size_t n, i;

	memset(r, 0, sizeof(*r));
	if (co->report != NULL && co->report_fmt == REPORT_NONE &&
	    report_format_guess(co->report) == REPORT_NONE) {
		warnx_("unknown report format for '%s': name it .jsonl, .xml "
		    "(JUnit), .sarif or .html, or give --report-format "
		    REPORT_FORMATS, co->report);
		return EXIT_USAGE;
	}
	r->co = co;
	r->tool = tool;
	r->out.fp = stderr;
	r->out.failon = co->failon;
	r->out.quiet = co->quiet;
	io_init();
	if ((r->prof = profile_load(co->profile, &r->d)) == NULL) {
		diag_flush(&r->out, &r->d);
		diag_release(&r->d);
		diag_out_release(&r->out);
		return EXIT_SYSTEM;
	}
	if ((r->loc = profile_locale(r->prof, co->locale)) == NULL) {
		n = profile_suggest(r->prof, co->locale, near, 6);
		if (n == 0)
			warnx_("unknown locale '%s' (see --list-locales)",
			    co->locale);
		else {
			fprintf(stderr, "%s: unknown locale '%s'; did you mean",
			    progname_get(), co->locale);
			for (i = 0; i < n; i++)
				fprintf(stderr, "%s '%s'", i ? "," : "",
				    near[i]->tag);
			fputs("?\n", stderr);
		}
		profile_free(r->prof);
		r->prof = NULL;
		diag_release(&r->d);
		diag_out_release(&r->out);
		return EXIT_USAGE;
	}
	if (co->report != NULL) {
		r->rep = report_new(co->report, co->report_fmt, tool,
		    VERSION, co->failon);
		r->out.sink = report_sink;
		r->out.sink_ctx = r->rep;
		if (report_view(r->rep) != NULL) {
			html_context(report_view(r->rep), r->prof, r->loc,
			    co->purpose == PURPOSE_TESTING);
			html_threads(report_view(r->rep), opts_jobs(co));
		}
	}
	return EXIT_OK;
}

/* Flush what is left, write the report, free; returns the exit status. */
int
run_end(struct run *r)
{
	diag_flush(&r->out, &r->d);
	diag_flush_held(&r->out);
	if (r->rep != NULL) {
		/* report_close() frees it: what it says goes to stderr. */
		r->out.sink = NULL;
		r->out.sink_ctx = NULL;
		if (report_close(r->rep, &r->d) == -1)
			r->out.syserr = 1;
		r->rep = NULL;
		diag_flush(&r->out, &r->d);
	}
	diag_release(&r->d);
	diag_out_release(&r->out);
	profile_free(r->prof);
	r->prof = NULL;
	return diag_status(&r->out);
}
