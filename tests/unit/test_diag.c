/* Unit tests: rule table, findings, printing, exit statuses, buffers. */
#include <sys/wait.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"
#include "progname.h"
#include "unit.h"
#include "xalloc.h"

static void
test_rules_sorted_unique(void)
{
	size_t i;

	CHECK(nrules > 100);
	for (i = 1; i < nrules; i++)
		CHECK(strcmp(rules[i - 1].id, rules[i].id) < 0);
	for (i = 0; i < nrules; i++) {
		CHECK(rule_find(rules[i].id) == &rules[i]);
		CHECK(rules[i].sev >= SEV_NOTE && rules[i].sev <= SEV_ERROR);
		CHECK(strlen(rules[i].summary) > 0);
		CHECK(strlen(rules[i].conseq) > 0);
		/* Advice rules are never errors: nothing local decides them. */
		if (rules[i].flags & RULE_ADVICE)
			CHECK(rules[i].sev == SEV_NOTE);
	}
	CHECK(rule_find("NO-SUCH-RULE") == NULL);
	CHECK(rule_find("AUDIO-RATE")->sev == SEV_ERROR);
	CHECK(rule_find("AUDIO-MAX-TRAIN")->sev == SEV_WARNING);
}

static char *
printed(const struct finding *f)
{
	char *s = NULL;
	size_t n = 0;
	FILE *fp = open_memstream(&s, &n);

	diag_print(fp, f);
	fclose(fp);
	return s;
}

static void
test_print_forms(void)
{
	struct diag d = DIAG_INIT;
	struct loc full = { "set.zip", "trans.txt", 3, 7 };
	struct loc file = { "clip3.wav", NULL, 0, 0 };
	struct loc line = { "t.txt", NULL, 12, 0 };
	char *s;

	progname_set("/usr/bin/vox-test");
	diag_add(&d, &full, "TRANS-MATCH", "no audio file '%s'", "a.wav");
	diag_add(&d, &file, "AUDIO-MAX-TRAIN", "41.2 s is over 40 s");
	diag_add(&d, &line, "TRANS-TAB", "no TAB");
	diag_add(&d, NULL, "AUDIO-HOURS-USED", "101 h");
	diag_syserr(&d, "cannot open '%s': %s", "x.wav", "No such file");
	CHECK(d.n == 5);
	s = printed(&d.v[0]);
	CHECK_STR(s, "set.zip!/trans.txt:3:7: error: no audio file 'a.wav' "
	    "[TRANS-MATCH]\n");
	free(s);
	s = printed(&d.v[1]);
	CHECK_STR(s, "clip3.wav: warning: 41.2 s is over 40 s "
	    "[AUDIO-MAX-TRAIN]\n");
	free(s);
	s = printed(&d.v[2]);
	CHECK_STR(s, "t.txt:12: error: no TAB [TRANS-TAB]\n");
	free(s);
	s = printed(&d.v[3]);
	CHECK(strncmp(s, "vox-test: ", 10) == 0);
	free(s);
	s = printed(&d.v[4]);
	CHECK_STR(s, "vox-test: cannot open 'x.wav': No such file\n");
	free(s);
	diag_release(&d);
}

/* A name can neither break a line nor forge one; bad UTF-8 is shown. */
static void
test_print_escaped(void)
{
	struct diag d = DIAG_INIT;
	struct loc l = { "d/a\nb.wav: error: forged", "m\t\x7f.wav", 0, 0 };
	char *s;

	progname_set("vox-test");
	diag_add(&d, &l, "AUDIO-RATE", "'%s' \xff\xc3\xa9", "x\ry");
	diag_syserr(&d, "cannot open 'a\nb': %s", "gone");
	s = printed(&d.v[0]);
	CHECK_STR(s, "d/a\\nb.wav: error: forged!/m\\t\\x7F.wav: error: "
	    "'x\\ry' \\xFF\xc3\xa9 [AUDIO-RATE]\n");
	free(s);
	s = printed(&d.v[1]);
	CHECK_STR(s, "vox-test: cannot open 'a\\nb': gone\n");
	free(s);
	diag_release(&d);
}

