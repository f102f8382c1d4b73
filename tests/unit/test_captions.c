/* Unit tests for lib/captions.c: caption and label files as cues. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "captions.h"
#include "diag.h"
#include "unit.h"

static struct diag d;
static struct cues c;
static struct buf out;

static int
parse(enum cap_format f, const char *s, const char *tier)
{
	diag_clear(&d);
	return cap_parse(s, strlen(s), "t", f, tier, &c, &d);
}

static int
parse_n(enum cap_format f, const char *s, size_t n, const char *tier)
{
	diag_clear(&d);
	return cap_parse(s, n, "t", f, tier, &c, &d);
}

/* The n-th finding of rule id (from 0), or NULL. */
static const struct finding *
nth(const char *id, size_t n)
{
	size_t i;

	for (i = 0; i < d.n; i++)
		if (d.v[i].rule != NULL && strcmp(d.v[i].rule->id, id) == 0 &&
		    n-- == 0)
			return &d.v[i];
	return NULL;
}

static const struct finding *
find(const char *id)
{
	return nth(id, 0);
}

static size_t
count(const char *id)
{
	size_t n = 0;

	while (nth(id, n) != NULL)
		n++;
	return n;
}

/* cap_clean() of s, its flags in *fl (unless NULL). */
static const char *
clean(const char *s, unsigned int *fl, char **who)
{
	unsigned int f;

	buf_reset(&out);
	f = cap_clean(s, &out, who);
	if (fl != NULL)
		*fl = f;
	return out.s != NULL ? out.s : "";
}

static char *
slurp(const char *name, size_t *len)
{
	char path[4096];
	FILE *fp;
	char *s;
	long n;

	snprintf(path, sizeof(path), "%s/../captions/%s", unit_vendor(),
	    name);
	if ((fp = fopen(path, "rb")) == NULL)
		return NULL;
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	rewind(fp);
	s = malloc((size_t)n + 1);
	if (s != NULL && fread(s, 1, (size_t)n, fp) != (size_t)n) {
		free(s);
		s = NULL;
	}
	if (s != NULL)
		s[n] = '\0';
	fclose(fp);
	*len = (size_t)n;
	return s;
}

static const double five_t[5][2] = {
	{ 0.5, 2.25 }, { 3, 5.125 }, { 6, 8 }, { 9.25, 12.75 }, { 13, 15.5 }
};
static const char *const five_text[5] = {
	"Hello there.", "How are you today?", "I am fine, thanks.",
	"The weather is nice.", "See you tomorrow."
};

/* c holds the five cues of tests/data/captions, exactly. */
static void
check_five(const char *what)
{
	size_t i;

	if (c.n != 5) {
		printf("# %s: %zu cues\n", what, c.n);
		unit_failed++;
		return;
	}
	for (i = 0; i < 5; i++) {
		if (c.v[i].start != five_t[i][0] ||
		    c.v[i].end != five_t[i][1]) {
			printf("# %s: cue %zu is %.17g-%.17g\n", what, i,
			    c.v[i].start, c.v[i].end);
			unit_failed++;
		}
		CHECK_STR(clean(c.v[i].text, NULL, NULL), five_text[i]);
		CHECK(c.v[i].overlap == 0);
	}
	CHECK(d.n == 0);
}

/* The same five cues in every format give the same cues. */
static void
test_same(void)
{
	static const struct {
		const char	*file;
		enum cap_format	 f;
	} files[] = {
		{ "five.srt", CAP_SRT }, { "five.vtt", CAP_VTT },
		{ "five.TextGrid", CAP_TEXTGRID }, { "five.eaf", CAP_ELAN },
		{ "five-labels.txt", CAP_AUDACITY }
	};
	const char *who[5] = { "Ann", "Bob", "Ann", "Bob", "Ann" };
	char dir[4096];
	size_t i, len;
	char *s;

	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		s = slurp(files[i].file, &len);
		REQUIRE(s != NULL);
		/* By content: the name says nothing. */
		CHECK(cap_detect(s, len, "labels") == (int)files[i].f);
		diag_clear(&d);
		CHECK(cap_parse(s, len, files[i].file, files[i].f, NULL, &c,
		    &d) == 0);
		check_five(files[i].file);
		free(s);
	}
	/* Lines: the timing line, the interval, the annotation. */
	parse(CAP_SRT, "", NULL);
	s = slurp("five.srt", &len);
	REQUIRE(s != NULL);
	diag_clear(&d);
	cap_parse(s, len, "five.srt", CAP_SRT, NULL, &c, &d);
	free(s);
	CHECK(c.n == 5 && c.v[0].line == 2 && c.v[4].line == 19);
	CHECK(c.v[0].speaker == NULL);
	CHECK_STR(c.name, "five.srt");
	CHECK(c.fmt == CAP_SRT);

	s = slurp("five.vtt", &len);
	REQUIRE(s != NULL);
	diag_clear(&d);
	cap_parse(s, len, "five.vtt", CAP_VTT, NULL, &c, &d);
	free(s);
	REQUIRE(c.n == 5);
	for (i = 0; i < 5; i++)
		CHECK_STR(c.v[i].speaker, who[i]);
	CHECK(c.v[0].line == 12);

	s = slurp("five.TextGrid", &len);
	REQUIRE(s != NULL);
	diag_clear(&d);
	cap_parse(s, len, "five.TextGrid", CAP_TEXTGRID, NULL, &c, &d);
	free(s);
	CHECK(c.n == 5 && c.v[0].line == 20);
	CHECK_STR(c.tier, "words");

	s = slurp("five.eaf", &len);
	REQUIRE(s != NULL);
	diag_clear(&d);
	cap_parse(s, len, "five.eaf", CAP_ELAN, NULL, &c, &d);
	free(s);
	CHECK(c.n == 5 && c.v[0].line == 20);
	CHECK_STR(c.tier, "Transcription");

	snprintf(dir, sizeof(dir), "%s/../captions/kaldi", unit_vendor());
	diag_clear(&d);
	CHECK(cap_parse_kaldi_dir(dir, "five", &c, &d) == 0);
	check_five("kaldi");
	REQUIRE(c.n == 5);
	CHECK(c.fmt == CAP_KALDI);
	CHECK_STR(c.tier, "five");
	CHECK(strstr(c.name, "kaldi/segments") != NULL);
	CHECK(c.v[0].line == 1 && c.v[2].line == 4);
	CHECK_STR(c.v[0].speaker, "ann");
	CHECK_STR(c.v[3].speaker, "bob");
	/* utt2spk's "five-005 five-005": no speaker. */
	CHECK(c.v[4].speaker == NULL);
}

