#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "audio.h"
#include "audit.h"
#include "buf.h"
#include "diag.h"
#include "io.h"
#include "profile.h"
#include "report.h"
#include "riff.h"
#include "scan.h"
#include "xalloc.h"

#define SCAN_SAMPLES	SCAN_BLOCK	/* samples per read, scanning */
/*
 * Bytes of the first read: most headers are 44 bytes, a few hundred with
 * a LIST chunk, and a header audit of thousands of files spent a tenth
 * of its time copying 4 KiB of each from the page cache.  A scan keeps
 * the larger read: its samples start in it.
 */
#define HEAD_FIRST	512
#define HEAD_FIRST_SCAN	4096

static void
facts_init(struct audit_facts *f)
{
	memset(f, 0, sizeof(*f));
	f->tag = -1;
	f->header_bytes = -1;
	f->data_bytes = -1;
}

static int
rate_ok(const struct profile *p, unsigned int rate)
{
	size_t i;

	for (i = 0; i < p->nrates; i++)
		if (p->rates[i] == rate)
			return 1;
	return 0;
}

/* "8000 or 16000" from the profile. */
static void
rate_list(const struct profile *p, struct buf *b)
{
	size_t i;

	for (i = 0; i < p->nrates; i++)
		buf_printf(b, "%s%u", i == 0 ? "" : i + 1 == p->nrates ?
		    " or " : ", ", p->rates[i]);
}

static void
check_format(const struct audit_opts *o, const struct loc *l,
    const struct audit_facts *f, struct diag *d)
{
	const struct profile *p = o->prof;
	struct buf b = BUF_INIT;

	if (strcmp(f->codec, "PCM_16") != 0 || f->bits != p->bits) {
		if (f->codec[0] == '\0')
			diag_add(d, l, "AUDIO-CODEC", "format tag 0x%04x is not "
			    "16-bit PCM; the import's WAV validator rejects it",
			    (unsigned int)f->tag);
		else if (f->tag > 1 && f->tag != RIFF_TAG_EXTENSIBLE)
			diag_add(d, l, "AUDIO-CODEC", "sample format is '%s' "
			    "(format tag %d), not 16-bit PCM; the import's "
			    "WAV validator rejects it", f->codec, f->tag);
		else
			diag_add(d, l, "AUDIO-CODEC", "sample format is '%s', "
			    "not 16-bit PCM; the import's WAV validator "
			    "rejects it", f->codec);
	}
	/* A rate of 0 is no rate at all: nothing can play the file. */
	if (!rate_ok(p, f->rate)) {
		rate_list(p, &b);
		diag_add(d, l, "AUDIO-RATE", "sample rate is %u Hz, not %s; "
		    "the import's WAV validator rejects it", f->rate,
		    buf_str(&b));
	}
	if (f->channels != p->channels) {
		if (p->channels == 1)
			diag_add(d, l, "AUDIO-CH", "%u channels, not mono; the "
			    "import's WAV validator rejects it", f->channels);
		else
			diag_add(d, l, "AUDIO-CH", "%u channels, not %u; the "
			    "import's WAV validator rejects it", f->channels,
			    p->channels);
	}
	buf_release(&b);
}

/*
 * Where an audited file's bytes come from: a file descriptor, or memory
 * (a zip member).  Reads name their offset; a regular file is read with
 * pread(), which takes no lock on the file's position (with threads,
 * read() does: two threads reading files scale 1.77x with pread(),
 * 1.60x with read(), on the bench's 2,000 WAVs); any other descriptor
 * is only moved when the offset jumps, so a pipe still works for
 * sequential reads.
 */
struct src {
	int			 fd;
	int			 regular;
	uint64_t		 pos;
	const unsigned char	*mem;
	uint64_t		 size;
};

static ssize_t
read_full(int fd, void *p, size_t n, const uint64_t *at)
{
	size_t got = 0;
	ssize_t r;

	while (got < n) {
		r = at != NULL ? pread(fd, (char *)p + got, n - got,
		    (off_t)(*at + got)) : read(fd, (char *)p + got, n - got);
		if (r == -1) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (r == 0)
			break;
		got += (size_t)r;
	}
	return (ssize_t)got;
}

