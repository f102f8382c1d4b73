/* Unit tests of the RIFF/WAVE header walk (lib/riff.c). */
#include <stdint.h>
#include <string.h>

#include "riff.h"
#include "unit.h"

static size_t
put32(unsigned char *p, uint32_t v)
{
	p[0] = v & 0xff;
	p[1] = (v >> 8) & 0xff;
	p[2] = (v >> 16) & 0xff;
	p[3] = (v >> 24) & 0xff;
	return 4;
}

/* A canonical header of 8 kHz mono PCM16 with n data bytes. */
static size_t
canonical(unsigned char *b, uint32_t n)
{
	static const unsigned char fmt[16] = {
		1, 0, 1, 0, 0x40, 0x1f, 0, 0, 0x80, 0x3e, 0, 0, 2, 0, 16, 0
	};

	memcpy(b, "RIFF", 4);
	put32(b + 4, 36 + n);
	memcpy(b + 8, "WAVEfmt ", 8);
	put32(b + 16, 16);
	memcpy(b + 20, fmt, 16);
	memcpy(b + 36, "data", 4);
	put32(b + 40, n);
	memset(b + 44, 0, n);
	return 44 + n;
}

static void
test_canonical(void)
{
	unsigned char b[64];
	struct riff r;
	size_t n = canonical(b, 16);

	CHECK(riff_parse(b, n, n, &r) == 0);
	CHECK(r.flags == (RIFF_WAVE | RIFF_FMT | RIFF_DATA));
	CHECK(r.tag == 1 && r.channels == 1 && r.rate == 8000);
	CHECK(r.byte_rate == 16000 && r.align == 2 && r.bits == 16);
	CHECK(r.data_off == 44 && r.data_size == 16 && r.data_avail == 16);
	CHECK(r.chunks[0] == '\0');
}

static void
test_not_riff(void)
{
	struct riff r;

	CHECK(riff_parse((const unsigned char *)"fLaC", 4, 4, &r) == -1);
	CHECK(riff_parse((const unsigned char *)"", 0, 0, &r) == -1);
	CHECK(riff_parse((const unsigned char *)"RIFF\0\0\0\0AVI ", 12, 12,
	    &r) == -1);
}

static void
test_truncated(void)
{
	unsigned char b[64];
	struct riff r;

	canonical(b, 16);
	CHECK(riff_parse(b, 50, 50, &r) == 0);
	CHECK(r.flags & RIFF_DATA);
	CHECK(r.data_size == 16 && r.data_avail == 6);
	/* Cut inside the fmt chunk. */
	CHECK(riff_parse(b, 30, 30, &r) == 0);
	CHECK(!(r.flags & RIFF_FMT) && (r.flags & RIFF_BROKEN));
}

static void
test_odd_chunks(void)
{
	unsigned char b[96];
	struct riff r;
	size_t n;

	/* fmt, then "junk" of 3 bytes plus its pad, then data. */
	canonical(b, 0);
	memmove(b + 48, b + 36, 8);
	memcpy(b + 36, "junk", 4);
	put32(b + 40, 3);
	memcpy(b + 44, "odd", 4);
	n = 56;
	CHECK(riff_parse(b, n, n, &r) == 0);
	CHECK(r.flags & RIFF_DATA && !(r.flags & RIFF_NOPAD));
	CHECK(r.data_off == 56);
	CHECK_STR(r.chunks, "'junk'");
	/* The same without the pad byte. */
	memmove(b + 47, b + 48, 8);
	n = 55;
	CHECK(riff_parse(b, n, n, &r) == 0);
	CHECK(r.flags & RIFF_DATA && r.flags & RIFF_NOPAD);
	CHECK(r.data_off == 55);
	CHECK_STR(r.nopad_id, "junk");
}

static void
test_beyond(void)
{
	unsigned char b[64];
	struct riff r;

	canonical(b, 0);
	memcpy(b + 36, "LIST", 4);
	put32(b + 40, 100000);
	/* The LIST chunk runs past the bytes given, not past the file. */
	CHECK(riff_parse(b, 44, 200000, &r) == 0);
	CHECK(r.flags & RIFF_BEYOND && !(r.flags & RIFF_DATA));
	/* Past the file: broken. */
	CHECK(riff_parse(b, 44, 44, &r) == 0);
	CHECK(r.flags & RIFF_BROKEN);
}

static void
test_extensible(void)
{
	static const unsigned char tail[14] = {
		0, 0, 0, 0, 0x10, 0, 0x80, 0, 0, 0xaa, 0, 0x38, 0x9b, 0x71
	};
	unsigned char b[80];
	struct riff r;

	canonical(b, 0);
	put32(b + 16, 40);
	b[20] = 0xfe;
	b[21] = 0xff;
	memset(b + 36, 0, 24);
	b[36] = 22;
	b[38] = 16;
	b[44] = 1;
	memcpy(b + 46, tail, 14);
	memcpy(b + 60, "data", 4);
	put32(b + 64, 0);
	CHECK(riff_parse(b, 68, 68, &r) == 0);
	CHECK(r.flags & RIFF_EXT && r.flags & RIFF_EXT_KNOWN);
	CHECK(r.tag == 1 && r.data_off == 68 && r.fmt_size == 40);
}

static void
test_trailer(void)
{
	unsigned char b[32];

	memcpy(b, "LIST", 4);
	put32(b + 4, 5);
	memcpy(b + 8, "abcde", 6);
	CHECK(riff_chunks(b, 14, 14) == 1);
	CHECK(riff_chunks(b, 13, 13) == 1);
	CHECK(riff_chunks((const unsigned char *)"garbage!garbage", 15, 15)
	    == 0);
	/* Whole so far; the rest was not read. */
	CHECK(riff_chunks(b, 14, 20) == 1);
	memcpy(b + 14, "zzzzzz", 6);
	CHECK(riff_chunks(b, 20, 20) == 0);
}

static void
test_codec(void)
{
	CHECK_STR(riff_codec(1, 16), "PCM_16");
	CHECK_STR(riff_codec(1, 8), "PCM_U8");
	CHECK_STR(riff_codec(3, 32), "FLOAT");
	CHECK_STR(riff_codec(6, 8), "ALAW");
	CHECK(riff_codec(1, 12) == NULL);
	CHECK(riff_codec(0x1234, 16) == NULL);
}

int
main(void)
{
	RUN(test_canonical);
	RUN(test_not_riff);
	RUN(test_truncated);
	RUN(test_odd_chunks);
	RUN(test_beyond);
	RUN(test_extensible);
	RUN(test_trailer);
	RUN(test_codec);
	return UNIT_EXIT();
}
