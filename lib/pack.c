/*
 * Packing: one upload per dataset kind, within the service's limits.
 * Audio kinds become flat zips (WAVs and, for acoustic data, one
 * trans.txt), split into OUT-001.zip... when the data passes the size or
 * file-count limit; text kinds are copied as the file itself, which is
 * what the service wants.  Every upload gets a manifest: the REST body
 * that creates the dataset, and our checksum and counts.
 */
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "archive.h"
#include "buf.h"
#include "dataset.h"
#include "diag.h"
#include "hash.h"
#include "io.h"
#include "lint.h"
#include "pack.h"
#include "profile.h"
#include "report.h"
#include "riff.h"
#include "text.h"
#include "trans.h"
#include "xalloc.h"

/* Zip overhead per member: local header, central header, both names. */
#define ZIP_PER_MEMBER(n)	(30 + 46 + 2 * (uint64_t)(n))
#define ZIP_END			22

/* One WAV to pack and the transcript text that goes with it. */
struct member {
	const char			*name;
	struct dataset			*ds;
	const struct dataset_entry	*e;
	double				 seconds;
	char				*text;	/* transcript text, or NULL */
};

struct shard {
	size_t		first;		/* members [first, first + n) */
	size_t		n;
	struct buf	trans;		/* its trans.txt */
};

static int
member_cmp(const void *a, const void *b)
{
	const struct member *x = a, *y = b;

	return strcmp(x->name, y->name);
}

/* The stem of OUT: "out/set.zip" gives "out/set", "a.b/c" "a.b/c". */
static char *
stem(const char *out)
{
	const char *slash = strrchr(out, '/'), *dot = strrchr(out, '.');

	if (dot == NULL || (slash != NULL && dot < slash) || dot == out ||
	    dot[-1] == '/')
		return xstrdup(out);
	return xstrndup(out, (size_t)(dot - out));
}

static const char *
base(const char *path)
{
	const char *p = strrchr(path, '/');

	return p != NULL ? p + 1 : path;
}

/* Lint each input as the kind being packed; count its errors. */
static size_t
pack_lint(const struct pack_opts *o, char *const *in, size_t n,
    struct diag *d)
{
	struct lint_opts lo;
	struct lint_result res;
	size_t i, j, errors = 0, before;

	memset(&lo, 0, sizeof(lo));
	lo.prof = o->prof;
	lo.loc = o->loc;
	lo.testing = o->testing;
	lo.kind = o->kind;
	lo.jobs = o->jobs;
	for (i = 0; i < n; i++) {
		before = d->n;
		lint_path(&lo, in[i], NULL, NULL, &res, d);
		for (j = before; j < d->n; j++)
			errors += d->v[j].sev == SEV_ERROR;
	}
	return errors;
}

/*
 * The transcript lines of a dataset: name and text, repaired by the
 * vox-trans rules with o->fix.  Lines are matched to members by name.
 */
