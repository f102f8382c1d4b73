/* vox-wer: score recognition output against a testing set; compare models. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "io.h"
#include "opts.h"
#include "wer.h"

static struct wer_run_opts o = {
	{ NULL, WER_UNIT_WORD, 1, 0, 1 }, ALIGN_SCLITE, HYP_LEXICAL,
	WER_SHOW_NONE, 0, 0, 0, -1.0, NULL
};
static int aligned, conf, field_set, nonorm, shownorm, unit_set;

static int
costs(void *var, const char *arg)
{
	if (align_costs_parse(arg, var) == 0)
		return 0;
	warnx_("bad --costs '%s': use sclite or unit", arg);
	return -1;
}

static int
field(void *var, const char *arg)
{
	field_set = 1;
	if (hyp_field_parse(arg, var) == 0)
		return 0;
	warnx_("bad --field '%s': use lexical, itn, maskedITN or display",
	    arg);
	return -1;
}

static int
format(void *var, const char *arg)
{
	if (strcmp(arg, "text") != 0 && strcmp(arg, "jsonl") != 0) {
		warnx_("bad --format '%s': use text or jsonl", arg);
		return -1;
	}
	*(int *)var = strcmp(arg, "jsonl") == 0;
	return 0;
}

static int
maxwer(void *var, const char *arg)
{
	char *end;
	double v = strtod(arg, &end);

	if (end == arg || *end != '\0' || !isfinite(v) || v < 0) {
		warnx_("bad --max-wer '%s': use a percentage, such as 12.5",
		    arg);
		return -1;
	}
	*(double *)var = v;
	return 0;
}

static int
unit(void *var, const char *arg)
{
	unit_set = 1;
	if (wer_unit_parse(arg, var) == 0)
		return 0;
	warnx_("bad --unit '%s': use word, char or mixed", arg);
	return -1;
}

static const struct opt options[] = {
	OPT_FLAG(0, "align", &aligned, "show each utterance aligned"),
	OPT_FLAG(0, "confusions", &conf,
	    "show the most frequent errors of each model"),
	OPT_CALL(0, "costs", "sclite|unit", &o.costs, costs,
	    "alignment costs (default: sclite)"),
	OPT_CALL(0, "field", "field", &o.field, field,
	    "text of JSON results: lexical (default), itn..."),
	OPT_CALL(0, "format", "text|jsonl", &o.jsonl, format,
	    "output format (default: text)"),
	OPT_CALL(0, "max-wer", "N", &o.max, maxwer,
	    "a WER above N percent is an error"),
	OPT_FLAG(0, "no-normalize", &nonorm, "score the texts as written"),
	OPT_FLAG(0, "show-normalized", &shownorm,
	    "show both sides of each utterance as scored"),
	OPT_FLAG(0, "spell-numbers", &o.w.spell,
	    "write the reference's numbers as words"),
	OPT_FLAG(0, "ter", &o.ter,
	    "token error rate of display text, by category"),
	OPT_CALL(0, "unit", "word|char|mixed", &o.w.unit, unit,
	    "tokens (default: mixed for zh and ja, else word)"),
	OPT_END
};

static const struct opts_tool tool = {
	"vox-wer", options, "ref hyp [hyp ...]", NULL, 2, -1, 0
};

int
main(int argc, char *argv[])
{
	struct common_opts co = COMMON_OPTS_INIT;
	struct buf out = BUF_INIT;
	struct run run;
	int rc;

	if ((rc = opts_parse(&tool, &co, argc, argv)) != OPTS_GO)
		return rc;
	if (aligned && shownorm)
		return opts_bad(&tool, "--align and --show-normalized "
		    "exclude each other");
	if (o.jsonl && (conf || shownorm))
		return opts_bad(&tool, "--format jsonl takes no --confusions "
		    "or --show-normalized");
	if (o.ter && o.w.spell)
		return opts_bad(&tool, "--ter scores numbers as written: no "
		    "--spell-numbers");
	if (io_check_outputs(argv + optind, argc - optind, co.report))
		return EXIT_USAGE;
	if ((rc = run_begin(&run, &co, "vox-wer")) != EXIT_OK)
		return rc;
	if (run.rep != NULL)
		report_input(run.rep, argv[optind]);
	o.w.locale = co.locale;
	o.w.normalize = !nonorm;
	if (!unit_set)
		o.w.unit = wer_unit_default(co.locale);
	if (o.ter && !field_set)
		o.field = HYP_DISPLAY;
	o.show = aligned ? WER_SHOW_ALIGN : shownorm ? WER_SHOW_NORM :
	    WER_SHOW_NONE;
	o.confusions = conf ? 10 : 0;
	o.view = report_view(run.rep);
	(void)wer_run(&o, argv[optind], argv + optind + 1,
	    (size_t)(argc - optind - 1), &out, &run.d);
	if (out.len > 0)
		fwrite(out.s, 1, out.len, stdout);
	buf_release(&out);
	return opts_stdout(run_end(&run));
}
