#define _DEFAULT_SOURCE
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "archive.h"
#include "buf.h"
#include "dataset.h"
#include "diag.h"
#include "io.h"
#include "xalloc.h"

/* Folders deeper than this are not walked (a dataset is flat anyway). */
#define DATASET_MAXDEPTH 8

struct list {
	struct dataset_entry	*v;
	size_t			 n;
	size_t			 cap;
};

static struct dataset_entry *
list_add(struct list *l, const char *name)
{
	struct dataset_entry *e;

	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->v = xreallocarray(l->v, l->cap, sizeof(*l->v));
	}
	e = &l->v[l->n++];
	memset(e, 0, sizeof(*e));
	e->name = xstrdup(name);
	return e;
}

static int
entry_cmp(const void *a, const void *b)
{
	const struct dataset_entry *x = a, *y = b;

	return strcmp(x->name, y->name);
}

/* Whether name ends in suffix, ignoring case (".wav", ".WAV"). */
int
dataset_has_suffix(const char *name, const char *suffix)
{
	size_t n = strlen(name), s = strlen(suffix);

	return n >= s && strcasecmp(name + n - s, suffix) == 0;
}

/* Walk a folder without following symbolic links. */
static int
walk(struct list *l, const char *root, const char *rel, int depth,
    struct diag *d)
{
	DIR *dp;
	struct dirent *de;
	struct stat st;
	char *dir, *path, *name;
	int rc = 0;

	dir = *rel ? xasprintf("%s/%s", root, rel) : xstrdup(root);
	if ((dp = opendir(dir)) == NULL) {
		diag_syserr(d, "cannot read folder '%s': %s", dir,
		    strerror(errno));
		free(dir);
		return -1;
	}
	while ((de = readdir(dp)) != NULL) {
		struct dataset_entry *e;

		if (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0)
			continue;
		name = *rel ? xasprintf("%s/%s", rel, de->d_name) :
		    xstrdup(de->d_name);
		path = xasprintf("%s/%s", root, name);
		if (lstat(path, &st) == -1) {
			diag_syserr(d, "cannot stat '%s': %s", path,
			    strerror(errno));
			rc = -1;
		} else if (S_ISDIR(st.st_mode)) {
			e = list_add(l, name);
			e->dir = 1;
			if (depth < DATASET_MAXDEPTH &&
			    walk(l, root, name, depth + 1, d) == -1)
				rc = -1;
		} else {
			e = list_add(l, name);
			e->size = (uint64_t)st.st_size;
			e->symlink = S_ISLNK(st.st_mode);
			e->special = !S_ISREG(st.st_mode) && !e->symlink;
		}
		free(path);
		free(name);
	}
	closedir(dp);
	free(dir);
	return rc;
}

/*
 * Open a folder or a zip archive (any other file is read as a zip).
 * Returns 0, or -1 after reporting (system error or PKG-ZIP finding).
 */
int
dataset_open(struct dataset *ds, const char *path, struct diag *d)
{
	struct list l = { NULL, 0, 0 };
	struct stat st;
	size_t i;

	memset(ds, 0, sizeof(*ds));
	ds->path = xstrdup(path);
	if (stat(path, &st) == -1) {
		diag_syserr(d, "cannot open '%s': %s", path, strerror(errno));
		return -1;
	}
	if (S_ISDIR(st.st_mode)) {
		if (walk(&l, path, "", 0, d) == -1 && l.n == 0) {
			free(l.v);
			return -1;
		}
	} else {
		ds->zip = 1;
		if ((ds->ar = archive_open(path, d)) == NULL)
			return -1;
		for (i = 0; i < archive_count(ds->ar); i++) {
			const struct archive_entry *ae =
			    archive_entry(ds->ar, i);
			struct dataset_entry *e = list_add(&l, ae->name);

			e->size = ae->size;
			e->index = i;
			e->dir = ae->dir;
			e->symlink = ae->symlink;
		}
	}
	qsort(l.v, l.n, sizeof(*l.v), entry_cmp);
	ds->v = l.v;
	ds->n = l.n;
	return 0;
}

const struct dataset_entry *
dataset_find(const struct dataset *ds, const char *name)
{
	struct dataset_entry key;

	key.name = (char *)name;
	return bsearch(&key, ds->v, ds->n, sizeof(key), entry_cmp);
}

/*
 * Read an entry into out (at most max bytes, 0: no limit).  Symbolic
 * links in folders are not followed: the service would not see them.
 * Returns as io_read_file and archive_read do.
 */
int
dataset_read(struct dataset *ds, const struct dataset_entry *e,
    struct buf *out, uint64_t max, struct diag *d)
{
	char *path;
	int rc;

	if (ds->zip)
		return archive_read(ds->ar, e->index, out, max, d);
	if (e->dir || e->symlink || e->special) {
		diag_syserr(d, "cannot read '%s/%s': not a regular file",
		    ds->path, e->name);
		return -1;
	}
	path = xasprintf("%s/%s", ds->path, e->name);
	rc = io_read_file(path, out, (size_t)max, d);
	free(path);
	return rc;
}

void
dataset_close(struct dataset *ds)
{
	size_t i;

	for (i = 0; i < ds->n; i++)
		free(ds->v[i].name);
	free(ds->v);
	archive_close(ds->ar);
	free(ds->path);
	memset(ds, 0, sizeof(*ds));
}
