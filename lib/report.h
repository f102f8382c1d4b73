/*
 * Machine-readable reports of findings: JSONL, JUnit XML, SARIF 2.1.0.
 * A struct report copies what it is given and writes the file atomically
 * in report_close(), which also frees it.
 */
#ifndef VOX_REPORT_H
#define VOX_REPORT_H

#include "buf.h"
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

/* One flat JSON object per line, for --format jsonl record output. */
enum jtype {
	J_NULL,
	J_STR,
	J_INT,
	J_NUM,
	J_BOOL
};

struct jfield {
	const char	*key;
	enum jtype	 type;
	const char	*s;		/* J_STR (NULL writes null) */
	long long	 i;		/* J_INT, J_BOOL */
	double		 d;		/* J_NUM (NaN or inf write null) */
};

void		 report_json_line(struct buf *, const struct jfield *, size_t);

#endif
