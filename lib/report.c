/*
 * The JSON adapter: the only module that includes jansson, which does
 * the escaping and number formatting we would otherwise write by hand.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "buf.h"
#include "diag.h"
#include "html.h"
#include "io.h"
#include "report.h"
#include "xalloc.h"
#include "xml.h"

#ifndef VERSION
#define VERSION "0.0.0"
#endif

struct report {
	char			*path;
	enum report_format	 fmt;
	char			*tool;
	char			*version;
	enum severity		 failon;
	struct diag		 all;		/* copies of the findings */
	char			**inputs;	/* files checked, in order */
	size_t			 ninputs;
	size_t			 capinputs;
	char			**keep;		/* not to overwrite */
	size_t			 nkeep;
	struct html_view	*view;		/* REPORT_HTML */
	int			 ownview;
};

int
report_format_parse(const char *s, enum report_format *out)
{
	if (strcmp(s, "jsonl") == 0)
		*out = REPORT_JSONL;
	else if (strcmp(s, "junit") == 0)
		*out = REPORT_JUNIT;
	else if (strcmp(s, "sarif") == 0)
		*out = REPORT_SARIF;
	else if (strcmp(s, "html") == 0)
		*out = REPORT_HTML;
	else
		return -1;
	return 0;
}

/*
 * From the file name: .jsonl is JSONL, .xml JUnit, .sarif (or
 * .sarif.json) SARIF, .html (or .htm) HTML; anything else REPORT_NONE,
 * which the caller refuses rather than guess.
 */
enum report_format
report_format_guess(const char *path)
{
	const char *base = strrchr(path, '/'), *dot;

	base = base != NULL ? base + 1 : path;
	if ((dot = strrchr(base, '.')) == NULL || dot == base)
		return REPORT_NONE;
	if (strcmp(dot, ".jsonl") == 0)
		return REPORT_JSONL;
	if (strcmp(dot, ".xml") == 0)
		return REPORT_JUNIT;
	if (strcmp(dot, ".sarif") == 0 || (dot - base >= 6 &&
	    strcmp(dot - 6, ".sarif.json") == 0))
		return REPORT_SARIF;
	if (strcmp(dot, ".html") == 0 || strcmp(dot, ".htm") == 0)
		return REPORT_HTML;
	return REPORT_NONE;
}

struct report *
report_new(const char *path, enum report_format fmt, const char *tool,
    const char *version, enum severity failon)
{
	struct report *r;

	r = xcalloc(1, sizeof(*r));
	r->path = xstrdup(path);
	r->fmt = fmt != REPORT_NONE ? fmt : report_format_guess(path);
	if (r->fmt == REPORT_NONE)
		r->fmt = REPORT_JSONL;
	r->tool = xstrdup(tool);
	r->version = xstrdup(version);
	r->failon = failon;
	if (r->fmt == REPORT_HTML) {
		r->view = html_view_new();
		r->ownview = 1;
	}
	return r;
}

/* What an HTML report shows besides the findings; NULL for the rest. */
struct html_view *
report_view(struct report *r)
{
	return r != NULL ? r->view : NULL;
}

/* Show view, which the caller keeps, instead of the report's own. */
void
report_set_view(struct report *r, struct html_view *view)
{
	if (r->ownview)
		html_view_free(r->view);
	r->view = view;
	r->ownview = 0;
}

/* Name an input that was checked, so clean files show up too. */
void
report_input(struct report *r, const char *name)
{
	if (r == NULL)
		return;
	if (r->ninputs == r->capinputs) {
		r->capinputs = r->capinputs ? r->capinputs * 2 : 16;
		r->inputs = xreallocarray(r->inputs, r->capinputs,
		    sizeof(*r->inputs));
	}
	r->inputs[r->ninputs++] = xstrdup(name);
}

/* An input the report must not overwrite, without listing it. */
void
report_protect(struct report *r, const char *name)
{
	if (r == NULL)
		return;
	/* Double at powers of two: linear, not quadratic. */
	if ((r->nkeep & (r->nkeep - 1)) == 0)
		r->keep = xreallocarray(r->keep, r->nkeep > 0 ? r->nkeep * 2 :
		    1, sizeof(*r->keep));
	r->keep[r->nkeep++] = xstrdup(name);
}