static void
test_detect(void)
{
	static const char utf16[] = "\xfe\xff\0F\0i\0l\0e\0 \0t\0y\0p\0e\0 "
	    "\0=\0 \0\"\0o\0o\0T\0e\0x\0t\0F\0i\0l\0e\0\"\0\n\0O\0b\0j\0e\0c"
	    "\0t\0 \0c\0l\0a\0s\0s\0 \0=\0 \0\"\0T\0e\0x\0t\0G\0r\0i\0d\0\"";
	const char *srt = "\n\n1\n00:00:01,000 --> 00:00:02,000\nHi\n";

	CHECK(cap_detect(srt, strlen(srt), NULL) == CAP_SRT);
	CHECK(cap_detect(srt, strlen(srt), "a.vtt") == CAP_VTT);
	CHECK(cap_detect("00:01.000 --> 00:02.000\nHi\n", 27, NULL) ==
	    CAP_SRT);
	CHECK(cap_detect("WEBVTT\n", 7, "x.srt") == CAP_VTT);
	CHECK(cap_detect("\xef\xbb\xbfWEBVTT", 9, NULL) == CAP_VTT);
	CHECK(cap_detect("WEBVTTX\n", 8, NULL) == -1);
	CHECK(cap_detect("  <?xml version=\"1.0\"?>\n<ANNOTATION_DOCUMENT>",
	    46, NULL) == CAP_ELAN);
	CHECK(cap_detect("<?xml version=\"1.0\"?><lexicon/>", 31, "a.eaf") ==
	    CAP_ELAN);
	CHECK(cap_detect("<?xml version=\"1.0\"?><lexicon/>", 31, "a.xml") ==
	    -1);
	CHECK(cap_detect("1.5\t2.5\tHi\n", 11, NULL) == CAP_AUDACITY);
	CHECK(cap_detect("1,5\t2,5\n", 8, NULL) == CAP_AUDACITY);
	CHECK(cap_detect("1.5 2.5 Hi\n", 11, NULL) == -1);
	CHECK(cap_detect(utf16, sizeof(utf16) - 1, NULL) == CAP_TEXTGRID);
	/* Content that tells nothing: the extension, any case. */
	CHECK(cap_detect("", 0, "a.SRT") == CAP_SRT);
	CHECK(cap_detect("", 0, "a.textgrid") == CAP_TEXTGRID);
	CHECK(cap_detect("", 0, "a.txt") == -1);
	CHECK(cap_detect("hello\n", 6, NULL) == -1);

	CHECK(cap_format_parse("SRT") == CAP_SRT);
	CHECK(cap_format_parse("webvtt") == CAP_VTT);
	CHECK(cap_format_parse("eaf") == CAP_ELAN);
	CHECK(cap_format_parse("TextGrid") == CAP_TEXTGRID);
	CHECK(cap_format_parse("kaldi") == CAP_KALDI);
	CHECK(cap_format_parse("labels") == CAP_AUDACITY);
	CHECK(cap_format_parse("ass") == -1);
	CHECK_STR(cap_format_name(CAP_ELAN), "ELAN");
}

