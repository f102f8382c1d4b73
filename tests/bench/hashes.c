/*
 * make bench: the checksums vox-pack computes, library against library
 * on the same 256 MB in memory: SHA-256 from nettle and (when its
 * headers are installed) OpenSSL, CRC-32 from libdeflate and zlib.
 * Prints GB/s, the best of 3 runs each.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <libdeflate.h>
#include <nettle/sha2.h>
#include <zlib.h>
#ifdef WITH_OPENSSL
#include <openssl/evp.h>
#endif

#define N	(256u << 20)

static double
now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static unsigned char *p;
static unsigned long sink;

static void
sha_nettle(void)
{
	struct sha256_ctx c;
	unsigned char d[32];

	sha256_init(&c);
	sha256_update(&c, N, p);
	sha256_digest(&c, sizeof(d), d);
	sink += d[0];
}

#ifdef WITH_OPENSSL
static void
sha_openssl(void)
{
	unsigned char d[32];

	EVP_Digest(p, N, d, NULL, EVP_sha256(), NULL);
	sink += d[0];
}
#endif

static void
crc_libdeflate(void)
{
	sink += libdeflate_crc32(0, p, N);
}

static void
crc_zlib(void)
{
	sink += crc32(0, p, N);
}

static void
run(const char *name, void (*f)(void))
{
	double best = 1e9, t;
	int k;

	for (k = 0; k < 3; k++) {
		t = now();
		f();
		t = now() - t;
		if (t < best)
			best = t;
	}
	printf("%-22s %6.2f GB/s\n", name, N / best / 1e9);
}

int
main(void)
{
	size_t i;

	if ((p = malloc(N)) == NULL)
		return 1;
	for (i = 0; i < N; i++)
		p[i] = (unsigned char)(i * 2654435761u >> 13);
	run("SHA-256 nettle", sha_nettle);
#ifdef WITH_OPENSSL
	run("SHA-256 OpenSSL", sha_openssl);
#else
	printf("SHA-256 OpenSSL        (libssl-dev not installed)\n");
#endif
	run("CRC-32 libdeflate", crc_libdeflate);
	run("CRC-32 zlib", crc_zlib);
	return sink == 42;
}
