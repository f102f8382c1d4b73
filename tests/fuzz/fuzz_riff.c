/*
 * libFuzzer target: the RIFF/WAVE header walk and the trailer check on
 * arbitrary bytes, with the file size both equal to and beyond them.
 */
#include <stdint.h>
#include <stdlib.h>

#include "riff.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct riff r;

	if (riff_parse(data, size, size, &r) == 0 &&
	    (r.flags & RIFF_DATA) && r.data_off > size)
		abort();
	(void)riff_parse(data, size, (uint64_t)size + 100000, &r);
	(void)riff_chunks(data, size, size);
	(void)riff_chunks(data, size, (uint64_t)size + 7);
	(void)riff_codec(size, size & 0x3f);
	return 0;
}
