/*
 * Unit tests for lib/xml.c's writer: markup escaped with xml_esc() and
 * written with xml_wraw() must be the bytes the writer makes of the
 * same element through xml_wattr() and xml_wtext(), whatever the text.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "xml.h"
#include "unit.h"

static uint32_t
rnd(uint32_t *x)
{
	*x ^= *x << 13;
	*x ^= *x >> 17;
	*x ^= *x << 5;
	return *x;
}

/*
 * Pieces of text: plain ASCII, what markup escapes, controls, UTF-8 of
 * each length, the non-characters U+FFFE and U+FFFF, and bytes that are
 * not UTF-8 (a stray continuation, a cut sequence, overlong forms, a
 * surrogate, beyond U+10FFFF).
 */
static const char *const piece[] = {
	"a", "Zz", "0.5", " ", "/", "'", "\\", "&", "<", ">", "\"", "&amp;",
	"]]>", "\t", "\n", "\r", "\x01", "\x1f", "\x7f", "\xc3\xa9",
	"\xc2\x9b", "\xe2\x82\xac", "\xe2\x80\xae", "\xf0\x9f\x98\x80",
	"\xf4\x8f\xbf\xbf", "\xef\xbf\xbe", "\xef\xbf\xbf", "\xef\xbf\xbd",
	"\x80", "\xbf", "\xc3", "\xe2\x82", "\xc0\x80", "\xe0\x80\xaf",
	"\xed\xa0\x80", "\xf4\x90\x80\x80", "\xf8\x88\x80\x80\x80", "\xfe",
	"\xff"
};
#define NPIECE	(sizeof(piece) / sizeof(piece[0]))

/* The page the writer makes of <e a="s">s</e>, one way or the other. */
static void
element(struct buf *out, const char *s, int raw)
{
	struct xml_writer *w = xml_html_new();
	struct buf m = BUF_INIT;

	xml_start(w, "p");
	if (raw) {
		buf_addstr(&m, "<e a=\"");
		xml_esc(&m, s, 1);
		buf_addstr(&m, "\">");
		xml_esc(&m, s, 0);
		buf_addstr(&m, "</e>");
		xml_wraw(w, m.s, m.len);
	} else {
		xml_start(w, "e");
		xml_wattr(w, "a", s);
		xml_wtext(w, s);
		xml_end_full(w);
	}
	xml_end_full(w);
	buf_reset(out);
	CHECK(xml_writer_finish(w, out) == 0);
	buf_release(&m);
}

static void
test_esc_seeded(void)
{
	struct buf s = BUF_INIT, a = BUF_INIT, b = BUF_INIT;
	uint32_t seed = 20261206;
	size_t it, k, n, bad = 0;

	for (it = 0; it < 20000 && bad < 5; it++) {
		buf_reset(&s);
		n = rnd(&seed) % 12;
		for (k = 0; k < n; k++)
			buf_addstr(&s, rnd(&seed) % 3 == 0 ? "x" :
			    piece[rnd(&seed) % NPIECE]);
		element(&a, buf_str(&s), 0);
		element(&b, buf_str(&s), 1);
		if (a.len != b.len || memcmp(a.s, b.s, a.len) != 0) {
			printf("# writer: %s\n# xml_esc: %s\n", a.s, b.s);
			bad++;
		}
	}
	CHECK(bad == 0);
	buf_release(&s);
	buf_release(&a);
	buf_release(&b);
}

/* Every piece alone and within plain text, and a few by hand. */
static void
test_esc_pieces(void)
{
	struct buf s = BUF_INIT, a = BUF_INIT;
	size_t i;

	for (i = 0; i < NPIECE; i++) {
		struct buf b = BUF_INIT;

		buf_reset(&s);
		buf_printf(&s, "x%sy", piece[i]);
		element(&a, piece[i], 0);
		element(&b, piece[i], 1);
		CHECK_STR(b.s, a.s);
		element(&a, buf_str(&s), 0);
		element(&b, buf_str(&s), 1);
		CHECK_STR(b.s, a.s);
		buf_release(&b);
	}
	buf_reset(&a);
	xml_esc(&a, "a\"b", 0);		/* plain: as it is */
	xml_esc(&a, "\"<\xc3\xa9\xff", 0);
	CHECK_STR(a.s, "a\"b&quot;&lt;\xc3\xa9\\xFF");
	/* U+FFFE by bytes, the value's last as it is (libxml2 2.9.14). */
	buf_reset(&a);
	xml_esc(&a, "\xc3\xa9\t\xef\xbf\xbe", 1);
	CHECK_STR(a.s, "&#xE9;&#9;&#xEF;&#xBF;\xbe");
	buf_release(&s);
	buf_release(&a);
}

/* The writer's bytes go to the end of out, and only when it is sound. */
static void
test_finish(void)
{
	struct xml_writer *w;
	struct buf out = BUF_INIT;

	buf_addstr(&out, "before\n");
	w = xml_html_new();
	xml_start(w, "p");
	xml_wtext(w, "x");
	xml_end_full(w);
	CHECK(xml_writer_finish(w, &out) == 0);
	CHECK_STR(out.s, "before\n<!DOCTYPE html>\n<p>x</p>\n");
	buf_reset(&out);
	w = xml_html_new();
	xml_start(w, "p");
	xml_wraw(w, "<b>y</b>", 8);
	xml_end_full(w);
	CHECK(xml_writer_finish(w, &out) == 0);
	CHECK_STR(out.s, "<!DOCTYPE html>\n<p><b>y</b></p>\n");
	buf_release(&out);
}

int
main(void)
{
	RUN(test_esc_pieces);
	RUN(test_esc_seeded);
	RUN(test_finish);
	return UNIT_EXIT();
}
