#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#include <libdeflate.h>
#include <zip.h>

#include "archive.h"
#include "buf.h"
#include "diag.h"
#include "hash.h"
#include "le.h"
#include "utf8.h"
#include "xalloc.h"

struct archive {
	zip_t			*z;
	pthread_mutex_t		 mu;	/* libzip is not reentrant */
	char			*name;
	struct archive_entry	*v;
	size_t			 n;
	FILE			*fp;	/* the raw bytes, for local headers */
	const unsigned char	*mem;	/* or these */
	uint64_t		 size;
};

/*
 * Host systems whose external attributes Info-ZIP's unzip reads as a
 * Unix mode, and so extracts S_IFLNK members as symbolic links: Unix,
 * VMS, Atari, QDOS, Acorn, BeOS, Tandem, OS X and AtheOS.
 */
static int
unix_host(unsigned int host)
{
	switch (host) {
	case ZIP_OPSYS_OPENVMS:
	case ZIP_OPSYS_UNIX:
	case ZIP_OPSYS_ATARI_ST:
	case 0x0c:	/* QDOS in Info-ZIP, VSE in libzip */
	case ZIP_OPSYS_ACORN_RISC:
	case ZIP_OPSYS_BEOS:
	case ZIP_OPSYS_TANDEM:
	case ZIP_OPSYS_OS_X:
	case 0x1e:	/* AtheOS */
		return 1;
	}
	return 0;
}

/* n raw bytes at off; 0, or -1 when they are not all there. */
static int
raw_read(const struct archive *a, uint64_t off, void *p, size_t n)
{
	if (off > a->size || n > a->size - off)
		return -1;
	if (a->mem != NULL) {
		memcpy(p, a->mem + off, n);
		return 0;
	}
	if (a->fp == NULL || fseeko(a->fp, (off_t)off, SEEK_SET) == -1 ||
	    fread(p, 1, n, a->fp) != n)
		return -1;
	return 0;
}

static uint64_t
le(const unsigned char *p, int n)
{
	uint64_t v = 0;

	while (n-- > 0)
		v = v << 8 | p[n];
	return v;
}

/*
 * Where the central directory is and how many entries it has, from the
 * end record (and its zip64 form).  0, or -1 when it cannot be found.
 */
static int
cd_find(const struct archive *a, uint64_t *off, uint64_t *len,
    uint64_t *count)
{
	unsigned char tail[65557], z[56];
	size_t n = a->size < sizeof(tail) ? (size_t)a->size : sizeof(tail),
	    i;
	uint64_t at, z64;

	if (n < 22 || raw_read(a, a->size - n, tail, n) == -1)
		return -1;
	for (i = n - 22;; i--) {
		if (memcmp(tail + i, "PK\5\6", 4) == 0)
			break;
		if (i == 0)
			return -1;
	}
	*count = le(tail + i + 10, 2);
	*len = le(tail + i + 12, 4);
	*off = le(tail + i + 16, 4);
	at = a->size - n + i;
	if ((*count == 0xffff || *len == 0xffffffff || *off == 0xffffffff) &&
	    at >= 20 && raw_read(a, at - 20, z, 20) == 0 &&
	    memcmp(z, "PK\6\7", 4) == 0) {
		z64 = le(z + 8, 8);
		if (raw_read(a, z64, z, 56) == -1 ||
		    memcmp(z, "PK\6\6", 4) != 0)
			return -1;
		*count = le(z + 32, 8);
		*len = le(z + 40, 8);
		*off = le(z + 48, 8);
	}
	return 0;
}

/*
 * The local header of every member names it too, and some extractors
 * use that name: compare it with the central directory's, entry by
 * entry (libzip's index order is the directory's).  A differing name is
 * kept in local_name.  Archives whose directory cannot be walked here
 * are left to libzip.
 */
