/* libFuzzer target: the pronunciation checker and normalizer. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "profile.h"
#include "pron.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct tiered limit = { 1000000, 1000, 1000000 };
	static struct locale en = { "en-US", 0x10, 1, 0, 1, 0, NULL,
	    "abcdefghijklmnopqrstuvwxyz", 0, 0 };
	static struct locale de = { "de-DE", 0x10, 0, 1, 0, 0, NULL, NULL, 0,
	    0 };
	struct pron_opts o = { NULL, &limit, TIER_DEFAULT, 0 };
	struct pron_stats st;
	struct diag d = DIAG_INIT;
	struct buf out = BUF_INIT;
	static struct text *ten, *tde;

	if (ten == NULL && ((ten = text_open("en-US", &d)) == NULL ||
	    (tde = text_open("de-DE", &d)) == NULL))
		abort();
	o.loc = size > 0 && (data[0] & 1) ? &de : &en;
	o.check = size > 0 && (data[0] & 2);
	memset(&st, 0, sizeof(st));
	pron_check(&o, o.loc == &de ? tde : ten, (const char *)data, size, "fuzz.txt", NULL, &out, &st,
	    &d);
	buf_release(&out);
	diag_release(&d);
	return 0;
}
