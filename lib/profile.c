#define _GNU_SOURCE
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"
#include "hash.h"
#include "io.h"
#include "profile.h"
#include "xalloc.h"
#include "xml.h"

#ifndef DATADIR
#define DATADIR "/usr/local/share/voxprep"
#endif

/*
 * The SHA-256 of the shipped profile and of its schema, "PROFILE XSD" in
 * hex, made by the build once the one was valid against the other
 * (lib/gen/profile-stamp.c); "" in the program that makes it.
 */
extern const char profile_stamp[];

static int
isdir(const char *p)
{
	struct stat st;

	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/*
 * Where the profile and schemas are: $VOXPREP_DATADIR; else beside the
 * executable in ../share/voxprep (a relocated install, or a build
 * folder, where the Makefile links it to the tree's schemas); else the
 * configured DATADIR.  No path of the source tree is compiled in: an
 * installed binary must not read from the checkout it was built in.
 */
char *
profile_datadir(void)
{
	char exe[4096], *p, *cand;
	const char *env;
	ssize_t n;

	if ((env = getenv("VOXPREP_DATADIR")) != NULL && *env != '\0')
		return xstrdup(env);
	if ((n = readlink("/proc/self/exe", exe, sizeof(exe) - 1)) > 0) {
		exe[n] = '\0';
		if ((p = strrchr(exe, '/')) != NULL) {
			*p = '\0';
			cand = xasprintf("%s/../share/voxprep", exe);
			if (isdir(cand))
				return cand;
			free(cand);
		}
	}
	return xstrdup(DATADIR);
}

char *
profile_datafile(const char *name)
{
	char *dir, *p;

	dir = profile_datadir();
	p = xasprintf("%s/%s", dir, name);
	free(dir);
	return p;
}

static const char *const kindnames[] = {
	"acoustic", "audiofiles", "language", "languagemarkdown",
	"pronunciation", "outputformatting"
};
static const char *const kindaliases[] = {
	NULL, "audio", "text", "md", "pron", "format"
};
static const char *const kindrest[] = {
	"Acoustic", "AudioFiles", "Language", "LanguageMarkdown",
	"Pronunciation", "OutputFormatting"
};

static size_t
kind_index(enum kind k)
{
	size_t i;

	for (i = 0; i < 6; i++)
		if (k == (enum kind)(1u << i))
			return i;
	return 0;
}

/* A kind name, case-insensitive, or one of the short aliases. */
int
kind_parse(const char *s, enum kind *out)
{
	size_t i;

	for (i = 0; i < 6; i++)
		if (strcasecmp(s, kindnames[i]) == 0 ||
		    (kindaliases[i] != NULL &&
		    strcasecmp(s, kindaliases[i]) == 0)) {
			*out = (enum kind)(1u << i);
			return 0;
		}
	return -1;
}

const char *
kind_name(enum kind k)
{
	return kindnames[kind_index(k)];
}

/* The REST API's spelling. */
const char *
kind_restname(enum kind k)
{
	return kindrest[kind_index(k)];
}

int
tier_parse(const char *s, enum tier *out)
{
	if (strcmp(s, "free") == 0)
		*out = TIER_FREE;
	else if (strcmp(s, "standard") == 0)
		*out = TIER_STANDARD;
	else
		return -1;
	return 0;
}

uint64_t
tier_value(const struct tiered *t, enum tier tier)
{
	switch (tier) {
	case TIER_FREE:
		return t->free;
	case TIER_STANDARD:
		return t->standard;
	default:
		return t->def;
	}
}

/* The loader reads the validated tree; the XSD guarantees the shapes. */
struct loader {
	const char	*path;
	struct diag	*d;
	int		 bad;
};

static const struct xml_node *
need(struct loader *ld, const struct xml_node *parent, const char *name)
{
	const struct xml_node *n;

	if ((n = xml_first(parent, name)) == NULL) {
		diag_syserr(ld->d, "%s:%ld: missing element '%s'", ld->path,
		    xml_line(parent), name);
		ld->bad = 1;
	}
	return n;
}

static uint64_t
num(struct loader *ld, const struct xml_node *n, const char *s)
{
	unsigned long long v;
	char *end;

	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0') {
		diag_syserr(ld->d, "%s:%ld: '%s' is not a whole number",
		    ld->path, xml_line(n), s);
		ld->bad = 1;
		return 0;
	}
	return v;
}

