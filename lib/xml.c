#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/hash.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlwriter.h>

#include "buf.h"
#include "diag.h"
#include "utf8.h"
#include "xml.h"
#include "xalloc.h"

/*
 * libxml2 reports through a callback; collect its messages for one
 * operation and turn them into system errors naming file and line.
 */
struct xml_errs {
	struct diag	*d;
	const char	*name;
	int		 n;
};

static void
xml_onerror(void *ctx, xmlErrorPtr e)
{
	struct xml_errs *x = ctx;
	char *msg;

	if (e == NULL || e->level == XML_ERR_WARNING || x->n >= 20)
		return;
	x->n++;
	msg = diag_tidy(xstrdup(e->message != NULL ? e->message :
	    "unknown error"));
	if (e->line > 0)
		diag_syserr(x->d, "%s:%d: %s", x->name, e->line, msg);
	else
		diag_syserr(x->d, "%s: %s", x->name, msg);
	free(msg);
}

static int
xml_validate(xmlDocPtr doc, const char *name, const char *xsd,
    struct diag *d)
{
	xmlSchemaParserCtxtPtr pc = NULL;
	xmlSchemaPtr schema = NULL;
	xmlSchemaValidCtxtPtr vc = NULL;
	struct xml_errs x = { d, xsd, 0 };
	int rc = -1;

	xmlSetStructuredErrorFunc(&x, xml_onerror);
	if ((pc = xmlSchemaNewParserCtxt(xsd)) == NULL ||
	    (schema = xmlSchemaParse(pc)) == NULL) {
		if (x.n == 0)
			diag_syserr(d, "cannot load schema '%s'", xsd);
		goto out;
	}
	if ((vc = xmlSchemaNewValidCtxt(schema)) == NULL)
		goto out;
	x.name = name;
	if (xmlSchemaValidateDoc(vc, doc) != 0) {
		if (x.n == 0)
			diag_syserr(d, "%s: not valid against '%s'", name, xsd);
		goto out;
	}
	rc = 0;
out:
	xmlSetStructuredErrorFunc(NULL, NULL);
	xmlSchemaFreeValidCtxt(vc);
	xmlSchemaFree(schema);
	xmlSchemaFreeParserCtxt(pc);
	return rc;
}

/* Parser options: no network, no entity expansion, libxml2's limits on. */
#define XML_OPTS (XML_PARSE_NONET | XML_PARSE_NOCDATA)

static struct xml_doc *
xml_finish(xmlDocPtr doc, const char *name, const char *xsd,
    struct diag *d, int nerr)
{
	if (doc == NULL) {
		if (nerr == 0)
			diag_syserr(d, "%s: cannot parse XML", name);
		return NULL;
	}
	if (xmlDocGetRootElement(doc) == NULL) {
		diag_syserr(d, "%s: no root element", name);
		xmlFreeDoc(doc);
		return NULL;
	}
	if (xsd != NULL && xml_validate(doc, name, xsd, d) == -1) {
		xmlFreeDoc(doc);
		return NULL;
	}
	return (struct xml_doc *)doc;
}

/* Parse path, validate it against xsd unless NULL.  NULL on failure. */
struct xml_doc *
xml_read(const char *path, const char *xsd, struct diag *d)
{
	struct xml_errs x = { d, path, 0 };
	xmlDocPtr doc;
	FILE *fp;

	if ((fp = fopen(path, "rb")) == NULL) {
		diag_syserr(d, "cannot open '%s': %s", path, strerror(errno));
		return NULL;
	}
	fclose(fp);
	xmlSetStructuredErrorFunc(&x, xml_onerror);
	doc = xmlReadFile(path, NULL, XML_OPTS);
	xmlSetStructuredErrorFunc(NULL, NULL);
	return xml_finish(doc, path, xsd, d, x.n);
}

struct xml_doc *
xml_read_mem(const void *p, size_t len, const char *name, const char *xsd,
    struct diag *d)
{
	struct xml_errs x = { d, name, 0 };
	xmlDocPtr doc;

