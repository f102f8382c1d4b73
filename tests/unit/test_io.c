/* Unit tests: atomic output, interrupted output, reading with limits. */
#include <dirent.h>
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

static void
test_read_limit(void)
{
	struct diag d = DIAG_INIT;
	struct buf b = BUF_INIT;
	char path[64];
	FILE *fp;

	snprintf(path, sizeof(path), "%s/ten", dir);
	fp = fopen(path, "w");
	fputs("0123456789", fp);
	fclose(fp);
	CHECK(io_read_file(path, &b, 4, &d) == 1);
	CHECK(b.len == 4);
	buf_reset(&b);
	CHECK(io_read_file(path, &b, 10, &d) == 0);
	CHECK(b.len == 10);
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

int
main(void)
{
	if (mkdtemp(dir) == NULL)
		return 3;
	RUN(test_commit);
	RUN(test_abort);
	RUN(test_unwritable);
	RUN(test_sigint);
	RUN(test_read_limit);
	RUN(test_xfclose);
	RUN(test_clobbers);
	rmdir(dir);
	return UNIT_EXIT();
}
