/*
 * vox-prepare: raw folder in, upload folder out.  Everything is built
 * in a hidden folder beside OUT_DIR and moved into place only when all
 * of it is written, so an interrupted run leaves OUT_DIR as it was.
 *
 * The run is a list of stages over one struct prep: find the inputs;
 * convert the audio (vox-resample); cut recordings with labels of the
 * same name into clips (vox-segment); fix the transcript (vox-trans
 * --fix); normalize related text (vox-text) and pronunciations
 * (vox-pron), repair the layout of markdown (vox-md --fix); lint each
 * kind (vox-lint); pack the kinds without errors (vox-pack); say if two
 * of them cannot be in one training; commit: report.jsonl with every
 * finding and report.html, the page of what the run saw, then OUT_DIR.
 * A new kind is a new stage, or a new row of struct prep's kinds.
 *
 * Findings about the work copies are moved back to the user's files
 * after each stage: a line of the repaired transcript to the line of
 * the raw one, a converted WAV to the recording it came from, a line
 * of repaired markdown to the user's line and column (lib/fixmap.c).
 */
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "captions.h"
#include "dataset.h"
#include "diag.h"
#include "disp.h"
#include "fixmap.h"
#include "html.h"
#include "io.h"
#include "jobs.h"
#include "lint.h"
#include "md.h"
#include "pack.h"
#include "prepare.h"
#include "progress.h"
#include "pron.h"
#include "related.h"
#include "report.h"
#include "resample.h"
#include "segment.h"
#include "text.h"
#include "trans.h"
#include "xalloc.h"

/* As trans.c's TRANS_LINE_MAX: longer lines are kept as they are. */
#define PREP_TRANS_LINE_MAX	(1UL << 20)

static volatile sig_atomic_t stop;

static void
onstop(int sig)
{
	stop = sig;
}

/* The kinds a run can pack, in the order they are packed. */
enum {
	PK_AUDIO,		/* acoustic, or audiofiles without transcript */
	PK_TEXT,		/* related text */
	PK_PRON,		/* pronunciations */
	PK_MD,			/* structured text */
	PK_DISP,		/* display format */
	PK_N,
	PK_NONE = PK_N		/* findings about no kind: unused inputs */
};

struct pkind {
	unsigned int	 kind;		/* enum kind; 0: not in this run */
	char		*src;		/* what is packed, in the work folder */
	char		*dst;		/* the upload file, in the work folder */
	size_t		 errors;
	size_t		 warnings;
	int		 packed;
	struct fixmap	 map;		/* src to the user's, for markdown */
};

/*
 * A recording of the raw folder and the WAV it becomes, or, when it has
 * labels of the same name, the clips NAME-0001.wav ... it is cut into.
 */
struct source {
	char	*path;		/* raw_dir/NAME.flac */
	char	*wav;		/* NAME.wav */
	char	*labels;	/* raw_dir/NAME.srt, or NULL */
	int	 skip;		/* clashes with another: not converted */
};

/* The state of one run, shared by the stages. */
struct prep {
	const struct prepare_opts	*o;
	const char			*raw;
	const char			*out;
	char				*outdir;	/* out without '/' */
	char				*work;		/* beside out */
	char				*audio;		/* work/.audio */
	char				*tcopy;		/* audio/trans.txt */
	struct source			*src;
	size_t				 nsrc;
	struct source			**bywav;	/* sorted by wav */
	size_t				 nbywav;
	char				*trans;		/* raw files, or NULL */
	char				*related;
	char				*pron;
	char				*md;		/* structured text */
	char				*disp;		/* display format */
	unsigned long			*tmap;		/* copy line -> raw */
	size_t				 ntmap;
	char				**labs;		/* label files found */
	size_t				 nlabs;
	size_t				 nlong;		/* sources with labels */
	struct buf			 segtrans;	/* the clips' lines */
	const struct source		**segline;	/* clip line -> source */
	size_t				 nsegline;
	size_t				 segfirst;	/* lines before them */
	size_t				 unused;	/* inputs left out */
	size_t				 other[2];	/* PK_NONE warn, err */
	int				 pair;		/* PRON-NO-MD */
	struct pkind			 k[PK_N];
	size_t				 converted;
	size_t				 copied;
	uint64_t			 clipped;
	double				 seconds;
	struct buf			*sum;
	struct diag			*d;
	size_t				 first;		/* the run's findings */
	struct progress			 prog;		/* of the conversion */
	struct html_view		*view;		/* of report.html */
};

/* Each occurrence of from in s replaced by to. */
static char *
swap(const char *s, const char *from, const char *to)
{
	struct buf b = BUF_INIT;
	const char *p;
	size_t n = strlen(from);

	while (n > 0 && (p = strstr(s, from)) != NULL) {
		buf_add(&b, s, (size_t)(p - s));
		buf_addstr(&b, to);
		s = p + n;
	}
	buf_addstr(&b, s);
	return buf_detach(&b);
}

static const char *
base_name(const char *path)
{
	const char *b = strrchr(path, '/');

	return b != NULL ? b + 1 : path;
}

/* NAME.wav for a recording NAME.flac: the name the transcript uses. */
static char *
wav_name(const char *path)
{
	const char *b = base_name(path), *dot = strrchr(b, '.');

	return xasprintf("%.*s.wav", (int)(dot != NULL && dot != b ?
	    (size_t)(dot - b) : strlen(b)), b);
}

static void
endline(struct buf *b)
{
	if (b->len > 0 && b->s[b->len - 1] != '\n')
		buf_addc(b, '\n');
}

/* Count a finding towards kind pk, or towards no kind. */
static void
account_one(struct prep *st, int pk, const struct finding *f)
{
	if (f->rule == NULL || f->sev < SEV_WARNING)
		return;
	if (pk == PK_NONE)
		st->other[f->sev == SEV_ERROR]++;
	else if (f->sev == SEV_ERROR)
		st->k[pk].errors++;
	else
		st->k[pk].warnings++;
}

/* Count the findings from index from on towards kind pk. */
static void
account(struct prep *st, int pk, size_t from)
{
	size_t i;

	for (i = from; i < st->d->n; i++)
		account_one(st, pk, &st->d->v[i]);
}

/*
 * The line of the raw transcript that each line of its repair comes
 * from: vox-trans --fix writes one line per input line, in order, but
 * for blank lines (spaces, TABs, CRs), which it drops; a binary or
 * UTF-16 file it copies as it is.  map[k] is the raw line of line k
 * (1-based, map[0] unused); *n is the number of lines + 1.
 */
unsigned long *
prepare_line_map(const char *buf, size_t len, size_t *n)
{
	const char *p = buf, *end = buf + len, *nl;
	unsigned long *map = NULL, line;
	size_t k = 1, cap = 0, i, ll;
	int keep, verbatim;

	verbatim = (len >= 2 && ((unsigned char)buf[0] == 0xFF ||
	    (unsigned char)buf[0] == 0xFE) &&
	    (((unsigned char)buf[1] ^ (unsigned char)buf[0]) == 0x01)) ||
	    memchr(buf, '\0', len) != NULL;
	if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0 && !verbatim)
		p += 3;
	for (line = 1; p < end; line++, p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		ll = (size_t)(nl - p);
		keep = verbatim || ll > PREP_TRANS_LINE_MAX + 1;
		for (i = 0; !keep && i < ll; i++)
			keep = p[i] != ' ' && p[i] != '\t' && p[i] != '\r';
		if (keep) {
			if (k >= cap) {
				cap = cap ? cap * 2 : 64;
				map = xreallocarray(map, cap, sizeof(*map));
			}
			map[k++] = line;
		}
		if (nl == end)
			break;
	}
	if (map == NULL)
		map = xcalloc(1, sizeof(*map));
	map[0] = 0;
	*n = k;
	return map;
}

