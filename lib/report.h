/*
 * Reports of findings: JSONL, JUnit XML, SARIF 2.1.0, and an HTML page
 * (html.c) of the findings and what the run saw.  A struct report copies
 * what it is given and writes the file atomically in report_close(),
 * which also frees it, and the view it made; a view given with
 * report_set_view() is borrowed.
 */
#ifndef VOX_REPORT_H
#define VOX_REPORT_H

#include <stdint.h>

#include "buf.h"
#include "diag.h"
#include "html.h"

enum report_format {
	REPORT_NONE,
	REPORT_JSONL,
	REPORT_JUNIT,
	REPORT_SARIF,
	REPORT_HTML
};

/* The formats, as report_format_parse() takes them, for messages. */
#define REPORT_FORMATS	"jsonl, junit, sarif or html"

struct report;

int		 report_format_parse(const char *, enum report_format *);
enum report_format report_format_guess(const char *);
struct report	*report_new(const char *, enum report_format, const char *,
		    const char *, enum severity);
void		 report_input(struct report *, const char *);
struct html_view *report_view(struct report *);
void		 report_set_view(struct report *, struct html_view *);
void		 report_protect(struct report *, const char *);
void		 report_add(struct report *, const struct finding *);
void		 report_sink(void *, const struct finding *);
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

/*
 * A dataset manifest: the body of the service's Datasets_Create request
 * (kind, locale, displayName, description) and our own facts about the
 * upload file, as schemas/manifest.schema.json describes.
 */
struct manifest {
	const char	*kind;		/* the REST spelling: "Acoustic" */
	const char	*locale;
	const char	*name;		/* displayName */
	const char	*description;
	const char	*file;		/* the upload's base name */
	uint64_t	 bytes;
	const char	*sha256;
	uint64_t	 entries;	/* zip members or text lines */
	int		 audio;		/* has the audio facts below */
	uint64_t	 audio_files;
	double		 audio_seconds;
	unsigned int	 shard;		/* 0 when not sharded */
	unsigned int	 shards;
	const char	*tool;
	const char	*profile;
	const char	*profile_version;
};

void		 report_manifest(struct buf *, const struct manifest *);

#endif