static void
local_names(struct archive *a)
{
	unsigned char *cd = NULL, lh[30];
	uint64_t off, len, count, p = 0, lo, i;
	size_t nl, xl, cl, k;
	char *ln = NULL;

	if (cd_find(a, &off, &len, &count) == -1 || len > (256ULL << 20) ||
	    count != a->n)
		return;
	cd = xmalloc(len ? (size_t)len : 1);
	if (raw_read(a, off, cd, (size_t)len) == -1)
		goto out;
	for (i = 0; i < count; i++) {
		if (p + 46 > len || memcmp(cd + p, "PK\1\2", 4) != 0)
			break;
		nl = (size_t)le(cd + p + 28, 2);
		xl = (size_t)le(cd + p + 30, 2);
		cl = (size_t)le(cd + p + 32, 2);
		if (p + 46 + nl + xl + cl > len)
			break;
		lo = le(cd + p + 42, 4);
		/* Zip64: the offset is the third field when the others are. */
		for (k = 0; lo == 0xffffffff && k + 4 <= xl;) {
			const unsigned char *x = cd + p + 46 + nl + k;
			size_t xs = (size_t)le(x + 2, 2), at = 4;

			if (le(x, 2) == 1) {
				at += le(cd + p + 24, 4) == 0xffffffff ? 8 : 0;
				at += le(cd + p + 20, 4) == 0xffffffff ? 8 : 0;
				if (at + 8 <= 4 + xs && k + at + 8 <= xl)
					lo = le(x + at, 8);
				break;
			}
			k += 4 + xs;
		}
		if (raw_read(a, lo, lh, sizeof(lh)) == 0 &&
		    memcmp(lh, "PK\3\4", 4) == 0) {
			size_t ll = (size_t)le(lh + 26, 2);

			ln = xreallocarray(ln, ll + 1, 1);
			if (raw_read(a, lo + 30, ln, ll) == 0) {
				ln[ll] = '\0';
				if (ll != nl || memcmp(ln, cd + p + 46, nl) != 0)
					a->v[i].local_name = xstrdup(ln);
			}
		}
		p += 46 + nl + xl + cl;
	}
out:
	free(ln);
	free(cd);
}

/* A libzip message in our style. */
static const char *
zerr(const char *msg, char *out, size_t len)
{
	snprintf(out, len, "%s", msg);
	return diag_tidy(out);
}

static void
entries_load(struct archive *a)
{
	zip_int64_t n = zip_get_num_entries(a->z, 0), i;
	zip_stat_t st;
	zip_uint8_t opsys;
	zip_uint32_t attr;

	if (n <= 0)
		return;
	a->v = xcalloc((size_t)n, sizeof(*a->v));
	for (i = 0; i < n; i++) {
		struct archive_entry *e = &a->v[a->n];
		const char *nm;

		zip_stat_init(&st);
		if (zip_stat_index(a->z, (zip_uint64_t)i, ZIP_FL_ENC_RAW,
		    &st) != 0)
			continue;
		nm = (st.valid & ZIP_STAT_NAME) && st.name != NULL ?
		    st.name : "";
		e->name = xstrdup(nm);
		e->size = st.valid & ZIP_STAT_SIZE ? st.size : 0;
		e->csize = st.valid & ZIP_STAT_COMP_SIZE ? st.comp_size : 0;
		e->method = st.valid & ZIP_STAT_COMP_METHOD ?
		    (unsigned int)st.comp_method : 0;
		e->encrypted = (st.valid & ZIP_STAT_ENCRYPTION_METHOD) &&
		    st.encryption_method != ZIP_EM_NONE;
		e->dir = *nm != '\0' && nm[strlen(nm) - 1] == '/';
		if (zip_file_get_external_attributes(a->z, (zip_uint64_t)i, 0,
		    &opsys, &attr) == 0 && unix_host(opsys) &&
		    S_ISLNK((mode_t)(attr >> 16)))
			e->symlink = 1;
		a->n++;
	}
	/* Entries libzip could not stat break the index order. */
	if (a->n == (size_t)n)
		local_names(a);
}

/*
 * A file that is not a zip archive is a PKG-ZIP finding; one that cannot
 * be opened at all is a system error.  NULL in both cases.
 */
struct archive *
archive_open(const char *path, struct diag *d)
{
	struct archive *a;
	struct loc l = { path, NULL, 0, 0 };
	zip_error_t ze;
	int err = 0;
	FILE *fp;
	char e[256];

	if ((fp = fopen(path, "rb")) == NULL) {
		diag_syserr(d, "cannot open '%s': %s", path, strerror(errno));
		return NULL;
	}
	a = xcalloc(1, sizeof(*a));
	pthread_mutex_init(&a->mu, NULL);
	a->name = xstrdup(path);
	a->fp = fp;
	if (fseeko(fp, 0, SEEK_END) == 0 && ftello(fp) > 0)
		a->size = (uint64_t)ftello(fp);
	if ((a->z = zip_open(path, ZIP_RDONLY, &err)) == NULL) {
		zip_error_init_with_code(&ze, err);
		diag_add(d, &l, "PKG-ZIP", "not a readable zip archive: %s",
		    zerr(zip_error_strerror(&ze), e, sizeof(e)));
		zip_error_fini(&ze);
		archive_close(a);
		return NULL;
	}
	entries_load(a);
	return a;
}

