/*
 * UTF-8 without ICU: decode, encode, validate, count and scan.  Strings
 * are (pointer, length) and borrowed; nothing is allocated.  Invalid
 * sequences (overlong forms, surrogates, beyond U+10FFFF, truncated or
 * stray bytes) are never decoded.
 */
#ifndef VOX_UTF8_H
#define VOX_UTF8_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

int32_t	utf8_cp(const char *, size_t, size_t *);
size_t	utf8_enc(uint32_t, char *);
size_t	utf8_check(const char *, size_t);
size_t	utf8_ncp(const char *, size_t);
unsigned long utf8_col(const char *, size_t);
size_t	utf8_find_above(const char *, size_t, uint32_t);

/*
 * The length of the ASCII prefix of s, eight bytes at a time: most text
 * is ASCII runs, which the scans of utf8.c and text.c skip this way.
 * Inline, since many runs are a few letters between accented ones.
 */
static inline size_t
utf8_ascii(const char *s, size_t len)
{
	size_t i = 0;
	uint64_t w;

	for (; i + 8 <= len; i += 8) {
		memcpy(&w, s + i, 8);
		if (w & 0x8080808080808080ULL)
			break;
	}
	while (i < len && (unsigned char)s[i] < 0x80)
		i++;
	return i;
}

/* Whether one of the eight bytes of w is c (the classic zero-byte test). */
static inline int
utf8_has_byte(uint64_t w, unsigned char c)
{
	uint64_t x = w ^ (0x0101010101010101ULL * c);

	return ((x - 0x0101010101010101ULL) & ~x &
	    0x8080808080808080ULL) != 0;
}

#endif
