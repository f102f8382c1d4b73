#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sndfile.h>

#include "audio.h"
#include "buf.h"
#include "diag.h"
#include "io.h"
#include "le.h"
#include "xalloc.h"

/*
 * An open input.  Standard input and zip members are read into memory
 * first and decoded through libsndfile's virtual I/O, so every format
 * works the same whether it came from a file, a pipe or an archive.
 */
struct audio_in {
	SNDFILE		*sf;
	struct buf	 mem;		/* owned copy, for stdin */
	const unsigned char *data;	/* memory being decoded, or NULL */
	sf_count_t	 len;
	sf_count_t	 pos;
	char		*name;
	char		*member;	/* zip member, or NULL */
	int		 failed;	/* a read error happened */
};

/*
 * libsndfile keeps the error of a failed open in one global, not per
 * thread: an open and the reading of its error hold this lock, so that
 * workers do not read each other's ("no Error" for a garbage file).
 */
static pthread_mutex_t sf_mu = PTHREAD_MUTEX_INITIALIZER;

/* libsndfile's last error in our style; called with sf_mu held. */
static const char *
sferr(char *out, size_t len)
{
	snprintf(out, len, "%s", sf_strerror(NULL));
	return diag_tidy(out);
}

static const struct {
	int		 major;
	const char	*name;
} majors[] = {
	{ SF_FORMAT_WAV, "WAV" }, { SF_FORMAT_AIFF, "AIFF" },
	{ SF_FORMAT_AU, "AU" }, { SF_FORMAT_RAW, "RAW" },
	{ SF_FORMAT_PAF, "PAF" }, { SF_FORMAT_SVX, "SVX" },
	{ SF_FORMAT_NIST, "NIST" }, { SF_FORMAT_VOC, "VOC" },
	{ SF_FORMAT_IRCAM, "IRCAM" }, { SF_FORMAT_W64, "W64" },
	{ SF_FORMAT_MAT4, "MAT4" }, { SF_FORMAT_MAT5, "MAT5" },
	{ SF_FORMAT_PVF, "PVF" }, { SF_FORMAT_XI, "XI" },
	{ SF_FORMAT_HTK, "HTK" }, { SF_FORMAT_SDS, "SDS" },
	{ SF_FORMAT_AVR, "AVR" }, { SF_FORMAT_WAVEX, "WAVEX" },
	{ SF_FORMAT_SD2, "SD2" }, { SF_FORMAT_FLAC, "FLAC" },
	{ SF_FORMAT_CAF, "CAF" }, { SF_FORMAT_WVE, "WVE" },
	{ SF_FORMAT_OGG, "OGG" }, { SF_FORMAT_MPC2K, "MPC2K" },
	{ SF_FORMAT_RF64, "RF64" }, { SF_FORMAT_MPEG, "MPEG" }
};

static const struct {
	int		 sub;
	const char	*name;
	unsigned int	 bits;
} subs[] = {
	{ SF_FORMAT_PCM_S8, "PCM_S8", 8 }, { SF_FORMAT_PCM_16, "PCM_16", 16 },
	{ SF_FORMAT_PCM_24, "PCM_24", 24 }, { SF_FORMAT_PCM_32, "PCM_32", 32 },
	{ SF_FORMAT_PCM_U8, "PCM_U8", 8 }, { SF_FORMAT_FLOAT, "FLOAT", 32 },
	{ SF_FORMAT_DOUBLE, "DOUBLE", 64 }, { SF_FORMAT_ULAW, "ULAW", 8 },
	{ SF_FORMAT_ALAW, "ALAW", 8 }, { SF_FORMAT_IMA_ADPCM, "IMA_ADPCM", 4 },
	{ SF_FORMAT_MS_ADPCM, "MS_ADPCM", 4 }, { SF_FORMAT_GSM610, "GSM610", 0 },
	{ SF_FORMAT_VOX_ADPCM, "VOX_ADPCM", 4 },
	{ SF_FORMAT_G721_32, "G721_32", 4 }, { SF_FORMAT_G723_24, "G723_24", 3 },
	{ SF_FORMAT_G723_40, "G723_40", 5 }, { SF_FORMAT_DWVW_12, "DWVW_12", 12 },
	{ SF_FORMAT_DWVW_16, "DWVW_16", 16 }, { SF_FORMAT_DWVW_24, "DWVW_24", 24 },
	{ SF_FORMAT_DPCM_8, "DPCM_8", 8 }, { SF_FORMAT_DPCM_16, "DPCM_16", 16 },
	{ SF_FORMAT_VORBIS, "VORBIS", 0 }, { SF_FORMAT_OPUS, "OPUS", 0 },
	{ SF_FORMAT_ALAC_16, "ALAC_16", 16 }, { SF_FORMAT_ALAC_20, "ALAC_20", 20 },
	{ SF_FORMAT_ALAC_24, "ALAC_24", 24 }, { SF_FORMAT_ALAC_32, "ALAC_32", 32 },
	{ SF_FORMAT_MPEG_LAYER_I, "MPEG_LAYER_I", 0 },
	{ SF_FORMAT_MPEG_LAYER_II, "MPEG_LAYER_II", 0 },
	{ SF_FORMAT_MPEG_LAYER_III, "MPEG_LAYER_III", 0 }
};

