/*
 * Atomic output and checked I/O.  An outfile writes to a temporary file
 * in the target's folder and renames it into place on io_commit(); on
 * io_abort(), on error, and on SIGINT, SIGTERM or SIGHUP the temporary
 * file is removed (a signal ignored at start stays ignored, io_catch()).
 * io_commit_set() commits several outputs as one: all of them, or none.
 * A struct outfile owns its paths and stream.
 */
#ifndef VOX_IO_H
#define VOX_IO_H

#include <signal.h>
#include <stdio.h>

#include "buf.h"
#include "diag.h"

struct outfile {
	char	*path;		/* final name */
	char	*tmp;		/* temporary name, NULL when written direct */
	FILE	*fp;
	char	*vbuf;		/* the stream's buffer, freed after fclose */
	int	 slot;		/* cleanup slot, -1 when none */
	int	 device;	/* a device or FIFO opened in place */
};
#define OUTFILE_INIT { NULL, NULL, NULL, NULL, -1, 0 }

void	 io_init(void);
int	 io_catch(int, void (*)(int), struct sigaction *);
FILE	*io_create(struct outfile *, const char *, struct diag *);
int	 io_commit(struct outfile *, struct diag *);
int	 io_commit_set(struct outfile *, size_t, struct diag *);
void	 io_abort(struct outfile *);
int	 io_interrupted(void);

int	 io_read_file(const char *, struct buf *, size_t, struct diag *);
int	 io_read_stream(FILE *, const char *, struct buf *, size_t,
	    struct diag *);
int	 xfclose(FILE *, const char *);
char	*io_clobbers(const char *, const char *);
char	*io_clobbers_any(const char *, char *const *, size_t);
int	 io_check_outputs(char *const *, int, const char *);

/* Folders built whole and renamed into place. */
char	*io_workdir(const char *, const char *, struct diag *);
int	 io_publish(const char *, const char *, struct diag *);
void	 io_rm_tree(const char *);
int	 io_foreign(const char *, int (*)(const char *), const char *,
	    struct diag *);
char	*io_abs_path(const char *);

#endif
