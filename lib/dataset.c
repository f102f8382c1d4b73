#define _DEFAULT_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
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
#include "text.h"
#include "xalloc.h"

/* Folders deeper than this are not walked (a dataset is flat anyway). */
#define DATASET_MAXDEPTH 8

struct list {
	struct dataset_entry	*v;
	size_t			 n;
	size_t			 cap;
};

/* Add an entry that takes name, which the caller allocated. */
static struct dataset_entry *
list_take(struct list *l, char *name)
{
	struct dataset_entry *e;

	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->v = xreallocarray(l->v, l->cap, sizeof(*l->v));
	}
	e = &l->v[l->n++];
	memset(e, 0, sizeof(*e));
	e->name = name;
	return e;
}

static struct dataset_entry *
list_add(struct list *l, const char *name)
{
	return list_take(l, xstrdup(name));
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

/* Whether a name is of an audio format libsndfile decodes. */
int
dataset_is_audio(const char *name)
{
	static const char *const ext[] = {
		".wav", ".flac", ".mp3", ".ogg", ".oga", ".opus", ".aif",
		".aiff", ".au", ".caf", ".w64", ".rf64"
	};
	size_t i;

	for (i = 0; i < sizeof(ext) / sizeof(ext[0]); i++)
		if (dataset_has_suffix(name, ext[i]))
			return 1;
	return 0;
}

/* A WAV file at the root of a dataset: what the service pairs. */
int
dataset_is_root_wav(const struct dataset_entry *e)
{
	return !e->dir && strchr(e->name, '/') == NULL &&
	    dataset_has_suffix(e->name, ".wav");
}

/* A .txt or .tsv file at the root: a transcript candidate. */
int
dataset_is_root_text(const struct dataset_entry *e)
{
	return !e->dir && strchr(e->name, '/') == NULL &&
	    (dataset_has_suffix(e->name, ".txt") ||
	    dataset_has_suffix(e->name, ".tsv"));
}

/* A file is a zip by its first bytes, whatever its name. */
int
dataset_is_zip(const char *path)
{
	unsigned char m[4];
	FILE *fp;
	int zip;

	if ((fp = fopen(path, "rb")) == NULL)
		return 0;
	zip = fread(m, 1, 4, fp) == 4 && memcmp(m, "PK\3\4", 4) == 0;
	fclose(fp);
	return zip || dataset_has_suffix(path, ".zip");
}

/*
 * The kind a folder or zip holds, by the files at its root: WAV files
 * and texts are acoustic data, WAV files alone audio files, texts alone
 * language data; 0 if it has neither.  wavs and texts get the counts.
 */
unsigned int
dataset_kind(const struct dataset *ds, size_t *wavs, size_t *texts)
{
	size_t i;

	*wavs = *texts = 0;
	for (i = 0; i < ds->n; i++) {
		*wavs += dataset_is_root_wav(&ds->v[i]);
		*texts += dataset_is_root_text(&ds->v[i]);
	}
	return *wavs > 0 ? (*texts > 0 ? KIND_ACOUSTIC : KIND_AUDIOFILES) :
	    *texts > 0 ? KIND_LANGUAGE : 0;
}

/* Whether line p (up to end) starts with the word w, ignoring case. */
static int
starts(const char *p, const char *end, const char *w)
{
	size_t n = strlen(w);

	return (size_t)(end - p) >= n && strncasecmp(p, w, n) == 0;
}

/* A display-format section header: "#itn", "# profanity" and so on. */
static int
format_header(const char *p, const char *end)
{
	static const char *const sect[] = { "itn", "rewrite", "profanity",
	    "test" };
	size_t i;

	if (p >= end || *p++ != '#')
		return 0;
	if (p < end && *p == ' ')
		p++;
	for (i = 0; i < sizeof(sect) / sizeof(sect[0]); i++)
		if (starts(p, end, sect[i]))
			return 1;
	return 0;
}

/* The kind a file's name says: "trans.txt", "pronunciation.txt"... */
static unsigned int
name_kind(const char *path, int *transcript)
{
	const char *b = strrchr(path, '/');

	b = b != NULL ? b + 1 : path;
	*transcript = strstr(b, "trans") != NULL;
	if (*transcript)
		return KIND_ACOUSTIC;
	if (strstr(b, "pron") != NULL || strstr(b, "lexicon") != NULL)
		return KIND_PRONUNCIATION;
	if (strstr(b, "related") != NULL || strstr(b, "corpus") != NULL)
		return KIND_LANGUAGE;
	return 0;
}

/*
 * What kind of text a file is: display format and structured text by
 * their sections (the vendor's display-format sample is a .txt); then
 * by name (trans, pron or lexicon, related or corpus); else by the shape
 * of the lines: mostly name.wav TAB text is a transcript, mostly TABs a
 * pronunciation file, the rest related text.  Shapes are judged by
 * majority, so a few broken lines do not change the kind.
 */
unsigned int
dataset_text_kind(const char *path, const struct buf *in, int *transcript)
{
	const char *p = buf_str(in), *end = p + in->len, *nl, *tab;
	size_t lines = 0, tabbed = 0, wavs = 0;
	unsigned int k;
	int md = 0;

	*transcript = 0;
	if (in->len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	for (; p < end && lines < 1000; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		if (format_header(p, nl))
			return KIND_OUTPUTFORMATTING;
		md |= starts(p, nl, "@ list ") ||
		    starts(p, nl, "@ speech:phoneticlexicon");
		if (nl > p && nl > p + (nl[-1] == '\r')) {
			lines++;
			if ((tab = memchr(p, '\t', (size_t)(nl - p))) != NULL) {
				tabbed++;
				wavs += tab - p > 4 &&
				    strncasecmp(tab - 4, ".wav", 4) == 0;
			}
		}
		if (nl == end)
			break;
	}
	if (md || dataset_has_suffix(path, ".md"))
		return KIND_LANGUAGEMARKDOWN;
	if ((k = name_kind(path, transcript)) != 0)
		return k;
	if (lines > 0 && wavs * 2 > lines) {
		*transcript = 1;
		return KIND_ACOUSTIC;
	}
	if (lines > 0 && tabbed * 2 > lines)
		return KIND_PRONUNCIATION;
	return KIND_LANGUAGE;
}

/* A folder's entry that is not a folder, as lstat() sees it. */
static void
entry_file(struct dataset_entry *e, mode_t mode, off_t size)
{
	e->size = (uint64_t)size;
	/* Not compressed: never mistaken for a zip bomb. */
	e->csize = e->size;
	e->symlink = S_ISLNK(mode);
	e->special = !S_ISREG(mode) && !e->symlink;
}

/*
 * Walk a folder without following symbolic links.  Entries are looked
 * up relative to the open folder (fstatat), not by their path from the
 * root: a dataset is thousands of files in one folder, and each lookup
 * from the root walks every component of the path again.  With names
 * set, the type readdir() gives is enough and regular files are left
 * unsized (see dataset_open_names).
 */
static int
walk(struct list *l, const char *root, const char *rel, int depth,
    int names, struct diag *d)
{
	DIR *dp;
	struct dirent *de;
	struct stat st;
	char *dir, *name;
	mode_t mode;
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
		st.st_size = 0;
		mode = names && de->d_type != DT_UNKNOWN ?
		    DTTOIF(de->d_type) : 0;
		if (mode == 0 && fstatat(dirfd(dp), de->d_name, &st,
		    AT_SYMLINK_NOFOLLOW) == -1) {
			diag_syserr(d, "cannot stat '%s/%s': %s", dir,
			    de->d_name, strerror(errno));
			rc = -1;
			continue;
		}
		name = *rel ? xasprintf("%s/%s", rel, de->d_name) :
		    xstrdup(de->d_name);
		e = list_take(l, name);
		if (mode == 0)
			mode = st.st_mode;
		else
			e->unsized = S_ISREG(mode);
		if (S_ISDIR(mode)) {
			e->dir = 1;
			/* l->v may move: name is still the entry's. */
			if (depth < DATASET_MAXDEPTH &&
			    walk(l, root, name, depth + 1, names, d) == -1)
				rc = -1;
		} else
			entry_file(e, mode, st.st_size);
	}
	closedir(dp);
	free(dir);
	return rc;
}

static int
open_list(struct dataset *ds, const char *path, int names, struct diag *d)
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
		if (walk(&l, path, "", 0, names, d) == -1 && l.n == 0) {
			free(l.v);
			return -1;
		}
	} else {
		ds->zip = 1;
		ds->bytes = (uint64_t)st.st_size;
		if ((ds->ar = archive_open(path, d)) == NULL)
			return -1;
		for (i = 0; i < archive_count(ds->ar); i++) {
			const struct archive_entry *ae =
			    archive_entry(ds->ar, i);
			struct dataset_entry *e = list_add(&l, ae->name);

			e->size = ae->size;
			e->csize = ae->csize;
			e->index = i;
			e->dir = ae->dir;
			e->symlink = ae->symlink;
		}
	}
	/* qsort and bsearch may not be given NULL, even for no items. */
	if (l.n > 0)
		qsort(l.v, l.n, sizeof(*l.v), entry_cmp);
	ds->v = l.v;
	ds->n = l.n;
	return 0;
}

