/*
 * HTML reports: a view of what a run saw (a record per file, the
 * characters and words of its text, the scores of models), which lint,
 * prepare and wer fill as they go, and the one self-contained page that
 * html_write() makes of it and the run's findings.  A struct html_view
 * owns copies of everything it is given; html_view_free() frees it.
 * A struct html_count, made by html_count() without a view (in a
 * worker), belongs to the caller: html_count_free() frees it.
 * The profile and locale given to html_context() are borrowed and must
 * outlive the view; so must the findings of struct html_run.
 */
#ifndef VOX_HTML_H
#define VOX_HTML_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "diag.h"
#include "profile.h"

struct html_view;
struct html_count;		/* a text's characters and words */

/* What the audit learnt of one audio file (lint.c fills it). */
struct html_audio {
	double		secs;		/* < 0: unknown */
	int		scanned;	/* the rest is known */
	double		rms_db;		/* dBFS; -inf for digital silence */
	double		peak_db;
	double		lead_s;		/* silence before the first sound */
	double		trail_s;
	uint64_t	clipped;	/* samples at full scale */
	int		silent;
};

/* The totals of one model over a testing set (vox-wer). */
struct html_score {
	size_t	words;		/* reference tokens */
	size_t	corr;
	size_t	sub;
	size_t	del;
	size_t	ins;
	size_t	utts;
	size_t	err_utts;
	size_t	missing;
	size_t	extra;
};

/* The run the page is about. */
struct html_run {
	const char		*tool;
	const char		*version;
	enum severity		 failon;
	char *const		*inputs;	/* as given */
	size_t			 ninputs;
	const struct finding	*v;		/* every finding, in order */
	size_t			 n;
};

struct html_view *html_view_new(void);
void	html_view_free(struct html_view *);
void	html_context(struct html_view *, const struct profile *,
	    const struct locale *, int);
void	html_threads(struct html_view *, unsigned int);
void	html_dataset(struct html_view *, const char *);
void	html_dataset_end(struct html_view *, unsigned int, int, size_t,
	    double, size_t);
void	html_add_audio(struct html_view *, const char *, const char *,
	    const char *, const struct html_audio *);
void	html_add_transcript(struct html_view *, const char *, const char *,
	    const char *, size_t);
struct html_count *html_count(const char *, size_t, int);
void	html_count_free(struct html_count *);
void	html_add_counted(struct html_view *, const char *, const char *,
	    const struct html_count *);
void	html_add_line(struct html_view *, const char *, unsigned long,
	    size_t, size_t);
void	html_add_text(struct html_view *, const char *, const char *,
	    size_t);
void	html_wer_system(struct html_view *, const char *, const char *,
	    const struct html_score *);
void	html_wer_utt(struct html_view *, const char *, const char *,
	    const char *, const struct html_score *);
void	html_wer_confusion(struct html_view *, const char *, const char *,
	    size_t);
void	html_rename(struct html_view *,
	    void (*)(void *, char **, unsigned long *), void *);
int	html_write(const struct html_view *, const struct html_run *,
	    struct buf *);

#endif
