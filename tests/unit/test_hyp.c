/*
 * Unit tests of lib/hyp.c: format detection, the four readers, their
 * findings with places, pairing keys and duplicates.
 */
#include <string.h>

#include "diag.h"
#include "hyp.h"
#include "unit.h"

static int
rd(struct hyp_set *s, const char *text, enum hyp_format f,
    enum hyp_field field, struct diag *d)
{
	return hyp_read(s, text, strlen(text), "in.txt", f, field, d);
}

static void
detection(void)
{
	static const char json[] = " \n{\"source\": \"x\"}";

	CHECK(hyp_detect(json, strlen(json)) == HYP_JSON);
	CHECK(hyp_detect("\xEF\xBB\xBF" "a.wav\thello\n\nb.wav\tworld\n",
	    27) == HYP_TRANS);
	CHECK(hyp_detect("hello world (spk-a1)\nagain (spk-a2)\r\n", 37) ==
	    HYP_TRN);
	CHECK(hyp_detect("a1 hello world\na2 (laughs) yes\n", 30) ==
	    HYP_KALDI);
	CHECK(hyp_detect("", 0) == HYP_KALDI);
	CHECK(hyp_detect("(a1)\n", 5) == HYP_TRN);
	/* A line without its id does not make a trn file Kaldi text. */
	CHECK(hyp_detect("one (r1)\ntwo (r2)\nthree\n", 24) == HYP_TRN);
	CHECK(hyp_detect("a1 yes (laughs)\na2 no\n", 22) == HYP_KALDI);
}

static void
transcript(void)
{
	struct hyp_set s = HYP_SET_INIT;
	struct diag d = DIAG_INIT;

	CHECK(rd(&s, "\xEF\xBB\xBF" "a1.wav\tHello world\r\n\n  \n"
	    "no tab here\n\tno name\nb2.WAV\t\nc3.wav\tbad \xff byte\n"
	    "d4.wav\tx\ty", HYP_AUTO, HYP_LEXICAL, &d) == 3);
	REQUIRE(s.n == 3);
	CHECK_STR(s.v[0].name, "a1.wav");
	CHECK_STR(s.v[0].key, "a1");
	CHECK_STR(s.v[0].text, "Hello world");
	CHECK(s.v[0].line == 1);
	CHECK_STR(s.v[1].key, "b2");
	CHECK_STR(s.v[1].text, "");
	CHECK_STR(s.v[2].text, "x\ty");
	CHECK(s.v[2].line == 8);
	REQUIRE(d.n == 3);
	CHECK(d.v[0].line == 4 && d.v[0].col == 12);
	CHECK(d.v[1].line == 5 && d.v[1].col == 1);
	CHECK(d.v[2].line == 7 && d.v[2].col == 12);
	CHECK(strstr(d.v[2].msg, "0xFF") != NULL);
	CHECK_STR(d.v[2].rule->id, "WER-READ");
	CHECK_STR(d.v[2].file, "in.txt");
	hyp_set_release(&s);
	diag_release(&d);
}

static void
kaldi_and_trn(void)
{
	struct hyp_set s = HYP_SET_INIT;
	struct diag d = DIAG_INIT;

	CHECK(rd(&s, "utt1 hello  world\n  utt2\nutt3\tyes\n", HYP_KALDI,
	    HYP_LEXICAL, &d) == 3);
	REQUIRE(s.n == 3);
	CHECK_STR(s.v[0].name, "utt1");
	CHECK_STR(s.v[0].text, "hello  world");
	CHECK_STR(s.v[1].name, "utt2");
	CHECK_STR(s.v[1].text, "");
	CHECK_STR(s.v[2].text, "yes");
	hyp_set_release(&s);
	CHECK(rd(&s, "{ um / uh / @ } yes (spk_1)\n(spk_2)\nno id here\n"
	    "two (a) (b)\n", HYP_TRN, HYP_LEXICAL, &d) == 3);
	REQUIRE(s.n == 3);
	CHECK_STR(s.v[0].name, "spk_1");
	CHECK_STR(s.v[0].text, "{ um / uh / @ } yes ");
	CHECK_STR(s.v[1].text, "");
	CHECK_STR(s.v[2].name, "b");
	CHECK_STR(s.v[2].text, "two (a) ");
	REQUIRE(d.n == 1);
	CHECK(d.v[0].line == 3 && d.v[0].col == 11);
	hyp_set_release(&s);
	diag_release(&d);
}

static const char result[] =
    "{\n"
    "  \"source\": \"https://x.blob.core.windows.net/in/My%20clip.wav"
    "?sv=2021&sig=a%2Fb\",\n"
    "  \"durationInTicks\": 41200000,\n"
    "  \"combinedRecognizedPhrases\": [\n"
    "    { \"channel\": 0, \"lexical\": \"hello world\", \"itn\": \"hello "
    "world\", \"maskedITN\": \"hello world\", \"display\": \"Hello "
    "world.\" },\n"
    "    { \"channel\": 1, \"lexical\": \"other channel\" }\n"
    "  ]\n"
    "}\n";