static int
bywav_cmp(const void *a, const void *b)
{
	const struct source *const *x = a, *const *y = b;

	return strcmp((*x)->wav, (*y)->wav);
}

static const struct source *
source_of(const struct prep *st, const char *wav)
{
	struct source key, *kp = &key, **hit;

	if (st->bywav == NULL)
		return NULL;
	key.wav = (char *)wav;
	hit = bsearch(&kp, st->bywav, st->nbywav, sizeof(*st->bywav),
	    bywav_cmp);
	return hit != NULL ? *hit : NULL;
}

/* Whether the WAV name w is name-0001.wav (any case, 4 digits or more). */
static int
clip_of(const char *w, const char *name)
{
	size_t n = strlen(name) - 4, k = 0;

	if (strncasecmp(w, name, n) != 0 || w[n] != '-')
		return 0;
	for (w += n + 1; w[k] >= '0' && w[k] <= '9'; k++)
		;
	return k >= 4 && strcasecmp(w + k, ".wav") == 0;
}

/* The recording that a clip NAME-0003.wav is cut from, and *k = 3. */
static const struct source *
clip_source(const struct prep *st, const char *clip, size_t *k)
{
	const struct source *s;
	const char *dash = strrchr(clip, '-');
	char *wav;

	if (dash == NULL || dash == clip)
		return NULL;
	wav = xasprintf("%.*s.wav", (int)(dash - clip), clip);
	s = source_of(st, wav);
	free(wav);
	if (s == NULL || s->labels == NULL || !clip_of(clip, s->wav))
		return NULL;
	*k = strtoul(dash + 1, NULL, 10);
	return s;
}

/* The markdown kind whose work copy is file, or NULL. */
static const struct pkind *
markdown(const struct prep *st, const char *file)
{
	int i;

	for (i = PK_MD; i <= PK_DISP; i++)
		if (st->k[i].kind != 0 && strcmp(file, st->k[i].src) == 0)
			return &st->k[i];
	return NULL;
}

/* A finding about a work file, moved to the user's file and line. */
static void
map_finding(const struct prep *st, struct finding *f)
{
	const struct source *s;
	const struct pkind *md = NULL;
	const char *to = NULL;
	size_t n = strlen(st->audio), k;
	char *m, *m2, *clip = NULL;

	if (f->file != NULL) {
		if (strcmp(f->file, st->tcopy) == 0 && f->line > st->segfirst &&
		    f->line - st->segfirst <= st->nsegline) {
			/* A clip's line: its labels; the cue's line is lost. */
			to = st->segline[f->line - st->segfirst - 1]->labels;
		} else if (strcmp(f->file, st->tcopy) == 0 &&
		    st->trans != NULL) {
			to = st->trans;
			if (f->line > 0)
				f->line = f->line < st->ntmap ?
				    st->tmap[f->line] : 0;
			if (f->line == 0)
				f->col = 0;
		} else if (strncmp(f->file, st->audio, n) == 0 &&
		    f->file[n] == '/' &&
		    (s = source_of(st, f->file + n + 1)) != NULL)
			to = s->path;
		else if (strncmp(f->file, st->audio, n) == 0 &&
		    f->file[n] == '/' &&
		    (s = clip_source(st, f->file + n + 1, &k)) != NULL)
			/* As vox-segment names a clip's findings. */
			to = clip = xasprintf("%s, clip %zu", s->path, k);
		else if (strncmp(f->file, st->audio, n) == 0 &&
		    (f->file[n] == '\0' || strcmp(f->file + n, "/") == 0))
			to = st->raw;
		else if (st->related != NULL &&
		    strcmp(f->file, st->k[PK_TEXT].src) == 0)
			to = st->related;
		else if (st->pron != NULL &&
		    strcmp(f->file, st->k[PK_PRON].src) == 0)
			to = st->pron;
		else if ((md = markdown(st, f->file)) != NULL) {
			/* The repair keeps lines, but for repeated items. */
			to = md == &st->k[PK_MD] ? st->md : st->disp;
			fixmap_apply(&md->map, &f->line, &f->col);
		}
		if (to != NULL && to != st->trans && md == NULL) {
			/* No map from lines of the normalized copy back. */
			f->line = f->col = 0;
		}
		if (to != NULL) {
			free(f->file);
			f->file = xstrdup(to);
			free(clip);
		} else {
			m = swap(f->file, st->work, st->outdir);
			free(f->file);
			f->file = m;
		}
	}
	/* A system error is about the work folder: name OUT_DIR there. */
	if (f->rule != NULL) {
		m = md != NULL ? fixmap_msg(&md->map, f->msg) :
		    st->trans != NULL ? swap(f->msg, st->tcopy, st->trans) :
		    xstrdup(f->msg);
		m2 = swap(m, st->audio, st->raw);
		free(m);
	} else
		m2 = xstrdup(f->msg);
	m = swap(m2, st->work, st->outdir);
	free(m2);
	free(f->msg);
	f->msg = m;
}

/* A place of the HTML report's view, moved as a finding would be. */
static void
map_place(void *ctx, char **file, unsigned long *line)
{
	struct finding f;

	memset(&f, 0, sizeof(f));
	f.file = *file;
	f.line = *line;
	f.msg = xstrdup("");
	map_finding(ctx, &f);
	free(f.msg);
	*file = f.file;
	*line = f.line;
}

static void
map_findings(const struct prep *st, size_t from)
{
	size_t i;

	for (i = from; i < st->d->n; i++)
		map_finding(st, &st->d->v[i]);
}

static int
same_finding(const struct finding *a, const struct finding *b)
{
	return a->rule == b->rule && a->rule != NULL && a->line == b->line &&
	    a->col == b->col && (a->file == NULL) == (b->file == NULL) &&
	    (a->file == NULL || strcmp(a->file, b->file) == 0) &&
	    strcmp(a->msg, b->msg) == 0;
}

/*
 * A lint of a work copy repeats what the repair already said about the
 * user's file (same place, rule and message once mapped): keep the
 * first, drop the repeats from index from on.
 */
static void
drop_repeats(struct prep *st, size_t from)
{
	struct diag *d = st->d;
	size_t i, j, k = from;

	for (i = from; i < d->n; i++) {
		struct finding *f = &d->v[i];
		int dup = 0;

		for (j = st->first; j < from && !dup; j++)
			dup = same_finding(&d->v[j], f);
		if (dup) {
			free(f->file);
			free(f->member);
			free(f->msg);
		} else
			d->v[k++] = *f;
	}
	d->n = k;
}

