/* Unit tests: auditing audio held in memory, as lint does for zips. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "buf.h"
#include "dataset.h"
#include "diag.h"
#include "profile.h"
#include "unit.h"

static void
test_vendor_members(void)
{
	struct dataset ds;
	struct diag d = DIAG_INIT;
	struct buf b = BUF_INIT;
	struct audit_opts o;
	struct audit_file af;
	const struct dataset_entry *e;
	const char *s = unit_vendor();
	char path[4096];

	memset(&o, 0, sizeof(o));
	o.prof = profile_load(NULL, &d);
	CHECK(o.prof != NULL);
	if (o.prof == NULL)
		return;
	snprintf(path, sizeof(path), "%s/de-DE/training/audio-and-trans.zip",
	    s);
	REQUIRE(dataset_open(&ds, path, &d) == 0);
	e = dataset_find(&ds, "audio1.wav");
	REQUIRE(e != NULL && dataset_read(&ds, e, &b, 0, &d) == 0);
	audit_mem(&o, path, e->name, b.s, b.len, &af);
	CHECK(af.d.n == 0);
	CHECK(af.f.rate == 16000 && af.f.channels == 1 && af.f.bits == 16);
	CHECK(af.f.frames == 395203 && af.f.header_bytes == 44);
	audit_file_release(&af);
	/* A scan in memory measures the samples too. */
	o.scan = 1;
	audit_mem(&o, path, e->name, b.s, b.len, &af);
	CHECK(af.f.scanned && af.f.scan.peak_db < 0 &&
	    af.f.scan.rms_db < af.f.scan.peak_db);
	CHECK(af.d.n == 1 && diag_has(&af.d, "AUDIO-PAD"));
	CHECK(af.d.n == 1 && strcmp(af.d.v[0].member, "audio1.wav") == 0);
	audit_file_release(&af);
	/* Text is not audio, wherever it comes from. */
	buf_reset(&b);
	e = dataset_find(&ds, "trans.txt");
	REQUIRE(e != NULL && dataset_read(&ds, e, &b, 0, &d) == 0);
	audit_mem(&o, path, e->name, b.s, b.len, &af);
	CHECK(diag_has(&af.d, "AUDIO-READ"));
	audit_file_release(&af);
	dataset_close(&ds);
	profile_free((struct profile *)o.prof);
	buf_release(&b);
	diag_release(&d);
}

int
main(void)
{
	RUN(test_vendor_members);
	return UNIT_EXIT();
}
