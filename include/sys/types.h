/*
 * sys/types.h - POSIX data types, with QNX Neutrino's sizes (from the ABI
 * fragment qsoe/abi/types.h) and QNX's thread object layouts (from
 * qsoe/abi/neutrino.h: struct _sync, struct _sync_attr, struct _thread_attr).
 *
 * Convention for every QSOE header: a typedef shared between headers is
 * wrapped in "#ifndef __DEFINED_<name>" so any include order works.
 */
#ifndef _SYS_TYPES_H
#define _SYS_TYPES_H

#include <sys/cdefs.h>
#include <qsoe/abi/types.h>
#include <qsoe/abi/neutrino.h>
#define __need_size_t
#define __need_NULL
#include <stddef.h>

#ifndef __DEFINED_ssize_t
#define __DEFINED_ssize_t
typedef __ssize_t ssize_t;
#endif
#ifndef __DEFINED_off_t
#define __DEFINED_off_t
typedef __off_t off_t;
#endif
typedef __off64_t off64_t;
#ifndef __DEFINED_pid_t
#define __DEFINED_pid_t
typedef __pid_t pid_t;
#endif
#ifndef __DEFINED_uid_t
#define __DEFINED_uid_t
typedef __uid_t uid_t;
#endif
#ifndef __DEFINED_gid_t
#define __DEFINED_gid_t
typedef __gid_t gid_t;
#endif
#ifndef __DEFINED_id_t
#define __DEFINED_id_t
typedef __id_t id_t;
#endif
#ifndef __DEFINED_mode_t
#define __DEFINED_mode_t
typedef __mode_t mode_t;
#endif
#ifndef __DEFINED_dev_t
#define __DEFINED_dev_t
typedef __dev_t dev_t;
#endif
#ifndef __DEFINED_ino_t
#define __DEFINED_ino_t
typedef __ino_t ino_t;
#endif
#ifndef __DEFINED_nlink_t
#define __DEFINED_nlink_t
typedef __nlink_t nlink_t;
#endif
#ifndef __DEFINED_blksize_t
#define __DEFINED_blksize_t
typedef __blksize_t blksize_t;
#endif
#ifndef __DEFINED_blkcnt_t
#define __DEFINED_blkcnt_t
typedef __blkcnt_t blkcnt_t;
#endif
#ifndef __DEFINED_fsblkcnt_t
#define __DEFINED_fsblkcnt_t
typedef __fsblkcnt_t fsblkcnt_t;
#endif
#ifndef __DEFINED_fsfilcnt_t
#define __DEFINED_fsfilcnt_t
typedef __fsfilcnt_t fsfilcnt_t;
#endif
#ifndef __DEFINED_time_t
#define __DEFINED_time_t
typedef __time_t time_t;
#endif
#ifndef __DEFINED_clock_t
#define __DEFINED_clock_t
typedef __clock_t clock_t;
#endif
#ifndef __DEFINED_clockid_t
#define __DEFINED_clockid_t
typedef __clockid_t clockid_t;
#endif
#ifndef __DEFINED_timer_t
#define __DEFINED_timer_t
typedef __timer_t timer_t;
#endif
#ifndef __DEFINED_useconds_t
#define __DEFINED_useconds_t
typedef __useconds_t useconds_t;
#endif
#ifndef __DEFINED_suseconds_t
#define __DEFINED_suseconds_t
typedef __suseconds_t suseconds_t;
#endif
#ifndef __DEFINED_key_t
#define __DEFINED_key_t
typedef __key_t key_t;
#endif

/* Threads (QNX layouts). */
#ifndef __DEFINED_pthread_types
#define __DEFINED_pthread_types
typedef __pthread_t pthread_t;
typedef struct _thread_attr pthread_attr_t;
typedef struct _sync pthread_mutex_t;
typedef struct _sync_attr pthread_mutexattr_t;
typedef struct _sync pthread_cond_t;
typedef struct _sync_attr pthread_condattr_t;
typedef struct _sync_attr pthread_rwlockattr_t;
typedef struct _sync_attr pthread_barrierattr_t;
typedef struct _sync pthread_spinlock_t;
typedef int pthread_key_t;
typedef struct {
	int __once;
	struct _sync __mutex;
} pthread_once_t;
typedef struct {
	int __active;
	int __blockedwriters;
	int __blockedreaders;
	int __heavy;
	struct _sync __lock;
	struct _sync __rcond;
	struct _sync __wcond;
	unsigned __owner;
	unsigned __spare;
} pthread_rwlock_t;
typedef struct {
	unsigned __barrier;
	unsigned __count;
	struct _sync __lock;
	struct _sync __bcond;
	unsigned __pad;
} pthread_barrier_t;
#endif

/* Traditional BSD / System V names that QNX also provides. */
typedef unsigned char u_char;
typedef unsigned short u_short;
typedef unsigned int u_int;
typedef unsigned long u_long;
typedef unsigned short ushort;
typedef unsigned int uint;
typedef unsigned long ulong;
typedef __uint8_t u_int8_t;
typedef __uint16_t u_int16_t;
typedef __uint32_t u_int32_t;
typedef __uint64_t u_int64_t;
typedef char *caddr_t;
typedef __int64_t quad_t;
typedef __uint64_t u_quad_t;

#endif /* _SYS_TYPES_H */
