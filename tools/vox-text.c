/* vox-text: normalize related text (the Language kind) for upload. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "io.h"
#include "opts.h"
#include "related.h"

static struct related_opts o = { .tier = TIER_DEFAULT };
static long long split = -1;

static int
split_lines(void *var, const char *arg)
{
	const char *err;

	if (opts_num(arg, 0, 100000000, var, &err) == 0)
		return 0;
	warnx_("--split-lines '%s' is %s", arg, err);
	return -1;
}

static const struct opt options[] = {
	OPT_FLAG(0, "check", &o.check,
	    "change nothing: report what would change"),
	OPT_FLAG(0, "dedupe", &o.dedupe, "drop lines already written"),
	OPT_FLAG(0, "lowercase", &o.lowercase,
	    "lowercase with the locale's rules"),
	OPT_FLAG(0, "no-split", &o.nosplit,
	    "keep the input's lines, unsplit"),
	OPT_STRING('o', "output", "file", &o.output,
	    "write to file (default: standard output)"),
	OPT_FLAG(0, "spell-numbers", &o.spell, "write numbers as words"),
	OPT_CALL(0, "split-lines", "n", &split, split_lines,
	    "lines per output file with -o; 0: one file"),
	OPT_CALL(0, "tier", "free|standard", &o.tier, opts_tier,
	    "the size limit of this pricing tier"),
	OPT_END
};

static const struct opts_tool tool = {
	"vox-text", options, "[file ...]", NULL, 0, -1, 0
};

/* "vox-text: ja.txt: split into ja-001.txt ... ja-003.txt (20,000 ...)" */
static void
say_split(const char *out, size_t n, unsigned long lines)
{
	char *a = related_shard_name(out, 1), *b = related_shard_name(out, n);

	if (lines >= 1000)
		fprintf(stderr, "vox-text: %s: %s %s%s%s "
		    "(%lu,%03lu lines %s)\n", out,
		    n > 1 ? "split into" : "written as", a,
		    n > 1 ? " ... " : "", n > 1 ? b : "", lines / 1000,
		    lines % 1000, n > 1 ? "each" : "at most");
	else
		fprintf(stderr, "vox-text: %s: %s %s%s%s (%lu line%s %s)\n",
		    out, n > 1 ? "split into" : "written as", a,
		    n > 1 ? " ... " : "", n > 1 ? b : "", lines,
		    lines == 1 ? "" : "s", n > 1 ? "each" : "at most");
	free(a);
	free(b);
}

int
main(int argc, char *argv[])
{
	struct common_opts co = COMMON_OPTS_INIT;
	struct related_stats st;
	struct buf sum = BUF_INIT;
	struct run run;
	int i, rc;

	memset(&st, 0, sizeof(st));
	if ((rc = opts_parse(&tool, &co, argc, argv)) != OPTS_GO)
		return rc;
	if (!o.check && opts_clobbers(o.output != NULL ? o.output : "-",
	    argv + optind, argc - optind) == -1)
		return EXIT_USAGE;
	if (io_check_outputs(argv + optind, argc - optind, co.report))
		return EXIT_USAGE;
	if ((rc = run_begin(&run, &co, "vox-text")) != EXIT_OK)
		return rc;
	o.loc = run.loc;
	o.limit = &run.prof->text_bytes;
	o.repeat_max = run.prof->repeat_max;
	o.split_lines = split >= 0 ? (unsigned long)split :
	    run.loc->split_lines;
	o.line_max = RELATED_LINE_MAX;
	o.jobs = opts_jobs(&co);
	o.record = run.rep != NULL;
	for (i = optind; i < argc || (i == optind && i == argc); i++)
		report_input(run.rep, i < argc ? argv[i] : "-");
	related_run(&o, argv + optind, (size_t)(argc - optind), &run.out,
	    &st);
	related_summary(&st, &sum);
	if (!co.quiet)
		fprintf(stderr, "vox-text: %s\n", buf_str(&sum));
	if (!co.quiet && st.shards > 0)
		say_split(o.output, st.shards, o.split_lines);
	buf_release(&sum);
	return opts_stdout(run_end(&run));
}
