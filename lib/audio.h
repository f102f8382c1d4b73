/*
 * The libsndfile adapter: the only module that includes sndfile.h.
 * A struct audio_in is an open decoder owned by its opener and released
 * by audio_close(); facts are copied into the caller's struct.
 */
#ifndef VOX_AUDIO_H
#define VOX_AUDIO_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"

/* What libsndfile says about an input. */
struct audio_fmt {
	char		container[12];	/* "WAV", "FLAC", "OGG", "MPEG", ... */
	char		codec[16];	/* "PCM_16", "PCM_U8", "FLOAT", ... */
	unsigned int	bits;		/* bits per sample, 0 if not PCM-like */
	int		pcm16;		/* signed 16-bit PCM */
	int		wav;		/* a RIFF WAVE container (not W64/RF64) */
	unsigned int	channels;
	unsigned int	rate;
	uint64_t	frames;		/* as declared; may be unknown (0) */
	int		seekable;
};

struct audio_in;

struct audio_in	*audio_open(const char *, struct audio_fmt *, struct diag *);
struct audio_in	*audio_open_mem(const void *, size_t, const struct loc *,
		    struct audio_fmt *, struct diag *);
size_t		 audio_read(struct audio_in *, float *, size_t);
size_t		 audio_read_short(struct audio_in *, short *, size_t);
int		 audio_failed(const struct audio_in *);
void		 audio_close(struct audio_in *);
void		 audio_wav_header(unsigned char [44], unsigned int,
		    unsigned int, unsigned int, uint32_t);

#endif