static void
test_status(void)
{
	struct diag d = DIAG_INIT;
	struct diag_out o = DIAG_OUT_INIT;
	FILE *null = fopen("/dev/null", "w");

	o.fp = null;
	CHECK(diag_status(&o) == EXIT_OK);
	diag_add(&d, NULL, "AUDIO-MAX-TRAIN", "w");
	diag_add(&d, NULL, "AUDIO-PAD", "n");
	CHECK(diag_worst(&d) == SEV_WARNING);
	CHECK(diag_has(&d, "AUDIO-PAD"));
	CHECK(!diag_has(&d, "AUDIO-RATE"));
	diag_flush(&o, &d);
	CHECK(d.n == 0);
	CHECK(o.count[SEV_WARNING] == 1 && o.count[SEV_NOTE] == 1);
	CHECK(diag_status(&o) == EXIT_OK);
	o.failon = SEV_WARNING;
	CHECK(diag_status(&o) == EXIT_FINDINGS);
	o.failon = SEV_ERROR;
	diag_addsev(&d, NULL, "AUDIO-PAD", SEV_ERROR, "escalated");
	diag_flush(&o, &d);
	CHECK(diag_status(&o) == EXIT_FINDINGS);
	diag_syserr(&d, "broken");
	diag_flush(&o, &d);
	CHECK(diag_status(&o) == EXIT_SYSTEM);
	diag_release(&d);
	diag_out_release(&o);
	fclose(null);
}

static void
test_quiet(void)
{
	struct diag d = DIAG_INIT;
	struct diag_out o = DIAG_OUT_INIT;
	char *s = NULL;
	size_t n = 0;

	o.fp = open_memstream(&s, &n);
	o.quiet = 1;
	diag_add(&d, NULL, "AUDIO-PAD", "a note");
	diag_add(&d, NULL, "AUDIO-RATE", "an error");
	diag_flush(&o, &d);
	fclose(o.fp);
	CHECK(strstr(s, "a note") == NULL);
	CHECK(strstr(s, "an error") != NULL);
	CHECK(o.count[SEV_NOTE] == 1);
	free(s);
	diag_release(&d);
	diag_out_release(&o);
}

static void
test_move(void)
{
	struct diag a = DIAG_INIT, b = DIAG_INIT;

	diag_add(&a, NULL, "AUDIO-PAD", "one");
	diag_add(&b, NULL, "AUDIO-RATE", "two");
	diag_move(&a, &b);
	CHECK(a.n == 2 && b.n == 0);
	CHECK_STR(a.v[1].msg, "two");
	diag_release(&a);
	diag_release(&b);
}

/* diag_at() places a finding on l's file and member, l untouched. */
static void
test_at(void)
{
	struct diag d = DIAG_INIT;
	struct loc l = { "set.zip", "trans.txt", 3, 9 };

	diag_at(&d, &l, 7, 2, "TRANS-DUP", SEV_NONE, "'%s' again", "a.wav");
	diag_at(&d, &l, 8, 0, "TRANS-DUP", SEV_NOTE, "x");
	CHECK(l.line == 3 && l.col == 9);
	CHECK(d.n == 2);
	CHECK_STR(d.v[0].file, "set.zip");
	CHECK_STR(d.v[0].member, "trans.txt");
	CHECK(d.v[0].line == 7 && d.v[0].col == 2);
	CHECK(d.v[0].sev == SEV_ERROR);
	CHECK_STR(d.v[0].msg, "'a.wav' again");
	CHECK(d.v[1].line == 8 && d.v[1].col == 0 && d.v[1].sev == SEV_NOTE);
	diag_release(&d);
}

static void
test_sev_parse(void)
{
	enum severity s;

	CHECK(sev_parse("warning", &s) == 0 && s == SEV_WARNING);
	CHECK(sev_parse("error", &s) == 0 && s == SEV_ERROR);
	CHECK(sev_parse("fatal", &s) == -1);
	CHECK_STR(sev_name(SEV_NOTE), "note");
	CHECK_STR(cq_name(CQ_IGN_AUDIO), "IGN-AUDIO");
}

