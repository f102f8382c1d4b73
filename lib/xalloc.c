#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "progname.h"
#include "xalloc.h"

/*
 * EXIT_SYSTEM of diag.h, spelt out: every module allocates, so this
 * one depends on nothing but the program's name (test_diag checks it).
 */
#define XOOM_EXIT	3

void
xoom(void)
{
	const char *p = progname_get();

	/* No stdio: the heap may be what failed. */
	if (write(STDERR_FILENO, p, strlen(p)) < 0 ||
	    write(STDERR_FILENO, ": out of memory\n", 16) < 0)
		_exit(XOOM_EXIT);
	exit(XOOM_EXIT);
}

void *
xmalloc(size_t n)
{
	void *p;

	if ((p = malloc(n ? n : 1)) == NULL)
		xoom();
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p;

	if ((p = calloc(n ? n : 1, size ? size : 1)) == NULL)
		xoom();
	return p;
}

void *
xreallocarray(void *old, size_t n, size_t size)
{
	void *p;

	if (size && n > SIZE_MAX / size)
		xoom();
	if ((p = realloc(old, n * size > 0 ? n * size : 1)) == NULL)
		xoom();
	return p;
}

char *
xstrdup(const char *s)
{
	char *p;

	if ((p = strdup(s)) == NULL)
		xoom();
	return p;
}

char *
xstrndup(const char *s, size_t n)
{
	char *p;

	if ((p = strndup(s, n)) == NULL)
		xoom();
	return p;
}

char *
xvasprintf(const char *fmt, va_list ap)
{
	char *p;

	if (vasprintf(&p, fmt, ap) < 0)
		xoom();
	return p;
}

char *
xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	p = xvasprintf(fmt, ap);
	va_end(ap);
	return p;
}
