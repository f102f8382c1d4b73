/* vox-trans: check and fix transcripts, paired with their audio. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "io.h"
#include "opts.h"
#include "template.h"
#include "trans.h"

static struct trans_opts o = { NULL, 3, 0, 0, 0 };
static const char *out = "-", *tmpl;

static int
eol(void *var, const char *arg)
{
	if (strcmp(arg, "lf") != 0 && strcmp(arg, "keep") != 0) {
		warnx_("bad --eol '%s': use keep or lf", arg);
		return -1;
	}
	*(int *)var = strcmp(arg, "lf") == 0;
	return 0;
}

static int
spell(void *var, const char *arg)
{
	o.spell = o.fix = 1;
	return 0;
}

static const struct opt options[] = {
	OPT_CALL(0, "eol", "keep|lf", &o.eol_lf, eol,
	    "line ends of the fixed transcript (default: keep)"),
	OPT_FLAG(0, "fix", &o.fix, "write the repaired transcript"),
	OPT_STRING('o', "output", "file", &out,
	    "write to file (default: standard output)"),
	OPT_CALL(0, "spell-numbers", NULL, NULL, spell,
	    "with --fix, write numbers as words"),
	{ 0, "template", "dataset", "write a transcript skeleton for the "
	    "WAVs of dataset", OPT_T_STRING, &tmpl, NULL, OPT_ALT },
	OPT_END
};

static const struct opts_tool tool = {
	"vox-trans", options, "[transcript [dataset]]",
	"[-L locale] [-o file] --template dataset", 0, 2, 0
};

/*
 * Write the repaired transcript (or, with no tr, the template of names
 * WAVs) atomically, then say what changed.
 */
static void
write_out(struct run *run, const char *path, const struct buf *b,
    const struct trans *tr, long names)
{
	struct outfile of = OUTFILE_INIT;
	struct buf sum = BUF_INIT;
	FILE *fp;

	if ((fp = io_create(&of, path, &run->d)) == NULL)
		return;
	if (fwrite(b->s != NULL ? b->s : "", 1, b->len, fp) != b->len ||
	    io_commit(&of, &run->d) == -1)
		io_abort(&of);
	if (tr != NULL)
		trans_summary(tr, &sum);
	if (!run->co->quiet && tr != NULL)
		fprintf(stderr, "vox-trans: %s\n", buf_str(&sum));
	else if (!run->co->quiet)
		fprintf(stderr, "vox-trans: %ld %s from '%s'\n", names,
		    names == 1 ? "name" : "names", tmpl);
	buf_release(&sum);
}

int
main(int argc, char *argv[])
{
	struct common_opts co = COMMON_OPTS_INIT;
	struct trans tr = TRANS_INIT;
	struct buf fixed = BUF_INIT;
	struct run run;
	const char *tpath = "-";
	long names;
	int rc;

	if ((rc = opts_parse(&tool, &co, argc, argv)) != OPTS_GO)
		return rc;
	if (tmpl != NULL && (optind < argc || o.fix))
		return opts_bad(&tool, "--template takes no transcript");
	if (o.fix && opts_clobbers(out, argv + optind, argc - optind) == -1)
		return EXIT_USAGE;
	if (io_check_outputs(argv + optind, argc - optind, co.report))
		return EXIT_USAGE;
	if ((rc = run_begin(&run, &co, "vox-trans")) != EXIT_OK)
		return rc;
	o.loc = run.loc;
	o.repeat_max = run.prof->repeat_max;
	if (optind < argc)
		tpath = argv[optind];
	if (run.rep != NULL)
		report_input(run.rep, tmpl != NULL ? tmpl : tpath);
	if (tmpl != NULL) {
		names = template_trans(tmpl, run.loc, &fixed, &run.d);
		if (names >= 0)
			write_out(&run, out, &fixed, NULL, names);
	} else if (trans_run(&o, tpath, optind + 1 < argc ?
	    argv[optind + 1] : NULL, &fixed, &tr, &run.d) == 0 && o.fix)
		write_out(&run, out, &fixed, &tr, 0);
	trans_release(&tr);
	buf_release(&fixed);
	return opts_stdout(run_end(&run));
}
