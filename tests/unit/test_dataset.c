/* Unit tests: datasets as folders and zip archives. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "dataset.h"
#include "diag.h"
#include "profile.h"
#include "unit.h"

static char dir[] = "dstest.XXXXXX";

static void
put(const char *rel, const char *text)
{
	char path[256];
	FILE *fp;

	snprintf(path, sizeof(path), "%s/%s", dir, rel);
	fp = fopen(path, "w");
	fputs(text, fp);
	fclose(fp);
}

static void
test_folder(void)
{
	struct dataset ds;
	struct diag d = DIAG_INIT;
	struct buf b = BUF_INIT;
	const struct dataset_entry *e;
	char path[256];

	snprintf(path, sizeof(path), "%s/sub", dir);
	mkdir(path, 0777);
	put("b.wav", "BB");
	put("a.wav", "A");
	put("trans.txt", "a.wav\thello\n");
	put("sub/c.wav", "CCC");
	snprintf(path, sizeof(path), "%s/link.wav", dir);
	symlink("/etc/passwd", path);
	CHECK(dataset_open(&ds, dir, &d) == 0);
	CHECK(d.n == 0);
	CHECK(ds.n == 6 && !ds.zip);
	if (ds.n == 6) {
		CHECK_STR(ds.v[0].name, "a.wav");
		CHECK_STR(ds.v[1].name, "b.wav");
		CHECK_STR(ds.v[2].name, "link.wav");
		CHECK(ds.v[2].symlink);
		CHECK_STR(ds.v[3].name, "sub");
		CHECK(ds.v[3].dir);
		CHECK_STR(ds.v[4].name, "sub/c.wav");
		CHECK(ds.v[4].size == 3);
	}
	e = dataset_find(&ds, "trans.txt");
	CHECK(e != NULL && dataset_read(&ds, e, &b, 0, &d) == 0);
	CHECK_STR(buf_str(&b), "a.wav\thello\n");
	buf_reset(&b);
	CHECK(dataset_read(&ds, e, &b, 3, &d) == 1 && b.len == 3);
	/* A symbolic link is never followed. */
	buf_reset(&b);
	e = dataset_find(&ds, "link.wav");
	CHECK(e != NULL && dataset_read(&ds, e, &b, 0, &d) == -1);
	CHECK(d.n == 1 && d.v[0].rule == NULL);
	CHECK(dataset_find(&ds, "nope.wav") == NULL);
	CHECK(dataset_has_suffix("X.WAV", ".wav"));
	CHECK(!dataset_has_suffix("wav", ".wav"));
	dataset_close(&ds);
	buf_release(&b);
	diag_release(&d);
}

/* Rename or (to NULL) remove dir/from. */
static int
mv(const char *from, const char *to)
{
	char a[256], b[256];

	snprintf(a, sizeof(a), "%s/%s", dir, from);
	if (to == NULL)
		return remove(a);
	snprintf(b, sizeof(b), "%s/%s", dir, to);
	return rename(a, b);
}

