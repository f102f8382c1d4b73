#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "io.h"
#include "xalloc.h"

/*
 * Temporary files still to be removed if a signal arrives.  The signal
 * handler may only call async-signal-safe functions, so the names live
 * in fixed slots claimed with an atomic flag rather than in a list.
 */
#define IO_NSLOTS 256
#define IO_BUFSIZE (1 << 20)
static struct {
	atomic_int	state;		/* 0 free, 1 claimed, 2 in use */
	char		path[PATH_MAX];
} slots[IO_NSLOTS];
static volatile sig_atomic_t caught;

static void
io_onsignal(int sig)
{
	static const char msg[] = ": interrupted; partial output removed\n";
	const char *p = diag_progname();
	size_t i;

	for (i = 0; i < IO_NSLOTS; i++)
		if (atomic_load(&slots[i].state) == 2)
			unlink(slots[i].path);
	caught = sig;
	if (write(STDERR_FILENO, p, strlen(p)) < 0 ||
	    write(STDERR_FILENO, msg, sizeof(msg) - 1) < 0)
		sig = SIGKILL;
	signal(sig, SIG_DFL);
	raise(sig);
}

/* Install the handlers once, before any output is created. */
void
io_init(void)
{
	struct sigaction sa;
	int sigs[] = { SIGINT, SIGTERM, SIGHUP };
	size_t i;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = io_onsignal;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
		struct sigaction old;

		/* Respect an inherited "ignore" (nohup, background jobs). */
		if (sigaction(sigs[i], NULL, &old) == 0 &&
		    old.sa_handler == SIG_IGN)
			continue;
		sigaction(sigs[i], &sa, NULL);
	}
	signal(SIGPIPE, SIG_IGN);
}

int
io_interrupted(void)
{
	return caught != 0;
}

static int
slot_claim(const char *path)
{
	size_t i;
	int want;

	if (strlen(path) >= PATH_MAX)
		return -1;
	for (i = 0; i < IO_NSLOTS; i++) {
		want = 0;
		if (atomic_compare_exchange_strong(&slots[i].state, &want, 1)) {
			strcpy(slots[i].path, path);
			atomic_store(&slots[i].state, 2);
			return (int)i;
		}
	}
	return -1;
}

static void
slot_free(int i)
{
	if (i >= 0)
		atomic_store(&slots[i].state, 0);
}

/*
 * Open path for writing through a temporary file beside it.  "-" means
 * standard output, written directly.  Returns NULL after adding a system
 * error to d.
 */
FILE *
io_create(struct outfile *of, const char *path, struct diag *d)
{
	char *dir = NULL, *base = NULL, *copy1 = NULL, *copy2 = NULL;
	int fd;

	of->path = xstrdup(path);
	of->tmp = NULL;
	of->vbuf = NULL;
	of->slot = -1;
	if (strcmp(path, "-") == 0) {
		of->fp = stdout;
		return of->fp;
	}
	copy1 = xstrdup(path);
	copy2 = xstrdup(path);
	dir = dirname(copy1);
	base = basename(copy2);
	/* A name of NAME_MAX bytes must leave room for the dot and suffix. */
	of->tmp = xasprintf("%s/.%.200s.XXXXXX", dir, base);
	free(copy1);
	free(copy2);
	if ((fd = mkstemp(of->tmp)) == -1) {
		diag_syserr(d, "cannot create '%s': %s", path, strerror(errno));
		goto fail;
	}
	if ((of->slot = slot_claim(of->tmp)) == -1) {
		close(fd);
		unlink(of->tmp);
		diag_syserr(d, "cannot create '%s': too many open outputs",
		    path);
		goto fail;
	}
	/* mkstemp makes 0600; give the file the usual umask mode. */
	{
		mode_t um = umask(0);

		umask(um);
		fchmod(fd, 0666 & ~um);
	}
	if ((of->fp = fdopen(fd, "w")) == NULL) {
		diag_syserr(d, "cannot create '%s': %s", path, strerror(errno));
		close(fd);
		unlink(of->tmp);
		slot_free(of->slot);
		of->slot = -1;
		goto fail;
	}
	/*
	 * stdio's default buffer is the block size (4 KiB): a zip of 200 MB
	 * would cost 50,000 write calls.  1 MiB makes it 200.  glibc ignores
	 * the size unless it is given the buffer too.
	 */
	of->vbuf = xmalloc(IO_BUFSIZE);
	setvbuf(of->fp, of->vbuf, _IOFBF, IO_BUFSIZE);
	return of->fp;
fail:
	free(of->tmp);
	free(of->path);
	of->tmp = of->path = NULL;
	of->fp = NULL;
	return NULL;
}

