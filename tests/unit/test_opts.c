/* Unit tests: option tables make the parser, the usage line and -h. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "opts.h"
#include "unit.h"

static int fix, zero;
static const char *out = "-", *verify;
static unsigned int rate = 16000;

static const struct opt options[] = {
	OPT_FLAG('0', NULL, &zero, "NUL-separated"),
	OPT_FLAG(0, "fix", &fix, "repair"),
	OPT_STRING('o', "output", "file", &out, "write to file"),
	OPT_CALL('r', "rate", "rate", &rate, opts_rate, "16000 or 8000"),
	{ 0, "verify", "zip", "check a zip", OPT_T_STRING, &verify, NULL,
	    OPT_ALT },
	{ 'k', "kind", "kind", "the kind", OPT_T_STRING, &verify, NULL,
	    OPT_MUST },
	OPT_END
};

static const struct opts_tool tool = {
	"vox-x", options, "[file ...]", "--verify zip\n[-q] --other", 0, 2, 0
};

/* What fn(tool, fp) writes, as a string in buf. */
static void
capture(void (*fn)(const struct opts_tool *, FILE *), char *buf,
    size_t len)
{
	FILE *fp = tmpfile();
	size_t n;

	buf[0] = '\0';
	if (fp == NULL)
		return;
	fn(&tool, fp);
	rewind(fp);
	n = fread(buf, 1, len - 1, fp);
	buf[n] = '\0';
	fclose(fp);
}

static int
parse(struct common_opts *co, int argc, char **argv)
{
	optind = 1;
	fix = zero = 0;
	out = "-";
	rate = 16000;
	return opts_parse(&tool, co, argc, argv);
}

static void
test_usage(void)
{
	char buf[4096];

	capture(opts_usage, buf, sizeof(buf));
	CHECK_STR(buf, "usage: vox-x [-0hqV] [-j jobs] [-L locale] [-o file] "
	    "[-P purpose] [-r rate] [-W level] [--fix] [--no-progress] "
	    "[--profile file] [--progress] [--report file] "
	    "[--report-format format] -k kind [file ...]\n"
	    "       vox-x --verify zip\n"
	    "       vox-x [-q] --other\n");
}

static void
test_help(void)
{
	char buf[8192], *p, *line;
	int lines = 0;

	capture(opts_help, buf, sizeof(buf));
	REQUIRE((p = strstr(buf, "\n\n")) != NULL);
	CHECK(strstr(buf, "  -0                        NUL-separated\n") !=
	    NULL);
	CHECK(strstr(buf, "\n      --fix                 repair\n") != NULL);
	CHECK(strstr(buf, "\n  -o, --output=file         write to file\n")
	    != NULL);
	CHECK(strstr(buf, "\n      --progress  ") != NULL);
	CHECK(strstr(buf, "\n      --verify=zip          check a zip\n") !=
	    NULL);
	/* Too long a left column: the help goes on the next line. */
	CHECK(strstr(buf, "\n      --report-format=format\n"
	    "                            jsonl") != NULL);
	/* Sorted as the man pages: -0, --fix, -h, -j, -k, -L ... */
	CHECK(strstr(p, "--fix") < strstr(p, "-h, --help"));
	CHECK(strstr(p, "-L, --locale") < strstr(p, "--no-progress"));
	CHECK(strstr(p, "-q, --quiet") < strstr(p, "-r, --rate"));
	for (line = p + 2; *line != '\0'; line = strchr(line, '\n') + 1) {
		CHECK(strchr(line, '\n') != NULL &&
		    strchr(line, '\n') - line <= 80);
		lines++;
	}
	CHECK(lines == 19);
}

static void
test_parse(void)
{
	struct common_opts co = COMMON_OPTS_INIT;
	char *a1[] = { "vox-x", "-0", "--fix", "-o", "o.txt", "-r8000",
	    "-j", "3", "--no-progress", "-L", "de-DE", "in", NULL };
	char *a2[] = { "vox-x", "--output=x", "--rate", "44100", NULL };
	char *a3[] = { "vox-x", "a", "b", "c", NULL };
	char *a4[] = { "vox-x", "--bogus", NULL };
	char *a5[] = { "vox-x", "-j", "0", NULL };

	CHECK(parse(&co, 12, a1) == OPTS_GO);
	CHECK(zero == 1 && fix == 1 && rate == 8000);
	CHECK_STR(out, "o.txt");
	CHECK(co.jobs == 3 && co.progress == 0);
	CHECK_STR(co.locale, "de-DE");
	CHECK(optind == 11);
	CHECK(co.tool == &tool);
	/* A bad value, too many operands, an unknown option: exit 2. */
	CHECK(parse(&co, 4, a2) == EXIT_USAGE);
	CHECK_STR(out, "x");
	CHECK(parse(&co, 4, a3) == EXIT_USAGE);
	CHECK(parse(&co, 2, a4) == EXIT_USAGE);
	CHECK(parse(&co, 3, a5) == EXIT_USAGE);
}

static void
test_common_table(void)
{
	const struct opt *o;
	size_t n = 0;

	/* DESIGN.md section 4: every shared option has a letter or name. */
	for (o = opts_common_table; o->type != OPT_T_END; o++) {
		CHECK(o->type == OPT_T_COMMON);
		CHECK(o->name != NULL && o->help != NULL);
		CHECK(28 + strlen(o->help) <= 80);
		n++;
	}
	CHECK(n == 12);
}

int
main(void)
{
	RUN(test_usage);
	RUN(test_help);
	RUN(test_parse);
	RUN(test_common_table);
	return UNIT_EXIT();
}
