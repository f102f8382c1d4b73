/*
 * make bench: the machine's own limit for reading many files on two
 * threads of one process, the anchor of the -j 2 ratios of vox-audio
 * --scan and vox-lint.  readpar T FILE...: T threads read the files
 * (pread, 128 KiB at a time, each byte touched), taking them in turn;
 * prints the wall time in seconds, the best of 7 runs.
 */
#define _POSIX_C_SOURCE 200809L
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#define CHUNK	(128 * 1024)

static char **files;
static int nfiles;
static int next;
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;

static void *
reader(void *arg)
{
	unsigned char *b = malloc(CHUNK);
	volatile unsigned long sink = 0;
	unsigned long s;
	ssize_t r, i;
	off_t off;
	int k, fd;

	(void)arg;
	for (;;) {
		pthread_mutex_lock(&mu);
		k = next < nfiles ? next++ : -1;
		pthread_mutex_unlock(&mu);
		if (k == -1 || b == NULL)
			break;
		if ((fd = open(files[k], O_RDONLY)) == -1)
			continue;
		for (off = 0; (r = pread(fd, b, CHUNK, off)) > 0; off += r) {
			for (s = 0, i = 0; i < r; i += 64)
				s += b[i];
			sink += s;
		}
		close(fd);
	}
	free(b);
	return NULL;
}

int
main(int argc, char *argv[])
{
	pthread_t th[16];
	struct timespec a, z;
	double t, best = 1e9;
	int n, k, run;

	if (argc < 3 || (n = atoi(argv[1])) < 1 || n > 16)
		return 2;
	files = argv + 2;
	nfiles = argc - 2;
	for (run = 0; run < 7; run++) {
		next = 0;
		clock_gettime(CLOCK_MONOTONIC, &a);
		for (k = 1; k < n; k++)
			pthread_create(&th[k], NULL, reader, NULL);
		reader(NULL);
		for (k = 1; k < n; k++)
			pthread_join(th[k], NULL);
		clock_gettime(CLOCK_MONOTONIC, &z);
		t = (double)(z.tv_sec - a.tv_sec) +
		    (double)(z.tv_nsec - a.tv_nsec) / 1e9;
		if (t < best)
			best = t;
	}
	printf("%.6f\n", best);
	return 0;
}
