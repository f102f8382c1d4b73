/*
 * Unit tests: reports in JSONL, JUnit and SARIF.  With a folder as
 * argument, only writes sample reports there for tests/check-reports.sh
 * to validate against the schemas.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"
#include "io.h"
#include "report.h"
#include "unit.h"

#define HOSTILE		"x\x01\xc2\x85\xc2\x9b\xe2\x80\xae\xe2\x80\xa8\xe2\x81\xa6.wav"
#define HOSTILE_ESC	"x\\x01\\u0085\\u009B\\u202E\\u2028\\u2066.wav"
/* The same in a JSON string, where each backslash is doubled. */
#define HOSTILE_JSON	"x\\\\x01\\\\u0085\\\\u009B\\\\u202E\\\\u2028" \
			"\\\\u2066.wav"

static void
fill(struct report *r)
{
	struct diag d = DIAG_INIT;
	struct diag_out o = DIAG_OUT_INIT;
	struct loc a = { "set.zip", "trans.txt", 3, 1 };
	struct loc b = { "clip 3.wav", NULL, 0, 0 };
	struct loc c = { "text.txt", NULL, 7, 12 };
	struct loc e = { "caf\xe9.wav", NULL, 0, 0 };
	/* C0, C1, a bidi override and a line separator in one name. */
	struct loc h = { HOSTILE, NULL, 0, 0 };

	o.fp = fopen("/dev/null", "w");
	o.sink = report_sink;
	o.sink_ctx = r;
	report_input(r, "set.zip");
	report_input(r, "clip 3.wav");
	report_input(r, "clean.wav");
	diag_add(&d, &a, "TRANS-MATCH", "no audio file 'a12.wav' in the "
	    "dataset");
	diag_add(&d, &b, "AUDIO-MAX-TRAIN", "41.2 s is over the 40 s limit; "
	    "\"quoted\" <angle> & tab\there");
	diag_add(&d, &c, "TEXT-CHARSET", "character '\xc3\xa9' (U+00E9)");
	diag_add(&d, NULL, "AUDIO-HOURS-USED", "no file at all");
	diag_add(&d, &e, "AUDIO-RATE", "bad \xe9 name");
	diag_add(&d, &h, "AUDIO-CH", "'%s' has 2 channels", HOSTILE);
	diag_flush(&o, &d);
	fclose(o.fp);
	diag_release(&d);
	diag_out_release(&o);
}

static int
emit(const char *dir, const char *name, enum report_format fmt)
{
	struct diag d = DIAG_INIT;
	struct report *r;
	char path[4096];
	int rc;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	r = report_new(path, fmt, "vox-test", "0.1.0", SEV_ERROR);
	fill(r);
	rc = report_close(r, &d);
	diag_release(&d);
	return rc;
}

static char *
slurp(const char *path)
{
	struct diag d = DIAG_INIT;
	struct buf b = BUF_INIT;

	io_read_file(path, &b, 0, &d);
	diag_release(&d);
	return buf_detach(&b);
}

static void
test_guess(void)
{
	enum report_format f;

	CHECK(report_format_guess("r.xml") == REPORT_JUNIT);
	CHECK(report_format_guess("r.sarif") == REPORT_SARIF);
	CHECK(report_format_guess("r.sarif.json") == REPORT_SARIF);
	CHECK(report_format_guess("r.jsonl") == REPORT_JSONL);
	CHECK(report_format_guess("report") == REPORT_NONE);
	CHECK(report_format_guess("r.json") == REPORT_NONE);
	CHECK(report_format_guess("dir.jsonl/r") == REPORT_NONE);
	CHECK(report_format_guess("r.html") == REPORT_HTML);
	CHECK(report_format_guess("r.htm") == REPORT_HTML);
	CHECK(report_format_parse("html", &f) == 0 && f == REPORT_HTML);
	CHECK(report_format_parse("junit", &f) == 0 && f == REPORT_JUNIT);
	CHECK(report_format_parse("xml", &f) == -1);
}