/* An archive in memory; p must outlive it (fuzzing, nested data). */
struct archive *
archive_open_mem(const void *p, size_t len, const char *name, struct diag *d)
{
	struct archive *a;
	struct loc l = { name, NULL, 0, 0 };
	zip_source_t *src;
	zip_error_t ze;
	char e[256];

	a = xcalloc(1, sizeof(*a));
	pthread_mutex_init(&a->mu, NULL);
	a->name = xstrdup(name);
	a->mem = p;
	a->size = len;
	zip_error_init(&ze);
	if ((src = zip_source_buffer_create(p, len, 0, &ze)) == NULL ||
	    (a->z = zip_open_from_source(src, ZIP_RDONLY, &ze)) == NULL) {
		diag_add(d, &l, "PKG-ZIP", "not a readable zip archive: %s",
		    zerr(zip_error_strerror(&ze), e, sizeof(e)));
		if (src != NULL)
			zip_source_free(src);
		zip_error_fini(&ze);
		archive_close(a);
		return NULL;
	}
	zip_error_fini(&ze);
	entries_load(a);
	return a;
}

size_t
archive_count(const struct archive *a)
{
	return a->n;
}

const struct archive_entry *
archive_entry(const struct archive *a, size_t i)
{
	return i < a->n ? &a->v[i] : NULL;
}

/*
 * Read member i into out, at most max bytes (0: no limit) whatever its
 * header claims, so a lying size cannot exhaust memory; and never more
 * than the size it declares: a member that inflates past it is a
 * PKG-ZIP-BOMB finding.  Returns 0, 1 if the limit was hit, -1 after a
 * finding (damaged, lying or encrypted member).  Threads may call it at
 * once: libzip is not reentrant, so one member is read at a time.
 */
int
archive_read(struct archive *a, size_t i, struct buf *out, uint64_t max,
    struct diag *d)
{
	struct loc l = { a->name, NULL, 0, 0 };
	zip_file_t *zf;
	zip_int64_t got;
	char tmp[65536], e[256];
	size_t start;
	int rc = 0;

	if (i >= a->n)
		return -1;
	l.member = a->v[i].name;
	if (a->v[i].encrypted) {
		diag_add(d, &l, "PKG-ZIP-CRYPT", "member is encrypted; the "
		    "service cannot read it");
		return -1;
	}
	pthread_mutex_lock(&a->mu);
	if ((zf = zip_fopen_index(a->z, i, 0)) == NULL) {
		diag_add(d, &l, "PKG-ZIP", "cannot read member: %s",
		    zerr(zip_strerror(a->z), e, sizeof(e)));
		pthread_mutex_unlock(&a->mu);
		return -1;
	}
	start = out->len;
	for (;;) {
		size_t want = sizeof(tmp);

		if (max && out->len - start + want > max)
			want = (size_t)(max - (out->len - start));
		if (out->len - start > a->v[i].size) {
			diag_add(d, &l, "PKG-ZIP-BOMB", "member inflates past "
			    "the %llu bytes its header declares; the archive "
			    "is damaged or hostile",
			    (unsigned long long)a->v[i].size);
			rc = -1;
			break;
		}
		if (want == 0) {
			rc = zip_fread(zf, tmp, 1) > 0 ? 1 : 0;
			break;
		}
		if ((got = zip_fread(zf, tmp, want)) < 0) {
			diag_add(d, &l, "PKG-ZIP", "damaged member: %s",
			    zerr(zip_file_strerror(zf), e, sizeof(e)));
			rc = -1;
			break;
		}
		if (got == 0)
			break;
		buf_add(out, tmp, (size_t)got);
	}
	zip_fclose(zf);
	pthread_mutex_unlock(&a->mu);
	return rc;
}

void
archive_close(struct archive *a)
{
	size_t i;

	if (a == NULL)
		return;
	if (a->z != NULL)
		zip_discard(a->z);
	if (a->fp != NULL)
		fclose(a->fp);
	for (i = 0; i < a->n; i++) {
		free(a->v[i].name);
		free(a->v[i].local_name);
	}
	free(a->v);
	free(a->name);
	pthread_mutex_destroy(&a->mu);
	free(a);
}