/* Whether the report file would overwrite an input; reports why. */
static int
report_clobbers(const struct report *r, struct diag *d)
{
	char *msg;

	if ((msg = io_clobbers_any(r->path, r->inputs, r->ninputs)) == NULL)
		msg = io_clobbers_any(r->path, r->keep, r->nkeep);
	if (msg == NULL)
		return 0;
	diag_syserr(d, "cannot write report: %s", msg);
	free(msg);
	return 1;
}

void
report_add(struct report *r, const struct finding *f)
{
	struct loc l = { f->file, f->member, f->line, f->col };

	if (f->rule == NULL)		/* a system error: not a finding */
		return;
	diag_addsev(&r->all, &l, f->rule->id, f->sev, "%s", f->msg);
}

/*
 * The sink of a struct diag_out (ctx: the report).  A system error is
 * no finding about the data: the exit status tells of it, not the
 * report (report_add skips it).
 */
void
report_sink(void *ctx, const struct finding *f)
{
	report_add(ctx, f);
}

/* A JSON string of s, made valid UTF-8 first (see buf_addvalid). */
static json_t *
jstr(const char *s)
{
	struct buf b = BUF_INIT;
	json_t *j;

	buf_addvalid(&b, s);
	j = json_stringn(buf_str(&b), b.len);
	buf_release(&b);
	return j;
}

/* A name or message as JSON, escaped as in every output (buf_addesc). */
static json_t *
jesc(const char *s)
{
	struct buf b = BUF_INIT;
	json_t *j;

	buf_addesc(&b, s);
	j = json_stringn(buf_str(&b), b.len);
	buf_release(&b);
	return j;
}

static json_t *
jesc_or_null(const char *s)
{
	return s != NULL ? jesc(s) : json_null();
}

static json_t *
jnum_or_null(unsigned long n)
{
	return n > 0 ? json_integer((json_int_t)n) : json_null();
}

/* jansson reports allocation failure as NULL; treat it like ours. */
static json_t *
jcheck(json_t *j)
{
	if (j == NULL)
		xoom();
	return j;
}

static void
jset(json_t *o, const char *k, json_t *v)
{
	if (json_object_set_new(o, k, jcheck(v)) == -1)
		xoom();
}

static void
jpush(json_t *a, json_t *v)
{
	if (json_array_append_new(a, jcheck(v)) == -1)
		xoom();
}

static void
jdump(struct buf *b, json_t *j, size_t flags)
{
	char *s;

	if ((s = json_dumps(j, flags)) == NULL)
		xoom();
	buf_addstr(b, s);
	free(s);
}

static void
write_jsonl(struct report *r, struct buf *out)
{
	size_t i;

	for (i = 0; i < r->all.n; i++) {
		const struct finding *f = &r->all.v[i];
		json_t *o = jcheck(json_object());

		jset(o, "tool", json_string(r->tool));
		jset(o, "file", jesc_or_null(f->file));
		jset(o, "member", jesc_or_null(f->member));
		jset(o, "line", jnum_or_null(f->line));
		jset(o, "column", jnum_or_null(f->col));
		jset(o, "rule", json_string(f->rule->id));
		jset(o, "severity", json_string(sev_name(f->sev)));
		jset(o, "message", jesc(f->msg));
		jset(o, "consequence", json_string(cq_name(f->rule->cq)));
		jdump(out, o, JSON_COMPACT | JSON_PRESERVE_ORDER);
		buf_addc(out, '\n');
		json_decref(o);
	}
}

/* The place of a finding as one escaped string: FILE or ZIP!/MEMBER. */
static char *
where(const struct finding *f)
{
	struct buf b = BUF_INIT;

	buf_addstr(&b, "");
	if (f->file != NULL)
		buf_addesc(&b, f->file);
	if (f->file != NULL && f->member != NULL) {
		buf_addstr(&b, "!/");
		buf_addesc(&b, f->member);
	}
	return buf_detach(&b);
}

/*
 * JUnit: one test suite per input, one test case per finding (a failure
 * when at or above the fail-on level) and one passing case for an input
 * without findings, so CI dashboards list clean files as passed.
 */