	if (len > INT_MAX) {
		diag_syserr(d, "%s: XML document too large", name);
		return NULL;
	}
	xmlSetStructuredErrorFunc(&x, xml_onerror);
	doc = xmlReadMemory(p, (int)len, name, NULL, XML_OPTS);
	xmlSetStructuredErrorFunc(NULL, NULL);
	return xml_finish(doc, name, xsd, d, x.n);
}

void
xml_free(struct xml_doc *doc)
{
	if (doc != NULL)
		xmlFreeDoc((xmlDocPtr)doc);
}

const struct xml_node *
xml_root(const struct xml_doc *doc)
{
	return (const struct xml_node *)xmlDocGetRootElement(
	    (xmlDocPtr)doc);
}

static const struct xml_node *
xml_match(xmlNodePtr n, const char *name)
{
	for (; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE && (name == NULL ||
		    strcmp((const char *)n->name, name) == 0))
			return (const struct xml_node *)n;
	return NULL;
}

/* First child element named name (any element if name is NULL). */
const struct xml_node *
xml_first(const struct xml_node *parent, const char *name)
{
	return xml_match(((xmlNodePtr)parent)->children, name);
}

const struct xml_node *
xml_next(const struct xml_node *n, const char *name)
{
	return xml_match(((xmlNodePtr)n)->next, name);
}

const char *
xml_name(const struct xml_node *n)
{
	return (const char *)((xmlNodePtr)n)->name;
}

char *
xml_attr(const struct xml_node *n, const char *name)
{
	xmlChar *v;
	char *s;

	if ((v = xmlGetProp((xmlNodePtr)n, (const xmlChar *)name)) == NULL)
		return NULL;
	s = xstrdup((const char *)v);
	xmlFree(v);
	return s;
}

char *
xml_text(const struct xml_node *n)
{
	xmlChar *v;
	char *s;

	if ((v = xmlNodeGetContent((xmlNodePtr)n)) == NULL)
		return xstrdup("");
	s = xstrdup((const char *)v);
	xmlFree(v);
	return s;
}

/*
 * Whether the document declares entities in its DTD.  References to
 * them stay unexpanded in the tree, but reading a node's text expands
 * them past every limit of the parser (50,000 uses of a 20,000-byte
 * entity are 1 GB): callers that read text refuse such documents.
 */
int
xml_has_entities(const struct xml_doc *doc)
{
	xmlDtdPtr dtd[2];
	int i;

	dtd[0] = ((xmlDocPtr)doc)->intSubset;
	dtd[1] = ((xmlDocPtr)doc)->extSubset;
	for (i = 0; i < 2; i++)
		if (dtd[i] != NULL && ((dtd[i]->entities != NULL &&
		    xmlHashSize(dtd[i]->entities) > 0) ||
		    (dtd[i]->pentities != NULL &&
		    xmlHashSize(dtd[i]->pentities) > 0)))
			return 1;
	return 0;
}

long
xml_line(const struct xml_node *n)
{
	return xmlGetLineNo((xmlNodePtr)n);
}

/*
 * The writer builds a document in memory; xml_writer_finish() emits it.
 * Its output goes straight into out, a buffer that doubles as it fills:
 * an xmlBuffer grows by what each flush adds (a realloc every 4 KB of a
 * page of megabytes) and would be copied once more at the end.
 */
struct xml_writer {
	struct buf		out;
	xmlTextWriterPtr	w;
	int			bad;
};

static int
xml_onwrite(void *ctx, const char *s, int len)
{
	buf_add(ctx, s, (size_t)len);
	return len;
}

static struct xml_writer *
writer_open(void)
{
	struct xml_writer *x;
	xmlOutputBufferPtr o;

	x = xcalloc(1, sizeof(*x));
	if ((o = xmlOutputBufferCreateIO(xml_onwrite, NULL, &x->out,
	    NULL)) == NULL || (x->w = xmlNewTextWriter(o)) == NULL)
		xoom();
	return x;
}

