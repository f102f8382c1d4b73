/* Unit tests for lib/strset.c, the set and map of byte strings. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "strset.h"
#include "unit.h"

/* Every key hashes alike: each lookup must compare keys to tell them. */
static uint64_t
same_hash(const void *p, size_t len)
{
	(void)p;
	(void)len;
	return 42;
}

static void
test_basic(void)
{
	struct strset s = STRSET_INIT;
	size_t at = 99, len;

	CHECK(strset_find(&s, "a", 1) == STRSET_NONE);
	CHECK(strset_add(&s, "apple", 5, 10, &at) == 1 && at == 0);
	CHECK(strset_add(&s, "pear", 4, 20, &at) == 1 && at == 1);
	CHECK(strset_add(&s, "apple", 5, 30, &at) == 0 && at == 0);
	CHECK(strset_val(&s, 0) == 10);
	CHECK(strset_find(&s, "pear", 4) == 1);
	CHECK(strset_find(&s, "pea", 3) == STRSET_NONE);
	CHECK(strset_find(&s, "pears", 5) == STRSET_NONE);
	CHECK(strset_find(&s, "plum", 4) == STRSET_NONE);
	CHECK_STR(strset_key(&s, 1, &len), "pear");
	CHECK(len == 4);
	CHECK(strset_add(&s, "plum", 4, 0, NULL) == 1 && s.n == 3);
	strset_release(&s);
	CHECK(s.n == 0 && strset_find(&s, "apple", 5) == STRSET_NONE);
	CHECK(strset_add(&s, "apple", 5, 1, &at) == 1 && at == 0);
	strset_release(&s);
}

static void
test_empty_and_binary(void)
{
	struct strset s = STRSET_INIT;
	size_t at, len;
	const char *k;

	CHECK(strset_find(&s, NULL, 0) == STRSET_NONE);
	CHECK(strset_add(&s, NULL, 0, 7, &at) == 1 && at == 0);
	CHECK(strset_add(&s, "", 0, 8, &at) == 0 && at == 0);
	CHECK(strset_find(&s, "x", 0) == 0 && strset_val(&s, 0) == 7);
	CHECK_STR(strset_key(&s, 0, &len), "");
	CHECK(len == 0);
	/* NUL is a byte like another: none of these is a prefix match. */
	CHECK(strset_find(&s, "\0", 1) == STRSET_NONE);
	CHECK(strset_add(&s, "\0", 1, 1, NULL) == 1);
	CHECK(strset_add(&s, "a\0b", 3, 2, NULL) == 1);
	CHECK(strset_add(&s, "a\0c", 3, 3, NULL) == 1);
	CHECK(strset_add(&s, "a", 1, 4, NULL) == 1);
	CHECK(strset_add(&s, "a\0b", 3, 5, &at) == 0 && at == 2);
	CHECK(s.n == 5);
	k = strset_key(&s, 3, &len);
	CHECK(len == 3 && memcmp(k, "a\0c", 4) == 0);
	CHECK(strset_find(&s, "a\0", 2) == STRSET_NONE);
	CHECK(strset_find(&s, "\xff\0\x01", 3) == STRSET_NONE);
	strset_release(&s);
}

/* All keys collide: each is still kept, found and told apart. */
static void
test_collisions(void)
{
	struct strset s = STRSET_INIT;
	char k[32];
	size_t i, n, at;
	int bad = 0;

	strset_hash_hook = same_hash;
	for (i = 0; i < 300; i++) {
		n = (size_t)snprintf(k, sizeof(k), "line %zu", i);
		bad += strset_add(&s, k, n, i + 1, NULL) != 1;
	}
	CHECK(bad == 0 && s.n == 300);
	/* Same hash, same length, one byte apart: two keys. */
	CHECK(strset_add(&s, "line 1x", 7, 0, NULL) == 1);
	CHECK(strset_add(&s, "line 1y", 7, 0, NULL) == 1);
	for (i = 0; i < 300; i++) {
		n = (size_t)snprintf(k, sizeof(k), "line %zu", i);
		bad += strset_find(&s, k, n) != i;
		bad += strset_add(&s, k, n, 0, &at) != 0 || at != i ||
		    strset_val(&s, at) != i + 1;
	}
	CHECK(bad == 0 && s.n == 302);
	CHECK(strset_find(&s, "line 300", 8) == STRSET_NONE);
	CHECK(strset_find(&s, "line 1z", 7) == STRSET_NONE);
	CHECK(strset_find(&s, "", 0) == STRSET_NONE);
	strset_release(&s);
	strset_hash_hook = NULL;
}

/* The longest run of used slots: long runs make lookups slow. */
static size_t
longest_run(const struct strset *s)
{
	size_t i, run = 0, max = 0;

	for (i = 0; i < 2 * s->nslot; i++) {
		run = s->slot[i % s->nslot] != 0 ? run + 1 : 0;
		if (run > max)
			max = run;
	}
	return max;
}

/* The table doubles and stays at most half full; keys survive it. */
static void
test_growth(void)
{
	struct strset s = STRSET_INIT;
	char k[32];
	size_t i, n, want, len;
	int bad = 0;

	for (i = 0; i < 100000; i++) {
		n = (size_t)snprintf(k, sizeof(k), "w%zu", i);
		bad += strset_add(&s, k, n, i, NULL) != 1;
		for (want = 16; want < 2 * s.n; want *= 2)
			;
		bad += s.nslot != want;
	}
	CHECK(bad == 0 && s.n == 100000);
	for (i = 0; i < 100000; i += 7) {
		n = (size_t)snprintf(k, sizeof(k), "w%zu", i);
		bad += strset_find(&s, k, n) != i || strset_val(&s, i) != i;
		bad += strcmp(strset_key(&s, i, &len), k) != 0 || len != n;
	}
	CHECK(bad == 0);
	CHECK(strset_find(&s, "w100000", 7) == STRSET_NONE);
	/* Sequential keys spread: runs stay short (at load 1/2, ~30). */
	CHECK(longest_run(&s) < 200);
	strset_release(&s);
	strset_hash_hook = same_hash;
	for (i = 0; i < 1000; i++) {
		n = (size_t)snprintf(k, sizeof(k), "w%zu", i);
		strset_add(&s, k, n, i, NULL);
	}
	/* The check above can fail: a constant hash makes one run. */
	CHECK(longest_run(&s) == 1000);
	strset_release(&s);
	strset_hash_hook = NULL;
}

static void
test_hash(void)
{
	CHECK(strset_hash("a", 1) != strset_hash("b", 1));
	CHECK(strset_hash("", 0) != strset_hash("\0", 1));
	CHECK(strset_hash("ab", 2) != strset_hash("ba", 2));
	/* The low bits pick the slot: they must differ for near keys. */
	CHECK((strset_hash("w1", 2) & 15) != (strset_hash("w2", 2) & 15) ||
	    (strset_hash("w2", 2) & 15) != (strset_hash("w3", 2) & 15));
}

int
main(void)
{
	RUN(test_basic);
	RUN(test_empty_and_binary);
	RUN(test_collisions);
	RUN(test_growth);
	RUN(test_hash);
	return UNIT_EXIT();
}
