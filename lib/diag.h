/*
 * Diagnostics: the rule table, findings and where they go.
 * Ownership: a struct diag owns copies of every string given to diag_add();
 * rules[] and the strings of struct rule are static and borrowed.
 */
#ifndef VOX_DIAG_H
#define VOX_DIAG_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

#include "buf.h"

/* Severities, in increasing order; SEV_NONE means "nothing seen". */
enum severity {
	SEV_NONE = 0,
	SEV_NOTE,
	SEV_WARNING,
	SEV_ERROR
};

/* Exit statuses shared by every tool (DESIGN.md section 4). */
enum exitcode {
	EXIT_OK = 0,
	EXIT_FINDINGS = 1,
	EXIT_USAGE = 2,
	EXIT_SYSTEM = 3
};

/* What the service does with data that breaks a rule. */
enum consequence {
	CQ_REJECT,		/* the whole upload fails */
	CQ_DROP,		/* the line or utterance is dropped */
	CQ_IGN_AUDIO,		/* audio ignored, transcript used as text */
	CQ_TRAIN_FAIL,		/* import works, training fails */
	CQ_IGNORED,		/* data silently not used */
	CQ_REC,			/* documented advice only */
	CQ_UNDOC		/* undocumented; our defensive choice */
};

/* Rule flags. */
#define RULE_ADVICE	0x1	/* no local check can decide it: docs only */
/*
 * Report only when normalizing: a tool that writes the data repaired
 * (vox-text, vox-pron without --check) gives findings of this rule to
 * the sink only (the report), not to stderr, and does not count them.
 * Which severities depends on the tool (diag_out.report_only): vox-text
 * all of them; vox-pron notes only, as it tells its fixes as notes and
 * the lines it drops as errors under the same rules (PRON-FORMAT).
 */
#define RULE_REPORT_ONLY 0x2

struct rule {
	const char		*id;		/* "AUDIO-RATE" */
	enum severity		 sev;		/* default severity */
	enum consequence	 cq;
	unsigned int		 flags;
	const char		*summary;	/* what is checked */
	const char		*conseq;	/* what the service does */
};

extern const struct rule rules[];	/* sorted by id (strcmp) */
extern const size_t nrules;

const struct rule	*rule_find(const char *);
const char		*sev_name(enum severity);
int			 sev_parse(const char *, enum severity *);
const char		*cq_name(enum consequence);

/*
 * One finding.  A finding without a rule is a system error (cannot
 * open, read error, library failure) and is printed in err(3) form.
 */
struct finding {
	char			*file;		/* NULL: no file */
	char			*member;	/* zip member, or NULL */
	unsigned long		 line;		/* 0: none */
	unsigned long		 col;		/* 0: none */
	const struct rule	*rule;		/* NULL: system error */
	enum severity		 sev;
	char			*msg;
};

/*
 * At most DIAG_CAP findings of one rule and severity are kept per file
 * (and zip member); the rest are counted, and flushed as one note.
 */
#define DIAG_CAP	100
struct diag_caps;

/* A list of findings, filled by library code, flushed by the tool. */
struct diag {
	struct finding		*v;
	size_t			 n;
	size_t			 cap;
	struct diag_caps	*caps;	/* per rule and file; lazily made */
};
#define DIAG_INIT { NULL, 0, 0, NULL }

/* Where a finding is: file, zip member, line and column (0 = none). */
struct loc {
	const char	*file;
	const char	*member;
	unsigned long	 line;
	unsigned long	 col;
};

void	diag_add(struct diag *, const struct loc *, const char *,
	    const char *, ...) __attribute__((format(printf, 4, 5)));
void	diag_addsev(struct diag *, const struct loc *, const char *,
	    enum severity, const char *, ...)
	    __attribute__((format(printf, 5, 6)));
void	diag_vadd(struct diag *, const struct loc *, const char *,
	    enum severity, const char *, va_list);
void	diag_at(struct diag *, const struct loc *, unsigned long,
	    unsigned long, const char *, enum severity, const char *, ...)
	    __attribute__((format(printf, 7, 8)));
void	diag_vat(struct diag *, const struct loc *, unsigned long,
	    unsigned long, const char *, enum severity, const char *,
	    va_list);
void	diag_syserr(struct diag *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
enum severity diag_worst(const struct diag *);
int	diag_has(const struct diag *, const char *);
size_t	diag_held(const struct diag *, enum severity);
void	diag_move(struct diag *, struct diag *);
void	diag_clear(struct diag *);
void	diag_release(struct diag *);

/*
 * The output: prints findings on a stream in GCC form, counts them,
 * keeps the worst level and hands each one it shows or counts, system
 * errors too, to the sink when there is one (run_begin() sets it to
 * the report's, report_sink()).  Findings of RULE_REPORT_ONLY rules up
 * to severity report_only go to the sink only; SEV_NONE: none do.
 */
struct diag_out {
	FILE		*fp;		/* stderr */
	int		 quiet;		/* print errors and system errors only */
	enum severity	 failon;	/* SEV_ERROR or SEV_WARNING */
	enum severity	 worst;
	int		 syserr;	/* a system error was seen */
	size_t		 count[4];	/* per severity */
	/* The sink, or NULL, is called with sink_ctx and each finding. */
	void		(*sink)(void *, const struct finding *);
	void		*sink_ctx;
	enum severity	 report_only;	/* see above */
	struct diag_caps *caps;		/* what was shown, across flushes */
	struct buf	 lines;		/* a flush's text, kept for the next */
};
#define DIAG_OUT_INIT { NULL, 0, SEV_ERROR, SEV_NONE, 0, { 0, 0, 0, 0 }, \
	NULL, NULL, SEV_NONE, NULL, BUF_INIT }

char	*diag_tidy(char *);
void	diag_print(FILE *, const struct finding *);
void	diag_flush(struct diag_out *, struct diag *);
void	diag_show(struct diag_out *, const struct diag *);
void	diag_flush_held(struct diag_out *);
int	diag_status(const struct diag_out *);
void	diag_out_release(struct diag_out *);

void		 warnx_(const char *, ...) __attribute__((format(printf, 1, 2)));

#endif
