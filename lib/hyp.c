/*
 * Reference and hypothesis readers for scoring.  Line formats are read
 * line by line (a UTF-8 BOM, CR LF and blank lines are fine); a line
 * that is not of the format, or not UTF-8, is a WER-READ finding at its
 * line and column and is left out.  Batch-transcription JSON goes
 * through jansson, which only this file and lib/report.c include.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "buf.h"
#include "diag.h"
#include "hyp.h"
#include "utf8.h"
#include "xalloc.h"

/* Lines looked at by hyp_detect(). */
#define DETECT_LINES	50

static const char *const format_names[] = {
	"auto", "trans", "kaldi", "trn", "json"
};

static const char *const field_names[] = {
	"lexical", "itn", "maskedITN", "display"
};

int
hyp_format_parse(const char *s, enum hyp_format *f)
{
	size_t i;

	for (i = 0; i < sizeof(format_names) / sizeof(format_names[0]); i++)
		if (strcmp(s, format_names[i]) == 0) {
			*f = (enum hyp_format)i;
			return 0;
		}
	return -1;
}

const char *
hyp_format_name(enum hyp_format f)
{
	return format_names[f];
}

int
hyp_field_parse(const char *s, enum hyp_field *f)
{
	size_t i;

	for (i = 0; i < sizeof(field_names) / sizeof(field_names[0]); i++)
		if (strcmp(s, field_names[i]) == 0) {
			*f = (enum hyp_field)i;
			return 0;
		}
	return -1;
}

/* The name used to pair utterances: without a final ".wav". */
char *
hyp_key(const char *name)
{
	size_t n = strlen(name);

	if (n > 4 && strcasecmp(name + n - 4, ".wav") == 0)
		n -= 4;
	return xstrndup(name, n);
}

static void
utt_add(struct hyp_set *hs, const char *name, size_t nlen, const char *text,
    size_t tlen, const char *file, unsigned long line)
{
	struct hyp_utt *u;

	if (hs->n == hs->cap) {
		hs->cap = hs->cap ? hs->cap * 2 : 256;
		hs->v = xreallocarray(hs->v, hs->cap, sizeof(*hs->v));
	}
	u = &hs->v[hs->n++];
	u->name = xstrndup(name, nlen);
	u->key = hyp_key(u->name);
	u->text = xstrndup(text, tlen);
	u->file = xstrdup(file);
	u->line = line;
}

static int
is_blank(int c)
{
	return c == ' ' || c == '\t';
}

/* The next line of buf from *i: its start and length without CR LF. */
static int
next_line(const char *buf, size_t len, size_t *i, const char **s, size_t *n)
{
	size_t b = *i, e;

	if (b >= len)
		return 0;
	for (e = b; e < len && buf[e] != '\n'; e++)
		;
	*i = e < len ? e + 1 : e;
	if (e > b && buf[e - 1] == '\r')
		e--;
	*s = buf + b;
	*n = e - b;
	return 1;
}

static int
line_blank(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!is_blank((unsigned char)s[i]))
			return 0;
	return 1;
}

static size_t
skip_bom(const char *buf, size_t len)
{
	return len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
}

/* Whether a line is trn: it ends with "(id)", with some id. */
static int
trn_split(const char *s, size_t n, size_t *open)
{
	size_t e = n, b;

	while (e > 0 && is_blank((unsigned char)s[e - 1]))
		e--;
	if (e < 3 || s[e - 1] != ')')
		return 0;
	for (b = e - 1; b > 0 && s[b - 1] != '('; b--)
		if (s[b - 1] == ')')
			return 0;
	if (b == 0 || b + 1 >= e)
		return 0;
	*open = b - 1;
	return 1;
}

/*
 * The format of buf by its content: JSON if it starts with '{'; else,
 * over the first lines that are not blank, a transcript if at least
 * half hold a TAB, trn if more than half end with "(id)" (so a line
 * that lost its id is a finding, not a format change), else Kaldi.
 */
enum hyp_format
hyp_detect(const char *buf, size_t len)
{
	size_t i = skip_bom(buf, len), n, k, lines = 0, tabs = 0, trn = 0;
	const char *s;

	while (i < len && isspace((unsigned char)buf[i]))
		i++;
	if (i < len && buf[i] == '{')
		return HYP_JSON;
	i = skip_bom(buf, len);
	while (lines < DETECT_LINES && next_line(buf, len, &i, &s, &n)) {
		if (line_blank(s, n))
			continue;
		lines++;
		tabs += memchr(s, '\t', n) != NULL;
		trn += trn_split(s, n, &k);
	}
	if (lines > 0 && tabs * 2 >= lines)
		return HYP_TRANS;
	if (lines > 0 && trn * 2 > lines)
		return HYP_TRN;
	return HYP_KALDI;
}

