/*
 * kc_timer.c - TimerTimeout: a bound on the next blocking state.
 */
#include <skimmer/clock.h>
#include <skimmer/kcall.h>
#include <skimmer/thread.h>
#include <skimmer/uaccess.h>
#include <qsoe/abi/neutrino.h>
#include <qsoe/abi/signal.h>
#include <qsoe/abi/time.h>
#include <arch/arch.h>
#include "kcall_protos.h"

/*
 * TimerTimeout(id, flags, notify, ntime, otime): the next kernel call that
 * blocks in one of the states in 'flags' (_NTO_TIMEOUT_*) is unblocked
 * with ETIMEDOUT when ntime (ns; absolute with TIMER_ABSTIME) passes. The
 * setting applies to the next kernel call only. notify must be NULL or
 * SIGEV_UNBLOCK. *otime receives the ns left of a previous setting.
 */
long kc_TimerTimeout(clockid_t id, uint32_t flags, uaddr_t notify, uaddr_t ntime, uaddr_t otime)
{
	struct thread *t = kcall_self();
	uint64_t ns = 0, now_ticks = arch_now();

	if (id != CLOCK_REALTIME && id != CLOCK_MONOTONIC && id != CLOCK_SOFTTIME)
		return -EINVAL;
	if (flags & ~(_NTO_TIMEOUT_MASK | _NTO_TIMEOUT_NO_WAIT | TIMER_ABSTIME))
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
	if (otime) {
		uint64_t left = 0;
		if (t->timeout_states && t->timeout_deadline > now_ticks)
			left = ticks_to_ns(t->timeout_deadline - now_ticks);
		if (copyout(otime, &left, sizeof(left)) < 0)
			return -EFAULT;
	}
	uint32_t states = (unsigned)flags & _NTO_TIMEOUT_MASK;
	if (states == 0 || (!ntime && !((unsigned)flags & _NTO_TIMEOUT_NO_WAIT))) {
		t->timeout_states = 0;
		return 0;
	}
	uint64_t deadline;
	if ((unsigned)flags & _NTO_TIMEOUT_NO_WAIT) {
		deadline = now_ticks;
	} else if ((unsigned)flags & TIMER_ABSTIME) {
		uint64_t now_ns = id == CLOCK_REALTIME ? clock_realtime_ns() : clock_monotonic_ns();
		deadline = ns <= now_ns ? now_ticks : now_ticks + ns_to_ticks_ceil(ns - now_ns);
	} else {
		deadline = now_ticks + ns_to_ticks_ceil(ns);
	}
	t->timeout_states = states;
	t->timeout_deadline = deadline;
	return 0;
}
