/*
 * A minimal unit-test harness: TEST functions run by RUN(), each
 * printing "ok NAME" or "FAIL NAME"; CHECK lines say what failed.
 */
#ifndef VOX_UNIT_H
#define VOX_UNIT_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int unit_failed;		/* checks failed in the current test */
static int unit_bad;		/* tests failed */

#define CHECK(c) do {							\
	if (!(c)) {							\
		printf("# %s:%d: check failed: %s\n", __FILE__,		\
		    __LINE__, #c);					\
		unit_failed++;						\
	}								\
} while (0)

#define CHECK_STR(a, b) do {						\
	const char *a_ = (a), *b_ = (b);				\
	if (a_ == NULL || b_ == NULL || strcmp(a_, b_) != 0) {		\
		printf("# %s:%d: '%s' != '%s'\n", __FILE__, __LINE__,	\
		    a_ ? a_ : "(null)", b_ ? b_ : "(null)");		\
		unit_failed++;						\
	}								\
} while (0)

/* Like CHECK, but a test that cannot go on returns: never a crash. */
#define REQUIRE(c) do {						\
	if (!(c)) {							\
		printf("# %s:%d: required, test stopped: %s\n",	\
		    __FILE__, __LINE__, #c);				\
		unit_failed++;						\
		return;							\
	}								\
} while (0)

/*
 * The vendor samples: $S as tests/run.sh sets it, else the project's
 * own copy beside the schemas (SRCDATADIR is the source tree's schemas).
 */
static inline const char *
unit_vendor(void)
{
	const char *s = getenv("S");

	if (s != NULL && *s != '\0')
		return s;
	return SRCDATADIR "/../tests/data/vendor";
}

#define RUN(t) do {							\
	unit_failed = 0;						\
	t();								\
	printf("%s %s\n", unit_failed ? "FAIL" : "ok", #t);		\
	unit_bad += unit_failed != 0;					\
} while (0)

#define UNIT_EXIT() (fflush(stdout), unit_bad ? 1 : 0)

#endif
