/*
 * Unit tests: SHA-256 against the FIPS 180-2 test vectors; the pipe
 * gives the digest of what it was fed, threaded or not.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "hash.h"
#include "unit.h"

static void
test_vectors(void)
{
	char hex[HASH_HEXLEN];

	hash_mem("", 0, hex);
	CHECK_STR(hex, "e3b0c44298fc1c149afbf4c8996fb924"
	    "27ae41e4649b934ca495991b7852b855");
	hash_mem("abc", 3, hex);
	CHECK_STR(hex, "ba7816bf8f01cfea414140de5dae2223"
	    "b00361a396177a9cb410ff61f20015ad");
}

static void
test_stream_equals_whole(void)
{
	struct hash *h = hash_new();
	unsigned char d[HASH_LEN];
	char a[HASH_HEXLEN], b[HASH_HEXLEN];
	const char *s = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";

	hash_update(h, s, 10);
	hash_update(h, s + 10, strlen(s) - 10);
	hash_final(h, d);
	hash_hex(d, a);
	hash_mem(s, strlen(s), b);
	CHECK_STR(a, b);
	CHECK_STR(a, "248d6a61d20638b8e5c026930c3e6039"
	    "a33ce45964ff2167f6ecedd419db06c1");
}

static void
test_file(void)
{
	struct diag d = DIAG_INIT;
	char hex[HASH_HEXLEN];
	FILE *fp = fopen("hash.tmp", "w");

	fputs("abc", fp);
	fclose(fp);
	CHECK(hash_file("hash.tmp", hex, &d) == 0);
	CHECK_STR(hex, "ba7816bf8f01cfea414140de5dae2223"
	    "b00361a396177a9cb410ff61f20015ad");
	remove("hash.tmp");
	CHECK(hash_file("hash.tmp", hex, &d) == -1 && d.n == 1);
	diag_release(&d);
}

static int released;

static void
release(void *arg)
{
	free(arg);
	released++;
}

/* Chunks of many sizes, some over the pipe's bound, in order. */
static void
pipe_case(int threaded, size_t max)
{
	struct hash_pipe *hp = hash_pipe_new(threaded, max);
	char want[HASH_HEXLEN], got[HASH_HEXLEN];
	unsigned int x = 12345;
	unsigned char *all = malloc(1 << 20), *c;
	size_t at = 0, n, k = 0;

	released = 0;
	while (at < (1 << 20)) {
		n = (size_t)(x % 70000);
		x = x * 1103515245 + 12345;
		if (n > (1 << 20) - at)
			n = (1 << 20) - at;
		c = malloc(n + 1);
		for (size_t i = 0; i < n; i++)
			all[at + i] = c[i] = (unsigned char)(x >> (i % 24));
		hash_pipe_put(hp, c, n, release, c);
		at += n;
		k++;
	}
	hash_pipe_final(hp, got);
	hash_mem(all, at, want);
	CHECK_STR(got, want);
	CHECK((size_t)released == k);
	free(all);
}

static void
test_pipe(void)
{
	char hex[HASH_HEXLEN];

	pipe_case(1, 1 << 16);
	pipe_case(1, 1);		/* one chunk at a time */
	pipe_case(0, 1 << 16);
	hash_pipe_final(hash_pipe_new(1, 100), hex);
	CHECK_STR(hex, "e3b0c44298fc1c149afbf4c8996fb924"
	    "27ae41e4649b934ca495991b7852b855");
}

int
main(void)
{
	RUN(test_vectors);
	RUN(test_stream_equals_whole);
	RUN(test_file);
	RUN(test_pipe);
	return UNIT_EXIT();
}
