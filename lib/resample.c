#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifdef USE_SOXR_LSR
#include <soxr-lsr.h>
#else
#include <samplerate.h>
#endif

#include "audio.h"
#include "buf.h"
#include "diag.h"
#include "io.h"
#include "resample.h"
#include "xalloc.h"

#define BLOCK		4096	/* frames decoded at a time */
#define COPY_BYTES	65536
/* Every file starts from the same state: same input, same bytes. */
#define DITHER_SEED	0x9e3779b97f4a7c15ULL
/* The RIFF size field (36 + data) must fit in 32 bits. */
#define WAV_MAX_DATA	((uint64_t)UINT32_MAX - 37)

/* Where the 16-bit samples go: a stream, or memory when fp is NULL. */
struct sink {
	FILE		*fp;
	struct buf	*mem;
	size_t		 base;		/* header offset in mem */
	int		 failed;
};

/* One conversion in progress. */
struct conv {
	SRC_STATE	*src;		/* NULL: same rate */
	double		 ratio;
	unsigned int	 in_rate;
	unsigned int	 out_rate;
	uint64_t	 in_frames;
	uint64_t	 emitted;
	uint64_t	 limit;		/* length promised ahead */
	float		*pend;		/* converted, unwritten */
	size_t		 npend;
	size_t		 cappend;
	unsigned char	*bytes;		/* little-endian block */
	size_t		 capbytes;
	uint64_t	 rng;
	uint64_t	 clipped;
	struct sink	 sink;
	struct progress_part *part;	/* or NULL */
	uint64_t	 total;		/* frames declared, for part */
};

/* A source of interleaved float frames: a decoder or an array. */
struct source {
	size_t		(*read)(void *, float *, size_t);
	void		 *ctx;
	unsigned int	  channels;
};

struct memsrc {
	const float	*p;
	size_t		 left;		/* frames */
	unsigned int	 channels;
};

const char *
resample_backend(void)
{
#ifdef USE_SOXR_LSR
	return "soxr";
#else
	return "libsamplerate";
#endif
}

/*
 * round(frames * to / from), half up, without overflow: the quotient
 * and the remainder are scaled apart.
 */
uint64_t
resample_length(uint64_t frames, unsigned int from, unsigned int to)
{
	uint64_t q, r;

	if (from == 0)
		return 0;
	q = frames / from;
	r = frames % from;
	return q * to + (r * to + from / 2) / from;
}

/* floor(frames * to / from): what may be written before the end. */
static uint64_t
length_floor(uint64_t frames, unsigned int from, unsigned int to)
{
	return frames / from * to + frames % from * to / from;
}

/* xorshift64*, uniform in [0, 1). */
static double
rng_unit(uint64_t *s)
{
	uint64_t x = *s;

	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	*s = x;
	return (double)((x * 0x2545f4914f6cdd1dULL) >> 11) /
	    9007199254740992.0;
}

static void
sink_write(struct sink *s, const void *p, size_t n)
{
	if (s->failed)
		return;
	if (s->fp == NULL)
		buf_add(s->mem, p, n);
	else if (fwrite(p, 1, n, s->fp) != n)
		s->failed = 1;
}

static void
sink_header(struct sink *s, unsigned int rate, uint64_t frames)
{
	unsigned char h[44];
	uint64_t bytes = frames * 2;

	if (s->fp == NULL)
		s->base = s->mem->len;
	audio_wav_header(h, rate, 1, 16, bytes > WAV_MAX_DATA ? 0 :
	    (uint32_t)bytes);
	sink_write(s, h, sizeof(h));
}

/* Write the final header over the first one. */
static void
sink_patch(struct sink *s, unsigned int rate, uint64_t frames)
{
	unsigned char h[44];

	audio_wav_header(h, rate, 1, 16, (uint32_t)(frames * 2));
	if (s->fp == NULL) {
		memcpy(s->mem->s + s->base, h, sizeof(h));
		return;
	}
	if (fflush(s->fp) == EOF || fseek(s->fp, 0, SEEK_SET) == -1 ||
	    fwrite(h, 1, sizeof(h), s->fp) != sizeof(h) ||
	    fseek(s->fp, 0, SEEK_END) == -1)
		s->failed = 1;
}