/* Names and types from readdir; sizes when asked, as they are then. */
static void
test_names(void)
{
	struct dataset ds;
	struct diag d = DIAG_INIT;
	struct dataset_entry *e;
	char path[256];

	snprintf(path, sizeof(path), "%s/fifo", dir);
	REQUIRE(mkfifo(path, 0666) == 0);
	REQUIRE(dataset_open_names(&ds, dir, &d) == 0);
	CHECK(d.n == 0);
	CHECK(ds.n == 7);
	e = (struct dataset_entry *)dataset_find(&ds, "b.wav");
	CHECK(e != NULL && e->unsized && e->size == 0);
	CHECK(dataset_size(&ds, e, &d) == 0);
	CHECK(!e->unsized && e->size == 2 && e->csize == 2 && !e->symlink);
	/* Asked once: a second call stats nothing. */
	e->size = 7;
	CHECK(dataset_size(&ds, e, &d) == 0 && e->size == 7);
	e = (struct dataset_entry *)dataset_find(&ds, "link.wav");
	CHECK(e != NULL && e->symlink && !e->unsized);
	e = (struct dataset_entry *)dataset_find(&ds, "fifo");
	CHECK(e != NULL && e->special && !e->unsized);
	e = (struct dataset_entry *)dataset_find(&ds, "sub");
	CHECK(e != NULL && e->dir && !e->unsized);
	e = (struct dataset_entry *)dataset_find(&ds, "sub/c.wav");
	CHECK(e != NULL && e->unsized && dataset_size(&ds, e, &d) == 0 &&
	    e->size == 3);
	/* Made a link since the walk: it is one now. */
	e = (struct dataset_entry *)dataset_find(&ds, "a.wav");
	REQUIRE(e != NULL && mv("a.wav", "a.moved") == 0);
	snprintf(path, sizeof(path), "%s/a.wav", dir);
	REQUIRE(symlink("b.wav", path) == 0);
	CHECK(dataset_size(&ds, e, &d) == 0 && e->symlink);
	/* Gone since the walk: a system error that names it. */
	e = (struct dataset_entry *)dataset_find(&ds, "trans.txt");
	REQUIRE(e != NULL && mv("trans.txt", "trans.moved") == 0);
	CHECK(dataset_size(&ds, e, &d) == -1 && e->unsized);
	CHECK(d.n == 1 && d.v[0].rule == NULL &&
	    strstr(d.v[0].msg, "trans.txt") != NULL);
	dataset_close(&ds);
	/* The folder as test_folder left it, for the tests after. */
	CHECK(mv("a.wav", NULL) == 0 && mv("a.moved", "a.wav") == 0);
	CHECK(mv("trans.moved", "trans.txt") == 0 && mv("fifo", NULL) == 0);
	diag_release(&d);
}

static void
test_zip(void)
{
	struct dataset ds;
	struct diag d = DIAG_INIT;
	struct buf b = BUF_INIT;
	const struct dataset_entry *e;
	const char *s = unit_vendor();
	char path[4096];

	snprintf(path, sizeof(path), "%s/de-DE/training/audio-and-trans.zip",
	    s);
	REQUIRE(dataset_open(&ds, path, &d) == 0);
	CHECK(ds.zip && ds.n == 3);
	e = dataset_find(&ds, "trans.txt");
	CHECK(e != NULL && e->size == 755);
	CHECK(e != NULL && dataset_read(&ds, e, &b, 0, &d) == 0);
	CHECK(b.len == 755 && memcmp(b.s, "\xef\xbb\xbf", 3) == 0);
	buf_reset(&b);
	e = dataset_find(&ds, "audio1.wav");
	CHECK(e != NULL && dataset_read(&ds, e, &b, 44, &d) == 1);
	CHECK(b.len == 44 && memcmp(b.s, "RIFF", 4) == 0);
	CHECK(d.n == 0);
	dataset_close(&ds);
	buf_release(&b);
	diag_release(&d);
}

static void
test_not_zip(void)
{
	struct dataset ds;
	struct diag d = DIAG_INIT;
	char path[256];

	snprintf(path, sizeof(path), "%s/trans.txt", dir);
	CHECK(dataset_open(&ds, path, &d) == -1);
	CHECK(d.n == 1 && diag_has(&d, "PKG-ZIP"));
	dataset_close(&ds);
	diag_clear(&d);
	CHECK(dataset_open(&ds, "no/such/path", &d) == -1);
	CHECK(d.n == 1 && d.v[0].rule == NULL);
	dataset_close(&ds);
	diag_release(&d);
}

