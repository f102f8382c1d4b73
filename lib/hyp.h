/*
 * Readers of references and recognition output for scoring, from memory:
 * a voxprep transcript (name TAB text), a Kaldi text file (uttid words),
 * sclite's trn (words (id)) and the service's batch-transcription result
 * JSON (one file, one utterance).  Lines that cannot be read are
 * findings with their place; the rest is read.  A struct hyp_set owns
 * every string in it; hyp_set_release() frees them.
 */
#ifndef VOX_HYP_H
#define VOX_HYP_H

#include <stddef.h>

#include "diag.h"

/* Rules proposed for vox-wer (lib/rules.c). */
#define HYP_R_READ	"WER-READ"	/* a line or file cannot be read */
#define HYP_R_DUP	"WER-DUP"	/* an utterance twice in one input */

enum hyp_format {
	HYP_AUTO,		/* hyp_detect() decides */
	HYP_TRANS,		/* name<TAB>text */
	HYP_KALDI,		/* uttid words */
	HYP_TRN,		/* words (id) */
	HYP_JSON		/* batch transcription result */
};

/* Which text of combinedRecognizedPhrases[0] a JSON result gives. */
enum hyp_field {
	HYP_LEXICAL,
	HYP_ITN,
	HYP_MASKED_ITN,
	HYP_DISPLAY
};

#define HYP_NONE	((size_t)-1)

/* One utterance. */
struct hyp_utt {
	char		*name;	/* as written: "a1.wav", "a1", "spk-a1" */
	char		*key;	/* for pairing: name without ".wav" */
	char		*text;	/* as written, valid UTF-8 */
	char		*file;	/* the file it came from */
	unsigned long	 line;	/* 0 for JSON */
};

struct hyp_set {
	struct hyp_utt	*v;
	size_t		 n;
	size_t		 cap;
	size_t		*idx;	/* by key, after hyp_index() */
};
#define HYP_SET_INIT { NULL, 0, 0, NULL }

enum hyp_format	 hyp_detect(const char *, size_t);
int		 hyp_read(struct hyp_set *, const char *, size_t, const char *,
		    enum hyp_format, enum hyp_field, struct diag *);
void		 hyp_index(struct hyp_set *, struct diag *);
size_t		 hyp_find(const struct hyp_set *, const char *);
void		 hyp_set_release(struct hyp_set *);
int		 hyp_format_parse(const char *, enum hyp_format *);
const char	*hyp_format_name(enum hyp_format);
int		 hyp_field_parse(const char *, enum hyp_field *);
char		*hyp_key(const char *);

#endif
