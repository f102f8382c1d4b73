/*
 * Machine-readable reports of findings: JSONL, JUnit XML, SARIF 2.1.0.
 * A struct report copies what it is given and writes the file atomically
 * in report_close(), which also frees it.
 */
#ifndef VOX_REPORT_H
#define VOX_REPORT_H

#include "diag.h"

enum report_format {
	REPORT_NONE,
	REPORT_JSONL,
	REPORT_JUNIT,
	REPORT_SARIF
};

struct report;

int		 report_format_parse(const char *, enum report_format *);
enum report_format report_format_guess(const char *);
struct report	*report_new(const char *, enum report_format, const char *,
		    const char *, enum severity);
void		 report_input(struct report *, const char *);
void		 report_add(struct report *, const struct finding *);
int		 report_close(struct report *, struct diag *);

#endif