static void
json(void)
{
	struct hyp_set s = HYP_SET_INIT;
	struct diag d = DIAG_INIT;

	CHECK(rd(&s, result, HYP_AUTO, HYP_DISPLAY, &d) == 1);
	CHECK(rd(&s, result, HYP_JSON, HYP_LEXICAL, &d) == 1);
	REQUIRE(s.n == 2);
	CHECK_STR(s.v[0].name, "My clip.wav");
	CHECK_STR(s.v[0].key, "My clip");
	CHECK_STR(s.v[0].text, "Hello world.");
	CHECK_STR(s.v[1].text, "hello world");
	CHECK(s.v[0].line == 0);
	/* No speech: an empty hypothesis. */
	CHECK(rd(&s, "{\"source\": \"a/b/q.wav\", "
	    "\"combinedRecognizedPhrases\": []}", HYP_JSON, HYP_ITN, &d) == 1);
	CHECK_STR(s.v[2].name, "q.wav");
	CHECK_STR(s.v[2].text, "");
	/* The run's report.json is no utterance and no finding. */
	CHECK(rd(&s, "{\"successfulTranscriptionsCount\": 2}", HYP_JSON,
	    HYP_LEXICAL, &d) == 0);
	CHECK(d.n == 0);
	CHECK(rd(&s, "{\"source\": \"x.wav\",\n \"combined", HYP_JSON,
	    HYP_LEXICAL, &d) == 0);
	CHECK(rd(&s, "[1]", HYP_JSON, HYP_LEXICAL, &d) == 0);
	CHECK(rd(&s, "{\"combinedRecognizedPhrases\": []}", HYP_JSON,
	    HYP_LEXICAL, &d) == 0);
	CHECK(rd(&s, "{\"source\": \"https://h/c/?sig=1\", "
	    "\"combinedRecognizedPhrases\": []}", HYP_JSON, HYP_LEXICAL,
	    &d) == 0);
	CHECK(rd(&s, "{\"source\": \"x.wav\"}", HYP_JSON, HYP_LEXICAL,
	    &d) == 0);
	CHECK(rd(&s, "{\"source\": \"x.wav\", \"combinedRecognizedPhrases\": "
	    "[{\"lexical\": \"a\"}]}", HYP_JSON, HYP_MASKED_ITN, &d) == 0);
	CHECK(rd(&s, "{\"source\": \"x.wav\", \"combinedRecognizedPhrases\": "
	    "[{\"lexical\": \"a\\u0000b\"}]}", HYP_JSON, HYP_LEXICAL,
	    &d) == 0);
	REQUIRE(d.n == 7);
	CHECK(d.v[0].line == 2);
	CHECK(strstr(d.v[3].msg, "source") != NULL);
	CHECK(strstr(d.v[5].msg, "maskedITN") != NULL);
	CHECK(s.n == 3);
	hyp_set_release(&s);
	diag_release(&d);
}

static void
index_and_find(void)
{
	struct hyp_set s = HYP_SET_INIT;
	struct diag d = DIAG_INIT;

	rd(&s, "b.wav\tone\na.wav\ttwo\nb\tthree\nc.wav\tfour\nb.wav\tfive\n",
	    HYP_TRANS, HYP_LEXICAL, &d);
	hyp_index(&s, &d);
	REQUIRE(d.n == 2);
	CHECK_STR(d.v[0].rule->id, "WER-DUP");
	CHECK(d.v[0].line == 3 && d.v[1].line == 5);
	CHECK(strstr(d.v[0].msg, "in.txt:1") != NULL);
	CHECK(hyp_find(&s, "b") == 0);
	CHECK(hyp_find(&s, "a") == 1);
	CHECK(hyp_find(&s, "c") == 3);
	CHECK(hyp_find(&s, "d") == HYP_NONE);
	CHECK(hyp_find(&s, "b.wav") == HYP_NONE);
	hyp_set_release(&s);
	CHECK(hyp_find(&s, "a") == HYP_NONE);
	diag_release(&d);
}

static void
names(void)
{
	enum hyp_format f;
	enum hyp_field k;

	CHECK(hyp_format_parse("trn", &f) == 0 && f == HYP_TRN);
	CHECK(hyp_format_parse("xml", &f) == -1);
	CHECK_STR(hyp_format_name(HYP_KALDI), "kaldi");
	CHECK(hyp_field_parse("maskedITN", &k) == 0 && k == HYP_MASKED_ITN);
	CHECK(hyp_field_parse("masked", &k) == -1);
}

int
main(void)
{
	RUN(detection);
	RUN(transcript);
	RUN(kaldi_and_trn);
	RUN(json);
	RUN(index_and_find);
	RUN(names);
	return UNIT_EXIT();
}
