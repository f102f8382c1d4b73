/*
 * libFuzzer target: the transcript checks and the fixer on arbitrary
 * bytes, in an alphabetic and a CJK locale.  The ICU objects are opened
 * once, as the tools do.
 */
#include <stdint.h>
#include <stdlib.h>

#include "buf.h"
#include "diag.h"
#include "profile.h"
#include "text.h"
#include "trans.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
one(struct text *t, struct locale *l, const uint8_t *data, size_t size)
{
	struct trans_opts o = { NULL, 3, 1, 0, 1 };
	struct trans tr = TRANS_INIT;
	struct diag d = DIAG_INIT;
	struct buf out = BUF_INIT;
	struct loc where = { "fuzz.txt", NULL, 0, 0 };

	o.loc = l;
	o.fix = size > 0 && (data[0] & 1);
	o.spell = o.fix && (data[0] & 2);
	trans_check(&tr, t, &o, (const char *)data, size, &where, &out, &d);
	trans_release(&tr);
	buf_release(&out);
	diag_release(&d);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct text *en, *ja;
	static struct locale len = { "en-US", 0, 1, 0, 1, 0, NULL, NULL, 0, 0 };
	static struct locale lja = { "ja-JP", 0, 0, 1, 0, 1, "\xc2\xb0", NULL,
	    90, 0 };
	struct diag d = DIAG_INIT;

	if (en == NULL && ((en = text_open("en-US", &d)) == NULL ||
	    (ja = text_open("ja-JP", &d)) == NULL))
		abort();
	one(en, &len, data, size);
	one(ja, &lja, data, size);
	return 0;
}