static void
pend_room(struct conv *c, size_t n)
{
	if (c->npend + n <= c->cappend)
		return;
	c->cappend = c->npend + n + BLOCK;
	c->pend = xreallocarray(c->pend, c->cappend, sizeof(*c->pend));
}

static int
conv_init(struct conv *c, const struct resample_opts *o, unsigned int rate,
    const char *name, struct diag *d)
{
	static const int types[] = { SRC_SINC_BEST_QUALITY,
	    SRC_SINC_MEDIUM_QUALITY, SRC_SINC_FASTEST };
	int err = 0;

	memset(c, 0, sizeof(*c));
	c->in_rate = rate;
	c->out_rate = o->rate;
	c->ratio = rate > 0 ? (double)o->rate / rate : 0;
	c->limit = UINT64_MAX;
	c->rng = DITHER_SEED;
	if (rate == o->rate)
		return 0;
	/*
	 * Bad data, not a failure: a finding, and the next file.  The limit
	 * is libsamplerate's (ratios 1/256 to 256), in every build, so the
	 * soxr build gives the same verdict.
	 */
	if (rate == 0 || c->ratio > 256 || c->ratio < 1.0 / 256 ||
	    !src_is_valid_ratio(c->ratio)) {
		struct loc l = { name, NULL, 0, 0 };

		diag_add(d, &l, "AUDIO-RATE", "sample rate is %u Hz; it cannot "
		    "be converted to %u Hz (a ratio over 256), so the file is "
		    "not converted", rate, o->rate);
		return -1;
	}
	if ((c->src = src_new(types[o->quality], 1, &err)) == NULL) {
		diag_syserr(d, "cannot resample '%s': %s", name,
		    src_strerror(err));
		return -1;
	}
	return 0;
}

static void
conv_release(struct conv *c)
{
	if (c->src != NULL)
		src_delete(c->src);
	free(c->pend);
	free(c->bytes);
	memset(c, 0, sizeof(*c));
}

/*
 * To 16 bits with TPDF dither of +-1 LSB.  Values already on the 16-bit
 * grid (digital silence, untouched 16-bit input) need no dither, and
 * leaving them alone keeps such audio bit-exact.  A sample counts as
 * clipped when the signal itself, not the dither, is beyond full scale.
 */
static void
conv_quantize(struct conv *c, const float *x, size_t n, unsigned char *out)
{
	double v, s;
	size_t i;
	long k;

	for (i = 0; i < n; i++) {
		v = (double)x[i] * 32768.0;
		if (isnan(v))
			v = 0;
		s = floor(v + 0.5);
		if (s > 32767 || s < -32768)
			c->clipped++;
		else if (s != v) {
			s = floor(v + rng_unit(&c->rng) + rng_unit(&c->rng) -
			    1.0 + 0.5);
		}
		if (s > 32767)
			s = 32767;
		else if (s < -32768)
			s = -32768;
		k = (long)s;
		out[2 * i] = (unsigned long)k & 0xff;
		out[2 * i + 1] = ((unsigned long)k >> 8) & 0xff;
	}
}

/* Write pending frames up to frame number upto (never past the limit). */
static void
conv_emit(struct conv *c, uint64_t upto)
{
	size_t k;

	if (upto > c->limit)
		upto = c->limit;
	if (upto <= c->emitted || c->npend == 0)
		return;
	k = c->npend;
	if (upto - c->emitted < k)
		k = (size_t)(upto - c->emitted);
	if (2 * k > c->capbytes) {
		c->capbytes = 2 * k;
		c->bytes = xreallocarray(c->bytes, c->capbytes, 1);
	}
	conv_quantize(c, c->pend, k, c->bytes);
	sink_write(&c->sink, c->bytes, 2 * k);
	memmove(c->pend, c->pend + k, (c->npend - k) * sizeof(*c->pend));
	c->npend -= k;
	c->emitted += k;
}