static void
test_srt(void)
{
	const struct finding *f;

	/* No blank lines at all, '.' before milliseconds, CRLF. */
	CHECK(parse(CAP_SRT, "1\r\n00:00:01.000 --> 00:00:02.500\r\nOne\r\n"
	    "2\r\n00:00:03,000 --> 00:00:04,000\r\nTwo\r\nlines\r\n3\r\n"
	    "00:00:05,000 --> 00:00:06,000\r\n42\r\n", NULL) == 0);
	REQUIRE(c.n == 3);
	CHECK_STR(c.v[0].text, "One");
	CHECK(c.v[0].start == 1 && c.v[0].end == 2.5);
	CHECK_STR(c.v[1].text, "Two\nlines");
	CHECK(c.v[1].line == 5);
	/* A number at the very end is the cue's text. */
	CHECK_STR(c.v[2].text, "42");
	CHECK(d.n == 0);

	/* CR alone, hours of one digit, one or two fraction digits. */
	CHECK(parse(CAP_SRT, "1\r0:00:01,5 --> 0:00:02,25\rOne\r", NULL) ==
	    0);
	REQUIRE(c.n == 1);
	CHECK(c.v[0].start == 1.5 && c.v[0].end == 2.25);

	/* Position settings after the end time are ignored. */
	CHECK(parse(CAP_SRT, "1\n00:00:01,000 --> 00:00:02,000 X1:10 X2:20\n"
	    "A\n", NULL) == 0);
	CHECK(c.n == 1 && d.n == 0);

	/* A blank line inside the text: kept in the cue, a warning. */
	CHECK(parse(CAP_SRT, "1\n00:00:01,000 --> 00:00:02,000\nFirst\n\n"
	    "second\n\n2\n00:00:03,000 --> 00:00:04,000\nB\n", NULL) == 0);
	REQUIRE(c.n == 2);
	CHECK_STR(c.v[0].text, "First\nsecond");
	REQUIRE((f = find("SEG-PARSE")) != NULL);
	CHECK(f->sev == SEV_WARNING && f->line == 5);

	/* A bad timing line: the cue is skipped, the next one read. */
	CHECK(parse(CAP_SRT, "1\n00:00:01,000 -> 00:00:02,000\nBad\n\n"
	    "2\n00:00:03,000 --> 00:00:04;000\nBad too\n\n"
	    "3\n00:00:05,000 --> 00:00:06,000\nGood\n", NULL) == 0);
	REQUIRE(c.n == 1);
	CHECK_STR(c.v[0].text, "Good");
	/* "->" is no arrow: the line is text outside a cue. */
	REQUIRE((f = nth("SEG-PARSE", 0)) != NULL);
	CHECK(f->line == 1 && f->sev == SEV_ERROR);
	REQUIRE((f = nth("SEG-PARSE", 1)) != NULL);
	CHECK(f->line == 6 && f->col == 26);
	CHECK(count("SEG-PARSE") == 2);

	/* Hours: up to 6 digits; more would overflow. */
	CHECK(parse(CAP_SRT, "1\n999999:00:00,000 --> 999999:00:01,000\nA\n"
	    "\n2\n9999999:00:00,000 --> 9999999:00:01,000\nB\n", NULL) == 0);
	REQUIRE(c.n == 1);
	CHECK(c.v[0].start == 999999.0 * 3600);
	CHECK(count("SEG-PARSE") == 1 && find("SEG-PARSE")->line == 6);

	/* Minutes and seconds past 59 are not times. */
	CHECK(parse(CAP_SRT, "1\n00:61:00,000 --> 00:62:00,000\nA\n", NULL) ==
	    0);
	CHECK(c.n == 0 && find("SEG-PARSE") != NULL);
	CHECK(find("SEG-EMPTY") != NULL);

	/* Text before any timing line, a number with no timing line. */
	CHECK(parse(CAP_SRT, "Hello\nworld\n\n7\nnot a time\n\n"
	    "8\n00:00:01,000 --> 00:00:02,000\nOK\n", NULL) == 0);
	CHECK(c.n == 1);
	REQUIRE((f = nth("SEG-PARSE", 0)) != NULL);
	CHECK(f->line == 1);
	REQUIRE((f = nth("SEG-PARSE", 1)) != NULL);
	CHECK(f->line == 4);

	/* Blank lines between a number and its timing line. */
	CHECK(parse(CAP_SRT, "\n\n1\n\n00:00:01,000 --> 00:00:02,000\nA\n\n\n"
	    "2\n\n\n00:00:03,000 --> 00:00:04,000\nB\n", NULL) == 0);
	CHECK(c.n == 2 && d.n == 0);

	/* End before start; no length. */
	CHECK(parse(CAP_SRT, "1\n00:00:05,000 --> 00:00:04,000\nA\n\n"
	    "2\n00:00:06,000 --> 00:00:06,000\nB\n\n"
	    "3\n00:00:07,000 --> 00:00:08,000\nC\n", NULL) == 0);
	REQUIRE(c.n == 1);
	CHECK_STR(c.v[0].text, "C");
	REQUIRE((f = nth("SEG-TIME", 0)) != NULL);
	CHECK(f->line == 2 && f->sev == SEV_WARNING);
	CHECK(strstr(f->msg, "before it starts") != NULL);
	REQUIRE((f = nth("SEG-TIME", 1)) != NULL);
	CHECK(f->line == 6);

	/* A timing line right below another: the first has no text. */
	CHECK(parse(CAP_SRT, "1\n00:00:01,000 --> 00:00:02,000\n"
	    "00:00:03,000 --> 00:00:04,000\nB\n", NULL) == 0);
	CHECK(c.n == 1 && d.n == 0);
	CHECK(parse(CAP_VTT, "WEBVTT\n\n00:01.000 --> 00:02.000\n"
	    "00:03.000 --> 00:04.000\nB\n", NULL) == 0);
	CHECK(c.n == 1 && d.n == 0);

	/* A cue without text is no cue; nothing left is SEG-EMPTY. */
	CHECK(parse(CAP_SRT, "1\n00:00:01,000 --> 00:00:02,000\n\n", NULL) ==
	    0);
	CHECK(c.n == 0 && count("SEG-EMPTY") == 1 && d.n == 1);
}

static void
test_vtt(void)
{
	const struct finding *f;

	CHECK(parse(CAP_VTT, "WEBVTT\n\nREGION\nid:fred\nwidth:40%\n\n"
	    "STYLE\n::cue { color: red }\n\nNOTE a comment\n\n"
	    "a-b-c\n01:00.000 --> 01:02.500 region:fred align:left\n"
	    "<v.first.loud Esme Smith>It's <i>you</i>\n\n"
	    "NOTE\nmore\n\n"
	    "2:00:00.000 --> 2:00:01.000\n<v Bob>Hi</v> <v Ann>Hello\n",
	    NULL) == 0);
	REQUIRE(c.n == 2);
	CHECK(c.v[0].start == 60 && c.v[0].end == 62.5);
	CHECK(c.v[0].line == 13);
	CHECK_STR(c.v[0].speaker, "Esme Smith");
	CHECK_STR(clean(c.v[0].text, NULL, NULL), "It's you");
	CHECK(c.v[1].start == 7200);
	CHECK_STR(c.v[1].speaker, "Bob");
	CHECK(d.n == 0);

	/* A cue right below the header; a block that is no cue. */
	CHECK(parse(CAP_VTT, "WEBVTT\n00:01.000 --> 00:02.000\nA\n\n"
	    "junk\nmore junk\n\nalso junk\n\n"
	    "00:03.000 --> 00:04.000\nB\n", NULL) == 0);
	CHECK(c.n == 2);
	CHECK(count("SEG-PARSE") == 2);
	REQUIRE((f = find("SEG-PARSE")) != NULL);
	CHECK(f->line == 5);

	/* A line of blanks is text, not the end of the cue. */
	CHECK(parse(CAP_VTT, "WEBVTT\nKind: captions\n\n"
	    "00:00.000 --> 00:02.360 align:start position:0%\n \n"
	    "so<00:00:00.480><c> today</c>\n", NULL) == 0);
	REQUIRE(c.n == 1);
	CHECK_STR(clean(c.v[0].text, NULL, NULL), "so today");
	CHECK(d.n == 0);

	/* No header: read anyway, with a warning. */
	CHECK(parse(CAP_VTT, "00:01.000 --> 00:02.000\nA\n", NULL) == 0);
	CHECK(c.n == 1);
	REQUIRE((f = find("SEG-PARSE")) != NULL);
	CHECK(f->sev == SEV_WARNING && f->line == 1);

	/* A bad timestamp: the cue is skipped. */
	CHECK(parse(CAP_VTT, "WEBVTT\n\n00:01.000 --> 00:0x.000\nA\n\n"
	    "00:03.000 --> 00:04.000\nB\n", NULL) == 0);
	CHECK(c.n == 1 && count("SEG-PARSE") == 1);
	CHECK(find("SEG-PARSE")->line == 3 && find("SEG-PARSE")->col == 19);
}

static const char tg_short[] =
    "File type = \"ooTextFile\"\nObject class = \"TextGrid\"\n\n"
    "0\n3\n<exists>\n2\n"
    "\"IntervalTier\"\n\"A\"\n0\n3\n3\n"
    "0\n1\n\"Say \"\"hi\"\"\"\n1\n2\n\"\"\n2\n3\n\"two\nlines\"\n"
    "\"IntervalTier\"\n\"B\"\n0\n3\n1\n"
    "0.5\n2.5\n\"over\"\n";