static void
test_jsonl(void)
{
	char *s;

	CHECK(emit(".", "r.jsonl", REPORT_JSONL) == 0);
	s = slurp("r.jsonl");
	CHECK(strstr(s, "{\"tool\": \"vox-test\", \"file\": \"set.zip\", "
	    "\"member\": \"trans.txt\", \"line\": 3, \"column\": 1, "
	    "\"rule\": \"TRANS-MATCH\", \"severity\": \"error\"") != NULL ||
	    strstr(s, "{\"tool\":\"vox-test\",\"file\":\"set.zip\","
	    "\"member\":\"trans.txt\",\"line\":3,\"column\":1,"
	    "\"rule\":\"TRANS-MATCH\",\"severity\":\"error\"") != NULL);
	/* Escaped as in text output: a tab is the two characters \t. */
	CHECK(strstr(s, "\\\"quoted\\\" <angle> & tab\\\\there") != NULL);
	CHECK(strstr(s, "\"file\":\"" HOSTILE_JSON "\"") != NULL);
	CHECK(strstr(s, "'" HOSTILE_JSON "' has 2") != NULL);
	CHECK(strstr(s, "\xe2\x80\xae") == NULL);
	CHECK(strstr(s, "'\xc3\xa9' (U+00E9)") != NULL);
	CHECK(strstr(s, "bad \\\\xE9 name") != NULL);
	CHECK(strstr(s, "\"file\":null,\"member\":null,\"line\":null") !=
	    NULL);
	free(s);
	remove("r.jsonl");
}

static void
test_junit(void)
{
	char *s;

	CHECK(emit(".", "r.xml", REPORT_JUNIT) == 0);
	s = slurp("r.xml");
	CHECK(strstr(s, "<testsuites name=\"vox-test\" tests=\"7\" "
	    "failures=\"3\">") != NULL);
	CHECK(strstr(s, "<testsuite name=\"" HOSTILE_ESC "\"") != NULL);
	CHECK(strchr(s, '\x01') == NULL && strstr(s, "\xc2\x85") == NULL);
	CHECK(strstr(s, "<testsuite name=\"clean.wav\" tests=\"1\" "
	    "failures=\"0\"") != NULL);
	CHECK(strstr(s, "&quot;quoted&quot; &lt;angle&gt; &amp;") != NULL);
	CHECK(strstr(s, "name=\"set.zip!/trans.txt:3:1\"") != NULL);
	free(s);
	remove("r.xml");
}

static void
test_sarif(void)
{
	char *s;

	CHECK(emit(".", "r.sarif", REPORT_SARIF) == 0);
	s = slurp("r.sarif");
	CHECK(strstr(s, "\"version\": \"2.1.0\"") != NULL);
	CHECK(strstr(s, "\"uri\": \"clip%203.wav\"") != NULL);
	CHECK(strstr(s, "\"startLine\": 7") != NULL);
	CHECK(strstr(s, "\"member\": \"trans.txt\"") != NULL);
	CHECK(strstr(s, "\"text\": \"'" HOSTILE_JSON "' has 2") != NULL);
	CHECK(strstr(s, "\"uri\": \"x%01%C2%85%C2%9B%E2%80%AE%E2%80%A8"
	    "%E2%81%A6.wav\"") != NULL);
	free(s);
	remove("r.sarif");
}

static void
test_json_line(void)
{
	struct jfield f[] = {
		{ "file", J_STR, "caf\xe9.wav", 0, 0 },
		{ "rate", J_INT, NULL, 16000, 0 },
		{ "peak_db", J_NUM, NULL, 0, -3.25 },
		{ "rms_db", J_NUM, NULL, 0, -1.0 / 0.0 },
		{ "mono", J_BOOL, NULL, 1, 0 },
		{ "note", J_NULL, NULL, 0, 0 }
	};
	struct buf b = BUF_INIT;

	report_json_line(&b, f, sizeof(f) / sizeof(f[0]));
	CHECK_STR(buf_str(&b), "{\"file\":\"caf\\\\xE9.wav\",\"rate\":16000,"
	    "\"peak_db\":-3.25,\"rms_db\":null,\"mono\":true,\"note\":null}\n");
	buf_release(&b);
}

static void
test_unwritable(void)
{
	CHECK(emit("no/such/dir", "r.jsonl", REPORT_JSONL) == -1);
}

int
main(int argc, char *argv[])
{
	if (argc == 2) {
		if (emit(argv[1], "r.jsonl", REPORT_JSONL) == -1 ||
		    emit(argv[1], "r.xml", REPORT_JUNIT) == -1 ||
		    emit(argv[1], "r.sarif", REPORT_SARIF) == -1)
			return 3;
		return 0;
	}
	RUN(test_guess);
	RUN(test_jsonl);
	RUN(test_junit);
	RUN(test_sarif);
	RUN(test_json_line);
	RUN(test_unwritable);
	return UNIT_EXIT();
}
