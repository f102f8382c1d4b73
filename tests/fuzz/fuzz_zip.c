/*
 * libFuzzer target: the zip member listing and reading on a buffer
 * (archive_open_mem), then the whole vox-lint path on the same bytes as
 * a .zip file: zip safety, layout, every WAV audited, the transcript
 * checked and paired, duplicates.  One job, so a run is deterministic.
 * Needs VOXPREP_DATADIR or an installed profile.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "archive.h"
#include "buf.h"
#include "dataset.h"
#include "diag.h"
#include "lint.h"
#include "profile.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static char dir[] = "/tmp/fuzz_zip.XXXXXX";
static char path[sizeof(dir) + 16];

static void
cleanup(void)
{
	unlink(path);
	rmdir(dir);
}

/* Every member listed, judged by name and read, 1 MB at most. */
static void
listing(const uint8_t *data, size_t size)
{
	struct diag d = DIAG_INIT;
	struct buf b = BUF_INIT;
	struct archive *a;
	const struct archive_entry *e;
	const char *why;
	size_t i;

	if ((a = archive_open_mem(data, size, "fuzz.zip", &d)) == NULL)
		goto out;
	for (i = 0; i < archive_count(a); i++) {
		if ((e = archive_entry(a, i)) == NULL)
			abort();
		(void)dataset_unsafe_name(e->name, &why);
		buf_reset(&b);
		if (archive_read(a, i, &b, 1 << 20, &d) >= 0 &&
		    b.len > 1 << 20)
			abort();
	}
	if (archive_entry(a, archive_count(a)) != NULL)
		abort();
out:
	archive_close(a);
	buf_release(&b);
	diag_release(&d);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct profile *prof;
	static const struct locale *loc;
	struct lint_opts o;
	struct lint_set set = LINT_SET_INIT;
	struct lint_result res;
	struct diag d = DIAG_INIT;
	struct buf verdict = BUF_INIT;
	FILE *fp;

	if (prof == NULL) {
		if ((prof = profile_load(NULL, &d)) == NULL ||
		    (loc = profile_locale(prof, "en-US")) == NULL ||
		    mkdtemp(dir) == NULL)
			abort();
		snprintf(path, sizeof(path), "%s/set.zip", dir);
		atexit(cleanup);
	}
	listing(data, size);
	if ((fp = fopen(path, "wb")) == NULL ||
	    fwrite(data, 1, size, fp) != size || fclose(fp) == EOF)
		abort();
	memset(&o, 0, sizeof(o));
	o.prof = prof;
	o.loc = loc;
	o.jobs = 1;
	o.testing = size > 0 && (data[size - 1] & 1);
	o.scan = size > 0 && (data[size - 1] & 2);
	o.kind = size > 0 && (data[size - 1] & 4) ? KIND_ACOUSTIC : 0;
	lint_path(&o, path, NULL, &set, &res, &d);
	lint_verdict(&verdict, path, &res, loc, &d);
	/* Against itself: every item leaks into the other set. */
	if (size > 0 && (data[size - 1] & 8))
		lint_path(&o, path, &set, NULL, &res, &d);
	lint_set_release(&set);
	buf_release(&verdict);
	diag_release(&d);
	return 0;
}
