/*
 * Unit tests: reproducible zip writing, read back through the reader,
 * also from several threads at once.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "archive.h"
#include "buf.h"
#include "diag.h"
#include "hash.h"
#include "io.h"
#include "unit.h"

static char dir[] = "artest.XXXXXX";

static int
make_zip(const char *path, int deflate)
{
	struct outfile of = OUTFILE_INIT;
	struct diag d = DIAG_INIT;
	struct archive_writer *w;
	char src[64], hex[HASH_HEXLEN];
	uint64_t bytes;
	FILE *fp;
	int rc = -1;

	snprintf(src, sizeof(src), "%s/src.bin", dir);
	if ((fp = fopen(src, "w")) == NULL)
		return -1;
	fputs("RIFF....WAVEdata", fp);
	fclose(fp);
	if ((fp = io_create(&of, path, &d)) == NULL)
		goto out;
	if ((w = archive_write_open(fp, path, 2, &d)) == NULL) {
		io_abort(&of);
		goto out;
	}
	if (archive_write_file(w, "a.wav", src, deflate, &d) == -1 ||
	    archive_write_mem(w, "trans.txt", "a.wav\thello\n", 12, deflate,
	    &d) == -1) {
		archive_write_abort(w);
		io_abort(&of);
		goto out;
	}
	if (archive_write_close(w, hex, &bytes, &d) == -1) {
		io_abort(&of);
		goto out;
	}
	rc = io_commit(&of, &d);
out:
	CHECK(d.n == 0);
	diag_release(&d);
	return rc;
}

static char *
slurp(const char *path, size_t *len)
{
	struct diag d = DIAG_INIT;
	struct buf b = BUF_INIT;

	io_read_file(path, &b, 0, &d);
	diag_release(&d);
	*len = b.len;
	return buf_detach(&b);
}

static void
test_roundtrip(void)
{
	struct diag d = DIAG_INIT;
	struct buf b = BUF_INIT;
	struct archive *a;
	const struct archive_entry *e;
	char path[64];

	snprintf(path, sizeof(path), "%s/out.zip", dir);
	CHECK(make_zip(path, 0) == 0);
	a = archive_open(path, &d);
	CHECK(a != NULL);
	if (a == NULL)
		return;
	CHECK(archive_count(a) == 2);
	e = archive_entry(a, 0);
	CHECK_STR(e->name, "a.wav");
	CHECK(e->method == 0 && e->size == 16 && e->csize == 16);
	CHECK(!e->encrypted && !e->symlink && !e->dir);
	CHECK(archive_read(a, 1, &b, 0, &d) == 0);
	CHECK_STR(buf_str(&b), "a.wav\thello\n");
	CHECK(d.n == 0);
	archive_close(a);
	buf_release(&b);
	diag_release(&d);
}

/* Same inputs, another time zone and a later mtime: same bytes. */
static void
test_reproducible(void)
{
	char p1[64], p2[64], cmd[160];
	char *a, *b;
	size_t la, lb;

	snprintf(p1, sizeof(p1), "%s/one.zip", dir);
	snprintf(p2, sizeof(p2), "%s/two.zip", dir);
	setenv("TZ", "UTC", 1);
	tzset();
	CHECK(make_zip(p1, 1) == 0);
	sleep(1);
	setenv("TZ", "Asia/Kolkata", 1);
	tzset();
	CHECK(make_zip(p2, 1) == 0);
	unsetenv("TZ");
	tzset();
	a = slurp(p1, &la);
	b = slurp(p2, &lb);
	CHECK(la > 0 && la == lb && memcmp(a, b, la) == 0);
	free(a);
	free(b);
	/* Other tools read it. */
	snprintf(cmd, sizeof(cmd), "unzip -tqq %s >/dev/null 2>&1", p1);
	CHECK(system(cmd) == 0);
}

/*
 * Threads reading members of one archive at once each get the right
 * bytes: the archive serializes its libzip calls itself.
 */
#define TH_MEMBERS	6
#define TH_BYTES	(256 * 1024)
#define TH_THREADS	4
#define TH_ROUNDS	8