static ssize_t
src_read(struct src *s, void *p, size_t n, uint64_t off)
{
	ssize_t got;

	if (s->mem != NULL) {
		if (off >= s->size)
			return 0;
		if (n > s->size - off)
			n = (size_t)(s->size - off);
		memcpy(p, s->mem + off, n);
		return (ssize_t)n;
	}
	if (s->regular)
		return read_full(s->fd, p, n, &off);
	if (off != s->pos) {
		if (lseek(s->fd, (off_t)off, SEEK_SET) == -1)
			return -1;
		s->pos = off;
	}
	if ((got = read_full(s->fd, p, n, NULL)) > 0)
		s->pos += (uint64_t)got;
	return got;
}

/* Whether what follows the data chunk is more chunks, not garbage. */
static int
tail_is_chunks(struct src *src, uint64_t off, uint64_t n)
{
	unsigned char b[4096];
	size_t want = n < sizeof(b) ? (size_t)n : sizeof(b);
	ssize_t got;

	if ((got = src_read(src, b, want, off)) == -1)
		return 1;
	return riff_chunks(b, (size_t)got, n);
}

/* The sizes: data chunk against the file, RIFF size against the file. */
static uint64_t
check_sizes(const struct loc *l, struct src *src, const struct riff *r,
    struct diag *d)
{
	uint64_t avail = r->data_avail, usable, tail;
	uint32_t ds = r->data_size;

	if ((ds == 0 || ds == UINT32_MAX) && avail > 0 && avail != ds) {
		diag_add(d, l, "AUDIO-HDR-SIZE", "data chunk size is %s but "
		    "%llu bytes follow; a streaming writer left it unset",
		    ds == 0 ? "0" : "0xffffffff", (unsigned long long)avail);
		return avail;
	}
	if (ds > avail) {
		diag_add(d, l, "AUDIO-HDR-SIZE", "data chunk declares %lu "
		    "bytes but only %llu follow; the file is truncated",
		    (unsigned long)ds, (unsigned long long)avail);
		return avail;
	}
	usable = ds;
	tail = avail - ds;
	if (tail > 0 && (ds & 1))
		tail--;
	if (tail > 0 && !tail_is_chunks(src, r->data_off + avail - tail,
	    tail)) {
		diag_add(d, l, "AUDIO-HDR-SIZE", "%llu bytes of garbage follow "
		    "the data chunk; a strict WAV validator rejects the file",
		    (unsigned long long)tail);
		return usable;
	}
	if ((uint64_t)r->riff_size + 8 != r->file_size)
		diag_add(d, l, "AUDIO-HDR-SIZE", "RIFF size is %lu, not %llu "
		    "(the file size less 8); a strict WAV validator rejects "
		    "the file", (unsigned long)r->riff_size,
		    (unsigned long long)(r->file_size - 8));
	return usable;
}

/* Format tags whose frames are channels times whole bytes. */
static int
tag_linear(unsigned int tag)
{
	return tag == RIFF_TAG_PCM || tag == 3 || tag == 6 || tag == 7;
}

static void
check_fields(const struct loc *l, const struct riff *r, struct diag *d)
{
	unsigned int align = r->channels * ((r->bits + 7) / 8);

	if (r->channels == 0)
		diag_add(d, l, "AUDIO-HDR", "header says 0 channels; the "
		    "service checks WAV headers strictly");
	if (!tag_linear(r->tag))
		return;
	if (r->align != align)
		diag_add(d, l, "AUDIO-HDR", "block align is %u, not %u "
		    "(channels times bytes per sample); the service checks "
		    "WAV headers strictly", r->align, align);
	if (r->byte_rate != (uint64_t)r->rate * r->align)
		diag_add(d, l, "AUDIO-HDR", "byte rate is %lu, not %llu (rate "
		    "times block align); the service checks WAV headers "
		    "strictly", (unsigned long)r->byte_rate,
		    (unsigned long long)r->rate * r->align);
}

static void
check_header_len(const struct loc *l, const struct riff *r, struct diag *d)
{
	struct buf b = BUF_INIT;

	if (r->data_off == 44)
		return;
	if (r->fmt_size != 16)
		buf_printf(&b, "fmt chunk of %lu bytes",
		    (unsigned long)r->fmt_size);
	if (r->chunks[0] != '\0')
		buf_printf(&b, "%schunks %s", b.len ? ", " : "", r->chunks);
	diag_add(d, l, "AUDIO-HDR-LEN", "header is %llu bytes (%s), not "
	    "the canonical 44; every accepted sample has 44",
	    (unsigned long long)r->data_off, buf_str(&b));
	buf_release(&b);
}

/*
 * The chunk structure, in the order a validator would trip over it.
 * Returns 0 when there are samples to measure, -1 otherwise.
 */
