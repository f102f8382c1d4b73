/*
 * The libzip adapter: the only module that includes zip.h.  Reading is
 * safe by construction: members are read into memory, never extracted
 * by their names.  A struct archive owns its entries; entry pointers are
 * borrowed until archive_close().  archive_read() may be called from
 * several threads at once (the archive holds the lock libzip needs);
 * everything else is for one thread.
 */
#ifndef VOX_ARCHIVE_H
#define VOX_ARCHIVE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "buf.h"
#include "diag.h"
#include "hash.h"

struct archive_entry {
	char		*name;		/* as stored (raw bytes) */
	uint64_t	 size;		/* uncompressed */
	uint64_t	 csize;		/* compressed */
	unsigned int	 method;	/* 0 store, 8 deflate, ... */
	int		 encrypted;
	int		 symlink;
	int		 dir;		/* name ends in '/' */
	char		*local_name;	/* the local header's, if different */
};

struct archive;

struct archive	*archive_open(const char *, struct diag *);
struct archive	*archive_open_mem(const void *, size_t, const char *,
		    struct diag *);
size_t		 archive_count(const struct archive *);
const struct archive_entry *archive_entry(const struct archive *, size_t);
int		 archive_read(struct archive *, size_t, struct buf *, uint64_t,
		    struct diag *);
void		 archive_close(struct archive *);

/*
 * Writing: a reproducible zip on a stream the caller opened with
 * io_create() (so the caller commits or aborts it).  Members are written
 * in the order added, with a fixed time and fixed attributes.
 */
struct archive_writer;

struct archive_writer *archive_write_open(FILE *, const char *,
		    unsigned int, struct diag *);
int		 archive_write_file(struct archive_writer *, const char *,
		    const char *, int, struct diag *);
int		 archive_write_mem(struct archive_writer *, const char *,
		    const void *, size_t, int, struct diag *);
int		 archive_write_member(struct archive_writer *, const char *,
		    struct archive *, size_t, int, struct diag *);
int		 archive_write_close(struct archive_writer *, char [HASH_HEXLEN],
		    uint64_t *, struct diag *);
void		 archive_write_abort(struct archive_writer *);

#endif
