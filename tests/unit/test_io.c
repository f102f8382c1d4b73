/* Unit tests: atomic output, interrupted output, reading with limits. */
#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"
#include "io.h"
#include "unit.h"

static int
entries(const char *dir)
{
	DIR *dp = opendir(dir);
	struct dirent *e;
	int n = 0;

	if (dp == NULL)
		return -1;
	while ((e = readdir(dp)) != NULL)
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			n++;
	closedir(dp);
	return n;
}

static char dir[] = "iotest.XXXXXX";

static void
test_commit(void)
{
	struct outfile of = OUTFILE_INIT;
	struct diag d = DIAG_INIT;
	struct buf b = BUF_INIT;
	char *path = malloc(strlen(dir) + 8);
	FILE *fp;

	sprintf(path, "%s/out", dir);
	fp = io_create(&of, path, &d);
	CHECK(fp != NULL);
	fputs("hello\n", fp);
	/* Until committed, only the temporary file exists. */
	CHECK(access(path, F_OK) == -1);
	CHECK(entries(dir) == 1);
	CHECK(io_commit(&of, &d) == 0);
	CHECK(entries(dir) == 1);
	CHECK(io_read_file(path, &b, 0, &d) == 0);
	CHECK_STR(buf_str(&b), "hello\n");
	CHECK(d.n == 0);
	remove(path);
	free(path);
	buf_release(&b);
	diag_release(&d);
}

static void
test_abort(void)
{
	struct outfile of = OUTFILE_INIT;
	struct diag d = DIAG_INIT;
	char *path = malloc(strlen(dir) + 8);
	FILE *fp;

	sprintf(path, "%s/gone", dir);
	fp = io_create(&of, path, &d);
	CHECK(fp != NULL);
	fputs("partial", fp);
	io_abort(&of);
	CHECK(entries(dir) == 0);
	io_abort(&of);	/* a second abort is harmless */
	free(path);
	diag_release(&d);
}

static void
test_unwritable(void)
{
	struct outfile of = OUTFILE_INIT;
	struct diag d = DIAG_INIT;

	CHECK(io_create(&of, "no/such/dir/out", &d) == NULL);
	CHECK(d.n == 1 && d.v[0].rule == NULL);
	CHECK(strstr(d.v[0].msg, "cannot create 'no/such/dir/out'") != NULL);
	diag_release(&d);
}

/*
 * The test itself may have been started with SIGINT ignored (nohup, a
 * background job of a script), which io_init() keeps, or with signals
 * blocked: a child sets what it tests, as a shell would for a command.
 */
static void
signals_as(void (*intdisp)(int))
{
	sigset_t set;

	signal(SIGINT, intdisp);
	signal(SIGTERM, SIG_DFL);
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
}

/* SIGINT while writing: the process dies by the signal, nothing is left. */
static void
test_sigint(void)
{
	pid_t pid;
	int status;

	if ((pid = fork()) == 0) {
		struct outfile of = OUTFILE_INIT;
		struct diag d = DIAG_INIT;
		char path[64];
		FILE *fp;

		freopen("/dev/null", "w", stderr);
		signals_as(SIG_DFL);
		io_init();
		snprintf(path, sizeof(path), "%s/big", dir);
		if ((fp = io_create(&of, path, &d)) == NULL)
			_exit(9);
		fputs("some data", fp);
		fflush(fp);
		raise(SIGINT);
		_exit(8);
	}
	CHECK(waitpid(pid, &status, 0) == pid);
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGINT);
	CHECK(entries(dir) == 0);
}

/*
 * SIGINT inherited as ignored stays ignored: a background job of a
 * script must not die of the ^C meant for the job in the foreground.
 * SIGTERM, at its default, still removes the partial output.
 */
static void
test_sigint_ignored(void)
{
	pid_t pid;
	int status;

	if ((pid = fork()) == 0) {
		struct outfile of = OUTFILE_INIT;
		struct diag d = DIAG_INIT;
		char path[64];
		FILE *fp;

		freopen("/dev/null", "w", stderr);
		signals_as(SIG_IGN);
		io_init();
		snprintf(path, sizeof(path), "%s/kept", dir);
		if ((fp = io_create(&of, path, &d)) == NULL)
			_exit(9);
		fputs("some data", fp);
		fflush(fp);
		raise(SIGINT);
		if (io_interrupted())
			_exit(7);
		raise(SIGTERM);
		_exit(8);
	}
	CHECK(waitpid(pid, &status, 0) == pid);
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM);
	CHECK(entries(dir) == 0);
}