static int
check_riff(const struct loc *l, struct src *src, const struct riff *r,
    struct audit_facts *f, struct diag *d, uint64_t *usable)
{
	const char *codec;

	f->header_bytes = -1;
	if (!(r->flags & RIFF_FMT)) {
		if (r->flags & RIFF_FMT_SHORT)
			diag_add(d, l, "AUDIO-CONTAINER", "fmt chunk is %lu "
			    "bytes, under 16; the import's WAV validator "
			    "rejects it", (unsigned long)r->fmt_size);
		else if (r->flags & RIFF_BROKEN)
			diag_add(d, l, "AUDIO-CONTAINER", "no fmt chunk: "
			    "garbage or a cut chunk at byte %llu; the import's "
			    "WAV validator rejects it",
			    (unsigned long long)r->broken_at);
		else
			diag_add(d, l, "AUDIO-CONTAINER", "no fmt chunk before "
			    "the samples; the import's WAV validator rejects "
			    "it");
		return -1;
	}
	snprintf(f->container, sizeof(f->container), "%s",
	    r->flags & RIFF_EXT ? "WAVEX" : "WAV");
	codec = r->flags & RIFF_EXT && !(r->flags & RIFF_EXT_KNOWN) ? NULL :
	    riff_codec(r->tag, r->bits);
	if (codec != NULL)
		snprintf(f->codec, sizeof(f->codec), "%s", codec);
	f->tag = r->flags & RIFF_EXT ? RIFF_TAG_EXTENSIBLE : (int)r->tag;
	f->channels = r->channels;
	f->rate = r->rate;
	f->bits = r->bits;
	if ((r->flags & RIFF_EXT) && r->tag == RIFF_TAG_PCM && codec != NULL)
		diag_add(d, l, "AUDIO-EXTENSIBLE", "header is "
		    "WAVE_FORMAT_EXTENSIBLE carrying '%s', not format tag 1; "
		    "the WAV validator may reject it", codec);
	if (r->flags & RIFF_FMT_DUP)
		diag_add(d, l, "AUDIO-CONTAINER", "two fmt chunks; readers "
		    "disagree on the format and libsndfile rejects the file");
	if (r->flags & RIFF_NOPAD)
		diag_add(d, l, "AUDIO-HDR", "chunk '%s' has an odd size and no "
		    "pad byte; readers may miss the chunks after it",
		    r->nopad_id);
	check_fields(l, r, d);
	if (!(r->flags & RIFF_DATA)) {
		if (r->flags & RIFF_BEYOND)
			diag_add(d, l, "AUDIO-HDR-LEN", "no data chunk in the "
			    "first %d bytes (chunks %s); every accepted "
			    "sample has a 44-byte header", RIFF_HEAD_MAX,
			    r->chunks[0] ? r->chunks : "none");
		else if (r->flags & RIFF_BROKEN)
			diag_add(d, l, "AUDIO-CONTAINER", "no data chunk: "
			    "garbage or a cut chunk at byte %llu; the import's "
			    "WAV validator rejects it",
			    (unsigned long long)r->broken_at);
		else
			diag_add(d, l, "AUDIO-CONTAINER", "no data chunk; the "
			    "import's WAV validator rejects it");
		return -1;
	}
	f->header_bytes = (int64_t)r->data_off;
	*usable = check_sizes(l, src, r, d);
	f->data_bytes = (int64_t)*usable;
	if (tag_linear(r->tag) && r->align > 0 && r->align == r->channels *
	    ((r->bits + 7) / 8)) {
		if (*usable % r->align != 0 && *usable == r->data_size)
			diag_add(d, l, "AUDIO-HDR", "data size %llu is not a "
			    "multiple of the block align %u; the last frame "
			    "is cut", (unsigned long long)*usable, r->align);
		f->frames = *usable / r->align;
		f->have_frames = 1;
	}
	check_header_len(l, r, d);
	return 0;
}

/* Whether the name ends in ".wav", in any case. */
static int
wav_name(const char *path)
{
	size_t n = strlen(path);

	return n >= 4 && strcasecmp(path + n - 4, ".wav") == 0;
}

/*
 * 16-bit samples in memory, fed in the blocks the reads below give, as
 * the high-pass probes are placed by block.  p is 2-byte aligned.
 */
static void
scan_mem16(const unsigned char *p, uint64_t bytes, struct scan *sc)
{
	size_t n;

	while (bytes >= 2) {
		n = bytes < SCAN_SAMPLES * 2 ? (size_t)bytes / 2 :
		    SCAN_SAMPLES;
		scan_block(sc, (const short *)(const void *)p, n);
		p += n * 2;
		bytes -= (uint64_t)n * 2;
	}
}

