/*
 * ubench.c - /bin/ubench, QSOE's user-space benchmarks.
 *
 *   ubench [os] [qsh] [libc] [util]
 *
 * Runs the named groups (all without arguments) and prints one line
 *   BENCH {"metric":...,"unit":"instructions","n":16,"min":...,"median":...,"max":...}
 * per metric. scripts/bench.py boots it with "run=ubench halt" under QEMU
 * -icount shift=0 -smp 1; docs/benchmarks.md says what each metric counts.
 * Started by taskman it has no standard descriptors and no services: it
 * starts the console driver, the pipe manager and fs-ram at /tmp (each
 * ready when posix_spawn returns: POSIX_SPAWN_HOLD and procmgr_daemon) and
 * writes to the console. Exits 0 if every metric was measured, 1 if any
 * failed, 3 if there is no console to report on.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>
#include "standalone.h"
#include "ubench.h"

extern char **environ;

static const struct {
	const char *name;
	void (*run)(void);
} groups[] = {
        {"os", ub_group_os},
        {"qsh", ub_group_qsh},
        {"libc", ub_group_libc},
        {"util", ub_group_util},
};
#define NGROUPS (sizeof(groups) / sizeof(groups[0]))

int main(int argc, char **argv)
{
	pid_t started[SA_NSERVICES];
	if (sa_setup(sa_services, SA_NSERVICES, started) < 0)
		return 3; /* nowhere to report (taskman says "exited with status 3") */
	setvbuf(stdout, NULL, _IOLBF, 0);
	signal(SIGPIPE, SIG_IGN);
	for (int a = 1; a < argc; a++) {
		size_t g = 0;
		while (g < NGROUPS && strcmp(argv[a], groups[g].name) != 0)
			g++;
		if (g == NGROUPS) {
			fprintf(stderr, "usage: ubench [os] [qsh] [libc] [util]\n");
			return 2;
		}
	}
	if (posix_spawn_file_actions_init(&ub_quiet) != 0 ||
	    posix_spawn_file_actions_addopen(&ub_quiet, 1, "/dev/null", O_WRONLY, 0) != 0) {
		ub_fail("ubench", "file actions");
		return 1;
	}
	printf("ubench: %d samples per metric\n", UB_SAMPLES);
	for (size_t g = 0; g < NGROUPS; g++) {
		int want = argc == 1;
		for (int a = 1; a < argc; a++)
			want |= strcmp(argv[a], groups[g].name) == 0;
		if (want)
			groups[g].run();
	}
	printf("ubench: %d failure(s)\n", ub_failures);
	fflush(stdout);
	tcdrain(1);
	return ub_failures ? 1 : 0;
}