static void
fmt_fill(struct audio_fmt *f, const SF_INFO *si)
{
	int major = si->format & SF_FORMAT_TYPEMASK;
	int sub = si->format & SF_FORMAT_SUBMASK;
	size_t i;

	memset(f, 0, sizeof(*f));
	snprintf(f->container, sizeof(f->container), "0x%x", major >> 16);
	for (i = 0; i < sizeof(majors) / sizeof(majors[0]); i++)
		if (majors[i].major == major)
			snprintf(f->container, sizeof(f->container), "%s",
			    majors[i].name);
	snprintf(f->codec, sizeof(f->codec), "0x%x", sub);
	for (i = 0; i < sizeof(subs) / sizeof(subs[0]); i++)
		if (subs[i].sub == sub) {
			snprintf(f->codec, sizeof(f->codec), "%s",
			    subs[i].name);
			f->bits = subs[i].bits;
		}
	f->pcm16 = sub == SF_FORMAT_PCM_16;
	f->wav = major == SF_FORMAT_WAV || major == SF_FORMAT_WAVEX;
	f->channels = si->channels > 0 ? (unsigned int)si->channels : 0;
	f->rate = si->samplerate > 0 ? (unsigned int)si->samplerate : 0;
	f->frames = si->frames > 0 && si->frames != SF_COUNT_MAX ?
	    (uint64_t)si->frames : 0;
	f->seekable = si->seekable;
}

static sf_count_t
vio_len(void *user)
{
	return ((struct audio_in *)user)->len;
}

static sf_count_t
vio_seek(sf_count_t off, int whence, void *user)
{
	struct audio_in *a = user;
	sf_count_t to;

	switch (whence) {
	case SEEK_SET:
		to = off;
		break;
	case SEEK_CUR:
		to = a->pos + off;
		break;
	default:
		to = a->len + off;
		break;
	}
	if (to < 0)
		to = 0;
	if (to > a->len)
		to = a->len;
	a->pos = to;
	return to;
}

static sf_count_t
vio_read(void *ptr, sf_count_t n, void *user)
{
	struct audio_in *a = user;

	if (n > a->len - a->pos)
		n = a->len - a->pos;
	if (n <= 0)
		return 0;
	memcpy(ptr, a->data + a->pos, (size_t)n);
	a->pos += n;
	return n;
}

static sf_count_t
vio_write(const void *ptr, sf_count_t n, void *user)
{
	return 0;
}

static sf_count_t
vio_tell(void *user)
{
	return ((struct audio_in *)user)->pos;
}

static struct audio_in *
open_mem(struct audio_in *a, struct audio_fmt *f, struct diag *d)
{
	SF_VIRTUAL_IO vio = { vio_len, vio_seek, vio_read, vio_write,
	    vio_tell };
	SF_INFO si;
	struct loc l = { a->name, a->member, 0, 0 };
	char e[256];

	memset(&si, 0, sizeof(si));
	pthread_mutex_lock(&sf_mu);
	if ((a->sf = sf_open_virtual(&vio, SFM_READ, &si, a)) == NULL)
		sferr(e, sizeof(e));
	pthread_mutex_unlock(&sf_mu);
	if (a->sf == NULL) {
		diag_add(d, &l, "AUDIO-READ", "cannot decode audio: %s", e);
		audio_close(a);
		return NULL;
	}
	fmt_fill(f, &si);
	return a;
}

