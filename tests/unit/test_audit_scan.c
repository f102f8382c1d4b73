/*
 * Unit tests: the sample scan of a WAV file gives the same figures by
 * every road.  16-bit PCM is read straight from the data chunk, from a
 * file or in place in memory; anything else is decoded by libsndfile.
 * Each case here is audited from a file, from memory, and from memory
 * at an odd address (read through a copy then), and every figure must
 * equal, bit for bit, what libsndfile's decoding of the same bytes fed
 * to the scan gives: odd byte counts, a cut data chunk, chunks after
 * the data, 8-bit, 24-bit and float samples, stereo, no samples.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "audio.h"
#include "audit.h"
#include "buf.h"
#include "diag.h"
#include "profile.h"
#include "scan.h"
#include "unit.h"

#define N	150000		/* samples: two blocks and a part */

static short sig[N];
static struct audit_opts opts;

/*
 * Noise at several levels after 0.2 s of silence, with runs of 1 to 5
 * samples at (or next to) full scale all over: across vector lanes, 10
 * ms windows and the block boundary at SCAN_BLOCK.
 */
static void
make_signal(void)
{
	uint32_t r = 12345;
	size_t i, k, at;
	static const short edge[] = { 32767, -32768, -32767, 32766, -32766 };

	for (i = 0; i < N; i++) {
		r = r * 1103515245 + 12345;
		sig[i] = i < 3200 ? 0 : (short)((int)(r >> 16 & 0xffff) -
		    32768) / (i < 70000 ? 3 : 1);
	}
	for (at = 3300, k = 0; at + 6 < N; at += 997, k++)
		for (i = 0; i < k % 5 + 1; i++)
			sig[at + i] = edge[(k + (i == 0 ? 0 : k / 5)) % 5];
	for (i = SCAN_BLOCK - 2; i < SCAN_BLOCK + 3; i++)
		sig[i] = -32768;
}

static void
put16(struct buf *b, unsigned int v)
{
	buf_addc(b, (char)(v & 0xff));
	buf_addc(b, (char)(v >> 8 & 0xff));
}

static void
put32(struct buf *b, uint32_t v)
{
	put16(b, v & 0xffff);
	put16(b, v >> 16);
}

/* The samples of sig as bits-bit PCM (tag 1) or float (tag 3). */
static void
encode(struct buf *b, unsigned int tag, unsigned int bits, size_t n)
{
	size_t i;
	float f;
	uint32_t u;

	for (i = 0; i < n; i++) {
		if (tag == 3) {
			f = sig[i] / 32768.0f;
			memcpy(&u, &f, 4);
			put32(b, u);
		} else if (bits == 8)
			buf_addc(b, (char)((sig[i] >> 8) + 128));
		else if (bits == 24) {
			buf_addc(b, (char)(sig[i] & 0x0f ? 0x40 : 0));
			put16(b, (unsigned int)sig[i] & 0xffff);
		} else
			put16(b, (unsigned int)sig[i] & 0xffff);
	}
}

/*
 * A RIFF/WAVE file of n samples: declared is the data chunk's size
 * field, cut drops that many bytes off the end of the samples, odd adds
 * one byte of a last sample cut short, tail adds a LIST chunk after.
 */
static void
make_wav(struct buf *b, unsigned int tag, unsigned int ch,
    unsigned int bits, size_t n, int odd, size_t cut, int tail)
{
	struct buf data = BUF_INIT;
	unsigned int align = ch * (bits / 8);
	size_t declared;

	buf_reset(b);
	encode(&data, tag, bits, n);
	if (odd)
		buf_addc(&data, 0x11);
	declared = data.len;
	data.len -= cut;
	buf_addstr(b, "RIFF");
	put32(b, 0);
	buf_addstr(b, "WAVEfmt ");
	put32(b, 16);
	put16(b, tag);
	put16(b, ch);
	put32(b, 16000);
	put32(b, 16000 * align);
	put16(b, align);
	put16(b, bits);
	buf_addstr(b, "data");
	put32(b, (uint32_t)declared);
	buf_add(b, data.s, data.len);
	if (tail) {
		if (data.len & 1)
			buf_addc(b, 0);
		buf_addstr(b, "LIST");
		put32(b, 4);
		buf_addstr(b, "INFO");
	}
	b->s[4] = (char)((b->len - 8) & 0xff);
	b->s[5] = (char)((b->len - 8) >> 8 & 0xff);
	b->s[6] = (char)((b->len - 8) >> 16 & 0xff);
	b->s[7] = (char)((b->len - 8) >> 24 & 0xff);
	buf_release(&data);
}

/*
 * The reference: libsndfile decodes the bytes as float, scaled to 16
 * bits as any decoded format is, fed to the scan in SCAN_BLOCK samples.
 */
static int
reference(const struct buf *b, struct scan_result *r)
{
	struct loc l = { "ref.wav", NULL, 0, 0 };
	struct diag d = DIAG_INIT;
	struct audio_fmt af;
	struct audio_in *a;
	struct scan sc;
	static short s[SCAN_BLOCK];
	static float x[SCAN_BLOCK];
	size_t got, i;
	float v;

	if ((a = audio_open_mem(b->s, b->len, &l, &af, &d)) == NULL) {
		diag_release(&d);
		return -1;
	}
	scan_init(&sc, af.rate, af.channels);
	while ((got = audio_read(a, x, SCAN_BLOCK / af.channels)) > 0) {
		for (i = 0; i < got * af.channels; i++) {
			v = x[i] * 32768.0f;
			s[i] = v >= 32767.0f ? 32767 : v <= -32768.0f ?
			    -32768 : (short)lrintf(v);
		}
		scan_block(&sc, s, got * af.channels);
	}
	scan_finish(&sc, r);
	audio_close(a);
	diag_release(&d);
	return 0;
}

