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
int posix_spawn_file_actions_init(posix_spawn_file_actions_t *actions);
int posix_spawn_file_actions_destroy(posix_spawn_file_actions_t *actions);
int posix_spawn_file_actions_addopen(posix_spawn_file_actions_t *__restrict actions, int fd,
                                     const char *__restrict path, int oflag, mode_t mode);
int posix_spawn_file_actions_addclose(posix_spawn_file_actions_t *actions, int fd);
int posix_spawn_file_actions_adddup2(posix_spawn_file_actions_t *actions, int fd, int newfd);
int posix_spawn_file_actions_addchdir_np(posix_spawn_file_actions_t *__restrict actions,
                                         const char *__restrict path);
int posix_spawn_file_actions_addfchdir_np(posix_spawn_file_actions_t *actions, int fd);

__END_DECLS

#endif /* _SPAWN_H */