/*
 * Decode bytes in memory (a zip member at where); p must outlive the
 * reader.  A file libsndfile cannot decode is an AUDIO-READ finding, not
 * a system error: the dataset holds something that is not audio.
 */
struct audio_in *
audio_open_mem(const void *p, size_t len, const struct loc *where,
    struct audio_fmt *f, struct diag *d)
{
	struct audio_in *a = xcalloc(1, sizeof(*a));

	a->name = xstrdup(where->file);
	if (where->member != NULL)
		a->member = xstrdup(where->member);
	a->data = p;
	a->len = (sf_count_t)len;
	return open_mem(a, f, d);
}

/* Open a file, or "-" for standard input.  NULL after reporting. */
struct audio_in *
audio_open(const char *path, struct audio_fmt *f, struct diag *d)
{
	struct audio_in *a;
	struct loc l = { path, NULL, 0, 0 };
	SF_INFO si;
	FILE *fp;
	char e[256];

	a = xcalloc(1, sizeof(*a));
	if (strcmp(path, "-") == 0) {
		a->name = xstrdup("<stdin>");
		if (io_read_stream(stdin, "<stdin>", &a->mem, 0, d) == -1) {
			audio_close(a);
			return NULL;
		}
		a->data = (const unsigned char *)a->mem.s;
		a->len = (sf_count_t)a->mem.len;
		return open_mem(a, f, d);
	}
	a->name = xstrdup(path);
	/* Tell "cannot open" (a system error) from "not audio" (a finding). */
	if ((fp = fopen(path, "rb")) == NULL) {
		diag_syserr(d, "cannot open '%s': %s", path, strerror(errno));
		audio_close(a);
		return NULL;
	}
	fclose(fp);
	memset(&si, 0, sizeof(si));
	pthread_mutex_lock(&sf_mu);
	if ((a->sf = sf_open(path, SFM_READ, &si)) == NULL)
		sferr(e, sizeof(e));
	pthread_mutex_unlock(&sf_mu);
	if (a->sf == NULL) {
		diag_add(d, &l, "AUDIO-READ", "cannot decode audio: %s", e);
		audio_close(a);
		return NULL;
	}
	fmt_fill(f, &si);
	return a;
}

/* Read up to n interleaved frames as float in [-1, 1]. */
size_t
audio_read(struct audio_in *a, float *buf, size_t n)
{
	sf_count_t got = sf_readf_float(a->sf, buf, (sf_count_t)n);

	if (got < 0 || (got == 0 && sf_error(a->sf) != SF_ERR_NO_ERROR))
		a->failed = 1;
	return got > 0 ? (size_t)got : 0;
}

/* Read up to n interleaved frames as 16-bit integers. */
size_t
audio_read_short(struct audio_in *a, short *buf, size_t n)
{
	sf_count_t got = sf_readf_short(a->sf, buf, (sf_count_t)n);

	if (got < 0 || (got == 0 && sf_error(a->sf) != SF_ERR_NO_ERROR))
		a->failed = 1;
	return got > 0 ? (size_t)got : 0;
}

int
audio_failed(const struct audio_in *a)
{
	return a->failed;
}

void
audio_close(struct audio_in *a)
{
	if (a == NULL)
		return;
	if (a->sf != NULL)
		sf_close(a->sf);
	buf_release(&a->mem);
	free(a->name);
	free(a->member);
	free(a);
}

/*
 * The canonical 44-byte RIFF WAVE header of PCM data: RIFF, fmt (16
 * bytes, format tag 1) and data chunks, as in the vendor's samples.
 */
void
audio_wav_header(unsigned char h[44], unsigned int rate,
    unsigned int channels, unsigned int bits, uint32_t data_bytes)
{
	unsigned int align = channels * (bits / 8);

	memcpy(h, "RIFF", 4);
	le32_put(h + 4, 36 + data_bytes + (data_bytes & 1));
	memcpy(h + 8, "WAVEfmt ", 8);
	le32_put(h + 16, 16);
	le16_put(h + 20, 1);
	le16_put(h + 22, channels);
	le32_put(h + 24, rate);
	le32_put(h + 28, rate * align);
	le16_put(h + 32, align);
	le16_put(h + 34, bits);
	memcpy(h + 36, "data", 4);
	le32_put(h + 40, data_bytes);
}
