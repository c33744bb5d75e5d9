/*
 * system.c - run a command through the shell (ISO C / POSIX system), with
 * posix_spawn: QSOE has no fork. While the command runs, SIGINT and
 * SIGQUIT are ignored and SIGCHLD is blocked in the caller, as POSIX asks.
 */
#include <errno.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>
#include "libc.h"

extern char **environ;

/*
 * Run "/bin/sh -c command" and return its wait status, or -1 with errno
 * if it could not be started. system(NULL) returns nonzero if a shell is
 * available.
 */
int system(const char *command)
{
	struct sigaction ign, oint, oquit;
	sigset_t block, omask;
	posix_spawnattr_t attr;
	pid_t pid;
	int status = -1, e;

	if (!command)
		return access("/bin/sh", X_OK) == 0;
	ign.sa_handler = SIG_IGN;
	ign.sa_flags = 0;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGINT, &ign, &oint);
	sigaction(SIGQUIT, &ign, &oquit);
	sigemptyset(&block);
	sigaddset(&block, SIGCHLD);
	sigprocmask(SIG_BLOCK, &block, &omask);

	e = posix_spawnattr_init(&attr);
	if (!e) {
		sigset_t def;
		sigemptyset(&def);
		if (oint.sa_handler != SIG_IGN)
			sigaddset(&def, SIGINT);
		if (oquit.sa_handler != SIG_IGN)
			sigaddset(&def, SIGQUIT);
		posix_spawnattr_setsigmask(&attr, &omask);
		posix_spawnattr_setsigdefault(&attr, &def);
		posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
		char *argv[] = {"sh", "-c", (char *)command, NULL};
		e = posix_spawn(&pid, "/bin/sh", NULL, &attr, argv, environ);
		posix_spawnattr_destroy(&attr);
	}
	if (!e) {
		while (waitpid(pid, &status, 0) < 0) {
			if (errno != EINTR) {
				status = -1;
				break;
			}
		}
	}
	sigaction(SIGINT, &oint, NULL);
	sigaction(SIGQUIT, &oquit, NULL);
	sigprocmask(SIG_SETMASK, &omask, NULL);
	if (e) {
		errno = e;
		return -1;
	}
	return status;
}