static void
test_read_limit(void)
{
	struct diag d = DIAG_INIT;
	struct buf b = BUF_INIT;
	char path[64];
	FILE *fp;
	int i;

	snprintf(path, sizeof(path), "%s/ten", dir);
	fp = fopen(path, "w");
	fputs("0123456789", fp);
	fclose(fp);
	CHECK(io_read_file(path, &b, 4, &d) == 1);
	CHECK(b.len == 4 && b.s[4] == '\0');
	buf_reset(&b);
	CHECK(io_read_file(path, &b, 10, &d) == 0);
	CHECK(b.len == 10 && strcmp(b.s, "0123456789") == 0);
	/* Appended to what b held, terminated. */
	CHECK(io_read_file(path, &b, 0, &d) == 0);
	CHECK(b.len == 20 && b.s[20] == '\0');
	buf_release(&b);
	/* Read to its size, EOF then asked for one byte: no block more. */
	fp = fopen(path, "w");
	for (i = 0; i < 100000; i++)
		putc('a' + i % 26, fp);
	fclose(fp);
	CHECK(io_read_file(path, &b, 0, &d) == 0);
	CHECK(b.len == 100000 && b.s[99999] == 'a' + 99999 % 26);
	CHECK(b.cap < 100000 + 65536);
	buf_release(&b);
	/* An empty file: an empty string, not NULL (pread reads nothing). */
	fp = fopen(path, "w");
	fclose(fp);
	CHECK(io_read_file(path, &b, 0, &d) == 0);
	CHECK(b.len == 0 && b.s != NULL && b.s[0] == '\0');
	CHECK(io_read_file(dir, &b, 0, &d) == -1);
	CHECK(io_read_file("no-such-file", &b, 0, &d) == -1);
	CHECK(d.n == 2);
	remove(path);
	buf_release(&b);
	diag_release(&d);
}

static void
test_xfclose(void)
{
	FILE *fp = fopen("/dev/full", "w");

	if (fp == NULL)
		return;
	freopen("/dev/null", "w", stderr);
	fputs("x", fp);
	CHECK(xfclose(fp, "/dev/full") == EXIT_SYSTEM);
	fp = fopen("/dev/null", "w");
	fputs("x", fp);
	CHECK(xfclose(fp, "/dev/null") == EXIT_OK);
}

/* An output that is an input, or a file in an input folder, is refused. */
static void
test_clobbers(void)
{
	char *in = malloc(strlen(dir) + 8), *other = malloc(strlen(dir) + 8);
	char *msg;
	FILE *fp;

	sprintf(in, "%s/in", dir);
	sprintf(other, "%s/other", dir);
	fp = fopen(in, "w");
	CHECK(fp != NULL);
	fclose(fp);
	CHECK((msg = io_clobbers(in, in)) != NULL);
	CHECK(msg != NULL && strstr(msg, "is the input") != NULL);
	free(msg);
	CHECK((msg = io_clobbers(in, dir)) != NULL);
	CHECK(msg != NULL && strstr(msg, "input folder") != NULL);
	free(msg);
	/* A new file, or another file, is fine. */
	CHECK(io_clobbers(other, in) == NULL);
	fp = fopen(other, "w");
	CHECK(fp != NULL);
	fclose(fp);
	CHECK(io_clobbers(other, in) == NULL);
	CHECK(io_clobbers("/dev/null", "/dev/null") == NULL);
	remove(in);
	remove(other);
	free(in);
	free(other);
}

/* Write path through a new outfile of v[i]. */
static void
put(struct outfile *v, int i, const char *path, const char *text)
{
	struct diag d = DIAG_INIT;
	FILE *fp;

	memset(&v[i], 0, sizeof(v[i]));
	v[i].slot = -1;
	fp = io_create(&v[i], path, &d);
	CHECK(fp != NULL);
	if (fp != NULL)
		fputs(text, fp);
	diag_release(&d);
}

static void
slurp(const char *path, const char *want)
{
	struct diag d = DIAG_INIT;
	struct buf b = BUF_INIT;

	CHECK(io_read_file(path, &b, 0, &d) == 0);
	CHECK_STR(buf_str(&b), want);
	buf_release(&b);
	diag_release(&d);
}

/*
 * A set commits whole, or not at all: a target that is a folder fails
 * it before any rename, and the old files stay as they were.
 */
