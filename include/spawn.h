/*
 * spawn.h - spawn (POSIX). posix_spawnattr_t and posix_spawn_file_actions_t
 * are single words as in QNX (opaque handles allocated by the *_init calls).
 */
#ifndef _SPAWN_H
#define _SPAWN_H

#include <sys/cdefs.h>
#include <qsoe/abi/types.h>
#include <qsoe/abi/sched.h>
#include <signal.h>

__BEGIN_DECLS

#ifndef __DEFINED_mode_t
#define __DEFINED_mode_t
typedef __mode_t mode_t;
#endif

typedef __uintptr_t posix_spawnattr_t;
typedef void *posix_spawn_file_actions_t;

#define POSIX_SPAWN_SETPGROUP     0x0001
#define POSIX_SPAWN_SETSIGMASK    0x0002
#define POSIX_SPAWN_SETSIGDEF     0x0004
#define POSIX_SPAWN_RESETIDS      0x0010
#define POSIX_SPAWN_SETSCHEDULER  0x0040
#define POSIX_SPAWN_SETSCHEDPARAM 0x0400
/* QNX extensions (QNX values) */
#define POSIX_SPAWN_SETSIGIGN   0x0008     /* signals in sigignore start ignored */
#define POSIX_SPAWN_SETSID      0x0200     /* the child starts a new session */
#define POSIX_SPAWN_NOZOMBIE    0x2000     /* nobody waits: no zombie, no SIGCHLD */
#define POSIX_SPAWN_HOLD        0x8000     /* return once the child calls procmgr_daemon() */
#define POSIX_SPAWN_SEARCH_PATH 0x00020000 /* search PATH for the program */

int posix_spawn(pid_t *__restrict pid, const char *__restrict path,
                const posix_spawn_file_actions_t *actions, const posix_spawnattr_t *__restrict attr,
                char *const argv[__restrict], char *const envp[__restrict]);
int posix_spawnp(pid_t *__restrict pid, const char *__restrict file,
                 const posix_spawn_file_actions_t *actions,
                 const posix_spawnattr_t *__restrict attr, char *const argv[__restrict],
                 char *const envp[__restrict]);
int posix_spawnattr_init(posix_spawnattr_t *attr);
int posix_spawnattr_destroy(posix_spawnattr_t *attr);
int posix_spawnattr_getflags(const posix_spawnattr_t *__restrict attr, short *__restrict flags);
int posix_spawnattr_setflags(posix_spawnattr_t *attr, short flags);
int posix_spawnattr_getpgroup(const posix_spawnattr_t *__restrict attr, pid_t *__restrict pgrp);
int posix_spawnattr_setpgroup(posix_spawnattr_t *attr, pid_t pgrp);
int posix_spawnattr_getsigdefault(const posix_spawnattr_t *__restrict attr,
                                  sigset_t *__restrict set);
int posix_spawnattr_setsigdefault(posix_spawnattr_t *__restrict attr,
                                  const sigset_t *__restrict set);
int posix_spawnattr_getsigmask(const posix_spawnattr_t *__restrict attr, sigset_t *__restrict set);
int posix_spawnattr_setsigmask(posix_spawnattr_t *__restrict attr, const sigset_t *__restrict set);
int posix_spawnattr_getschedpolicy(const posix_spawnattr_t *__restrict attr,
                                   int *__restrict policy);
int posix_spawnattr_setschedpolicy(posix_spawnattr_t *attr, int policy);
int posix_spawnattr_getschedparam(const posix_spawnattr_t *__restrict attr,
                                  struct sched_param *__restrict param);
int posix_spawnattr_setschedparam(posix_spawnattr_t *__restrict attr,
                                  const struct sched_param *__restrict param);
int posix_spawnattr_getsigignore(const posix_spawnattr_t *__restrict attr,
                                 sigset_t *__restrict set);
int posix_spawnattr_setsigignore(posix_spawnattr_t *__restrict attr,
                                 const sigset_t *__restrict set);
int posix_spawnattr_getxflags(const posix_spawnattr_t *__restrict attr, unsigned *__restrict flags);
int posix_spawnattr_setxflags(posix_spawnattr_t *attr, unsigned flags);
int posix_spawn_file_actions_init(posix_spawn_file_actions_t *actions);
int posix_spawn_file_actions_destroy(posix_spawn_file_actions_t *actions);
int posix_spawn_file_actions_addopen(posix_spawn_file_actions_t *__restrict actions, int fd,
                                     const char *__restrict path, int oflag, mode_t mode);
int posix_spawn_file_actions_addclose(posix_spawn_file_actions_t *actions, int fd);
int posix_spawn_file_actions_adddup2(posix_spawn_file_actions_t *actions, int fd, int newfd);
int posix_spawn_file_actions_addchdir_np(posix_spawn_file_actions_t *__restrict actions,
                                         const char *__restrict path);
int posix_spawn_file_actions_addfchdir_np(posix_spawn_file_actions_t *actions, int fd);

/*
 * QNX spawn(): the child's descriptor i is the caller's fd_map[i]
 * (SPAWN_FDCLOSED: none) for i < fd_count; with fd_count 0 it inherits
 * every descriptor without FD_CLOEXEC. inherit may be NULL.
 */
#define SPAWN_SETGROUP       POSIX_SPAWN_SETPGROUP
#define SPAWN_SETSIGMASK     POSIX_SPAWN_SETSIGMASK
#define SPAWN_SETSIGDEF      POSIX_SPAWN_SETSIGDEF
#define SPAWN_SETSIGIGN      POSIX_SPAWN_SETSIGIGN
#define SPAWN_SETSID         POSIX_SPAWN_SETSID
#define SPAWN_EXPLICIT_SCHED POSIX_SPAWN_SETSCHEDPARAM
#define SPAWN_NOZOMBIE       POSIX_SPAWN_NOZOMBIE
#define SPAWN_HOLD           POSIX_SPAWN_HOLD
#define SPAWN_SEARCH_PATH    POSIX_SPAWN_SEARCH_PATH
#define SPAWN_FDCLOSED       (-1)
#define SPAWN_NEWPGROUP      0

struct inheritance {
	__uint32_t flags;    /* SPAWN_* */
	__pid_t pgroup;      /* SPAWN_SETGROUP (SPAWN_NEWPGROUP: a group of its own) */
	sigset_t sigmask;    /* SPAWN_SETSIGMASK */
	sigset_t sigdefault; /* SPAWN_SETSIGDEF */
	sigset_t sigignore;  /* SPAWN_SETSIGIGN */
	__uint32_t stack_max;
	__int32_t policy; /* SPAWN_EXPLICIT_SCHED */
	__uint32_t nd;
	__uint32_t runmask;
	struct sched_param param; /* SPAWN_EXPLICIT_SCHED */
};

pid_t spawn(const char *path, int fd_count, const int fd_map[], const struct inheritance *inherit,
            char *const argv[], char *const envp[]);
pid_t spawnp(const char *file, int fd_count, const int fd_map[], const struct inheritance *inherit,
             char *const argv[], char *const envp[]);

__END_DECLS

#endif /* _SPAWN_H */
