/*
 * vox-prepare: raw folder in, upload folder out.  Everything is built
 * in a hidden folder beside OUT_DIR and moved into place only when all
 * of it is written, so an interrupted run leaves OUT_DIR as it was.
 * Steps: find the inputs; convert the audio (vox-resample); repair the
 * transcript (vox-trans --fix); normalize related text (vox-text) and
 * pronunciations (vox-pron); lint and pack each kind (vox-pack); write
 * report.jsonl with every finding.  A kind with errors left after the
 * repairs is not packed; the others still are.
 */
#define _XOPEN_SOURCE 700
#include <dirent.h>
#include <errno.h>
#include <ftw.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "dataset.h"
#include "diag.h"
#include "io.h"
#include "jobs.h"
#include "lint.h"
#include "pack.h"
#include "prepare.h"
#include "pron.h"
#include "related.h"
#include "report.h"
#include "resample.h"
#include "text.h"
#include "trans.h"
#include "xalloc.h"

static volatile sig_atomic_t stop;

static void
onstop(int sig)
{
	stop = sig;
}

/* What the raw folder holds, by role. */
struct inputs {
	char	**audio;
	size_t	  naudio;
	char	 *trans;	/* the transcript, or NULL */
	char	 *related;
	char	 *pron;
};

static void
inputs_free(struct inputs *in)
{
	size_t i;

	for (i = 0; i < in->naudio; i++)
		free(in->audio[i]);
	free(in->audio);
	free(in->trans);
	free(in->related);
	free(in->pron);
}

/*
 * Sort the raw files by role: audio by extension; text by the shape
 * vox-lint detects (a name.wav TAB text transcript, display TAB spoken
 * pronunciations, anything else related text).  A second file of a
 * text role is reported and left out.
 */
static int
find_inputs(const char *raw, struct inputs *in, struct buf *sum,
    struct diag *d)
{
	struct dataset ds = DATASET_INIT;
	struct buf b = BUF_INIT;
	size_t i;
	char *path, **slot;
	unsigned int kind;
	int transcript;

	memset(in, 0, sizeof(*in));
	if (dataset_open(&ds, raw, d) == -1 || ds.zip) {
		if (ds.zip)
			diag_syserr(d, "'%s' is not a folder", raw);
		dataset_close(&ds);
		return -1;
	}
	for (i = 0; i < ds.n; i++) {
		const struct dataset_entry *e = &ds.v[i];

		if (e->dir || e->symlink || e->special ||
		    strchr(e->name, '/') != NULL)
			continue;
		path = xasprintf("%s/%s", raw, e->name);
		if (dataset_is_audio(e->name)) {
			/* Double at powers of two: linear, not quadratic. */
			if ((in->naudio & (in->naudio - 1)) == 0)
				in->audio = xreallocarray(in->audio,
				    in->naudio > 0 ? in->naudio * 2 : 1,
				    sizeof(*in->audio));
			in->audio[in->naudio++] = path;
			continue;
		}
		buf_reset(&b);
		if (!(dataset_has_suffix(e->name, ".txt") ||
		    dataset_has_suffix(e->name, ".tsv")) ||
		    io_read_file(path, &b, 1 << 20, d) == -1) {
			free(path);
			continue;
		}
		kind = lint_text_kind(e->name, &b, &transcript);
		slot = transcript ? &in->trans : kind == KIND_PRONUNCIATION ?
		    &in->pron : kind == KIND_LANGUAGE ? &in->related : NULL;
		if (slot == NULL || *slot != NULL) {
			if (slot != NULL)
				buf_printf(sum, "  left out: '%s'; '%s' already "
				    "has that role\n", path, *slot);
			free(path);
			continue;
		}
		*slot = path;
	}
	buf_release(&b);
	dataset_close(&ds);
	return 0;
}

/* Convert the audio into work/audio/NAME.wav, in parallel, in order. */
struct conv {
	const struct prepare_opts	 *o;
	struct inputs			 *in;
	char				 *dir;
	struct diag			 *d;
	size_t				  converted;
	size_t				  copied;
	uint64_t			  clipped;
	double				  seconds;
};

struct conv_res {
	struct diag		d;
	struct resample_stats	st;
};

static char *
wav_name(const char *dir, const char *path)
{
	const char *b = strrchr(path, '/'), *dot;

	b = b != NULL ? b + 1 : path;
	dot = strrchr(b, '.');
	return xasprintf("%s/%.*s.wav", dir, (int)(dot != NULL ? dot - b :
	    (long)strlen(b)), b);
}

