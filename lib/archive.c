#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>

#include <zip.h>

#include "archive.h"
#include "buf.h"
#include "diag.h"
#include "xalloc.h"

struct archive {
	zip_t			*z;
	char			*name;
	struct archive_entry	*v;
	size_t			 n;
};

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
		    &opsys, &attr) == 0 && opsys == ZIP_OPSYS_UNIX &&
		    S_ISLNK((mode_t)(attr >> 16)))
			e->symlink = 1;
		a->n++;
	}
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
	fclose(fp);
	a = xcalloc(1, sizeof(*a));
	a->name = xstrdup(path);
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
	a->name = xstrdup(name);
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
 * header claims, so a lying size cannot exhaust memory.  Returns 0, 1 if
 * the limit was hit, -1 after a finding (damaged or encrypted member).
 */
int
archive_read(struct archive *a, size_t i, struct buf *out, uint64_t max,
    struct diag *d)
{
	struct loc l = { a->name, NULL, 0, 0 };
	zip_file_t *zf;
	zip_int64_t got;
	char tmp[65536], e[256];
	int rc = 0;

	if (i >= a->n)
		return -1;
	l.member = a->v[i].name;
	if (a->v[i].encrypted) {
		diag_add(d, &l, "PKG-ZIP-CRYPT", "member is encrypted; the "
		    "service cannot read it");
		return -1;
	}
	if ((zf = zip_fopen_index(a->z, i, 0)) == NULL) {
		diag_add(d, &l, "PKG-ZIP", "cannot read member: %s",
		    zerr(zip_strerror(a->z), e, sizeof(e)));
		return -1;
	}
	for (;;) {
		size_t want = sizeof(tmp);

		if (max && out->len + want > max)
			want = (size_t)(max - out->len);
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
	for (i = 0; i < a->n; i++)
		free(a->v[i].name);
	free(a->v);
	free(a->name);
	free(a);
}

/*
 * The writer.  libzip writes through a function source onto the caller's
 * stream, never into a temporary file of its own, so that the signal
 * cleanup of io.c covers every byte written.
 */
struct archive_writer {
	zip_t		*z;
	FILE		*fp;
	char		*name;
	time_t		 mtime;
	zip_error_t	 err;
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
 * agrees on it.
 */
struct archive_writer *
archive_write_open(FILE *fp, const char *name, struct diag *d)
{
	struct archive_writer *w;
	struct tm tm;
	zip_source_t *src;
	char e[256];

	w = xcalloc(1, sizeof(*w));
	w->fp = fp;
	w->name = xstrdup(name);
	zip_error_init(&w->err);
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = 100;
	tm.tm_mday = 1;
	tm.tm_isdst = -1;
	w->mtime = mktime(&tm);
	if ((src = zip_source_function_create(wsrc, w, &w->err)) == NULL ||
	    (w->z = zip_open_from_source(src, ZIP_TRUNCATE, &w->err)) ==
	    NULL) {
		diag_syserr(d, "cannot create zip '%s': %s", name,
		    zerr(zip_error_strerror(&w->err), e, sizeof(e)));
		if (src != NULL)
			zip_source_free(src);
		zip_error_fini(&w->err);
		free(w->name);
		free(w);
		return NULL;
	}
	return w;
}

static int
wadd(struct archive_writer *w, const char *member, zip_source_t *src,
    int deflate, struct diag *d)
{
	zip_int64_t i;
	char e[256];

	if (src == NULL ||
	    (i = zip_file_add(w->z, member, src, ZIP_FL_ENC_UTF_8)) < 0) {
		diag_syserr(d, "cannot add '%s' to '%s': %s", member, w->name,
		    zerr(zip_strerror(w->z), e, sizeof(e)));
		if (src != NULL)
			zip_source_free(src);
		return -1;
	}
	if (zip_set_file_compression(w->z, (zip_uint64_t)i, deflate ?
	    ZIP_CM_DEFLATE : ZIP_CM_STORE, deflate ? 6 : 0) < 0 ||
	    zip_file_set_mtime(w->z, (zip_uint64_t)i, w->mtime, 0) < 0 ||
	    zip_file_set_external_attributes(w->z, (zip_uint64_t)i, 0,
	    ZIP_OPSYS_UNIX, (zip_uint32_t)0100644 << 16) < 0) {
		diag_syserr(d, "cannot add '%s' to '%s': %s", member, w->name,
		    zerr(zip_strerror(w->z), e, sizeof(e)));
		return -1;
	}
	return 0;
}

/* Add the file at path as member; it is read when the zip is closed. */
int
archive_write_file(struct archive_writer *w, const char *member,
    const char *path, int deflate, struct diag *d)
{
	return wadd(w, member, zip_source_file(w->z, path, 0, -1), deflate,
	    d);
}

/* Add a copy of p[0..len) as member. */
int
archive_write_mem(struct archive_writer *w, const char *member,
    const void *p, size_t len, int deflate, struct diag *d)
{
	void *copy = xmalloc(len ? len : 1);

	memcpy(copy, p, len);
	return wadd(w, member, zip_source_buffer(w->z, copy, len, 1),
	    deflate, d);
}

/*
 * Copy member i of src as member, streamed when the zip is written: src
 * must stay open until archive_write_close().
 */
int
archive_write_member(struct archive_writer *w, const char *member,
    struct archive *src, size_t i, int deflate, struct diag *d)
{
	return wadd(w, member, zip_source_zip(w->z, src->z, i, 0, 0, -1),
	    deflate, d);
}

/*
 * Write everything and free the writer.  Returns 0, or -1 after a
 * system error (the caller then aborts its output).
 */
int
archive_write_close(struct archive_writer *w, struct diag *d)
{
	char e[256];
	int rc = 0;

	if (zip_close(w->z) == -1) {
		diag_syserr(d, "cannot write zip '%s': %s", w->name,
		    zerr(zip_strerror(w->z), e, sizeof(e)));
		zip_discard(w->z);
		rc = -1;
	}
	zip_error_fini(&w->err);
	free(w->name);
	free(w);
	return rc;
}