static uint64_t
count(struct loader *ld, const struct xml_node *limits, const char *name)
{
	const struct xml_node *n;
	uint64_t v;
	char *s;

	if ((n = need(ld, limits, name)) == NULL)
		return 0;
	s = xml_text(n);
	v = num(ld, n, s);
	free(s);
	return v;
}

static double
seconds(struct loader *ld, const struct xml_node *limits, const char *name)
{
	const struct xml_node *n;
	double v;
	char *s, *end;

	if ((n = need(ld, limits, name)) == NULL)
		return 0;
	s = xml_text(n);
	v = strtod(s, &end);
	if (end == s || *end != '\0') {
		diag_syserr(ld->d, "%s:%ld: '%s' is not a number", ld->path,
		    xml_line(n), s);
		ld->bad = 1;
	}
	free(s);
	return v;
}

static uint64_t
attrnum(struct loader *ld, const struct xml_node *n, const char *name)
{
	uint64_t v = 0;
	char *s;

	if ((s = xml_attr(n, name)) == NULL) {
		diag_syserr(ld->d, "%s:%ld: missing attribute '%s'", ld->path,
		    xml_line(n), name);
		ld->bad = 1;
		return 0;
	}
	v = num(ld, n, s);
	free(s);
	return v;
}

static void
tiered(struct loader *ld, const struct xml_node *limits, const char *name,
    struct tiered *t)
{
	const struct xml_node *n;

	if ((n = need(ld, limits, name)) == NULL)
		return;
	t->def = attrnum(ld, n, "default");
	t->free = attrnum(ld, n, "free");
	t->standard = attrnum(ld, n, "standard");
}

static void
bounds(struct loader *ld, const struct xml_node *limits, const char *name,
    struct bounds *b)
{
	const struct xml_node *n;

	if ((n = need(ld, limits, name)) == NULL)
		return;
	b->warn = attrnum(ld, n, "warn");
	b->max = attrnum(ld, n, "max");
}

static void
rates(struct loader *ld, const struct xml_node *limits, struct profile *p)
{
	const struct xml_node *n;
	char *s, *tok, *save;

	if ((n = need(ld, limits, "sample-rates")) == NULL)
		return;
	s = xml_text(n);
	for (tok = strtok_r(s, " \t\n", &save); tok != NULL;
	    tok = strtok_r(NULL, " \t\n", &save)) {
		if (p->nrates == sizeof(p->rates) / sizeof(p->rates[0])) {
			diag_syserr(ld->d, "%s:%ld: more than %zu sample rates",
			    ld->path, xml_line(n), p->nrates);
			ld->bad = 1;
			break;
		}
		p->rates[p->nrates++] = (unsigned int)num(ld, n, tok);
	}
	free(s);
}

static int
flag(const struct xml_node *n, const char *name, const char *yes)
{
	char *s;
	int v;

	if ((s = xml_attr(n, name)) == NULL)
		return -1;
	v = strcmp(s, yes) == 0;
	free(s);
	return v;
}