/*
 * Samples in memory already (a zip member) need no copy: scanned where
 * they lie, on little-endian hosts when aligned.  A file is read, not
 * mapped: a mapping costs more in page-table and TLB work than the copy
 * it saves (the bench's 2,000 cached WAVs at -j 1: 0.16 s mapped and
 * populated, 0.13 s read, on a 2-core VM).  Returns 0 when it did the
 * scan, -1 to read instead.
 */
static int
scan_inplace(const struct src *src, uint64_t off, uint64_t bytes,
    struct scan *sc)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	if (src->mem == NULL || (uintptr_t)(src->mem + off) % 2 != 0 ||
	    off > src->size || bytes > src->size - off)
		return -1;
	scan_mem16(src->mem + off, bytes, sc);
	return 0;
#else
	return -1;
#endif
}

/*
 * Read 16-bit PCM straight from the data chunk: no decoder in the way.
 * head holds the first headlen bytes of the file, read already: they
 * are not read again, and the read of the rest goes on from there.
 */
static int
scan_pcm16(const struct loc *l, struct src *src, const unsigned char *head,
    size_t headlen, uint64_t off, uint64_t bytes, struct scan *sc,
    struct diag *d)
{
	short *s = NULL;
	size_t want, i, n, k;
	ssize_t got;
	int rc = -1;

	if (scan_inplace(src, off, bytes, sc) == 0)
		return 0;
	s = xreallocarray(NULL, SCAN_SAMPLES, sizeof(*s));
	while (bytes >= 2) {
		want = bytes < SCAN_SAMPLES * 2 ? (size_t)bytes :
		    SCAN_SAMPLES * 2;
		k = 0;
		if (off < headlen) {
			k = headlen - off < want ? headlen - (size_t)off :
			    want;
			memcpy(s, head + off, k);
		}
		got = 0;
		if (k < want && (got = src_read(src, (char *)s + k, want - k,
		    off + k)) == -1)
			goto out;
		got += (ssize_t)k;
		n = (size_t)got / 2;
		if (n == 0)
			break;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
		for (i = 0; i < n; i++)
			s[i] = (short)__builtin_bswap16((unsigned short)s[i]);
#else
		(void)i;
#endif
		scan_block(sc, s, n);
		bytes -= (uint64_t)n * 2;
		off += (uint64_t)n * 2;
		if ((size_t)got < want)
			break;
	}
	rc = 0;
out:
	if (rc == -1)
		diag_syserr(d, "cannot read '%s': %s", l->file,
		    strerror(errno));
	free(s);
	return rc;
}

/*
 * Any other format: decode through libsndfile as float, which it scales
 * for every format, and measure on the 16-bit scale.
 */
static void
scan_decoded(const struct loc *l, struct audio_in *a, unsigned int ch,
    struct scan *sc, struct diag *d)
{
	short *s = xreallocarray(NULL, SCAN_SAMPLES, sizeof(*s));
	float *x = xreallocarray(NULL, SCAN_SAMPLES, sizeof(*x));
	size_t frames = SCAN_SAMPLES / (ch ? ch : 1), got, i;
	float v;

	while ((got = audio_read(a, x, frames)) > 0) {
		for (i = 0; i < got * ch; i++) {
			v = x[i] * 32768.0f;
			s[i] = v >= 32767.0f ? 32767 : v <= -32768.0f ?
			    -32768 : (short)lrintf(v);
		}
		scan_block(sc, s, got * ch);
	}
	free(x);
	if (audio_failed(a))
		diag_add(d, l, "AUDIO-READ", "decoding failed after %llu "
		    "samples; the file is damaged",
		    (unsigned long long)sc->n);
	free(s);
}

static void
facts_from_scan(struct audit_facts *f, const struct scan_result *r)
{
	f->scanned = 1;
	f->frames = r->frames;
	f->have_frames = 1;
	f->scan = *r;
}

