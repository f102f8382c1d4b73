#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <libgen.h>
#include <limits.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"
#include "io.h"
#include "progname.h"
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
/*
 * While io_commit_set() renames a set into place, a signal only sets
 * deferred: the set is then finished (or rolled back) before the
 * process dies, and the message says which.
 */
static volatile sig_atomic_t committing, deferred;
/*
 * Outputs being created: between mkstemp() and the claim of its slot, a
 * file exists that the handler does not know.  A signal then is only
 * deferred too, and the thread that creates dies once the file is known.
 */
static atomic_int creating;

/* Remove the temporary files, say what was kept, and die by sig. */
static void
io_die(int sig, const char *msg)
{
	const char *p = progname_get();
	size_t i;

	for (i = 0; i < IO_NSLOTS; i++)
		if (atomic_load(&slots[i].state) == 2)
			unlink(slots[i].path);
	caught = sig;
	if (write(STDERR_FILENO, p, strlen(p)) < 0 ||
	    write(STDERR_FILENO, msg, strlen(msg)) < 0)
		sig = SIGKILL;
	signal(sig, SIG_DFL);
	raise(sig);
}

static void
io_onsignal(int sig)
{
	if (committing || atomic_load(&creating) > 0) {
		deferred = sig;
		return;
	}
	io_die(sig, ": interrupted; partial output removed\n");
}

/* A temporary file is made and known (or was not made): see creating. */
static void
created(void)
{
	int sig;

	if (atomic_fetch_sub(&creating, 1) == 1 && !committing &&
	    (sig = deferred) != 0)
		io_die(sig, ": interrupted; partial output removed\n");
}

/*
 * Catch sig with fn, unless it was inherited as ignored: nohup ignores
 * SIGHUP, and a shell starts a background job of a script with SIGINT
 * ignored so that a ^C stops only the job in the foreground; a program
 * keeps such an "ignore", as the convention is.  *old gets the action
 * to restore.  Returns 0, or -1 when sig stays ignored.
 */
int
io_catch(int sig, void (*fn)(int), struct sigaction *old)
{
	struct sigaction sa;

	if (sigaction(sig, NULL, old) == 0 && old->sa_handler == SIG_IGN)
		return -1;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = fn;
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
	return 0;
}

