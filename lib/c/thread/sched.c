/*
 * sched.c - scheduling: sched_yield, sched_get_priority_min/max,
 * sched_rr_get_interval, sched_getparam/setparam, sched_getscheduler/
 * setscheduler (a process's are those of its first thread, as on QNX),
 * and pthread_getschedparam/setschedparam/setschedprio.
 */
#include <sched.h>
#include <unistd.h>
#include "thread_impl.h"

int sched_yield(void)
{
	SchedYield_r();
	return 0;
}

int sched_get_priority_min(int policy)
{
	struct _sched_info i;
	int r = SchedInfo_r(0, policy, &i);
	return r < 0 ? (int)__qsoe_ret(r) : i.priority_min;
}

int sched_get_priority_max(int policy)
{
	struct _sched_info i;
	int r = SchedInfo_r(0, policy, &i);
	return r < 0 ? (int)__qsoe_ret(r) : i.priority_max;
}

int sched_rr_get_interval(pid_t pid, struct timespec *t)
{
	struct _sched_info i;
	int r = SchedInfo_r(pid, SCHED_RR, &i);

	if (r < 0)
		return (int)__qsoe_ret(r);
	t->tv_sec = (time_t)(i.interval / 1000000000u);
	t->tv_nsec = (long)(i.interval % 1000000000u);
	return 0;
}

/* The thread whose scheduling stands for process pid: the caller, or thread 1. */
static int proc_tid(pid_t pid)
{
	return pid == 0 || pid == getpid() ? 0 : 1;
}

int sched_getparam(pid_t pid, struct sched_param *p)
{
	int r = SchedGet_r(pid, proc_tid(pid), p);
	return r < 0 ? (int)__qsoe_ret(r) : 0;
}

int sched_getscheduler(pid_t pid)
{
	struct sched_param p;
	int r = SchedGet_r(pid, proc_tid(pid), &p);
	return (int)__qsoe_ret(r);
}

int sched_setparam(pid_t pid, const struct sched_param *p)
{
	int r = SchedSet_r(pid, proc_tid(pid), SCHED_NOCHANGE, p);
	return r < 0 ? (int)__qsoe_ret(r) : 0;
}

/* Returns the previous policy. */
int sched_setscheduler(pid_t pid, int policy, const struct sched_param *p)
{
	struct sched_param old;
	int prev = SchedGet_r(pid, proc_tid(pid), &old);

	if (prev < 0)
		return (int)__qsoe_ret(prev);
	int r = SchedSet_r(pid, proc_tid(pid), policy, p);
	return r < 0 ? (int)__qsoe_ret(r) : prev;
}

int pthread_getschedparam(pthread_t t, int *__restrict policy, struct sched_param *__restrict p)
{
	int r = SchedGet_r(0, t, p);

	if (r < 0)
		return -r;
	*policy = r;
	return 0;
}

int pthread_setschedparam(pthread_t t, int policy, const struct sched_param *p)
{
	int r = SchedSet_r(0, t, policy, p);
	return r < 0 ? -r : 0;
}

int pthread_setschedprio(pthread_t t, int prio)
{
	struct sched_param p;
	int r = SchedGet_r(0, t, &p);

	if (r < 0)
		return -r;
	p.sched_priority = prio;
	r = SchedSet_r(0, t, SCHED_NOCHANGE, &p);
	return r < 0 ? -r : 0;
}

int pthread_getcpuclockid(pthread_t t, clockid_t *clk)
{
	int r = ClockId_r(0, t);

	if (r < 0)
		return -r;
	*clk = r;
	return 0;
}