/* Push n mono frames (or, with eof, the converter's tail) through. */
static int
conv_run(struct conv *c, float *in, size_t n, int eof, const char *name,
    struct diag *d)
{
	SRC_DATA sd;
	size_t room;
	int err, rounds = 0;

	if (c->src == NULL) {
		pend_room(c, n);
		memcpy(c->pend + c->npend, in, n * sizeof(*in));
		c->npend += n;
		return 0;
	}
	for (;;) {
		room = (size_t)ceil(n * c->ratio) + 256;
		pend_room(c, room);
		memset(&sd, 0, sizeof(sd));
		sd.data_in = in;
		sd.input_frames = (long)n;
		sd.data_out = c->pend + c->npend;
		sd.output_frames = (long)room;
		sd.end_of_input = eof;
		sd.src_ratio = c->ratio;
		if ((err = src_process(c->src, &sd)) != 0) {
			diag_syserr(d, "cannot resample '%s': %s", name,
			    src_strerror(err));
			return -1;
		}
		c->npend += (size_t)sd.output_frames_gen;
		in += sd.input_frames_used;
		n -= (size_t)sd.input_frames_used;
		/* The tail ends when nothing more comes out. */
		if (eof ? sd.output_frames_gen == 0 : n == 0)
			break;
		if ((sd.input_frames_used == 0 && sd.output_frames_gen == 0) ||
		    ++rounds > 10000)
			break;
		if (eof)
			conv_emit(c, c->limit);
	}
	return 0;
}

static void
downmix(const float *in, size_t n, unsigned int ch, unsigned int pick,
    float *out)
{
	size_t i;
	unsigned int j;
	float sum;

	if (ch == 1) {
		memcpy(out, in, n * sizeof(*out));
		return;
	}
	for (i = 0; i < n; i++) {
		if (pick > 0) {
			out[i] = in[i * ch + pick - 1];
			continue;
		}
		sum = 0;
		for (j = 0; j < ch; j++)
			sum += in[i * ch + j];
		out[i] = sum / ch;
	}
}

/*
 * Read, downmix, convert and write everything.  Before the end only
 * floor(frames read x ratio) frames are written, so the exact length
 * round(frames x ratio) can still be reached by trimming the tail or
 * padding it with silence.
 */
static int
conv_all(struct conv *c, const struct source *src, unsigned int pick,
    const char *name, struct diag *d)
{
	float *frames = NULL, *mono = NULL;
	uint64_t target;
	size_t n;
	int rc = -1;

	frames = xreallocarray(NULL, BLOCK, src->channels * sizeof(*frames));
	mono = xreallocarray(NULL, BLOCK, sizeof(*mono));
	while ((n = src->read(src->ctx, frames, BLOCK)) > 0) {
		downmix(frames, n, src->channels, pick, mono);
		c->in_frames += n;
		if (c->part != NULL && c->total > 0)
			progress_part(c->part, (double)c->in_frames /
			    c->total);
		if (conv_run(c, mono, n, 0, name, d) == -1)
			goto out;
		conv_emit(c, length_floor(c->in_frames, c->in_rate,
		    c->out_rate));
		if (c->sink.failed)
			break;
	}
	if (c->src != NULL && conv_run(c, NULL, 0, 1, name, d) == -1)
		goto out;
	target = resample_length(c->in_frames, c->in_rate, c->out_rate);
	if (c->limit != UINT64_MAX)
		target = c->limit;
	conv_emit(c, target);
	while (c->emitted < target && !c->sink.failed) {
		n = target - c->emitted < BLOCK ? target - c->emitted : BLOCK;
		pend_room(c, n);
		memset(c->pend, 0, n * sizeof(*c->pend));
		c->npend = n;
		conv_emit(c, target);
	}
	rc = 0;
out:
	free(frames);
	free(mono);
	return rc;
}