static void
outfile_release(struct outfile *of)
{
	slot_free(of->slot);
	of->slot = -1;
	free(of->vbuf);
	of->vbuf = NULL;
	free(of->tmp);
	free(of->path);
	of->tmp = of->path = NULL;
	of->fp = NULL;
}

/* Flush, sync and rename into place.  Returns 0, or -1 after reporting. */
int
io_commit(struct outfile *of, struct diag *d)
{
	int rc = 0;

	if (of->fp == NULL)
		return -1;
	if (of->tmp == NULL) {
		if (fflush(of->fp) == EOF || ferror(of->fp)) {
			diag_syserr(d, "write error on '<stdout>': %s",
			    strerror(errno));
			/* Reported once: xfclose() need not say it again. */
			clearerr(of->fp);
			rc = -1;
		}
		outfile_release(of);
		return rc;
	}
	if (fflush(of->fp) == EOF || ferror(of->fp) ||
	    fsync(fileno(of->fp)) == -1) {
		diag_syserr(d, "write error on '%s': %s", of->path,
		    strerror(errno));
		rc = -1;
	}
	if (fclose(of->fp) == EOF && rc == 0) {
		diag_syserr(d, "write error on '%s': %s", of->path,
		    strerror(errno));
		rc = -1;
	}
	if (rc == 0 && rename(of->tmp, of->path) == -1) {
		diag_syserr(d, "cannot rename to '%s': %s", of->path,
		    strerror(errno));
		rc = -1;
	}
	if (rc == -1)
		unlink(of->tmp);
	outfile_release(of);
	return rc;
}

/* Drop the output: nothing is left behind.  Accepts a never-opened one. */
void
io_abort(struct outfile *of)
{
	if (of->fp != NULL && of->tmp != NULL) {
		fclose(of->fp);
		unlink(of->tmp);
	}
	outfile_release(of);
}

/*
 * Read a whole stream into b, at most max bytes (0: no limit).  Returns 0,
 * 1 when the limit was hit (b holds max bytes), or -1 after reporting.
 */
int
io_read_stream(FILE *fp, const char *name, struct buf *b, size_t max,
    struct diag *d)
{
	size_t n, want;

	for (;;) {
		want = 65536;
		if (max && b->len + want > max)
			want = max - b->len;
		if (want == 0) {
			int c = getc(fp);

			if (c == EOF)
				break;
			ungetc(c, fp);
			return 1;
		}
		buf_grow(b, want);
		n = fread(b->s + b->len, 1, want, fp);
		b->len += n;
		b->s[b->len] = '\0';
		if (n < want)
			break;
	}
	if (ferror(fp)) {
		diag_syserr(d, "cannot read '%s': %s", name, strerror(errno));
		return -1;
	}
	return 0;
}