static void
test_textgrid(void)
{
	const struct finding *f;
	char *u16;
	size_t i, n;

	/* Two tiers with cues, none chosen: a finding naming them. */
	CHECK(parse(CAP_TEXTGRID, tg_short, NULL) == -1);
	CHECK(c.n == 0);
	REQUIRE((f = find("SEG-TIER")) != NULL);
	CHECK(strstr(f->msg, "'A', 'B'") != NULL);

	CHECK(parse(CAP_TEXTGRID, tg_short, "A") == 0);
	REQUIRE(c.n == 2);
	CHECK_STR(c.v[0].text, "Say \"hi\"");
	CHECK(c.v[0].line == 13 && c.v[0].speaker == NULL);
	CHECK_STR(c.v[1].text, "two\nlines");
	CHECK(c.v[1].start == 2 && c.v[1].end == 3);

	/* Both: each cue's speaker is its tier; B overlaps A. */
	CHECK(parse(CAP_TEXTGRID, tg_short, "A,B") == 0);
	REQUIRE(c.n == 3);
	CHECK_STR(c.v[1].text, "over");
	CHECK_STR(c.v[1].speaker, "B");
	CHECK_STR(c.v[0].speaker, "A");
	CHECK(c.v[1].overlap == 13);
	CHECK(c.v[2].overlap == 28 && count("SEG-OVERLAP") == 2);
	CHECK_STR(c.tier, "A,B");
	REQUIRE((f = find("SEG-OVERLAP")) != NULL);
	CHECK(f->line == 28 && strstr(f->msg, "0.500 s") != NULL);

	CHECK(parse(CAP_TEXTGRID, tg_short, "C") == -1);
	REQUIRE((f = find("SEG-TIER")) != NULL);
	CHECK(strstr(f->msg, "'C'") != NULL);
	CHECK(parse(CAP_TEXTGRID, tg_short, "A,C") == -1);
	CHECK(find("SEG-TIER") != NULL && c.n == 0);

	/* Comments, a point tier that cannot be chosen. */
	CHECK(parse(CAP_TEXTGRID, "File type = \"ooTextFile\" ! a comment\n"
	    "Object class = \"TextGrid\"\n0 1 <exists> 2\n"
	    "\"TextTier\" \"P\" 0 1 1 0.5 \"x\"\n"
	    "\"IntervalTier\" \"W\" 0 1 1 0 1 \"w\"\n", NULL) == 0);
	CHECK(c.n == 1);
	CHECK(parse(CAP_TEXTGRID, "File type = \"ooTextFile\"\n"
	    "Object class = \"TextGrid\"\n0 1 <exists> 1\n"
	    "\"TextTier\" \"P\" 0 1 1 0.5 \"x\"\n", "P") == -1);
	CHECK(find("SEG-TIER") != NULL);

	/* Truncated: where it ends; the file is not read. */
	CHECK(parse(CAP_TEXTGRID, "File type = \"ooTextFile\"\n"
	    "Object class = \"TextGrid\"\n0 1 <exists> 1\n"
	    "\"IntervalTier\" \"W\" 0 1 2 0 0.5 \"a\"\n0.5 @", NULL) == -1);
	REQUIRE((f = find("SEG-PARSE")) != NULL);
	CHECK(f->line == 5 && f->col == 5);
	CHECK(parse(CAP_TEXTGRID, "File type = \"ooTextFile\"\n"
	    "Object class = \"TextGrid\"\n0 1 <exists> 1\n"
	    "\"IntervalTier\" \"W\" 0 1 1 0 0.5 \"a", NULL) == -1);
	CHECK(find("SEG-PARSE") != NULL);
	CHECK(parse(CAP_TEXTGRID, "\"\"", NULL) == -1);
	CHECK(find("SEG-FORMAT") != NULL);
	/* A tier may have an empty name. */
	CHECK(parse(CAP_TEXTGRID, "\"ooTextFile\" \"TextGrid\" 0 1 <exists> 1 "
	    "\"IntervalTier\" \"\" 0 1 1 0 1 \"a\"", NULL) == 0);
	CHECK(c.n == 1 && c.tier != NULL && c.tier[0] == '\0');
	CHECK(parse(CAP_TEXTGRID, "File type = \"ooTextFile\"\n"
	    "Object class = \"Pitch 1\"\n", NULL) == -1);
	CHECK(find("SEG-FORMAT") != NULL);
	CHECK(parse(CAP_TEXTGRID, "File type = \"ooTextFile\"\n"
	    "Object class = \"TextGrid\"\n0 1 <absent>\n", NULL) == 0);
	CHECK(c.n == 0 && find("SEG-EMPTY") != NULL);

	/* UTF-16 big-endian with a BOM, as Praat writes it. */
	n = strlen(tg_short);
	u16 = malloc(2 * n + 2);
	REQUIRE(u16 != NULL);
	u16[0] = (char)0xfe;
	u16[1] = (char)0xff;
	for (i = 0; i < n; i++) {
		u16[2 + 2 * i] = 0;
		u16[3 + 2 * i] = tg_short[i];
	}
	CHECK(parse_n(CAP_TEXTGRID, u16, 2 * n + 2, "B") == 0);
	CHECK(c.n == 1 && c.v[0].start == 0.5 && c.v[0].line == 28);
	/* An odd byte at the end is no UTF-16. */
	CHECK(parse_n(CAP_TEXTGRID, u16, 2 * n + 1, "B") == -1);
	CHECK(find("SEG-ENC") != NULL);
	free(u16);

	/* Times past a century are errors, not wrapped numbers. */
	CHECK(parse(CAP_TEXTGRID, "\"ooTextFile\" \"TextGrid\" 0 1e30 "
	    "<exists> 0", NULL) == -1);
	CHECK(find("SEG-PARSE") != NULL);
	CHECK(parse(CAP_TEXTGRID, "\"ooTextFile\" \"TextGrid\" 0 "
	    "20000000000 <exists> 0", NULL) == -1);
	CHECK(find("SEG-PARSE") != NULL);

	/* Exponents and many digits: to the nanosecond. */
	CHECK(parse(CAP_TEXTGRID, "\"ooTextFile\" \"TextGrid\" 0 1 <exists> 1 "
	    "\"IntervalTier\" \"W\" 0 1 1 1.5e-1 0.2500000000000001 \"a\"",
	    NULL) == 0);
	REQUIRE(c.n == 1);
	CHECK(c.v[0].start == 0.15 && c.v[0].end == 0.25);
}

