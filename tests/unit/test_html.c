/*
 * Unit tests: the HTML report's view and page (lib/html.c).  Every page
 * must parse as XML; names and texts come out escaped; the inventory
 * counts what the checks count; findings land on their file's row.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "html.h"
#include "report.h"
#include "xml.h"
#include "unit.h"

/* C0, C1, a bidi override and markup in one name. */
#define HOSTILE		"x\x01\xc2\x9b\xe2\x80\xae<b>&amp;\".wav"
#define HOSTILE_ESC	"x\\x01\\u009B\\u202E&lt;b&gt;&amp;amp;&quot;.wav"

static struct html_audio
clip(double secs)
{
	struct html_audio a;

	memset(&a, 0, sizeof(a));
	a.secs = secs;
	return a;
}

/* The page of v and the findings of d; NULL if it is not XML. */
static char *
page(struct html_view *v, const struct diag *d)
{
	struct html_run r;
	struct buf out = BUF_INIT;
	struct diag e = DIAG_INIT;
	struct xml_doc *doc;

	memset(&r, 0, sizeof(r));
	r.tool = "vox-test";
	r.version = "0";
	r.failon = SEV_ERROR;
	if (d != NULL) {
		r.v = d->v;
		r.n = d->n;
	}
	if (html_write(v, &r, &out) == -1) {
		buf_release(&out);
		return NULL;
	}
	doc = xml_read_mem(out.s, out.len, "page.html", NULL, &e);
	if (doc == NULL || e.n > 0) {
		printf("# not XML: %s\n", e.n > 0 ? e.v[0].msg : "");
		buf_release(&out);
		out.s = NULL;
	}
	xml_free(doc);
	diag_release(&e);
	return out.s;
}

/* The text of the row with id, up to its end, or NULL. */
static char *
row(const char *html, const char *id)
{
	char key[128];
	const char *at, *end;

	snprintf(key, sizeof(key), "id=\"%s\"", id);
	if ((at = strstr(html, key)) == NULL ||
	    (end = strstr(at, "</tr>")) == NULL)
		return NULL;
	return strndup(at, (size_t)(end - at));
}

static void
test_hostile(void)
{
	struct html_view *v = html_view_new();
	struct html_audio a = clip(1.5);
	struct diag d = DIAG_INIT;
	struct loc l = { HOSTILE, NULL, 0, 0 };
	char *s;

	html_dataset(v, "set");
	html_add_audio(v, HOSTILE, HOSTILE, NULL, &a);
	diag_add(&d, &l, "AUDIO-RATE", "'%s' is <bad> & \"worse\"", HOSTILE);
	html_add_transcript(v, "t.txt", NULL, "x\t</script><b>\n", 15);
	s = page(v, &d);
	REQUIRE(s != NULL);
	CHECK(strstr(s, HOSTILE_ESC) != NULL);
	CHECK(strchr(s, '\x01') == NULL);
	CHECK(strstr(s, "\xe2\x80\xae") == NULL);
	CHECK(strstr(s, "<b>") == NULL);
	CHECK(strstr(s, "</script><b>") == NULL);
	/* The one script is the page's own. */
	CHECK(strstr(strstr(s, "<script") + 1, "<script") == NULL);
	CHECK(strncmp(s, "<!DOCTYPE html>", 15) == 0);
	free(s);
	diag_release(&d);
	html_view_free(v);
}

/*
 * Characters and words as the checks see them: after a BOM, each LF
 * ends a line and a CR before it is not counted; an apostrophe (or its
 * typographic form) inside a word belongs to it; case is folded.
 */
