/*
 * make bench: the clock of race (tests/bench/race.inc).  timed FILE NAME
 * CMD [ARG...] runs CMD and appends "NAME START END" to FILE, the
 * monotonic clock in seconds just before the fork and just after the
 * wait; it exits as CMD did.  Timing a command between two date(1)
 * runs, as race did, added each date's own start and exit, a
 * millisecond, to every run: a tenth of a 9 ms header audit, and more
 * to the faster of two commands compared.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double
now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int
main(int argc, char *argv[])
{
	double a, z;
	FILE *fp;
	pid_t pid;
	int st;

	if (argc < 4)
		return 2;
	a = now();
	if ((pid = fork()) == -1)
		return 127;
	if (pid == 0) {
		execvp(argv[3], argv + 3);
		_exit(127);
	}
	while (waitpid(pid, &st, 0) == -1)
		;
	z = now();
	if ((fp = fopen(argv[1], "a")) == NULL)
		return 127;
	fprintf(fp, "%s %.9f %.9f\n", argv[2], a, z);
	if (fclose(fp) != 0)
		return 127;
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}
