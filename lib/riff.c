#include <stdint.h>
#include <string.h>

#include "riff.h"

/* The tail every standard KSDATAFORMAT_SUBTYPE GUID shares. */
static const unsigned char guid_tail[14] = {
	0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00,
	0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71
};

static uint32_t
le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[3] << 24;
}

static unsigned int
le16(const unsigned char *p)
{
	return (unsigned int)p[0] | (unsigned int)p[1] << 8;
}

/* A chunk ID is four printable ASCII characters. */
static int
is_id(const unsigned char *p)
{
	int i;

	for (i = 0; i < 4; i++)
		if (p[i] < 0x20 || p[i] > 0x7e)
			return 0;
	return 1;
}

/* IDs common enough to trust over a printable accident. */
static int
is_known(const unsigned char *p)
{
	static const char *const ids[] = {
		"data", "fmt ", "LIST", "fact", "JUNK", "junk", "cue ",
		"bext", "iXML", "PAD ", "id3 ", "smpl"
	};
	size_t i;

	for (i = 0; i < sizeof(ids) / sizeof(ids[0]); i++)
		if (memcmp(p, ids[i], 4) == 0)
			return 1;
	return 0;
}

static void
add_id(struct riff *r, const unsigned char *id)
{
	size_t n = strlen(r->chunks);

	/* Room for ", 'abcd'" and the NUL; later IDs are left out. */
	if (n + 9 > sizeof(r->chunks))
		return;
	if (n > 0) {
		memcpy(r->chunks + n, ", ", 2);
		n += 2;
	}
	r->chunks[n] = '\'';
	memcpy(r->chunks + n + 1, id, 4);
	r->chunks[n + 5] = '\'';
	r->chunks[n + 6] = '\0';
}

static void
parse_fmt(struct riff *r, const unsigned char *p, uint32_t size)
{
	r->fmt_size = size;
	if (size < 16) {
		r->flags |= RIFF_FMT_SHORT;
		return;
	}
	r->flags |= RIFF_FMT;
	r->tag = le16(p);
	r->channels = le16(p + 2);
	r->rate = le32(p + 4);
	r->byte_rate = le32(p + 8);
	r->align = le16(p + 12);
	r->bits = le16(p + 14);
	/* EXTENSIBLE: cbSize 22, valid bits, mask, then the subformat. */
	if (r->tag == RIFF_TAG_EXTENSIBLE && size >= 40) {
		r->flags |= RIFF_EXT;
		if (memcmp(p + 26, guid_tail, sizeof(guid_tail)) == 0) {
			r->flags |= RIFF_EXT_KNOWN;
			r->tag = le16(p + 24);
		}
	}
}

/*
 * Walk the chunks of a RIFF/WAVE file from its first len bytes; size is
 * the whole file's.  Stops at the data chunk, at garbage, or at the end
 * of the bytes given.  Returns 0 for a RIFF/WAVE file (even a broken
 * one: see the flags), -1 when the magic is not there.
 */
int
riff_parse(const unsigned char *buf, size_t len, uint64_t size,
    struct riff *r)
{
	uint64_t pos = 12, next, end = len < size ? len : size;
	uint32_t csize;
	int odd = 0;