static int
read_lines(const struct pack_opts *o, struct dataset *ds, struct member *m,
    size_t nm, struct diag *d)
{
	const struct dataset_entry *e;
	struct buf in = BUF_INIT, fixed = BUF_INIT;
	struct trans tr = TRANS_INIT;
	struct trans_opts to;
	struct diag quiet = DIAG_INIT;
	struct loc l = { ds->path, NULL, 0, 0 };
	struct member key, *hit;
	struct text *t = NULL;
	const char *p, *end, *nl, *tab;
	char *name;
	int rc = -1;

	if ((e = trans_find(ds, &quiet)) == NULL) {
		rc = 0;
		goto out;
	}
	if (dataset_read(ds, e, &in, 0, d) != 0)
		goto out;
	if (o->fix) {
		memset(&to, 0, sizeof(to));
		to.loc = o->loc;
		to.repeat_max = o->prof->repeat_max;
		to.fix = 1;
		to.eol_lf = 1;
		if ((t = text_open(o->loc->tag, d)) == NULL)
			goto out;
		/* Its findings were shown by the lint; keep the repair. */
		trans_check(&tr, t, &to, buf_str(&in), in.len, &l, &fixed,
		    &quiet);
		buf_reset(&in);
		buf_add(&in, fixed.s != NULL ? fixed.s : "", fixed.len);
	}
	p = buf_str(&in);
	end = p + in.len;
	if (in.len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	for (; p < end; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		if ((tab = memchr(p, '\t', (size_t)(nl - p))) != NULL) {
			name = xstrndup(p, (size_t)(tab - p));
			key.name = name;
			hit = bsearch(&key, m, nm, sizeof(*m), member_cmp);
			if (hit != NULL && hit->ds == ds && hit->text == NULL)
				hit->text = xstrndup(tab + 1, (size_t)(nl -
				    tab - 1 - (nl > tab + 1 && nl[-1] == '\r')));
			free(name);
		}
		if (nl == end)
			break;
	}
	rc = 0;
out:
	text_close(t);
	trans_release(&tr);
	buf_release(&in);
	buf_release(&fixed);
	diag_release(&quiet);
	return rc;
}

/* The length of a WAV from its header, for the manifest. */
static double
member_seconds(struct dataset *ds, const struct dataset_entry *e,
    struct diag *d)
{
	struct buf head = BUF_INIT;
	double s = -1;

	/* Most headers are 44 bytes: 4 KiB first, 64 KiB if it is longer. */
	if (dataset_read(ds, e, &head, 4096, d) >= 0)
		s = riff_seconds((const unsigned char *)buf_str(&head),
		    head.len, e->size);
	if (s < 0 && e->size > 4096) {
		buf_reset(&head);
		if (dataset_read(ds, e, &head, RIFF_HEAD_MAX, d) >= 0)
			s = riff_seconds((const unsigned char *)
			    buf_str(&head), head.len, e->size);
	}
	buf_release(&head);
	return s;
}

/*
 * Split the members in order so that each shard stays within the
 * profile's file count and size, its trans.txt included.
 */
static struct shard *
plan(const struct pack_opts *o, struct member *m, size_t nm, size_t *ns,
    struct diag *d)
{
	struct shard *s = NULL;
	uint64_t bytes = 0, one, tbytes = 0, tline;
	size_t i, cap = 0, files = 0;
	int trans = o->kind == KIND_ACOUSTIC;
	struct loc l = { o->out, NULL, 0, 0 };

	*ns = 0;
	for (i = 0; i < nm; i++) {
		one = ZIP_PER_MEMBER(strlen(m[i].name)) + m[i].e->size;
		tline = trans ? strlen(m[i].name) + 2 +
		    (m[i].text ? strlen(m[i].text) : 0) : 0;
		if (one + ZIP_END + (trans ? ZIP_PER_MEMBER(9) + 3 + tline : 0)
		    > o->prof->zip_bytes) {
			diag_add(d, &l, "PKG-ZIP-SIZE", "'%s' alone is %llu "
			    "bytes, over the %llu-byte limit of a zip",
			    m[i].name, (unsigned long long)m[i].e->size,
			    (unsigned long long)o->prof->zip_bytes);
			free(s);
			return NULL;
		}
		if (*ns == 0 || files + 1 + trans > o->prof->zip_entries ||
		    bytes + one + ZIP_END + (trans ? ZIP_PER_MEMBER(9) + 3 +
		    tbytes + tline : 0) > o->prof->zip_bytes) {
			if (*ns == cap) {
				cap = cap ? cap * 2 : 4;
				s = xreallocarray(s, cap, sizeof(*s));
			}
			memset(&s[*ns], 0, sizeof(s[*ns]));
			s[(*ns)++].first = i;
			bytes = tbytes = 0;
			files = 0;
		}
		s[*ns - 1].n++;
		files++;
		bytes += one;
		tbytes += tline;
	}
	return s;
}

/* The outputs, kept as temporary files until all of them are written. */
struct outputs {
	struct outfile	*v;
	size_t		 n;
};

static FILE *
out_open(struct outputs *os, const char *path, struct diag *d)
{
	struct outfile *of;
	FILE *fp;

	os->v = xreallocarray(os->v, os->n + 1, sizeof(*os->v));
	of = &os->v[os->n];
	memset(of, 0, sizeof(*of));
	of->slot = -1;
	if ((fp = io_create(of, path, d)) == NULL)
		return NULL;
	os->n++;
	return fp;
}

/* Commit all outputs as one (see io_commit_set), or drop them all. */
static int
out_finish(struct outputs *os, int ok, struct diag *d)
{
	size_t i;
	int rc = -1;

	if (ok)
		rc = io_commit_set(os->v, os->n, d);
	else
		for (i = 0; i < os->n; i++)
			io_abort(&os->v[i]);
	free(os->v);
	os->v = NULL;
	os->n = 0;
	return rc;
}

/* The names of shard k of ns: its zip and its manifest. */
static void
shard_paths(const struct pack_opts *o, size_t k, size_t ns, char **zpath,
    char **mpath)
{
	char *st = stem(o->out);

	if (ns == 1) {
		*zpath = xstrdup(o->out);
		*mpath = xasprintf("%s.manifest.json", st);
	} else {
		*zpath = xasprintf("%s-%03zu.zip", st, k + 1);
		*mpath = xasprintf("%s-%03zu.manifest.json", st, k + 1);
	}
	free(st);
}

/*
 * Refuse a target that is an input or lies in an input folder: it
 * would overwrite or join the data.  Returns 0, or 1 after reporting.
 */
static int
refuse(const char *target, char *const *in, size_t n, struct diag *d)
{
	char *msg;

	if ((msg = io_clobbers_any(target, in, n)) == NULL)
		return 0;
	diag_syserr(d, "%s", msg);
	free(msg);
	return 1;
}

static const char *
trans_name(void)
{
	return "trans.txt";
}

/* Write shard k of ns: its zip and its manifest. */
static int
write_shard(const struct pack_opts *o, struct member *m, struct shard *s,
    size_t k, size_t ns, struct outputs *os, struct buf *summary,
    struct diag *d)
{
	struct archive_writer *w;
	struct manifest man;
	struct buf json = BUF_INIT;
	char *zpath, *mpath, *name, *desc;
	char hex[HASH_HEXLEN];
	size_t i, tpos;
	double secs = 0;
	struct stat sb;
	uint64_t bytes = 0;
	FILE *fp;
	const char *tmp;
	int rc = -1, hashed, device, trans = o->kind == KIND_ACOUSTIC;

	shard_paths(o, k, ns, &zpath, &mpath);
	if ((fp = out_open(os, zpath, d)) == NULL ||
	    (w = archive_write_open(fp, zpath, o->jobs, d)) == NULL)
		goto out;
	if (trans)
		buf_addstr(&s->trans, "\xef\xbb\xbf");
	/* Members in name order, trans.txt in its place among them. */
	tpos = s->first;
	while (trans && tpos < s->first + s->n &&
	    strcmp(m[tpos].name, trans_name()) < 0)
		tpos++;
	for (i = s->first; i <= s->first + s->n; i++) {
		if (trans && i == tpos) {
			size_t j;

			for (j = s->first; j < s->first + s->n; j++)
				buf_printf(&s->trans, "%s\t%s\n", m[j].name,
				    m[j].text != NULL ? m[j].text : "");
			if (archive_write_mem(w, trans_name(), s->trans.s,
			    s->trans.len, o->deflate, d) == -1)
				break;
		}
		if (i == s->first + s->n)
			break;
		if (m[i].ds->zip) {
			if (archive_write_member(w, m[i].name, m[i].ds->ar,
			    m[i].e->index, o->deflate, d) == -1)
				break;
		} else {
			char *src = xasprintf("%s/%s", m[i].ds->path,
			    m[i].e->name);
			int r = archive_write_file(w, m[i].name, src,
			    o->deflate, d);

			free(src);
			if (r == -1)
				break;
		}
		/* Here, on the writer's thread, rather than when planning. */
		m[i].seconds = member_seconds(m[i].ds, m[i].e, d);
		secs += m[i].seconds > 0 ? m[i].seconds : 0;
	}
	if (i < s->first + s->n) {
		archive_write_abort(w);
		goto out;
	}
	tmp = os->v[os->n - 1].tmp;
	device = os->v[os->n - 1].device;
	/* The writer hashes the zip as it goes, or libzip wrote it. */
	if ((hashed = archive_write_close(w, hex, &bytes, d)) == -1)
		goto out;
	if (fflush(fp) == EOF) {
		diag_syserr(d, "write error on '%s': %s", zpath,
		    strerror(errno));
		goto out;
	}
	if (hashed == 0) {
		/* Read back what libzip wrote: only a file can be. */
		if (tmp == NULL) {
			diag_syserr(d, "cannot hash '%s': a zip made from "
			    "a zip is hashed by reading it back, which a "
			    "device does not allow", zpath);
			goto out;
		}
		if (hash_file(tmp, hex, d) == -1)
			goto out;
		if (stat(tmp, &sb) == -1) {
			diag_syserr(d, "cannot stat '%s': %s", tmp,
			    strerror(errno));
			goto out;
		}
		bytes = (uint64_t)sb.st_size;
	}
	name = ns == 1 ? xstrdup(o->name) : xasprintf("%s (%zu of %zu)",
	    o->name, k + 1, ns);
	desc = o->description != NULL ? xstrdup(o->description) :
	    xasprintf("%zu WAV file%s, %.1f s, packed by vox-pack", s->n,
	    s->n == 1 ? "" : "s", secs);
	memset(&man, 0, sizeof(man));
	man.kind = kind_restname((enum kind)o->kind);
	man.locale = o->loc->tag;
	man.name = name;
	man.description = desc;
	man.file = base(zpath);
	man.bytes = bytes;
	man.sha256 = hex;
	man.entries = s->n + trans;
	man.audio = 1;
	man.audio_files = s->n;
	man.audio_seconds = secs;
	man.shard = ns > 1 ? (unsigned int)(k + 1) : 0;
	man.shards = (unsigned int)ns;
	man.tool = "vox-pack";
	man.profile = o->prof->name;
	man.profile_version = o->prof->version;
	report_manifest(&json, &man);
	free(name);
	free(desc);
	/*
	 * A device (-o /dev/null, a FIFO) gets no manifest beside it, as
	 * standard output does not: it would be a file made in /dev.
	 */
	if (!device) {
		if ((fp = out_open(os, mpath, d)) == NULL)
			goto out;
		fwrite(json.s, 1, json.len, fp);
	}
	buf_printf(summary, "%s: ", zpath);
	buf_count(summary, s->n, "WAV file", "WAV files");
	buf_printf(summary, ", %.1f s, %llu bytes, sha256 %s\n", secs,
	    (unsigned long long)bytes, hex);
	rc = 0;
out:
	buf_release(&json);
	free(zpath);
	free(mpath);
	return rc;
}

/* The audio to pack: the inputs, their WAVs in name order, the shards. */
struct packing {
	struct dataset	*ds;
	size_t		 n;
	struct member	*m;
	size_t		 nm;
	struct shard	*s;
	size_t		 ns;
};

static void
packing_release(struct packing *pk)
{
	size_t i;

	for (i = 0; i < pk->ns; i++)
		buf_release(&pk->s[i].trans);
	free(pk->s);
	for (i = 0; i < pk->nm; i++)
		free(pk->m[i].text);
	free(pk->m);
	for (i = 0; i < pk->n; i++)
		dataset_close(&pk->ds[i]);
	free(pk->ds);
	memset(pk, 0, sizeof(*pk));
}

/* Open the inputs, collect their WAVs and transcript lines, plan shards. */
static int
gather(const struct pack_opts *o, char *const *in, size_t n,
    struct packing *pk, struct diag *d)
{
	struct member *m = NULL;
	struct loc l = { NULL, NULL, 0, 0 };
	size_t i, j, nm = 0;

	pk->ds = xcalloc(n, sizeof(*pk->ds));
	pk->n = n;
	for (i = 0; i < n; i++)
		if (dataset_open(&pk->ds[i], in[i], d) == -1)
			return -1;
	for (i = 0; i < n; i++)
		for (j = 0; j < pk->ds[i].n; j++) {
			const struct dataset_entry *e = &pk->ds[i].v[j];

			if (e->symlink || e->special ||
			    !dataset_is_root_wav(e))
				continue;
			/* Double at powers of two: linear, not quadratic. */
			if ((nm & (nm - 1)) == 0)
				m = xreallocarray(m, nm > 0 ? nm * 2 : 1,
				    sizeof(*m));
			m[nm].name = e->name;
			m[nm].ds = &pk->ds[i];
			m[nm].e = e;
			m[nm].text = NULL;
			m[nm].seconds = -1;
			nm++;
		}
	pk->m = m;
	pk->nm = nm;
	if (nm == 0) {
		diag_syserr(d, "no WAV files to pack in %s%s", in[0],
		    n > 1 ? " and the other inputs" : "");
		return -1;
	}
	qsort(m, nm, sizeof(*m), member_cmp);
	for (i = 1; i < nm; i++)
		if (strcmp(m[i - 1].name, m[i].name) == 0) {
			l.file = m[i].ds->path;
			diag_add(d, &l, "PKG-ZIP-DUP", "'%s' is in '%s' and in "
			    "'%s'; shards must not share file names",
			    m[i].name, m[i - 1].ds->path, m[i].ds->path);
			return -1;
		}
	if (o->kind == KIND_ACOUSTIC)
		for (i = 0; i < n; i++)
			if (read_lines(o, &pk->ds[i], m, nm, d) == -1)
				return -1;
	if ((pk->s = plan(o, m, nm, &pk->ns, d)) == NULL)
		return -1;
	return 0;
}

/*
 * Refuse when a target (the output and its manifest; each of ns shards
 * and its manifest) is an input or lies in an input folder.  Standard
 * output has no manifest.  Returns 0, or 1 after reporting.
 */
static int
refuse_targets(const struct pack_opts *o, size_t ns, char *const *in,
    size_t n, struct diag *d)
{
	char *z, *m;
	size_t k;
	int rc = 0;

	for (k = 0; rc == 0 && k < (ns > 1 ? ns + 1 : 1); k++) {
		/* The output itself first, then each shard. */
		shard_paths(o, k > 0 ? k - 1 : 0, k > 0 ? ns : 1, &z, &m);
		rc = refuse(z, in, n, d) || (strcmp(o->out, "-") != 0 &&
		    refuse(m, in, n, d));
		free(z);
		free(m);
	}
	return rc;
}

/*
 * Writing the shards, on a thread of its own while the inputs are
 * linted: the outputs stay temporary files until the lint's verdict,
 * and are dropped if it refuses.  Its findings and summary are kept
 * apart and told after the lint's.
 */
struct writer {
	const struct pack_opts	*o;
	struct packing		*pk;
	struct outputs		 os;
	struct buf		 summary;
	struct diag		 d;
	int			 ok;
};

static void *
writer_main(void *arg)
{
	struct writer *wr = arg;
	size_t i;

	wr->ok = 1;
	for (i = 0; i < wr->pk->ns && wr->ok; i++)
		wr->ok = write_shard(wr->o, wr->pk->m, &wr->pk->s[i], i,
		    wr->pk->ns, &wr->os, &wr->summary, &wr->d) == 0;
	return NULL;
}

/*
 * Whether the shards may be written before the lint says yes: only
 * into temporary files, so not when a target is a device or a FIFO,
 * which io_create() writes in place.
 */
static int
may_write_early(const struct pack_opts *o, size_t ns)
{
	struct stat sb;
	char *z, *m;
	size_t k;
	int ok = o->jobs > 1;

	for (k = 0; ok && k < ns; k++) {
		shard_paths(o, k, ns, &z, &m);
		ok = (stat(z, &sb) == -1 || S_ISREG(sb.st_mode)) &&
		    (stat(m, &sb) == -1 || S_ISREG(sb.st_mode));
		free(z);
		free(m);
	}
	return ok;
}

/*
 * A text kind: the file itself is the upload; count its lines.  To
 * standard output ("-") it goes alone, with no manifest.
 */
static int
pack_text(const struct pack_opts *o, const char *in, struct buf *summary,
    struct diag *d)
{
	struct outputs os = { NULL, 0 };
	struct buf data = BUF_INIT, json = BUF_INIT;
	struct manifest man;
	char hex[HASH_HEXLEN], *st = stem(o->out), *mpath;
	uint64_t lines = 0;
	size_t i;
	FILE *fp;
	int ok = 0, std = strcmp(o->out, "-") == 0;

	mpath = xasprintf("%s.manifest.json", st);
	if (io_read_file(in, &data, 0, d) != 0)
		goto out;
	for (i = 0; i < data.len; i++)
		lines += data.s[i] == '\n';
	if (data.len > 0 && data.s[data.len - 1] != '\n')
		lines++;
	hash_mem(buf_str(&data), data.len, hex);
	memset(&man, 0, sizeof(man));
	man.kind = kind_restname((enum kind)o->kind);
	man.locale = o->loc->tag;
	man.name = o->name;
	man.description = o->description;
	man.file = base(o->out);
	man.bytes = data.len;
	man.sha256 = hex;
	man.entries = lines;
	man.shards = 1;
	man.tool = "vox-pack";
	man.profile = o->prof->name;
	man.profile_version = o->prof->version;
	report_manifest(&json, &man);
	if ((fp = out_open(&os, o->out, d)) == NULL)
		goto out;
	fwrite(buf_str(&data), 1, data.len, fp);
	if (!std) {
		if ((fp = out_open(&os, mpath, d)) == NULL)
			goto out;
		fwrite(json.s, 1, json.len, fp);
	}
	ok = 1;
	buf_printf(summary, "%s: ", std ? "<stdout>" : o->out);
	buf_count(summary, lines, "line", "lines");
	buf_printf(summary, ", %zu bytes, sha256 %s\n", data.len, hex);
out:
	buf_release(&data);
	buf_release(&json);
	free(st);
	free(mpath);
	return out_finish(&os, ok, d);
}

/*
 * Plan, refuse targets that are inputs, lint the inputs, refuse on
 * errors (unless forced), then pack.  The plan comes first so that
 * every target is checked before any work; what planning found is
 * shown after the lint's findings.  What was written, or why not, is
 * appended to summary.  Returns 0, 1 when refused for errors, 2 when
 * a target is an input, or -1 after a system error.
 */
int
pack_run(const struct pack_opts *o, char *const *in, size_t n,
    struct buf *summary, struct diag *d)
{
	struct packing pk;
	struct diag early = DIAG_INIT;
	struct writer wr;
	pthread_t th;
	size_t errors;
	int rc = -1, planned = 0, early_write = 0, audio = o->kind ==
	    KIND_ACOUSTIC || o->kind == KIND_AUDIOFILES;

	memset(&pk, 0, sizeof(pk));
	memset(&wr, 0, sizeof(wr));
	wr.o = o;
	wr.pk = &pk;
	if (!audio && n != 1) {
		diag_syserr(d, "%s data is one file; give one input",
		    kind_name((enum kind)o->kind));
		return -1;
	}
	if (audio)
		planned = gather(o, in, n, &pk, &early) == 0;
	if (refuse_targets(o, planned ? pk.ns : 1, in, n, d)) {
		rc = 2;
		goto out;
	}
	if (planned && may_write_early(o, pk.ns))
		early_write = pthread_create(&th, NULL, writer_main, &wr) == 0;
	errors = pack_lint(o, in, n, d);
	if (early_write)
		pthread_join(th, NULL);
	if (errors > 0 && !o->force) {
		buf_addstr(summary, "not packed: the inputs have ");
		buf_count(summary, errors, "error", "errors");
		buf_addstr(summary, "; fix them, or pack anyway with "
		    "--force\n");
		rc = 1;
		goto out;
	}
	diag_move(d, &early);
	if (!audio)
		rc = pack_text(o, in[0], summary, d);
	else if (planned) {
		if (!early_write)
			writer_main(&wr);
		diag_move(d, &wr.d);
		buf_add(summary, buf_str(&wr.summary), wr.summary.len);
		rc = out_finish(&wr.os, wr.ok, d);
	}
out:
	if (wr.os.v != NULL)
		out_finish(&wr.os, 0, d);
	buf_release(&wr.summary);
	diag_release(&wr.d);
	diag_release(&early);
	packing_release(&pk);
	return rc;
}

/* Re-open an upload zip and lint it as the service would see it. */
int
pack_verify(const struct pack_opts *o, const char *zip, struct buf *summary,
    struct diag *d)
{
	struct lint_opts lo;
	struct lint_result res;
	char hex[HASH_HEXLEN];

	memset(&lo, 0, sizeof(lo));
	lo.prof = o->prof;
	lo.loc = o->loc;
	lo.testing = o->testing;
	lo.kind = o->kind;
	lo.jobs = o->jobs;
	if (lint_path(&lo, zip, NULL, NULL, &res, d) == -1 ||
	    hash_file(zip, hex, d) == -1)
		return -1;
	lint_verdict(summary, zip, &res, o->loc, d);
	buf_printf(summary, "%s: sha256 %s\n", zip, hex);
	return 0;
}