static const char eaf_two[] =
    "<?xml version=\"1.0\"?>\n"
    "<ANNOTATION_DOCUMENT>\n"
    "<HEADER TIME_UNITS=\"milliseconds\"/>\n"
    "<TIME_ORDER>\n"
    "<TIME_SLOT TIME_SLOT_ID=\"t1\" TIME_VALUE=\"0\"/>\n"
    "<TIME_SLOT TIME_SLOT_ID=\"t2\" TIME_VALUE=\"1500\"/>\n"
    "<TIME_SLOT TIME_SLOT_ID=\"t3\"/>\n"
    "<TIME_SLOT TIME_SLOT_ID=\"t4\" TIME_VALUE=\"2000\"/>\n"
    "<TIME_SLOT TIME_SLOT_ID=\"t5\" TIME_VALUE=\"3000\"/>\n"
    "</TIME_ORDER>\n"
    "<TIER TIER_ID=\"Ann\" PARTICIPANT=\"Ann Lee\">\n"
    "<ANNOTATION><ALIGNABLE_ANNOTATION TIME_SLOT_REF1=\"t1\" "
    "TIME_SLOT_REF2=\"t2\"><ANNOTATION_VALUE>Hi &amp; bye"
    "</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>\n"
    "<ANNOTATION><ALIGNABLE_ANNOTATION TIME_SLOT_REF1=\"t2\" "
    "TIME_SLOT_REF2=\"t3\"><ANNOTATION_VALUE>floating"
    "</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>\n"
    "</TIER>\n"
    "<TIER TIER_ID=\"Bob\">\n"
    "<ANNOTATION><ALIGNABLE_ANNOTATION TIME_SLOT_REF1=\"t4\" "
    "TIME_SLOT_REF2=\"t5\"><ANNOTATION_VALUE>Yes</ANNOTATION_VALUE>"
    "</ALIGNABLE_ANNOTATION></ANNOTATION>\n"
    "<ANNOTATION><ALIGNABLE_ANNOTATION TIME_SLOT_REF1=\"t4\" "
    "TIME_SLOT_REF2=\"t9\"><ANNOTATION_VALUE>lost</ANNOTATION_VALUE>"
    "</ALIGNABLE_ANNOTATION></ANNOTATION>\n"
    "</TIER>\n"
    "</ANNOTATION_DOCUMENT>\n";

static const char eaf_dep[] =
    "<ANNOTATION_DOCUMENT><TIME_ORDER>"
    "<TIME_SLOT TIME_SLOT_ID=\"t1\" TIME_VALUE=\"0\"/>"
    "<TIME_SLOT TIME_SLOT_ID=\"t2\" TIME_VALUE=\"500\"/></TIME_ORDER>"
    "<TIER TIER_ID=\"top\"><ANNOTATION><ALIGNABLE_ANNOTATION "
    "TIME_SLOT_REF1=\"t1\" TIME_SLOT_REF2=\"t2\"><ANNOTATION_VALUE> "
    "</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION></TIER>"
    "<TIER TIER_ID=\"words\" PARENT_REF=\"top\"><ANNOTATION>"
    "<ALIGNABLE_ANNOTATION TIME_SLOT_REF1=\"t1\" TIME_SLOT_REF2=\"t2\">"
    "<ANNOTATION_VALUE>hi</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION>"
    "</ANNOTATION></TIER></ANNOTATION_DOCUMENT>";

static void
test_elan(void)
{
	const struct finding *f;

	CHECK(parse(CAP_ELAN, eaf_two, NULL) == -1);
	REQUIRE((f = find("SEG-TIER")) != NULL);
	CHECK(strstr(f->msg, "'Ann', 'Bob'") != NULL);
	/* The unknown slot t9 is a finding whatever the tier. */
	CHECK(count("SEG-PARSE") == 1);

	CHECK(parse(CAP_ELAN, eaf_two, "Ann") == 0);
	REQUIRE(c.n == 1);
	CHECK_STR(c.v[0].text, "Hi & bye");
	CHECK_STR(c.v[0].speaker, "Ann Lee");
	CHECK(c.v[0].start == 0 && c.v[0].end == 1.5 && c.v[0].line == 12);
	/* The annotation ending on a slot without a time. */
	REQUIRE((f = nth("SEG-PARSE", 1)) != NULL);
	CHECK(f->sev == SEV_WARNING && f->line == 13);
	CHECK(strstr(f->msg, "1 annotation of tier 'Ann' has no time") !=
	    NULL);

	CHECK(parse(CAP_ELAN, eaf_two, "Ann,Bob") == 0);
	REQUIRE(c.n == 2);
	CHECK_STR(c.v[1].speaker, "Bob");
	CHECK(c.v[1].start == 2);
	REQUIRE((f = find("SEG-PARSE")) != NULL);
	CHECK(f->line == 17 && strstr(f->msg, "'t9'") != NULL);

	/* Entities declared in a DTD are refused, never expanded. */
	CHECK(parse(CAP_ELAN, "<?xml version=\"1.0\"?>\n<!DOCTYPE a [\n"
	    "<!ENTITY x \"xxxxxxxxxx\">\n<!ENTITY y \"&x;&x;&x;&x;\">\n]>\n"
	    "<ANNOTATION_DOCUMENT><TIME_ORDER/></ANNOTATION_DOCUMENT>\n",
	    NULL) == -1);
	REQUIRE((f = find("SEG-PARSE")) != NULL);
	CHECK(strstr(f->msg, "entities") != NULL);

	CHECK(parse(CAP_ELAN, "<?xml version=\"1.0\"?>\n<ANNOTATION_DOCUMENT>"
	    "\n<TIER>\n</ANNOTATION_DOCUMENT>\n", NULL) == -1);
	REQUIRE((f = find("SEG-PARSE")) != NULL);
	CHECK(f->line == 4 && strstr(f->msg, "malformed XML") != NULL);

	CHECK(parse(CAP_ELAN, "<lexicon/>", NULL) == -1);
	CHECK(find("SEG-FORMAT") != NULL);
	CHECK(parse(CAP_ELAN, "<ANNOTATION_DOCUMENT><HEADER TIME_UNITS="
	    "\"NTSC-frames\"/></ANNOTATION_DOCUMENT>", NULL) == -1);
	CHECK(find("SEG-PARSE") != NULL);
	CHECK(parse(CAP_ELAN, "<ANNOTATION_DOCUMENT><TIME_ORDER><TIME_SLOT "
	    "TIME_SLOT_ID=\"a\" TIME_VALUE=\"1.5\"/><TIME_SLOT "
	    "TIME_SLOT_ID=\"b\" TIME_VALUE=\"1000000000000\"/></TIME_ORDER>"
	    "</ANNOTATION_DOCUMENT>", NULL) == 0);
	CHECK(count("SEG-PARSE") == 2 && find("SEG-EMPTY") != NULL);

	/* Only dependent tiers have cues: the one is taken. */
	CHECK(parse(CAP_ELAN, eaf_dep, NULL) == 0);
	REQUIRE(c.n == 1);
	CHECK_STR(c.tier, "words");
	CHECK_STR(c.v[0].text, "hi");
	CHECK(parse(CAP_ELAN, eaf_dep, "top") == 0);
	CHECK(c.n == 0 && find("SEG-EMPTY") != NULL);
}