static size_t
src_audio(void *ctx, float *p, size_t n)
{
	return audio_read(ctx, p, n);
}

static size_t
src_mem(void *ctx, float *p, size_t n)
{
	struct memsrc *m = ctx;

	if (n > m->left)
		n = m->left;
	if (n == 0)
		return 0;
	memcpy(p, m->p, n * m->channels * sizeof(*p));
	m->p += n * m->channels;
	m->left -= n;
	return n;
}

static void
clip_note(const char *name, const struct resample_stats *st,
    struct diag *d)
{
	struct loc l = { name, NULL, 0, 0 };

	if (st->clipped > 0)
		diag_add(d, &l, "AUDIO-CLIP", "%llu %s clipped at full scale",
		    (unsigned long long)st->clipped,
		    st->clipped == 1 ? "sample" : "samples");
}

/*
 * Convert n interleaved frames in memory to a WAV file appended to wav.
 * For tests and fuzzing.  Returns 0, or -1 after reporting.
 */
int
resample_mem(const struct resample_opts *o, const float *p, size_t n,
    unsigned int channels, unsigned int rate, struct buf *wav,
    struct resample_stats *st, struct diag *d)
{
	struct memsrc m = { p, n, channels };
	struct source src = { src_mem, &m, channels };
	struct conv c;
	int rc = -1;

	if (conv_init(&c, o, rate, "<memory>", d) == -1)
		goto out;
	c.sink.mem = wav;
	sink_header(&c.sink, o->rate, 0);
	if (conv_all(&c, &src, o->channel, "<memory>", d) == -1)
		goto out;
	sink_patch(&c.sink, o->rate, c.emitted);
	st->in_frames = c.in_frames;
	st->in_rate = rate;
	st->out_frames = c.emitted;
	st->clipped = c.clipped;
	st->written = 1;
	clip_note("<memory>", st, d);
	rc = 0;
out:
	conv_release(&c);
	return rc;
}

/*
 * Whether path is a WAV exactly as we would write it: the canonical
 * 44-byte header of mono 16-bit PCM at rate, data to the end.
 */
static int
canonical(const char *path, unsigned int rate)
{
	unsigned char h[44], want[44];
	struct stat sb;
	FILE *fp;
	int ok = 0;

	if ((fp = fopen(path, "rb")) == NULL)
		return 0;
	if (fstat(fileno(fp), &sb) == 0 && S_ISREG(sb.st_mode) &&
	    sb.st_size >= 44 && (sb.st_size - 44) % 2 == 0 &&
	    (uint64_t)sb.st_size - 44 <= WAV_MAX_DATA &&
	    fread(h, 1, sizeof(h), fp) == sizeof(h)) {
		audio_wav_header(want, rate, 1, 16,
		    (uint32_t)(sb.st_size - 44));
		ok = memcmp(h, want, sizeof(h)) == 0;
	}
	fclose(fp);
	return ok;
}

/*
 * Report a failed write on standard output once, here, with its cause;
 * the error is cleared so the tool's final check does not repeat it.
 */
static int
stdout_flush(struct diag *d)
{
	if (fflush(stdout) != EOF && !ferror(stdout))
		return 0;
	diag_syserr(d, "write error on '<stdout>': %s",
	    strerror(errno ? errno : EIO));
	clearerr(stdout);
	return -1;
}

/* Copy a file that is already right, byte for byte. */
static int
copy_file(const char *in, const char *out, struct resample_stats *st,
    struct diag *d)
{
	struct outfile of = OUTFILE_INIT;
	unsigned char *b = NULL;
	FILE *ifp = NULL, *ofp;
	size_t n;
	int rc = -1;

