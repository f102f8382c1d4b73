/* Unit tests: the progress line counts items, bytes or audio seconds. */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <unistd.h>

#include "audit.h"
#include "diag.h"
#include "profile.h"
#include "progress.h"
#include "resample.h"
#include "unit.h"

static void
test_count(void)
{
	struct progress p;
	char buf[160];

	progress_begin(&p, 0, 10, "files");
	progress_step(&p, 3);
	progress_format(&p, 0.25, buf, sizeof(buf));
	CHECK_STR(buf, "3/10 files, 12/s, 1 s left");
	progress_step(&p, 7);
	progress_format(&p, 1, buf, sizeof(buf));
	CHECK_STR(buf, "10/10 files, 10/s");
	progress_end(&p);
}

static void
test_bytes(void)
{
	struct progress p;
	char buf[160];

	progress_begin_unit(&p, 0, 10e6, PROGRESS_BYTES);
	progress_add(&p, 1.5e6);
	progress_format(&p, 0.5, buf, sizeof(buf));
	CHECK_STR(buf, "1.5/10.0 MB, 3.0 MB/s, 3 s left");
	progress_end(&p);
}

/* One 30-minute recording moves the line as it is read, not 0/1. */
static void
test_seconds(void)
{
	struct progress p;
	char buf[160];

	progress_begin_unit(&p, 0, 1800, PROGRESS_SECONDS);
	progress_add(&p, 75);
	progress_format(&p, 3, buf, sizeof(buf));
	CHECK_STR(buf, "1:15/30:00 of audio, 25x realtime, 1:09 left");
	progress_add(&p, 1725);
	progress_format(&p, 72, buf, sizeof(buf));
	CHECK_STR(buf, "30:00/30:00 of audio, 25x realtime");
	progress_end(&p);
	progress_begin_unit(&p, 0, 7200, PROGRESS_SECONDS);
	progress_add(&p, 1);
	progress_format(&p, 1, buf, sizeof(buf));
	CHECK_STR(buf, "1 s/2:00:00 of audio, 1x realtime, 1:59:59 left");
	progress_end(&p);
}

static void *
adder(void *arg)
{
	int i;

	for (i = 0; i < 10000; i++)
		progress_add(arg, 0.5);
	return NULL;
}

/* Workers add seconds as they read; nothing is lost to a race. */
static void
test_threads(void)
{
	struct progress p;
	pthread_t t[4];
	int i;

	progress_begin_unit(&p, 0, 20000, PROGRESS_SECONDS);
	for (i = 0; i < 4; i++)
		REQUIRE(pthread_create(&t[i], NULL, adder, &p) == 0);
	for (i = 0; i < 4; i++)
		pthread_join(t[i], NULL);
	CHECK(p.done == 20000);
	progress_end(&p);
}

static void
test_bytes_total(void)
{
	char path[] = "/tmp/voxprogXXXXXX";
	char *paths[3];
	FILE *fp;
	int fd;

	REQUIRE((fd = mkstemp(path)) != -1);
	REQUIRE((fp = fdopen(fd, "w")) != NULL);
	fputs("0123456789", fp);
	fclose(fp);
	paths[0] = path;
	paths[1] = "-";
	paths[2] = "/nonexistent/x.wav";
	CHECK(progress_bytes(paths, 3) == 10);
	paths[1] = path;
	CHECK(progress_bytes(paths, 2) == 20);
	remove(path);
}

/* An item's share: parts as it is read, the rest at its end. */
static void
test_part(void)
{
	struct progress p;
	struct progress_part pp;

	progress_begin_unit(&p, 0, 100, PROGRESS_BYTES);
	progress_part_init(&pp, &p, 40);
	progress_part(&pp, 0.25);
	CHECK(p.done == 10);
	progress_part(&pp, 0.2);	/* never backwards */
	CHECK(p.done == 10);
	progress_part(&pp, 3);		/* never past the item */
	CHECK(p.done == 40);
	progress_part_end(&pp);
	CHECK(p.done == 40);
	progress_part_init(&pp, &p, 60);
	progress_part_end(&pp);
	CHECK(p.done == 100);
	progress_part(NULL, 0.5);
	progress_end(&p);
}

