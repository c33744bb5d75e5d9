/*
 * time - time a simple command (POSIX: -p).
 *
 * Runs the utility with posix_spawnp, waits for it and writes the elapsed
 * real time and the user and system CPU time of the child to stderr:
 * "real %.2f\nuser %.2f\nsys %.2f" with -p; without -p in the same order in
 * the "0m0.000s" style. The exit status is the utility's (126 if it could not
 * be run, 127 if it was not found).
 */
#include "qu.h"
#include "run.h"

#include <errno.h>
#include <sys/times.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

QU_USAGE("Usage: time [-p] utility [argument...]\n"
         "Runs utility and reports its real, user and system time on stderr.\n");

/* Prints one time in the default style. */
static void put_time(const char *label, double s)
{
	long m = (long)(s / 60);

	fprintf(stderr, "%s\t%ldm%.3fs\n", label, m, s - (double)m * 60);
}

int main(int argc, char **argv)
{
	struct timespec t0, t1;
	struct tms tm;
	double real, user, sys;
	long tick = sysconf(_SC_CLK_TCK);
	int c, posix = 0, st;

	qu_init(argv[0]);
	while ((c = qu_getopt(argc, argv, "p")) != -1)
		posix = 1;
	if (qu_optind >= argc)
		qu_usage(1, "missing operand");
	clock_gettime(CLOCK_MONOTONIC, &t0);
	st = qu_spawn_wait(argv + qu_optind);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if (st < 0) {
		int e = errno;
		qu_errno(e, "cannot run %s", argv[qu_optind]);
		return e == ENOENT ? 127 : 126;
	}
	times(&tm);
	if (tick <= 0)
		tick = 100;
	real = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	user = (double)tm.tms_cutime / (double)tick;
	sys = (double)tm.tms_cstime / (double)tick;
	if (posix) {
		fprintf(stderr, "real %.2f\nuser %.2f\nsys %.2f\n", real, user, sys);
	} else {
		put_time("real", real);
		put_time("user", user);
		put_time("sys", sys);
	}
	if (WIFEXITED(st))
		return WEXITSTATUS(st);
	if (WIFSIGNALED(st))
		return 128 + WTERMSIG(st);
	return 1;
}
