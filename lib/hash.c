#include <errno.h>
#include <pthread.h>
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

/*
 * The pipe: a queue of chunks, hashed in order by one thread, at most
 * max bytes waiting so that memory stays flat whatever the input.  Each
 * chunk's release(arg) is called once it is hashed, on that thread.
 * Without a thread (threaded 0, or none could be started) put hashes at
 * once: the same digest, on the caller's time.
 */
struct chunk {
	const void	*p;
	size_t		 n;
	void		(*release)(void *);
	void		*arg;
	struct chunk	*next;
};

struct hash_pipe {
	struct hash	*h;
	pthread_t	 th;
	int		 threaded;
	pthread_mutex_t	 mu;
	pthread_cond_t	 more;		/* a chunk came, or the end */
	pthread_cond_t	 room;		/* a chunk was hashed */
	struct chunk	*head, *tail;
	size_t		 waiting, max;
	int		 end;
};

static void *
pipe_main(void *arg)
{
	struct hash_pipe *hp = arg;
	struct chunk *c;

	pthread_mutex_lock(&hp->mu);
	for (;;) {
		while (hp->head == NULL && !hp->end)
			pthread_cond_wait(&hp->more, &hp->mu);
		if ((c = hp->head) == NULL)
			break;
		pthread_mutex_unlock(&hp->mu);
		hash_update(hp->h, c->p, c->n);
		if (c->release != NULL)
			c->release(c->arg);
		pthread_mutex_lock(&hp->mu);
		if ((hp->head = c->next) == NULL)
			hp->tail = NULL;
		hp->waiting -= c->n;
		free(c);
		pthread_cond_signal(&hp->room);
	}
	pthread_mutex_unlock(&hp->mu);
	return NULL;
}

struct hash_pipe *
hash_pipe_new(int threaded, size_t max)
{
	struct hash_pipe *hp = xcalloc(1, sizeof(*hp));

	hp->h = hash_new();
	hp->max = max;
	if (threaded) {
		pthread_mutex_init(&hp->mu, NULL);
		pthread_cond_init(&hp->more, NULL);
		pthread_cond_init(&hp->room, NULL);
		if (pthread_create(&hp->th, NULL, pipe_main, hp) == 0)
			hp->threaded = 1;
		else {
			pthread_cond_destroy(&hp->room);
			pthread_cond_destroy(&hp->more);
			pthread_mutex_destroy(&hp->mu);
		}
	}
	return hp;
}

/* Hash p[0..n) after what came before; release(arg) when done with it. */
void
hash_pipe_put(struct hash_pipe *hp, const void *p, size_t n,
    void (*release)(void *), void *arg)
{
	struct chunk *c;

	if (!hp->threaded) {
		hash_update(hp->h, p, n);
		if (release != NULL)
			release(arg);
		return;
	}
	c = xmalloc(sizeof(*c));
	c->p = p;
	c->n = n;
	c->release = release;
	c->arg = arg;
	c->next = NULL;
	pthread_mutex_lock(&hp->mu);
	/* A chunk bigger than max still goes, alone. */
	while (hp->head != NULL && hp->waiting + n > hp->max)
		pthread_cond_wait(&hp->room, &hp->mu);
	if (hp->tail != NULL)
		hp->tail->next = c;
	else
		hp->head = c;
	hp->tail = c;
	hp->waiting += n;
	pthread_cond_signal(&hp->more);
	pthread_mutex_unlock(&hp->mu);
}

/* Wait for every chunk, write the digest in hex and free hp. */
void
hash_pipe_final(struct hash_pipe *hp, char out[HASH_HEXLEN])
{
	unsigned char dig[HASH_LEN];

	if (hp->threaded) {
		pthread_mutex_lock(&hp->mu);
		hp->end = 1;
		pthread_cond_signal(&hp->more);
		pthread_mutex_unlock(&hp->mu);
		pthread_join(hp->th, NULL);
		pthread_cond_destroy(&hp->room);
		pthread_cond_destroy(&hp->more);
		pthread_mutex_destroy(&hp->mu);
	}
	hash_final(hp->h, dig);
	hash_hex(dig, out);
	free(hp);
}