/* Hostile archives, written by Python's zipfile, which allows them. */
static const char craft[] =
    "import sys, zipfile, stat\n"
    "z = zipfile.ZipFile(sys.argv[1], 'w')\n"
    "z.writestr('a.wav', b'x')\n"
    "z.writestr('A.WAV', b'x')\n"
    "z.writestr('../up.wav', b'x')\n"
    "z.writestr('/abs.wav', b'x')\n"
    "z.writestr('win\\\\x.wav', b'x')\n"
    "i = zipfile.ZipInfo('link.wav')\n"
    "i.external_attr = (stat.S_IFLNK | 0o777) << 16\n"
    "z.writestr(i, '/etc/passwd')\n"
    "z.writestr('zeros.wav', b'\\0' * (4 << 20), zipfile.ZIP_DEFLATED)\n"
    "import warnings; warnings.simplefilter('ignore')\n"
    "z.writestr('twice.wav', b'1')\n"
    "z.writestr('twice.wav', b'2')\n"
    "z.close()\n";

static size_t
count(const struct diag *d, const char *id)
{
	size_t i, n = 0;

	for (i = 0; i < d->n; i++)
		n += d->v[i].rule != NULL && strcmp(d->v[i].rule->id, id) == 0;
	return n;
}

static void
test_hostile_zip(void)
{
	struct dataset ds;
	struct diag d = DIAG_INIT;
	struct profile *p;
	char path[128], cmd[512];
	FILE *fp;

	snprintf(path, sizeof(path), "%s/craft.py", dir);
	fp = fopen(path, "w");
	fputs(craft, fp);
	fclose(fp);
	snprintf(cmd, sizeof(cmd), "/usr/bin/python3 %s %s/bad.zip", path,
	    dir);
	CHECK(system(cmd) == 0);
	snprintf(path, sizeof(path), "%s/bad.zip", dir);
	p = profile_load(NULL, &d);
	CHECK(p != NULL);
	if (p == NULL)
		return;
	p->zip_entries = 5;	/* small limits provoke the count rules */
	p->zip_bytes = 1000;
	p->zip_unpacked = 1000000;
	CHECK(dataset_open(&ds, path, &d) == 0);
	dataset_check_zip(&ds, p, &d);
	CHECK(count(&d, "PKG-ZIP-PATH") == 3);
	CHECK(count(&d, "PKG-ZIP-DUP") == 2);
	CHECK(count(&d, "PKG-ZIP-LINK") == 1);
	CHECK(count(&d, "PKG-ZIP-BOMB") == 2);
	CHECK(count(&d, "PKG-ZIP-COUNT") == 1);
	CHECK(count(&d, "PKG-ZIP-SIZE") == 1);
	CHECK(count(&d, "PKG-ZIP-CRYPT") == 0);
	if (d.n != 10) {
		size_t i;

		for (i = 0; i < d.n; i++)
			diag_print(stdout, &d.v[i]);
	}
	CHECK(d.n == 10);
	dataset_close(&ds);
	profile_free(p);
	diag_release(&d);
}

/* The kind of a text by its sections, its name, else its lines. */
static unsigned int
kind_of(const char *name, const char *text, int *transcript)
{
	struct buf b = BUF_INIT;
	unsigned int k;

	buf_addstr(&b, text);
	k = dataset_text_kind(name, &b, transcript);
	buf_release(&b);
	return k;
}

static void
test_text_kind(void)
{
	struct buf b = BUF_INIT;
	int tr, i;

	CHECK(kind_of("x.txt", "#itn\nfoo\n", &tr) == KIND_OUTPUTFORMATTING &&
	    !tr);
	CHECK(kind_of("trans.txt", "\xef\xbb\xbf# Profanity\n", &tr) ==
	    KIND_OUTPUTFORMATTING);
	CHECK(kind_of("x.txt", "a\n@ list cities\n", &tr) ==
	    KIND_LANGUAGEMARKDOWN);
	CHECK(kind_of("notes.MD", "plain\n", &tr) == KIND_LANGUAGEMARKDOWN);
	/* Then the name. */
	CHECK(kind_of("d/my-trans.txt", "plain\n", &tr) == KIND_ACOUSTIC &&
	    tr);
	CHECK(kind_of("lexicon.txt", "plain\n", &tr) == KIND_PRONUNCIATION &&
	    !tr);
	CHECK(kind_of("corpus.txt", "a.wav\tb\n", &tr) == KIND_LANGUAGE);
	/* Then the shape of most lines; a folder's name does not count. */
	CHECK(kind_of("trans/x.txt", "a.wav\thi\nB.WAV\tyo\nbroken\n", &tr) ==
	    KIND_ACOUSTIC && tr);
	CHECK(kind_of("x.txt", "a.wav\thi\nbroken\nbroken too\n", &tr) ==
	    KIND_LANGUAGE && !tr);
	CHECK(kind_of("x.txt", "word\tw er d\nfoo\tf u\n\n\n", &tr) ==
	    KIND_PRONUNCIATION);
	CHECK(kind_of("x.txt", "", &tr) == KIND_LANGUAGE);
	/* Only the first 1000 lines are read. */
	for (i = 0; i < 1000; i++)
		buf_addstr(&b, "plain line\n");
	buf_addstr(&b, "#itn\n");
	CHECK(dataset_text_kind("x.txt", &b, &tr) == KIND_LANGUAGE);
	buf_release(&b);
}