static void
test_buf(void)
{
	struct buf b = BUF_INIT;
	char *s;
	int i;

	CHECK_STR(buf_str(&b), "");
	for (i = 0; i < 1000; i++)
		buf_addc(&b, 'a' + i % 26);
	CHECK(b.len == 1000 && b.s[1000] == '\0');
	buf_reset(&b);
	buf_printf(&b, "%d-%s", 42, "x");
	buf_addstr(&b, "yz");
	CHECK_STR(b.s, "42-xyz");
	s = buf_detach(&b);
	CHECK(b.s == NULL && b.len == 0);
	CHECK_STR(s, "42-xyz");
	free(s);
	buf_count(&b, 0, "line", "lines");
	buf_addc(&b, ' ');
	buf_count(&b, 1, "line", "lines");
	buf_addc(&b, ' ');
	buf_count(&b, 2, "box", "boxes");
	buf_addc(&b, ' ');
	buf_count(&b, 18446744073709551615ULL, "byte", "bytes");
	CHECK_STR(b.s, "0 lines 1 line 2 boxes 18446744073709551615 bytes");
	buf_release(&b);
}

/* Terminal and parser tricks in names: C1, separators, bidi, U+FFFE. */
static void
test_escape_hostile(void)
{
	struct buf b = BUF_INIT;

	buf_addesc(&b, "a\xc2\x85" "b\xc2\x9b" "c\xe2\x80\xa8" "d\xe2\x80\xa9"
	    "e\xe2\x80\xaa" "f\xe2\x80\xae" "g\xe2\x81\xa6" "h\xe2\x81\xa9"
	    "i\xef\xbf\xbe" "j\x01\x1b[2J");
	CHECK_STR(buf_str(&b), "a\\u0085b\\u009Bc\\u2028d\\u2029e\\u202A"
	    "f\\u202Eg\\u2066h\\u2069i\\uFFFEj\\x01\\x1B[2J");
	buf_reset(&b);
	/* Printable non-ASCII is kept; only the hostile ones change. */
	buf_addesc(&b, "caf\xc3\xa9 \xe6\x9d\xb1 \xc2\xa0");
	CHECK_STR(buf_str(&b), "caf\xc3\xa9 \xe6\x9d\xb1 \xc2\xa0");
	buf_release(&b);
}

static size_t
lines_with(const char *s, const char *what)
{
	size_t n = 0;

	for (; (s = strstr(s, what)) != NULL; s++)
		n++;
	return n;
}

/*
 * At most DIAG_CAP findings per rule, severity and file are kept, in
 * memory and on output, across moves and flushes; one note counts the
 * rest, which still decide the exit status.
 */
static void
test_cap(void)
{
	struct diag d = DIAG_INIT, part = DIAG_INIT;
	struct diag_out o = DIAG_OUT_INIT;
	struct loc a = { "t.txt", NULL, 1, 0 }, b = { "u.txt", NULL, 1, 0 };
	char *s = NULL;
	size_t n = 0, i;

	o.fp = open_memstream(&s, &n);
	for (i = 0; i < 250; i++)
		diag_add(&d, &a, "TRANS-TAB", "no TAB %zu", i);
	diag_add(&d, &b, "TRANS-TAB", "another file");
	diag_addsev(&d, &a, "TRANS-TAB", SEV_WARNING, "another severity");
	CHECK(d.n == DIAG_CAP + 2);
	/* A move keeps the cap and the count of what was held back. */
	for (i = 0; i < 30; i++)
		diag_add(&part, &a, "TRANS-TAB", "moved %zu", i);
	diag_move(&d, &part);
	CHECK(d.n == DIAG_CAP + 2 && part.n == 0);
	diag_flush(&o, &d);
	/* Held back findings count at once; the note waits for the end. */
	CHECK(o.count[SEV_ERROR] == 281);
	/* A later flush of the same file shows no more of that rule. */
	for (i = 0; i < 20; i++)
		diag_add(&d, &a, "TRANS-TAB", "later %zu", i);
	diag_flush(&o, &d);
	fflush(o.fp);
	CHECK(lines_with(s, "more errors") == 0);
	/* One note for the rule and file, however many flushes. */
	diag_flush_held(&o);
	fclose(o.fp);
	CHECK(lines_with(s, "t.txt:1: error: no TAB") == DIAG_CAP);
	CHECK(lines_with(s, "moved") == 0 && lines_with(s, "later") == 0);
	CHECK(strstr(s, "t.txt: note: 200 more errors of this rule not "
	    "shown; at most 100 are shown per rule and file [TRANS-TAB]\n")
	    != NULL);
	CHECK(lines_with(s, "more errors") == 1);
	CHECK(lines_with(s, "another file") == 1);
	CHECK(lines_with(s, "another severity") == 1);
	CHECK(o.count[SEV_ERROR] == 301 && o.worst == SEV_ERROR);
	CHECK(diag_status(&o) == EXIT_FINDINGS);
	free(s);
	diag_release(&d);
	diag_release(&part);
	diag_out_release(&o);
}