static void
test_inventory(void)
{
	static const char t[] = "\xef\xbb\xbf" "a.wav\tDon't DON'T "
	    "don\xe2\x80\x99t\r\nb.wav\tx\xe2\x80\x8by \xd0\xb0\n";
	struct html_view *v = html_view_new();
	char *s, *r;

	html_dataset(v, "set");
	html_add_transcript(v, "set/t.txt", NULL, t, sizeof(t) - 1);
	s = page(v, NULL);
	REQUIRE(s != NULL);
	CHECK(strstr(s, "id=\"u000D-transcript\"") == NULL);
	CHECK(strstr(s, "id=\"uFEFF-transcript\"") == NULL);
	CHECK(strstr(s, "id=\"u0061-transcript\"") == NULL);	/* a name */
	r = row(s, "u200B-transcript");
	CHECK(r != NULL && strstr(r, "ZERO WIDTH SPACE") != NULL &&
	    strstr(r, "set/t.txt:2") != NULL && strstr(r, "invisible"));
	free(r);
	r = row(s, "u0430-transcript");
	CHECK(r != NULL && strstr(r, "looks like a (U+0061)") != NULL &&
	    strstr(r, "Cyrillic letter in Latin text") != NULL);
	free(r);
	r = row(s, "u0044-transcript");		/* D, twice */
	CHECK(r != NULL && strstr(r, ">2<") != NULL);
	free(r);
	/* One word "don't", three times; x and y are two words. */
	CHECK(strstr(s, "3 words") == NULL);
	CHECK(strstr(s, "6 words, a vocabulary of 4, 3 seen once") != NULL);
	CHECK(strstr(s, "<td>don't</td><td class=\"n\">3</td>") != NULL);
	free(s);
	html_view_free(v);
}

/*
 * Noncharacters are named, not written: U+FFFE and U+FFFF in a page
 * make it XML no parser takes (fuzz_html found it).
 */
static void
test_noncharacters(void)
{
	static const char t[] = "a.wav\tx\xef\xbf\xbe y\xef\xbf\xbf "
	    "z\xef\xb7\x90 \xf0\x9f\xbf\xbe\n";
	struct html_view *v = html_view_new();
	char *s, *r;

	html_dataset(v, "set");
	html_add_transcript(v, "set/t.txt", NULL, t, sizeof(t) - 1);
	html_add_text(v, "set/r.txt", t + 6, sizeof(t) - 7);
	s = page(v, NULL);
	REQUIRE(s != NULL);
	CHECK(strstr(s, "\xef\xbf\xbe") == NULL);
	CHECK(strstr(s, "\xef\xbf\xbf") == NULL);
	r = row(s, "uFFFE-transcript");
	CHECK(r != NULL && strstr(r, "(noncharacter)") != NULL);
	free(r);
	r = row(s, "uFDD0-text");
	CHECK(r != NULL && strstr(r, "(noncharacter)") != NULL);
	free(r);
	r = row(s, "u1FFFE-transcript");
	CHECK(r != NULL && strstr(r, "(noncharacter)") != NULL);
	free(r);
	free(s);
	html_view_free(v);
}

/* Han and kana are words one character at a time; Latin runs are not. */
static void
test_cjk(void)
{
	static const char t[] = "\xe6\x9d\xb1\xe4\xba\xac\xe3\x81\xb8 "
	    "Tokyo tower\n";
	struct html_view *v = html_view_new();
	char *s;

	html_add_text(v, "ja.txt", t, sizeof(t) - 1);
	s = page(v, NULL);
	REQUIRE(s != NULL);
	CHECK(strstr(s, "5 words, a vocabulary of 5, 5 seen once") != NULL);
	CHECK(strstr(s, "id=\"u6771-text\"") != NULL);
	CHECK(strstr(s, "Han") != NULL);
	free(s);
	html_view_free(v);
}

/*
 * A finding about an audio file, or about its clip's transcript line,
 * is on the file's row; TRANS-RATE makes the clip an outlier.
 */
