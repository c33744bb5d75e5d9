/*
 * b_os.c - ubench group "os" (the taskman issue): spawn and wait of a
 * trivial program, open/read 4 KiB/close of /dev/zero, pipe throughput.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "ubench.h"

/* ---- spawn_wait_trivial ------------------------------------------------------- */

static int op_spawn(void *arg)
{
	static char *const argv[] = {"/bin/ubench-nop", NULL};

	(void)arg;
	return ub_spawn_wait(argv, NULL);
}

/* ---- devzero_open_read4k_close -------------------------------------------------- */

static char zbuf[4096];

static int op_devzero(void *arg)
{
	(void)arg;
	int fd = open("/dev/zero", O_RDONLY);
	if (fd < 0)
		return -1;
	ssize_t n = read(fd, zbuf, sizeof(zbuf));
	int e = errno;
	if (close(fd) < 0 || n != (ssize_t)sizeof(zbuf)) {
		errno = n < 0 ? e : EIO;
		return -1;
	}
	return 0;
}

/* Checks that a read of /dev/zero gives 4096 zero bytes; 0 or -1. */
static int check_devzero(void)
{
	memset(zbuf, 0xa5, sizeof(zbuf));
	if (op_devzero(NULL) < 0)
		return -1;
	for (size_t i = 0; i < sizeof(zbuf); i++)
		if (zbuf[i] != 0) {
			errno = EIO;
			return -1;
		}
	return 0;
}

/* ---- pipe_per_kib ---------------------------------------------------------------- */

#define PIPE_CHUNK  4096        /* bytes per write() and per read() */
#define PIPE_SAMPLE (64 * 1024) /* bytes per sample */
#define PIPE_TOTAL  ((UB_SAMPLES + 1) * PIPE_SAMPLE)

static int pipefd[2];

/* The writer thread: PIPE_TOTAL bytes in PIPE_CHUNK writes; returns errno or 0. */
static void *writer(void *arg)
{
	static char buf[PIPE_CHUNK];

	(void)arg;
	for (size_t i = 0; i < sizeof(buf); i++)
		buf[i] = (char)i;
	for (long done = 0; done < PIPE_TOTAL;) {
		ssize_t n = write(pipefd[1], buf, sizeof(buf));
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return (void *)(long)errno;
		}
		done += n;
	}
	return NULL;
}

/* One sample: reads PIPE_SAMPLE bytes from the pipe, checking them. */
static int op_pipe(void *arg)
{
	static char buf[PIPE_CHUNK];
	static long pos; /* bytes read so far: the writer's pattern is (char)(pos % 4096) */

	(void)arg;
	for (long got = 0; got < PIPE_SAMPLE;) {
		size_t want = PIPE_CHUNK - (size_t)(pos % PIPE_CHUNK);
		ssize_t n = read(pipefd[0], buf, want);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			errno = n == 0 ? EIO : errno;
			return -1;
		}
		if (buf[0] != (char)(pos % PIPE_CHUNK) ||
		    buf[n - 1] != (char)((pos + n - 1) % PIPE_CHUNK)) {
			errno = EIO;
			return -1;
		}
		got += n;
		pos += n;
	}
	return 0;
}

/* See ubench.h. */
void ub_group_os(void)
{
	ub_measure("spawn_wait_trivial", 1, op_spawn, NULL);
	if (check_devzero() < 0)
		ub_fail("devzero_open_read4k_close", "reading /dev/zero");
	else
		ub_measure("devzero_open_read4k_close", 1, op_devzero, NULL);

	pthread_t t;
	if (pipe(pipefd) < 0) {
		ub_fail("pipe_per_kib", "pipe");
		return;
	}
	int e = pthread_create(&t, NULL, writer, NULL);
	if (e != 0) {
		errno = e;
		ub_fail("pipe_per_kib", "pthread_create");
	} else {
		ub_measure("pipe_per_kib", PIPE_SAMPLE / 1024, op_pipe, NULL);
	}
	close(pipefd[0]); /* a writer still writing gets EPIPE (SIGPIPE is ignored) */
	if (e == 0)
		pthread_join(t, NULL);
	close(pipefd[1]);
}