	if ((ifp = fopen(in, "rb")) == NULL) {
		diag_syserr(d, "cannot open '%s': %s", in, strerror(errno));
		goto out;
	}
	if (strcmp(out, "-") == 0)
		ofp = stdout;
	else if ((ofp = io_create(&of, out, d)) == NULL)
		goto out;
	b = xmalloc(COPY_BYTES);
	while ((n = fread(b, 1, COPY_BYTES, ifp)) > 0)
		if (fwrite(b, 1, n, ofp) != n)
			break;
	if (ferror(ifp)) {
		diag_syserr(d, "cannot read '%s': %s", in, strerror(errno));
		goto out;
	}
	if (ofp == stdout) {
		if (stdout_flush(d) == -1)
			goto out;
	} else if (io_commit(&of, d) == -1)
		goto out;
	st->copied = st->written = 1;
	rc = 0;
out:
	io_abort(&of);
	free(b);
	if (ifp != NULL)
		fclose(ifp);
	return rc;
}

/*
 * Convert the file in ("-": standard input) to out ("-": standard
 * output).  The output appears complete or not at all, except on
 * standard output.  Returns 0, or -1 after adding to d or setting
 * st->usage.
 */
int
resample_file(const struct resample_opts *o, const char *in,
    const char *out, struct resample_stats *st, struct diag *d)
{
	struct outfile of = OUTFILE_INIT;
	struct audio_fmt fmt;
	struct audio_in *a = NULL;
	struct buf mem = BUF_INIT;
	struct source src;
	struct conv c;
	const char *name = strcmp(in, "-") == 0 ? "<stdin>" : in;
	int rc = -1, tostdout = strcmp(out, "-") == 0;
	uint64_t declared;
	FILE *fp;

	memset(&c, 0, sizeof(c));
	if ((a = audio_open(in, &fmt, d)) == NULL)
		goto out;
	st->in_rate = fmt.rate;
	if (o->channel > fmt.channels) {
		st->usage = xasprintf("channel %u is out of range: '%s' has "
		    "%u", o->channel, name, fmt.channels);
		goto out;
	}
	if (!o->force && name == in && fmt.wav && fmt.pcm16 &&
	    fmt.channels == 1 && fmt.rate == o->rate &&
	    canonical(in, o->rate)) {
		st->in_frames = st->out_frames = fmt.frames;
		rc = copy_file(in, out, st, d);
		goto out;
	}
	declared = resample_length(fmt.frames, fmt.rate, o->rate);
	if (declared > WAV_MAX_DATA / 2) {
		diag_syserr(d, "cannot convert '%s': too long for a WAV file",
		    name);
		goto out;
	}
	if (conv_init(&c, o, fmt.rate, name, d) == -1)
		goto out;
	c.part = &st->part;
	c.total = fmt.frames;
	if (tostdout)
		fp = stdout;
	else if ((fp = io_create(&of, out, d)) == NULL)
		goto out;
	/*
	 * A file gets its header fixed at the end.  A stream cannot seek:
	 * it keeps the length it announced, or waits in memory when the
	 * length is unknown or, as libsndfile's count of MPEG frames, only
	 * an estimate.
	 */
	if (tostdout && (fmt.frames == 0 || strcmp(fmt.container, "MPEG") == 0))
		c.sink.mem = &mem;
	else
		c.sink.fp = fp;
	if (tostdout && c.sink.mem == NULL)
		c.limit = declared;
	sink_header(&c.sink, o->rate, declared);
	src.read = src_audio;
	src.ctx = a;
	src.channels = fmt.channels;
	if (conv_all(&c, &src, o->channel, name, d) == -1)
		goto out;
	if (audio_failed(a)) {
		diag_syserr(d, "cannot read '%s': decoding failed", name);
		goto out;
	}
	if (c.emitted > WAV_MAX_DATA / 2) {
		diag_syserr(d, "cannot convert '%s': too long for a WAV file",
		    name);
		goto out;
	}
	if (c.sink.fp == NULL || c.emitted != declared)
		sink_patch(&c.sink, o->rate, c.emitted);
	if (c.sink.fp == NULL && fwrite(mem.s, 1, mem.len, fp) != mem.len)
		c.sink.failed = 1;
	/* A failed seek sets no error flag for io_commit() to find. */
	if (c.sink.failed && !tostdout) {
		diag_syserr(d, "write error on '%s': %s", out,
		    strerror(errno ? errno : EIO));
		goto out;
	}
	if (tostdout) {
		if (stdout_flush(d) == -1)
			goto out;
	} else if (io_commit(&of, d) == -1)
		goto out;
	st->in_frames = c.in_frames;
	st->out_frames = c.emitted;
	st->clipped = c.clipped;
	st->written = 1;
	clip_note(name, st, d);
	rc = 0;
out:
	io_abort(&of);
	conv_release(&c);
	buf_release(&mem);
	audio_close(a);
	return rc;
}