/*
 * A list of fewer than DIAG_CAP findings keeps no table of counts; the
 * cap counts from the findings it holds once it reaches DIAG_CAP, and
 * what a move brings in that was held back counts with them.
 */
static void
test_cap_late(void)
{
	struct diag d = DIAG_INIT, src = DIAG_INIT;
	struct loc a = { "t.txt", NULL, 1, 0 }, b = { "u.txt", NULL, 1, 0 };
	size_t i;

	for (i = 0; i < 60; i++)
		diag_add(&d, &a, "TRANS-TAB", "a %zu", i);
	for (i = 0; i < 39; i++)
		diag_add(&d, &b, "TRANS-TAB", "b %zu", i);
	for (i = 0; i < 50; i++)
		diag_add(&d, &a, "TRANS-TAB", "more a %zu", i);
	CHECK(d.n == 139 && diag_held(&d, SEV_ERROR) == 10);
	diag_add(&d, &b, "TRANS-TAB", "b again");
	CHECK(d.n == 140);
	diag_release(&d);
	/* Into a list without a table: filled to the cap, then held. */
	for (i = 0; i < 50; i++)
		diag_add(&d, &a, "TRANS-TAB", "a %zu", i);
	for (i = 0; i < 120; i++)
		diag_add(&src, &a, "TRANS-TAB", "src %zu", i);
	diag_move(&d, &src);
	CHECK(d.n == DIAG_CAP && diag_held(&d, SEV_ERROR) == 70);
	diag_release(&d);
	/*
	 * What src held back, its findings taken out as related.c's
	 * lines_hold() does: d counts its own 99 as well.
	 */
	for (i = 0; i < DIAG_CAP + 1; i++)
		diag_add(&src, &a, "TRANS-TAB", "src %zu", i);
	diag_release(&src);
	for (i = 0; i < DIAG_CAP + 1; i++)
		diag_add(&src, &a, "TRANS-TAB", "src %zu", i);
	for (i = 0; i < src.n; i++) {
		free(src.v[i].file);
		free(src.v[i].member);
		free(src.v[i].msg);
	}
	src.n = 0;
	for (i = 0; i < 99; i++)
		diag_add(&d, &a, "TRANS-TAB", "a %zu", i);
	diag_move(&d, &src);
	CHECK(d.n == 99 && diag_held(&d, SEV_ERROR) == 1);
	diag_add(&d, &a, "TRANS-TAB", "100th");
	diag_add(&d, &a, "TRANS-TAB", "101st");
	CHECK(d.n == DIAG_CAP && diag_held(&d, SEV_ERROR) == 2);
	diag_release(&d);
	diag_release(&src);
}

/* A sink that writes "RULE severity message" lines to a struct buf. */
static void
sink_lines(void *ctx, const struct finding *f)
{
	buf_printf(ctx, "%s %s %s\n", f->rule != NULL ? f->rule->id : "-",
	    sev_name(f->sev), f->msg);
}

/* The sink gets each finding shown or counted, system errors too. */
static void
test_sink(void)
{
	struct diag d = DIAG_INIT;
	struct diag_out o = DIAG_OUT_INIT;
	struct buf b = BUF_INIT;
	struct loc a = { "t.txt", NULL, 1, 0 };
	const char *want = "AUDIO-PAD note a note\n"
	    "AUDIO-RATE error an error\n- error broken\n"
	    "TRANS-TAB error no TAB 0\n";
	size_t i;

	o.fp = fopen("/dev/null", "w");
	o.quiet = 1;
	o.sink = sink_lines;
	o.sink_ctx = &b;
	diag_add(&d, NULL, "AUDIO-PAD", "a note");
	diag_add(&d, NULL, "AUDIO-RATE", "an error");
	diag_syserr(&d, "broken");
	for (i = 0; i < DIAG_CAP + 2; i++)
		diag_add(&d, &a, "TRANS-TAB", "no TAB %zu", i);
	diag_flush(&o, &d);
	diag_flush_held(&o);
	fclose(o.fp);
	CHECK(strncmp(buf_str(&b), want, strlen(want)) == 0);
	CHECK(lines_with(buf_str(&b), "no TAB") == DIAG_CAP);
	CHECK(strstr(buf_str(&b), "TRANS-TAB note 2 more errors of this "
	    "rule not shown") != NULL);
	buf_release(&b);
	diag_release(&d);
	diag_out_release(&o);
}

