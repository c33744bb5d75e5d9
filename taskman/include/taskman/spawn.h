/*
 * spawn.h - starting a program: the arguments of a spawn (from a TM_SPAWN
 * request or from taskman's own boot code), and the start-up block.
 */
#ifndef TASKMAN_SPAWN_H
#define TASKMAN_SPAWN_H

#include <taskman/loader.h>
#include <taskman/taskman.h>

/* A spawn's arguments; strings are packed (NUL-terminated, back to back). */
struct tm_spawn_args {
	const char *path;
	unsigned flags; /* TM_SPAWN_* */
	pid_t pgroup;
	__sigset_t sigmask, sigdefault, sigignore;
	int policy, prio; /* SETSCHED, or the caller's priority with SCHED_RR */
	uint32_t argc;
	const char *argv; /* argc strings, argv_len bytes */
	size_t argv_len;
	uint32_t envc;
	const char *envp;
	size_t env_len;
	const char *cwd;
	uint32_t nfds;
	const struct tm_fd *fds; /* aligned copies */
	uint32_t nacts;
	const struct tm_fileact *acts;
	const char *actstr;
	size_t acts_len;
	mode_t umask;
};

/* Everything the start-up block describes. */
struct tm_startup {
	const struct tm_spawn_args *a;
	const struct tm_image *im;
	struct tm_cred cred;
	pid_t pid, ppid;
	__sigset_t sigign; /* the ignored set after SETSIGDEF */
};

/*
 * startup.c: maps the main stack of pid with the start-up block at its
 * top. Returns 0 with the stack's usable part [*stack, *stack + *size) and
 * the block's address (the program's a0), or a negative errno.
 */
int tm_build_startup(pid_t pid, const struct tm_startup *s, uintptr_t *stack, size_t *size,
                     uintptr_t *block);

/*
 * spawn.c: starts the program a->path as a child of parent. rcvid is the
 * request to answer (0 for taskman's own spawns). Returns the pid, and
 * *deferred = 1 if the reply must wait (TM_STARTED, TM_DAEMON or the
 * child's end will send it); or a negative errno.
 */
pid_t tm_spawn(pid_t parent, const struct tm_spawn_args *a, rcvid_t rcvid, int boot, int *deferred);

/*
 * spawn.c: taskman's own spawn of a program from the boot archive (run=,
 * init=): argv as given, environment PATH=/bin:/sbin:/, a new session.
 */
pid_t tm_spawn_boot(const char *path, char *const argv[]);

#endif
