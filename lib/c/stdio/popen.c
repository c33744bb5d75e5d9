/*
 * popen.c - pipe streams to a shell command (popen, pclose) through
 * posix_spawn: QSOE has no fork.
 */
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "libc.h"
#include "stdio_impl.h"

extern char **environ;

/*
 * Run "/bin/sh -c command" with its standard output (mode "r") or input
 * ("w") connected to the returned stream. 'e' in mode sets close-on-exec
 * on the parent's end. The child does not inherit other popen streams.
 * NULL with errno on failure.
 */
FILE *popen(const char *command, const char *mode)
{
	int rd = mode[0] == 'r';
	int fds[2];

	if ((mode[0] != 'r' && mode[0] != 'w') || (mode[1] && mode[1] != 'e')) {
		errno = EINVAL;
		return NULL;
	}
	if (pipe(fds))
		return NULL;
	int mine = rd ? fds[0] : fds[1], theirs = rd ? fds[1] : fds[0];
	fcntl(mine, F_SETFD, FD_CLOEXEC);

	posix_spawn_file_actions_t fa;
	int e = posix_spawn_file_actions_init(&fa);
	if (e)
		goto fail;
	if (theirs != (rd ? 1 : 0)) {
		posix_spawn_file_actions_adddup2(&fa, theirs, rd ? 1 : 0);
		posix_spawn_file_actions_addclose(&fa, theirs);
	}
	__qsoe_list_lock();
	for (FILE *p = __qsoe_fhead(); p; p = p->next)
		if (p->pid >= 0 && p->fd >= 0)
			posix_spawn_file_actions_addclose(&fa, p->fd);
	__qsoe_list_unlock();

	char *argv[] = {"sh", "-c", (char *)command, NULL};
	pid_t pid;
	e = posix_spawn(&pid, "/bin/sh", &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	if (e)
		goto fail;
	close(theirs);
	FILE *f = fdopen(mine, rd ? "r" : "w");
	if (!f) {
		e = errno;
		close(mine);
		waitpid(pid, NULL, 0);
		errno = e;
		return NULL;
	}
	f->pid = pid;
	return f;
fail:
	close(fds[0]);
	close(fds[1]);
	errno = e;
	return NULL;
}

/* Close a popen stream and wait for its command; returns its wait status or -1. */
int pclose(FILE *f)
{
	pid_t pid = f->pid;
	int status;

	if (pid < 0) {
		errno = EINVAL;
		return -1;
	}
	fclose(f);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	return status;
}
