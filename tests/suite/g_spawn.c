/*
 * g_spawn.c - group "spawn": posix_spawn/posix_spawnp, file actions and
 * attributes, what a child inherits (arguments, environment, descriptors,
 * cwd, umask, parent), QNX spawn()/spawnl(), and the errors (no such
 * program, fork/exec ENOSYS).
 */
#include <fcntl.h>
#include <process.h>
#include <spawn.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "suite.h"

extern char **environ;

/* Runs suite --child ARGS with file actions fa and attributes at; returns the exit status or -1. */
static int run(const char *const args[], posix_spawn_file_actions_t *fa, posix_spawnattr_t *at,
               char **envp)
{
	const char *argv[32] = {"suite", "--child"};
	int n = 2;
	pid_t pid;

	for (int i = 0; args[i] && n < 31; i++)
		argv[n++] = args[i];
	argv[n] = NULL;
	int e = posix_spawn(&pid, SUITE_SELF, fa, at, (char *const *)argv, envp ? envp : environ);
	if (e) {
		suite_note("posix_spawn: %s", strerror(e));
		return -1;
	}
	int st = suite_wait(pid);
	return st >= 0 && WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

SUITE_GROUP(spawn)
{
	char pidbuf[16];

	/* exit statuses come back */
	CHECK_EQ(run((const char *[]){"exit", "0", NULL}, NULL, NULL, NULL), 0);
	CHECK_EQ(run((const char *[]){"exit", "7", NULL}, NULL, NULL, NULL), 7);
	CHECK_EQ(run((const char *[]){"exit", "255", NULL}, NULL, NULL, NULL), 255);

	/* arguments (an empty one too) and environment */
	CHECK_EQ(run((const char *[]){"checkargs", "3", "a", "", "c c", NULL}, NULL, NULL, NULL),
	         0);
	char *env[] = {"SUITE_X=forty two", "PATH=/bin", NULL};
	CHECK_EQ(run((const char *[]){"checkenv", "SUITE_X", "forty two", NULL}, NULL, NULL, env),
	         0);
	char *noenv[] = {NULL};
	CHECK_EQ(run((const char *[]){"checkenv", "SUITE_X", NULL}, NULL, NULL, noenv), 0);

	/* the child's parent is us */
	snprintf(pidbuf, sizeof(pidbuf), "%d", (int)getpid());
	CHECK_EQ(run((const char *[]){"ppid", pidbuf, NULL}, NULL, NULL, NULL), 0);

	/* descriptors: inherited unless close-on-exec */
	int fd = open("/dev/null", O_RDWR);
	CHECK(fd >= 0, "open /dev/null (errno %d)", errno);
	char fdbuf[16];
	snprintf(fdbuf, sizeof(fdbuf), "%d", fd);
	CHECK_EQ(run((const char *[]){"fdopen", fdbuf, NULL}, NULL, NULL, NULL), 0);
	CHECK_EQ(run((const char *[]){"fdnull", fdbuf, NULL}, NULL, NULL, NULL), 0);
	fcntl(fd, F_SETFD, FD_CLOEXEC);
	CHECK_EQ(run((const char *[]){"fdclosed", fdbuf, NULL}, NULL, NULL, NULL), 0);

	/* file actions: dup2 (also of a close-on-exec descriptor), close, open */
	posix_spawn_file_actions_t fa;
	CHECK_EQ(posix_spawn_file_actions_init(&fa), 0);
	CHECK_EQ(posix_spawn_file_actions_adddup2(&fa, fd, 9), 0);
	CHECK_EQ(run((const char *[]){"fdnull", "9", NULL}, &fa, NULL, NULL), 0);
	CHECK_EQ(posix_spawn_file_actions_addclose(&fa, 9), 0);
	CHECK_EQ(run((const char *[]){"fdclosed", "9", NULL}, &fa, NULL, NULL), 0);
	posix_spawn_file_actions_destroy(&fa);
	posix_spawn_file_actions_init(&fa);
	CHECK_EQ(posix_spawn_file_actions_addopen(&fa, 12, "/dev/null", O_RDWR, 0), 0);
	CHECK_EQ(run((const char *[]){"fdnull", "12", NULL}, &fa, NULL, NULL), 0);
	posix_spawn_file_actions_destroy(&fa);
	close(fd);

	/* a failing file action: posix_spawn reports it */
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 5, "/no/such/file", O_RDONLY, 0);
	pid_t pid;
	int e = posix_spawn(&pid, SUITE_SELF, &fa, NULL,
	                    (char *const[]){"suite", "--child", "exit", "0", NULL}, environ);
	CHECK(e == ENOENT, "a failing open action gives ENOENT (got %d %s)", e, strerror(e));
	CHECK_EQ(posix_spawn_file_actions_adddup2(&fa, -1, 3), EBADF);
	posix_spawn_file_actions_destroy(&fa);

	/* chdir action, inherited cwd and umask */
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addchdir_np(&fa, "/dev");
	CHECK_EQ(run((const char *[]){"cwd", "/dev", NULL}, &fa, NULL, NULL), 0);
	posix_spawn_file_actions_destroy(&fa);
	mode_t old = umask(027);
	CHECK_EQ(run((const char *[]){"umask", "027", NULL}, NULL, NULL, NULL), 0);
	umask(old);

	/* attributes: a process group of its own */
	posix_spawnattr_t at;
	posix_spawnattr_init(&at);
	posix_spawnattr_setflags(&at, POSIX_SPAWN_SETPGROUP);
	posix_spawnattr_setpgroup(&at, 0);
	CHECK_EQ(run((const char *[]){"ownpgrp", NULL}, NULL, &at, NULL), 0);
	posix_spawnattr_destroy(&at);
	CHECK_EQ(posix_spawnattr_setflags(&at, 0), EINVAL); /* destroyed */

	/* errors */
	e = posix_spawn(&pid, "/bin/no-such-program", NULL, NULL, (char *const[]){"x", NULL},
	                environ);
	CHECK(e == ENOENT, "spawning a missing program gives ENOENT (got %d)", e);
	e = posix_spawnp(&pid, "no-such-program", NULL, NULL, (char *const[]){"x", NULL}, environ);
	CHECK(e == ENOENT, "posix_spawnp of a missing program gives ENOENT (got %d)", e);
	CHECK_ERR(fork(), -1, ENOSYS);
	CHECK_ERR(execv(SUITE_SELF, (char *const[]){"suite", NULL}), -1, ENOSYS);

	/* posix_spawnp finds the program in PATH */
	setenv("PATH", "/nonexistent:/bin", 1);
	e = posix_spawnp(&pid, "suite", NULL, NULL,
	                 (char *const[]){"suite", "--child", "exit", "4", NULL}, environ);
	CHECK(e == 0, "posix_spawnp finds suite in PATH (got %d)", e);
	if (e == 0) {
		int st = suite_wait(pid);
		CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 4, "its exit status is 4 (status %#x)",
		      st);
	}

	/* QNX forms */
	CHECK_EQ(spawnl(P_WAIT, SUITE_SELF, "suite", "--child", "exit", "9", NULL), 9);
	int p2 = spawnl(P_NOWAIT, SUITE_SELF, "suite", "--child", "exit", "3", NULL);
	CHECK(p2 > 0, "spawnl P_NOWAIT returns a pid");
	if (p2 > 0) {
		int st = suite_wait(p2);
		CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 3, "... whose status is 3 (%#x)", st);
	}
	CHECK_ERR(spawnl(P_OVERLAY, SUITE_SELF, "suite", NULL), -1, ENOSYS);
	int map[] = {SPAWN_FDCLOSED, 1, 2};
	p2 = spawn(SUITE_SELF, 3, map, NULL,
	           (char *const[]){"suite", "--child", "fdclosed", "0", NULL}, NULL);
	CHECK(p2 > 0, "spawn() with an fd map (errno %d)", errno);
	if (p2 > 0) {
		int st = suite_wait(p2);
		CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0, "fd 0 closed per the map (%#x)", st);
	}
}
