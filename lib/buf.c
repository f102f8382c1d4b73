#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "utf8.h"
#include "xalloc.h"

/* Make room for n more bytes and the terminating NUL. */
void
buf_grow(struct buf *b, size_t n)
{
	size_t cap;

	if (b->len + n + 1 <= b->cap && b->s != NULL)
		return;
	if (n > (size_t)-1 / 2 - b->len)
		xoom();
	cap = b->cap ? b->cap : 64;
	while (cap < b->len + n + 1)
		cap *= 2;
	b->s = xreallocarray(b->s, cap, 1);
	b->cap = cap;
}

void
buf_add(struct buf *b, const void *p, size_t n)
{
	buf_grow(b, n);
	if (n)
		memcpy(b->s + b->len, p, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void
buf_addc(struct buf *b, int c)
{
	char ch = (char)c;

	buf_add(b, &ch, 1);
}

void
buf_addstr(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

/*
 * Characters that move a terminal's cursor, break a line for a parser,
 * reorder the text around them, or are not allowed in XML.
 */
static int
hostile(unsigned int c)
{
	return c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) ||
	    c == 0x061c || c == 0x200e || c == 0x200f ||
	    (c >= 0x2028 && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) ||
	    c == 0xfffe || c == 0xffff;
}

/*
 * Append s as valid UTF-8: each byte that is not part of a valid
 * sequence is written as the four characters \xNN, so that a file name
 * in another encoding stays readable and JSON and XML writers accept it.
 */
void
buf_addvalid(struct buf *b, const char *s)
{
	size_t len = strlen(s), i = 0, at;

	while (i < len) {
		at = i;
		if (utf8_cp(s, len, &i) >= 0)
			buf_add(b, s + at, i - at);
		else
			buf_printf(b, "\\x%02X", (unsigned char)s[at]);
	}
}

/*
 * Append a name or message as one safe line, the one rule for every
 * output (diagnostics, TSV, JSONL, JUnit, SARIF, reports): \n, \r and
 * \t; other C0 controls, DEL and bytes that are not UTF-8 as \xNN; C1
 * controls, line and paragraph separators, bidirectional controls and
 * the XML non-characters U+FFFE and U+FFFF as \uNNNN.  So a file name
 * can neither break a line, forge another, nor reorder what a terminal
 * shows.  The rest is copied.
 */
void
buf_addesc(struct buf *b, const char *s)
{
	size_t len = strlen(s), i = 0, at;
	int32_t c;

	while (i < len) {
		at = i;
		/* Printable ASCII, most of any name: copied in one piece. */
		while (i < len && (unsigned char)s[i] >= 0x20 &&
		    (unsigned char)s[i] < 0x7f)
			i++;
		if (i > at) {
			buf_add(b, s + at, i - at);
			continue;
		}
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
		else if (hostile((unsigned int)c))
			buf_printf(b, "\\u%04X", (unsigned int)c);
		else
			buf_add(b, s + at, i - at);
	}
}

/* s escaped as buf_addesc() does, as a new string for the caller. */
char *
buf_escdup(const char *s)
{
	struct buf b = BUF_INIT;

	buf_addesc(&b, s);
	buf_addstr(&b, "");
	return buf_detach(&b);
}

void
buf_vprintf(struct buf *b, const char *fmt, va_list ap)
{
	va_list cp;
	int n;

	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		return;
	buf_grow(b, (size_t)n);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
}

/*
 * "1 line" or "2 lines": summaries count with this, so that no count
 * is ever followed by a noun of the wrong number.
 */
void
buf_count(struct buf *b, unsigned long long n, const char *one,
    const char *many)
{
	buf_printf(b, "%llu %s", n, n == 1 ? one : many);
}

void
buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->s != NULL)
		b->s[0] = '\0';
}

/* The string, never NULL. */
const char *
buf_str(const struct buf *b)
{
	return b->s != NULL ? b->s : "";
}

char *
buf_detach(struct buf *b)
{
	char *s;

	buf_grow(b, 0);
	s = b->s;
	b->s = NULL;
	b->len = b->cap = 0;
	return s;
}

void
buf_release(struct buf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}