static void
test_audacity(void)
{
	const struct finding *f;

	CHECK(parse(CAP_AUDACITY, "1,5\t2,5\tcomma\n"
	    "\\\t100.0\t200.0\n"
	    "3.000000\t3.000000\tpoint\n"
	    "4\t5\n"
	    "6 7 spaces\n"
	    "8\tx\tbad\n"
	    "9\t10\tok\n", NULL) == 0);
	REQUIRE(c.n == 3);
	CHECK(c.v[0].start == 1.5 && c.v[0].end == 2.5);
	CHECK_STR(c.v[0].text, "comma");
	CHECK_STR(c.v[1].text, "spaces");
	CHECK(c.v[2].line == 7);
	REQUIRE((f = find("SEG-TIME")) != NULL);
	CHECK(f->line == 3 && strstr(f->msg, "point label") != NULL);
	REQUIRE((f = find("SEG-PARSE")) != NULL);
	CHECK(f->line == 6 && f->col == 3);
	CHECK(count("SEG-PARSE") == 1);
	/* Negative times (Audacity allows them before the track). */
	CHECK(parse(CAP_AUDACITY, "-1\t2\tearly\n", NULL) == 0);
	CHECK(c.n == 0 && find("SEG-TIME") != NULL);
}

static struct cap_kaldi kd;

static void
kaldi_set(const char *segments, const char *text, const char *utt2spk,
    const char *wavscp)
{
	memset(&kd, 0, sizeof(kd));
	kd.dir = "data";
	kd.buf[CK_SEGMENTS] = segments;
	kd.buf[CK_TEXT] = text;
	kd.buf[CK_UTT2SPK] = utt2spk;
	kd.buf[CK_WAVSCP] = wavscp;
	kd.len[CK_SEGMENTS] = segments ? strlen(segments) : 0;
	kd.len[CK_TEXT] = text ? strlen(text) : 0;
	kd.len[CK_UTT2SPK] = utt2spk ? strlen(utt2spk) : 0;
	kd.len[CK_WAVSCP] = wavscp ? strlen(wavscp) : 0;
	diag_clear(&d);
}

static void
test_kaldi(void)
{
	const char *seg = "u1 r1 0 1.5\nu2 r2 0.5 1\nu3 r1 2 3\n"
	    "bad r1 x 1\nu3 r1 4 5\nu4 r1 6 7\n";
	const char *text = "u3 three\nu1  one  \nu2 two\nu1 again\n";
	const char *scp = "r1 ffmpeg -i /x/one.mp3 -f wav - |\nr2 /x/two.wav\n";
	const struct finding *f;

	kaldi_set(seg, text, NULL, scp);
	CHECK(cap_parse_kaldi(&kd, NULL, &c, &d) == -1);
	REQUIRE((f = find("SEG-TIER")) != NULL);
	CHECK(strstr(f->msg, "'r1', 'r2'") != NULL);
	CHECK_STR(f->file, "data/segments");

	kaldi_set(seg, text, NULL, scp);
	CHECK(cap_parse_kaldi(&kd, "r1", &c, &d) == 0);
	REQUIRE(c.n == 2);
	CHECK_STR(c.v[0].text, "one  ");
	CHECK(c.v[0].line == 1 && c.v[1].line == 3);
	CHECK(c.v[1].start == 2 && c.v[1].end == 3);
	/* Bad line 4, u3 again at 5, u4 without text, u1's text again. */
	REQUIRE((f = nth("SEG-PARSE", 0)) != NULL);
	CHECK(f->line == 4 && f->col == 8);
	REQUIRE((f = nth("SEG-PARSE", 1)) != NULL);
	CHECK(f->line == 5);
	REQUIRE((f = nth("SEG-PARSE", 2)) != NULL);
	CHECK_STR(f->file, "data/text");
	CHECK(f->line == 4);
	REQUIRE((f = nth("SEG-PARSE", 3)) != NULL);
	CHECK(f->line == 6 && strstr(f->msg, "'u4'") != NULL);

	/* A recording by its path: file name, or wav.scp's command. */
	kaldi_set(seg, text, NULL, scp);
	CHECK(cap_parse_kaldi(&kd, "/y/r2.flac", &c, &d) == 0);
	CHECK(c.n == 1 && strcmp(c.tier, "r2") == 0);
	kaldi_set(seg, text, NULL, scp);
	CHECK(cap_parse_kaldi(&kd, "audio/one.mp3", &c, &d) == 0);
	CHECK(c.n == 2 && strcmp(c.tier, "r1") == 0);
	kaldi_set(seg, text, NULL, scp);
	CHECK(cap_parse_kaldi(&kd, "three.wav", &c, &d) == -1);
	CHECK(find("SEG-TIER") != NULL);

	kaldi_set(NULL, text, NULL, NULL);
	CHECK(cap_parse_kaldi(&kd, NULL, &c, &d) == -1);
	REQUIRE((f = find("SEG-FORMAT")) != NULL);
	CHECK_STR(f->file, "data/segments");
	kaldi_set(seg, NULL, NULL, NULL);
	CHECK(cap_parse_kaldi(&kd, NULL, &c, &d) == -1);
	CHECK(find("SEG-FORMAT") != NULL);
	kaldi_set("u1 r1 0 1\n", "u1 caf\xe9\n", NULL, NULL);
	CHECK(cap_parse_kaldi(&kd, NULL, &c, &d) == -1);
	REQUIRE((f = find("SEG-ENC")) != NULL);
	CHECK_STR(f->file, "data/text");
	CHECK(f->line == 1 && f->col == 7);
}