static void
test_match(void)
{
	struct html_view *v = html_view_new();
	struct html_audio a = clip(2.0), b = clip(2.5);
	struct diag d = DIAG_INIT;
	struct loc la = { "set/a.wav", NULL, 0, 0 };
	struct loc lt = { "set/t.txt", NULL, 2, 0 };
	char *s, *r;

	html_dataset(v, "set");
	html_add_audio(v, "a.wav", "set/a.wav", NULL, &a);
	html_add_audio(v, "b.wav", "set/b.wav", NULL, &b);
	html_add_transcript(v, "set/t.txt", NULL, "a.wav\tone two\n"
	    "b.wav\tthree\n", 26);
	html_add_line(v, "a.wav", 1, 2, 6);
	html_add_line(v, "b.wav", 2, 1, 5);
	html_dataset_end(v, 1, 1, 2, 4.5, 2);
	diag_add(&d, &la, "AUDIO-RATE", "rate");
	diag_addsev(&d, &la, "AUDIO-PAD", SEV_NOTE, "pad");
	diag_add(&d, &lt, "TRANS-RATE", "rate");
	s = page(v, &d);
	REQUIRE(s != NULL);
	CHECK(strstr(s, "<td>set/a.wav</td><td>2.00</td><td>2</td>"
	    "<td>3.0</td><td class=\"sev-error\" data-v=\"3 AUDIO-RATE\">"
	    "<a href=\"#rule-AUDIO-RATE\">error AUDIO-RATE</a> (2)</td>") !=
	    NULL);
	CHECK(strstr(s, "<td>set/b.wav</td><td>2.50</td><td>1</td>"
	    "<td>2.0</td><td class=\"sev-warning\"") != NULL);
	CHECK(strstr(s, "<td>set/b.wav</td><td class=\"n\">2.50</td>") !=
	    NULL);
	r = row(s, "rule-TRANS-RATE");
	CHECK(r != NULL && strstr(r, ">1<") != NULL);
	free(r);
	CHECK(strstr(s, "id=\"n-errors\">1<") != NULL);
	CHECK(strstr(s, "id=\"n-warnings\">1<") != NULL);
	CHECK(strstr(s, "id=\"n-notes\">1<") != NULL);
	CHECK(strstr(s, "id=\"hours\">0.001 h (4.5 s)<") != NULL);
	free(s);
	diag_release(&d);
	html_view_free(v);
}

/* vox-prepare's renaming: work copies to the user's files and lines. */
static void
to_raw(void *ctx, char **file, unsigned long *line)
{
	int *calls = ctx;

	(*calls)++;
	if (strcmp(*file, "work/x.wav") == 0) {
		free(*file);
		*file = strdup("raw/x.flac");
	} else if (strcmp(*file, "work/t.txt") == 0) {
		free(*file);
		*file = strdup("raw/t.txt");
		if (*line == 1)
			*line = 3;
	}
}

static void
test_rename(void)
{
	struct html_view *v = html_view_new();
	struct html_audio a = clip(1.0);
	char *s, *r;
	int calls = 0;

	html_dataset(v, "work");
	html_add_audio(v, "x.wav", "work/x.wav", NULL, &a);
	html_add_transcript(v, "work/t.txt", NULL, "x.wav\tq\n", 8);
	html_add_line(v, "x.wav", 1, 1, 1);
	html_rename(v, to_raw, &calls);
	s = page(v, NULL);
	REQUIRE(s != NULL);
	CHECK(calls > 0);
	CHECK(strstr(s, "work/") == NULL);
	CHECK(strstr(s, "<td>raw/x.flac</td>") != NULL);
	r = row(s, "u0071-transcript");
	CHECK(r != NULL && strstr(r, "raw/t.txt:3") != NULL);
	free(r);
	free(s);
	html_view_free(v);
}

static void
test_empty(void)
{
	struct html_view *v = html_view_new();
	char *s;

	s = page(v, NULL);
	REQUIRE(s != NULL);
	CHECK(strstr(s, "No findings.") != NULL);
	CHECK(strstr(s, "id=\"files\"") == NULL);
	CHECK(strstr(s, "http://") == strstr(s, "http://www.w3.org/"));
	CHECK(strstr(s, "src=") == NULL);
	free(s);
	html_view_free(v);
}