/*
 * The writer.  Members are collected as they are added and written when
 * the zip is closed.  A zip of stored files and buffers, within the
 * 32-bit limits, is written here, in one pass over each file: the bytes
 * read feed the CRC-32, go to the stream, and go to a thread that hashes
 * the zip for its manifest.  Anything else (deflate, members of another
 * zip, ZIP64 sizes) is left to libzip, which writes through a function
 * source onto the caller's stream, never into a temporary file of its
 * own, so that the signal cleanup of io.c covers every byte written.
 * Both give the same bytes for the same stored members (test_archive).
 */
struct wmember {
	char		*name;
	int		 deflate;
	char		*path;		/* a file, */
	uint64_t	 size;		/* its size when added; */
	void		*mem;		/* or a copy of bytes, */
	size_t		 len;
	struct archive	*src;		/* or a member of another zip */
	size_t		 index;
};

struct archive_writer {
	zip_t		*z;
	FILE		*fp;
	char		*name;
	time_t		 mtime;
	zip_error_t	 err;
	unsigned int	 jobs;
	struct wmember	*v;
	size_t		 n;
};

static zip_int64_t
wsrc(void *user, void *data, zip_uint64_t len, zip_source_cmd_t cmd)
{
	struct archive_writer *w = user;
	zip_source_args_seek_t *sa;

	switch (cmd) {
	case ZIP_SOURCE_SUPPORTS:
		return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN,
		    ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT,
		    ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, ZIP_SOURCE_SEEK,
		    ZIP_SOURCE_TELL, ZIP_SOURCE_BEGIN_WRITE,
		    ZIP_SOURCE_COMMIT_WRITE, ZIP_SOURCE_ROLLBACK_WRITE,
		    ZIP_SOURCE_WRITE, ZIP_SOURCE_SEEK_WRITE,
		    ZIP_SOURCE_TELL_WRITE, ZIP_SOURCE_REMOVE, -1);
	case ZIP_SOURCE_STAT: {
		/* The original is empty: this is a new archive. */
		zip_stat_t *st = data;

		zip_stat_init(st);
		st->size = 0;
		st->valid |= ZIP_STAT_SIZE;
		return sizeof(*st);
	}
	case ZIP_SOURCE_OPEN:
	case ZIP_SOURCE_CLOSE:
	case ZIP_SOURCE_FREE:
	case ZIP_SOURCE_REMOVE:
	case ZIP_SOURCE_ROLLBACK_WRITE:
	case ZIP_SOURCE_BEGIN_WRITE:
		return 0;
	case ZIP_SOURCE_READ:
	case ZIP_SOURCE_TELL:
		return 0;
	case ZIP_SOURCE_SEEK:
		return 0;
	case ZIP_SOURCE_WRITE:
		if (fwrite(data, 1, len, w->fp) != len) {
			zip_error_set(&w->err, ZIP_ER_WRITE, errno);
			return -1;
		}
		return (zip_int64_t)len;
	case ZIP_SOURCE_SEEK_WRITE:
		if ((sa = ZIP_SOURCE_GET_ARGS(zip_source_args_seek_t, data,
		    len, &w->err)) == NULL)
			return -1;
		if (fseeko(w->fp, (off_t)sa->offset, sa->whence) == -1) {
			zip_error_set(&w->err, ZIP_ER_SEEK, errno);
			return -1;
		}
		return 0;
	case ZIP_SOURCE_TELL_WRITE: {
		off_t at = ftello(w->fp);

		if (at == -1) {
			zip_error_set(&w->err, ZIP_ER_TELL, errno);
			return -1;
		}
		return (zip_int64_t)at;
	}
	case ZIP_SOURCE_COMMIT_WRITE:
		if (fflush(w->fp) == EOF) {
			zip_error_set(&w->err, ZIP_ER_WRITE, errno);
			return -1;
		}
		return 0;
	case ZIP_SOURCE_ERROR:
		return zip_error_to_data(&w->err, data, len);
	default:
		zip_error_set(&w->err, ZIP_ER_OPNOTSUPP, 0);
		return -1;
	}
}

/*
 * Start a zip on fp (positioned at 0), named name in messages.  Members
 * get the time 2000-01-01 00:00 and mode 0644: the same inputs then give
 * the same bytes anywhere.  libzip turns the time into a DOS date with
 * localtime(), so take that date from mktime() and every time zone
 * agrees on it.  With jobs above 1 the zip is hashed on a second thread.
 */
