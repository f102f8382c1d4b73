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

int32_t	utf8_cp(const char *, size_t, size_t *);
size_t	utf8_enc(uint32_t, char *);
size_t	utf8_check(const char *, size_t);
size_t	utf8_ncp(const char *, size_t);
unsigned long utf8_col(const char *, size_t);
size_t	utf8_find_above(const char *, size_t, uint32_t);

#endif
