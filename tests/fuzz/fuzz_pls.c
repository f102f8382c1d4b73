/* libFuzzer target: PLS lexicon import through libxml2. */
#include <stdint.h>
#include <stdlib.h>

#include "buf.h"
#include "diag.h"
#include "pron.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag d = DIAG_INIT;
	struct buf out = BUF_INIT;
	unsigned long *lines = NULL;

	pron_from_pls((const char *)data, size, "fuzz.pls", &out, &lines, &d);
	free(lines);
	buf_release(&out);
	diag_release(&d);
	return 0;
}