/* A 16 kHz mono WAV of n samples of a ramp, at path. */
static int
wav(const char *path, unsigned int rate, uint32_t n)
{
	unsigned char h[44] = "RIFF\0\0\0\0WAVEfmt \x10\0\0\0\x01\0\x01\0"
	    "\0\0\0\0\0\0\0\0\x02\0\x10\0data";
	FILE *fp;
	uint32_t i, v[4] = { 36 + 2 * n, rate, 2 * rate, 2 * n };
	short s;

	if ((fp = fopen(path, "wb")) == NULL)
		return -1;
	for (i = 0; i < 4; i++) {
		unsigned char *p = h + (i == 0 ? 4 : i == 1 ? 24 : i == 2 ?
		    28 : 40);

		p[0] = v[i] & 0xff;
		p[1] = v[i] >> 8 & 0xff;
		p[2] = v[i] >> 16 & 0xff;
		p[3] = v[i] >> 24 & 0xff;
	}
	fwrite(h, 1, sizeof(h), fp);
	for (i = 0; i < n; i++) {
		s = (short)(i % 2000 * 10 - 10000);
		fwrite(&s, 1, 2, fp);
	}
	return fclose(fp);
}

/*
 * One long file moves the line while it is read: the scan and the
 * conversion report their share before the caller ends the item.
 */
static void
test_part_in_file(void)
{
	char in[] = "/tmp/voxprogwavXXXXXX", out[4096];
	struct audit_opts o;
	struct audit_file af;
	struct resample_opts ro = RESAMPLE_OPTS_INIT;
	struct resample_stats st = RESAMPLE_STATS_INIT;
	struct progress p;
	struct progress_part pp;
	struct diag d = DIAG_INIT;
	int fd;

	memset(&o, 0, sizeof(o));
	REQUIRE((o.prof = profile_load(NULL, &d)) != NULL);
	o.scan = 1;
	REQUIRE((fd = mkstemp(in)) != -1);
	close(fd);
	REQUIRE(wav(in, 22050, 22050 * 20) == 0);
	progress_begin_unit(&p, 0, 1000, PROGRESS_BYTES);
	progress_part_init(&pp, &p, 1000);
	audit_file_part(&o, in, &pp, &af);
	CHECK(af.f.frames == 22050 * 20);
	CHECK(p.done > 990 && p.done <= 1000);
	audit_file_release(&af);
	progress_end(&p);

	snprintf(out, sizeof(out), "%s.out.wav", in);
	progress_begin_unit(&p, 0, 500, PROGRESS_BYTES);
	progress_part_init(&st.part, &p, 500);
	CHECK(resample_file(&ro, in, out, &st, &d) == 0);
	CHECK(p.done > 490 && p.done <= 500);
	progress_part_end(&st.part);
	CHECK(p.done == 500);
	progress_end(&p);
	resample_stats_release(&st);
	remove(out);
	remove(in);
	profile_free((struct profile *)o.prof);
	diag_release(&d);
}

/* Whether a line is drawn: as told, or when stderr is a terminal. */
static void
test_wanted(void)
{
	struct progress p;

	CHECK(progress_wanted(1) == 1);
	CHECK(progress_wanted(0) == 0);
	CHECK(progress_wanted(-1) == isatty(STDERR_FILENO));
	progress_begin(&p, -1, 10, "files");
	CHECK(p.on == progress_wanted(-1));
	progress_end(&p);
}

int
main(void)
{
	RUN(test_count);
	RUN(test_bytes);
	RUN(test_seconds);
	RUN(test_threads);
	RUN(test_bytes_total);
	RUN(test_part);
	RUN(test_part_in_file);
	RUN(test_wanted);
	return UNIT_EXIT();
}