static int
same_file(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

/* The base name of path without its extension, plus ".wav". */
static char *
out_name(const char *dir, const char *path)
{
	const char *base = strrchr(path, '/'), *dot;
	size_t len;

	base = base != NULL ? base + 1 : path;
	dot = strrchr(base, '.');
	len = dot != NULL && dot != base ? (size_t)(dot - base) : strlen(base);
	return xasprintf("%s/%.*s.wav", dir, (int)len, base);
}

/*
 * Name the output of each input: DIR/BASE.wav with -o DIR, else standard
 * output for a single input.  Refuses (returning the message, which the
 * caller owns) two inputs with one output, an output that is an input,
 * and several inputs without a folder.  On success *outs holds n names.
 */
char *
resample_outputs(char *const *in, size_t n, const char *dir, char ***outs)
{
	struct stat *sin = NULL, sb;
	unsigned char *have = NULL;
	char **o = NULL, *msg = NULL;
	size_t i, j;

	*outs = NULL;
	if (dir == NULL && n > 1)
		return xstrdup("several inputs need an output folder (-o)");
	o = xcalloc(n, sizeof(*o));
	sin = xcalloc(n, sizeof(*sin));
	have = xcalloc(n, 1);
	for (i = 0; i < n; i++)
		if (strcmp(in[i], "-") != 0 && stat(in[i], &sin[i]) == 0)
			have[i] = 1;
	for (i = 0; i < n; i++) {
		if (dir == NULL) {
			o[i] = xstrdup("-");
			if (have[i] && fstat(STDOUT_FILENO, &sb) == 0 &&
			    same_file(&sb, &sin[i])) {
				msg = xasprintf("standard output is the input "
				    "'%s'; refusing to overwrite it", in[i]);
				goto out;
			}
			continue;
		}
		if (strcmp(in[i], "-") == 0) {
			msg = xstrdup("standard input has no name for -o; "
			    "write it to standard output");
			goto out;
		}
		o[i] = out_name(dir, in[i]);
		for (j = 0; j < i; j++)
			if (strcmp(o[j], o[i]) == 0) {
				msg = xasprintf("'%s' and '%s' would both be "
				    "written to '%s'", in[j], in[i], o[i]);
				goto out;
			}
		if (stat(o[i], &sb) == -1)
			continue;
		for (j = 0; j < n; j++)
			if (have[j] && same_file(&sb, &sin[j])) {
				msg = xasprintf("output '%s' is the input "
				    "'%s'; refusing to overwrite it", o[i],
				    in[j]);
				goto out;
			}
	}
out:
	free(sin);
	free(have);
	if (msg != NULL)
		resample_outputs_free(o, n);
	else
		*outs = o;
	return msg;
}

void
resample_outputs_free(char **o, size_t n)
{
	size_t i;

	if (o == NULL)
		return;
	for (i = 0; i < n; i++)
		free(o[i]);
	free(o);
}

void
resample_stats_release(struct resample_stats *st)
{
	free(st->usage);
	st->usage = NULL;
}