struct reader {
	struct archive	*a;
	int		 bad;
	int		 start;
};

/* The bytes of member k: a pattern deflate cannot reduce to nothing. */
static void
member_bytes(int k, struct buf *b)
{
	unsigned int x = 2463534242u + (unsigned int)k;
	size_t i;

	buf_reset(b);
	for (i = 0; i < TH_BYTES; i++) {
		x ^= x << 13;
		x ^= x >> 17;
		x ^= x << 5;
		buf_addc(b, 'a' + (int)(x % 7));
	}
}

static void *
read_all(void *arg)
{
	struct reader *r = arg;
	struct buf want = BUF_INIT, got = BUF_INIT;
	struct diag d = DIAG_INIT;
	int n, k;

	for (n = 0; n < TH_ROUNDS * TH_MEMBERS; n++) {
		k = (r->start + n) % TH_MEMBERS;
		member_bytes(k, &want);
		buf_reset(&got);
		if (archive_read(r->a, (size_t)k, &got, 0, &d) != 0 ||
		    got.len != want.len || memcmp(got.s, want.s, got.len) != 0)
			r->bad++;
	}
	r->bad += d.n != 0;
	buf_release(&want);
	buf_release(&got);
	diag_release(&d);
	return NULL;
}

static void
test_threads(void)
{
	struct outfile of = OUTFILE_INIT;
	struct diag d = DIAG_INIT;
	struct buf b = BUF_INIT;
	struct archive_writer *w;
	struct archive *a;
	struct reader r[TH_THREADS];
	pthread_t tid[TH_THREADS];
	char path[64], name[16], hex[HASH_HEXLEN];
	uint64_t bytes;
	FILE *fp;
	int k;

	snprintf(path, sizeof(path), "%s/threads.zip", dir);
	REQUIRE((fp = io_create(&of, path, &d)) != NULL);
	REQUIRE((w = archive_write_open(fp, path, 2, &d)) != NULL);
	for (k = 0; k < TH_MEMBERS; k++) {
		member_bytes(k, &b);
		snprintf(name, sizeof(name), "m%d.txt", k);
		CHECK(archive_write_mem(w, name, b.s, b.len, 1, &d) == 0);
	}
	CHECK(archive_write_close(w, hex, &bytes, &d) == 0);
	CHECK(io_commit(&of, &d) == 0);
	buf_release(&b);
	REQUIRE((a = archive_open(path, &d)) != NULL);
	REQUIRE(archive_count(a) == TH_MEMBERS);
	for (k = 0; k < TH_THREADS; k++) {
		r[k].a = a;
		r[k].bad = 0;
		r[k].start = k;
		REQUIRE(pthread_create(&tid[k], NULL, read_all, &r[k]) == 0);
	}
	for (k = 0; k < TH_THREADS; k++) {
		pthread_join(tid[k], NULL);
		CHECK(r[k].bad == 0);
	}
	archive_close(a);
	CHECK(d.n == 0);
	diag_release(&d);
}

/* A file of n bytes of a pattern, at dir/name. */
static void
pattern_file(const char *name, size_t n, char *path, size_t len)
{
	FILE *fp;
	size_t i;

	snprintf(path, len, "%s/%s", dir, name);
	REQUIRE((fp = fopen(path, "w")) != NULL);
	for (i = 0; i < n; i++)
		putc((int)((i * 7 + i / 4099) & 0xff), fp);
	fclose(fp);
}

/*
 * Our writer (stored members from files and memory) and libzip (the
 * same members copied out of the first zip, which it alone can do) give
 * the same bytes: one zip format, whichever wrote it.  The sizes cover
 * an empty file, one block, the one-pass limit and past it (read twice),
 * and a name that is not ASCII.  The digest it hands back is the file's.
 */
