/*
 * libFuzzer target: the related-text pipeline on arbitrary bytes, in an
 * English and a Japanese locale, normalizing and checking.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "profile.h"
#include "related.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
one(struct locale *l, struct related_norm **n, const uint8_t *data,
    size_t size)
{
	static struct tiered limit = { 200000000, 200000000, 1500000000 };
	struct related_opts o;
	struct related_stats st = { 0, 0, 0, 0, { 0 } };
	struct diag d = DIAG_INIT;
	struct buf out = BUF_INIT;

	memset(&o, 0, sizeof(o));
	o.loc = l;
	o.limit = &limit;
	o.repeat_max = 3;
	o.line_max = 4096;
	o.jobs = 1;
	o.record = 1;
	o.check = size > 0 && (data[0] & 1);
	o.spell = size > 0 && (data[0] & 2);
	o.lowercase = size > 0 && (data[0] & 4);
	o.nosplit = size > 0 && (data[0] & 8);
	if (*n == NULL && (*n = related_norm_new(&o, NULL, &d)) == NULL)
		abort();
	related_check_mem(&o, *n, (const char *)data, size, "fuzz.txt", &out,
	    &st, &d);
	buf_release(&out);
	diag_release(&d);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct locale len = { "en-US", 0, 1, 0, 1, 0, NULL, NULL, 0,
	    0 };
	static struct locale lja = { "ja-JP", 0, 0, 1, 0, 0, NULL, NULL, 90,
	    20000 };

	static struct related_norm *nen, *nja;

	one(&len, &nen, data, size);
	one(&lja, &nja, data, size);
	return 0;
}
