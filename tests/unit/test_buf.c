/*
 * Unit tests for lib/buf.c: buf_addesc() copies runs of printable ASCII
 * in one piece; it must escape as it does a code point at a time.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "utf8.h"
#include "unit.h"

static uint32_t
rnd(uint32_t *x)
{
	*x ^= *x << 13;
	*x ^= *x >> 17;
	*x ^= *x << 5;
	return *x;
}

/* The rule of buf_addesc(), a code point at a time. */
static void
reference(struct buf *b, const char *s)
{
	size_t len = strlen(s), i = 0, at;
	int32_t c;

	while (i < len) {
		at = i;
		if ((c = utf8_cp(s, len, &i)) < 0)
			buf_printf(b, "\\x%02X", (unsigned char)s[at]);
		else if (c == '\n')
			buf_addstr(b, "\\n");
		else if (c == '\r')
			buf_addstr(b, "\\r");
		else if (c == '\t')
			buf_addstr(b, "\\t");
		else if (c < 0x20 || c == 0x7f)
			buf_printf(b, "\\x%02X", (unsigned int)c);
		else if ((c >= 0x80 && c <= 0x9f) || c == 0x061c ||
		    c == 0x200e || c == 0x200f ||
		    (c >= 0x2028 && c <= 0x202e) ||
		    (c >= 0x2066 && c <= 0x2069) || c == 0xfffe || c == 0xffff)
			buf_printf(b, "\\u%04X", (unsigned int)c);
		else
			buf_add(b, s + at, i - at);
	}
}

static const char *const piece[] = {
	"a", "set/c00012.wav", " ", "~", "\x7f", "\x1f", "\t", "\n", "\r",
	"\x01", "\xc3\xa9", "\xc2\x85", "\xc2\xa0", "\xd8\x9c", "\xe2\x80\x8e",
	"\xe2\x80\xa8", "\xe2\x80\xae", "\xe2\x81\xa6", "\xef\xbf\xbe",
	"\xef\xbf\xbf", "\xf0\x9f\x98\x80", "\x80", "\xc3", "\xe2\x82",
	"\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xff"
};
#define NPIECE	(sizeof(piece) / sizeof(piece[0]))

static void
test_addesc_seeded(void)
{
	struct buf s = BUF_INIT, a = BUF_INIT, b = BUF_INIT;
	uint32_t seed = 17;
	size_t it, k, n, bad = 0;

	for (it = 0; it < 50000 && bad < 5; it++) {
		buf_reset(&s);
		n = rnd(&seed) % 10;
		for (k = 0; k < n; k++)
			buf_addstr(&s, piece[rnd(&seed) % NPIECE]);
		buf_reset(&a);
		buf_reset(&b);
		buf_addstr(&a, "<");
		buf_addstr(&b, "<");
		reference(&a, buf_str(&s));
		buf_addesc(&b, buf_str(&s));
		if (strcmp(a.s, b.s) != 0) {
			printf("# reference %s\n# buf_addesc %s\n", a.s, b.s);
			bad++;
		}
	}
	CHECK(bad == 0);
	buf_release(&s);
	buf_release(&a);
	buf_release(&b);
}

int
main(void)
{
	RUN(test_addesc_seeded);
	return UNIT_EXIT();
}
