/*
 * Caption and label files as cues (times and text): SubRip, WebVTT,
 * Praat TextGrid, ELAN, Audacity label tracks and Kaldi data folders.
 * Parsers read memory (buf, len, name) and report SEG-* findings with
 * the label file's line and column.  Ownership: a struct cues owns its
 * array and every string in it, released by cues_release(); the text
 * handed to cap_clean() is borrowed, *speaker it sets belongs to the
 * caller.
 */
#ifndef VOX_CAPTIONS_H
#define VOX_CAPTIONS_H

#include <stddef.h>

#include "buf.h"
#include "diag.h"

/* Bigger than any caption file; a TextGrid of a day of phones fits. */
#define CAP_READ_MAX	(256UL << 20)

/*
 * Cues that overlap by at most this many seconds are timing noise
 * (captions are late or early by up to ~0.3 s), not a SEG-OVERLAP.
 */
#define CAP_SLACK	0.3

enum cap_format {
	CAP_SRT,
	CAP_VTT,
	CAP_TEXTGRID,
	CAP_ELAN,
	CAP_AUDACITY,
	CAP_KALDI,
	CAP_NFORMATS
};

struct cue {
	double		 start;		/* seconds, >= 0 */
	double		 end;		/* seconds, > start */
	char		*text;		/* as written, lines joined by '\n' */
	char		*speaker;	/* WebVTT <v>, tier, utt2spk; or NULL */
	unsigned long	 line;		/* of the cue in cues.name */
	unsigned long	 overlap;	/* line of an earlier cue it overlaps */
};

/*
 * The cues of one recording in order of start time.  Each has text that
 * is not blank, and ends after it starts; cue.overlap is set (and a
 * SEG-OVERLAP warning given) when a cue starts more than CAP_SLACK
 * before an earlier one ends: vox-segment skips both.
 */
struct cues {
	struct cue	*v;
	size_t		 n;
	size_t		 cap;
	enum cap_format	 fmt;
	char		*name;		/* the file that cue.line refers to */
	char		*tier;		/* tiers or recording read, or NULL */
};
#define CUES_INIT { NULL, 0, 0, CAP_SRT, NULL, NULL }

/* The files of a Kaldi data folder, in memory; buf NULL: missing. */
enum cap_kaldi_file {
	CK_WAVSCP,
	CK_SEGMENTS,
	CK_TEXT,
	CK_UTT2SPK,
	CK_NFILES
};
struct cap_kaldi {
	const char	*dir;		/* for the names in findings */
	const char	*buf[CK_NFILES];
	size_t		 len[CK_NFILES];
};

/* What cap_clean() saw in a cue's text. */
#define CAP_SOUND	0x1	/* only sound descriptions: skip the cue */
#define CAP_TURN	0x2	/* a speaker mark opens it: a new speaker */
#define CAP_TURNS	0x4	/* a mark inside: it ends with another one */

const char	*cap_format_name(enum cap_format);
int		 cap_format_parse(const char *);
int		 cap_detect(const char *, size_t, const char *);
int		 cap_parse(const char *, size_t, const char *, enum cap_format,
		    const char *, struct cues *, struct diag *);
int		 cap_parse_kaldi(const struct cap_kaldi *, const char *,
		    struct cues *, struct diag *);
int		 cap_parse_kaldi_dir(const char *, const char *,
		    struct cues *, struct diag *);
int		 cap_read(const char *, int, const char *, const char *,
		    struct cues *, struct diag *);
void		 cues_release(struct cues *);
unsigned int	 cap_clean(const char *, struct buf *, char **);

#endif
