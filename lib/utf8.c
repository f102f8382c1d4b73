#include <stddef.h>
#include <stdint.h>

#include "utf8.h"

/*
 * Decode one code point at *i and advance.  Invalid bytes (overlong
 * forms, surrogates, beyond U+10FFFF, truncated sequences) give -1 and
 * advance by one byte.
 */
int32_t
utf8_cp(const char *s, size_t len, size_t *i)
{
	const unsigned char *p = (const unsigned char *)s + *i;
	size_t left = len - *i, n, k;
	int32_t c, min;

	if (p[0] < 0x80) {
		(*i)++;
		return p[0];
	}
	if (p[0] >= 0xC2 && p[0] <= 0xDF) {
		n = 2;
		c = p[0] & 0x1F;
		min = 0x80;
	} else if (p[0] >= 0xE0 && p[0] <= 0xEF) {
		n = 3;
		c = p[0] & 0x0F;
		min = 0x800;
	} else if (p[0] >= 0xF0 && p[0] <= 0xF4) {
		n = 4;
		c = p[0] & 0x07;
		min = 0x10000;
	} else {
		(*i)++;
		return -1;
	}
	if (left < n) {
		(*i)++;
		return -1;
	}
	for (k = 1; k < n; k++) {
		if ((p[k] & 0xC0) != 0x80) {
			(*i)++;
			return -1;
		}
		c = (c << 6) | (p[k] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
		(*i)++;
		return -1;
	}
	*i += n;
	return c;
}

/*
 * Encode c (at most U+10FFFF) into out, which has room for 4 bytes;
 * returns how many it took.
 */
size_t
utf8_enc(uint32_t c, char *out)
{
	if (c < 0x80) {
		out[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		out[0] = (char)(0xC0 | (c >> 6));
		out[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		out[0] = (char)(0xE0 | (c >> 12));
		out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		out[2] = (char)(0x80 | (c & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (c >> 18));
	out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
	out[3] = (char)(0x80 | (c & 0x3F));
	return 4;
}

/* The offset of the first invalid UTF-8 byte, or len if there is none. */
size_t
utf8_check(const char *s, size_t len)
{
	size_t i = 0, at;

	while (i < len) {
		if ((unsigned char)s[i] < 0x80) {
			i += utf8_ascii(s + i, len - i);
			continue;
		}
		at = i;
		if (utf8_cp(s, len, &i) < 0)
			return at;
	}
	return len;
}

/* Code points in s (an invalid byte counts as one). */
size_t
utf8_ncp(const char *s, size_t len)
{
	size_t i, k, n = 0;

	for (i = 0; i < len; i++) {
		if ((unsigned char)s[i] < 0x80) {
			k = utf8_ascii(s + i, len - i);
			n += k;
			i += k - 1;
		} else if (((unsigned char)s[i] & 0xC0) != 0x80)
			n++;
	}
	return n;
}

/*
 * The column of byte offset off in s: 1 + the code points before it,
 * as in GCC's and mandoc's "FILE:LINE:COL" for UTF-8 text.
 */
unsigned long
utf8_col(const char *s, size_t off)
{
	return (unsigned long)utf8_ncp(s, off) + 1;
}

/* The offset of the first code point above max (or invalid byte), or len. */
size_t
utf8_find_above(const char *s, size_t len, uint32_t max)
{
	size_t i = 0, at;
	int32_t c;

	while (i < len) {
		at = i;
		if ((unsigned char)s[i] < 0x80) {
			if (max >= 0x7F) {
				i += utf8_ascii(s + i, len - i);
				continue;
			}
			i++;
			if ((unsigned char)s[at] > max)
				return at;
			continue;
		}
		c = utf8_cp(s, len, &i);
		if (c < 0 || (uint32_t)c > max)
			return at;
	}
	return len;
}