/* An input that the run does not use, and why. */
static void
unused(struct prep *st, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
unused(struct prep *st, const char *path, const char *fmt, ...)
{
	struct loc l = { path, NULL, 0, 0 };
	va_list ap;

	va_start(ap, fmt);
	diag_vadd(st->d, &l, "PKG-UNUSED", SEV_NONE, fmt, ap);
	va_end(ap);
	st->unused++;
}

/* Audio that libsndfile cannot decode, by name. */
static int
undecodable(const char *name)
{
	static const char *const ext[] = { ".3gp", ".aac", ".amr", ".m4a",
	    ".m4b", ".mp4", ".webm", ".wma" };
	size_t i;

	for (i = 0; i < sizeof(ext) / sizeof(ext[0]); i++)
		if (dataset_has_suffix(name, ext[i]))
			return 1;
	return 0;
}

static void
add_source(struct prep *st, char *path)
{
	/* Double at powers of two: linear, not quadratic. */
	if ((st->nsrc & (st->nsrc - 1)) == 0)
		st->src = xreallocarray(st->src, st->nsrc > 0 ?
		    st->nsrc * 2 : 1, sizeof(*st->src));
	st->src[st->nsrc].path = path;
	st->src[st->nsrc].wav = wav_name(path);
	st->src[st->nsrc].labels = NULL;
	st->src[st->nsrc].skip = 0;
	st->nsrc++;
}

static int
icase_wav_cmp(const void *a, const void *b)
{
	const struct source *const *x = a, *const *y = b;
	int c = strcasecmp((*x)->wav, (*y)->wav);

	return c != 0 ? c : strcmp((*x)->path, (*y)->path);
}

/*
 * Two recordings that become one WAV name (a.wav and a.flac), or two
 * names that differ only in case (one file on Windows and macOS, a
 * duplicate member in the zip): which one wins would depend on -j, so
 * neither is used.  The others are then indexed by WAV name.
 */
static void
find_clashes(struct prep *st)
{
	struct source **by;
	struct loc l = { NULL, NULL, 0, 0 };
	size_t i, j, k;

	by = xcalloc(st->nsrc + 1, sizeof(*by));
	for (i = 0; i < st->nsrc; i++)
		by[i] = &st->src[i];
	if (st->nsrc > 0)
		qsort(by, st->nsrc, sizeof(*by), icase_wav_cmp);
	for (i = 0; i < st->nsrc; i = j) {
		for (j = i + 1; j < st->nsrc &&
		    strcasecmp(by[i]->wav, by[j]->wav) == 0; j++)
			;
		for (k = i + 1; k < j; k++) {
			l.file = by[k]->path;
			if (strcmp(by[i]->wav, by[k]->wav) == 0)
				diag_add(st->d, &l, "PKG-ZIP-DUP", "'%s' and "
				    "'%s' would both become '%s'; one would "
				    "overwrite the other, so neither is used",
				    by[i]->path, by[k]->path, by[k]->wav);
			else
				diag_add(st->d, &l, "PKG-ZIP-DUP", "'%s' and "
				    "'%s' would become '%s' and '%s', which "
				    "differ only in case and collide in the "
				    "zip; neither is used", by[i]->path,
				    by[k]->path, by[i]->wav, by[k]->wav);
		}
		for (k = i; j > i + 1 && k < j; k++)
			by[k]->skip = 1;
	}
	for (i = k = 0; i < st->nsrc; i++)
		if (!st->src[i].skip)
			by[k++] = &st->src[i];
	if (k > 0)
		qsort(by, k, sizeof(*by), bywav_cmp);
	/* Findings are mapped back only from what is converted. */
	st->bywav = by;
	st->nbywav = k;
}

/*
 * A text file of the raw folder: which role it has, or why none.  The
 * kinds are vox-lint's: a .md file is markdown, and so is a .txt with
 * an "@ list" or a display-format header (the vendor's display-format
 * sample is a .txt), the two markdown kinds told apart by md_detect().
 * Such a .txt that md_detect() finds neither kind in is not guessed.
 */
static void
find_text(struct prep *st, const char *name, char *path, struct buf *b)
{
	static const char *const role[] = { "the transcript",
	    "the related text", "the pronunciation file",
	    "the structured text", "the display-format file" };
	unsigned int kind, md;
	int transcript, r;
	char **slot;

	buf_reset(b);
	if (io_read_file(path, b, 1 << 20, st->d) == -1) {
		free(path);
		return;
	}
	/* Audacity labels, for a recording of that name if there is one. */
	if (st->labs != NULL && dataset_has_suffix(name, ".txt") &&
	    cap_detect(buf_str(b), b->len, name) == CAP_AUDACITY) {
		st->labs[st->nlabs++] = path;
		return;
	}
	kind = dataset_text_kind(name, b, &transcript);
	if (kind == KIND_LANGUAGEMARKDOWN || kind == KIND_OUTPUTFORMATTING) {
		md = md_detect(buf_str(b), b->len);
		kind = md != 0 ? md : dataset_has_suffix(name, ".md") ? kind :
		    0;
	}
	r = transcript ? 0 : kind == KIND_LANGUAGE ? 1 :
	    kind == KIND_PRONUNCIATION ? 2 : kind == KIND_LANGUAGEMARKDOWN ?
	    3 : kind == KIND_OUTPUTFORMATTING ? 4 : -1;
	slot = r == 0 ? &st->trans : r == 1 ? &st->related : r == 2 ?
	    &st->pron : r == 3 ? &st->md : r == 4 ? &st->disp : NULL;
	if (slot == NULL)
		unused(st, path, "a line like a display-format header "
		    "('#itn', '#rewrite', '#profanity', '#test'), but vox-md "
		    "finds neither display format nor structured text; "
		    "vox-prepare does not guess its kind");
	else if (*slot != NULL)
		unused(st, path, "'%s' is %s already; vox-prepare uses one "
		    "file of each kind", *slot, role[r]);
	else {
		*slot = path;
		return;
	}
	free(path);
}

/*
 * One file at the top of the raw folder: a recording, a text of some
 * role, or reported as not used.  Audio libsndfile cannot decode is
 * kept in bad, to be judged once the recordings are known.
 */
static void
find_entry(struct prep *st, const struct dataset_entry *e, const char *sep,
    char **bad, size_t *nbad, struct buf *b)
{
	char *path = xasprintf("%s%s%s", st->raw, sep, e->name);

	if (e->dir)
		unused(st, path, "a folder; vox-prepare uses only the files "
		    "at the top of '%s'", st->raw);
	else if (e->symlink)
		unused(st, path, "a symbolic link; vox-prepare does not "
		    "follow links");
	else if (e->special)
		unused(st, path, "not a regular file; vox-prepare does not "
		    "read it");
	else if (dataset_is_audio(e->name)) {
		add_source(st, path);
		return;
	} else if (undecodable(e->name)) {
		bad[(*nbad)++] = path;
		return;
	} else if (dataset_has_suffix(e->name, ".srt") ||
	    dataset_has_suffix(e->name, ".vtt") ||
	    dataset_has_suffix(e->name, ".textgrid") ||
	    dataset_has_suffix(e->name, ".eaf")) {
		st->labs[st->nlabs++] = path;
		return;
	} else if (dataset_has_suffix(e->name, ".txt") ||
	    dataset_has_suffix(e->name, ".tsv") ||
	    dataset_has_suffix(e->name, ".md")) {
		find_text(st, e->name, path, b);
		return;
	} else
		unused(st, path, "neither audio nor .txt, .tsv or .md text; "
		    "vox-prepare does not use it");
	free(path);
}

/*
 * Audio libsndfile cannot decode (AAC in .m4a): an error that says how
 * to convert it, or not used when a recording of that name is there
 * (the converted copy, once the user followed that advice).
 */
static void
find_undecodable(struct prep *st, char *const *bad, size_t nbad)
{
	struct loc l = { NULL, NULL, 0, 0 };
	const char *name;
	char *wav;
	size_t i;

	for (i = 0; i < nbad; i++) {
		name = base_name(bad[i]);
		wav = wav_name(name);
		if (source_of(st, wav) != NULL)
			unused(st, bad[i], "not used; '%s' is used instead",
			    wav);
		else {
			l.file = bad[i];
			diag_add(st->d, &l, "AUDIO-READ", "libsndfile cannot "
			    "decode this format, so the recording is not "
			    "used; convert it first, e.g. 'ffmpeg -i %s %s'",
			    name, wav);
		}
		free(wav);
	}
}

/*
 * Each label file goes to the recording of its name, which is then cut
 * into clips instead of converted whole (stage 2b).  A .txt that is
 * Audacity labels of no recording is text of some other role.  A
 * recording whose clips would have the name of another's WAV is not
 * used: which one the zip holds would depend on the order of the run.
 */
static void
find_labels(struct prep *st, struct buf *b)
{
	struct loc l = { NULL, NULL, 0, 0 };
	struct source *s;
	char **labs = st->labs, *wav;
	size_t i, j, n = st->nlabs;

	st->labs = NULL;
	for (i = 0; i < n; i++) {
		wav = wav_name(labs[i]);
		s = (struct source *)source_of(st, wav);
		free(wav);
		if (s != NULL && s->labels == NULL) {
			s->labels = labs[i];
			continue;
		}
		if (s != NULL)
			unused(st, labs[i], "'%s' are the labels of '%s' "
			    "already; vox-prepare uses one label file a "
			    "recording", s->labels, s->path);
		else if (dataset_has_suffix(labs[i], ".txt")) {
			find_text(st, base_name(labs[i]), labs[i], b);
			continue;
		} else
			unused(st, labs[i], "labels, but no recording of the "
			    "same name is used; vox-prepare does not use them");
		free(labs[i]);
	}
	for (i = 0; i < st->nsrc; i++) {
		s = &st->src[i];
		if (s->labels == NULL)
			continue;
		for (j = 0; j < st->nsrc && !s->skip; j++)
			if (!st->src[j].skip &&
			    clip_of(st->src[j].wav, s->wav)) {
				l.file = s->path;
				diag_add(st->d, &l, "PKG-ZIP-DUP", "'%s' is cut "
				    "into clips named '%.*s-0001.wav' and so "
				    "on, and '%s' would become one of these "
				    "names; the recording is not cut",
				    s->path, (int)strlen(s->wav) - 4, s->wav,
				    st->src[j].path);
				s->skip = 1;
			}
		st->nlong += !s->skip;
	}
	free(labs);
}

/*
 * Stage 1: sort the files at the top of the raw folder by role: audio
 * by extension; text by the shape vox-lint detects (a transcript,
 * pronunciations, structured text, display format, else related text).
 * Every other file is named in a finding with the reason it is not used.
 */
static int
stage_find(struct prep *st)
{
	struct dataset ds = DATASET_INIT;
	struct buf b = BUF_INIT;
	const char *sep;
	char **bad = NULL;
	size_t i, nbad = 0;
	int rc = -1;

	if (dataset_open(&ds, st->raw, st->d) == -1 || ds.zip) {
		if (ds.zip)
			diag_syserr(st->d, "'%s' is not a folder", st->raw);
		goto out;
	}
	sep = st->raw[strlen(st->raw) - 1] == '/' ? "" : "/";
	bad = xcalloc(ds.n + 1, sizeof(*bad));
	st->labs = xcalloc(ds.n + 1, sizeof(*st->labs));
	/* Files in a folder are reported with the folder. */
	for (i = 0; i < ds.n; i++)
		if (strchr(ds.v[i].name, '/') == NULL)
			find_entry(st, &ds.v[i], sep, bad, &nbad, &b);
	find_clashes(st);
	find_labels(st, &b);
	find_undecodable(st, bad, nbad);
	for (i = st->first; i < st->d->n; i++) {
		const struct finding *f = &st->d->v[i];

		account_one(st, f->rule != NULL &&
		    strcmp(f->rule->id, "PKG-UNUSED") == 0 ? PK_NONE :
		    PK_AUDIO, f);
	}
	if (st->nsrc > 0 || nbad > 0 || st->trans != NULL)
		st->k[PK_AUDIO].kind = st->trans != NULL || st->nlong > 0 ?
		    KIND_ACOUSTIC : KIND_AUDIOFILES;
	if (st->related != NULL)
		st->k[PK_TEXT].kind = KIND_LANGUAGE;
	if (st->pron != NULL)
		st->k[PK_PRON].kind = KIND_PRONUNCIATION;
	if (st->md != NULL)
		st->k[PK_MD].kind = KIND_LANGUAGEMARKDOWN;
	if (st->disp != NULL)
		st->k[PK_DISP].kind = KIND_OUTPUTFORMATTING;
	rc = 0;
out:
	for (i = 0; i < nbad; i++)
		free(bad[i]);
	free(bad);
	buf_release(&b);
	dataset_close(&ds);
	return rc;
}

/* Stage 2: convert the audio into work/.audio, in parallel, in order. */
struct conv_res {
	struct diag		d;
	struct resample_stats	st;
};

static void *
conv_work(size_t i, void *state, void *arg)
{
	struct prep *st = arg;
	struct conv_res *r = xcalloc(1, sizeof(*r));
	struct resample_opts ro = RESAMPLE_OPTS_INIT;
	char *out;

	if (stop || st->src[i].skip || st->src[i].labels != NULL)
		return r;
	progress_part_init(&r->st.part, &st->prog,
	    progress_bytes(&st->src[i].path, 1));
	ro.rate = st->o->rate;
	ro.quality = st->o->quality;
	out = xasprintf("%s/%s", st->audio, st->src[i].wav);
	resample_file(&ro, st->src[i].path, out, &r->st, &r->d);
	free(out);
	return r;
}

static void
conv_done(size_t i, void *res, void *arg)
{
	struct prep *st = arg;
	struct conv_res *r = res;

	progress_part_end(&r->st.part);
	diag_move(st->d, &r->d);
	if (r->st.written) {
		st->converted++;
		st->copied += r->st.copied;
		st->clipped += r->st.clipped;
		if (r->st.in_rate > 0)
			st->seconds += (double)r->st.in_frames /
			    r->st.in_rate;
	}
	resample_stats_release(&r->st);
	diag_release(&r->d);
	free(r);
}

static int
stage_convert(struct prep *st)
{
	struct jobs_spec js = { 0 };
	size_t from = st->d->n, i;
	double bytes = 0;

	if (st->nsrc == st->nlong)
		return 0;
	for (i = 0; i < st->nsrc; i++)
		if (!st->src[i].skip && st->src[i].labels == NULL)
			bytes += progress_bytes(&st->src[i].path, 1);
	progress_begin_unit(&st->prog, st->o->progress, bytes,
	    PROGRESS_BYTES);
	js.n = st->nsrc;
	js.threads = st->o->jobs;
	js.work = conv_work;
	js.done = conv_done;
	js.ctx = st;
	jobs_run(&js);
	progress_end(&st->prog);
	buf_printf(st->sum, "  audio: %zu of %zu in %u Hz mono 16-bit "
	    "WAV (%zu converted, %zu already right), %.1f s, ",
	    st->converted, st->nsrc - st->nlong, st->o->rate,
	    st->converted - st->copied, st->copied, st->seconds);
	buf_count(st->sum, st->clipped, "sample", "samples");
	buf_addstr(st->sum, " clipped\n");
	account(st, PK_AUDIO, from);
	return 0;
}

static void	add_lines(struct buf *, const char *, const char *);

/*
 * Stage 2b: each recording with labels cut into clips by vox-segment,
 * with its defaults for the profile and vox-prepare's -r, into a folder
 * of the work folder; the clips of each transcript line are moved
 * among the converted WAVs and the lines kept for stage 3.  Findings
 * about the labels keep their lines: they name the user's files.
 */
static int
stage_segment(struct prep *st)
{
	struct seg_opts so;
	struct seg_input *in;
	struct buf sum = BUF_INIT, t = BUF_INIT;
	const struct source *s;
	const char *p, *nl, *tab;
	char *dir, *msg, *from = NULL, *to = NULL, *name;
	size_t i, k, n = 0, first = st->d->n;
	int rc = -1;

	if (st->nlong == 0)
		return 0;
	in = xcalloc(st->nlong, sizeof(*in));
	for (i = 0; i < st->nsrc; i++)
		if (st->src[i].labels != NULL && !st->src[i].skip) {
			in[n].audio = st->src[i].path;
			in[n++].labels = st->src[i].labels;
		}
	memset(&so, 0, sizeof(so));
	so.max_s = fmin(st->o->prof->train_clip, SEG_MAX_CLIP);
	so.gap_s = SEG_GAP;
	so.target_s = fmin(SEG_TARGET, so.max_s);
	so.pad_s = st->o->prof->pad;
	so.ro.rate = st->o->rate;
	so.ro.quality = st->o->quality;
	so.loc = st->o->loc;
	so.repeat_max = st->o->prof->repeat_max;
	so.jobs = st->o->jobs;
	dir = xasprintf("%s/.segments", st->work);
	if ((msg = seg_check(in, n, dir)) != NULL) {
		diag_syserr(st->d, "%s", msg);
		free(msg);
		goto out;
	}
	if (seg_run(&so, in, n, dir, &sum, st->d) == -1)
		goto out;
	account(st, PK_AUDIO, first);
	free(from);
	from = xasprintf("%s/trans.txt", dir);
	if (io_read_file(from, &t, 0, st->d) != 0)
		goto out;
	p = buf_str(&t);
	if (t.len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	for (; *p != '\0'; p = nl + 1) {
		nl = p + strcspn(p, "\n");
		tab = memchr(p, '\t', (size_t)(nl - p));
		name = xstrndup(p, tab != NULL ? (size_t)(tab - p) : 0);
		free(from);
		free(to);
		from = xasprintf("%s/%s", dir, name);
		to = xasprintf("%s/%s", st->audio, name);
		s = clip_source(st, name, &k);
		free(name);
		if (s == NULL || rename(from, to) == -1) {
			diag_syserr(st->d, "cannot move '%s' to '%s': %s", from,
			    to, s == NULL ? "not a clip" : strerror(errno));
			goto out;
		}
		if ((st->nsegline & (st->nsegline - 1)) == 0)
			st->segline = xreallocarray(st->segline,
			    st->nsegline > 0 ? st->nsegline * 2 : 1,
			    sizeof(*st->segline));
		st->segline[st->nsegline++] = s;
		buf_add(&st->segtrans, p, (size_t)(nl - p));
		buf_addc(&st->segtrans, '\n');
		if (*nl == '\0')
			break;
	}
	buf_addstr(st->sum, "  segments: ");
	buf_count(st->sum, n, "recording", "recordings");
	buf_addstr(st->sum, " with labels cut into ");
	buf_count(st->sum, st->nsegline, "clip", "clips");
	buf_addc(st->sum, '\n');
	msg = swap(buf_str(&sum), st->work, st->outdir);
	add_lines(st->sum, msg, "    ");
	free(msg);
	rc = 0;
out:
	io_rm_tree(dir);
	free(dir);
	free(from);
	free(to);
	free(in);
	buf_release(&sum);
	buf_release(&t);
	return rc;
}

/* Write bytes to path atomically. */
static int
put_file(const char *path, const struct buf *b, struct diag *d)
{
	struct outfile of = OUTFILE_INIT;
	FILE *fp;

	if ((fp = io_create(&of, path, d)) == NULL)
		return -1;
	fwrite(buf_str(b), 1, b->len, fp);
	return io_commit(&of, d);
}

/*
 * Stage 3: the transcript, repaired by the vox-trans rules, into
 * work/.audio/trans.txt, with the map from its lines to the raw ones;
 * then the lines of the clips of stage 2b, which vox-segment repaired.
 */
static int
stage_fix(struct prep *st)
{
	struct trans tr = TRANS_INIT;
	struct trans_opts to;
	struct buf in = BUF_INIT, out = BUF_INIT;
	struct loc l = { NULL, NULL, 0, 0 };
	struct text *t = NULL;
	size_t from = st->d->n;
	int rc = -1;

	if (st->trans == NULL && st->nlong == 0)
		return 0;
	if (st->trans == NULL) {
		if (st->o->loc->bom)
			buf_add(&out, "\xef\xbb\xbf", 3);
		goto clips;
	}
	l.file = st->trans;
	if (io_read_file(st->trans, &in, 64 << 20, st->d) != 0 ||
	    (t = text_open(st->o->loc->tag, st->d)) == NULL)
		goto out;
	memset(&to, 0, sizeof(to));
	to.loc = st->o->loc;
	to.repeat_max = st->o->prof->repeat_max;
	to.fix = 1;
	to.eol_lf = 1;
	trans_check(&tr, t, &to, buf_str(&in), in.len, &l, &out, st->d);
	st->tmap = prepare_line_map(buf_str(&in), in.len, &st->ntmap);
	st->segfirst = st->ntmap - 1;
	buf_addstr(st->sum, "  transcript: ");
	trans_summary(&tr, st->sum);
	endline(st->sum);
	if (st->segtrans.len > 0 && !(out.len == 3 &&
	    memcmp(out.s, "\xef\xbb\xbf", 3) == 0))
		endline(&out);
clips:
	buf_add(&out, st->segtrans.s, st->segtrans.len);
	if (put_file(st->tcopy, &out, st->d) == -1)
		goto out;
	account(st, PK_AUDIO, from);
	rc = 0;
out:
	text_close(t);
	trans_release(&tr);
	buf_release(&in);
	buf_release(&out);
	return rc;
}

static int
norm_related(struct prep *st)
{
	struct pkind *k = &st->k[PK_TEXT];
	struct related_opts ro;
	struct related_stats rs;
	struct buf in = BUF_INIT, out = BUF_INIT;
	size_t from = st->d->n;
	int rc = -1;

	related_opts_init(&ro, st->o->prof, st->o->loc);
	memset(&rs, 0, sizeof(rs));
	if (io_read_file(st->related, &in, 0, st->d) != 0 ||
	    related_check_mem(&ro, NULL, buf_str(&in), in.len, st->related,
	    &out, &rs, st->d) == -1 || put_file(k->src, &out, st->d) == -1)
		goto out;
	buf_addstr(st->sum, "  related text: ");
	related_summary(&rs, st->sum);
	endline(st->sum);
	account(st, PK_TEXT, from);
	rc = 0;
out:
	buf_release(&in);
	buf_release(&out);
	return rc;
}

static int
norm_pron(struct prep *st)
{
	struct pkind *k = &st->k[PK_PRON];
	struct pron_opts po;
	struct pron_stats ps;
	struct buf in = BUF_INIT, out = BUF_INIT;
	struct text *t = NULL;
	size_t from = st->d->n;
	int rc = -1;

	pron_opts_init(&po, st->o->prof, st->o->loc);
	memset(&ps, 0, sizeof(ps));
	if (io_read_file(st->pron, &in, PRON_READ_MAX, st->d) != 0 ||
	    (t = text_open(st->o->loc->tag, st->d)) == NULL ||
	    pron_check(&po, t, buf_str(&in), in.len, st->pron, NULL, &out,
	    &ps, st->d) == -1 || put_file(k->src, &out, st->d) == -1)
		goto out;
	buf_addstr(st->sum, "  pronunciation: ");
	pron_summary(&ps, st->sum);
	endline(st->sum);
	account(st, PK_PRON, from);
	rc = 0;
out:
	text_close(t);
	buf_release(&in);
	buf_release(&out);
	return rc;
}

/*
 * Markdown of either kind, its layout repaired as vox-md --fix does: a
 * BOM, LF line ends, no trailing blanks, headers and "- " entries
 * spaced as the vendor writes them, repeated list items dropped; words
 * are never changed.  Stage 5 checks the repair, as vox-md --fix does,
 * and its findings go back to the user's lines through k->map; the
 * summary says how many of a display-format file's #test cases pass.
 */
static int
norm_md(struct prep *st, int pk)
{
	struct pkind *k = &st->k[pk];
	struct md_opts layout = { NULL, NULL, 0, 1 };
	struct md_fix_stats fs;
	struct diag scratch = DIAG_INIT;
	struct buf in = BUF_INIT, out = BUF_INIT;
	const char *path = pk == PK_MD ? st->md : st->disp;
	struct md *m;
	struct disp *dp;
	size_t pass = 0, all = 0;
	int rc = -1;

	memset(&fs, 0, sizeof(fs));
	if (io_read_file(path, &in, 0, st->d) != 0)
		goto out;
	if (pk == PK_MD) {
		/* Only the model matters here; stage 5 says what is wrong. */
		m = md_parse(buf_str(&in), in.len, path, &layout, &scratch);
		md_fix(m, &out, &fs);
		fixmap_md(&k->map, m, buf_str(&out), out.len);
		md_free(m);
	} else {
		md_fix_display(buf_str(&in), in.len, &out, &fs);
		fixmap_build(&k->map, buf_str(&in), in.len, buf_str(&out),
		    out.len, NULL, 0);
	}
	if (put_file(k->src, &out, st->d) == -1)
		goto out;
	buf_printf(st->sum, "  %s: ", pk == PK_MD ? "structured text" :
	    "display format");
	md_fix_summary(&fs, st->sum);
	if (pk == PK_DISP) {
		/* Stage 5 reports each case that fails. */
		dp = disp_parse_prof(buf_str(&out), out.len, path,
		    st->o->prof, st->o->loc, &scratch);
		disp_test(dp, &scratch, &pass, &all);
		disp_free(dp);
		if (all == 0)
			buf_addstr(st->sum, "; no test cases");
		else
			buf_printf(st->sum, "; %zu of %zu test case%s", pass,
			    all, all == 1 ? " passes" : "s pass");
	}
	endline(st->sum);
	rc = 0;
out:
	diag_release(&scratch);
	buf_release(&in);
	buf_release(&out);
	return rc;
}

/*
 * Stage 4: related text (vox-text), pronunciations (vox-pron), and the
 * layout of structured text and display format (vox-md --fix).
 */
static int
stage_normalize(struct prep *st)
{
	if (st->related != NULL && norm_related(st) == -1)
		return -1;
	if (st->pron != NULL && norm_pron(st) == -1)
		return -1;
	if (st->md != NULL && norm_md(st, PK_MD) == -1)
		return -1;
	if (st->disp != NULL && norm_md(st, PK_DISP) == -1)
		return -1;
	return 0;
}

/*
 * Stage 5: lint each kind as vox-lint does, its findings moved to the
 * user's files; what the earlier stages said already is not repeated.
 */
static int
stage_lint(struct prep *st)
{
	struct lint_opts lo;
	struct lint_result res;
	size_t from;
	int i;

	memset(&lo, 0, sizeof(lo));
	lo.prof = st->o->prof;
	lo.loc = st->o->loc;
	lo.testing = st->o->testing;
	lo.jobs = st->o->jobs;
	lo.view = st->view;
	for (i = 0; i < PK_N; i++) {
		if (st->k[i].kind == 0)
			continue;
		from = st->d->n;
		lo.kind = st->k[i].kind;
		if (lint_path(&lo, st->k[i].src, NULL, NULL, &res, st->d) ==
		    -1)
			return -1;
		map_findings(st, from);
		drop_repeats(st, from);
		account(st, i, from);
	}
	/* The page names the user's files, as the findings do. */
	html_rename(st->view, map_place, st);
	return 0;
}

/* The lines of s, each escaped as diagnostics are, indented. */
static void
add_lines(struct buf *b, const char *s, const char *indent)
{
	const char *nl;
	char *line;

	for (; *s != '\0'; s = *nl != '\0' ? nl + 1 : nl) {
		nl = s + strcspn(s, "\n");
		line = xstrndup(s, (size_t)(nl - s));
		buf_addstr(b, indent);
		buf_addesc(b, line);
		buf_addc(b, '\n');
		free(line);
	}
}

/*
 * Stage 6: pack each kind without errors (or each, with --force) as
 * vox-pack does; what vox-pack's own lint says was said in stage 5.
 */
static int
stage_pack(struct prep *st)
{
	struct pack_opts po;
	struct buf s = BUF_INIT;
	struct pkind *k;
	char *t;
	size_t from;
	int i, r, rc = 0;

	memset(&po, 0, sizeof(po));
	po.prof = st->o->prof;
	po.loc = st->o->loc;
	po.testing = st->o->testing;
	po.jobs = st->o->jobs;
	po.force = 1;
	for (i = 0; i < PK_N && rc == 0; i++) {
		k = &st->k[i];
		if (k->kind == 0)
			continue;
		buf_printf(st->sum, "  %s: ", kind_name((enum kind)k->kind));
		if (k->errors > 0 && !st->o->force) {
			buf_addstr(st->sum, "not packed: the inputs have ");
			buf_count(st->sum, k->errors, "error", "errors");
			buf_addstr(st->sum, "; fix them, or pack anyway with "
			    "--force\n");
			continue;
		}
		po.kind = k->kind;
		po.out = k->dst;
		po.name = kind_name((enum kind)k->kind);
		from = st->d->n;
		buf_reset(&s);
		r = pack_run(&po, &k->src, 1, &s, st->d);
		map_findings(st, from);
		drop_repeats(st, from);
		account(st, i, from);
		if (r != 0) {
			buf_addstr(st->sum, "failed\n");
			rc = -1;
			break;
		}
		k->packed = 1;
		if (k->errors > 0) {
			buf_addstr(st->sum, "packed despite ");
			buf_count(st->sum, k->errors, "error", "errors");
			buf_addstr(st->sum, " (--force)\n");
		} else
			buf_addstr(st->sum, "packed\n");
		t = swap(buf_str(&s), st->work, st->outdir);
		add_lines(st->sum, t, "    ");
		free(t);
	}
	buf_release(&s);
	return rc;
}

/*
 * Stage 7: the service refuses pronunciation data and structured text
 * in one training (PRON-NO-MD).  Each is an upload of its own, so both
 * are prepared; the error says how to use them.
 */
static int
stage_pair(struct prep *st)
{
	const struct pkind *p = &st->k[PK_PRON], *m = &st->k[PK_MD];
	struct loc l = { NULL, NULL, 0, 0 };

	if (p->kind == 0 || m->kind == 0)
		return 0;
	l.file = st->pron;
	diag_add(st->d, &l, "PRON-NO-MD", "the service refuses pronunciation "
	    "data and structured text ('%s') in one training; %s: train "
	    "with one of them, or give these words phones in the structured "
	    "text's '@ speech:phoneticlexicon' block instead", st->md,
	    p->packed && m->packed && p->errors + m->errors == 0 ? "both "
	    "uploads are written, and each is valid alone" : "each is "
	    "prepared as an upload of its own");
	st->pair = 1;
	return 0;
}

static int
ready(const struct prep *st, const struct pkind *k)
{
	return k->packed && k->errors == 0 &&
	    (st->o->failon > SEV_WARNING || k->warnings == 0);
}

/*
 * The closing line, which says what the exit status says: "ready to
 * upload" only when it is 0; else what is packed and why the rest is
 * not.  Returns the status: 0, or 1.
 */
static int
verdict(struct prep *st)
{
	const char *lvl = st->o->failon <= SEV_WARNING ? " (-W warning)" : "";
	char *out = buf_escdup(st->out);
	size_t n = 0, nready = 0, other;
	int i;

	for (i = 0; i < PK_N; i++) {
		n += st->k[i].kind != 0;
		nready += st->k[i].kind != 0 && ready(st, &st->k[i]);
	}
	other = st->other[1] + (st->o->failon <= SEV_WARNING ?
	    st->other[0] : 0);
	if (nready == n && other == 0 && !st->pair) {
		buf_printf(st->sum, "%s: %s\n", out, n > 0 ? "ready to upload" :
		    "nothing to upload");
		free(out);
		return 0;
	}
	if (n > 0) {
		buf_printf(st->sum, "%s: %zu of ", out, nready);
		buf_count(st->sum, n, "kind", "kinds");
		buf_addstr(st->sum, " ready to upload");
	} else
		buf_printf(st->sum, "%s: nothing to upload", out);
	for (i = 0; i < PK_N; i++) {
		const struct pkind *k = &st->k[i];

		if (k->kind == 0 || ready(st, k))
			continue;
		buf_printf(st->sum, "; %s ", kind_name((enum kind)k->kind));
		if (!k->packed) {
			buf_addstr(st->sum, "not packed: ");
			buf_count(st->sum, k->errors, "error", "errors");
		} else if (k->errors > 0) {
			buf_addstr(st->sum, "packed despite ");
			buf_count(st->sum, k->errors, "error", "errors");
			buf_addstr(st->sum, " (--force)");
		} else {
			buf_addstr(st->sum, "has ");
			buf_count(st->sum, k->warnings, "warning", "warnings");
			buf_addstr(st->sum, lvl);
		}
	}
	if (st->pair)
		buf_addstr(st->sum, "; pronunciation and structured text "
		    "cannot be in one training");
	if (st->other[1] > 0) {
		buf_addstr(st->sum, "; ");
		buf_count(st->sum, st->other[1], "error", "errors");
		buf_addstr(st->sum, " about the inputs");
	}
	if (*lvl != '\0' && st->other[0] > 0) {
		buf_addstr(st->sum, "; ");
		buf_count(st->sum, st->other[0], "warning", "warnings");
		buf_printf(st->sum, " about the inputs%s", lvl);
	}
	buf_addc(st->sum, '\n');
	free(out);
	return 1;
}

/*
 * Stage 8: drop the work files, write report.jsonl with every finding
 * of the run, and put the work folder in place of OUT_DIR.
 */
static int
stage_commit(struct prep *st)
{
	struct report *rep;
	char *p;
	size_t i;
	int k;

	io_rm_tree(st->audio);
	for (k = PK_TEXT; k < PK_N; k++)
		if (st->k[k].kind != 0)
			remove(st->k[k].src);
	p = xasprintf("%s/report.jsonl", st->work);
	rep = report_new(p, REPORT_JSONL, "vox-prepare", "", SEV_ERROR);
	free(p);
	for (i = st->first; i < st->d->n; i++)
		report_add(rep, &st->d->v[i]);
	if (report_close(rep, st->d) == -1)
		return -1;
	p = xasprintf("%s/report.html", st->work);
	rep = report_new(p, REPORT_HTML, "vox-prepare", "", st->o->failon);
	free(p);
	report_set_view(rep, st->view);
	for (i = st->first; i < st->d->n; i++)
		report_add(rep, &st->d->v[i]);
	if (report_close(rep, st->d) == -1 ||
	    io_publish(st->work, st->outdir, st->d) == -1)
		return -1;
	return verdict(st);
}

/* Whether s is "-" and three or more digits, then suffix: "-001.zip". */
static int
shard_suffix(const char *s, const char *suffix)
{
	size_t n = 0;

	if (*s++ != '-')
		return 0;
	while (s[n] >= '0' && s[n] <= '9')
		n++;
	return n >= 3 && strcmp(s + n, suffix) == 0;
}

/*
 * Whether a run of vox-prepare writes a file of this name in OUT_DIR:
 * exactly the names of stage 6 (vox-pack's, with its shard numbers)
 * and the reports; "acoustic-backup.zip" is someone else's.
 */
static int
prepare_wrote(const char *name)
{
	static const char *const fixed[] = { "display.manifest.json",
	    "display.md", "pronunciation.manifest.json", "pronunciation.txt",
	    "related.manifest.json", "related.txt", "report.html",
	    "report.jsonl", "structured.manifest.json", "structured.md" };
	static const char *const zips[] = { "acoustic", "audiofiles" };
	const char *rest;
	size_t i;

	for (i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++)
		if (strcmp(name, fixed[i]) == 0)
			return 1;
	for (i = 0; i < sizeof(zips) / sizeof(zips[0]); i++) {
		if (strncmp(name, zips[i], strlen(zips[i])) != 0)
			continue;
		rest = name + strlen(zips[i]);
		if (strcmp(rest, ".zip") == 0 ||
		    strcmp(rest, ".manifest.json") == 0 ||
		    shard_suffix(rest, ".zip") ||
		    shard_suffix(rest, ".manifest.json"))
			return 1;
	}
	return 0;
}

/*
 * A finished run replaces OUT_DIR as a whole.  Refuse, before any work,
 * an OUT_DIR that is the raw folder or holds it, that is not a folder,
 * or that holds anything a run does not write.  Returns 0, or -1 after
 * a system error.
 */
static int
out_check(const char *raw, const char *out, struct diag *d)
{
	struct stat sb;
	char *r, *o;
	size_t n;
	int rc = 0;

	r = realpath(raw, NULL);
	o = io_abs_path(out);
	if (r != NULL && o != NULL) {
		n = strlen(o);
		if (strcmp(r, o) == 0) {
			diag_syserr(d, "'%s' is the input folder; refusing to "
			    "replace it", out);
			rc = -1;
		} else if (strncmp(r, o, n) == 0 && (r[n] == '/' ||
		    strcmp(o, "/") == 0)) {
			diag_syserr(d, "'%s' holds the input folder '%s'; "
			    "refusing to replace it", out, raw);
			rc = -1;
		}
	}
	free(r);
	free(o);
	if (rc == -1 || stat(out, &sb) == -1)
		return rc;
	if (!S_ISDIR(sb.st_mode)) {
		diag_syserr(d, "'%s' is not a folder; refusing to replace it",
		    out);
		return -1;
	}
	return io_foreign(out, prepare_wrote, "vox-prepare", d);
}

/* The work folder beside OUT_DIR (rename stays atomic), with .audio. */
static int
prep_workdir(struct prep *st)
{
	if ((st->work = io_workdir(st->outdir, "vox-prepare", st->d)) ==
	    NULL)
		return -1;
	st->audio = xasprintf("%s/.audio", st->work);
	st->tcopy = xasprintf("%s/trans.txt", st->audio);
	if (mkdir(st->audio, 0777) == -1) {
		diag_syserr(st->d, "cannot create '%s': %s", st->audio,
		    strerror(errno));
		return -1;
	}
	st->k[PK_AUDIO].src = xstrdup(st->audio);
	st->k[PK_AUDIO].dst = xasprintf("%s/%s.zip", st->work,
	    st->k[PK_AUDIO].kind == KIND_ACOUSTIC ? "acoustic" :
	    "audiofiles");
	st->k[PK_TEXT].src = xasprintf("%s/.related.txt", st->work);
	st->k[PK_TEXT].dst = xasprintf("%s/related.txt", st->work);
	st->k[PK_PRON].src = xasprintf("%s/.pronunciation.txt", st->work);
	st->k[PK_PRON].dst = xasprintf("%s/pronunciation.txt", st->work);
	st->k[PK_MD].src = xasprintf("%s/.structured.md", st->work);
	st->k[PK_MD].dst = xasprintf("%s/structured.md", st->work);
	st->k[PK_DISP].src = xasprintf("%s/.display.md", st->work);
	st->k[PK_DISP].dst = xasprintf("%s/display.md", st->work);
	return 0;
}

static void
prep_release(struct prep *st)
{
	size_t i;

	for (i = 0; i < st->nsrc; i++) {
		free(st->src[i].path);
		free(st->src[i].wav);
		free(st->src[i].labels);
	}
	for (i = 0; i < PK_N; i++) {
		free(st->k[i].src);
		free(st->k[i].dst);
		fixmap_release(&st->k[i].map);
	}
	free(st->src);
	free(st->bywav);
	free(st->trans);
	free(st->related);
	free(st->pron);
	free(st->md);
	free(st->disp);
	free(st->tmap);
	free(st->segline);
	buf_release(&st->segtrans);
	free(st->outdir);
	free(st->work);
	free(st->audio);
	free(st->tcopy);
}

/*
 * "raw: 6 audio files, a transcript, related text, pronunciations,
 * structured text, display format"
 */
static void
found(struct prep *st)
{
	char *raw = buf_escdup(st->raw);
	size_t i, n = 0;

	for (i = 0; i < st->nsrc; i++)
		n += st->src[i].labels != NULL;
	buf_printf(st->sum, "%s: ", raw);
	buf_count(st->sum, st->nsrc, "audio file", "audio files");
	if (n > 0)
		buf_printf(st->sum, " (%zu with labels)", n);
	buf_printf(st->sum, "%s%s%s%s%s", st->trans ? ", a transcript" : "",
	    st->related ? ", related text" : "",
	    st->pron ? ", pronunciations" : "",
	    st->md ? ", structured text" : "",
	    st->disp ? ", display format" : "");
	if (st->unused > 0) {
		buf_addstr(st->sum, "; ");
		buf_count(st->sum, st->unused, "file", "files");
		buf_addstr(st->sum, " not used");
	}
	buf_addc(st->sum, '\n');
	free(raw);
}

/*
 * Whether a system error (a full disk, an unreadable file) was seen: the
 * work is then incomplete for a reason that is not in the data, and
 * nothing is published.
 */
static int
syserr_seen(const struct prep *st)
{
	size_t i;

	for (i = st->first; i < st->d->n; i++)
		if (st->d->v[i].rule == NULL)
			return 1;
	return 0;
}

/* The stages between finding the inputs and committing the output. */
static int (*const stages[])(struct prep *) = {
	stage_convert,
	stage_segment,
	stage_fix,
	stage_normalize,
	stage_lint,
	stage_pack,
	stage_pair
};

/*
 * Run vox-prepare from raw to out.  Returns 0 when every kind found is
 * ready to upload, 1 when a kind was not packed or findings reach -W,
 * -1 after a system error or an interruption (out is then unchanged).
 */
int
prepare_run(const struct prepare_opts *o, const char *raw, const char *out,
    struct buf *sum, struct diag *d)
{
	struct prep st;
	struct sigaction oldint, oldterm, oldhup;
	struct html_view *own = NULL;
	size_t i, from;
	int rc = -1;

	memset(&st, 0, sizeof(st));
	st.o = o;
	if ((st.view = o->view) == NULL)
		st.view = own = html_view_new();
	html_context(st.view, o->prof, o->loc, o->testing);
	st.raw = raw;
	st.out = out;
	st.sum = sum;
	st.d = d;
	st.first = d->n;
	st.outdir = xstrdup(out);
	while (strlen(st.outdir) > 1 && st.outdir[strlen(st.outdir) - 1] ==
	    '/')
		st.outdir[strlen(st.outdir) - 1] = '\0';
	if (out_check(raw, out, d) == -1 || stage_find(&st) == -1 ||
	    prep_workdir(&st) == -1)
		goto out;
	found(&st);
	io_catch(SIGINT, onstop, &oldint);
	io_catch(SIGTERM, onstop, &oldterm);
	io_catch(SIGHUP, onstop, &oldhup);
	rc = 0;
	if (syserr_seen(&st)) {
		diag_syserr(d, "'%s' is unchanged after the errors above", out);
		rc = -1;
	}
	for (i = 0; i < sizeof(stages) / sizeof(stages[0]) && rc == 0; i++) {
		from = d->n;
		rc = stages[i](&st);
		map_findings(&st, from);
		if (stop) {
			diag_syserr(d, "interrupted; '%s' is unchanged", out);
			rc = -1;
		} else if (syserr_seen(&st)) {
			diag_syserr(d, "'%s' is unchanged after the errors "
			    "above", out);
			rc = -1;
		}
	}
	if (rc == 0)
		rc = stage_commit(&st);
	sigaction(SIGINT, &oldint, NULL);
	sigaction(SIGTERM, &oldterm, NULL);
	sigaction(SIGHUP, &oldhup, NULL);
out:
	if (rc == -1 && st.work != NULL)
		io_rm_tree(st.work);
	prep_release(&st);
	html_view_free(own);
	if (stop)
		raise(stop);
	return rc;
}
