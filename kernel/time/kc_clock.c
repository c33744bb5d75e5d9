/*
 * kc_clock.c - the clock kernel calls: ClockTime, ClockAdjust, ClockPeriod,
 * ClockId (QNX semantics; see docs/abi.md "Clocks and timers").
 */
#include <skimmer/clock.h>
#include <skimmer/kcall.h>
#include <skimmer/proc.h>
#include <skimmer/ptimer.h>
#include <skimmer/sched.h>
#include <skimmer/thread.h>
#include <skimmer/uaccess.h>
#include <qsoe/abi/neutrino.h>
#include <qsoe/abi/time.h>
#include "kcall_protos.h"

extern uint64_t rr_quantum_ticks; /* sched.c */

#define PERIOD_MIN_NS 10000ULL      /* ClockPeriod: smallest settable tick, 10 us */
#define PERIOD_MAX_NS 1000000000ULL /* and the largest, 1 s */

/* May the caller set system clocks? (root, or the process manager) */
static bool clock_privileged(void)
{
	struct process *p = kcall_self()->proc;

	return p->cred.euid == 0 || (p->flags & PROC_F_SYSMGR);
}

static bool is_realtime(clockid_t id)
{
	return id == CLOCK_REALTIME || id == CLOCK_SOFTTIME;
}

/*
 * ClockTime(id, new, old): *old receives the clock's time in ns; new sets
 * CLOCK_REALTIME (root only, EPERM). Every clock ClockId names can be read;
 * only CLOCK_REALTIME / CLOCK_SOFTTIME can be set (EINVAL otherwise).
 */
long kc_ClockTime(clockid_t id, uaddr_t new_time, uaddr_t old_time)
{
	uint64_t now, set = 0;
	int r = clock_read_ns(id, &now);

	if (r < 0)
		return r;
	if (new_time) {
		if (!is_realtime(id))
			return -EINVAL;
		if (!clock_privileged())
			return -EPERM;
		if (copyin(&set, new_time, sizeof(set)) < 0)
			return -EFAULT;
	}
	if (old_time && copyout(old_time, &now, sizeof(now)) < 0)
		return -EFAULT;
	if (new_time)
		clock_set_realtime_ns(set);
	return 0;
}

/*
 * ClockAdjust(id, new, old): from now on CLOCK_REALTIME gains
 * new->tick_nsec_inc ns on each of the next new->tick_count clock periods
 * (ClockPeriod's nsec), gradually, instead of stepping. |tick_nsec_inc| must
 * be below one period so the clock never runs backwards (EINVAL);
 * tick_count 0 stops an adjustment. *old receives what was left of the
 * previous one. Setting needs root (EPERM). Only the realtime clocks.
 */
long kc_ClockAdjust(clockid_t id, uaddr_t new_adj, uaddr_t old_adj)
{
	struct _clockadjust nw, old;
	uint64_t period = clock_resolution_ns(), left_ns;
	int64_t left_total;

	if (!is_realtime(id))
		return -EINVAL;
	if (new_adj) {
		if (!clock_privileged())
			return -EPERM;
		if (copyin(&nw, new_adj, sizeof(nw)) < 0)
			return -EFAULT;
		int64_t inc = nw.tick_nsec_inc;
		if (nw.tick_count && (inc >= (int64_t)period || inc <= -(int64_t)period))
			return -EINVAL;
	}
	if (old_adj) {
		/* Validate the pointer before anything changes. */
		struct _clockadjust zero = {0, 0};
		if (copyout(old_adj, &zero, sizeof(zero)) < 0)
			return -EFAULT;
	}
	int64_t total = new_adj ? (int64_t)nw.tick_count * nw.tick_nsec_inc : 0;
	uint64_t len = new_adj ? (uint64_t)nw.tick_count * period : 0;
	clock_adjust_realtime(new_adj != 0, total, len, &left_ns, &left_total);
	old.tick_count = (uint32_t)((left_ns + period - 1) / period);
	old.tick_nsec_inc = old.tick_count ? (int32_t)(left_total / (int64_t)old.tick_count) : 0;
	if (old_adj && copyout(old_adj, &old, sizeof(old)) < 0)
		return -EFAULT;
	return 0;
}

/*
 * ClockPeriod(id, new, old, reserved): Skimmer has no periodic tick; every
 * timer and timeout is programmed for its own deadline, so the resolution
 * of all clocks is one period of the timebase (100 ns at QEMU virt's
 * 10 MHz), which is what *old reports (fract 0). Setting a period (root,
 * 10 us .. 1 s) does what the tick length does on QNX for scheduling: the
 * SCHED_RR time slice becomes 4 periods (default 4 ms, QNX's 4 x 1 ms).
 * Setting the reported resolution itself restores the default slice, so a
 * program that saves and restores the period leaves things as they were.
 */
long kc_ClockPeriod(clockid_t id, uaddr_t new_period, uaddr_t old_period, int reserved)
{
	struct _clockperiod cp = {.nsec = (uint32_t)clock_resolution_ns(), .fract = 0};
	struct _clockperiod nw;
	uint64_t quantum = 0;

	if (id != CLOCK_REALTIME && id != CLOCK_SOFTTIME && id != CLOCK_MONOTONIC)
		return -EINVAL;
	if (reserved != 0)
		return -EINVAL;
	if (new_period) {
		if (!clock_privileged())
			return -EPERM;
		if (copyin(&nw, new_period, sizeof(nw)) < 0)
			return -EFAULT;
		if (nw.nsec == cp.nsec)
			quantum = RR_QUANTUM_NS;
		else if (nw.nsec >= PERIOD_MIN_NS && nw.nsec <= PERIOD_MAX_NS)
			quantum = 4ULL * nw.nsec;
		else
			return -EINVAL;
	}
	if (old_period && copyout(old_period, &cp, sizeof(cp)) < 0)
		return -EFAULT;
	if (quantum)
		__atomic_store_n(&rr_quantum_ticks, ns_to_ticks_ceil(quantum), __ATOMIC_RELAXED);
	return 0;
}

/* ClockId(pid, tid): the CPU-time clock of a process (tid 0) or thread. ESRCH if none. */
long kc_ClockId(pid_t pid, int tid)
{
	return cputime_clock_id(pid, tid);
}
