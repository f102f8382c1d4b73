/* Unit tests: loading the profile, locale lookup and suggestions. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "profile.h"
#include "unit.h"

static void
test_default(void)
{
	struct diag d = DIAG_INIT;
	struct profile *p = profile_load(NULL, &d);
	const struct locale *l;

	CHECK(p != NULL);
	CHECK(d.n == 0);
	if (p == NULL)
		return;
	CHECK(p->nrates == 2 && p->rates[0] == 8000 && p->rates[1] == 16000);
	CHECK(p->bits == 16 && p->channels == 1);
	CHECK(p->train_clip == 40 && p->test_clip == 7200);
	CHECK(p->hours_used == 100 && p->pad == 0.5);
	CHECK(p->zip_entries == 10000 && p->zip_ratio == 100);
	CHECK(tier_value(&p->text_bytes, TIER_DEFAULT) == 200000000);
	CHECK(tier_value(&p->text_bytes, TIER_STANDARD) == 1500000000);
	CHECK(tier_value(&p->pron_bytes, TIER_FREE) == 1000);
	CHECK(p->md_lists.warn == 10 && p->md_lists.max == 20);
	CHECK(p->repeat_max == 3);
	CHECK(p->nlocales > 100);
	l = profile_locale(p, "en-US");
	CHECK(l != NULL && l->ascii && !l->bom && l->latin1);
	CHECK(l != NULL && (l->kinds & KIND_AUDIOFILES));
	l = profile_locale(p, "de-DE");
	CHECK(l != NULL && !l->ascii && l->bom && l->forbidden != NULL);
	CHECK(l != NULL && strstr(l->spoken, "ä") != NULL);
	l = profile_locale(p, "ja-JP");
	CHECK(l != NULL && l->sentence_chars == 90 && l->split_lines == 20000);
	CHECK(l != NULL && !(l->kinds & KIND_PRONUNCIATION));
	l = profile_locale(p, "zh-CN");
	CHECK(l != NULL && l->fullwidth);
	/* Language everywhere but four Indic locales (LS-25). */
	l = profile_locale(p, "or-IN");
	CHECK(l != NULL && !(l->kinds & KIND_LANGUAGE) &&
	    (l->kinds & KIND_ACOUSTIC));
	profile_free(p);
	diag_release(&d);
}

static void
test_lookup(void)
{
	struct diag d = DIAG_INIT;
	struct profile *p = profile_load(NULL, &d);
	const struct locale *near[6];
	size_t n;

	if (p == NULL) {
		CHECK(p != NULL);
		return;
	}
	CHECK(profile_locale(p, "de_de") == profile_locale(p, "de-DE"));
	CHECK(profile_locale(p, "EN-us") == profile_locale(p, "en-US"));
	CHECK(profile_locale(p, "xx-YY") == NULL);
	n = profile_suggest(p, "fr", near, 6);
	CHECK(n == 3);
	CHECK(n > 0 && strncmp(near[0]->tag, "fr-", 3) == 0);
	n = profile_suggest(p, "de-DX", near, 6);
	CHECK(n >= 1 && strncmp(near[0]->tag, "de-", 3) == 0);
	n = profile_suggest(p, "en-UX", near, 2);
	CHECK(n == 2);
	n = profile_suggest(p, "qq-QQ", near, 6);
	CHECK(n == 0);
	profile_free(p);
	diag_release(&d);
}

static void
test_kinds(void)
{
	enum kind k;

	CHECK(kind_parse("Acoustic", &k) == 0 && k == KIND_ACOUSTIC);
	CHECK(kind_parse("audio", &k) == 0 && k == KIND_AUDIOFILES);
	CHECK(kind_parse("TEXT", &k) == 0 && k == KIND_LANGUAGE);
	CHECK(kind_parse("pron", &k) == 0 && k == KIND_PRONUNCIATION);
	CHECK(kind_parse("md", &k) == 0 && k == KIND_LANGUAGEMARKDOWN);
	CHECK(kind_parse("format", &k) == 0 && k == KIND_OUTPUTFORMATTING);
	CHECK(kind_parse("video", &k) == -1);
	CHECK_STR(kind_restname(KIND_LANGUAGEMARKDOWN), "LanguageMarkdown");
	CHECK_STR(kind_name(KIND_OUTPUTFORMATTING), "outputformatting");
}

/* A profile that breaks the schema is refused with its line. */
static void
test_invalid(void)
{
	struct diag d = DIAG_INIT;
	struct profile *p;
	FILE *fp;
	size_t i;
	int named = 0;

	fp = fopen("bad.xml", "w");
	fputs("<?xml version=\"1.0\"?>\n<profile xmlns=\"urn:voxprep:"
	    "profile:1\" name=\"x\" version=\"1\">\n<limits/>\n"
	    "</profile>\n", fp);
	fclose(fp);
	p = profile_load("bad.xml", &d);
	CHECK(p == NULL);
	for (i = 0; i < d.n; i++)
		named |= strstr(d.v[i].msg, "bad.xml:3:") != NULL;
	CHECK(named);
	CHECK(diag_has(&d, "AUDIO-RATE") == 0);
	diag_release(&d);
	fp = fopen("bad.xml", "w");
	fputs("<profile>\n<oops>\n</profile>\n", fp);
	fclose(fp);
	p = profile_load("bad.xml", &d);
	CHECK(p == NULL && d.n > 0);
	remove("bad.xml");
	diag_release(&d);
}

/*
 * The shipped profile's bytes are those the build validated: they are
 * not validated again.  Any other bytes are: a copy with a comment more
 * loads, unstamped, and one with an element the schema does not know is
 * refused.
 */
static char *
slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *s;
	long n;

	if (fp == NULL || fseek(fp, 0, SEEK_END) != 0 ||
	    (n = ftell(fp)) < 0 || fseek(fp, 0, SEEK_SET) != 0 ||
	    (s = malloc((size_t)n + 1)) == NULL) {
		if (fp != NULL)
			fclose(fp);
		return NULL;
	}
	*len = fread(s, 1, (size_t)n, fp);
	s[*len] = '\0';
	fclose(fp);
	return s;
}

static void
write_with(const char *path, const char *s, const char *at,
    const char *insert)
{
	FILE *fp = fopen(path, "w");
	const char *p = strstr(s, at);

	if (fp == NULL || p == NULL)
		abort();
	p += strlen(at);
	fwrite(s, 1, (size_t)(p - s), fp);
	fputs(insert, fp);
	fputs(p, fp);
	fclose(fp);
}

static void
test_stamped(void)
{
	struct diag d = DIAG_INIT;
	struct profile *p, *q;
	size_t len;
	char *s = slurp(SRCDATADIR "/azure-speech.xml", &len);

	REQUIRE(s != NULL);
	REQUIRE((p = profile_load(NULL, &d)) != NULL);
	CHECK(p->stamped);
	write_with("copy.xml", s, "<limits>", "<!-- a comment -->");
	q = profile_load("copy.xml", &d);
	CHECK(q != NULL && !q->stamped && d.n == 0);
	CHECK(q != NULL && q->nlocales == p->nlocales);
	profile_free(q);
	write_with("copy.xml", s, "<limits>", "<bogus/>");
	q = profile_load("copy.xml", &d);
	CHECK(q == NULL && d.n > 0);
	profile_free(q);
	remove("copy.xml");
	profile_free(p);
	diag_release(&d);
	free(s);
}

int
main(void)
{
	RUN(test_default);
	RUN(test_lookup);
	RUN(test_kinds);
	RUN(test_invalid);
	RUN(test_stamped);
	return UNIT_EXIT();
}
