/*
 * session.c - "init -t TTY PROGRAM ARG...": runs PROGRAM as an interactive
 * session on terminal TTY. init spawns this as a new session (it is the
 * session leader); it makes TTY the session's controlling terminal (in
 * taskman, TIOCSCTTY, and in the driver, DCMD_CHR_TCSETSID), puts it on
 * descriptors 0, 1 and 2, starts PROGRAM in a process group of its own in
 * the foreground, and ends with PROGRAM's status when it ends.
 */
#include <devctl.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/dcmd_chr.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

extern char **environ;

int init_session(const char *tty, char **argv)
{
	if (getsid(0) != getpid())
		setsid();
	int fd = open(tty, O_RDWR);
	if (fd < 0)
		return 126;
	for (int i = 0; i < 3; i++)
		if (fd != i)
			dup2(fd, i);
	if (fd > 2)
		close(fd);
	ioctl(0, TIOCSCTTY, 0);
	pid_t me = getpid();
	devctl(0, DCMD_CHR_TCSETSID, &me, sizeof(me), NULL);
	signal(SIGINT, SIG_IGN);
	signal(SIGQUIT, SIG_IGN);
	signal(SIGTSTP, SIG_IGN);
	signal(SIGTTOU, SIG_IGN);

	posix_spawnattr_t attr;
	sigset_t def;
	sigemptyset(&def);
	sigaddset(&def, SIGINT);
	sigaddset(&def, SIGQUIT);
	sigaddset(&def, SIGTSTP);
	sigaddset(&def, SIGTTOU);
	posix_spawnattr_init(&attr);
	posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF);
	posix_spawnattr_setpgroup(&attr, 0);
	posix_spawnattr_setsigdefault(&attr, &def);
	pid_t pid;
	int r = posix_spawn(&pid, argv[0], NULL, &attr, argv, environ);
	posix_spawnattr_destroy(&attr);
	if (r != 0) {
		dprintf(2, "init: cannot run %s on %s: %s\n", argv[0], tty, strerror(r));
		return 127;
	}
	tcsetpgrp(0, pid);
	int status;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return 1;
	tcsetpgrp(0, me);
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	return 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}
