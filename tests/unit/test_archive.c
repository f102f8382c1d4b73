/* Unit tests: reproducible zip writing, read back through the reader. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "archive.h"
#include "buf.h"
#include "diag.h"
#include "io.h"
#include "unit.h"

static char dir[] = "artest.XXXXXX";

static int
make_zip(const char *path, int deflate)
{
	struct outfile of = OUTFILE_INIT;
	struct diag d = DIAG_INIT;
	struct archive_writer *w;
	char src[64];
	FILE *fp;
	int rc = -1;

	snprintf(src, sizeof(src), "%s/src.bin", dir);
	if ((fp = fopen(src, "w")) == NULL)
		return -1;
	fputs("RIFF....WAVEdata", fp);
	fclose(fp);
	if ((fp = io_create(&of, path, &d)) == NULL)
		goto out;
	if ((w = archive_write_open(fp, path, &d)) == NULL) {
		io_abort(&of);
		goto out;
	}
	if (archive_write_file(w, "a.wav", src, deflate, &d) == -1 ||
	    archive_write_mem(w, "trans.txt", "a.wav\thello\n", 12, deflate,
	    &d) == -1) {
		archive_write_close(w, &d);
		io_abort(&of);
		goto out;
	}
	if (archive_write_close(w, &d) == -1) {
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

int
main(void)
{
	char cmd[64];

	if (mkdtemp(dir) == NULL)
		return 3;
	RUN(test_roundtrip);
	RUN(test_reproducible);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	return system(cmd) == 0 ? UNIT_EXIT() : 3;
}
