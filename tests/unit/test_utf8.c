/* Unit tests for lib/utf8.c, and the buf.c escapes built on it. */
#include <stdint.h>
#include <string.h>

#include "buf.h"
#include "utf8.h"
#include "unit.h"

static void
test_check(void)
{
	CHECK(utf8_check("abc", 3) == 3);
	CHECK(utf8_check("a\xc3\xa9z", 4) == 4);
	CHECK(utf8_check("ab\xe9z", 4) == 2);
	CHECK(utf8_check("\xc0\xaf", 2) == 0);		/* overlong */
	CHECK(utf8_check("\xe0\x80\xaf", 3) == 0);	/* overlong */
	CHECK(utf8_check("\xed\xa0\x80", 3) == 0);	/* surrogate */
	CHECK(utf8_check("\xf4\x90\x80\x80", 4) == 0);	/* over U+10FFFF */
	CHECK(utf8_check("\xf5\x80\x80\x80", 4) == 0);
	CHECK(utf8_check("x\xe2\x82", 3) == 1);		/* truncated */
	CHECK(utf8_check("\x80", 1) == 0);		/* stray */
	/* The length bounds it, not a NUL. */
	CHECK(utf8_check("a\0b", 3) == 3);
	CHECK(utf8_check("\xe2\x82\xac", 2) == 0);
}

static void
test_cp(void)
{
	const char *s = "a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\xff!";
	size_t i = 0, len = strlen(s);

	CHECK(utf8_cp(s, len, &i) == 'a' && i == 1);
	CHECK(utf8_cp(s, len, &i) == 0xe9 && i == 3);
	CHECK(utf8_cp(s, len, &i) == 0x20ac && i == 6);
	CHECK(utf8_cp(s, len, &i) == 0x1f600 && i == 10);
	CHECK(utf8_cp(s, len, &i) == -1 && i == 11);	/* one byte on */
	CHECK(utf8_cp(s, len, &i) == '!' && i == 12);
	CHECK(utf8_ncp("\xc3\xa9t\xc3\xa9", 5) == 3);
	CHECK(utf8_find_above("caf\xc3\xa9", 5, 0x7f) == 3);
	CHECK(utf8_find_above("caf\xc2\xa1", 5, 0xa1) == 5);
	CHECK(utf8_find_above("ab\xff", 3, 0x10ffff) == 2);
}

/* Columns count code points from 1; an invalid byte is one column. */
static void
test_col(void)
{
	const char *s = "a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\xff!";

	CHECK(utf8_col(s, 0) == 1);
	CHECK(utf8_col(s, 1) == 2);
	CHECK(utf8_col(s, 3) == 3);
	CHECK(utf8_col(s, 6) == 4);
	CHECK(utf8_col(s, 10) == 5);
	CHECK(utf8_col(s, 11) == 6);
	CHECK(utf8_col(s, 12) == 7);
	CHECK(utf8_col("", 0) == 1);
}

/* Every code point but the surrogates encodes and decodes to itself. */
static void
test_enc(void)
{
	static const uint32_t edge[] = { 0, 0x7f, 0x80, 0x7ff, 0x800,
	    0xd7ff, 0xe000, 0xffff, 0x10000, 0x10ffff };
	char u[4];
	size_t n, i, k, bad = 0;
	uint32_t c;

	for (c = 0; c <= 0x10ffff; c++) {
		if (c >= 0xd800 && c <= 0xdfff)
			continue;
		n = utf8_enc(c, u);
		i = 0;
		if (n != (c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 :
		    4) || utf8_cp(u, n, &i) != (int32_t)c || i != n)
			bad++;
	}
	CHECK(bad == 0);
	for (k = 0; k < sizeof(edge) / sizeof(edge[0]); k++) {
		n = utf8_enc(edge[k], u);
		CHECK(utf8_check(u, n) == n);
	}
	CHECK(utf8_enc(0x20ac, u) == 3 && memcmp(u, "\xe2\x82\xac", 3) == 0);
}

/*
 * The scans skip ASCII eight bytes at a time: what follows a long run
 * (or ends in a short tail) must count as a byte at a time would.
 */
static void
test_runs(void)
{
	const char *s = "abcdefghijklmnop\xc3\xa9qrstuvwxyz0123456\xff"
	    "ABCDEFGH\xe2\x82\xac!";
	char big[300];
	size_t i, len = strlen(s), k, n = 0;

	CHECK(utf8_ascii(s, len) == 16);
	CHECK(utf8_ascii(s, 7) == 7);
	CHECK(utf8_ascii("", 0) == 0);
	CHECK(utf8_check(s, len) == 35);
	CHECK(utf8_check(s, 35) == 35);
	CHECK(utf8_find_above(s, len, 0x7f) == 16);
	CHECK(utf8_find_above(s, len, 0xff) == 35);
	CHECK(utf8_find_above(s, 16, 0x7f) == 16);
	CHECK(utf8_find_above("abcdefghijkl", 12, 'k') == 11);
	CHECK(utf8_ncp(s, len) == 45);
	CHECK(utf8_col(s, 35) == 35);
	/* Every length and offset of a mixed string, against a byte loop. */
	for (i = 0; i < sizeof(big); i++)
		big[i] = i % 37 == 36 ? (char)0xc3 : i % 37 == 0 && i > 0 ?
		    (char)0xa9 : (char)('a' + i % 26);
	for (k = 0; k <= sizeof(big); k++) {
		if (k > 0 && ((unsigned char)big[k - 1] & 0xc0) != 0x80)
			n++;
		if (utf8_ncp(big, k) != n)
			break;
	}
	CHECK(k == sizeof(big) + 1);
}

/* buf.c's escapes decode through utf8_cp(): the same verdicts. */
static void
test_buf(void)
{
	struct buf b = BUF_INIT;

	buf_addvalid(&b, "caf\xc3\xa9 \xe9t\xe2\x82 \xed\xa0\x80!");
	CHECK_STR(buf_str(&b), "caf\xc3\xa9 \\xE9t\\xE2\\x82 "
	    "\\xED\\xA0\\x80!");
	buf_reset(&b);
	buf_addesc(&b, "a\tb\x01\xc2\x85\xe2\x80\xae\xf0\x9f\x98\x80\xc0");
	CHECK_STR(buf_str(&b), "a\\tb\\x01\\u0085\\u202E\xf0\x9f\x98\x80"
	    "\\xC0");
	buf_release(&b);
}

int
main(void)
{
	RUN(test_check);
	RUN(test_cp);
	RUN(test_col);
	RUN(test_runs);
	RUN(test_enc);
	RUN(test_buf);
	return UNIT_EXIT();
}