static void
test_commit_set(void)
{
	struct outfile v[3];
	struct diag d = DIAG_INIT;
	char a[64], b[64], c[64];

	snprintf(a, sizeof(a), "%s/a", dir);
	snprintf(b, sizeof(b), "%s/b", dir);
	snprintf(c, sizeof(c), "%s/c", dir);
	put(v, 0, a, "new a");
	put(v, 1, b, "new b");
	CHECK(io_commit_set(v, 2, &d) == 0);
	slurp(a, "new a");
	slurp(b, "new b");
	CHECK(entries(dir) == 2);
	/* c is a folder: a and b keep what they had. */
	CHECK(mkdir(c, 0700) == 0);
	put(v, 0, a, "newer a");
	put(v, 1, b, "newer b");
	put(v, 2, c, "c");
	CHECK(io_commit_set(v, 3, &d) == -1);
	CHECK(d.n == 1 && strstr(d.v[0].msg, "cannot replace") != NULL);
	slurp(a, "new a");
	slurp(b, "new b");
	CHECK(entries(dir) == 3);
	/* A write error in one output drops the whole set. */
	rmdir(c);
	put(v, 0, a, "newest a");
	put(v, 1, c, "c");
	fclose(v[1].fp);
	v[1].fp = fopen("/dev/null", "r");
	fputs("x", v[1].fp);
	CHECK(io_commit_set(v, 2, &d) == -1);
	slurp(a, "new a");
	CHECK(access(c, F_OK) == -1);
	CHECK(entries(dir) == 2);
	remove(a);
	remove(b);
	diag_release(&d);
}

/* Standard output on an input, or under an input folder, is refused. */
static void
test_check_outputs(void)
{
	char in[64], sub[64], deep[64], other[64];
	char *args[1];
	int saved = dup(STDOUT_FILENO), fd;
	FILE *fp;

	snprintf(in, sizeof(in), "%s/in", dir);
	snprintf(sub, sizeof(sub), "%s/sub", dir);
	snprintf(deep, sizeof(deep), "%s/sub/deep", dir);
	snprintf(other, sizeof(other), "other.%d", (int)getpid());
	fp = fopen(in, "w");
	CHECK(fp != NULL);
	fclose(fp);
	CHECK(mkdir(sub, 0700) == 0);
	fp = fopen(deep, "w");
	CHECK(fp != NULL);
	fclose(fp);
	freopen("/dev/null", "w", stderr);
	fflush(stdout);
	/* Standard output appended to the input. */
	fd = open(in, O_WRONLY | O_APPEND);
	dup2(fd, STDOUT_FILENO);
	close(fd);
	args[0] = in;
	CHECK(io_check_outputs(args, 1, NULL) == 1);
	args[0] = (char *)dir;
	CHECK(io_check_outputs(args, 1, NULL) == 1);
	/* Two levels down in the input folder. */
	fd = open(deep, O_WRONLY | O_APPEND);
	dup2(fd, STDOUT_FILENO);
	close(fd);
	CHECK(io_check_outputs(args, 1, NULL) == 1);
	args[0] = sub;
	CHECK(io_check_outputs(args, 1, NULL) == 1);
	args[0] = in;
	CHECK(io_check_outputs(args, 1, NULL) == 0);
	/* Elsewhere: fine, unless the report joins the input folder. */
	fd = open(other, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	dup2(fd, STDOUT_FILENO);
	close(fd);
	args[0] = (char *)dir;
	CHECK(io_check_outputs(args, 1, NULL) == 0);
	CHECK(io_check_outputs(args, 1, "elsewhere.jsonl") == 0);
	CHECK(io_check_outputs(args, 1, deep) == 1);
	CHECK(io_check_outputs(args, 1, in) == 1);
	args[0] = sub;
	CHECK(io_check_outputs(args, 1, in) == 0);
	dup2(saved, STDOUT_FILENO);
	close(saved);
	remove(other);
	remove(deep);
	rmdir(sub);
	remove(in);
}

int
main(void)
{
	if (mkdtemp(dir) == NULL)
		return 3;
	RUN(test_commit);
	RUN(test_abort);
	RUN(test_unwritable);
	RUN(test_sigint);
	RUN(test_sigint_ignored);
	RUN(test_read_limit);
	RUN(test_xfclose);
	RUN(test_clobbers);
	RUN(test_commit_set);
	RUN(test_check_outputs);
	rmdir(dir);
	return UNIT_EXIT();
}
