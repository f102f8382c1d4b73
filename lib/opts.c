#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "io.h"
#include "opts.h"
#include "profile.h"
#include "report.h"

#ifndef VERSION
#define VERSION "0.0.0"
#endif
#ifndef BUILDINFO
#define BUILDINFO ""
#endif

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
		co->usage(stdout);
		co->status = xfclose(stdout, "<stdout>");
		return OPTS_EXIT;
	case 'V':
		opts_version(co->tool);
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
		if (strcmp(arg, "training") == 0)
			co->purpose = PURPOSE_TRAINING;
		else if (strcmp(arg, "testing") == 0)
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
			warnx_("report format '%s' is not 'jsonl', 'junit' "
			    "or 'sarif'", arg);
			return OPTS_BAD;
		}
		return OPTS_DONE;
	default:
		return OPTS_OTHER;
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
	r->co = co;
	r->tool = tool;
	r->out.fp = stderr;
	r->out.failon = co->failon;
	r->out.quiet = co->quiet;
	io_init();
	if ((r->prof = profile_load(co->profile, &r->d)) == NULL) {
		diag_flush(&r->out, &r->d);
		diag_release(&r->d);
		return EXIT_SYSTEM;
	}
	if ((r->loc = profile_locale(r->prof, co->locale)) == NULL) {
		n = profile_suggest(r->prof, co->locale, near, 6);
		if (n == 0)
			warnx_("unknown locale '%s' (see --list-locales)",
			    co->locale);
		else {
			fprintf(stderr, "%s: unknown locale '%s'; did you mean",
			    diag_progname(), co->locale);
			for (i = 0; i < n; i++)
				fprintf(stderr, "%s '%s'", i ? "," : "",
				    near[i]->tag);
			fputs("?\n", stderr);
		}
		profile_free(r->prof);
		r->prof = NULL;
		diag_release(&r->d);
		return EXIT_USAGE;
	}
	if (co->report != NULL)
		r->out.rep = report_new(co->report, co->report_fmt, tool,
		    VERSION, co->failon);
	return EXIT_OK;
}

/* Flush what is left, write the report, free; returns the exit status. */
int
run_end(struct run *r)
{
	diag_flush(&r->out, &r->d);
	if (r->out.rep != NULL) {
		if (report_close(r->out.rep, &r->d) == -1)
			r->out.syserr = 1;
		r->out.rep = NULL;
		diag_flush(&r->out, &r->d);
	}
	diag_release(&r->d);
	profile_free(r->prof);
	r->prof = NULL;
	return diag_status(&r->out);
}
