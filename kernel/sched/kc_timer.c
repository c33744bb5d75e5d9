/*
 * kc_timer.c - TimerTimeout: a bound on the next blocking state, or a sleep
 * (_NTO_TIMEOUT_NANOSLEEP).
 */
#include <skimmer/clock.h>
#include <skimmer/kcall.h>
#include <skimmer/proc.h>
#include <skimmer/signal.h>
#include <skimmer/thread.h>
#include <skimmer/uaccess.h>
#include <skimmer/vm.h>
#include <skimmer/waitq.h>
#include <qsoe/abi/neutrino.h>
#include <qsoe/abi/signal.h>
#include <qsoe/abi/time.h>
#include <arch/arch.h>
#include "kcall_protos.h"

#define TIMEOUT_FLAGS                                                         \
	(_NTO_TIMEOUT_MASK | _NTO_TIMEOUT_NO_WAIT | (unsigned)TIMER_ABSTIME | \
	 (unsigned)TIMER_TOLERANCE | (unsigned)TIMER_PRECISE)

/*
 * A sleeper taken off p->sleep_wq for anything but its deadline: a signal
 * ended the sleep, so the time left goes to the TimerTimeout's otime.
 * Called with the queue's lock held (waitq.h).
 */
static void sleep_cancelled(struct waitq *wq, struct thread *t, enum wq_reason why)
{
	(void)wq;
	if (!t->blk.sleep.otime || why == WQ_KILL)
		return;
	uint64_t now = arch_now(), left = 0;
	if (why != WQ_TIMEOUT && t->timeout_deadline > now)
		left = ticks_to_ns(t->timeout_deadline - now);
	(void)as_write(t->proc->as, t->blk.sleep.otime, &left, sizeof(left));
}

const struct waitq_ops nanosleep_wq_ops = {.cancelled = sleep_cancelled};

/* Blocks the caller in STATE_NANOSLEEP until 'deadline' (ticks) or a signal. */
static long nanosleep_block(struct thread *t, uint64_t deadline, uaddr_t otime)
{
	struct process *p = t->proc;

	/* A sleep is a cancellation point (TimerTimeout itself is not one). */
	if (unlikely(__atomic_load_n(&t->sig.cancel_pending, __ATOMIC_RELAXED)) &&
	    cancel_at_entry(t))
		return KCALL_BLOCKED; /* its registers now say: go to the stub */

	t->blk.sleep.otime = otime;
	spin_lock(p->sleep_wq.lock);
	t->timeout_states = _NTO_TIMEOUT_NANOSLEEP;
	t->timeout_deadline = deadline;
	waitq_block(&p->sleep_wq, t, STATE_NANOSLEEP);
	spin_unlock(p->sleep_wq.lock);
	return KCALL_BLOCKED;
}

/*
 * TimerTimeout(id, flags, notify, ntime, otime): the next kernel call that
 * blocks in one of the states in 'flags' (_NTO_TIMEOUT_*) is unblocked
 * with ETIMEDOUT when ntime (ns; absolute on clock id with TIMER_ABSTIME)
 * passes; _NTO_TIMEOUT_NO_WAIT times out at once. The setting applies to
 * the next kernel call only. notify must be NULL or SIGEV_UNBLOCK. *otime
 * receives the ns left of a previous setting.
 *
 * With _NTO_TIMEOUT_NANOSLEEP the call itself blocks in STATE_NANOSLEEP
 * until ntime (NULL: no time at all) and returns 0, or EINTR when a signal
 * ends it early, in which case *otime receives the time that was left.
 * TIMER_TOLERANCE (ntime is a tolerance) is accepted and ignored, as is
 * TIMER_PRECISE: timeouts fire at their deadline. Clocks: CLOCK_REALTIME,
 * CLOCK_SOFTTIME, CLOCK_MONOTONIC (EINVAL otherwise). A CLOCK_REALTIME
 * deadline is converted once: setting the clock later does not move it.
 */
long kc_TimerTimeout(clockid_t id, uint32_t flags, uaddr_t notify, uaddr_t ntime, uaddr_t otime)
{
	struct thread *t = kcall_self();
	uint64_t ns = 0, now_ticks = arch_now();
	bool sleep = (flags & _NTO_TIMEOUT_NANOSLEEP) != 0;

	if (id != CLOCK_REALTIME && id != CLOCK_MONOTONIC && id != CLOCK_SOFTTIME)
		return -EINVAL;
	if (flags & ~TIMEOUT_FLAGS)
		return -EINVAL;
	if (notify) {
		struct sigevent ev;
		if (copyin(&ev, notify, sizeof(ev)) < 0)
			return -EFAULT;
		if ((ev.sigev_notify & 0x7f) != (SIGEV_UNBLOCK & 0x7f))
			return -EINVAL;
	}
	if (ntime && copyin(&ns, ntime, sizeof(ns)) < 0)
		return -EFAULT;
	if (flags & (unsigned)TIMER_TOLERANCE)
		return 0; /* a tolerance, not a timeout: nothing to do */
	uint64_t deadline;
	if ((flags & _NTO_TIMEOUT_NO_WAIT) || (sleep && !ntime)) {
		deadline = now_ticks;
	} else if (flags & (unsigned)TIMER_ABSTIME) {
		uint64_t now_ns = id == CLOCK_MONOTONIC ? ticks_to_ns(now_ticks)
		                                        : clock_realtime_at(ticks_to_ns(now_ticks));
		uint64_t dt = ns <= now_ns ? 0 : ns_to_ticks_ceil(ns - now_ns);
		deadline = dt > UINT64_MAX - now_ticks ? UINT64_MAX - 1 : now_ticks + dt;
	} else {
		uint64_t dt = ns_to_ticks_ceil(ns);
		deadline = dt > UINT64_MAX - now_ticks ? UINT64_MAX - 1 : now_ticks + dt;
	}
	if (sleep) {
		t->timeout_states = 0; /* a sleep consumes any earlier setting */
		uint64_t left = deadline > now_ticks ? ticks_to_ns(deadline - now_ticks) : 0;
		if (otime && copyout(otime, &left, sizeof(left)) < 0)
			return -EFAULT;
		if (deadline <= now_ticks)
			return 0;
		return nanosleep_block(t, deadline, otime);
	}
	if (otime) {
		uint64_t left = 0;
		if (t->timeout_states && t->timeout_deadline > now_ticks)
			left = ticks_to_ns(t->timeout_deadline - now_ticks);
		if (copyout(otime, &left, sizeof(left)) < 0)
			return -EFAULT;
	}
	uint32_t states = flags & _NTO_TIMEOUT_MASK;
	if (states == 0 || (!ntime && !(flags & _NTO_TIMEOUT_NO_WAIT))) {
		t->timeout_states = 0;
		return 0;
	}
	t->timeout_states = states;
	t->timeout_deadline = deadline;
	return 0;
}
