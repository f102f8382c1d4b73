/*
 * The program's name in a module of its own: xalloc.c needs it for the
 * out-of-memory message and must depend on nothing else, since every
 * other module allocates.
 */
#include <string.h>

#include "progname.h"

static const char *progname = "voxprep";

/*
 * Take the program's name from argv[0] and return its base name, for the
 * tool to put back in argv[0] so that getopt's messages use it too.
 */
char *
progname_set(char *argv0)
{
	char *p;

	if (argv0 == NULL || *argv0 == '\0')
		return argv0;
	p = strrchr(argv0, '/');
	progname = p != NULL ? p + 1 : argv0;
	return (char *)progname;
}

const char *
progname_get(void)
{
	return progname;
}
