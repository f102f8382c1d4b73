/* Unit tests: auditing audio held in memory, as lint does for zips. */
#include <stdint.h>
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

/* A 16 kHz mono WAV of frames samples after a JUNK chunk of junk bytes. */
static size_t
junk_wav(unsigned char *w, size_t junk, size_t frames)
{
	size_t n = 0, i, data = frames * 2;

#define PUT32(v) do { uint32_t x_ = (uint32_t)(v); w[n++] = x_ & 0xff; \
	w[n++] = (x_ >> 8) & 0xff; w[n++] = (x_ >> 16) & 0xff; \
	w[n++] = x_ >> 24; } while (0)
#define PUT16(v) do { w[n++] = (v) & 0xff; w[n++] = ((v) >> 8) & 0xff; } \
	while (0)
	memcpy(w + n, "RIFF", 4), n += 4;
	PUT32(4 + 8 + junk + 8 + 16 + 8 + data);
	memcpy(w + n, "WAVEJUNK", 8), n += 8;
	PUT32(junk);
	memset(w + n, 0, junk), n += junk;
	memcpy(w + n, "fmt ", 4), n += 4;
	PUT32(16);
	PUT16(1);
	PUT16(1);
	PUT32(16000);
	PUT32(32000);
	PUT16(2);
	PUT16(16);
	memcpy(w + n, "data", 4), n += 4;
	PUT32(data);
	for (i = 0; i < frames; i++)
		PUT16((unsigned)(i * 97 % 2000));
#undef PUT32
#undef PUT16
	return n;
}

/*
 * Headers longer than the first read (512 bytes, 4 KiB when scanning)
 * are read on: the same facts, from a file and from memory.
 */
static void
test_long_headers(void)
{
	static const size_t junks[] = { 0, 100, 440, 452, 460, 500, 1000,
	    3000, 4040, 4052, 5000, 30000 };
	static unsigned char w[40000];
	struct diag d = DIAG_INIT;
	struct audit_opts o;
	struct audit_file af;
	char path[] = "longhead.wav";
	size_t k, n, m;
	FILE *fp;
	int scan;

	memset(&o, 0, sizeof(o));
	o.prof = profile_load(NULL, &d);
	REQUIRE(o.prof != NULL);
	for (k = 0; k < sizeof(junks) / sizeof(junks[0]); k++) {
		n = junk_wav(w, junks[k], 1600);
		REQUIRE((fp = fopen(path, "wb")) != NULL);
		fwrite(w, 1, n, fp);
		fclose(fp);
		for (scan = 0; scan < 2; scan++)
			for (m = 0; m < 2; m++) {
				o.scan = scan;
				if (m == 0)
					audit_file(&o, path, &af);
				else
					audit_mem(&o, path, NULL, w, n, &af);
				CHECK(af.f.opened && af.f.rate == 16000 &&
				    af.f.channels == 1 && af.f.frames == 1600);
				CHECK(af.f.header_bytes ==
				    (int64_t)(44 + 8 + junks[k]));
				CHECK(!scan || af.f.scanned);
				CHECK(!diag_has(&af.d, "AUDIO-READ"));
				if (af.f.frames != 1600 || af.f.header_bytes !=
				    (int64_t)(44 + 8 + junks[k]))
					printf("# junk %zu, scan %d, memory "
					    "%zu\n", junks[k], scan, m);
				audit_file_release(&af);
			}
	}
	remove(path);
	profile_free((struct profile *)o.prof);
	diag_release(&d);
}

int
main(void)
{
	RUN(test_vendor_members);
	RUN(test_long_headers);
	return UNIT_EXIT();
}
