/*
 * vox-audio's checks: the header audit of one audio file (our RIFF walk
 * plus libsndfile for everything else), the optional sample scan (read
 * here, measured by scan.c), the totals of a set, and the --stats
 * records.  A struct audit_file owns its findings; audit_file_release()
 * frees them.  The profile in struct audit_opts is borrowed.
 * audit_list_read() fills a buffer and an array of pointers into it:
 * the caller frees the array and releases the buffer.
 */
#ifndef VOX_AUDIT_H
#define VOX_AUDIT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "buf.h"
#include "diag.h"
#include "progress.h"
#include "profile.h"
#include "scan.h"

enum stats_format {
	STATS_TSV,
	STATS_JSONL
};

struct audit_opts {
	const struct profile	*prof;
	int			 testing;	/* -P testing */
	int			 scan;		/* read every sample */
	int			 pad_total;	/* AUDIO-PAD once per set */
	enum stats_format	 format;
};

/* Facts about one file; a value we could not learn stays at its INIT. */
struct audit_facts {
	int		opened;		/* the bytes could be read */
	char		container[12];	/* "WAV", "FLAC", ...; "" unknown */
	char		codec[16];	/* "PCM_16", "ALAW", ...; "" unknown */
	int		tag;		/* WAV format tag as written; -1 */
	unsigned int	channels;
	unsigned int	rate;
	unsigned int	bits;
	uint64_t	frames;
	int		have_frames;
	int64_t		header_bytes;	/* -1 unknown */
	int64_t		data_bytes;	/* sample bytes present; -1 */
	uint64_t	file_bytes;
	/* With --scan: what the scan measured, frames included. */
	int		scanned;
	struct scan_result scan;
};

struct audit_file {
	struct diag		d;
	struct audit_facts	f;
};

struct audit_set {
	size_t		files;		/* audited, with a known duration */
	size_t		over_train;	/* over the training limit */
	double		seconds;
	size_t		scanned;	/* scanned, with sound in them */
	size_t		short_pad;	/* of those, short of silence */
};
#define AUDIT_SET_INIT { 0, 0, 0.0, 0, 0 }

#define AUDIT_DC	0.01	/* DC offset worth a note */
#define AUDIT_HF_DB	(-40.0)	/* under this above 4 kHz: narrow band */

void	audit_file(const struct audit_opts *, const char *,
	    struct audit_file *);
void	audit_file_part(const struct audit_opts *, const char *,
	    struct progress_part *, struct audit_file *);
void	audit_mem(const struct audit_opts *, const char *, const char *,
	    const void *, size_t, struct audit_file *);
void	audit_file_release(struct audit_file *);
double	audit_seconds(const struct audit_facts *);
void	audit_set_add(struct audit_set *, const struct audit_opts *,
	    const struct audit_facts *);
void	audit_set_end(const struct audit_set *, const struct audit_opts *,
	    const char *, struct diag *);
int	audit_short_pad(const struct audit_opts *,
	    const struct audit_facts *);
size_t	audit_list_read(FILE *, int, struct buf *, char ***, struct diag *);
void	audit_stats_header(struct buf *, const struct audit_opts *);
void	audit_stats_record(struct buf *, const struct audit_opts *,
	    const char *, const struct audit_facts *);

#endif