static void
test_check(void)
{
	const struct finding *f;

	/* Out of order: sorted; overlaps within 0.3 s are noise. */
	CHECK(parse(CAP_AUDACITY, "5\t6\tc\n0\t2.2\ta\n2\t4\tb\n3\t4.5\td\n"
	    "3.5\t3.8\te\n", NULL) == 0);
	REQUIRE(c.n == 5);
	CHECK_STR(c.v[0].text, "a");
	CHECK_STR(c.v[1].text, "b");
	CHECK(c.v[1].overlap == 0);
	/* d starts 1 s before b ends; e lies inside b and d. */
	CHECK_STR(c.v[2].text, "d");
	CHECK(c.v[2].overlap == 3);
	CHECK_STR(c.v[3].text, "e");
	CHECK(c.v[3].overlap == 4);
	CHECK_STR(c.v[4].text, "c");
	CHECK(c.v[4].overlap == 0);
	CHECK(count("SEG-OVERLAP") == 2);
	REQUIRE((f = find("SEG-OVERLAP")) != NULL);
	CHECK(f->line == 4 && f->sev == SEV_WARNING);
	CHECK(strstr(f->msg, "line 3 by 1.000 s") != NULL);

	/* Equal cues sort by line: the order is the same every time. */
	CHECK(parse(CAP_AUDACITY, "1\t2\tx\n1\t2\ty\n", NULL) == 0);
	REQUIRE(c.n == 2);
	CHECK_STR(c.v[0].text, "x");
	CHECK(c.v[1].overlap == 1);

	CHECK(parse(CAP_AUDACITY, "", NULL) == 0);
	CHECK(c.n == 0 && count("SEG-EMPTY") == 1);
	CHECK(parse(CAP_KALDI, "", NULL) == -1);
	CHECK(find("SEG-FORMAT") != NULL);
}

static void
test_enc(void)
{
	const struct finding *f;
	static const char le[] = "\xff\xfe" "1\0\n\0" "0\0:\0" "0\0" "1\0"
	    ".\0" "0\0 \0-\0-\0>\0 \0" "0\0:\0" "0\0" "2\0" ".\0" "0\0\n\0"
	    "\xe9\0\n\0";

	CHECK(parse(CAP_SRT, "1\n00:00:01,000 --> 00:00:02,000\ncaf\xe9\n",
	    NULL) == -1);
	REQUIRE((f = find("SEG-ENC")) != NULL);
	CHECK(f->line == 3 && f->col == 4);
	CHECK(strstr(f->msg, "0xe9") != NULL);
	CHECK(parse_n(CAP_SRT, "1\n\0", 3, NULL) == -1);
	REQUIRE((f = find("SEG-ENC")) != NULL);
	CHECK(f->line == 2 && f->col == 1);
	/* UTF-16LE with a BOM: read, the text made UTF-8. */
	CHECK(parse_n(CAP_SRT, le, sizeof(le) - 1, NULL) == 0);
	REQUIRE(c.n == 1);
	CHECK_STR(c.v[0].text, "\xc3\xa9");
	CHECK(c.v[0].start == 1 && c.v[0].end == 2);
	/* Nothing but a BOM. */
	CHECK(parse_n(CAP_SRT, "\xfe\xff", 2, NULL) == 0);
	CHECK(c.n == 0 && find("SEG-EMPTY") != NULL);
	/* A lone surrogate. */
	CHECK(parse_n(CAP_SRT, "\xff\xfe" "a\0\n\0\x00\xdc", 8, NULL) == -1);
	REQUIRE((f = find("SEG-ENC")) != NULL);
	CHECK(f->line == 2);
}

