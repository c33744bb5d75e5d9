/*
 * sched.h - execution scheduling (POSIX). Policies and struct sched_param
 * are QNX's, from the ABI fragment qsoe/abi/sched.h.
 */
#ifndef _SCHED_H
#define _SCHED_H

#include <sys/cdefs.h>
#include <qsoe/abi/types.h>
#include <qsoe/abi/time.h>
#include <qsoe/abi/sched.h>

__BEGIN_DECLS

#ifndef __DEFINED_pid_t
#define __DEFINED_pid_t
typedef __pid_t pid_t;
#endif

int sched_get_priority_max(int policy);
int sched_get_priority_min(int policy);
int sched_getparam(pid_t pid, struct sched_param *param);
int sched_setparam(pid_t pid, const struct sched_param *param);
int sched_getscheduler(pid_t pid);
int sched_setscheduler(pid_t pid, int policy, const struct sched_param *param);
int sched_rr_get_interval(pid_t pid, struct timespec *interval);
int sched_yield(void);

__END_DECLS

#endif /* _SCHED_H */