static void
check_scan(const struct audit_opts *o, const struct loc *l,
    const struct audit_facts *f, struct diag *d)
{
	const struct scan_result *r = &f->scan;
	double pad = o->prof->pad;

	if (f->frames == 0) {
		diag_add(d, l, "AUDIO-SILENT", "the file holds no samples; "
		    "it cannot match a transcript");
		return;
	}
	if (r->silent) {
		diag_add(d, l, "AUDIO-SILENT", "the audio is silent or nearly "
		    "so (peak %.1f dBFS); it cannot match a transcript",
		    r->peak_db);
		return;
	}
	if (r->clip_runs > 0)
		diag_add(d, l, "AUDIO-CLIP", "%llu samples in %llu run%s reach "
		    "full scale; the audio is clipped",
		    (unsigned long long)r->clipped,
		    (unsigned long long)r->clip_runs,
		    r->clip_runs == 1 ? "" : "s");
	if (fabs(r->dc) >= AUDIT_DC)
		diag_add(d, l, "AUDIO-DC", "DC offset is %.3f of full scale; "
		    "it wastes headroom", r->dc);
	/* A set counts short pauses once (audit_set_end), not per file. */
	if (!o->pad_total && audit_short_pad(o, f) == 3)
		diag_add(d, l, "AUDIO-PAD", "%.2f s of leading and %.2f s of "
		    "trailing silence, under the %g s advice; word edges may "
		    "be lost", r->lead_s, r->trail_s, pad);
	else if (!o->pad_total && audit_short_pad(o, f) != 0)
		diag_add(d, l, "AUDIO-PAD", "%.2f s of %s silence, under the "
		    "%g s advice; the %s word's edge may be lost",
		    audit_short_pad(o, f) == 1 ? r->lead_s : r->trail_s,
		    audit_short_pad(o, f) == 1 ? "leading" : "trailing", pad,
		    audit_short_pad(o, f) == 1 ? "first" : "last");
	if (!isnan(r->hf_db) && r->hf_db < AUDIT_HF_DB)
		diag_add(d, l, "AUDIO-NARROWBAND", "%u Hz audio has almost "
		    "nothing above 4 kHz (%.1f dB); it was likely upsampled "
		    "from 8 kHz", f->rate, r->hf_db);
}

/*
 * Which ends of a scanned, not silent file have less silence than the
 * profile's advice: 1 the start, 2 the end, 3 both, 0 neither.  Judged
 * on what is printed: 0.498 s shows, and counts, as 0.50 s.
 */
int
audit_short_pad(const struct audit_opts *o, const struct audit_facts *f)
{
	double pad = round(o->prof->pad * 100);

	if (!f->scanned || f->scan.silent || f->frames == 0)
		return 0;
	return (round(f->scan.lead_s * 100) < pad) |
	    (round(f->scan.trail_s * 100) < pad) << 1;
}

double
audit_seconds(const struct audit_facts *f)
{
	return f->have_frames && f->rate > 0 ? (double)f->frames / f->rate :
	    -1;
}

static void
check_length(const struct audit_opts *o, const struct loc *l,
    const struct audit_facts *f, struct diag *d)
{
	double s = audit_seconds(f);

	if (s < 0)
		return;
	/* A scan says so itself, from the samples it found. */
	if (s == 0 && !o->scan)
		diag_add(d, l, "AUDIO-SILENT", "the file holds no samples; "
		    "it cannot match a transcript");
	if (!o->testing && s > o->prof->train_clip)
		diag_add(d, l, "AUDIO-MAX-TRAIN", "%.1f s is over the %g s "
		    "training limit; the service will use only its transcript",
		    s, o->prof->train_clip);
	if (o->testing && s > o->prof->test_clip)
		diag_add(d, l, "AUDIO-MAX-TEST", "%.1f s is over the %g s "
		    "testing limit; the upload may be rejected", s,
		    o->prof->test_clip);
}

static void
facts_from_sndfile(struct audit_facts *f, const struct audio_fmt *af)
{
	if (f->container[0] == '\0')
		snprintf(f->container, sizeof(f->container), "%s",
		    af->container);
	if (f->codec[0] == '\0')
		snprintf(f->codec, sizeof(f->codec), "%s", af->codec);
	if (f->tag < 0) {
		f->channels = af->channels;
		f->rate = af->rate;
		f->bits = af->bits;
	}
	if (!f->have_frames && af->frames > 0) {
		f->frames = af->frames;
		f->have_frames = 1;
	}
}

/* Open the decoder on the same bytes the walk read. */
static struct audio_in *
src_open(struct src *src, const struct loc *l, const char *path,
    struct audio_fmt *af, struct diag *d)
{
	if (src->mem != NULL)
		return audio_open_mem(src->mem, (size_t)src->size, l, af, d);
	return audio_open(path, af, d);
}

/*
 * Audit bytes from src at location l: the bounded header read and our
 * RIFF walk first; libsndfile only for what is not plain PCM in
 * RIFF/WAVE, so the common case costs one open and one read.
 */
