/*
 * Word (and character) error rates: the service's text normalization,
 * tokens, scoring of a hypothesis set against a reference set, Kaldi's
 * summary lines and a sign test between two systems; after wer_ter(),
 * token error rates of display text, each error in one of the service's
 * categories.  A struct wer holds a locale's ICU objects (lib/text.c)
 * and the token vocabulary; it is not thread-safe.  Strings it lends
 * (wer_word()) live until wer_close().
 * A struct wer_result owns its array; wer_result_release() frees it.
 */
#ifndef VOX_WER_H
#define VOX_WER_H

#include <stddef.h>
#include <stdint.h>

#include "align.h"
#include "buf.h"
#include "diag.h"
#include "html.h"
#include "hyp.h"

/* Rules proposed for vox-wer (lib/rules.c). */
#define WER_R_MISSING	"WER-MISSING"	/* reference without hypothesis */
#define WER_R_EXTRA	"WER-EXTRA"	/* hypothesis without reference */
#define WER_R_MAX	"WER-MAX"	/* error rate over --max-wer */

enum wer_unit {
	WER_UNIT_WORD,		/* blank-separated words */
	WER_UNIT_CHAR,		/* every character but blanks (sclite -c) */
	WER_UNIT_MIXED		/* Han, kana, Hangul one by one, other
				   words whole (sclite -c NOASCII) */
};

struct wer_opts {
	const char	*locale;	/* "en-US" */
	enum wer_unit	 unit;
	int		 normalize;	/* the service's rules, both sides */
	int		 spell;		/* numbers to words, reference only */
	int		 alternates;	/* "{ a / b / @ }" in the reference */
};

/* The categories of a token error (the service's tokenErrors). */
enum wer_edit {
	WER_E_PUNCT,		/* punctuation */
	WER_E_CAP,		/* capitalization */
	WER_E_ITN,		/* inverse text normalization */
	WER_E_LEX,		/* lexical: another word */
	WER_E_OTHER,		/* the rest: spacing, symbols */
	WER_E_N			/* how many; also "no error" */
};

/* A token list: ids of align.h, words interned by a struct wer. */
struct wer_toks {
	uint32_t	*v;
	size_t		 n;
	size_t		 cap;
};
#define WER_TOKS_INIT { NULL, 0, 0 }

/* Totals of one system over a test set. */
struct wer_sum {
	size_t	utts;		/* utterances scored */
	size_t	err_utts;	/* utterances with an error */
	size_t	corr;
	size_t	sub;
	size_t	del;
	size_t	ins;
	size_t	missing;	/* references without a hypothesis */
	size_t	extra;		/* hypotheses without a reference */
	int	ter;		/* token errors of display text */
	size_t	edit[WER_E_N];	/* with ter: errors by category */
};

/* One reference utterance as scored. */
struct wer_utt {
	size_t			 ref;	/* index in the reference set */
	size_t			 hyp;	/* in the hypothesis set, or HYP_NONE */
	struct align_counts	 c;
	size_t			 edit[WER_E_N];	/* with ter */
};

struct wer_result {
	struct wer_utt	*v;	/* in reference order */
	size_t		 n;
	struct wer_sum	 sum;
};
#define WER_RESULT_INIT { NULL, 0, { 0, 0, 0, 0, 0, 0, 0, 0, 0, \
	{ 0, 0, 0, 0, 0 } } }

/* What wer_score() writes about each utterance into its buffer. */
enum wer_show {
	WER_SHOW_NONE,
	WER_SHOW_ALIGN,		/* sclite's pra: REF/HYP lines, counts */
	WER_SHOW_JSONL,		/* one JSON record an utterance */
	WER_SHOW_NORM		/* both sides as scored */
};

/* What wer_run() does (vox-wer's options). */
struct wer_run_opts {
	struct wer_opts		 w;
	enum align_costs	 costs;
	enum hyp_field		 field;
	enum wer_show		 show;		/* NONE, ALIGN or NORM */
	int			 ter;		/* token error rate */
	int			 jsonl;		/* records, not text */
	size_t			 confusions;	/* the N most frequent */
	double			 max;		/* --max-wer, or < 0 */
	struct html_view	*view;		/* an HTML report's, or NULL */
};

/* Matched-pairs sign test of system A against system B. */
struct wer_cmp {
	size_t	a_better;	/* utterances where A has fewer errors */
	size_t	b_better;
	size_t	same;
	double	p;		/* two-sided exact binomial p-value */
	int	winner;		/* 0 cannot tell at 95%, 1 A, 2 B */
};

struct wer	*wer_open(const struct wer_opts *, struct diag *);
void		 wer_close(struct wer *);
int		 wer_ter(struct wer *, enum align_costs, struct diag *);
int		 wer_tokens(struct wer *, const char *, size_t, int,
		    struct wer_toks *);
int		 wer_normalize(struct wer *, const char *, size_t, int,
		    struct buf *);
const char	*wer_word(const struct wer *, uint32_t);
void		 wer_toks_release(struct wer_toks *);
int		 wer_unit_parse(const char *, enum wer_unit *);
enum wer_unit	 wer_unit_default(const char *);

int		 wer_score(struct wer *, struct align *, const struct hyp_set *,
		    const struct hyp_set *, enum wer_show, struct buf *,
		    struct wer_result *, struct diag *);
void		 wer_result_release(struct wer_result *);
void		 wer_sum_add(struct wer_sum *, const struct align_counts *);
size_t		 wer_words(const struct wer_sum *);
size_t		 wer_errors(const struct wer_sum *);
double		 wer_rate(const struct wer_sum *);
void		 wer_kaldi(const struct wer_sum *, enum wer_unit, struct buf *);
void		 wer_kaldi_named(const struct wer_sum *, enum wer_unit,
		    const char *, struct buf *);
void		 wer_render_align(const struct wer *, const struct align_op *,
		    size_t, const struct wer_toks *, const struct wer_toks *,
		    const unsigned char *, struct buf *);
void		 wer_classify(struct wer *, const struct align_op *, size_t,
		    const struct wer_toks *, const struct wer_toks *,
		    unsigned char *, size_t *);
const char	*wer_edit_name(enum wer_edit);
int		 wer_compare(const struct wer_result *,
		    const struct wer_result *, struct wer_cmp *);
double		 wer_sign_p(size_t, size_t);
int		 wer_check_max(const struct wer_sum *, double, enum wer_unit,
		    const char *, struct diag *);
void		 wer_confusions_start(struct wer *);
void		 wer_confusions(struct wer *, size_t, struct buf *);
int		 wer_load_ref(const char *, struct hyp_set *, struct diag *);
int		 wer_load_hyp(const char *, enum hyp_field, struct hyp_set *,
		    struct diag *);
int		 wer_run(const struct wer_run_opts *, const char *,
		    char *const *, size_t, struct buf *, struct diag *);

#endif
