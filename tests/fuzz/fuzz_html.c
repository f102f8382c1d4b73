/*
 * libFuzzer target: the HTML report's view fed arbitrary bytes as a
 * transcript, as related text and as a file name, then the page; the
 * page must be well-formed XML whatever the input (the libxml2 writer
 * makes it so), else the target aborts.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "html.h"
#include "xml.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct html_view *v = html_view_new();
	struct html_audio a;
	struct html_run r;
	struct diag d = DIAG_INIT;
	struct buf out = BUF_INIT;
	struct xml_doc *doc;
	char *name = strndup((const char *)data, size < 64 ? size : 64);

	memset(&a, 0, sizeof(a));
	a.secs = size > 0 ? data[0] / 16.0 : 0;
	a.scanned = 1;
	a.rms_db = -(double)size;
	html_dataset(v, name != NULL ? name : "");
	html_add_audio(v, name != NULL ? name : "", "set/x.wav", NULL, &a);
	html_add_transcript(v, "set/trans.txt", NULL, (const char *)data, size);
	html_add_line(v, name != NULL ? name : "", 1, size % 7, size % 31);
	html_add_text(v, "related.txt", (const char *)data, size);
	memset(&r, 0, sizeof(r));
	r.tool = "fuzz";
	r.version = "0";
	r.failon = SEV_ERROR;
	if (html_write(v, &r, &out) == -1)
		abort();
	if ((doc = xml_read_mem(out.s, out.len, "page", NULL, &d)) == NULL)
		abort();
	xml_free(doc);
	diag_release(&d);
	buf_release(&out);
	html_view_free(v);
	free(name);
	return 0;
}
