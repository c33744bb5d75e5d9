/*
 * spawn.h - starting a program: the arguments of a spawn (from a TM_SPAWN
 * request or from taskman's own boot code), and the start-up block.
 */
#ifndef TASKMAN_SPAWN_H
#define TASKMAN_SPAWN_H

#include <taskman/imgfile.h>
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
 * child's end will send it); or a negative errno. With io->may_block 0
 * (a pool thread) it returns -TM_EDEFER, having created nothing, when a
 * file must be read from another server: a loader thread must do it.
 */
pid_t tm_spawn(pid_t parent, const struct tm_spawn_args *a, rcvid_t rcvid, int boot, int *deferred,
               const struct tm_io *io);

/*
 * spawnreq.c: handles a whole TM_SPAWN request (len bytes at req, already
 * checked to be complete) from process sender at priority prio: decodes
 * it, spawns, and replies unless the reply is deferred. Returns 0, or
 * -TM_EDEFER (only with io->may_block 0) having replied nothing.
 */
int tm_spawn_request(const void *req, size_t len, rcvid_t rcvid, pid_t sender, int prio,
                     const struct tm_io *io);

/* ---- loadq.c: the loader threads -------------------------------------------- */

/*
 * Queues a TM_SPAWN that must read from another server (a copy of the
 * len-byte request) for a loader thread, which answers rcvid. Starts a
 * loader if none is idle (at most the loaders= boot option, default
 * TM_LOADERS_MAX). Returns 0, or -ENOMEM / -EAGAIN (no loader thread could be
 * started): nothing queued, the caller answers.
 */
int tm_loadq_submit(rcvid_t rcvid, pid_t sender, int prio, const void *req, size_t len);

/*
 * The client of rcvid wants to unblock: a spawn still queued is answered
 * EINTR at once; one being loaded stops at its next step (EINTR) unless
 * the process already exists. Returns 1 if rcvid had a load, else 0.
 */
int tm_loadq_cancel(rcvid_t rcvid);

/* Sets the most loader threads (the loaders= boot option); n >= 1. */
void tm_loadq_set_max(int n);

#define TM_LOADERS_MAX 64

/*
 * spawn.c: taskman's own spawn of a program from the boot archive (run=,
 * init=): argv as given, environment PATH=/bin:/sbin:/, a new session.
 */
pid_t tm_spawn_boot(const char *path, char *const argv[]);

#endif