int
io_read_file(const char *path, struct buf *b, size_t max, struct diag *d)
{
	FILE *fp;
	struct stat st;
	int rc;

	if (strcmp(path, "-") == 0)
		return io_read_stream(stdin, "<stdin>", b, max, d);
	if ((fp = fopen(path, "rb")) == NULL) {
		diag_syserr(d, "cannot open '%s': %s", path, strerror(errno));
		return -1;
	}
	if (fstat(fileno(fp), &st) == 0 && S_ISDIR(st.st_mode)) {
		diag_syserr(d, "cannot read '%s': %s", path, strerror(EISDIR));
		fclose(fp);
		return -1;
	}
	rc = io_read_stream(fp, path, b, max, d);
	fclose(fp);
	return rc;
}

/*
 * Close a stream, checking for earlier write errors.  Returns EXIT_OK or
 * EXIT_SYSTEM after printing a message in err(3) form.
 */
int
xfclose(FILE *fp, const char *name)
{
	int bad, e, saved = errno;

	/*
	 * A write that failed earlier (a full buffer flushed inside
	 * fprintf) set errno then; a final flush with nothing left to
	 * write does not set it again.
	 */
	errno = 0;
	bad = fflush(fp) == EOF;
	e = errno;
	if (!bad && ferror(fp)) {
		bad = 1;
		e = saved;
	}
	if (fclose(fp) == EOF && !bad) {
		bad = 1;
		e = errno;
	}
	if (!bad)
		return EXIT_OK;
	warnx_("write error on '%s': %s", name, strerror(e ? e : EIO));
	return EXIT_SYSTEM;
}

/* The file behind a name: "-" is the standard stream fd. */
static int
stat_named(const char *name, int fd, struct stat *st)
{
	return strcmp(name, "-") == 0 ? fstat(fd, st) : stat(name, st);
}

/* Whether the file st is one of the entries of the folder dir. */
static int
in_folder(const struct stat *st, const char *dir)
{
	struct stat e;
	struct dirent *de;
	DIR *dp;
	char *p;
	int found = 0;

	if ((dp = opendir(dir)) == NULL)
		return 0;
	while (!found && (de = readdir(dp)) != NULL) {
		p = xasprintf("%s/%s", dir, de->d_name);
		found = lstat(p, &e) == 0 && e.st_dev == st->st_dev &&
		    e.st_ino == st->st_ino;
		free(p);
	}
	closedir(dp);
	return found;
}

/*
 * Whether writing out ("-": standard output) would overwrite the input
 * in ("-": standard input), as 'vox-text f >>f' would, or a file in the
 * input folder in.  Only existing regular files count: /dev/null or a
 * terminal on both sides is fine.  Returns NULL, or a message the caller
 * owns.
 */
char *
io_clobbers(const char *out, const char *in)
{
	struct stat so, si;
	char *ro, *ri, *msg = NULL;
	size_t n;

	if (stat_named(out, STDOUT_FILENO, &so) == -1 ||
	    !S_ISREG(so.st_mode) || stat_named(in, STDIN_FILENO, &si) == -1)
		return NULL;
	if (S_ISDIR(si.st_mode) && strcmp(out, "-") == 0)
		return in_folder(&so, in) ? xasprintf("standard output is "
		    "in the input folder '%s'; refusing to overwrite it", in) :
		    NULL;
	if (S_ISDIR(si.st_mode)) {
		ro = realpath(out, NULL);
		ri = realpath(in, NULL);
		n = ri != NULL ? strlen(ri) : 0;
		if (ro != NULL && ri != NULL && strncmp(ro, ri, n) == 0 &&
		    (ro[n] == '/' || strcmp(ri, "/") == 0))
			msg = xasprintf("output '%s' is in the input folder "
			    "'%s'; refusing to overwrite it", out, in);
		free(ro);
		free(ri);
		return msg;
	}
	if (si.st_dev != so.st_dev || si.st_ino != so.st_ino)
		return NULL;
	if (strcmp(in, "-") == 0)
		in = "<stdin>";
	if (strcmp(out, "-") == 0)
		return xasprintf("standard output is the input '%s'; refusing "
		    "to overwrite it", in);
	return xasprintf("output '%s' is the input '%s'; refusing to "
	    "overwrite it", out, in);
}
