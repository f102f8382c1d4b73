/*
 * A minimal unit-test harness: TEST functions run by RUN(), each
 * printing "ok NAME" or "FAIL NAME"; CHECK lines say what failed.
 */
#ifndef VOX_UNIT_H
#define VOX_UNIT_H

#include <stdio.h>
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

#define RUN(t) do {							\
	unit_failed = 0;						\
	t();								\
	printf("%s %s\n", unit_failed ? "FAIL" : "ok", #t);		\
	unit_bad += unit_failed != 0;					\
} while (0)

#define UNIT_EXIT() (fflush(stdout), unit_bad ? 1 : 0)

#endif
