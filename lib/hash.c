#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <nettle/sha2.h>

#include "diag.h"
#include "hash.h"
#include "xalloc.h"

struct hash {
	struct sha256_ctx	ctx;
};

struct hash *
hash_new(void)
{
	struct hash *h = xmalloc(sizeof(*h));

	sha256_init(&h->ctx);
	return h;
}

void
hash_update(struct hash *h, const void *p, size_t n)
{
	sha256_update(&h->ctx, n, p);
}

/* Write the digest to out and free h. */
void
hash_final(struct hash *h, unsigned char out[HASH_LEN])
{
	sha256_digest(&h->ctx, HASH_LEN, out);
	free(h);
}

void
hash_hex(const unsigned char d[HASH_LEN], char out[HASH_HEXLEN])
{
	static const char hex[] = "0123456789abcdef";
	size_t i;

	for (i = 0; i < HASH_LEN; i++) {
		out[2 * i] = hex[d[i] >> 4];
		out[2 * i + 1] = hex[d[i] & 15];
	}
	out[2 * HASH_LEN] = '\0';
}

void
hash_mem(const void *p, size_t n, char out[HASH_HEXLEN])
{
	struct hash *h = hash_new();
	unsigned char d[HASH_LEN];

	hash_update(h, p, n);
	hash_final(h, d);
	hash_hex(d, out);
}

/* The SHA-256 of a file, in hex.  Returns 0, or -1 after reporting. */
int
hash_file(const char *path, char out[HASH_HEXLEN], struct diag *d)
{
	unsigned char buf[1 << 16], dig[HASH_LEN];
	struct hash *h;
	size_t n;
	FILE *fp;
	int rc = 0;

	if ((fp = fopen(path, "rb")) == NULL) {
		diag_syserr(d, "cannot open '%s': %s", path, strerror(errno));
		return -1;
	}
	h = hash_new();
	while ((n = fread(buf, 1, sizeof(buf), fp)) > 0)
		hash_update(h, buf, n);
	if (ferror(fp)) {
		diag_syserr(d, "cannot read '%s': %s", path, strerror(errno));
		rc = -1;
	}
	fclose(fp);
	hash_final(h, dig);
	hash_hex(dig, out);
	return rc;
}
