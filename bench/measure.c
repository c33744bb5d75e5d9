/*
 * measure.c - the sampling harness of /bin/ubench: warm-up, samples
 * between two rdinstret readings, min/median/max, the BENCH line; and
 * spawn-and-wait for the benchmarks that start programs.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>
#include "ubench.h"

extern char **environ;

int ub_failures;
posix_spawn_file_actions_t ub_quiet;

/* qsort order of two counts. */
static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/* See ubench.h. */
void ub_fail(const char *name, const char *what)
{
	printf("ubench: %s: %s: %s\n", name, what, strerror(errno));
	fflush(stdout);
	ub_failures++;
}

/*
 * See ubench.h. The console is drained after the line is printed, so the
 * serial driver's output work never falls inside the next metric's samples.
 */
int ub_measure(const char *name, long per, ub_op op, void *arg)
{
	uint64_t s[UB_SAMPLES];

	if (op(arg) < 0) {
		ub_fail(name, "warm-up run failed");
		return -1;
	}
	for (int i = 0; i < UB_SAMPLES; i++) {
		uint64_t t0 = ub_instret();
		int r = op(arg);
		uint64_t t1 = ub_instret();
		if (r < 0) {
			ub_fail(name, "run failed");
			return -1;
		}
		s[i] = (t1 - t0) / (uint64_t)per;
	}
	qsort(s, UB_SAMPLES, sizeof(*s), cmp_u64);
	printf("BENCH {\"metric\":\"%s\",\"unit\":\"instructions\",\"n\":%d,\"min\":%llu,"
	       "\"median\":%llu,\"max\":%llu}\n",
	       name, UB_SAMPLES, (unsigned long long)s[0], (unsigned long long)s[UB_SAMPLES / 2],
	       (unsigned long long)s[UB_SAMPLES - 1]);
	fflush(stdout);
	tcdrain(1);
	return 0;
}

/* See ubench.h. */
int ub_spawn_wait(char *const argv[], const posix_spawn_file_actions_t *fa)
{
	pid_t pid;
	int st, e = posix_spawn(&pid, argv[0], fa, NULL, argv, environ);

	if (e != 0) {
		errno = e;
		return -1;
	}
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return -1;
	if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
		if (WIFEXITED(st))
			printf("ubench: %s exited with status %d\n", argv[0], WEXITSTATUS(st));
		else
			printf("ubench: %s ended by signal %d\n", argv[0], WTERMSIG(st));
		errno = EIO;
		return -1;
	}
	return 0;
}

/* See ubench.h. */
ssize_t ub_spawn_output(char *const argv[], char *buf, size_t size)
{
	posix_spawn_file_actions_t fa;
	int p[2], st;
	pid_t pid;
	size_t len = 0;

	if (size == 0 || pipe(p) < 0)
		return -1;
	int e = posix_spawn_file_actions_init(&fa);
	if (e == 0)
		e = posix_spawn_file_actions_adddup2(&fa, p[1], 1);
	if (e == 0)
		e = posix_spawn_file_actions_addclose(&fa, p[0]);
	if (e == 0)
		e = posix_spawn(&pid, argv[0], &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	close(p[1]);
	if (e != 0) {
		close(p[0]);
		errno = e;
		return -1;
	}
	for (;;) {
		ssize_t n = read(p[0], buf + len, size - 1 - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		len += (size_t)n;
		if (len == size - 1) { /* too much: drain the rest so the child can end */
			char sink[256];
			while (read(p[0], sink, sizeof(sink)) > 0)
				;
			break;
		}
	}
	buf[len] = 0;
	close(p[0]);
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return -1;
	if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
		errno = EIO;
		return -1;
	}
	return (ssize_t)len;
}