static void
test_clean(void)
{
	unsigned int fl;
	char *who;

	CHECK_STR(clean("<i>Hello</i>,\n<b>world</b>!", &fl, NULL),
	    "Hello, world!");
	CHECK(fl == 0);
	CHECK_STR(clean("Tom &amp; Jerry &lt;3 &quot;x&quot; &#65;&#x42;"
	    "&nbsp;&bogus; &", &fl, NULL), "Tom & Jerry <3 \"x\" AB &bogus; &");
	CHECK_STR(clean("{\\an8}Top  text\twith\xc2\xa0space", NULL, NULL),
	    "Top text with space");
	CHECK_STR(clean("<ruby>\xe6\xbc\xa2<rt>kan</rt></ruby>", NULL, NULL),
	    "\xe6\xbc\xa2");
	CHECK_STR(clean("a < b and c<d", NULL, NULL), "a < b and c<d");
	CHECK_STR(clean("<00:00:01.000><c>karaoke</c> <00:00:01.500>on",
	    NULL, NULL), "karaoke on");

	/* Sound descriptions. */
	clean("[music]", &fl, NULL);
	CHECK(fl == CAP_SOUND && out.len == 0);
	clean("(laughs)\n(applause)", &fl, NULL);
	CHECK(fl == CAP_SOUND);
	clean("\xe2\x99\xaa la la la \xe2\x99\xaa", &fl, NULL);
	CHECK(fl == CAP_SOUND);
	clean("<i>\xe2\x99\xab Singing in\nthe rain", &fl, NULL);
	CHECK(fl == CAP_SOUND);
	clean("- [door slams] ...", &fl, NULL);
	CHECK(fl == (CAP_SOUND | CAP_TURN));
	CHECK_STR(clean("(laughs) I know [sighs] right", &fl, NULL),
	    "I know right");
	CHECK(fl == 0);
	CHECK_STR(clean("[unclosed bracket", &fl, NULL), "[unclosed bracket");
	CHECK_STR(clean("", &fl, NULL), "");
	CHECK(fl == 0);

	/* Speakers: labels, >>, dialog dashes. */
	CHECK_STR(clean("JOHN: Hello there.", &fl, &who), "Hello there.");
	CHECK(fl == 0);
	CHECK_STR(who, "JOHN");
	free(who);
	CHECK_STR(clean(">> DR. O'BRIEN: Right.", &fl, &who), "Right.");
	CHECK(fl == CAP_TURN);
	CHECK_STR(who, "DR. O'BRIEN");
	free(who);
	CHECK_STR(clean("[Maria]: S\xc3\xad.", &fl, &who), "S\xc3\xad.");
	CHECK_STR(who, "Maria");
	free(who);
	CHECK_STR(clean("\xc3\x89MILE: Oui.", &fl, &who), "Oui.");
	CHECK_STR(who, "\xc3\x89MILE");
	free(who);
	CHECK_STR(clean("- Where?\n- Here.", &fl, &who), "Where? Here.");
	CHECK(fl == (CAP_TURN | CAP_TURNS));
	CHECK(who == NULL);
	CHECK_STR(clean("<i>-Where?</i>\n-Here.", &fl, NULL), "Where? Here.");
	CHECK(fl == (CAP_TURN | CAP_TURNS));
	CHECK_STR(clean("Well,\nMARY: no.", &fl, NULL), "Well, no.");
	CHECK(fl == CAP_TURNS);
	CHECK_STR(clean("It went\n>> on", &fl, NULL), "It went on");
	CHECK(fl == CAP_TURNS);
	CHECK_STR(clean("\xe2\x80\x93 Oui.", &fl, NULL), "Oui.");
	CHECK(fl == CAP_TURN);
	/* Not marks: numbers, "--", lowercase, one letter, no blank. */
	CHECK_STR(clean("-5 degrees", &fl, NULL), "-5 degrees");
	CHECK_STR(clean("-- I mean", NULL, NULL), "-- I mean");
	CHECK_STR(clean("Note: this", &fl, &who), "Note: this");
	CHECK(who == NULL);
	CHECK_STR(clean("A: yes", NULL, NULL), "A: yes");
	CHECK_STR(clean("AT 10:30", NULL, NULL), "AT 10:30");
	CHECK_STR(clean("HTTP://X", NULL, NULL), "HTTP://X");
	CHECK(fl == 0);

	/* WebVTT voices: the first names the speaker, a second turns. */
	CHECK_STR(clean("<v Ann>Hi</v>", &fl, &who), "Hi");
	CHECK(fl == 0);
	CHECK_STR(who, "Ann");
	free(who);
	CHECK_STR(clean("<v Ann>Hi\n<v Bob>Hello", &fl, &who), "Hi Hello");
	CHECK(fl == CAP_TURNS);
	free(who);
}

/* CPU seconds that cap_clean() takes for n bytes of pat repeated. */
static double
clean_secs(const char *pat, size_t n)
{
	struct buf b = BUF_INIT;
	size_t len = strlen(pat), i;
	clock_t t0;
	int same;

	for (i = 0; i + len <= n; i += len)
		buf_add(&b, pat, len);
	buf_reset(&out);
	t0 = clock();
	cap_clean(b.s, &out, NULL);
	t0 = clock() - t0;
	same = out.len == b.len;
	CHECK(same);
	buf_release(&b);
	return (double)t0 / CLOCKS_PER_SEC;
}

/*
 * Linear in the input: 2 MiB of openers without a closer ('<', '[',
 * '(', '{\\', '&#') cost about what 2 MiB of letters cost.  Searching
 * for the closer from each opener would read 10^12 bytes: minutes even
 * with memchr(3), under valgrind or not.
 */
static void
test_linear(void)
{
	static const char *const pats[] = { "<a", "[", "(", "{\\", "&#" };
	const size_t n = 1 << 21;
	struct buf b = BUF_INIT;
	double base, t;
	size_t i, k;

	base = clean_secs("ab", n);
	for (k = 0; k < sizeof(pats) / sizeof(pats[0]); k++) {
		t = clean_secs(pats[k], n);
		if (t > 20 * base + 0.5) {
			printf("# '%s': %.2f s, letters %.2f s\n", pats[k], t,
			    base);
			unit_failed++;
		}
	}
	for (i = 0; i < 50000; i++)
		buf_printf(&b, "%zu\t%zu.5\tcue\n", i, i);
	CHECK(parse_n(CAP_AUDACITY, b.s, b.len, NULL) == 0);
	CHECK(c.n == 50000);
	buf_reset(&b);
	for (i = 0; i < n; i++)
		buf_addc(&b, '<');
	CHECK(parse_n(CAP_SRT, b.s, b.len, NULL) == 0);
	CHECK(parse_n(CAP_TEXTGRID, b.s, b.len, NULL) == -1);
	buf_release(&b);
}

static void
test_read(void)
{
	char path[4096];

	snprintf(path, sizeof(path), "%s/../captions/five.vtt", unit_vendor());
	diag_clear(&d);
	CHECK(cap_read(path, -1, NULL, NULL, &c, &d) == 0);
	check_five("cap_read vtt");
	CHECK_STR(c.name, path);
	snprintf(path, sizeof(path), "%s/../captions/kaldi/", unit_vendor());
	diag_clear(&d);
	CHECK(cap_read(path, -1, NULL, "/data/five.wav", &c, &d) == 0);
	check_five("cap_read kaldi");
	CHECK(strstr(c.name, "kaldi/segments") != NULL &&
	    strstr(c.name, "//") == NULL);
	diag_clear(&d);
	CHECK(cap_read(path, CAP_SRT, NULL, NULL, &c, &d) == -1);
	CHECK(find("SEG-FORMAT") != NULL);
	snprintf(path, sizeof(path), "%s/../captions/kaldi/wav.scp",
	    unit_vendor());
	diag_clear(&d);
	CHECK(cap_read(path, -1, NULL, NULL, &c, &d) == -1);
	CHECK(find("SEG-FORMAT") != NULL);
	diag_clear(&d);
	CHECK(cap_read("/nonexistent/x.srt", -1, NULL, NULL, &c, &d) == -1);
	CHECK(d.n == 1 && d.v[0].rule == NULL);
}

int
main(void)
{
	RUN(test_same);
	RUN(test_detect);
	RUN(test_srt);
	RUN(test_vtt);
	RUN(test_textgrid);
	RUN(test_elan);
	RUN(test_audacity);
	RUN(test_kaldi);
	RUN(test_check);
	RUN(test_enc);
	RUN(test_clean);
	RUN(test_linear);
	RUN(test_read);
	cues_release(&c);
	buf_release(&out);
	diag_release(&d);
	return UNIT_EXIT();
}
