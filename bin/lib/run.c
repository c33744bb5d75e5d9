/*
 * run.c - run a program and wait for it (see run.h).
 */
#include "run.h"
#include "qu.h"

#include <errno.h>
#include <signal.h>
#include <spawn.h>
#include <string.h>
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

/* See run.h. */
int qu_run_session(const char *path, char *const argv[])
{
	static const int sigs[] = {SIGINT, SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU};
	enum { NS = sizeof(sigs) / sizeof(sigs[0]) };
	struct sigaction ign, old[NS];
	posix_spawnattr_t attr;
	sigset_t def;
	pid_t pid;
	int st, r;

	memset(&ign, 0, sizeof(ign));
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	sigemptyset(&def);
	for (int i = 0; i < NS; i++) {
		sigaction(sigs[i], &ign, &old[i]);
		sigaddset(&def, sigs[i]);
	}
	posix_spawnattr_init(&attr);
	posix_spawnattr_setsigdefault(&attr, &def);
	posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF);
	fflush(stdout);
	r = posix_spawn(&pid, path, NULL, &attr, argv, environ);
	posix_spawnattr_destroy(&attr);
	if (r == 0) {
		while ((r = waitpid(pid, &st, 0)) < 0 && errno == EINTR)
			;
		if (r >= 0)
			r = WIFEXITED(st) ? WEXITSTATUS(st)
			                  : 128 + (WIFSIGNALED(st) ? WTERMSIG(st) : 0);
	} else {
		errno = r;
		r = -1;
	}
	int e = errno;
	for (int i = 0; i < NS; i++)
		sigaction(sigs[i], &old[i], NULL);
	errno = e;
	return r;
}
