/*
 * The service's rules as data (schemas/azure-speech.xml).  A struct
 * profile owns everything in it; profile_free() releases it.  Pointers
 * returned by the queries are borrowed from the profile.
 */
#ifndef VOX_PROFILE_H
#define VOX_PROFILE_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"

/* Dataset kinds, as a bit set. */
enum kind {
	KIND_ACOUSTIC = 0x01,
	KIND_AUDIOFILES = 0x02,
	KIND_LANGUAGE = 0x04,
	KIND_LANGUAGEMARKDOWN = 0x08,
	KIND_PRONUNCIATION = 0x10,
	KIND_OUTPUTFORMATTING = 0x20
};
#define KIND_ALL 0x3f

enum tier {
	TIER_DEFAULT,
	TIER_FREE,
	TIER_STANDARD
};

struct tiered {
	uint64_t	def;
	uint64_t	free;
	uint64_t	standard;
};

struct bounds {
	uint64_t	warn;
	uint64_t	max;
};

struct locale {
	char		*tag;		/* "de-DE" */
	unsigned int	 kinds;		/* enum kind bits */
	int		 ascii;		/* transcripts ASCII only */
	int		 bom;		/* BOM required */
	int		 latin1;	/* related text <= U+00A1 */
	int		 fullwidth;	/* full-width punctuation wanted */
	char		*forbidden;	/* UTF-8 characters, or NULL */
	char		*spoken;	/* UTF-8 alphabet, or NULL */
	unsigned long	 sentence_chars; /* 0: no limit */
	unsigned long	 split_lines;	/* 0: no split */
};

/*
 * A locale's lexicon phones (MD-PHONES), uppercase; a label of several
 * blank-separated tokens ("AX R") is one phone written as a sequence.
 */
struct phoneset {
	char		*tag;		/* "en-US" */
	char		**labels;
	size_t		 n;
};

struct profile {
	char		*path;
	char		*name;
	char		*version;
	int		 stamped;	/* the build validated these bytes */
	unsigned int	 rates[8];
	size_t		 nrates;
	unsigned int	 bits;
	unsigned int	 channels;
	double		 train_clip;	/* seconds */
	double		 test_clip;
	double		 hours_used;
	double		 pad;
	uint64_t	 zip_bytes;
	uint64_t	 zip_entries;
	uint64_t	 zip_ratio;
	uint64_t	 zip_unpacked;
	struct tiered	 text_bytes;
	struct tiered	 pron_bytes;
	uint64_t	 md_bytes;
	uint64_t	 display_bytes;
	struct bounds	 md_lists;
	struct bounds	 md_items;
	uint64_t	 md_lexicon;
	uint64_t	 md_prons;
	uint64_t	 md_sentences;
	uint64_t	 display_itn;
	uint64_t	 display_rewrite;
	uint64_t	 display_profanity;
	unsigned long	 repeat_max;
	struct locale	*locales;	/* sorted by tag */
	size_t		 nlocales;
	struct phoneset	*phonesets;
	size_t		 nphonesets;
};

char		*profile_datadir(void);
char		*profile_datafile(const char *);
struct profile	*profile_load(const char *, struct diag *);
void		 profile_free(struct profile *);
const struct locale *profile_locale(const struct profile *, const char *);
const struct phoneset *profile_phones(const struct profile *,
		    const struct locale *);
size_t		 profile_suggest(const struct profile *, const char *,
		    const struct locale **, size_t);
uint64_t	 tier_value(const struct tiered *, enum tier);
int		 tier_parse(const char *, enum tier *);

int		 kind_parse(const char *, enum kind *);
const char	*kind_name(enum kind);
const char	*kind_restname(enum kind);

#endif
