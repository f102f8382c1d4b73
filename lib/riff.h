/*
 * Our own reader of RIFF/WAVE headers.  It works on bytes in memory (the
 * first RIFF_HEAD_MAX bytes of a file) so it can be fuzzed, allocates
 * nothing and fills a struct riff of plain facts owned by the caller.
 */
#ifndef VOX_RIFF_H
#define VOX_RIFF_H

#include <stddef.h>
#include <stdint.h>

#define RIFF_HEAD_MAX	65536	/* bytes of a file the header walk reads */

#define RIFF_TAG_PCM		0x0001
#define RIFF_TAG_EXTENSIBLE	0xfffe

/* What the walk found (struct riff flags). */
#define RIFF_WAVE	0x0001	/* "RIFF" size "WAVE" magic */
#define RIFF_FMT	0x0002	/* a fmt chunk of at least 16 bytes */
#define RIFF_FMT_SHORT	0x0004	/* a fmt chunk under 16 bytes */
#define RIFF_DATA	0x0008	/* a data chunk after the fmt chunk */
#define RIFF_EXT	0x0010	/* WAVE_FORMAT_EXTENSIBLE */
#define RIFF_EXT_KNOWN	0x0020	/* its subformat GUID is a standard one */
#define RIFF_NOPAD	0x0040	/* an odd-sized chunk lacks its pad byte */
#define RIFF_BEYOND	0x0080	/* no data chunk in the bytes given */
#define RIFF_BROKEN	0x0100	/* garbage or a cut chunk before data */
#define RIFF_DATA_EARLY	0x0200	/* a data chunk came before fmt */
#define RIFF_FMT_DUP	0x0400	/* a second fmt chunk (the first counts) */

struct riff {
	unsigned int	flags;
	uint64_t	file_size;
	uint32_t	riff_size;	/* as declared */
	unsigned int	tag;		/* format tag; EXTENSIBLE: subformat */
	unsigned int	channels;
	uint32_t	rate;
	uint32_t	byte_rate;
	unsigned int	align;
	unsigned int	bits;
	uint32_t	fmt_size;
	uint64_t	data_off;	/* first byte of the samples */
	uint32_t	data_size;	/* as declared */
	uint64_t	data_avail;	/* bytes from data_off to the end */
	uint64_t	broken_at;	/* offset of the garbage (RIFF_BROKEN) */
	char		nopad_id[5];	/* the chunk without its pad byte */
	char		chunks[64];	/* ids of other chunks before data */
};

int	riff_parse(const unsigned char *, size_t, uint64_t, struct riff *);
int	riff_chunks(const unsigned char *, size_t, uint64_t);
const char *riff_codec(unsigned int, unsigned int);
double	riff_seconds(const unsigned char *, size_t, uint64_t);

#endif