static void
locale_read(struct loader *ld, const struct xml_node *n, struct locale *l)
{
	char *s, *tok, *save;
	enum kind k;
	int v;

	l->tag = xml_attr(n, "tag");
	if (l->tag == NULL)
		l->tag = xstrdup("");
	if ((s = xml_attr(n, "kinds")) != NULL) {
		for (tok = strtok_r(s, " \t\n", &save); tok != NULL;
		    tok = strtok_r(NULL, " \t\n", &save))
			if (kind_parse(tok, &k) == 0)
				l->kinds |= k;
		free(s);
	}
	l->ascii = flag(n, "transcript", "ascii") == 1;
	v = flag(n, "bom", "required");
	l->bom = v != 0;
	l->latin1 = flag(n, "text-charset", "latin1") == 1;
	l->fullwidth = flag(n, "punct", "fullwidth") == 1;
	l->forbidden = xml_attr(n, "forbidden");
	l->spoken = xml_attr(n, "spoken");
	if ((s = xml_attr(n, "sentence-chars")) != NULL) {
		l->sentence_chars = (unsigned long)num(ld, n, s);
		free(s);
	}
	if ((s = xml_attr(n, "split-lines")) != NULL) {
		l->split_lines = (unsigned long)num(ld, n, s);
		free(s);
	}
}

/*
 * The labels of one phone set: each token of a <phones> element, and
 * each <sequence> as one label of its tokens joined by single spaces;
 * all uppercase, so lookups fold case once.
 */
static void
phoneset_read(const struct xml_node *n, struct phoneset *ps)
{
	const struct xml_node *c;
	struct buf seq = BUF_INIT;
	char *s, *tok, *save, *p;
	int one;

	ps->tag = xml_attr(n, "locale");
	if (ps->tag == NULL)
		ps->tag = xstrdup("");
	for (c = xml_first(n, NULL); c != NULL; c = xml_next(c, NULL)) {
		one = strcmp(xml_name(c), "phones") == 0;
		if (!one && strcmp(xml_name(c), "sequence") != 0)
			continue;
		s = xml_text(c);
		buf_reset(&seq);
		for (tok = strtok_r(s, " \t\n", &save); tok != NULL;
		    tok = strtok_r(NULL, " \t\n", &save)) {
			for (p = tok; *p != '\0'; p++)
				if (*p >= 'a' && *p <= 'z')
					*p -= 'a' - 'A';
			if (!one) {
				if (seq.len > 0)
					buf_addc(&seq, ' ');
				buf_addstr(&seq, tok);
				continue;
			}
			ps->labels = xreallocarray(ps->labels, ps->n + 1,
			    sizeof(*ps->labels));
			ps->labels[ps->n++] = xstrdup(tok);
		}
		if (!one && seq.len > 0) {
			ps->labels = xreallocarray(ps->labels, ps->n + 1,
			    sizeof(*ps->labels));
			ps->labels[ps->n++] = buf_detach(&seq);
		}
		free(s);
	}
	buf_release(&seq);
}

/* The phone set of a locale, or NULL when the profile has none. */
const struct phoneset *
profile_phones(const struct profile *p, const struct locale *loc)
{
	size_t i;

	for (i = 0; loc != NULL && i < p->nphonesets; i++)
		if (strcmp(p->phonesets[i].tag, loc->tag) == 0)
			return &p->phonesets[i];
	return NULL;
}

static int
locale_cmp(const void *a, const void *b)
{
	const struct locale *x = a, *y = b;

	return strcmp(x->tag, y->tag);
}

/*
 * Whether a profile of bytes b, with the schema at xsd, is the pair the
 * build validated: then validating again would only cost the schema's
 * parse and the validation, half a millisecond in every run.
 */
static int
stamped(const struct buf *b, const char *xsd)
{
	struct buf x = BUF_INIT;
	struct diag scratch = DIAG_INIT;
	char hp[HASH_HEXLEN], hx[HASH_HEXLEN];
	int ok = 0;

	if (strlen(profile_stamp) != 2 * (HASH_HEXLEN - 1) + 1)
		return 0;
	if (io_read_file(xsd, &x, 0, &scratch) == 0) {
		hash_mem(b->s, b->len, hp);
		hash_mem(x.s, x.len, hx);
		ok = memcmp(profile_stamp, hp, HASH_HEXLEN - 1) == 0 &&
		    profile_stamp[HASH_HEXLEN - 1] == ' ' &&
		    memcmp(profile_stamp + HASH_HEXLEN, hx,
		    HASH_HEXLEN - 1) == 0;
	}
	buf_release(&x);
	diag_release(&scratch);
	return ok;
}

