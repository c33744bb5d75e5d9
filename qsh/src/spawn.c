/*
 * spawn.c - starting programs with posix_spawn (signal mask and default
 * dispositions, process groups, pipe ends), replacing the shell (exec),
 * and scripts without #! that are run by a new qsh.
 */
#include "qsh.h"
#include "shell.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern char **environ;

/* Signals the shell changed that children must get back at their default. */
static void child_sigdef(sigset_t *s)
{
	sigemptyset(s);
	sig_reset_for_child(s);
}

/* Is the file a script without "#!" (to be run by the shell)? */
static int spawn_attempt(pid_t *pid, const char *path, posix_spawn_file_actions_t *fa,
                         posix_spawnattr_t *at, char **argv, char **envp)
{
	int r = posix_spawn(pid, path, fa, at, argv, envp);
	if (r == ENOEXEC) {
		/* no #!: run it with a new qsh */
		size_t n = 0;
		while (argv[n])
			n++;
		char **nv = stalloc((n + 3) * sizeof *nv);
		nv[0] = sh.argv0;
		nv[1] = (char *)path;
		for (size_t i = 1; i <= n; i++)
			nv[i + 1] = argv[i];
		r = posix_spawn(pid, sh.selfpath, fa, at, nv, envp);
	}
	return r;
}

/*
 * Start s->path with the given argv/envp, optional pipe ends on 0/1,
 * process group (s->pgrp: -1 none, 0 new, >0 join) and, for background
 * jobs without job control, SIGINT/SIGQUIT ignored. Returns the pid or -1
 * with *err set.
 */
pid_t spawn_cmd(struct spawnspec *s, int *err)
{
	posix_spawnattr_t at;
	posix_spawn_file_actions_t fa;
	posix_spawnattr_init(&at);
	posix_spawn_file_actions_init(&fa);
	short fl = POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF;
	sigset_t mask, def;
	sigemptyset(&mask);
	child_sigdef(&def);
	if (s->bg) {
		sigdelset(&def, SIGINT);
		sigdelset(&def, SIGQUIT);
	}
	posix_spawnattr_setsigmask(&at, &mask);
	posix_spawnattr_setsigdefault(&at, &def);
	if (s->pgrp >= 0) {
		fl |= POSIX_SPAWN_SETPGROUP;
		posix_spawnattr_setpgroup(&at, s->pgrp);
	}
	posix_spawnattr_setflags(&at, fl);
	if (s->fdin >= 0)
		posix_spawn_file_actions_adddup2(&fa, s->fdin, 0);
	if (s->fdout >= 0)
		posix_spawn_file_actions_adddup2(&fa, s->fdout, 1);
	struct sigaction oint, oquit, ign;
	if (s->bg) {
		memset(&ign, 0, sizeof ign);
		ign.sa_handler = SIG_IGN;
		sigemptyset(&ign.sa_mask);
		sigaction(SIGINT, &ign, &oint);
		sigaction(SIGQUIT, &ign, &oquit);
	}
	pid_t pid = -1;
	int r = spawn_attempt(&pid, s->path, &fa, &at, s->argv, s->envp ? s->envp : environ);
	if (s->bg) {
		sigaction(SIGINT, &oint, NULL);
		sigaction(SIGQUIT, &oquit, NULL);
	}
	posix_spawn_file_actions_destroy(&fa);
	posix_spawnattr_destroy(&at);
	if (r != 0) {
		*err = r;
		return -1;
	}
	if (s->pgrp >= 0) {
		/* also from the parent, so the group exists before we use it */
		setpgid(pid, s->pgrp ? s->pgrp : pid);
		if (s->fg && sh.tty_fd >= 0 && Flag(O_MONITOR))
			tcsetpgrp(sh.tty_fd, s->pgrp ? s->pgrp : pid);
	}
	return pid;
}

/*
 * Replace the shell by path (exec). Falls back to spawning the program,
 * waiting and exiting with its status where execve is unavailable.
 * Returns an errno value only if the program cannot be run.
 */
int exec_replace(const char *path, char **argv, char **envp)
{
	flush_out();
	sigset_t def;
	child_sigdef(&def);
	for (int sig = 1; sig < NSIGS; sig++)
		if (sigismember(&def, sig) == 1)
			signal(sig, SIG_DFL);
	sigset_t empty;
	sigemptyset(&empty);
	sigprocmask(SIG_SETMASK, &empty, NULL);
	execve(path, argv, envp);
	int e = errno;
	if (e == ENOEXEC) {
		size_t n = 0;
		while (argv[n])
			n++;
		char **nv = stalloc((n + 3) * sizeof *nv);
		nv[0] = sh.argv0;
		nv[1] = (char *)path;
		for (size_t i = 1; i <= n; i++)
			nv[i + 1] = argv[i];
		execve(sh.selfpath, nv, envp);
		e = errno;
	}
	if (e == ENOSYS) {
		struct spawnspec s;
		memset(&s, 0, sizeof s);
		s.argv = argv;
		s.envp = envp;
		s.path = path;
		s.fdin = s.fdout = -1;
		s.pgrp = -1;
		int err = 0;
		pid_t pid = spawn_cmd(&s, &err);
		if (pid < 0)
			return err;
		int st = wait_pid_status(pid);
		shell_exit(st);
	}
	return e;
}