/*
 * Open a folder or a zip archive (any other file is read as a zip).
 * Returns 0, or -1 after reporting (system error or PKG-ZIP finding).
 */
int
dataset_open(struct dataset *ds, const char *path, struct diag *d)
{
	return open_list(ds, path, 0, d);
}

/*
 * dataset_open(), except that a folder's regular files are not stat()ed:
 * their type is what readdir() says, and their size is looked up by
 * dataset_size() when wanted.  vox-lint reads every WAV on its workers,
 * so each lookup is made there in parallel, not 2,000 of them in a row
 * before any work starts.  Zip members have their sizes as before.
 */
int
dataset_open_names(struct dataset *ds, const char *path, struct diag *d)
{
	return open_list(ds, path, 1, d);
}

/*
 * Make sure e's size is known (a folder's file from dataset_open_names).
 * What it is may have changed since the walk: a file that is now a link
 * or a fifo is marked so.  Touches only e, so workers may size their own
 * entries.  Returns 0, or -1 after a system error.
 */
int
dataset_size(const struct dataset *ds, struct dataset_entry *e,
    struct diag *d)
{
	struct stat st;
	char *path;

	if (!e->unsized)
		return 0;
	path = xasprintf("%s/%s", ds->path, e->name);
	if (lstat(path, &st) == -1) {
		diag_syserr(d, "cannot stat '%s': %s", path, strerror(errno));
		free(path);
		return -1;
	}
	free(path);
	e->unsized = 0;
	entry_file(e, st.st_mode, st.st_size);
	return 0;
}