/*
 * Load and validate a profile; path NULL means the installed default.
 * On failure, returns NULL after adding system errors naming the file
 * and line.
 */
struct profile *
profile_load(const char *path, struct diag *d)
{
	struct profile *p = NULL;
	struct xml_doc *doc = NULL;
	const struct xml_node *root, *lim, *locs, *n;
	struct loader ld;
	struct buf b = BUF_INIT;
	char *def = NULL, *xsd;
	size_t i;
	int known = 0;

	if (path == NULL)
		path = def = profile_datafile("azure-speech.xml");
	xsd = profile_datafile("profile.xsd");
	ld.path = path;
	ld.d = d;
	ld.bad = 0;
	if (strcmp(path, "-") == 0)
		doc = xml_read(path, xsd, d);
	else if (io_read_file(path, &b, 0, d) == 0) {
		known = stamped(&b, xsd);
		doc = xml_read_mem(b.s, b.len, path, known ? NULL : xsd, d);
	}
	buf_release(&b);
	if (doc == NULL)
		goto fail;
	root = xml_root(doc);
	p = xcalloc(1, sizeof(*p));
	p->stamped = known;
	p->path = xstrdup(path);
	p->name = xml_attr(root, "name");
	p->version = xml_attr(root, "version");
	if ((lim = need(&ld, root, "limits")) == NULL ||
	    (locs = need(&ld, root, "locales")) == NULL)
		goto fail;
	rates(&ld, lim, p);
	p->bits = (unsigned int)count(&ld, lim, "sample-bits");
	p->channels = (unsigned int)count(&ld, lim, "channels");
	p->train_clip = seconds(&ld, lim, "training-clip-seconds");
	p->test_clip = seconds(&ld, lim, "testing-clip-seconds");
	p->hours_used = seconds(&ld, lim, "hours-used");
	p->pad = seconds(&ld, lim, "pad-seconds");
	p->zip_bytes = count(&ld, lim, "zip-bytes");
	p->zip_entries = count(&ld, lim, "zip-entries");
	p->zip_ratio = count(&ld, lim, "zip-ratio");
	p->zip_unpacked = count(&ld, lim, "zip-uncompressed-bytes");
	tiered(&ld, lim, "text-bytes", &p->text_bytes);
	tiered(&ld, lim, "pron-bytes", &p->pron_bytes);
	p->md_bytes = count(&ld, lim, "markdown-bytes");
	p->display_bytes = count(&ld, lim, "display-bytes");
	bounds(&ld, lim, "md-lists", &p->md_lists);
	bounds(&ld, lim, "md-list-items", &p->md_items);
	p->md_lexicon = count(&ld, lim, "md-lexicon");
	p->md_prons = count(&ld, lim, "md-prons-per-word");
	p->md_sentences = count(&ld, lim, "md-sentences");
	p->display_itn = count(&ld, lim, "display-itn");
	p->display_rewrite = count(&ld, lim, "display-rewrite");
	p->display_profanity = count(&ld, lim, "display-profanity");
	p->repeat_max = (unsigned long)count(&ld, lim, "repeat-max");
	for (n = xml_first(locs, "locale"); n != NULL;
	    n = xml_next(n, "locale"))
		p->nlocales++;
	p->locales = xcalloc(p->nlocales, sizeof(*p->locales));
	for (i = 0, n = xml_first(locs, "locale"); n != NULL;
	    n = xml_next(n, "locale"), i++)
		locale_read(&ld, n, &p->locales[i]);
	qsort(p->locales, p->nlocales, sizeof(*p->locales), locale_cmp);
	/* Optional: a profile without phone sets checks no phones. */
	if ((locs = xml_first(root, "phone-sets")) != NULL) {
		for (n = xml_first(locs, "phone-set"); n != NULL;
		    n = xml_next(n, "phone-set"))
			p->nphonesets++;
		p->phonesets = xcalloc(p->nphonesets, sizeof(*p->phonesets));
		for (i = 0, n = xml_first(locs, "phone-set"); n != NULL;
		    n = xml_next(n, "phone-set"), i++)
			phoneset_read(n, &p->phonesets[i]);
	}
	if (ld.bad)
		goto fail;
	xml_free(doc);
	free(def);
	free(xsd);
	return p;
fail:
	diag_syserr(d, "cannot load profile '%s'", path);
	profile_free(p);
	xml_free(doc);
	free(def);
	free(xsd);
	return NULL;
}