static void
test_wer(void)
{
	struct html_view *v = html_view_new();
	struct html_score sum, u;
	char *s;

	memset(&sum, 0, sizeof(sum));
	sum.words = 4;
	sum.corr = 3;
	sum.sub = 1;
	sum.utts = 2;
	sum.err_utts = 1;
	html_wer_system(v, "model <a>", "WER", &sum);
	memset(&u, 0, sizeof(u));
	u.words = 2;
	u.corr = 1;
	u.sub = 1;
	html_wer_utt(v, "u1", "a & b", "a c", &u);
	u.corr = 2;
	u.sub = 0;
	html_wer_utt(v, "u2", "d e", NULL, &u);
	html_wer_confusion(v, "b", "c", 1);
	s = page(v, NULL);
	REQUIRE(s != NULL);
	CHECK(strstr(s, "<td>model &lt;a&gt;</td><td class=\"n\">4</td>") !=
	    NULL);
	CHECK(strstr(s, "<td class=\"n\">25.00</td>") != NULL);
	CHECK(strstr(s, "<td class=\"txt\">a &amp; b</td>") != NULL);
	CHECK(strstr(s, "<td>substitution</td><td>b</td><td>c</td>") !=
	    NULL);
	CHECK(strstr(s, "<td>u2</td><td>2</td><td>0</td><td>0.0</td>") !=
	    NULL);
	free(s);
	html_view_free(v);
}

/* A report in HTML is the page; an unknown extension is no format. */
static void
test_report(void)
{
	struct report *r;
	struct diag d = DIAG_INIT;
	struct loc l = { "a.wav", NULL, 0, 0 };
	struct buf b = BUF_INIT;
	FILE *fp;
	char buf[256];

	CHECK(report_format_guess("x.txt") == REPORT_NONE);
	r = report_new("r.html", REPORT_NONE, "vox-test", "1.0", SEV_ERROR);
	REQUIRE(report_view(r) != NULL);
	diag_add(&d, &l, "AUDIO-RATE", "bad rate");
	report_add(r, &d.v[0]);
	CHECK(report_close(r, &d) == 0);
	fp = fopen("r.html", "r");
	REQUIRE(fp != NULL);
	while (fgets(buf, sizeof(buf), fp) != NULL)
		buf_addstr(&b, buf);
	fclose(fp);
	remove("r.html");
	CHECK(strncmp(buf_str(&b), "<!DOCTYPE html>", 15) == 0);
	CHECK(strstr(buf_str(&b), "id=\"rule-AUDIO-RATE\"") != NULL);
	CHECK(strstr(buf_str(&b), "vox-test 1.0") != NULL);
	buf_release(&b);
	diag_release(&d);
}

static uint32_t
rnd(uint32_t *x)
{
	*x ^= *x << 13;
	*x ^= *x >> 17;
	*x ^= *x << 5;
	return *x;
}