/* How many findings name file fn, and how many of them fail. */
static size_t
junit_count(const struct report *r, const char *fn, size_t *nfail)
{
	size_t j, n = 0;

	*nfail = 0;
	for (j = 0; j < r->all.n; j++) {
		const struct finding *f = &r->all.v[j];

		if (strcmp(f->file != NULL ? f->file : "", fn) == 0) {
			n++;
			*nfail += f->sev >= r->failon;
		}
	}
	return n;
}

static void
junit_case(struct xml_writer *w, const struct report *r,
    const struct finding *f)
{
	char *at = where(f), *fn = NULL, *msg = buf_escdup(f->msg);

	xml_start(w, "testcase");
	xml_wattr(w, "classname", f->rule->id);
	if (f->line > 0)
		xml_wattrf(w, "name", "%s:%lu:%lu", at, f->line, f->col);
	else
		xml_wattr(w, "name", *at != '\0' ? at : r->tool);
	if (f->file != NULL) {
		fn = buf_escdup(f->file);
		xml_wattr(w, "file", fn);
	}
	if (f->line > 0)
		xml_wattrf(w, "line", "%lu", f->line);
	if (f->sev >= r->failon) {
		xml_start(w, "failure");
		xml_wattr(w, "type", sev_name(f->sev));
		xml_wattr(w, "message", msg);
		xml_wtext(w, f->rule->summary);
		xml_end(w);
	} else {
		xml_start(w, "system-out");
		xml_wtext(w, sev_name(f->sev));
		xml_wtext(w, ": ");
		xml_wtext(w, msg);
		xml_end(w);
	}
	xml_end(w);
	free(at);
	free(fn);
	free(msg);
}

/*
 * JUnit: one test suite per input, one test case per finding (a failure
 * when at or above the fail-on level) and one passing case for an input
 * without findings, so CI dashboards list clean files as passed.
 */
static int
write_junit(struct report *r, struct buf *out)
{
	struct xml_writer *w;
	const char **names;
	size_t i, j, n, nf, nnames = 0, tests = 0, fails = 0;

	/* Inputs, plus any file named by a finding but never announced. */
	names = xcalloc(r->ninputs + r->all.n + 1, sizeof(*names));
	for (i = 0; i < r->ninputs; i++)
		names[nnames++] = r->inputs[i];
	for (i = 0; i < r->all.n; i++) {
		const char *fn = r->all.v[i].file != NULL ?
		    r->all.v[i].file : "";

		for (j = 0; j < nnames; j++)
			if (strcmp(names[j], fn) == 0)
				break;
		if (j == nnames)
			names[nnames++] = fn;
	}
	for (i = 0; i < nnames; i++) {
		n = junit_count(r, names[i], &nf);
		tests += n ? n : 1;
		fails += nf;
	}
	w = xml_writer_new();
	xml_start(w, "testsuites");
	xml_wattr(w, "name", r->tool);
	xml_wattrf(w, "tests", "%zu", tests);
	xml_wattrf(w, "failures", "%zu", fails);
	for (i = 0; i < nnames; i++) {
		char *nm = buf_escdup(names[i]);

		n = junit_count(r, names[i], &nf);
		xml_start(w, "testsuite");
		xml_wattr(w, "name", *nm != '\0' ? nm : r->tool);
		xml_wattrf(w, "tests", "%zu", n ? n : 1);
		xml_wattrf(w, "failures", "%zu", nf);
		xml_wattr(w, "errors", "0");
		if (n == 0) {
			xml_start(w, "testcase");
			xml_wattr(w, "classname", r->tool);
			xml_wattr(w, "name", nm);
			xml_end(w);
		}
		for (j = 0; j < r->all.n; j++) {
			const struct finding *f = &r->all.v[j];

			if (strcmp(f->file != NULL ? f->file : "",
			    names[i]) == 0)
				junit_case(w, r, f);
		}
		xml_end(w);
		free(nm);
	}
	xml_end(w);
	free(names);
	return xml_writer_finish(w, out);
}

