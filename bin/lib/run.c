/*
 * run.c - run a program and wait for it (see run.h).
 */
#include "run.h"
#include "qu.h"

#include <errno.h>
#include <spawn.h>
#include <sys/wait.h>

extern char **environ;

/* See run.h. */
int qu_spawn_wait(char *const argv[])
{
	pid_t pid;
	int r, st;

	fflush(stdout);
	r = posix_spawnp(&pid, argv[0], NULL, NULL, argv, environ);
	if (r != 0) {
		errno = r;
		return -1;
	}
	while (waitpid(pid, &st, 0) < 0) {
		if (errno != EINTR)
			return -1;
	}
	return st;
}