/* Two doubles the same, NaN as NaN. */
static int
same(double a, double b)
{
	return (isnan(a) && isnan(b)) || a == b;
}

static int
same_scan(const struct audit_facts *f, const struct scan_result *r)
{
	const struct scan_result *g = &f->scan;

	return f->scanned && f->frames == r->frames &&
	    same(g->peak_db, r->peak_db) && same(g->rms_db, r->rms_db) &&
	    g->clipped == r->clipped && g->clip_runs == r->clip_runs &&
	    same(g->dc, r->dc) && same(g->lead_s, r->lead_s) &&
	    same(g->trail_s, r->trail_s) && same(g->hf_db, r->hf_db) &&
	    g->silent == r->silent;
}

/* Audit b from a file, from memory and from memory at an odd address. */
static void
check_roads(const char *what, const struct buf *b, int fast)
{
	struct scan_result r;
	struct audit_file af;
	char path[] = "/tmp/test_audit_scan.XXXXXX";
	char *odd = malloc(b->len + 2);
	FILE *fp;
	int fd;

	REQUIRE(odd != NULL);
	/* malloc aligns: one byte on, the samples are at odd addresses. */
	memcpy(odd + 1, b->s != NULL ? b->s : "", b->len);

	if (reference(b, &r) == -1) {
		printf("# %s: libsndfile cannot decode it\n", what);
		CHECK(0);
		free(odd);
		return;
	}
	if ((fd = mkstemp(path)) == -1 || (fp = fdopen(fd, "wb")) == NULL) {
		CHECK(0);
		free(odd);
		return;
	}
	CHECK(fwrite(b->s, 1, b->len, fp) == b->len);
	CHECK(fclose(fp) == 0);
	audit_file(&opts, path, &af);
	if (!same_scan(&af.f, &r))
		printf("# %s: read from a file\n", what);
	CHECK(same_scan(&af.f, &r));
	CHECK(fast == (strcmp(af.f.codec, "PCM_16") == 0));
	audit_file_release(&af);
	unlink(path);
	audit_mem(&opts, "mem.wav", NULL, b->s, b->len, &af);
	if (!same_scan(&af.f, &r))
		printf("# %s: in memory\n", what);
	CHECK(same_scan(&af.f, &r));
	audit_file_release(&af);
	audit_mem(&opts, "odd.wav", NULL, odd + 1, b->len, &af);
	if (!same_scan(&af.f, &r))
		printf("# %s: in memory at an odd address\n", what);
	CHECK(same_scan(&af.f, &r));
	audit_file_release(&af);
	free(odd);
}

static void
test_pcm16(void)
{
	struct buf b = BUF_INIT;

	make_wav(&b, 1, 1, 16, N, 0, 0, 0);
	check_roads("mono", &b, 1);
	make_wav(&b, 1, 1, 16, SCAN_BLOCK, 0, 0, 0);
	check_roads("one whole block", &b, 1);
	make_wav(&b, 1, 1, 16, 17, 0, 0, 0);
	check_roads("17 samples", &b, 1);
	make_wav(&b, 1, 2, 16, N, 0, 0, 0);
	check_roads("stereo", &b, 1);
	buf_release(&b);
}

static void
test_odd_cases(void)
{
	struct buf b = BUF_INIT;

	make_wav(&b, 1, 1, 16, N - 1, 1, 0, 0);
	check_roads("odd byte count", &b, 1);
	make_wav(&b, 1, 1, 16, N, 0, 40001, 0);
	check_roads("data chunk cut, odd", &b, 1);
	make_wav(&b, 1, 1, 16, N, 0, 40000, 0);
	check_roads("data chunk cut", &b, 1);
	make_wav(&b, 1, 1, 16, N, 0, 0, 1);
	check_roads("a chunk after the data", &b, 1);
	make_wav(&b, 1, 1, 16, N - 1, 1, 0, 1);
	check_roads("odd data, pad, a chunk after", &b, 1);
	make_wav(&b, 1, 1, 16, 0, 0, 0, 0);
	check_roads("no samples", &b, 1);
	buf_release(&b);
}

/* What is not 16-bit PCM goes to libsndfile, whatever the road. */
static void
test_fallback(void)
{
	struct buf b = BUF_INIT;

	make_wav(&b, 1, 1, 8, N, 0, 0, 0);
	check_roads("8-bit", &b, 0);
	make_wav(&b, 1, 1, 24, N, 0, 0, 0);
	check_roads("24-bit", &b, 0);
	make_wav(&b, 3, 1, 32, N, 0, 0, 0);
	check_roads("float", &b, 0);
	make_wav(&b, 1, 1, 24, N, 0, 30001, 0);
	check_roads("24-bit, cut", &b, 0);
	buf_release(&b);
}

int
main(void)
{
	struct diag d = DIAG_INIT;

	make_signal();
	memset(&opts, 0, sizeof(opts));
	opts.scan = 1;
	opts.prof = profile_load(NULL, &d);
	if (opts.prof == NULL) {
		printf("FAIL profile_load\n");
		return 1;
	}
	RUN(test_pcm16);
	RUN(test_odd_cases);
	RUN(test_fallback);
	profile_free((struct profile *)opts.prof);
	diag_release(&d);
	return UNIT_EXIT();
}