const struct dataset_entry *
dataset_find(const struct dataset *ds, const char *name)
{
	struct dataset_entry key;

	if (ds->n == 0)
		return NULL;
	key.name = (char *)name;
	return bsearch(&key, ds->v, ds->n, sizeof(key), entry_cmp);
}

/*
 * Read an entry into out (at most max bytes, 0: no limit).  Symbolic
 * links in folders are not followed: the service would not see them.
 * Returns as io_read_file and archive_read do.  Threads may call it at
 * once: files of a folder are read in parallel, members of a zip one at
 * a time (archive_read() serializes them).
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

/* Members below this size are not judged by their compression ratio. */
#define BOMB_MIN_BYTES (1024 * 1024)

/* Whether a member name could escape a folder, and why. */
int
dataset_unsafe_name(const char *n, const char **why)
{
	const char *p;

	if (*n == '/' || (((n[0] | 0x20) >= 'a' && (n[0] | 0x20) <= 'z') &&
	    n[1] == ':')) {
		*why = "an absolute path";
		return 1;
	}
	if (strchr(n, '\\') != NULL) {
		*why = "a backslash";
		return 1;
	}
	for (p = n; *p != '\0'; p += strcspn(p, "/"), p += *p == '/')
		if (strncmp(p, "..", 2) == 0 && (p[2] == '/' || p[2] == '\0')) {
			*why = "a '..' component";
			return 1;
		}
	return 0;
}