struct xml_writer *
xml_writer_new(void)
{
	struct xml_writer *x = writer_open();

	xmlTextWriterSetIndent(x->w, 1);
	xmlTextWriterSetIndentString(x->w, (const xmlChar *)"  ");
	if (xmlTextWriterStartDocument(x->w, NULL, "UTF-8", NULL) < 0)
		x->bad = 1;
	return x;
}

/*
 * A writer for a page that is both XML and HTML (polyglot markup, the
 * XHTML syntax of HTML): no XML declaration, which HTML does not have,
 * but the HTML doctype, and no indentation, which would add text to
 * elements that have none.  Elements of HTML that may hold content are
 * closed with xml_end_full(): an HTML parser reads <div/> as <div>.
 */
struct xml_writer *
xml_html_new(void)
{
	struct xml_writer *x = writer_open();

	if (xmlTextWriterWriteDTD(x->w, (const xmlChar *)"html", NULL, NULL,
	    NULL) < 0 || xmlTextWriterWriteRaw(x->w,
	    (const xmlChar *)"\n") < 0)
		x->bad = 1;
	return x;
}

void
xml_start(struct xml_writer *x, const char *name)
{
	if (xmlTextWriterStartElement(x->w, (const xmlChar *)name) < 0)
		x->bad = 1;
}

/*
 * Whether s is printable ASCII that needs no escaping in text (quote
 * too: in an attribute), as numbers and names of ours are: it is then
 * written as it is, which spares a copy and libxml2's escaping of each
 * of the many cells of a big report.
 */
static int
plain(const char *s, int quote)
{
	for (; *s != '\0'; s++)
		if (*s < 0x20 || *s > 0x7e || *s == '&' || *s == '<' ||
		    *s == '>' || (quote && *s == '"'))
			return 0;
	return 1;
}

/* Values are made valid UTF-8 first (see buf_addvalid). */
void
xml_wattr(struct xml_writer *x, const char *name, const char *value)
{
	struct buf b = BUF_INIT;

	if (plain(value, 1)) {
		if (xmlTextWriterStartAttribute(x->w,
		    (const xmlChar *)name) < 0 ||
		    xmlTextWriterWriteRaw(x->w, (const xmlChar *)value) < 0 ||
		    xmlTextWriterEndAttribute(x->w) < 0)
			x->bad = 1;
		return;
	}
	buf_addvalid(&b, value);
	if (xmlTextWriterWriteAttribute(x->w, (const xmlChar *)name,
	    (const xmlChar *)buf_str(&b)) < 0)
		x->bad = 1;
	buf_release(&b);
}

void
xml_wattrf(struct xml_writer *x, const char *name, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	xml_wattr(x, name, s);
	free(s);
}

void
xml_wtext(struct xml_writer *x, const char *s)
{
	struct buf b = BUF_INIT;

	if (*s != '\0' && plain(s, 0)) {
		if (xmlTextWriterWriteRaw(x->w, (const xmlChar *)s) < 0)
			x->bad = 1;
		return;
	}
	buf_addvalid(&b, s);
	if (xmlTextWriterWriteString(x->w, (const xmlChar *)buf_str(&b)) < 0)
		x->bad = 1;
	buf_release(&b);
}

/*
 * Append s to b as xml_wtext() writes it (attr: as xml_wattr() writes an
 * attribute's value), for xml_wraw(): the bytes of libxml2's escaping
 * (xmlEncodeSpecialChars; xmlBufAttrSerializeTxtContent, which writes
 * what is not ASCII as character references) after buf_addvalid().
 * tests/unit/test_xml.c holds it to the writer on many seeded strings.
 */