static void
audit_core(const struct audit_opts *o, struct src *src, const struct loc *l,
    const char *path, struct progress_part *part, struct audit_file *out)
{
	struct audit_facts *f = &out->f;
	struct diag *d = &out->d;
	struct audio_in *a = NULL;
	struct audio_fmt af;
	unsigned char *head = NULL;
	struct riff r;
	struct scan sc;
	struct scan_result sr;
	uint64_t usable = 0;
	ssize_t got, more, first = o->scan ? HEAD_FIRST_SCAN : HEAD_FIRST;
	int isriff, ok = 0, fast;
	const char *name = l->member != NULL ? l->member : l->file;

	/* Most headers fit the first read; a long one gets a second. */
	head = xreallocarray(NULL, RIFF_HEAD_MAX, 1);
	if ((got = src_read(src, head, (size_t)first, 0)) == -1) {
		diag_syserr(d, "cannot read '%s': %s", l->file,
		    strerror(errno));
		goto out;
	}
	f->opened = 1;
	f->file_bytes = src->size ? src->size : (uint64_t)got;
	if (f->file_bytes == 0) {
		diag_add(d, l, "AUDIO-READ", "the file is empty; it holds no "
		    "audio");
		goto out;
	}
	isriff = riff_parse(head, (size_t)got, f->file_bytes, &r) == 0;
	if (isriff && (r.flags & RIFF_BEYOND) && got == first) {
		if ((more = src_read(src, head + got, RIFF_HEAD_MAX -
		    (size_t)first, (uint64_t)got)) == -1) {
			diag_syserr(d, "cannot read '%s': %s", l->file,
			    strerror(errno));
			goto out;
		}
		got += more;
		(void)riff_parse(head, (size_t)got, f->file_bytes, &r);
	}
	if (isriff) {
		if (!wav_name(name))
			diag_add(d, l, "AUDIO-CONTAINER", "name does not end "
			    "in '.wav'; the import expects WAV files by name");
		ok = check_riff(l, src, &r, f, d, &usable) == 0;
		if (r.flags & RIFF_FMT)
			check_format(o, l, f, d);
		fast = ok && r.tag == RIFF_TAG_PCM && r.bits == 16 &&
		    r.channels > 0 && r.align == 2 * r.channels &&
		    !(r.flags & RIFF_EXT && !(r.flags & RIFF_EXT_KNOWN));
		/* Ask libsndfile only what our walk cannot answer. */
		if (ok && (!fast && (o->scan || !f->have_frames ||
		    f->codec[0] == '\0' || r.tag != RIFF_TAG_PCM))) {
			if ((a = src_open(src, l, path, &af, d)) == NULL)
				ok = 0;
			else
				facts_from_sndfile(f, &af);
		}
		if ((r.flags & RIFF_BEYOND) && a == NULL &&
		    (a = src_open(src, l, path, &af, d)) != NULL) {
			facts_from_sndfile(f, &af);
			ok = 1;
		}
	} else {
		fast = 0;
		if ((a = src_open(src, l, path, &af, d)) == NULL)
			goto out;
		facts_from_sndfile(f, &af);
		diag_add(d, l, "AUDIO-CONTAINER", "container is '%s', not "
		    "RIFF/WAVE; the import's WAV validator rejects it",
		    af.container);
		check_format(o, l, f, d);
		ok = 1;
	}
	if (ok && o->scan) {
		scan_init(&sc, f->rate, f->channels);
		sc.part = part;
		sc.total = f->frames * f->channels;
		if (fast) {
			if (scan_pcm16(l, src, head, (size_t)got, r.data_off,
			    usable - usable % 2, &sc, d) == -1)
				goto out;
		} else if (a != NULL)
			scan_decoded(l, a, f->channels, &sc, d);
		if (fast || a != NULL) {
			scan_finish(&sc, &sr);
			facts_from_scan(f, &sr);
			check_scan(o, l, f, d);
		}
	}
	if (ok)
		check_length(o, l, f, d);
out:
	audio_close(a);
	free(head);
}

/* Audit the file at path. */
void
audit_file(const struct audit_opts *o, const char *path,
    struct audit_file *out)
{
	audit_file_part(o, path, NULL, out);
}

/* The same, reporting to part (or NULL) as the samples are scanned. */
void
audit_file_part(const struct audit_opts *o, const char *path,
    struct progress_part *part, struct audit_file *out)
{
	struct loc l = { path, NULL, 0, 0 };
	struct src src;
	struct stat st;