static int
icase_cmp(const void *a, const void *b)
{
	const struct dataset_entry *const *x = a, *const *y = b;
	int c = strcasecmp((*x)->name, (*y)->name);

	return c != 0 ? c : strcmp((*x)->name, (*y)->name);
}

/* Whether a zip member unpacks too much for its packed size. */
int
dataset_bomb(const struct dataset_entry *e, const struct profile *p)
{
	return e->size >= BOMB_MIN_BYTES &&
	    e->size / (e->csize ? e->csize : 1) > p->zip_ratio;
}

/*
 * Names that differ only in case (A.WAV, a.wav): one file on Windows
 * and macOS, and a duplicate member once a folder is zipped.  Found as
 * neighbours once sorted without case; named in zips by member, in
 * folders by file.
 */
void
dataset_check_case(const struct dataset *ds, struct diag *d)
{
	struct loc l = { ds->path, NULL, 0, 0 };
	const struct dataset_entry **by;
	char *path = NULL;
	size_t i;

	by = xcalloc(ds->n ? ds->n : 1, sizeof(*by));
	for (i = 0; i < ds->n; i++)
		by[i] = &ds->v[i];
	if (ds->n > 0)
		qsort(by, ds->n, sizeof(*by), icase_cmp);
	for (i = 1; i < ds->n; i++) {
		if (strcasecmp(by[i - 1]->name, by[i]->name) != 0 ||
		    strcmp(by[i - 1]->name, by[i]->name) == 0)
			continue;
		if (ds->zip) {
			l.member = by[i]->name;
			diag_add(d, &l, "PKG-ZIP-DUP", "member names '%s' and "
			    "'%s' differ only in case; they collide on "
			    "Windows", by[i - 1]->name, by[i]->name);
			continue;
		}
		free(path);
		path = xasprintf("%s%s%s", ds->path,
		    ds->path[strlen(ds->path) - 1] == '/' ? "" : "/",
		    by[i]->name);
		l.file = path;
		diag_add(d, &l, "PKG-ZIP-DUP", "'%s' and '%s' differ only in "
		    "case; they collide in a zip and on Windows",
		    by[i - 1]->name, by[i]->name);
	}
	free(path);
	free(by);
}

/* A member name with its collision key (see text_fold_key). */
struct keyed {
	const struct dataset_entry	*e;
	char				*key;
};

static int
key_cmp(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	return c != 0 ? c : strcmp(x->e->name, y->e->name);
}

/*
 * Names that differ beyond ASCII case (dataset_check_case reports that)
 * but land on one file where names ignore case and Unicode
 * normalization (Windows, macOS): NFC/NFD pairs, "Ä" and "ä".
 */
static void
check_unicode_case(const struct dataset *ds, struct diag *d)
{
	struct loc l = { ds->path, NULL, 0, 0 };
	struct keyed *k;
	struct buf b = BUF_INIT;
	char *path = NULL;
	size_t i;

	k = xcalloc(ds->n ? ds->n : 1, sizeof(*k));
	for (i = 0; i < ds->n; i++) {
		k[i].e = &ds->v[i];
		buf_reset(&b);
		/* Not UTF-8: the name is its own key. */
		if (text_fold_key(ds->v[i].name, &b) == -1) {
			buf_reset(&b);
			buf_addstr(&b, ds->v[i].name);
		}
		k[i].key = xstrdup(buf_str(&b));
	}
	if (ds->n > 0)
		qsort(k, ds->n, sizeof(*k), key_cmp);
	for (i = 1; i < ds->n; i++) {
		const char *x = k[i - 1].e->name, *y = k[i].e->name;

		if (strcmp(k[i - 1].key, k[i].key) != 0 ||
		    strcasecmp(x, y) == 0)
			continue;
		if (ds->zip)
			l.member = y;
		else {
			free(path);
			path = xasprintf("%s%s%s", ds->path,
			    ds->path[strlen(ds->path) - 1] == '/' ? "" : "/",
			    y);
			l.file = path;
		}
		diag_add(d, &l, "PKG-ZIP-DUP", "%s '%s' and '%s' differ only "
		    "in case or Unicode normalization; they collide on "
		    "Windows and macOS", ds->zip ? "member names" : "names",
		    x, y);
	}
	for (i = 0; i < ds->n; i++)
		free(k[i].key);
	free(k);
	free(path);
	buf_release(&b);
}