struct archive_writer *
archive_write_open(FILE *fp, const char *name, unsigned int jobs,
    struct diag *d)
{
	struct archive_writer *w;
	struct tm tm;

	(void)d;
	w = xcalloc(1, sizeof(*w));
	w->fp = fp;
	w->name = xstrdup(name);
	w->jobs = jobs;
	zip_error_init(&w->err);
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = 100;
	tm.tm_mday = 1;
	tm.tm_isdst = -1;
	w->mtime = mktime(&tm);
	return w;
}

static struct wmember *
wnew(struct archive_writer *w, const char *member, int deflate)
{
	struct wmember *m;

	if ((w->n & (w->n - 1)) == 0)
		w->v = xreallocarray(w->v, w->n ? w->n * 2 : 1,
		    sizeof(*w->v));
	m = &w->v[w->n++];
	memset(m, 0, sizeof(*m));
	m->name = xstrdup(member);
	m->deflate = deflate;
	return m;
}

/* Add the file at path as member; it is read when the zip is closed. */
int
archive_write_file(struct archive_writer *w, const char *member,
    const char *path, int deflate, struct diag *d)
{
	struct stat sb;

	if (stat(path, &sb) == -1) {
		diag_syserr(d, "cannot add '%s' to '%s': %s", path, w->name,
		    strerror(errno));
		return -1;
	}
	wnew(w, member, deflate)->path = xstrdup(path);
	w->v[w->n - 1].size = (uint64_t)sb.st_size;
	return 0;
}

/* Add a copy of p[0..len) as member. */
int
archive_write_mem(struct archive_writer *w, const char *member,
    const void *p, size_t len, int deflate, struct diag *d)
{
	struct wmember *m = wnew(w, member, deflate);

	m->mem = xmalloc(len ? len : 1);
	memcpy(m->mem, p, len);
	m->len = len;
	return 0;
}

/*
 * Copy member i of src as member, streamed when the zip is written: src
 * must stay open until archive_write_close().
 */
int
archive_write_member(struct archive_writer *w, const char *member,
    struct archive *src, size_t i, int deflate, struct diag *d)
{
	struct wmember *m = wnew(w, member, deflate);

	m->src = src;
	m->index = i;
	return 0;
}

/* Hand every member to libzip and let it write the zip. */
static int
libzip_write(struct archive_writer *w, struct diag *d)
{
	struct wmember *m;
	zip_source_t *src;
	zip_int64_t i;
	size_t k;
	char e[256];

	if ((src = zip_source_function_create(wsrc, w, &w->err)) == NULL ||
	    (w->z = zip_open_from_source(src, ZIP_TRUNCATE, &w->err)) ==
	    NULL) {
		diag_syserr(d, "cannot create zip '%s': %s", w->name,
		    zerr(zip_error_strerror(&w->err), e, sizeof(e)));
		if (src != NULL)
			zip_source_free(src);
		return -1;
	}
	for (k = 0; k < w->n; k++) {
		m = &w->v[k];
		if (m->path != NULL)
			src = zip_source_file(w->z, m->path, 0, -1);
		else if (m->src != NULL)
			src = zip_source_zip(w->z, m->src->z, m->index, 0, 0,
			    -1);
		else
			src = zip_source_buffer(w->z, m->mem, m->len, 0);
		if (src == NULL ||
		    (i = zip_file_add(w->z, m->name, src, ZIP_FL_ENC_UTF_8)) <
		    0) {
			diag_syserr(d, "cannot add '%s' to '%s': %s", m->name,
			    w->name, zerr(zip_strerror(w->z), e, sizeof(e)));
			if (src != NULL)
				zip_source_free(src);
			goto fail;
		}
		if (zip_set_file_compression(w->z, (zip_uint64_t)i,
		    m->deflate ? ZIP_CM_DEFLATE : ZIP_CM_STORE,
		    m->deflate ? 6 : 0) < 0 ||
		    zip_file_set_mtime(w->z, (zip_uint64_t)i, w->mtime, 0) < 0 ||
		    zip_file_set_external_attributes(w->z, (zip_uint64_t)i, 0,
		    ZIP_OPSYS_UNIX, (zip_uint32_t)0100644 << 16) < 0) {
			diag_syserr(d, "cannot add '%s' to '%s': %s", m->name,
			    w->name, zerr(zip_strerror(w->z), e, sizeof(e)));
			goto fail;
		}
	}
	if (zip_close(w->z) == -1) {
		diag_syserr(d, "cannot write zip '%s': %s", w->name,
		    zerr(zip_strerror(w->z), e, sizeof(e)));
		goto fail;
	}
	return 0;
fail:
	zip_discard(w->z);
	return -1;
}

