/*
 * libFuzzer target: the profile loader (XML parse, XSD validation, and
 * our reading of the tree) on arbitrary bytes.  Needs VOXPREP_DATADIR or
 * an installed profile.xsd.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "diag.h"
#include "profile.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static char path[] = "/tmp/fuzz_profile.XXXXXX";

static void
cleanup(void)
{
	unlink(path);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int fd = -1;
	struct diag d = DIAG_INIT;
	struct profile *p;

	if (fd == -1) {
		if ((fd = mkstemp(path)) == -1)
			abort();
		atexit(cleanup);
	}
	if (ftruncate(fd, 0) == -1 || pwrite(fd, data, size, 0) !=
	    (ssize_t)size)
		abort();
	p = profile_load(path, &d);
	if (p != NULL)
		(void)profile_locale(p, "de-DE");
	profile_free(p);
	diag_release(&d);
	return 0;
}