static void
read_line(struct hyp_set *hs, enum hyp_format f, const char *s, size_t n,
    const char *name, unsigned long line, struct diag *d)
{
	struct loc where = { name, NULL, line, 1 };
	size_t k, b, e;

	if ((k = utf8_check(s, n)) < n) {
		where.col = k + 1;
		diag_add(d, &where, HYP_R_READ,
		    "invalid UTF-8 byte 0x%02X; the line is not scored",
		    (unsigned char)s[k]);
		return;
	}
	switch (f) {
	case HYP_TRANS:
		for (k = 0; k < n && s[k] != '\t'; k++)
			;
		if (k == n || k == 0) {
			where.col = k < n ? 1 : n + 1;
			diag_add(d, &where, HYP_R_READ, "%s; the line is not "
			    "scored", k == n ? "no TAB between name and text" :
			    "empty name before the TAB");
			return;
		}
		utt_add(hs, s, k, s + k + 1, n - k - 1, name, line);
		break;
	case HYP_TRN:
		if (!trn_split(s, n, &k)) {
			where.col = n + 1;
			diag_add(d, &where, HYP_R_READ,
			    "no '(id)' at the end of the line; the line is "
			    "not scored");
			return;
		}
		for (e = k + 1; s[e] != ')'; e++)
			;
		utt_add(hs, s + k + 1, e - k - 1, s, k, name, line);
		break;
	default:
		for (b = 0; b < n && is_blank((unsigned char)s[b]); b++)
			;
		for (e = b; e < n && !is_blank((unsigned char)s[e]); e++)
			;
		k = e < n ? e + 1 : e;
		utt_add(hs, s + b, e - b, s + k, n - k, name, line);
		break;
	}
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = tolower(c);
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/*
 * The utterance name of a "source" URL: its last path segment, without
 * the query string or fragment, %XX decoded.
 */
static char *
source_name(const char *url)
{
	struct buf b = BUF_INIT;
	const char *s, *e, *p;
	int hi, lo;

	e = url + strcspn(url, "?#");
	for (s = e; s > url && s[-1] != '/' && s[-1] != '\\'; s--)
		;
	for (p = s; p < e; p++) {
		if (*p == '%' && e - p > 2 && (hi = hexval(p[1])) >= 0 &&
		    (lo = hexval(p[2])) >= 0 && (hi | lo) != 0) {
			buf_addc(&b, hi << 4 | lo);
			p += 2;
		} else
			buf_addc(&b, *p);
	}
	if (b.len == 0 || utf8_check(b.s, b.len) < b.len) {
		buf_release(&b);
		return NULL;
	}
	return buf_detach(&b);
}

static void
read_json(struct hyp_set *hs, enum hyp_field field, const char *buf,
    size_t len, const char *name, struct diag *d)
{
	struct loc where = { name, NULL, 0, 0 };
	json_error_t err;
	json_t *root, *src, *phr, *first, *txt;
	const char *text;
	char *uname = NULL;

	if ((root = json_loadb(buf, len, 0, &err)) == NULL) {
		where.line = err.line > 0 ? (unsigned long)err.line : 0;
		where.col = err.column > 0 ? (unsigned long)err.column : 0;
		diag_add(d, &where, HYP_R_READ,
		    "not JSON: %s; the file is not scored", err.text);
		return;
	}
	if (!json_is_object(root)) {
		diag_add(d, &where, HYP_R_READ, "not a transcription result "
		    "(no JSON object); the file is not scored");
		goto out;
	}
	src = json_object_get(root, "source");
	if (src == NULL && json_object_get(root,
	    "successfulTranscriptionsCount") != NULL)
		goto out;	/* report.json: the run's summary */
	if (!json_is_string(src) ||
	    (uname = source_name(json_string_value(src))) == NULL) {
		diag_add(d, &where, HYP_R_READ, "no audio name in 'source'; "
		    "the file is not scored");
		goto out;
	}
	phr = json_object_get(root, "combinedRecognizedPhrases");
	if (!json_is_array(phr)) {
		diag_add(d, &where, HYP_R_READ, "no 'combinedRecognizedPhrases' "
		    "array; the file is not scored");
		goto out;
	}
	text = "";
	if ((first = json_array_get(phr, 0)) != NULL) {
		txt = json_is_object(first) ?
		    json_object_get(first, field_names[field]) : NULL;
		if (!json_is_string(txt)) {
			diag_add(d, &where, HYP_R_READ, "no '%s' text in "
			    "combinedRecognizedPhrases[0]; the file is not "
			    "scored", field_names[field]);
			goto out;
		}
		text = json_string_value(txt);
		if (strlen(text) != json_string_length(txt)) {
			diag_add(d, &where, HYP_R_READ, "a NUL in the '%s' "
			    "text; the file is not scored", field_names[field]);
			goto out;
		}
	}
	utt_add(hs, uname, strlen(uname), text, strlen(text), name, 0);
out:
	free(uname);
	json_decref(root);
}

/*
 * Read the utterances of buf, in format f (HYP_AUTO: detected), into
 * hs.  Returns the number of utterances added.
 */
int
hyp_read(struct hyp_set *hs, const char *buf, size_t len, const char *name,
    enum hyp_format f, enum hyp_field field, struct diag *d)
{
	size_t i, n, before = hs->n;
	unsigned long line = 0;
	const char *s;

	if (f == HYP_AUTO)
		f = hyp_detect(buf, len);
	if (f == HYP_JSON) {
		read_json(hs, field, buf, len, name, d);
		return (int)(hs->n - before);
	}
	i = skip_bom(buf, len);
	while (next_line(buf, len, &i, &s, &n)) {
		line++;
		if (!line_blank(s, n))
			read_line(hs, f, s, n, name, line, d);
	}
	return (int)(hs->n - before);
}

struct keyed {
	const char	*key;
	size_t		 i;
};

static int
key_cmp(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;
	int c;

	if ((c = strcmp(x->key, y->key)) != 0)
		return c;
	return x->i < y->i ? -1 : x->i > y->i;
}

/*
 * Index hs by key for hyp_find(); a key seen before is a WER-DUP
 * finding, and only its first utterance is found.
 */
void
hyp_index(struct hyp_set *hs, struct diag *d)
{
	struct loc where = { NULL, NULL, 0, 0 };
	const struct hyp_utt *u, *p;
	struct keyed *k;
	size_t i;

	k = xreallocarray(NULL, hs->n ? hs->n : 1, sizeof(*k));
	for (i = 0; i < hs->n; i++) {
		k[i].key = hs->v[i].key;
		k[i].i = i;
	}
	qsort(k, hs->n, sizeof(*k), key_cmp);
	free(hs->idx);
	hs->idx = xreallocarray(NULL, hs->n ? hs->n : 1, sizeof(*hs->idx));
	for (i = 0; i < hs->n; i++)
		hs->idx[i] = k[i].i;
	free(k);
	for (i = 1; i < hs->n; i++) {
		p = &hs->v[hs->idx[i - 1]];
		u = &hs->v[hs->idx[i]];
		if (strcmp(p->key, u->key) != 0)
			continue;
		for (; i < hs->n && strcmp(hs->v[hs->idx[i]].key, p->key) == 0;
		    i++) {
			u = &hs->v[hs->idx[i]];
			where.file = u->file;
			where.line = u->line;
			where.col = u->line ? 1 : 0;
			diag_add(d, &where, HYP_R_DUP, "utterance '%s' again "
			    "(first at %s:%lu); only the first is scored",
			    u->name, p->file, p->line);
		}
		i--;
	}
}

/* The index of the first utterance with this key, or HYP_NONE. */
size_t
hyp_find(const struct hyp_set *hs, const char *key)
{
	size_t lo = 0, hi = hs->n, mid;
	int c;

	if (hs->idx == NULL)
		return HYP_NONE;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = strcmp(hs->v[hs->idx[mid]].key, key);
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < hs->n && strcmp(hs->v[hs->idx[lo]].key, key) == 0)
		return hs->idx[lo];
	return HYP_NONE;
}

void
hyp_set_release(struct hyp_set *hs)
{
	size_t i;

	for (i = 0; i < hs->n; i++) {
		free(hs->v[i].name);
		free(hs->v[i].key);
		free(hs->v[i].text);
		free(hs->v[i].file);
	}
	free(hs->v);
	free(hs->idx);
	hs->v = NULL;
	hs->idx = NULL;
	hs->n = hs->cap = 0;
}
