/*
 * A set of byte strings, or a map from them to a size_t: the one way
 * the library finds what it has seen before (duplicate names, lines,
 * display forms, sentences).  Ownership: the set owns a copy of each
 * key, which may hold any bytes, NUL included, or none; strset_key() is
 * borrowed and valid until the next strset_add().  Keys are compared
 * whole: an equal hash only starts the comparison.
 */
#ifndef VOX_STRSET_H
#define VOX_STRSET_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/* One key, in the order of insertion. */
struct strset_ent {
	size_t		off;		/* of the key in keys */
	size_t		len;
	uint64_t	hash;
	size_t		val;
};

struct strset {
	struct strset_ent	*v;	/* index = order of insertion */
	size_t			 n;
	size_t			 cap;
	size_t			*slot;	/* index + 1 into v; 0: free */
	size_t			 nslot;	/* 0 or a power of two */
	struct buf		 keys;	/* each key and a NUL, back to back */
};
#define STRSET_INIT { NULL, 0, 0, NULL, 0, BUF_INIT }

#define STRSET_NONE	((size_t)-1)

/*
 * Tests only: when set, it replaces strset_hash() to force collisions.
 * Change it only while no set holds keys; tools never set it.
 */
extern uint64_t	(*strset_hash_hook)(const void *, size_t);

uint64_t	 strset_hash(const void *, size_t);
size_t		 strset_find(const struct strset *, const void *, size_t);
int		 strset_add(struct strset *, const void *, size_t, size_t,
		    size_t *);
const char	*strset_key(const struct strset *, size_t, size_t *);
size_t		 strset_val(const struct strset *, size_t);
void		 strset_release(struct strset *);

/*
 * A small 32-bit hash of bytes for tables that hash a key while they
 * read it (disp.c's word units, text.c's number words): a rotate and an
 * xor a byte, a short dependency chain for short words, mixed at the
 * end.  strset_hash32() is the two over a whole key.
 */
static inline uint32_t
strset_step(uint32_t h, unsigned char c)
{
	return ((h << 5) | (h >> 27)) ^ c;
}

static inline uint32_t
strset_mix(uint32_t h)
{
	h *= 0x9E3779B1u;
	return h ^ (h >> 15);
}

static inline uint32_t
strset_hash32(const char *s, size_t n)
{
	uint32_t h = 0;

	while (n-- > 0)
		h = strset_step(h, (unsigned char)*s++);
	return strset_mix(h);
}

#endif