/* A relative URI reference for a path: percent-encode all but safe bytes. */
static char *
uri_path(const char *p)
{
	static const char hex[] = "0123456789ABCDEF";
	struct buf b = BUF_INIT;

	for (; *p != '\0'; p++) {
		unsigned char c = (unsigned char)*p;

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || strchr("-._~/!$&'()*+,;=:@",
		    c) != NULL)
			buf_addc(&b, c);
		else {
			buf_addc(&b, '%');
			buf_addc(&b, hex[c >> 4]);
			buf_addc(&b, hex[c & 15]);
		}
	}
	return buf_detach(&b);
}

static const char *
sarif_level(enum severity s)
{
	return s == SEV_ERROR ? "error" : s == SEV_WARNING ? "warning" :
	    "note";
}

static void
write_sarif(struct report *r, struct buf *out)
{
	json_t *root, *run, *driver, *rulesj, *results;
	size_t i;

	root = jcheck(json_object());
	jset(root, "$schema", json_string(
	    "https://json.schemastore.org/sarif-2.1.0.json"));
	jset(root, "version", json_string("2.1.0"));
	run = jcheck(json_object());
	driver = jcheck(json_object());
	jset(driver, "name", json_string("voxprep"));
	jset(driver, "version", json_string(r->version));
	jset(driver, "informationUri", json_string(
	    "https://learn.microsoft.com/azure/ai-services/speech-service/"
	    "how-to-custom-speech-test-and-train"));
	rulesj = jcheck(json_array());
	for (i = 0; i < nrules; i++) {
		json_t *rj = jcheck(json_object()), *t, *cfg;

		jset(rj, "id", json_string(rules[i].id));
		t = jcheck(json_object());
		jset(t, "text", json_string(rules[i].summary));
		jset(rj, "shortDescription", t);
		t = jcheck(json_object());
		jset(t, "text", json_string(rules[i].conseq));
		jset(rj, "fullDescription", t);
		cfg = jcheck(json_object());
		jset(cfg, "level", json_string(sarif_level(rules[i].sev)));
		jset(rj, "defaultConfiguration", cfg);
		jpush(rulesj, rj);
	}
	jset(driver, "rules", rulesj);
	{
		json_t *tool = jcheck(json_object());

		jset(tool, "driver", driver);
		jset(run, "tool", tool);
	}
	results = jcheck(json_array());
	for (i = 0; i < r->all.n; i++) {
		const struct finding *f = &r->all.v[i];
		json_t *res = jcheck(json_object()), *msg, *locs, *loc, *phys,
		    *art, *reg;

		jset(res, "ruleId", json_string(f->rule->id));
		jset(res, "ruleIndex", json_integer(f->rule - rules));
		jset(res, "level", json_string(sarif_level(f->sev)));
		msg = jcheck(json_object());
		jset(msg, "text", jesc(f->msg));
		jset(res, "message", msg);
		if (f->file != NULL) {
			char *u = uri_path(f->file);

			locs = jcheck(json_array());
			loc = jcheck(json_object());
			phys = jcheck(json_object());
			art = jcheck(json_object());
			jset(art, "uri", jstr(u));
			free(u);
			jset(phys, "artifactLocation", art);
			if (f->line > 0) {
				reg = jcheck(json_object());
				jset(reg, "startLine", json_integer(
				    (json_int_t)f->line));
				if (f->col > 0)
					jset(reg, "startColumn", json_integer(
					    (json_int_t)f->col));
				jset(phys, "region", reg);
			}
			jset(loc, "physicalLocation", phys);
			jpush(locs, loc);
			jset(res, "locations", locs);
			if (f->member != NULL) {
				json_t *props = jcheck(json_object());

				jset(props, "member", jesc(f->member));
				jset(res, "properties", props);
			}
		}
		jpush(results, res);
	}
	jset(run, "results", results);
	{
		json_t *runs = jcheck(json_array());

		jpush(runs, run);
		jset(root, "runs", runs);
	}
	jdump(out, root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	buf_addc(out, '\n');
	json_decref(root);
}

/*
 * Append one JSON object and a newline to out, keys in the order given.
 * Numbers that JSON cannot hold (NaN, infinities) are written as null.
 */
void
report_json_line(struct buf *out, const struct jfield *f, size_t n)
{
	json_t *o = jcheck(json_object());
	size_t i;

	for (i = 0; i < n; i++) {
		json_t *v;

		switch (f[i].type) {
		case J_STR:
			v = f[i].s != NULL ? jstr(f[i].s) : json_null();
			break;
		case J_INT:
			v = json_integer((json_int_t)f[i].i);
			break;
		case J_NUM:
			v = isfinite(f[i].d) ? json_real(f[i].d) : json_null();
			break;
		case J_BOOL:
			v = json_boolean(f[i].i);
			break;
		default:
			v = json_null();
			break;
		}
		jset(o, f[i].key, v);
	}
	jdump(out, o, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6));
	buf_addc(out, '\n');
	json_decref(o);
}

