/*
 * Unit tests for lib/prepare.c: the map from the lines of the repaired
 * transcript back to the user's lines, checked against trans_check.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "prepare.h"
#include "profile.h"
#include "text.h"
#include "trans.h"
#include "unit.h"

static struct locale en = { "en-US", KIND_ACOUSTIC, 1, 0, 0, 0, NULL, NULL,
    0, 0 };

/* Line k (1-based) of s, without its line ending; NULL past the end. */
static char *
line_of(const char *s, size_t len, unsigned long k)
{
	const char *p = s, *end = s + len, *nl;
	unsigned long i;

	if (len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	for (i = 1; p < end; i++, p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		if (i == k)
			return strndup(p, (size_t)(nl - p -
			    (nl > p && nl[-1] == '\r')));
		if (nl == end)
			break;
	}
	return NULL;
}

/*
 * Repair in with vox-trans --fix; the map must have one entry per line
 * of the repair, and each repaired line must start with the name of the
 * raw line it maps to.  want: the expected map, 0-terminated.
 */
static void
check_map(const char *in, size_t len, const unsigned long *want)
{
	struct trans tr = TRANS_INIT;
	struct trans_opts to;
	struct buf out = BUF_INIT;
	struct diag d = DIAG_INIT;
	struct loc l = { "t.txt", NULL, 0, 0 };
	struct text *t;
	unsigned long *map;
	size_t n, k, lines = 0, i;
	char *a, *b;

	memset(&to, 0, sizeof(to));
	to.loc = &en;
	to.repeat_max = 3;
	to.fix = 1;
	to.eol_lf = 1;
	REQUIRE((t = text_open("en-US", &d)) != NULL);
	trans_check(&tr, t, &to, in, len, &l, &out, &d);
	map = prepare_line_map(in, len, &n);
	for (i = 0; i < out.len; i++)
		lines += out.s[i] == '\n';
	if (out.len > 0 && out.s[out.len - 1] != '\n')
		lines++;
	if (out.len == 3 && memcmp(out.s, "\xef\xbb\xbf", 3) == 0)
		lines = 0;
	CHECK(n == lines + 1);
	for (k = 1; k < n; k++) {
		CHECK(map[k] == want[k - 1]);
		a = line_of(out.s, out.len, k);
		b = line_of(in, len, map[k]);
		CHECK(a != NULL && b != NULL);
		if (a != NULL && b != NULL)
			CHECK(strncmp(a, b + strspn(b, " "),
			    strcspn(a, "\t ")) == 0);
		free(a);
		free(b);
	}
	CHECK(want[n - 1] == 0);
	free(map);
	text_close(t);
	trans_release(&tr);
	buf_release(&out);
	diag_release(&d);
}

#define MAP(s, ...) do {						\
	static const unsigned long w_[] = { __VA_ARGS__, 0 };		\
	check_map(s, sizeof(s) - 1, w_);				\
} while (0)

static void
test_blank_lines(void)
{
	MAP("a.wav\thello\n\n  \nb.wav\tworld\n", 1, 4);
	MAP("\n\n\na.wav\thello\n", 4);
	MAP("a.wav\thi\n\nb.wav\tyo", 1, 3);
	MAP("a.wav\thi\n\t\t\n", 1);
}

static void
test_crlf_bom(void)
{
	MAP("\xef\xbb\xbf" "a.wav\thi\r\n\r\n\t\r\nb.wav\tyo\r\n", 1, 4);
	MAP("\xef\xbb\xbf\n" "a.wav\thi\n", 2);
	MAP("a.wav\thi\rthere\n \r \nb.wav\tx\n", 1, 3);
}

static void
test_broken_lines(void)
{
	/* Lines the fixer cannot repair are kept, so they keep a line. */
	MAP("no tab here\n\nc.wav\tx\n", 1, 3);
	MAP("a.wav hello\n\nb.wav\tx\n", 1, 3);
	MAP("a.wav\t\xff\n\n b.wav \tx\n", 1, 3);
}

static void
test_binary(void)
{
	unsigned long *map;
	size_t n;

	/* A binary file is copied as it is: each line is its own. */
	map = prepare_line_map("a.wav\thi\0\n\nb.wav\tx\n", 18, &n);
	CHECK(n == 4 && map[1] == 1 && map[2] == 2 && map[3] == 3);
	free(map);
	map = prepare_line_map("", 0, &n);
	CHECK(n == 1);
	free(map);
}

int
main(void)
{
	RUN(test_blank_lines);
	RUN(test_crlf_bom);
	RUN(test_broken_lines);
	RUN(test_binary);
	return UNIT_EXIT();
}