/*
 * Findings of RULE_REPORT_ONLY rules up to o.report_only go to the sink
 * only: not shown, not counted, not capped by the output, and what d
 * held back of them is not told.  Other findings are as ever.
 */
static void
test_report_only(void)
{
	struct diag d = DIAG_INIT;
	struct diag_out o = DIAG_OUT_INIT;
	struct buf b = BUF_INIT;
	struct loc a = { "t.txt", NULL, 1, 0 };
	char *s = NULL;
	size_t n = 0, i;

	o.fp = open_memstream(&s, &n);
	o.sink = sink_lines;
	o.sink_ctx = &b;
	o.report_only = SEV_NOTE;
	diag_addsev(&d, &a, "PRON-FORMAT", SEV_NOTE, "trimmed");
	diag_add(&d, &a, "PRON-FORMAT", "no TAB");
	diag_add(&d, &a, "AUDIO-PAD", "not report-only");
	for (i = 0; i < DIAG_CAP + 50; i++)
		diag_addsev(&d, &a, "TEXT-NORM", SEV_NOTE, "fix %zu", i);
	diag_flush(&o, &d);
	o.report_only = SEV_ERROR;
	diag_add(&d, &a, "TEXT-CTRL", "deleted");
	diag_flush(&o, &d);
	o.report_only = SEV_NONE;
	diag_addsev(&d, &a, "PRON-FORMAT", SEV_NOTE, "shown again");
	diag_flush(&o, &d);
	fclose(o.fp);
	CHECK(strstr(s, "trimmed") == NULL && strstr(s, "fix") == NULL &&
	    strstr(s, "deleted") == NULL && strstr(s, "more") == NULL);
	CHECK(strstr(s, "t.txt:1: error: no TAB [PRON-FORMAT]\n") != NULL);
	CHECK(strstr(s, "not report-only") != NULL);
	CHECK(strstr(s, "t.txt:1: note: shown again [PRON-FORMAT]\n") != NULL);
	CHECK(o.count[SEV_NOTE] == 2 && o.count[SEV_ERROR] == 1);
	CHECK(lines_with(buf_str(&b), "TEXT-NORM note fix") == DIAG_CAP);
	CHECK(strstr(buf_str(&b), "PRON-FORMAT note trimmed\n") != NULL);
	CHECK(strstr(buf_str(&b), "TEXT-CTRL error deleted\n") != NULL);
	CHECK(strstr(buf_str(&b), "more") == NULL);
	free(s);
	buf_release(&b);
	diag_release(&d);
	diag_out_release(&o);
}

/*
 * Only the normalizers' rules are report-only, and never those of what
 * vox-text cannot repair or drops: those it must show.
 */
static void
test_report_only_rules(void)
{
	static const char *const shown[] = { "TEXT-DROP", "TEXT-ENC",
	    "TEXT-JAKO", "TEXT-LONG", "TEXT-NODATA", "TEXT-SIZE" };
	size_t i, n = 0;

	for (i = 0; i < nrules; i++) {
		if (!(rules[i].flags & RULE_REPORT_ONLY))
			continue;
		n++;
		CHECK(strncmp(rules[i].id, "TEXT-", 5) == 0 ||
		    strncmp(rules[i].id, "PRON-", 5) == 0);
		CHECK(!(rules[i].flags & RULE_ADVICE));
	}
	CHECK(n > 0);
	for (i = 0; i < sizeof(shown) / sizeof(shown[0]); i++)
		CHECK(!(rule_find(shown[i])->flags & RULE_REPORT_ONLY));
	CHECK(rule_find("TEXT-NORM")->flags & RULE_REPORT_ONLY);
}

