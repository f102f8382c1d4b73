/* vox-md: check, fix and run structured text and display-format files. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "io.h"
#include "md.h"
#include "mdrun.h"
#include "opts.h"
#include "report.h"

static struct md_run o = { .output = "-" };
static const char *apply, *test;
static long long expand = -1;

static int
expand_n(void *var, const char *arg)
{
	const char *err;

	if (opts_num(arg, 1, MD_EXPAND_MAX, var, &err) == 0)
		return 0;
	warnx_("--expand '%s' is %s", arg, err);
	return -1;
}

static int
md_kind(void *var, const char *arg)
{
	enum kind k;

	if (kind_parse(arg, &k) == 0 && (k == KIND_LANGUAGEMARKDOWN ||
	    k == KIND_OUTPUTFORMATTING)) {
		*(unsigned int *)var = k;
		return 0;
	}
	warnx_("kind '%s' is not languagemarkdown or outputformatting", arg);
	return -1;
}

static const struct opt options[] = {
	{ 0, "apply", "format", "display text of lexical text, by format",
	    OPT_T_STRING, &apply, NULL, OPT_ALT },
	OPT_CALL(0, "expand", "n", &expand, expand_n,
	    "write up to n sentences that the file stands for"),
	OPT_FLAG(0, "fix", &o.fix, "write the file with its layout repaired"),
	OPT_CALL('k', "kind", "kind", &o.kind, md_kind,
	    "languagemarkdown or outputformatting"),
	OPT_STRING('o', "output", "file", &o.output,
	    "write to file (default: standard output)"),
	{ 0, "test", "format", "run the #test cases of format",
	    OPT_T_STRING, &test, NULL, OPT_ALT },
	OPT_END
};

static const struct opts_tool tool = {
	"vox-md", options, "[file ...]",
	"[-L locale] [-o file] --apply format [file ...]\n"
	"[-L locale] --test format", 0, -1, 0
};

/* Each file in turn, standard input if none; what sums each one up. */
static int
files(struct run *run, char **argv, int n, int quiet)
{
	struct buf say = BUF_INIT;
	const char *path;
	int i, rc = EXIT_OK;

	for (i = 0; i < n || (i == 0 && n == 0); i++) {
		path = n > 0 ? argv[i] : "-";
		report_input(run->rep, path);
		if (md_file(&o, path, &run->out, &say) == MD_RUN_KIND)
			rc = EXIT_USAGE;
		if (!quiet && say.len > 0)
			fprintf(stderr, "vox-md: %s: %s\n", strcmp(path, "-") ==
			    0 ? "<stdin>" : path, buf_str(&say));
		buf_reset(&say);
	}
	buf_release(&say);
	return rc;
}

int
main(int argc, char *argv[])
{
	struct common_opts co = COMMON_OPTS_INIT;
	struct buf say = BUF_INIT;
	struct run run;
	int n, rc, writes;

	if ((rc = opts_parse(&tool, &co, argc, argv)) != OPTS_GO)
		return rc;
	n = argc - optind;
	o.expand = expand >= 0;
	o.want = o.expand ? (uint64_t)expand : 0;
	writes = apply != NULL || o.fix || o.expand;
	if ((apply != NULL) + (test != NULL) + o.fix + o.expand > 1)
		return opts_bad(&tool, "--apply, --expand, --fix and --test "
		    "go one at a time");
	if (test != NULL && n > 0)
		return opts_bad(&tool, "--test takes no file operand");
	if ((o.fix || o.expand) && n > 1)
		return opts_bad(&tool, "--%s takes one file",
		    o.fix ? "fix" : "expand");
	if (!writes && strcmp(o.output, "-") != 0)
		return opts_bad(&tool, "-o goes with --apply, --expand or "
		    "--fix");
	if (writes && (opts_clobbers(o.output, argv + optind, n) == -1 ||
	    (apply != NULL && opts_clobbers(o.output, (char *const *)&apply,
	    1) == -1)))
		return EXIT_USAGE;
	/* The format file of --apply and --test is an input too. */
	if (io_check_outputs(argv + optind, n, co.report) ||
	    (apply != NULL && io_check_outputs((char *const *)&apply, 1,
	    co.report)) ||
	    (test != NULL && io_check_outputs((char *const *)&test, 1,
	    co.report)))
		return EXIT_USAGE;
	if ((rc = run_begin(&run, &co, "vox-md")) != EXIT_OK)
		return rc;
	o.prof = run.prof;
	o.loc = run.loc;
	o.jobs = opts_jobs(&co);
	rc = EXIT_OK;
	if (apply != NULL) {
		report_input(run.rep, apply);
		md_apply(&o, apply, argv + optind, (size_t)n, &run.out);
	} else if (test != NULL) {
		report_input(run.rep, test);
		if (md_test(&o, test, &run.out, &say) == 0)
			printf("%s\n", buf_str(&say));
	} else
		rc = files(&run, argv + optind, n, co.quiet);
	buf_release(&say);
	n = run_end(&run);
	return opts_stdout(rc != EXIT_OK ? rc : n);
}
