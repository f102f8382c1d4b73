/*
 * SHA-256, the nettle adapter: the only module that includes nettle.
 * Used for the manifests' checksums and to find duplicate audio.  A
 * struct hash is allocated by hash_new() and freed by hash_final().
 * A struct hash_pipe hashes on a thread of its own: the caller hands
 * over chunks in order and goes on writing while they are hashed.
 */
#ifndef VOX_HASH_H
#define VOX_HASH_H

#include <stddef.h>

#include "diag.h"

#define HASH_LEN 32
#define HASH_HEXLEN 65		/* 64 hex digits and the NUL */

struct hash;

struct hash	*hash_new(void);
void		 hash_update(struct hash *, const void *, size_t);
void		 hash_final(struct hash *, unsigned char [HASH_LEN]);
void		 hash_hex(const unsigned char [HASH_LEN], char [HASH_HEXLEN]);
void		 hash_mem(const void *, size_t, char [HASH_HEXLEN]);
int		 hash_file(const char *, char [HASH_HEXLEN], struct diag *);

struct hash_pipe;

struct hash_pipe *hash_pipe_new(int, size_t);
void		 hash_pipe_put(struct hash_pipe *, const void *, size_t,
		    void (*)(void *), void *);
void		 hash_pipe_final(struct hash_pipe *, char [HASH_HEXLEN]);

#endif
