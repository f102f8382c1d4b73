/*
 * A dataset as one sorted list of entries, whether it is a folder or a
 * zip archive, so every check reads both the same way; and which kind
 * of data a dataset or a text file holds.  A struct dataset
 * owns its entries and archive; dataset_close() releases them.
 */
#ifndef VOX_DATASET_H
#define VOX_DATASET_H

#include <stddef.h>
#include <stdint.h>

#include "archive.h"
#include "buf.h"
#include "diag.h"
#include "profile.h"

struct dataset_entry {
	char		*name;		/* relative, '/'-separated */
	uint64_t	 size;
	uint64_t	 csize;		/* compressed size, for zips */
	size_t		 index;		/* archive member, for zips */
	int		 dir;
	int		 symlink;
	int		 special;	/* not a regular file (fifo, device) */
	int		 unsized;	/* size not looked up: dataset_size() */
};

struct dataset {
	char			*path;
	uint64_t		 bytes;	/* size of the zip file */
	int			 zip;
	struct archive		*ar;
	struct dataset_entry	*v;	/* sorted by name (strcmp) */
	size_t			 n;
};
#define DATASET_INIT { NULL, 0, 0, NULL, NULL, 0 }

int	dataset_open(struct dataset *, const char *, struct diag *);
int	dataset_open_names(struct dataset *, const char *, struct diag *);
int	dataset_size(const struct dataset *, struct dataset_entry *,
	    struct diag *);
const struct dataset_entry *dataset_find(const struct dataset *, const char *);
int	dataset_read(struct dataset *, const struct dataset_entry *,
	    struct buf *, uint64_t, struct diag *);
int	dataset_has_suffix(const char *, const char *);
int	dataset_is_audio(const char *);
int	dataset_is_root_wav(const struct dataset_entry *);
int	dataset_is_root_text(const struct dataset_entry *);
int	dataset_is_zip(const char *);
unsigned int dataset_kind(const struct dataset *, size_t *, size_t *);
unsigned int dataset_text_kind(const char *, const struct buf *, int *);
int	dataset_unsafe_name(const char *, const char **);
int	dataset_bomb(const struct dataset_entry *, const struct profile *);
int	dataset_skip(const struct dataset *, const struct dataset_entry *,
	    const struct profile *);
void	dataset_check_case(const struct dataset *, struct diag *);
void	dataset_check_zip(const struct dataset *, const struct profile *,
	    struct diag *);
void	dataset_close(struct dataset *);

#endif
