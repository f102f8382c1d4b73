/*
 * Open addressing with linear probing over a table of indexes into a
 * dense array of entries.  The table is at most half full and doubles
 * when it would be more, rehashing from the stored hashes without
 * reading a key again, so n adds cost O(n + total key bytes).  The
 * entries keep the order of insertion, which gives each key a stable
 * index that callers use for data of their own.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "strset.h"
#include "xalloc.h"

/* The first table; small, so that tests of growth stay small too. */
#define STRSET_SLOTS	16

uint64_t	(*strset_hash_hook)(const void *, size_t);

/*
 * FNV-1a over the bytes, then MurmurHash3's finalizer, so that the low
 * bits which pick a slot depend on every byte.
 */
uint64_t
strset_hash(const void *p, size_t len)
{
	const unsigned char *s = p;
	uint64_t h = 1469598103934665603ULL;
	size_t i;

	for (i = 0; i < len; i++)
		h = (h ^ s[i]) * 1099511628211ULL;
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 33;
	return h;
}

static uint64_t
hash_of(const void *p, size_t len)
{
	return strset_hash_hook != NULL ? strset_hash_hook(p, len) :
	    strset_hash(p, len);
}

/* The slot holding key, or the free slot where it would go. */
static size_t
probe(const struct strset *s, const void *key, size_t len, uint64_t h)
{
	const struct strset_ent *e;
	size_t mask = s->nslot - 1, k, i;

	for (k = (size_t)h & mask; (i = s->slot[k]) != 0; k = (k + 1) & mask) {
		e = &s->v[i - 1];
		if (e->hash == h && e->len == len &&
		    (len == 0 || memcmp(s->keys.s + e->off, key, len) == 0))
			break;
	}
	return k;
}

static void
grow(struct strset *s)
{
	size_t i, k, mask;

	free(s->slot);
	s->nslot = s->nslot ? s->nslot * 2 : STRSET_SLOTS;
	s->slot = xcalloc(s->nslot, sizeof(*s->slot));
	mask = s->nslot - 1;
	for (i = 0; i < s->n; i++) {
		for (k = (size_t)s->v[i].hash & mask; s->slot[k] != 0;
		    k = (k + 1) & mask)
			;
		s->slot[k] = i + 1;
	}
}

/* The index of key, or STRSET_NONE. */
size_t
strset_find(const struct strset *s, const void *key, size_t len)
{
	size_t k;

	if (s->n == 0)
		return STRSET_NONE;
	k = probe(s, key, len, hash_of(key, len));
	return s->slot[k] != 0 ? s->slot[k] - 1 : STRSET_NONE;
}

/*
 * Add key with the value val and return 1, or return 0 if it is there
 * already, its value unchanged.  Either way *at (unless NULL) is set to
 * the key's index: 0, 1, 2 ... in the order keys were first added.
 */
int
strset_add(struct strset *s, const void *key, size_t len, size_t val,
    size_t *at)
{
	struct strset_ent *e;
	uint64_t h = hash_of(key, len);
	size_t k;

	if ((s->n + 1) * 2 > s->nslot)
		grow(s);
	k = probe(s, key, len, h);
	if (s->slot[k] != 0) {
		if (at != NULL)
			*at = s->slot[k] - 1;
		return 0;
	}
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : STRSET_SLOTS;
		s->v = xreallocarray(s->v, s->cap, sizeof(*s->v));
	}
	e = &s->v[s->n];
	e->off = s->keys.len;
	e->len = len;
	e->hash = h;
	e->val = val;
	buf_add(&s->keys, key, len);
	buf_addc(&s->keys, '\0');
	s->slot[k] = ++s->n;
	if (at != NULL)
		*at = s->n - 1;
	return 1;
}

/* The key at index i, NUL-terminated; its length in *len unless NULL. */
const char *
strset_key(const struct strset *s, size_t i, size_t *len)
{
	if (len != NULL)
		*len = s->v[i].len;
	return s->keys.s + s->v[i].off;
}

size_t
strset_val(const struct strset *s, size_t i)
{
	return s->v[i].val;
}

void
strset_release(struct strset *s)
{
	free(s->v);
	free(s->slot);
	buf_release(&s->keys);
	memset(s, 0, sizeof(*s));
}