static int
dbl_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* The median by sorting, the reference for the page's own. */
static double
median_ref(double *v, size_t n)
{
	qsort(v, n, sizeof(*v), dbl_cmp);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/*
 * The medians of a page (durations; log rates and their deviations,
 * which say which clips stand out) are selected, not sorted: on seeded
 * sets of every size, with many equal values, they must be the sorted
 * ones.
 */
static void
test_medians(void)
{
	double secs[300], l[300], med, mad, z;
	size_t chars[300], it, i, n, k, far;
	uint32_t seed = 99;
	char want[160], name[32], *s;
	int bad = 0;

	for (it = 0; it < 150 && bad < 3; it++) {
		struct html_view *v = html_view_new();

		n = 1 + rnd(&seed) % (it % 5 == 0 ? 300 : 40);
		html_dataset(v, "set");
		for (i = 0; i < n; i++) {
			struct html_audio a;

			a = clip(it % 3 == 0 ? 0.5 + (double)(rnd(&seed) % 4) :
			    0.1 + (double)(rnd(&seed) % 900) / 100);
			secs[i] = a.secs;
			chars[i] = rnd(&seed) % 20 == 0 ? 1 + rnd(&seed) % 400 :
			    10 * (size_t)a.secs + rnd(&seed) % 8;
			snprintf(name, sizeof(name), "c%zu.wav", i);
			html_add_audio(v, name, name, NULL, &a);
			html_add_line(v, name, i + 1, 1, chars[i]);
		}
		s = page(v, NULL);
		for (k = 0, i = 0; i < n; i++)	/* no rate of no text */
			if (chars[i] > 0)
				l[k++] = log((double)chars[i] / secs[i]);
		med = median_ref(l, k);
		for (i = 0; i < k; i++)
			l[i] = fabs(l[i] - med);
		mad = median_ref(l, k);
		for (far = 0, i = 0; k >= 8 && mad > 0 && i < n; i++) {
			if (chars[i] == 0)
				continue;
			z = 0.6745 * (log((double)chars[i] / secs[i]) - med) /
			    mad;
			far += fabs(z) > 3.5;
		}
		snprintf(want, sizeof(want), ">%zu %s out<", far, far == 1 ?
		    "clip stands" : "clips stand");
		if (s == NULL || strstr(s, want) == NULL) {
			printf("# %zu clips: no '%s'\n", n, want);
			bad++;
		}
		med = median_ref(secs, n);
		snprintf(want, sizeof(want), "shortest %.2f s, median %.2f s, "
		    "longest %.2f s<", secs[0], med, secs[n - 1]);
		if (s == NULL || strstr(s, want) == NULL) {
			printf("# %zu clips: no '%s'\n", n, want);
			bad++;
		}
		free(s);
		html_view_free(v);
	}
	CHECK(bad == 0);
}

/*
 * With threads to spare, the rows of a big files table are made by a
 * thread of their own: the page must be the one a single thread makes,
 * names, levels, findings and all, row for row.
 */
static void
test_rows_apart(void)
{
	struct diag d = DIAG_INIT;
	struct buf name = BUF_INIT, file = BUF_INIT;
	char *one = NULL, *two = NULL;
	uint32_t seed = 5;
	size_t i, k;

	for (k = 0; k < 2; k++) {
		struct html_view *v = html_view_new();

		html_threads(v, k == 0 ? 1 : 4);
		html_dataset(v, "set");
		seed = 5;
		for (i = 0; i < 2600; i++) {
			struct html_audio a = clip(0.5 + rnd(&seed) % 500 /
			    100.0);
			struct loc l = { NULL, NULL, 0, 0 };

			buf_reset(&name);
			buf_printf(&name, i % 7 == 0 ? HOSTILE "%zu" :
			    "c%05zu.wav", i);
			buf_reset(&file);
			buf_printf(&file, "set/%s", buf_str(&name));
			a.scanned = i % 3 != 0;
			a.rms_db = i % 11 == 0 ? -INFINITY : -30.0 + i % 20;
			a.peak_db = a.rms_db + 6;
			a.lead_s = rnd(&seed) % 90 / 100.0;
			a.trail_s = rnd(&seed) % 90 / 100.0;
			a.silent = i % 11 == 0;
			if (i % 13 != 5)
				html_add_audio(v, buf_str(&name),
				    buf_str(&file), NULL, &a);
			if (i % 17 != 3)
				html_add_line(v, buf_str(&name), i + 1,
				    1 + i % 9, 5 + i % 60);
			l.file = buf_str(&file);
			if (k == 0 && i % 5 == 0)
				diag_add(&d, &l, "AUDIO-CLIP", "clipped");
			if (k == 0 && i % 10 == 0)
				diag_add(&d, &l, "AUDIO-RATE", "rate");
		}
		html_dataset_end(v, 1, 1, 2600, 7000, 2600);
		if (k == 0)
			one = page(v, &d);
		else
			two = page(v, &d);
		html_view_free(v);
	}
	REQUIRE(one != NULL && two != NULL);
	CHECK(strstr(one, "<td>set/c02599.wav</td>") != NULL);
	CHECK(strcmp(one, two) == 0);
	free(one);
	free(two);
	buf_release(&name);
	buf_release(&file);
	diag_release(&d);
}

int
main(void)
{
	RUN(test_hostile);
	RUN(test_inventory);
	RUN(test_noncharacters);
	RUN(test_cjk);
	RUN(test_match);
	RUN(test_rename);
	RUN(test_empty);
	RUN(test_wer);
	RUN(test_report);
	RUN(test_medians);
	RUN(test_rows_apart);
	return UNIT_EXIT();
}
