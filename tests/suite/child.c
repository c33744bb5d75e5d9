/*
 * child.c - the suite as its own helper: "suite --child MODE args...".
 * Each mode checks one thing about the process it finds itself in and
 * reports through its exit status (0 = as expected), or acts (sleeps,
 * writes, crashes) for the parent to observe.
 */
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "suite.h"

static int num(const char *s)
{
	return s ? atoi(s) : 0;
}

int suite_child_main(int argc, char **argv)
{
	const char *mode = argc > 0 ? argv[0] : "";

	if (strcmp(mode, "exit") == 0)
		return num(argv[1]);
	if (strcmp(mode, "checkargs") == 0) {
		/* checkargs N a1..aN: our arguments after N are exactly a1..aN */
		return argc - 2 == num(argv[1]) ? 0 : 1;
	}
	if (strcmp(mode, "checkenv") == 0) {
		const char *v = argc > 1 ? getenv(argv[1]) : NULL;
		if (argc < 3)
			return v == NULL ? 0 : 1; /* must be absent */
		return v && strcmp(v, argv[2]) == 0 ? 0 : 1;
	}
	if (strcmp(mode, "fdopen") == 0)
		return fcntl(num(argv[1]), F_GETFD) >= 0 ? 0 : 1;
	if (strcmp(mode, "fdclosed") == 0)
		return fcntl(num(argv[1]), F_GETFD) < 0 && errno == EBADF ? 0 : 1;
	if (strcmp(mode, "fdnull") == 0) {
		/* fd N is /dev/null: writes vanish, reads give end of file */
		char c;
		int fd = num(argv[1]);
		return write(fd, "x", 1) == 1 && read(fd, &c, 1) == 0 ? 0 : 1;
	}
	if (strcmp(mode, "cwd") == 0) {
		char buf[256];
		return getcwd(buf, sizeof(buf)) && strcmp(buf, argv[1]) == 0 ? 0 : 1;
	}
	if (strcmp(mode, "umask") == 0) {
		mode_t m = umask(0);
		return (int)m == (int)strtol(argv[1], NULL, 8) ? 0 : 1;
	}
	if (strcmp(mode, "ppid") == 0)
		return getppid() == num(argv[1]) ? 0 : 1;
	if (strcmp(mode, "ownpgrp") == 0)
		return getpgrp() == getpid() ? 0 : 1;
	if (strcmp(mode, "sleep") == 0) {
		struct timespec ts = {num(argv[1]) / 1000, (long)(num(argv[1]) % 1000) * 1000000};
		nanosleep(&ts, NULL);
		return 0;
	}
	if (strcmp(mode, "pause") == 0) {
		for (;;)
			sleep(1000);
	}
	if (strcmp(mode, "write") == 0) {
		size_t n = strlen(argv[2]);
		return write(num(argv[1]), argv[2], n) == (ssize_t)n ? 0 : 1;
	}
	if (strcmp(mode, "crash") == 0) {
		volatile int *p = NULL;
		*p = 1;
		return 3;
	}
	if (strcmp(mode, "threads") == 0) {
		/* ends while another thread is still running: exit ends them all */
		return num(argv[1]);
	}
	fprintf(stderr, "suite --child: unknown mode %s\n", mode);
	return 100;
}
