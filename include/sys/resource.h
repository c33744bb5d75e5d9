/*
 * sys/resource.h - resource operations (POSIX). RLIMIT_* numbers and
 * RLIM_INFINITY are QNX's.
 */
#ifndef _SYS_RESOURCE_H
#define _SYS_RESOURCE_H

#include <sys/cdefs.h>
#include <qsoe/abi/types.h>
#include <qsoe/abi/time.h>

__BEGIN_DECLS

#ifndef __DEFINED_id_t
#define __DEFINED_id_t
typedef __id_t id_t;
#endif
typedef __rlim_t rlim_t;

#define RLIM_INFINITY   ((rlim_t)0xfffffffffffffffdULL)
#define RLIM_SAVED_MAX  ((rlim_t)0xfffffffffffffffeULL)
#define RLIM_SAVED_CUR  ((rlim_t)0xffffffffffffffffULL)

#define RLIMIT_CPU      0
#define RLIMIT_FSIZE    1
#define RLIMIT_DATA     2
#define RLIMIT_STACK    3
#define RLIMIT_CORE     4
#define RLIMIT_NOFILE   5
#define RLIMIT_AS       6
#define RLIMIT_RSS      6
#define RLIMIT_VMEM     6
#define RLIMIT_MEMLOCK  7
#define RLIMIT_NPROC    8

#define RUSAGE_SELF     0
#define RUSAGE_CHILDREN (-1)

#define PRIO_PROCESS    0
#define PRIO_PGRP       1
#define PRIO_USER       2

struct rlimit {
	rlim_t rlim_cur;
	rlim_t rlim_max;
};

struct rusage {
	struct timeval ru_utime;
	struct timeval ru_stime;
	long ru_maxrss;
	long ru_ixrss;
	long ru_idrss;
	long ru_isrss;
	long ru_minflt;
	long ru_majflt;
	long ru_nswap;
	long ru_inblock;
	long ru_oublock;
	long ru_msgsnd;
	long ru_msgrcv;
	long ru_nsignals;
	long ru_nvcsw;
	long ru_nivcsw;
};

int getrlimit(int resource, struct rlimit *rl);
int setrlimit(int resource, const struct rlimit *rl);
int getrusage(int who, struct rusage *ru);
int getpriority(int which, id_t who);
int setpriority(int which, id_t who, int prio);

__END_DECLS

#endif /* _SYS_RESOURCE_H */