/* The name is argv[0]'s base name; the OOM message uses it, exit 3. */
static void
test_progname_oom(void)
{
	/* Static: the name stays borrowed after the test. */
	static char argv0[] = "/usr/bin/vox-oom", empty[] = "";
	char got[64];
	int fd[2], st = 0;
	size_t k;
	ssize_t n;
	pid_t pid;

	CHECK_STR(progname_set(argv0), "vox-oom");
	CHECK_STR(progname_get(), "vox-oom");
	CHECK(progname_set(empty) == empty);
	CHECK_STR(progname_get(), "vox-oom");
	REQUIRE(pipe(fd) == 0);
	fflush(stdout);
	REQUIRE((pid = fork()) != -1);
	if (pid == 0) {
		dup2(fd[1], STDERR_FILENO);
		xoom();
	}
	close(fd[1]);
	/* xoom() writes twice: read to the end. */
	for (k = 0; k < sizeof(got) - 1 &&
	    (n = read(fd[0], got + k, sizeof(got) - 1 - k)) > 0; k += (size_t)n)
		;
	got[k] = '\0';
	close(fd[0]);
	REQUIRE(waitpid(pid, &st, 0) == pid);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == EXIT_SYSTEM);
	CHECK_STR(got, "vox-oom: out of memory\n");
}

/*
 * diag_show() prints and counts as diag_flush() does and leaves the
 * findings to their owner; both write through a buffer the output
 * keeps from one flush to the next.
 */
static void
test_show(void)
{
	struct diag d = DIAG_INIT, e = DIAG_INIT;
	struct diag_out o = DIAG_OUT_INIT, p = DIAG_OUT_INIT;
	struct loc l = { "a.wav", NULL, 0, 0 };
	char *so = NULL, *sp = NULL;
	size_t no = 0, np = 0, i;
	FILE *fo = open_memstream(&so, &no), *fp = open_memstream(&sp, &np);

	REQUIRE(fo != NULL && fp != NULL);
	o.fp = fo;
	p.fp = fp;
	for (i = 0; i < 3; i++) {
		diag_add(&d, &l, "AUDIO-PAD", "pad %zu", i);
		diag_add(&e, &l, "AUDIO-PAD", "pad %zu", i);
	}
	diag_show(&o, &d);
	diag_flush(&p, &e);
	CHECK(d.n == 3 && e.n == 0);
	CHECK_STR(d.v[2].msg, "pad 2");
	CHECK(o.count[SEV_NOTE] == 3 && p.count[SEV_NOTE] == 3);
	CHECK(o.lines.len == 0 && o.lines.cap > 0);
	fflush(fo);
	fflush(fp);
	CHECK(no > 0 && no == np && memcmp(so, sp, no) == 0);
	/* A long flush writes as it goes: the buffer stays small. */
	diag_clear(&d);
	for (i = 0; i < 3000; i++) {
		char name[32];

		/* A file each: the cap counts per rule and file. */
		snprintf(name, sizeof(name), "b%zu.wav", i);
		diag_addsev(&d, &(struct loc){ name, NULL, 1, 0 },
		    "AUDIO-PAD", SEV_NOTE, "%0200zu", i);
	}
	diag_show(&o, &d);
	CHECK(o.count[SEV_NOTE] == 3003);
	CHECK(o.lines.cap > 0 && o.lines.cap <= 2 * 65536);
	fflush(fo);
	CHECK(no > 3000 * 200);
	diag_release(&d);
	diag_release(&e);
	diag_out_release(&o);
	diag_out_release(&p);
	fclose(fo);
	fclose(fp);
	free(so);
	free(sp);
}

int
main(void)
{
	RUN(test_rules_sorted_unique);
	RUN(test_print_forms);
	RUN(test_print_escaped);
	RUN(test_status);
	RUN(test_quiet);
	RUN(test_move);
	RUN(test_at);
	RUN(test_sev_parse);
	RUN(test_buf);
	RUN(test_escape_hostile);
	RUN(test_cap);
	RUN(test_cap_late);
	RUN(test_show);
	RUN(test_sink);
	RUN(test_report_only);
	RUN(test_report_only_rules);
	RUN(test_progname_oom);
	return UNIT_EXIT();
}