/* The kind of a folder or zip by its root files; a zip by its bytes. */
static void
test_kind(void)
{
	struct dataset ds;
	struct diag d = DIAG_INIT;
	char path[4096];
	size_t w, t;

	snprintf(path, sizeof(path), "%s/k", dir);
	mkdir(path, 0777);
	put("k/a.wav", "A");
	put("k/b.wav", "B");
	REQUIRE(dataset_open(&ds, path, &d) == 0);
	CHECK(dataset_kind(&ds, &w, &t) == KIND_AUDIOFILES && w == 2 &&
	    t == 0);
	dataset_close(&ds);
	put("k/notes.tsv", "x\n");
	REQUIRE(dataset_open(&ds, path, &d) == 0);
	CHECK(dataset_kind(&ds, &w, &t) == KIND_ACOUSTIC && w == 2 && t == 1);
	dataset_close(&ds);
	snprintf(path, sizeof(path), "%s/k2", dir);
	mkdir(path, 0777);
	put("k2/corpus.txt", "x\n");
	snprintf(path, sizeof(path), "%s/k2/sub", dir);
	mkdir(path, 0777);
	put("k2/sub/a.wav", "A");
	snprintf(path, sizeof(path), "%s/k2", dir);
	REQUIRE(dataset_open(&ds, path, &d) == 0);
	CHECK(dataset_kind(&ds, &w, &t) == KIND_LANGUAGE && w == 0 && t == 1);
	dataset_close(&ds);
	put("k2/sub/x.bin", "x");
	snprintf(path, sizeof(path), "%s/k2/sub", dir);
	REQUIRE(dataset_open(&ds, path, &d) == 0);
	CHECK(dataset_kind(&ds, &w, &t) == KIND_AUDIOFILES);
	dataset_close(&ds);
	CHECK(d.n == 0);
	/* Zips by their first bytes, or by name. */
	snprintf(path, sizeof(path), "%s/de-DE/training/audio-and-trans.zip",
	    unit_vendor());
	CHECK(dataset_is_zip(path));
	put("zip.bin", "PK\3\4rest");
	put("empty.zip", "");
	put("text.bin", "PK\3");
	snprintf(path, sizeof(path), "%s/zip.bin", dir);
	CHECK(dataset_is_zip(path));
	snprintf(path, sizeof(path), "%s/empty.zip", dir);
	CHECK(dataset_is_zip(path));
	snprintf(path, sizeof(path), "%s/text.bin", dir);
	CHECK(!dataset_is_zip(path));
	CHECK(!dataset_is_zip("no/such/file"));
	diag_release(&d);
}

int
main(void)
{
	char cmd[64];

	if (mkdtemp(dir) == NULL)
		return 3;
	RUN(test_folder);
	RUN(test_names);
	RUN(test_zip);
	RUN(test_not_zip);
	RUN(test_hostile_zip);
	RUN(test_text_kind);
	RUN(test_kind);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	return system(cmd) == 0 ? UNIT_EXIT() : 3;
}