/*
 * Our own writer, for stored members only.  Its bytes are libzip's for
 * the same members: version 1.0 to extract, version 6.3 on Unix made it,
 * the UTF-8 flag when a name is not ASCII, DOS date 2000-01-01 00:00,
 * mode 0644, no extra fields, no comment.
 */
#define LOCAL_HEAD	30
#define CENTRAL_HEAD	46
#define END_RECORD	22
#define DOS_DATE	((2000 - 1980) << 9 | 1 << 5 | 1)
#define BLOCK		(256 * 1024)	/* a read, a write, a hash chunk */
#define ONE_PASS	(4u << 20)	/* files read once up to this size */
#define PIPE_MAX	(1u << 20)	/* bytes waiting to be hashed */

/* Blocks, reused: the hashing thread gives them back when done. */
struct block {
	struct pool	*pool;
	struct block	*next;
	size_t		 len;
	unsigned char	 data[BLOCK];
};

struct pool {
	pthread_mutex_t	 mu;
	struct block	*free;
};

static struct block *
block_get(struct pool *pl)
{
	struct block *b;

	pthread_mutex_lock(&pl->mu);
	if ((b = pl->free) != NULL)
		pl->free = b->next;
	pthread_mutex_unlock(&pl->mu);
	if (b == NULL) {
		b = xmalloc(sizeof(*b));
		b->pool = pl;
	}
	b->next = NULL;
	b->len = 0;
	return b;
}

static void
block_put(void *arg)
{
	struct block *b = arg;
	struct pool *pl = b->pool;

	pthread_mutex_lock(&pl->mu);
	b->next = pl->free;
	pl->free = b;
	pthread_mutex_unlock(&pl->mu);
}

/* The fields a local and a central header share, from "version" on. */
static void
common_head(unsigned char *p, const char *name, uint32_t crc, uint32_t size)
{
	const unsigned char *s;
	unsigned int flags = 0;

	for (s = (const unsigned char *)name; *s != '\0'; s++)
		if (*s >= 0x80)
			flags = 0x0800;		/* the name is UTF-8 */
	le16_put(p, 10);
	le16_put(p + 2, flags);
	le16_put(p + 4, 0);			/* stored */
	le16_put(p + 6, 0);			/* 00:00 */
	le16_put(p + 8, DOS_DATE);
	le32_put(p + 10, crc);
	le32_put(p + 14, size);
	le32_put(p + 18, size);
	le16_put(p + 22, (unsigned int)strlen(name));
	le16_put(p + 24, 0);			/* no extra field */
}

/* A local header in a block of its own, for the stream and the hash. */
static struct block *
local_head(struct pool *pl, const char *name, uint32_t crc, uint32_t size)
{
	struct block *b = block_get(pl);
	size_t n = strlen(name);

	le32_put(b->data, 0x04034b50);
	common_head(b->data + 4, name, crc, size);
	memcpy(b->data + LOCAL_HEAD, name, n);
	b->len = LOCAL_HEAD + n;
	return b;
}

static void
central_head(struct buf *cd, const char *name, uint32_t crc, uint32_t size,
    uint32_t off)
{
	unsigned char p[CENTRAL_HEAD];

	le32_put(p, 0x02014b50);
	le16_put(p + 4, 3 << 8 | 63);		/* Unix, version 6.3 */
	common_head(p + 6, name, crc, size);
	le16_put(p + 32, 0);			/* no comment */
	le16_put(p + 34, 0);			/* disk 0 */
	le16_put(p + 36, 0);			/* internal attributes */
	le32_put(p + 38, (uint32_t)0100644 << 16);
	le32_put(p + 42, off);
	buf_add(cd, (const char *)p, sizeof(p));
	buf_addstr(cd, name);
}

