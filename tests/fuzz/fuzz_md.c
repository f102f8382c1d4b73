/*
 * libFuzzer target: the structured-text parser and its checks, kind
 * detection, --fix (whose output must parse again and fix to itself)
 * and --expand, on arbitrary bytes.  The first byte picks the options.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "md.h"
#include "profile.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char *labels[] = { "AE", "AX", "B", "ER R", "AX R", "K", "R",
	    "T" };
	static struct phoneset ps = { "en-US", labels, 8 };
	static struct locale en = { "en-US", 0x3f, 1, 0, 1, 0, NULL, NULL, 0,
	    0 };
	static struct profile p;
	struct md_opts o = { &p, &en, 0, 1 };
	struct md_fix_stats st;
	struct diag d = DIAG_INIT;
	struct buf fixed = BUF_INIT, again = BUF_INIT, out = BUF_INIT;
	struct md *m, *m2;
	uint64_t all;

	p.text_bytes.def = 200000000;
	p.md_lists.warn = 2;
	p.md_lists.max = 3;
	p.md_items.warn = 3;
	p.md_items.max = 5;
	p.md_lexicon = 4;
	p.md_prons = 2;
	p.md_sentences = 6;
	p.repeat_max = 3;
	p.phonesets = &ps;
	p.nphonesets = 1;
	o.text = size > 0 && (data[0] & 1);
	(void)md_detect((const char *)data, size);
	m = md_parse((const char *)data, size, "fuzz.md", &o, &d);
	memset(&st, 0, sizeof(st));
	md_fix(m, &fixed, &st);
	(void)md_expand(m, size > 0 ? data[0] : 0, &out, &all);
	/* A fixed file fixes to itself. */
	o.text = 0;
	m2 = md_parse(fixed.s, fixed.len, "fuzz.md", &o, &d);
	md_fix(m2, &again, &st);
	if (again.len != fixed.len || memcmp(again.s, fixed.s, fixed.len) != 0)
		abort();
	buf_reset(&again);
	md_fix_display(fixed.s, fixed.len, &again, &st);
	md_free(m2);
	md_free(m);
	buf_release(&fixed);
	buf_release(&again);
	buf_release(&out);
	diag_release(&d);
	return 0;
}