static void *
conv_work(size_t i, void *arg)
{
	struct conv *c = arg;
	struct conv_res *r = xcalloc(1, sizeof(*r));
	struct resample_opts ro = RESAMPLE_OPTS_INIT;
	char *out;

	if (stop)
		return r;
	ro.rate = c->o->rate;
	ro.quality = c->o->quality;
	out = wav_name(c->dir, c->in->audio[i]);
	resample_file(&ro, c->in->audio[i], out, &r->st, &r->d);
	free(out);
	return r;
}

static void
conv_done(size_t i, void *res, void *arg)
{
	struct conv *c = arg;
	struct conv_res *r = res;

	diag_move(c->d, &r->d);
	if (r->st.written) {
		c->converted++;
		c->copied += r->st.copied;
		c->clipped += r->st.clipped;
		if (r->st.in_rate > 0)
			c->seconds += (double)r->st.in_frames / r->st.in_rate;
	}
	resample_stats_release(&r->st);
	diag_release(&r->d);
	free(r);
}

static void
endline(struct buf *b)
{
	if (b->len > 0 && b->s[b->len - 1] != '\n')
		buf_addc(b, '\n');
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

/* The transcript, repaired by the vox-trans rules, into work/audio. */
static int
fix_transcript(const struct prepare_opts *o, const char *src,
    const char *dir, struct buf *sum, struct diag *d)
{
	struct trans tr = TRANS_INIT;
	struct trans_opts to;
	struct buf in = BUF_INIT, out = BUF_INIT;
	struct loc l = { src, NULL, 0, 0 };
	struct text *t = NULL;
	char *dst = xasprintf("%s/trans.txt", dir);
	int rc = -1;

	if (io_read_file(src, &in, 64 << 20, d) != 0 ||
	    (t = text_open(o->loc->tag, d)) == NULL)
		goto out;
	memset(&to, 0, sizeof(to));
	to.loc = o->loc;
	to.repeat_max = o->prof->repeat_max;
	to.fix = 1;
	to.eol_lf = 1;
	trans_check(&tr, t, &to, buf_str(&in), in.len, &l, &out, d);
	if (put_file(dst, &out, d) == -1)
		goto out;
	buf_addstr(sum, "  transcript: ");
	trans_summary(&tr, sum);
	endline(sum);
	rc = 0;
out:
	text_close(t);
	trans_release(&tr);
	buf_release(&in);
	buf_release(&out);
	free(dst);
	return rc;
}

static int
norm_related(const struct prepare_opts *o, const char *src, const char *dst,
    struct buf *sum, struct diag *d)
{
	struct related_opts ro;
	struct related_stats st;
	struct buf in = BUF_INIT, out = BUF_INIT;
	int rc = -1;

	related_opts_init(&ro, o->prof, o->loc);
	memset(&st, 0, sizeof(st));
	if (io_read_file(src, &in, 0, d) != 0 ||
	    related_check_mem(&ro, NULL, buf_str(&in), in.len, src, &out, &st,
	    d) == -1 || put_file(dst, &out, d) == -1)
		goto out;
	buf_addstr(sum, "  related text: ");
	related_summary(&st, sum);
	endline(sum);
	rc = 0;
out:
	buf_release(&in);
	buf_release(&out);
	return rc;
}

static int
norm_pron(const struct prepare_opts *o, const char *src, const char *dst,
    struct buf *sum, struct diag *d)
{
	struct pron_opts po;
	struct pron_stats st;
	struct buf in = BUF_INIT, out = BUF_INIT;
	struct text *t = NULL;
	int rc = -1;

	pron_opts_init(&po, o->prof, o->loc);
	memset(&st, 0, sizeof(st));
	if (io_read_file(src, &in, PRON_READ_MAX, d) != 0 ||
	    (t = text_open(o->loc->tag, d)) == NULL ||
	    pron_check(&po, t, buf_str(&in), in.len, src, NULL, &out, &st,
	    d) == -1 || put_file(dst, &out, d) == -1)
		goto out;
	buf_addstr(sum, "  pronunciation: ");
	pron_summary(&st, sum);
	endline(sum);
	rc = 0;
out:
	text_close(t);
	buf_release(&in);
	buf_release(&out);
	return rc;
}

/* Pack one kind from work into the new OUT folder; count its errors. */
static int
pack_kind(const struct prepare_opts *o, unsigned int kind, char *in,
    const char *out, struct buf *sum, struct diag *d)
{
	struct pack_opts po;
	struct buf s = BUF_INIT;
	int r;

	memset(&po, 0, sizeof(po));
	po.prof = o->prof;
	po.loc = o->loc;
	po.testing = o->testing;
	po.kind = kind;
	po.out = out;
	po.name = kind_name((enum kind)kind);
	po.jobs = o->jobs;
	r = pack_run(&po, &in, 1, &s, d);
	buf_printf(sum, "  %s: %s", kind_name((enum kind)kind), r == 0 ?
	    "packed\n    " : r == 1 ? "" : "failed\n");
	if (r != -1)
		buf_addstr(sum, buf_str(&s));
	buf_release(&s);
	return r;
}

static int
rm_entry(const char *p, const struct stat *st, int flag, struct FTW *f)
{
	return remove(p);
}

static void
rm_tree(const char *dir)
{
	nftw(dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* Replace OUT_DIR by the finished work: rename, the old one removed. */
static int
publish(const char *work, const char *out, struct diag *d)
{
	struct stat st;
	char *old = NULL;
	int rc = 0;

	if (stat(out, &st) == 0) {
		old = xasprintf("%s.old-%ld", out, (long)getpid());
		if (rename(out, old) == -1) {
			diag_syserr(d, "cannot replace '%s': %s", out,
			    strerror(errno));
			free(old);
			return -1;
		}
	}
	if (rename(work, out) == -1) {
		diag_syserr(d, "cannot create '%s': %s", out, strerror(errno));
		if (old != NULL)
			rename(old, out);
		rc = -1;
	} else if (old != NULL)
		rm_tree(old);
	free(old);
	return rc;
}

/*
 * Findings about the converted files name the work folder, which is
 * gone once the run ends: name OUT_DIR instead, which is stable.
 */
static char *
swap(const char *s, const char *from, const char *to)
{
	struct buf b = BUF_INIT;
	const char *p;
	size_t n = strlen(from);

	while ((p = strstr(s, from)) != NULL) {
		buf_add(&b, s, (size_t)(p - s));
		buf_addstr(&b, to);
		s = p + n;
	}
	buf_addstr(&b, s);
	return buf_detach(&b);
}

static void
rename_findings(struct diag *d, size_t first, const char *work,
    const char *out)
{
	size_t i;
	char *s;

	for (i = first; i < d->n; i++) {
		struct finding *f = &d->v[i];

		if (f->file != NULL) {
			s = swap(f->file, work, out);
			free(f->file);
			f->file = s;
		}
		s = swap(f->msg, work, out);
		free(f->msg);
		f->msg = s;
	}
}

/* The absolute form of path, which need not exist but its parent must. */
static char *
abs_path(const char *path)
{
	char *p, *slash, *dir, *r = NULL;
	const char *base;

	p = xstrdup(path);
	while (strlen(p) > 1 && p[strlen(p) - 1] == '/')
		p[strlen(p) - 1] = '\0';
	if ((dir = realpath(p, NULL)) != NULL) {
		free(p);
		return dir;
	}
	if ((slash = strrchr(p, '/')) == NULL) {
		dir = realpath(".", NULL);
		base = p;
	} else {
		*slash = '\0';
		dir = realpath(slash == p ? "/" : p, NULL);
		base = slash + 1;
	}
	if (dir != NULL)
		r = xasprintf("%s%s%s", dir, strcmp(dir, "/") == 0 ? "" : "/",
		    base);
	free(dir);
	free(p);
	return r;
}

/* Whether a run of vox-prepare writes a file of this name in OUT_DIR. */
static int
prepare_wrote(const char *name)
{
	static const char *const fixed[] = { "pronunciation.txt",
	    "related.txt", "report.jsonl" };
	static const char *const stems[] = { "acoustic", "audiofiles",
	    "pronunciation", "related" };
	size_t i;

	for (i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++)
		if (strcmp(name, fixed[i]) == 0)
			return 1;
	for (i = 0; i < sizeof(stems) / sizeof(stems[0]); i++)
		if (strncmp(name, stems[i], strlen(stems[i])) == 0 &&
		    (dataset_has_suffix(name, ".zip") ||
		    dataset_has_suffix(name, ".manifest.json")))
			return 1;
	return 0;
}

/*
 * A finished run replaces OUT_DIR as a whole.  Refuse, before any work,
 * an OUT_DIR that is the raw folder or holds it, that is not a folder,
 * or that holds anything a run does not write: replacing it would lose
 * data.  Returns 0, or -1 after a system error.
 */
static int
out_check(const char *raw, const char *out, struct diag *d)
{
	struct stat st;
	struct dirent *de;
	DIR *dp;
	char *r, *o, *p;
	size_t n;
	int rc = 0;

	r = realpath(raw, NULL);
	o = abs_path(out);
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
	if (rc == -1 || stat(out, &st) == -1)
		return rc;
	if (!S_ISDIR(st.st_mode)) {
		diag_syserr(d, "'%s' is not a folder; refusing to replace it",
		    out);
		return -1;
	}
	if ((dp = opendir(out)) == NULL) {
		diag_syserr(d, "cannot read folder '%s': %s", out,
		    strerror(errno));
		return -1;
	}
	while (rc == 0 && (de = readdir(dp)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0)
			continue;
		p = xasprintf("%s/%s", out, de->d_name);
		if (lstat(p, &st) == -1 || !S_ISREG(st.st_mode) ||
		    !prepare_wrote(de->d_name)) {
			diag_syserr(d, "'%s' holds '%s', which vox-prepare "
			    "does not write; refusing to replace it", out,
			    de->d_name);
			rc = -1;
		}
		free(p);
	}
	closedir(dp);
	return rc;
}

/*
 * The lint of the repaired transcript repeats what the repair already
 * said about the raw one (same rule, line and message): keep the raw
 * file's finding, which names the file the user can edit.
 */
static void
drop_repeats(struct diag *d, size_t first, size_t from)
{
	size_t i, j, k = from;

	for (i = from; i < d->n; i++) {
		struct finding *f = &d->v[i];
		int dup = 0;

		for (j = first; j < from && !dup; j++)
			dup = d->v[j].rule == f->rule && f->rule != NULL &&
			    d->v[j].line == f->line && d->v[j].col == f->col &&
			    strcmp(d->v[j].msg, f->msg) == 0;
		if (dup) {
			free(f->file);
			free(f->member);
			free(f->msg);
		} else
			d->v[k++] = *f;
	}
	d->n = k;
}

static int
interrupted(const char *work)
{
	if (!stop)
		return 0;
	rm_tree(work);
	return 1;
}

int
prepare_run(const struct prepare_opts *o, const char *raw, const char *out,
    struct buf *sum, struct diag *d)
{
	struct inputs in;
	struct conv c;
	struct jobs_spec js;
	struct sigaction sa, oldint, oldterm, oldhup;
	struct report *rep = NULL;
	char *work = NULL, *wav = NULL, *p = NULL, *outdir;
	size_t first = d->n, i;
	int rc = -1, notpacked = 0;

	if (out_check(raw, out, d) == -1 ||
	    find_inputs(raw, &in, sum, d) == -1)
		return -1;
	/* The work folder is a sibling of OUT_DIR: rename stays atomic. */
	outdir = xstrdup(out);
	while (strlen(outdir) > 1 && outdir[strlen(outdir) - 1] == '/')
		outdir[strlen(outdir) - 1] = '\0';
	work = xasprintf("%s.vox-prepare.XXXXXX", outdir);
	if (mkdtemp(work) == NULL) {
		diag_syserr(d, "cannot create a work folder beside '%s': %s",
		    out, strerror(errno));
		goto fail;
	}
	/* mkdtemp makes 0700; OUT_DIR gets the usual mode. */
	{
		mode_t um = umask(0);

		umask(um);
		chmod(work, 0777 & ~um);
	}
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = onstop;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &oldint);
	sigaction(SIGTERM, &sa, &oldterm);
	sigaction(SIGHUP, &sa, &oldhup);
	wav = xasprintf("%s/.audio", work);
	if (mkdir(wav, 0777) == -1) {
		diag_syserr(d, "cannot create '%s': %s", wav, strerror(errno));
		goto clean;
	}
	buf_printf(sum, "%s: %zu audio files%s%s%s\n", raw, in.naudio,
	    in.trans ? ", a transcript" : "",
	    in.related ? ", related text" : "",
	    in.pron ? ", pronunciations" : "");
	memset(&c, 0, sizeof(c));
	c.o = o;
	c.in = &in;
	c.dir = wav;
	c.d = d;
	js.n = in.naudio;
	js.threads = o->jobs;
	js.work = conv_work;
	js.done = conv_done;
	js.ctx = &c;
	if (in.naudio > 0) {
		jobs_run(&js);
		buf_printf(sum, "  audio: %zu of %zu in %u Hz mono 16-bit "
		    "WAV (%zu converted, %zu already right), %.1f s, %llu "
		    "samples clipped\n", c.converted, in.naudio, o->rate,
		    c.converted - c.copied, c.copied, c.seconds,
		    (unsigned long long)c.clipped);
	}
	if (interrupted(work))
		goto stopped;
	if (in.trans != NULL && fix_transcript(o, in.trans, wav, sum, d) == -1)
		goto clean;
	if (in.related != NULL) {
		p = xasprintf("%s/.related.txt", work);
		if (norm_related(o, in.related, p, sum, d) == -1)
			goto clean;
	}
	if (in.pron != NULL) {
		free(p);
		p = xasprintf("%s/.pronunciation.txt", work);
		if (norm_pron(o, in.pron, p, sum, d) == -1)
			goto clean;
	}
	if (interrupted(work))
		goto stopped;
	/* Lint and pack each kind; errors stop that kind only. */
	if (in.naudio > 0) {
		size_t from = d->n;

		free(p);
		p = xasprintf("%s/%s.zip", work, in.trans ? "acoustic" :
		    "audiofiles");
		notpacked += pack_kind(o, in.trans ? KIND_ACOUSTIC :
		    KIND_AUDIOFILES, wav, p, sum, d) != 0;
		drop_repeats(d, first, from);
	}
	if (in.related != NULL) {
		char *src = xasprintf("%s/.related.txt", work);

		free(p);
		p = xasprintf("%s/related.txt", work);
		notpacked += pack_kind(o, KIND_LANGUAGE, src, p, sum, d) != 0;
		free(src);
	}
	if (in.pron != NULL) {
		char *src = xasprintf("%s/.pronunciation.txt", work);

		free(p);
		p = xasprintf("%s/pronunciation.txt", work);
		notpacked += pack_kind(o, KIND_PRONUNCIATION, src, p, sum, d)
		    != 0;
		free(src);
	}
	if (interrupted(work))
		goto stopped;
	/* The work files are not part of the upload. */
	rm_tree(wav);
	free(p);
	p = xasprintf("%s/.related.txt", work);
	remove(p);
	free(p);
	p = xasprintf("%s/.pronunciation.txt", work);
	remove(p);
	free(p);
	p = NULL;
	rename_findings(d, first, work, out);
	{
		char *t = swap(buf_str(sum), work, out);

		buf_reset(sum);
		buf_addstr(sum, t);
		free(t);
	}
	/*
	 * A system error (a full disk, an unreadable file) leaves the work
	 * incomplete for a reason that is not in the data: publish nothing.
	 */
	for (i = first; i < d->n && d->v[i].rule != NULL; i++)
		;
	if (i < d->n) {
		diag_syserr(d, "'%s' is unchanged after the errors above", out);
		goto clean;
	}
	p = xasprintf("%s/report.jsonl", work);
	rep = report_new(p, REPORT_JSONL, "vox-prepare", "", SEV_ERROR);
	for (i = first; i < d->n; i++)
		if (d->v[i].rule != NULL)
			report_add(rep, &d->v[i]);
	if (report_close(rep, d) == -1 || publish(work, out, d) == -1)
		goto clean;
	buf_printf(sum, "%s: %s\n", out, notpacked ? "ready, except the "
	    "kinds NOT packed above" : "ready to upload");
	rc = notpacked ? 1 : 0;
	goto done;
stopped:
	diag_syserr(d, "interrupted; '%s' is unchanged", out);
	goto done;
clean:
	rm_tree(work);
	goto done;
fail:
	inputs_free(&in);
	free(outdir);
	free(work);
	return -1;
done:
	sigaction(SIGINT, &oldint, NULL);
	sigaction(SIGTERM, &oldterm, NULL);
	sigaction(SIGHUP, &oldhup, NULL);
	inputs_free(&in);
	free(outdir);
	free(work);
	free(wav);
	free(p);
	if (stop)
		raise(stop);
	return rc;
}