/* Whether our writer may write these members: stored, 32-bit sizes. */
static int
fast_ok(const struct archive_writer *w)
{
	uint64_t total = END_RECORD;
	size_t k, n;

	if (w->n >= 0xffff)
		return 0;
	for (k = 0; k < w->n; k++) {
		n = strlen(w->v[k].name);
		if (w->v[k].deflate || w->v[k].src != NULL || n >= 0xffff ||
		    utf8_check(w->v[k].name, n) != n)
			return 0;
		total += LOCAL_HEAD + CENTRAL_HEAD + 2 * n +
		    (w->v[k].path != NULL ? w->v[k].size : w->v[k].len);
	}
	return total < 0xffffffffu;
}

struct fast {
	struct archive_writer	*w;
	struct hash_pipe	*hp;
	struct pool		 pool;
	struct buf		 cd;
	uint64_t		 off;
	int			 failed;	/* a write failed */
};

/* Write a block to the stream and hand it to the hash. */
static void
emit(struct fast *f, struct block *b)
{
	if (!f->failed && fwrite(b->data, 1, b->len, f->w->fp) != b->len)
		f->failed = errno != 0 ? errno : EIO;
	f->off += b->len;
	hash_pipe_put(f->hp, b->data, b->len, block_put, b);
}

/* Read up to BLOCK bytes of fd into b; -1 on an error. */
static ssize_t
fill(int fd, struct block *b)
{
	ssize_t r;

	b->len = 0;
	while (b->len < BLOCK) {
		r = read(fd, b->data + b->len, BLOCK - b->len);
		if (r == -1 && errno == EINTR)
			continue;
		if (r == -1)
			return -1;
		if (r == 0)
			break;
		b->len += (size_t)r;
	}
	return (ssize_t)b->len;
}

/* The header of a member of size bytes: in the directory, then out. */
static void
fast_head(struct fast *f, const char *name, uint32_t crc, uint64_t size)
{
	central_head(&f->cd, name, crc, (uint32_t)size, (uint32_t)f->off);
	emit(f, local_head(&f->pool, name, crc, (uint32_t)size));
}

/* A file up to ONE_PASS bytes: read into blocks, its CRC, then out. */
static int
one_pass(struct fast *f, const struct wmember *m, int fd, uint64_t *got)
{
	struct block *head = NULL, **tail = &head, *b, *next;
	uint32_t crc = 0;
	ssize_t r;
	int rc = 0;

	do {
		b = block_get(&f->pool);
		*tail = b;
		tail = &b->next;
		if ((r = fill(fd, b)) == -1) {
			rc = -1;
			break;
		}
		*got += (uint64_t)r;
		crc = (uint32_t)libdeflate_crc32(crc, b->data, b->len);
	} while (r == BLOCK && *got <= m->size);
	if (rc == 0 && *got == m->size)
		fast_head(f, m->name, crc, m->size);
	for (b = head; b != NULL; b = next) {
		next = b->next;
		b->next = NULL;
		if (rc == 0 && *got == m->size)
			emit(f, b);
		else
			block_put(b);
	}
	return rc;
}

/*
 * A bigger file: read once for the CRC, then again to write it, with
 * the CRC taken again to make sure that the bytes did not change.
 */
static int
two_pass(struct fast *f, const struct wmember *m, int fd, uint64_t *got)
{
	struct block *b = block_get(&f->pool);
	uint32_t crc = 0, again = 0;
	ssize_t r;

	do {
		if ((r = fill(fd, b)) == -1) {
			block_put(b);
			return -1;
		}
		*got += (uint64_t)r;
		crc = (uint32_t)libdeflate_crc32(crc, b->data, b->len);
	} while (r == BLOCK && *got <= m->size);
	block_put(b);
	if (*got != m->size)
		return 0;
	if (lseek(fd, 0, SEEK_SET) == -1)
		return -1;
	fast_head(f, m->name, crc, m->size);
	*got = 0;
	do {
		b = block_get(&f->pool);
		if ((r = fill(fd, b)) == -1) {
			block_put(b);
			return -1;
		}
		*got += (uint64_t)r;
		again = (uint32_t)libdeflate_crc32(again, b->data, b->len);
		emit(f, b);
	} while (r == BLOCK && *got <= m->size);
	if (again != crc)
		*got = UINT64_MAX;
	return 0;
}

/*
 * One file.  What was read must be what was added: a file that changed
 * size or bytes in between is an error, never a zip whose CRC or sizes
 * are wrong.
 */