static void
test_own_writer_is_libzip(void)
{
	static const struct {
		const char	*name;
		size_t		 size;
	} f[] = {
		{ "empty.wav", 0 }, { "block.wav", 256 * 1024 },
		{ "one-pass.wav", 4u << 20 }, { "two-pass.wav", (4u << 20) + 1 },
		{ "\xc3\xa9t\xc3\xa9.wav", 1000 },
	};
	struct outfile of = OUTFILE_INIT;
	struct diag d = DIAG_INIT;
	struct archive_writer *w;
	struct archive *a;
	char p1[64], p2[64], src[128], hex[HASH_HEXLEN], want[HASH_HEXLEN];
	uint64_t bytes;
	char *mem, *x, *y;
	size_t i, lx, ly, nf = sizeof(f) / sizeof(f[0]);
	FILE *fp;

	snprintf(p1, sizeof(p1), "%s/own.zip", dir);
	snprintf(p2, sizeof(p2), "%s/libzip.zip", dir);
	REQUIRE((fp = io_create(&of, p1, &d)) != NULL);
	REQUIRE((w = archive_write_open(fp, p1, 2, &d)) != NULL);
	for (i = 0; i < nf; i++) {
		pattern_file(f[i].name, f[i].size, src, sizeof(src));
		CHECK(archive_write_file(w, f[i].name, src, 0, &d) == 0);
	}
	mem = calloc(1, 600000);
	CHECK(archive_write_mem(w, "trans.txt", mem, 600000, 0, &d) == 0);
	free(mem);
	CHECK(archive_write_close(w, hex, &bytes, &d) == 1);
	CHECK(io_commit(&of, &d) == 0);
	CHECK(hash_file(p1, want, &d) == 0);
	CHECK_STR(hex, want);
	x = slurp(p1, &lx);
	CHECK(bytes == lx);
	free(x);

	REQUIRE((a = archive_open(p1, &d)) != NULL);
	REQUIRE(archive_count(a) == nf + 1);
	REQUIRE((fp = io_create(&of, p2, &d)) != NULL);
	REQUIRE((w = archive_write_open(fp, p2, 2, &d)) != NULL);
	for (i = 0; i < nf + 1; i++)
		CHECK(archive_write_member(w, archive_entry(a, i)->name, a, i,
		    0, &d) == 0);
	CHECK(archive_write_close(w, hex, &bytes, &d) == 0);
	CHECK(io_commit(&of, &d) == 0);
	archive_close(a);
	x = slurp(p1, &lx);
	y = slurp(p2, &ly);
	CHECK(lx > (8u << 20) && lx == ly && memcmp(x, y, lx) == 0);
	free(x);
	free(y);
	CHECK(d.n == 0);
	diag_release(&d);
}

/* A file that changes after it was added is an error, not a bad zip. */
static void
test_changed_file(void)
{
	struct outfile of = OUTFILE_INIT;
	struct diag d = DIAG_INIT;
	struct archive_writer *w;
	char p[64], src[128], hex[HASH_HEXLEN];
	uint64_t bytes;
	size_t sizes[] = { 1000, (4u << 20) + 5 }, k;
	FILE *fp;

	snprintf(p, sizeof(p), "%s/changed.zip", dir);
	for (k = 0; k < 2; k++) {
		pattern_file("grows.wav", sizes[k], src, sizeof(src));
		REQUIRE((fp = io_create(&of, p, &d)) != NULL);
		REQUIRE((w = archive_write_open(fp, p, 1, &d)) != NULL);
		CHECK(archive_write_file(w, "grows.wav", src, 0, &d) == 0);
		pattern_file("grows.wav", sizes[k] + 1, src, sizeof(src));
		CHECK(archive_write_close(w, hex, &bytes, &d) == -1);
		CHECK(d.n == 1 && d.v != NULL &&
		    strstr(d.v[0].msg, "changed while it was being packed") !=
		    NULL);
		io_abort(&of);
		diag_release(&d);
	}
}

int
main(void)
{
	char cmd[64];

	if (mkdtemp(dir) == NULL)
		return 3;
	RUN(test_roundtrip);
	RUN(test_reproducible);
	RUN(test_threads);
	RUN(test_own_writer_is_libzip);
	RUN(test_changed_file);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	return system(cmd) == 0 ? UNIT_EXIT() : 3;
}