void
xml_esc(struct buf *b, const char *s, int attr)
{
	size_t len, i = 0, at, k;
	int32_t c;

	/* As plain(), which has the writer copy it as it is. */
	for (len = 0; s[len] >= 0x20 && s[len] <= 0x7e && s[len] != '&' &&
	    s[len] != '<' && s[len] != '>' && (!attr || s[len] != '"'); len++)
		;
	if (s[len] == '\0') {
		buf_add(b, s, len);
		return;
	}
	for (len += strlen(s + len); i < len; ) {
		at = i;
		switch (s[i]) {
		case '&':
			buf_add(b, "&amp;", 5);
			i++;
			continue;
		case '<':
			buf_add(b, "&lt;", 4);
			i++;
			continue;
		case '>':
			buf_add(b, "&gt;", 4);
			i++;
			continue;
		case '"':
			buf_add(b, "&quot;", 6);
			i++;
			continue;
		case '\r':
			buf_add(b, "&#13;", 5);
			i++;
			continue;
		case '\n':
		case '\t':
			if (attr)
				buf_addstr(b, s[i] == '\n' ? "&#10;" : "&#9;");
			else
				buf_addc(b, s[i]);
			i++;
			continue;
		}
		if ((c = utf8_cp(s, len, &i)) < 0)
			buf_printf(b, "\\x%02X", (unsigned char)s[at]);
		else if (!attr || c < 0x80)
			buf_add(b, s + at, i - at);
		else if (c != 0xFFFE && c != 0xFFFF)
			buf_printf(b, "&#x%X;", (unsigned int)c);
		else
			/*
			 * Not an XML character: a reference a byte, but for
			 * the value's last byte, which libxml2 (2.9.14) reads
			 * no further than and copies as it is.
			 */
			for (k = at; k < i; k++)
				if (k + 1 < len)
					buf_printf(b, "&#x%X;",
					    (unsigned char)s[k]);
				else
					buf_addc(b, s[k]);
	}
}

/*
 * Markup put together by the caller, escaped with xml_esc(): once the
 * writer has closed a start tag it left open and flushed what it holds,
 * straight to the output, not through the writer's buffer.
 */
void
xml_wraw(struct xml_writer *x, const char *s, size_t len)
{
	if (len == 0)
		return;
	if (xmlTextWriterWriteRawLen(x->w, (const xmlChar *)"", 0) < 0 ||
	    xmlTextWriterFlush(x->w) < 0)
		x->bad = 1;
	else
		buf_add(&x->out, s, len);
}

void
xml_end(struct xml_writer *x)
{
	if (xmlTextWriterEndElement(x->w) < 0)
		x->bad = 1;
}

/* An end tag even for an empty element: <td></td>, never <td/>. */
void
xml_end_full(struct xml_writer *x)
{
	if (xmlTextWriterFullEndElement(x->w) < 0)
		x->bad = 1;
}

/*
 * A script both parsers read as the same program: in a CDATA section
 * for XML, behind "//" comments for HTML, which reads a script's text
 * as it is.  The script must not hold "]]>" or "</script".
 */
void
xml_wscript(struct xml_writer *x, const char *js)
{
	struct buf b = BUF_INIT;

	buf_printf(&b, "\n%s\n//", js);
	if (strstr(js, "]]>") != NULL || strstr(js, "</") != NULL)
		x->bad = 1;
	else if (xmlTextWriterWriteRaw(x->w, (const xmlChar *)"//") < 0 ||
	    xmlTextWriterWriteCDATA(x->w, (const xmlChar *)buf_str(&b)) < 0)
		x->bad = 1;
	buf_release(&b);
}

/* Close the document, append it to out and free the writer. */
int
xml_writer_finish(struct xml_writer *x, struct buf *out)
{
	int rc;

	if (xmlTextWriterEndDocument(x->w) < 0)
		x->bad = 1;
	xmlFreeTextWriter(x->w);	/* flushes the rest into x->out */
	rc = x->bad ? -1 : 0;
	if (rc == 0 && out->len == 0) {
		buf_release(out);
		*out = x->out;
	} else {
		if (rc == 0)
			buf_add(out, x->out.s, x->out.len);
		buf_release(&x->out);
	}
	free(x);
	return rc;
}
