/*
 * libFuzzer target: a display-format file is parsed (sections, #itn
 * pattern compiler), its #test cases run, and each of its own lines is
 * put through the display pipeline as lexical text, both ways: the
 * word path of disp_apply() must write what disp_apply_ref() writes.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "disp.h"
#include "profile.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct locale en = { "en-US", 0x20, 1, 1, 1, 0, NULL, NULL,
	    0, 0 };
	static struct locale zh = { "zh-CN", 0x20, 0, 1, 0, 1, NULL, NULL,
	    0, 0 };
	struct diag d = DIAG_INIT;
	struct buf out = BUF_INIT, ref = BUF_INIT;
	struct disp *f;
	int bits;
	const char *p = (const char *)data, *end = p + size, *nl;
	size_t pass, total;

	/* The last byte picks the locale: a final LF (even) is en-US. */
	f = disp_parse(p, size, "fuzz.md", size > 0 && (data[size - 1] & 1) ?
	    &zh : &en, &d);
	(void)disp_test(f, &d, &pass, &total);
	for (; p < end; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		buf_reset(&out);
		buf_reset(&ref);
		bits = disp_apply(f, p, (size_t)(nl - p), &out);
		if (disp_apply_ref(f, p, (size_t)(nl - p), &ref) != bits ||
		    out.len != ref.len || (out.len > 0 &&
		    memcmp(out.s, ref.s, out.len) != 0))
			abort();
		if (nl == end)
			break;
	}
	disp_free(f);
	buf_release(&out);
	buf_release(&ref);
	diag_release(&d);
	return 0;
}