	memset(r, 0, sizeof(*r));
	r->file_size = size;
	if (end < 12 || memcmp(buf, "RIFF", 4) != 0 ||
	    memcmp(buf + 8, "WAVE", 4) != 0)
		return -1;
	r->flags |= RIFF_WAVE;
	r->riff_size = le32(buf + 4);
	/* An unpadded odd chunk may leave the last header a byte short. */
	while (pos + 8 <= end || (odd && pos + 7 <= end)) {
		/*
		 * An odd chunk written without its pad byte: the next ID
		 * starts one byte early, and the bytes at pos are either
		 * garbage or, by chance, printable.
		 */
		if (odd && (!is_id(buf + pos) || is_known(buf + pos - 1))) {
			if (is_id(buf + pos - 1)) {
				r->flags |= RIFF_NOPAD;
				pos--;
				odd = 0;
				continue;
			}
		}
		if (pos + 8 > end)
			break;
		if (!is_id(buf + pos)) {
			r->flags |= RIFF_BROKEN;
			r->broken_at = pos;
			return 0;
		}
		csize = le32(buf + pos + 4);
		if (memcmp(buf + pos, "data", 4) == 0) {
			if (!(r->flags & RIFF_FMT)) {
				r->flags |= RIFF_DATA_EARLY;
				return 0;
			}
			r->flags |= RIFF_DATA;
			r->data_off = pos + 8;
			r->data_size = csize;
			r->data_avail = size - r->data_off;
			return 0;
		}
		if (memcmp(buf + pos, "fmt ", 4) == 0 &&
		    (r->flags & (RIFF_FMT | RIFF_FMT_SHORT))) {
			/* Readers disagree on which one counts. */
			r->flags |= RIFF_FMT_DUP;
			add_id(r, buf + pos);
		} else if (memcmp(buf + pos, "fmt ", 4) == 0) {
			if (pos + 8 + (csize < 40 ? csize : 40) > end) {
				r->flags |= len < size ? RIFF_BEYOND :
				    RIFF_BROKEN;
				r->broken_at = pos;
				return 0;
			}
			parse_fmt(r, buf + pos + 8, csize);
		} else
			add_id(r, buf + pos);
		/* Kept in case the next chunk shows it lacks its pad. */
		memcpy(r->nopad_id, buf + pos, 4);
		odd = csize & 1;
		next = pos + 8 + csize + odd;
		if (next > end) {
			/* Past the bytes we have, or past the file. */
			if (next - odd <= size && len < size)
				r->flags |= RIFF_BEYOND;
			else {
				r->flags |= RIFF_BROKEN;
				r->broken_at = pos;
			}
			return 0;
		}
		pos = next;
	}
	if (len < size && pos < size)
		r->flags |= RIFF_BEYOND;
	else if (pos < end) {
		r->flags |= RIFF_BROKEN;
		r->broken_at = pos;
	}
	return 0;
}

/*
 * Whether the first len bytes of a region of total bytes (what follows
 * the data chunk) are whole chunks: metadata, not trailing garbage.
 */
int
riff_chunks(const unsigned char *buf, size_t len, uint64_t total)
{
	uint64_t pos = 0, next;

	while (pos < total) {
		if (pos + 8 > len)
			return pos >= len && len < total;
		if (!is_id(buf + pos))
			return 0;
		next = pos + 8 + le32(buf + pos + 4);
		next += next & 1;
		if (next > total)
			/* A final odd chunk may lack its pad byte. */
			return next - 1 == total;
		pos = next;
	}
	return 1;
}

/* libsndfile's name of a WAV format tag's sample format, or NULL. */
const char *
riff_codec(unsigned int tag, unsigned int bits)
{
	switch (tag) {
	case RIFF_TAG_PCM:
		switch (bits) {
		case 8:
			return "PCM_U8";
		case 16:
			return "PCM_16";
		case 24:
			return "PCM_24";
		case 32:
			return "PCM_32";
		}
		return NULL;
	case 0x0002:
		return "MS_ADPCM";
	case 0x0003:
		return bits == 64 ? "DOUBLE" : "FLOAT";
	case 0x0006:
		return "ALAW";
	case 0x0007:
		return "ULAW";
	case 0x0011:
		return "IMA_ADPCM";
	case 0x0031:
		return "GSM610";
	case 0x0050:
		return "MPEG_LAYER_II";
	case 0x0055:
		return "MPEG_LAYER_III";
	}
	return NULL;
}

/*
 * Seconds of audio from the first len bytes of a WAV file of size bytes,
 * or -1 when the header does not say.  A data size left at 0 or
 * 0xFFFFFFFF by a streaming writer counts the bytes that are there.
 */
double
riff_seconds(const unsigned char *buf, size_t len, uint64_t size)
{
	struct riff r;
	uint64_t bytes;

	if (riff_parse(buf, len, size, &r) == -1 || !(r.flags & RIFF_DATA) ||
	    r.rate == 0 || r.align == 0)
		return -1;
	bytes = r.data_size;
	if (bytes == 0 || bytes == UINT32_MAX || bytes > r.data_avail)
		bytes = r.data_avail;
	return (double)(bytes / r.align) / r.rate;
}