	memset(out, 0, sizeof(*out));
	memset(&src, 0, sizeof(src));
	facts_init(&out->f);
	if ((src.fd = open(path, O_RDONLY)) == -1) {
		diag_syserr(&out->d, "cannot open '%s': %s", path,
		    strerror(errno));
		return;
	}
	if (fstat(src.fd, &st) == -1 || S_ISDIR(st.st_mode)) {
		diag_syserr(&out->d, "cannot read '%s': %s", path,
		    S_ISDIR(st.st_mode) ? strerror(EISDIR) : strerror(errno));
		close(src.fd);
		return;
	}
	src.size = S_ISREG(st.st_mode) ? (uint64_t)st.st_size : 0;
	src.regular = S_ISREG(st.st_mode);
	audit_core(o, &src, &l, path, part, out);
	close(src.fd);
}

/*
 * Audit bytes in memory, such as a zip member: findings are placed at
 * file (and member), and p must stay valid during the call.
 */
void
audit_mem(const struct audit_opts *o, const char *file, const char *member,
    const void *p, size_t len, struct audit_file *out)
{
	struct loc l = { file, member, 0, 0 };
	struct src src;

	memset(out, 0, sizeof(*out));
	memset(&src, 0, sizeof(src));
	facts_init(&out->f);
	src.fd = -1;
	src.mem = p;
	src.size = len;
	audit_core(o, &src, &l, NULL, NULL, out);
}

void
audit_file_release(struct audit_file *af)
{
	diag_release(&af->d);
}

void
audit_set_add(struct audit_set *set, const struct audit_opts *o,
    const struct audit_facts *f)
{
	double s = audit_seconds(f);

	if (s < 0)
		return;
	set->files++;
	set->seconds += s;
	if (s > o->prof->train_clip)
		set->over_train++;
	if (f->scanned && !f->scan.silent && f->frames > 0) {
		set->scanned++;
		set->short_pad += audit_short_pad(o, f) != 0;
	}
}

/*
 * Findings about the set as a whole, after the last file, placed at
 * name (the dataset: a folder or zip), or nowhere when it is NULL.
 */
void
audit_set_end(const struct audit_set *set, const struct audit_opts *o,
    const char *name, struct diag *d)
{
	struct loc l = { name, NULL, 0, 0 };

	if (o->pad_total && set->short_pad > 0)
		diag_add(d, &l, "AUDIO-PAD", "%zu of %zu clip%s ha%s less than "
		    "%g s of silence at an end; word edges may be lost",
		    set->short_pad, set->scanned, set->scanned == 1 ? "" : "s",
		    set->short_pad == 1 ? "s" : "ve", o->prof->pad);
	if (o->testing || set->files == 0)
		return;
	/* One long clip loses its audio; all of them fail the training. */
	if (set->over_train == set->files && set->files == 1)
		diag_addsev(d, &l, "AUDIO-MAX-TRAIN", SEV_ERROR, "the only "
		    "audio file is over the %g s training limit; training "
		    "fails", o->prof->train_clip);
	else if (set->over_train == set->files)
		diag_addsev(d, &l, "AUDIO-MAX-TRAIN", SEV_ERROR, "all %zu "
		    "audio files are over the %g s training limit; training "
		    "fails", set->files, o->prof->train_clip);
	if (set->seconds > o->prof->hours_used * 3600)
		diag_add(d, &l, "AUDIO-HOURS-USED", "the audio files hold %.4g "
		    "h of audio, over the %g h that training uses; the rest "
		    "is silently ignored", set->seconds / 3600,
		    o->prof->hours_used);
}

static const char *const head_cols[] = {
	"file", "container", "codec", "format_tag", "channels", "rate",
	"bits", "frames", "seconds", "header_bytes", "data_bytes",
	"file_bytes"
};
static const char *const scan_cols[] = {
	"peak_db", "rms_db", "clipped", "clip_runs", "dc", "lead_s",
	"trail_s", "hf_db"
};

void
audit_stats_header(struct buf *b, const struct audit_opts *o)
{
	size_t i;

	if (o->format != STATS_TSV)
		return;
	for (i = 0; i < sizeof(head_cols) / sizeof(head_cols[0]); i++)
		buf_printf(b, "%s%s", i ? "\t" : "", head_cols[i]);
	if (o->scan)
		for (i = 0; i < sizeof(scan_cols) / sizeof(scan_cols[0]); i++)
			buf_printf(b, "\t%s", scan_cols[i]);
	buf_addc(b, '\n');
}