/* A manifest as indented JSON with a final newline. */
void
report_manifest(struct buf *out, const struct manifest *m)
{
	json_t *o = jcheck(json_object()), *v = jcheck(json_object());

	jset(o, "kind", json_string(m->kind));
	jset(o, "locale", jstr(m->locale));
	jset(o, "displayName", jstr(m->name));
	if (m->description != NULL)
		jset(o, "description", jstr(m->description));
	jset(v, "file", jstr(m->file));
	jset(v, "bytes", json_integer((json_int_t)m->bytes));
	jset(v, "sha256", json_string(m->sha256));
	jset(v, "entries", json_integer((json_int_t)m->entries));
	if (m->audio) {
		jset(v, "audioFiles", json_integer((json_int_t)m->audio_files));
		jset(v, "audioSeconds", json_real(m->audio_seconds));
	}
	if (m->shard > 0) {
		jset(v, "shard", json_integer(m->shard));
		jset(v, "shards", json_integer(m->shards));
	}
	jset(v, "tool", json_string(m->tool));
	jset(v, "toolVersion", json_string(VERSION));
	jset(v, "profile", jstr(m->profile));
	jset(v, "profileVersion", jstr(m->profile_version));
	jset(o, "voxprep", v);
	jdump(out, o, JSON_INDENT(2) | JSON_PRESERVE_ORDER |
	    JSON_REAL_PRECISION(10));
	buf_addc(out, '\n');
	json_decref(o);
}

static int
write_html(struct report *r, struct buf *out)
{
	struct html_run run;
	struct html_view *own = NULL;
	int rc;

	run.tool = r->tool;
	run.version = *r->version != '\0' ? r->version : VERSION;
	run.failon = r->failon;
	run.inputs = r->inputs;
	run.ninputs = r->ninputs;
	run.v = r->all.v;
	run.n = r->all.n;
	if (r->view == NULL)
		own = html_view_new();
	rc = html_write(r->view != NULL ? r->view : own, &run, out);
	html_view_free(own);
	return rc;
}

/* Write the report atomically and free it.  Returns 0 or -1. */
int
report_close(struct report *r, struct diag *d)
{
	struct outfile of = OUTFILE_INIT;
	struct buf out = BUF_INIT;
	FILE *fp;
	size_t i;
	int rc = 0;

	if (r == NULL)
		return 0;
	if (report_clobbers(r, d)) {
		rc = -1;
		goto out;
	}
	switch (r->fmt) {
	case REPORT_JUNIT:
		if (write_junit(r, &out) == -1) {
			diag_syserr(d, "cannot write JUnit report '%s'",
			    r->path);
			rc = -1;
		}
		break;
	case REPORT_SARIF:
		write_sarif(r, &out);
		break;
	case REPORT_HTML:
		if (write_html(r, &out) == -1) {
			diag_syserr(d, "cannot write HTML report '%s'",
			    r->path);
			rc = -1;
		}
		break;
	default:
		write_jsonl(r, &out);
		break;
	}
	if (rc == 0 && (fp = io_create(&of, r->path, d)) != NULL) {
		if (out.len > 0)
			fwrite(out.s, 1, out.len, fp);
		rc = io_commit(&of, d);
	} else
		rc = -1;
out:
	buf_release(&out);
	diag_release(&r->all);
	for (i = 0; i < r->ninputs; i++)
		free(r->inputs[i]);
	free(r->inputs);
	for (i = 0; i < r->nkeep; i++)
		free(r->keep[i]);
	free(r->keep);
	if (r->ownview)
		html_view_free(r->view);
	free(r->path);
	free(r->tool);
	free(r->version);
	free(r);
	return rc;
}
