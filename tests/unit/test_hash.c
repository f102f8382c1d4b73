/* Unit tests: SHA-256 against the FIPS 180-2 test vectors. */
#include <stdio.h>
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

int
main(void)
{
	RUN(test_vectors);
	RUN(test_stream_equals_whole);
	RUN(test_file);
	return UNIT_EXIT();
}