/* A field for both formats: TSV prints "-" where JSON has null. */
static void
field_str(struct jfield *j, const char *key, const char *s)
{
	j->key = key;
	j->type = s != NULL && *s != '\0' ? J_STR : J_NULL;
	j->s = s;
}

static void
field_int(struct jfield *j, const char *key, long long v, int known)
{
	j->key = key;
	j->type = known ? J_INT : J_NULL;
	j->i = v;
}

/* Rounded so goldens are stable; -inf dBFS stays a string in TSV. */
static void
field_num(struct jfield *j, const char *key, double v, double unit)
{
	j->key = key;
	j->type = isfinite(v) ? J_NUM : J_NULL;
	j->d = isfinite(v) ? round(v / unit) * unit : v;
	if (j->d == 0)
		j->d = 0;	/* no "-0.00" */
}

void
audit_stats_record(struct buf *b, const struct audit_opts *o,
    const char *path, const struct audit_facts *f)
{
	struct jfield j[20];
	size_t n = 0, i;
	double s = audit_seconds(f);

	memset(j, 0, sizeof(j));
	field_str(&j[n++], "file", path);
	field_str(&j[n++], "container", f->container);
	field_str(&j[n++], "codec", f->codec);
	field_int(&j[n++], "format_tag", f->tag, f->tag >= 0);
	field_int(&j[n++], "channels", f->channels, f->container[0]);
	field_int(&j[n++], "rate", f->rate, f->container[0]);
	field_int(&j[n++], "bits", f->bits, f->container[0] && f->bits);
	field_int(&j[n++], "frames", (long long)f->frames, f->have_frames);
	field_num(&j[n++], "seconds", s < 0 ? NAN : s, 0.001);
	field_int(&j[n++], "header_bytes", f->header_bytes,
	    f->header_bytes >= 0);
	field_int(&j[n++], "data_bytes", f->data_bytes, f->data_bytes >= 0);
	field_int(&j[n++], "file_bytes", (long long)f->file_bytes, f->opened);
	if (o->scan) {
		const struct scan_result *r = &f->scan;
		int sc = f->scanned;

		field_num(&j[n++], "peak_db", sc ? r->peak_db : NAN, 0.01);
		field_num(&j[n++], "rms_db", sc ? r->rms_db : NAN, 0.01);
		field_int(&j[n++], "clipped", (long long)r->clipped, sc);
		field_int(&j[n++], "clip_runs", (long long)r->clip_runs, sc);
		field_num(&j[n++], "dc", sc ? r->dc : NAN, 0.0001);
		field_num(&j[n++], "lead_s", sc ? r->lead_s : NAN, 0.01);
		field_num(&j[n++], "trail_s", sc ? r->trail_s : NAN, 0.01);
		field_num(&j[n++], "hf_db", sc ? r->hf_db : NAN, 0.01);
	}
	if (o->format == STATS_JSONL) {
		report_json_line(b, j, n);
		return;
	}
	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_addc(b, '\t');
		switch (j[i].type) {
		case J_STR:
			buf_addesc(b, j[i].s);
			break;
		case J_INT:
			buf_printf(b, "%lld", j[i].i);
			break;
		case J_NUM:
			buf_printf(b, "%.*f", strcmp(j[i].key, "dc") == 0 ? 4 :
			    strcmp(j[i].key, "seconds") == 0 ? 3 : 2, j[i].d);
			break;
		default:
			buf_addstr(b, isinf(j[i].d) && j[i].d < 0 ?
			    "-inf" : "-");
			break;
		}
	}
	buf_addc(b, '\n');
}

/*
 * The file list on a stream: one path per line (CR before LF kept out),
 * or NUL-separated.  Empty entries are skipped.  Returns the count.
 */
size_t
audit_list_read(FILE *fp, int nul, struct buf *b, char ***v,
    struct diag *d)
{
	size_t n = 0, cap = 0, i, start;
	int sep = nul ? '\0' : '\n';

	*v = NULL;
	if (io_read_stream(fp, "<stdin>", b, 0, d) == -1 || b->len == 0)
		return 0;
	for (start = i = 0; i <= b->len; i++) {
		if (i < b->len && b->s[i] != sep)
			continue;
		b->s[i] = '\0';
		if (!nul && i > start && b->s[i - 1] == '\r')
			b->s[i - 1] = '\0';
		if (b->s[start] != '\0') {
			if (n == cap) {
				cap = cap ? cap * 2 : 64;
				*v = xreallocarray(*v, cap, sizeof(**v));
			}
			(*v)[n++] = b->s + start;
		}
		start = i + 1;
	}
	return n;
}