/* Install the handlers once, before any output is created. */
void
io_init(void)
{
	struct sigaction old;

	io_catch(SIGINT, io_onsignal, &old);
	io_catch(SIGTERM, io_onsignal, &old);
	io_catch(SIGHUP, io_onsignal, &old);
	signal(SIGPIPE, SIG_IGN);
#ifdef M_TRIM_THRESHOLD
	/*
	 * Keep freed memory for reuse rather than give it back at once:
	 * a worker that frees its read buffer after each file otherwise
	 * shrinks the heap each time, and the kernel then interrupts every
	 * other core to flush its TLB (8 of 70 ms of vox-audio --scan -j 2
	 * on 2,000 files).  What is kept is what the run already used.
	 */
	mallopt(M_TRIM_THRESHOLD, 64 << 20);
	mallopt(M_MMAP_THRESHOLD, 4 << 20);
#endif
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
 * The process's umask, read once: reading it means setting it, and a
 * second thread creating a file in between (vox-pack writes on one
 * while it lints) would get a mode of 0666.
 */
static pthread_once_t umask_once = PTHREAD_ONCE_INIT;
static mode_t umask_now;

static void
umask_read(void)
{
	umask_now = umask(0);
	umask(umask_now);
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
	struct stat st;
	int fd;

	of->path = xstrdup(path);
	of->tmp = NULL;
	of->vbuf = NULL;
	of->slot = -1;
	of->device = 0;
	if (strcmp(path, "-") == 0) {
		of->fp = stdout;
		return of->fp;
	}
	/*
	 * A device or a FIFO (-o /dev/null, a named pipe) is written in
	 * place: a temporary file renamed over it would replace the device
	 * with a regular file, /dev/null for every program when run as root.
	 */
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode) &&
	    !S_ISDIR(st.st_mode)) {
		if ((of->fp = fopen(path, "w")) == NULL) {
			diag_syserr(d, "cannot create '%s': %s", path,
			    strerror(errno));
			free(of->path);
			of->path = NULL;
			return NULL;
		}
		of->device = 1;
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
	atomic_fetch_add(&creating, 1);
	if ((fd = mkstemp(of->tmp)) == -1) {
		created();
		diag_syserr(d, "cannot create '%s': %s", path, strerror(errno));
		goto fail;
	}
	if ((of->slot = slot_claim(of->tmp)) == -1) {
		close(fd);
		unlink(of->tmp);
		created();
		diag_syserr(d, "cannot create '%s': too many open outputs",
		    path);
		goto fail;
	}
	created();
	/* mkstemp makes 0600; give the file the usual umask mode. */
	pthread_once(&umask_once, umask_read);
	fchmod(fd, 0666 & ~umask_now);
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

/*
 * Complete of's temporary file: flush and close it, synced first when
 * it is to replace a file (standard output is only flushed, a device
 * flushed and closed).  The sync is what keeps a crash from leaving an
 * old file replaced by a new one whose blocks never reached the disk.
 * A new name is not synced, as cp, tar and zip do not: a crash can then
 * lose only what this run made, and the disk is not waited for (200 MB
 * took 0.11-0.24 s here, more than the rest of vox-pack).  Returns 0,
 * or -1 after reporting; the stream is closed either way.
 */
static int
outfile_finish(struct outfile *of, struct diag *d)
{
	struct stat st;
	int rc = 0;

	if (of->fp == NULL)
		return -1;
	if (of->tmp == NULL) {
		if (fflush(of->fp) == EOF || ferror(of->fp)) {
			diag_syserr(d, "write error on '%s': %s",
			    of->device ? of->path : "<stdout>",
			    strerror(errno));
			/* Reported once: xfclose() need not say it again. */
			clearerr(of->fp);
			rc = -1;
		}
		if (of->device && fclose(of->fp) == EOF && rc == 0) {
			diag_syserr(d, "write error on '%s': %s", of->path,
			    strerror(errno));
			rc = -1;
		}
		of->fp = NULL;
		return rc;
	}
	if (fflush(of->fp) == EOF || ferror(of->fp) ||
	    (lstat(of->path, &st) == 0 && fsync(fileno(of->fp)) == -1)) {
		diag_syserr(d, "write error on '%s': %s", of->path,
		    strerror(errno));
		rc = -1;
	}
	if (fclose(of->fp) == EOF && rc == 0) {
		diag_syserr(d, "write error on '%s': %s", of->path,
		    strerror(errno));
		rc = -1;
	}
	of->fp = NULL;
	return rc;
}

/* Flush, sync and rename into place.  Returns 0, or -1 after reporting. */
int
io_commit(struct outfile *of, struct diag *d)
{
	int rc;

	if (of->fp == NULL)
		return -1;
	rc = outfile_finish(of, d);
	if (rc == 0 && of->tmp != NULL && rename(of->tmp, of->path) == -1) {
		diag_syserr(d, "cannot rename to '%s': %s", of->path,
		    strerror(errno));
		rc = -1;
	}
	if (rc == -1 && of->tmp != NULL)
		unlink(of->tmp);
	outfile_release(of);
	return rc;
}

/*
 * Keep the file at of's target under a second name (*old) until the
 * set is committed: a second link, or the file moved aside where links
 * are not supported.  No target: *old stays NULL.  Returns 0, or -1
 * after reporting.
 */
static int
keep_old(const struct outfile *of, char **old, struct diag *d)
{
	struct stat st;

	*old = NULL;
	if (of->tmp == NULL)
		return 0;
	if (lstat(of->path, &st) == -1) {
		if (errno == ENOENT)
			return 0;
		diag_syserr(d, "cannot replace '%s': %s", of->path,
		    strerror(errno));
		return -1;
	}
	if (S_ISDIR(st.st_mode)) {
		diag_syserr(d, "cannot replace '%s': %s", of->path,
		    strerror(EISDIR));
		return -1;
	}
	*old = xasprintf("%s.old", of->tmp);
	if (link(of->path, *old) == 0 ||
	    (errno != EEXIST && rename(of->path, *old) == 0))
		return 0;
	diag_syserr(d, "cannot replace '%s': %s", of->path, strerror(errno));
	free(*old);
	*old = NULL;
	return -1;
}

/*
 * Commit n outputs as one.  Every temporary file is completed first;
 * then every target is checked (a folder cannot be replaced) and kept
 * under a second name; then each is renamed into place.  When anything
 * fails, every target is left as it was: the files renamed so far are
 * put back.  A signal meanwhile waits until the set is whole or rolled
 * back, then the process dies by it, saying which.  Releases every
 * outfile.  Returns 0, or -1 after reporting.
 */
int
io_commit_set(struct outfile *v, size_t n, struct diag *d)
{
	char **old;
	size_t i, done;
	int rc = 0, sig;

	for (i = 0; i < n; i++) {
		if (rc == 0)
			rc = outfile_finish(&v[i], d);
		else if (v[i].fp != NULL && (v[i].tmp != NULL ||
		    v[i].device))
			fclose(v[i].fp);
		v[i].fp = NULL;
	}
	old = xcalloc(n > 0 ? n : 1, sizeof(*old));
	committing = 1;
	for (i = 0; rc == 0 && i < n; i++)
		rc = keep_old(&v[i], &old[i], d);
	for (done = 0; rc == 0 && done < n; done++)
		if (v[done].tmp != NULL &&
		    rename(v[done].tmp, v[done].path) == -1) {
			diag_syserr(d, "cannot rename to '%s': %s",
			    v[done].path, strerror(errno));
			rc = -1;
			break;
		}
	for (i = 0; i < n; i++) {
		if (v[i].tmp == NULL) {		/* standard output */
			outfile_release(&v[i]);
			continue;
		}
		if (rc == -1 && old[i] == NULL && i < done)
			unlink(v[i].path);
		if (rc == -1 && old[i] != NULL &&
		    rename(old[i], v[i].path) == -1)
			diag_syserr(d, "cannot restore '%s': %s; the old file "
			    "is '%s'", v[i].path, strerror(errno), old[i]);
		else if (old[i] != NULL)
			unlink(old[i]);
		if (rc == -1 && i >= done)
			unlink(v[i].tmp);
		free(old[i]);
		outfile_release(&v[i]);
	}
	free(old);
	committing = 0;
	if ((sig = deferred) != 0)
		io_die(sig, rc == 0 ? ": interrupted after the output was "
		    "complete; it is kept\n" : ": interrupted; partial output "
		    "removed\n");
	return rc;
}

/* Drop the output: nothing is left behind.  Accepts a never-opened one. */
void
io_abort(struct outfile *of)
{
	if (of->fp != NULL && of->tmp != NULL) {
		fclose(of->fp);
		unlink(of->tmp);
	} else if (of->fp != NULL && of->device)
		fclose(of->fp);
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

/*
 * A regular file is read with pread(), sized from fstat() at once: no
 * stdio copy, no growing buffer, and no lock on the file position, which
 * read() takes when threads share the descriptor table (two threads
 * reading the bench's 2,000 WAVs: 1.77x one with pread(), 1.60x with
 * read()).  The size is a hint: a file that grows or shrinks meanwhile
 * is read to its end, or to max as io_read_stream() does.
 */
static int
read_regular(int fd, const char *path, off_t size, struct buf *b,
    size_t max, struct diag *d)
{
	size_t start = b->len, got = 0, want;
	ssize_t r;
	char c;

	for (;;) {
		/*
		 * To the size it had, then one byte asks whether it grew:
		 * growing the buffer for a block would copy the whole file
		 * once more.
		 */
		if (size > 0)
			want = (size_t)size > got ? (size_t)size - got : 0;
		else
			want = 65536;
		if (max && got + want > max)
			want = max - got;
		if (want == 0) {
			while ((r = pread(fd, &c, 1, (off_t)got)) == -1 &&
			    errno == EINTR)
				;
			if (r == -1)
				goto err;
			if (r == 0)
				break;
			if (max && got >= max)
				return 1;
			buf_grow(b, 1);
			b->s[start + got++] = c;
			b->len = start + got;
			b->s[b->len] = '\0';
			size = 0;	/* it grew: on in blocks */
			continue;
		}
		buf_grow(b, want);
		r = pread(fd, b->s + start + got, want, (off_t)got);
		if (r == -1 && errno == EINTR)
			continue;
		if (r == -1)
			goto err;
		if (r == 0)
			break;
		got += (size_t)r;
		b->len = start + got;
		b->s[b->len] = '\0';
	}
	/* Terminated, as io_read_stream() leaves it, even when empty. */
	buf_grow(b, 0);
	b->s[b->len] = '\0';
	return 0;
err:
	diag_syserr(d, "cannot read '%s': %s", path, strerror(errno));
	return -1;
}

int
io_read_file(const char *path, struct buf *b, size_t max, struct diag *d)
{
	FILE *fp;
	struct stat st;
	int fd, rc;

	if (strcmp(path, "-") == 0)
		return io_read_stream(stdin, "<stdin>", b, max, d);
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
		diag_syserr(d, "cannot open '%s': %s", path, strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) == -1)
		st.st_mode = 0;		/* read as a stream */
	if (S_ISDIR(st.st_mode)) {
		diag_syserr(d, "cannot read '%s': %s", path, strerror(EISDIR));
		close(fd);
		return -1;
	}
	if (S_ISREG(st.st_mode)) {
		rc = read_regular(fd, path, st.st_size, b, max, d);
		close(fd);
		return rc;
	}
	if ((fp = fdopen(fd, "rb")) == NULL) {
		diag_syserr(d, "cannot read '%s': %s", path, strerror(errno));
		close(fd);
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

/*
 * Whether the file st lies in the folder dir or in a folder under it.
 * Symbolic links are not followed; the inode numbers readdir gives are
 * compared first, so only a likely match costs a stat.
 */
static int
in_folder(const struct stat *st, const char *dir, int depth)
{
	struct stat e;
	struct dirent *de;
	DIR *dp;
	char *p;
	int found = 0, sub;

	if (depth > 64 || (dp = opendir(dir)) == NULL)
		return 0;
	while (!found && (de = readdir(dp)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0)
			continue;
		sub = de->d_type == DT_DIR || de->d_type == DT_UNKNOWN;
		if (de->d_ino != st->st_ino && !sub)
			continue;
		p = xasprintf("%s/%s", dir, de->d_name);
		if (lstat(p, &e) == 0) {
			found = e.st_dev == st->st_dev &&
			    e.st_ino == st->st_ino;
			if (!found && S_ISDIR(e.st_mode))
				found = in_folder(st, p, depth + 1);
		}
		free(p);
	}
	closedir(dp);
	return found;
}

/* The real path of the folder that holds path (which may not exist). */
static char *
real_parent(const char *path)
{
	char *copy = xstrdup(path), *r;

	r = realpath(dirname(copy), NULL);
	free(copy);
	return r;
}

/* Whether the real path p is the folder dir or lies under it. */
static int
path_under(const char *p, const char *dir)
{
	size_t n = strlen(dir);

	return strncmp(p, dir, n) == 0 && (p[n] == '/' || p[n] == '\0' ||
	    strcmp(dir, "/") == 0);
}

/*
 * An output, stat()ed once however many inputs it is held against (a
 * glob of 2,000 WAVs would otherwise stat standard output 2,000 times).
 * Only regular files count as outputs: /dev/null or a terminal on both
 * sides is fine.
 */
struct target {
	const char	*name;
	int		 std;
	int		 exists;
	struct stat	 st;
};

/* Stat out; 0 if it cannot clobber anything, so no input needs a look. */
static int
target_open(struct target *t, const char *out)
{
	t->name = out;
	t->std = strcmp(out, "-") == 0;
	t->exists = stat_named(out, STDOUT_FILENO, &t->st) == 0;
	return !t->exists || S_ISREG(t->st.st_mode);
}

static char *
target_clobbers(const struct target *t, const char *in)
{
	const struct stat *so = &t->st;
	const char *out = t->name;
	struct stat si;
	char *ro, *ri, *msg = NULL;

	if (stat_named(in, STDIN_FILENO, &si) == -1)
		return NULL;
	if (!t->exists && (t->std || !S_ISDIR(si.st_mode)))
		return NULL;
	if (S_ISDIR(si.st_mode) && t->std)
		return in_folder(so, in, 0) ? xasprintf("standard output is "
		    "in the input folder '%s'; refusing to overwrite it", in) :
		    NULL;
	if (S_ISDIR(si.st_mode)) {
		ro = t->exists ? realpath(out, NULL) : real_parent(out);
		ri = realpath(in, NULL);
		if (ro != NULL && ri != NULL && path_under(ro, ri))
			msg = t->exists ? xasprintf("output '%s' is in the "
			    "input folder '%s'; refusing to overwrite it", out,
			    in) : xasprintf("output '%s' would be in the input "
			    "folder '%s'; refusing to add it to the data", out,
			    in);
		free(ro);
		free(ri);
		return msg;
	}
	if (si.st_dev != so->st_dev || si.st_ino != so->st_ino)
		return NULL;
	if (strcmp(in, "-") == 0)
		in = "<stdin>";
	if (t->std)
		return xasprintf("standard output is the input '%s'; refusing "
		    "to overwrite it", in);
	return xasprintf("output '%s' is the input '%s'; refusing to "
	    "overwrite it", out, in);
}

/*
 * Whether writing out ("-": standard output) would overwrite the input
 * in ("-": standard input), as 'vox-text f >>f' would, or put a file
 * into the input folder in (or a folder under it), which would change
 * the data being read.  For a named output that does not exist yet,
 * only the folder counts.  Returns NULL, or a message the caller owns.
 */
char *
io_clobbers(const char *out, const char *in)
{
	struct target t;

	return target_open(&t, out) ? target_clobbers(&t, in) : NULL;
}

/* io_clobbers() for the n inputs in: the first message, or NULL. */
char *
io_clobbers_any(const char *out, char *const *in, size_t n)
{
	struct target t;
	char *msg = NULL;
	size_t i;

	if (n == 0 || !target_open(&t, out))
		return NULL;
	for (i = 0; msg == NULL && i < n; i++)
		msg = target_clobbers(&t, in[i]);
	return msg;
}

/*
 * Refuse standard output, and the output file (NULL: none), when it
 * is one of the n inputs in (none: standard input) or lies in an input
 * folder: as in 'vox-audio --stats f.wav >>f.wav', the output would
 * change what is being read.  Standard input is an input too when it
 * is read.  Prints why in err(3) form and returns 1, or returns 0.
 */
int
io_check_outputs(char *const *in, int n, const char *file)
{
	static char *const none[] = { "-" };
	struct target so, fo;
	char *msg = NULL;
	int i, std, named;

	if (n <= 0) {
		in = none;
		n = 1;
	}
	std = target_open(&so, "-");
	named = file != NULL && strcmp(file, "-") != 0 &&
	    target_open(&fo, file);
	for (i = 0; msg == NULL && i < n; i++) {
		if (std)
			msg = target_clobbers(&so, in[i]);
		if (msg == NULL && named)
			msg = target_clobbers(&fo, in[i]);
	}
	if (msg == NULL)
		return 0;
	warnx_("%s", msg);
	free(msg);
	return 1;
}

static int
rm_entry(const char *p, const struct stat *sb, int flag, struct FTW *f)
{
	return remove(p);
}

/* Remove a folder and everything in it, symbolic links not followed. */
void
io_rm_tree(const char *dir)
{
	nftw(dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/*
 * A work folder beside out (so that io_publish() is one rename), named
 * OUT.TOOL.XXXXXX, with the usual mode.  NULL after a system error.
 */
char *
io_workdir(const char *out, const char *tool, struct diag *d)
{
	char *w;
	mode_t um;

	w = xasprintf("%s.%s.XXXXXX", out, tool);
	if (mkdtemp(w) == NULL) {
		diag_syserr(d, "cannot create a work folder beside '%s': %s",
		    out, strerror(errno));
		free(w);
		return NULL;
	}
	/* mkdtemp makes 0700; the output gets the usual mode. */
	um = umask(0);
	umask(um);
	chmod(w, 0777 & ~um);
	return w;
}

/* Replace the folder out by the finished work: rename, the old removed. */
int
io_publish(const char *work, const char *out, struct diag *d)
{
	struct stat sb;
	char *old = NULL;
	int rc = 0;

	if (stat(out, &sb) == 0) {
		old = xasprintf("%s.old-%ld", out, (long)getpid());
		if (rename(out, old) == -1) {
			diag_syserr(d, "cannot replace '%s': %s", out,
			    strerror(errno));
			free(old);
			return -1;
		}
	}
	if (rename(work, out) == -1) {
		diag_syserr(d, "cannot create '%s': %s", out, strerror(errno));
		if (old != NULL)
			rename(old, out);
		rc = -1;
	} else if (old != NULL)
		io_rm_tree(old);
	free(old);
	return rc;
}

/* The absolute form of path, which need not exist but its parent must. */
char *
io_abs_path(const char *path)
{
	char *p, *slash, *dir, *r = NULL;
	const char *base;

	p = xstrdup(path);
	while (strlen(p) > 1 && p[strlen(p) - 1] == '/')
		p[strlen(p) - 1] = '\0';
	if ((dir = realpath(p, NULL)) != NULL) {
		free(p);
		return dir;
	}
	if ((slash = strrchr(p, '/')) == NULL) {
		dir = realpath(".", NULL);
		base = p;
	} else {
		*slash = '\0';
		dir = realpath(slash == p ? "/" : p, NULL);
		base = slash + 1;
	}
	if (dir != NULL)
		r = xasprintf("%s%s%s", dir, strcmp(dir, "/") == 0 ? "" : "/",
		    base);
	free(dir);
	free(p);
	return r;
}

static int
name_cmp(const void *a, const void *b)
{
	const char *const *x = a, *const *y = b;

	return strcmp(*x, *y);
}

/* Names listed when a folder holds files of others; then a count. */
#define FOREIGN_MAX	5

/*
 * The entries of the folder out that tool does not write (ours(name)
 * is 0, or not a regular file), each named in one error (sorted, the
 * first few): replacing the folder would lose them.  Returns 0, or -1
 * when there is one.
 */
int
io_foreign(const char *out, int (*ours)(const char *), const char *tool,
    struct diag *d)
{
	struct stat sb;
	struct dirent *de;
	struct buf names = BUF_INIT;
	DIR *dp;
	char *p, **v = NULL;
	size_t i, n = 0;

	if ((dp = opendir(out)) == NULL) {
		diag_syserr(d, "cannot read folder '%s': %s", out,
		    strerror(errno));
		return -1;
	}
	while ((de = readdir(dp)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0)
			continue;
		p = xasprintf("%s/%s", out, de->d_name);
		if (lstat(p, &sb) == -1 || !S_ISREG(sb.st_mode) ||
		    !ours(de->d_name)) {
			if ((n & (n - 1)) == 0)
				v = xreallocarray(v, n > 0 ? n * 2 : 1,
				    sizeof(*v));
			v[n++] = xstrdup(de->d_name);
		}
		free(p);
	}
	closedir(dp);
	if (n > 0) {
		qsort(v, n, sizeof(*v), name_cmp);
		for (i = 0; i < n && i < FOREIGN_MAX; i++)
			buf_printf(&names, "%s'%s'", i == 0 ? "" : i + 1 == n ?
			    " and " : ", ", v[i]);
		if (n > FOREIGN_MAX)
			buf_printf(&names, " and %zu more", n - FOREIGN_MAX);
		diag_syserr(d, "'%s' holds %s, which %s does not write; "
		    "refusing to replace it", out, buf_str(&names), tool);
	}
	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
	buf_release(&names);
	return n > 0 ? -1 : 0;
}
