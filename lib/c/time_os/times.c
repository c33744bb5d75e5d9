/*
 * times.c - CPU time and resources: times, clock, getrusage, getrlimit,
 * setrlimit, getpriority, setpriority, nice.
 *
 * The caller's CPU time comes from the kernel's CPU-time clock
 * (ClockTime(CLOCK_PROCESS_CPUTIME_ID)), with the resolution of the
 * hardware timer; Skimmer does not split it into user and system time, so
 * all of it is reported as user time. Children's times are what waitpid
 * collected (taskman reports them; 0 while the kernel keeps no account of
 * a dead process's time).
 *
 * Resource limits: QSOE enforces none of them (memory and descriptors are
 * limited only by what exists). getrlimit reports RLIM_INFINITY, except
 * RLIMIT_STACK (the main stack, 256 KiB); setrlimit records lower values
 * so getrlimit returns them, and refuses to raise a hard limit (EPERM)
 * unless the caller is root.
 */
#include <sys/resource.h>
#include <sys/times.h>
#include <time.h>
#include <unistd.h>
#include "qsoe_os.h"

#define NLIMITS 9

static uint64_t own_cpu_ns(void)
{
	uint64_t ns = 0;

	ClockTime_r(CLOCK_PROCESS_CPUTIME_ID, NULL, &ns);
	return ns;
}

/* ns in clock ticks of sysconf(_SC_CLK_TCK) (100 per second). */
static clock_t ticks(uint64_t ns)
{
	return (clock_t)(ns / 10000000u);
}

clock_t times(struct tms *t)
{
	uint64_t now;

	t->tms_utime = ticks(own_cpu_ns());
	t->tms_stime = 0;
	t->tms_cutime = ticks(__atomic_load_n(&__qsoe_proc.child_utime_ns, __ATOMIC_RELAXED));
	t->tms_cstime = ticks(__atomic_load_n(&__qsoe_proc.child_stime_ns, __ATOMIC_RELAXED));
	if (ClockTime_r(CLOCK_MONOTONIC, NULL, &now) < 0)
		return (clock_t)-1;
	return ticks(now);
}

/* CPU time used, in CLOCKS_PER_SEC units (wraps like QNX's 32-bit clock_t). */
clock_t clock(void)
{
	return (clock_t)(own_cpu_ns() / (1000000000u / CLOCKS_PER_SEC));
}

static void to_tv(uint64_t ns, struct timeval *tv)
{
	tv->tv_sec = (time_t)(ns / 1000000000u);
	tv->tv_usec = (suseconds_t)(ns % 1000000000u / 1000u);
}

int getrusage(int who, struct rusage *ru)
{
	if (who != RUSAGE_SELF && who != RUSAGE_CHILDREN)
		return (int)__qsoe_ret(-EINVAL);
	for (char *p = (char *)ru; p < (char *)(ru + 1); p++)
		*p = 0;
	if (who == RUSAGE_SELF) {
		to_tv(own_cpu_ns(), &ru->ru_utime);
	} else {
		to_tv(__atomic_load_n(&__qsoe_proc.child_utime_ns, __ATOMIC_RELAXED),
		      &ru->ru_utime);
		to_tv(__atomic_load_n(&__qsoe_proc.child_stime_ns, __ATOMIC_RELAXED),
		      &ru->ru_stime);
	}
	return 0;
}

static struct rlimit limits[NLIMITS];
static int limits_set;
static qsoe_lock_t limits_lock = QSOE_LOCK_INIT;

static void limits_init(void)
{
	if (limits_set)
		return;
	for (int i = 0; i < NLIMITS; i++)
		limits[i].rlim_cur = limits[i].rlim_max = RLIM_INFINITY;
	limits[RLIMIT_STACK].rlim_cur = 256 * 1024;
	limits_set = 1;
}

int getrlimit(int res, struct rlimit *rl)
{
	if (res < 0 || res >= NLIMITS)
		return (int)__qsoe_ret(-EINVAL);
	qsoe_lock(&limits_lock);
	limits_init();
	*rl = limits[res];
	qsoe_unlock(&limits_lock);
	return 0;
}

int setrlimit(int res, const struct rlimit *rl)
{
	if (res < 0 || res >= NLIMITS || rl->rlim_cur > rl->rlim_max)
		return (int)__qsoe_ret(-EINVAL);
	qsoe_lock(&limits_lock);
	limits_init();
	int r = 0;
	if (rl->rlim_max > limits[res].rlim_max && geteuid() != 0)
		r = -EPERM;
	else
		limits[res] = *rl;
	qsoe_unlock(&limits_lock);
	return (int)__qsoe_ret(r);
}

/*
 * Priorities: QSOE threads have real-time priorities (1..255), not nice
 * values. getpriority/setpriority work on the caller's process only
 * (PRIO_PROCESS with who 0 or its pid) and map nice n to priority 10 - n
 * (within 1..63 for non-root), applied to the calling thread.
 */
int getpriority(int which, id_t who)
{
	struct sched_param p;

	if (which != PRIO_PROCESS || (who != 0 && who != (id_t)getpid()))
		return (int)__qsoe_ret(which > PRIO_USER ? -EINVAL : -ESRCH);
	int r = SchedGet_r(0, 0, &p);
	if (r < 0)
		return (int)__qsoe_ret(r);
	return _QSOE_PRIO_DEFAULT - p.sched_priority;
}

int setpriority(int which, id_t who, int nice)
{
	struct sched_param p;

	if (which != PRIO_PROCESS || (who != 0 && who != (id_t)getpid()))
		return (int)__qsoe_ret(which > PRIO_USER ? -EINVAL : -ESRCH);
	int r = SchedGet_r(0, 0, &p);
	if (r < 0)
		return (int)__qsoe_ret(r);
	int prio = _QSOE_PRIO_DEFAULT - nice;
	if (prio < _QSOE_PRIO_MIN)
		prio = _QSOE_PRIO_MIN;
	if (prio > _QSOE_PRIO_MAX)
		prio = _QSOE_PRIO_MAX;
	p.sched_priority = prio;
	r = SchedSet_r(0, 0, SCHED_NOCHANGE, &p);
	return (int)__qsoe_ret(r < 0 ? r : 0);
}

int nice(int incr)
{
	int cur = getpriority(PRIO_PROCESS, 0);

	if (setpriority(PRIO_PROCESS, 0, cur + incr) < 0)
		return -1;
	return getpriority(PRIO_PROCESS, 0);
}