/*
 * Whether an entry must not be read: links, special files, bombs,
 * encrypted members, unsafe names and names the local header disputes.
 * dataset_check_zip() reports each of them.
 */
int
dataset_skip(const struct dataset *ds, const struct dataset_entry *e,
    const struct profile *p)
{
	const struct archive_entry *ae;
	const char *why;

	if (e->symlink || e->special || dataset_bomb(e, p) ||
	    dataset_unsafe_name(e->name, &why))
		return 1;
	if (!ds->zip || (ae = archive_entry(ds->ar, e->index)) == NULL)
		return 0;
	return ae->encrypted || ae->local_name != NULL;
}

/*
 * Zip safety and the service's archive limits: unsafe names, duplicate
 * or case-colliding names, links, encryption, bombs, entry count and
 * archive size.  Members are named in the findings; nothing is read.
 * Of a folder, only the names that would collide once it is zipped.
 */
void
dataset_check_zip(const struct dataset *ds, const struct profile *p,
    struct diag *d)
{
	struct loc l = { ds->path, NULL, 0, 0 };
	uint64_t total = 0;
	size_t i, files = 0;
	const char *why;

	if (!ds->zip) {
		dataset_check_case(ds, d);
		check_unicode_case(ds, d);
		return;
	}
	for (i = 0; i < ds->n; i++) {
		const struct dataset_entry *e = &ds->v[i];
		const struct archive_entry *ae = archive_entry(ds->ar,
		    e->index);

		l.member = e->name;
		if (dataset_unsafe_name(e->name, &why))
			diag_add(d, &l, "PKG-ZIP-PATH", "member name has %s; "
			    "extraction would escape the flat layout", why);
		if (i > 0 && strcmp(ds->v[i - 1].name, e->name) == 0)
			diag_add(d, &l, "PKG-ZIP-DUP", "member '%s' appears "
			    "twice; one copy overwrites the other", e->name);
		if (e->symlink)
			diag_add(d, &l, "PKG-ZIP-LINK", "member is a symbolic "
			    "link, not a file");
		if (ae != NULL && ae->local_name != NULL)
			diag_add(d, &l, "PKG-ZIP-PATH", "its local header names "
			    "it '%s'%s; extractors disagree on which file this "
			    "is", ae->local_name, dataset_unsafe_name(
			    ae->local_name, &why) ? ", which could escape the "
			    "folder" : "");
		if (ae != NULL && ae->encrypted)
			diag_add(d, &l, "PKG-ZIP-CRYPT", "member is encrypted; "
			    "the service cannot read it");
		if (dataset_bomb(e, p))
			diag_add(d, &l, "PKG-ZIP-BOMB", "member unpacks %llu "
			    "bytes from %llu, over %llu:1",
			    (unsigned long long)ae->size,
			    (unsigned long long)ae->csize,
			    (unsigned long long)p->zip_ratio);
		if (!e->dir)
			files++;
		total += e->size;
	}
	dataset_check_case(ds, d);
	check_unicode_case(ds, d);
	l.member = NULL;
	if (total > p->zip_unpacked)
		diag_add(d, &l, "PKG-ZIP-BOMB", "members unpack to %llu bytes, "
		    "over the %llu-byte limit", (unsigned long long)total,
		    (unsigned long long)p->zip_unpacked);
	if (files > p->zip_entries)
		diag_add(d, &l, "PKG-ZIP-COUNT", "%zu files, over the limit of "
		    "%llu per archive; split the dataset", files,
		    (unsigned long long)p->zip_entries);
	if (ds->bytes > p->zip_bytes)
		diag_add(d, &l, "PKG-ZIP-SIZE", "%llu bytes, over the limit of "
		    "%llu; split the dataset", (unsigned long long)ds->bytes,
		    (unsigned long long)p->zip_bytes);
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