void
profile_free(struct profile *p)
{
	size_t i, j;

	if (p == NULL)
		return;
	for (i = 0; i < p->nlocales; i++) {
		free(p->locales[i].tag);
		free(p->locales[i].forbidden);
		free(p->locales[i].spoken);
	}
	free(p->locales);
	for (i = 0; i < p->nphonesets; i++) {
		for (j = 0; j < p->phonesets[i].n; j++)
			free(p->phonesets[i].labels[j]);
		free(p->phonesets[i].labels);
		free(p->phonesets[i].tag);
	}
	free(p->phonesets);
	free(p->path);
	free(p->name);
	free(p->version);
	free(p);
}

/* Exact match; then case-insensitive with '_' for '-' (de_de, EN-us). */
const struct locale *
profile_locale(const struct profile *p, const char *tag)
{
	struct locale key;
	const struct locale *l;
	char *norm;
	size_t i;

	key.tag = (char *)tag;
	l = bsearch(&key, p->locales, p->nlocales, sizeof(key), locale_cmp);
	if (l != NULL)
		return l;
	norm = xstrdup(tag);
	for (i = 0; norm[i] != '\0'; i++)
		if (norm[i] == '_')
			norm[i] = '-';
	for (i = 0; i < p->nlocales; i++)
		if (strcasecmp(p->locales[i].tag, norm) == 0) {
			free(norm);
			return &p->locales[i];
		}
	free(norm);
	return NULL;
}

/* Edit distance between two short strings, case-insensitive. */
static size_t
distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j, prev, cur, tmp;
	size_t row[64];

	if (la > 63)
		la = 63;
	if (lb > 63)
		lb = 63;
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		prev = row[0];
		row[0] = i;
		for (j = 1; j <= lb; j++) {
			int ca = a[i - 1], cb = b[j - 1];

			if (ca >= 'A' && ca <= 'Z')
				ca += 'a' - 'A';
			if (cb >= 'A' && cb <= 'Z')
				cb += 'a' - 'A';
			if (ca == '_')
				ca = '-';
			if (cb == '_')
				cb = '-';
			cur = prev + (ca != cb);
			if (row[j] + 1 < cur)
				cur = row[j] + 1;
			if (row[j - 1] + 1 < cur)
				cur = row[j - 1] + 1;
			tmp = row[j];
			row[j] = cur;
			prev = tmp;
		}
	}
	return row[lb];
}

/*
 * The known locales closest to tag: the same language first, then the
 * smallest edit distance.  Fills out[] with at most max, returns count.
 */
size_t
profile_suggest(const struct profile *p, const char *tag,
    const struct locale **out, size_t max)
{
	size_t i, j, k, n = 0, best = (size_t)-1, dist;
	size_t lang;

	lang = strcspn(tag, "-_");
	/* Locales of the same language, in table order. */
	for (i = 0; i < p->nlocales && n < max; i++)
		if (lang >= 2 && strncasecmp(p->locales[i].tag, tag, lang) == 0
		    && p->locales[i].tag[lang] == '-')
			out[n++] = &p->locales[i];
	if (n > 0)
		return n;
	for (i = 0; i < p->nlocales; i++) {
		dist = distance(tag, p->locales[i].tag);
		if (dist < best)
			best = dist;
	}
	if (best > 2)
		return 0;
	for (k = 0; k <= 2 && n < max; k++)
		for (j = 0; j < p->nlocales && n < max; j++)
			if (distance(tag, p->locales[j].tag) == best + k &&
			    best + k <= 2)
				out[n++] = &p->locales[j];
	return n;
}