static int
fast_file(struct fast *f, const struct wmember *m, struct diag *d)
{
	uint64_t got = 0;
	int fd, rc;

	if ((fd = open(m->path, O_RDONLY | O_CLOEXEC)) == -1) {
		diag_syserr(d, "cannot add '%s' to '%s': %s", m->path,
		    f->w->name, strerror(errno));
		f->failed = -1;
		return -1;
	}
	rc = m->size <= ONE_PASS ? one_pass(f, m, fd, &got) :
	    two_pass(f, m, fd, &got);
	if (rc == -1)
		diag_syserr(d, "cannot read '%s': %s", m->path,
		    strerror(errno));
	else if (got != m->size) {
		diag_syserr(d, "cannot add '%s' to '%s': it changed while it "
		    "was being packed", m->path, f->w->name);
		rc = -1;
	}
	close(fd);
	if (rc == -1)
		f->failed = -1;
	return rc;
}

/* Bytes from memory: the header, then the bytes in blocks. */
static void
fast_mem(struct fast *f, const struct wmember *m)
{
	uint32_t crc = (uint32_t)libdeflate_crc32(0, m->mem, m->len);
	struct block *b;
	size_t at, n;

	fast_head(f, m->name, crc, m->len);
	for (at = 0; at < m->len; at += n) {
		b = block_get(&f->pool);
		n = m->len - at < BLOCK ? m->len - at : BLOCK;
		memcpy(b->data, (const char *)m->mem + at, n);
		b->len = n;
		emit(f, b);
	}
}

static int
fast_write(struct archive_writer *w, char hex[HASH_HEXLEN], uint64_t *bytes,
    struct diag *d)
{
	struct fast f;
	struct block *b, *next;
	unsigned char end[END_RECORD];
	size_t k, at, n;
	int rc = 0;

	memset(&f, 0, sizeof(f));
	f.w = w;
	pthread_mutex_init(&f.pool.mu, NULL);
	f.hp = hash_pipe_new(w->jobs > 1, PIPE_MAX);
	for (k = 0; k < w->n && f.failed == 0; k++)
		if (w->v[k].path != NULL)
			rc = fast_file(&f, &w->v[k], d);
		else
			fast_mem(&f, &w->v[k]);
	if (f.failed == 0) {
		le32_put(end, 0x06054b50);
		le16_put(end + 4, 0);
		le16_put(end + 6, 0);
		le16_put(end + 8, (unsigned int)w->n);
		le16_put(end + 10, (unsigned int)w->n);
		le32_put(end + 12, (uint32_t)f.cd.len);
		le32_put(end + 16, (uint32_t)f.off);
		le16_put(end + 20, 0);
		buf_add(&f.cd, (const char *)end, sizeof(end));
		for (at = 0; at < f.cd.len; at += n) {
			b = block_get(&f.pool);
			n = f.cd.len - at < BLOCK ? f.cd.len - at : BLOCK;
			memcpy(b->data, f.cd.s + at, n);
			b->len = n;
			emit(&f, b);
		}
	}
	hash_pipe_final(f.hp, hex);
	*bytes = f.off;
	if (f.failed == 0 && fflush(w->fp) == EOF)
		f.failed = errno != 0 ? errno : EIO;
	if (f.failed > 0)
		diag_syserr(d, "cannot write zip '%s': %s", w->name,
		    strerror(f.failed));
	if (f.failed != 0)
		rc = -1;
	for (b = f.pool.free; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	pthread_mutex_destroy(&f.pool.mu);
	buf_release(&f.cd);
	return rc;
}

static void
wfree(struct archive_writer *w)
{
	size_t k;

	for (k = 0; k < w->n; k++) {
		free(w->v[k].name);
		free(w->v[k].path);
		free(w->v[k].mem);
	}
	free(w->v);
	zip_error_fini(&w->err);
	free(w->name);
	free(w);
}

/*
 * Write everything and free the writer.  Returns 1 when hex holds the
 * SHA-256 of the zip and *bytes its size, 0 when the zip was written
 * but not hashed (libzip wrote it: it seeks back, so the stream cannot
 * be hashed on the way), or -1 after a system error (the caller then
 * aborts its output).
 */
int
archive_write_close(struct archive_writer *w, char hex[HASH_HEXLEN],
    uint64_t *bytes, struct diag *d)
{
	int rc;

	if (fast_ok(w))
		rc = fast_write(w, hex, bytes, d) == 0 ? 1 : -1;
	else
		rc = libzip_write(w, d);
	wfree(w);
	return rc;
}

/* Free the writer and write nothing: the caller aborts its output. */
void
archive_write_abort(struct archive_writer *w)
{
	wfree(w);
}
