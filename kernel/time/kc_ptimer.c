/*
 * kc_ptimer.c - the process timer kernel calls: TimerCreate, TimerDestroy,
 * TimerSettime, TimerInfo, TimerAlarm (QNX semantics; see ptimer.h and
 * docs/abi.md "Clocks and timers").
 */
#include <skimmer/ipc.h>
#include <skimmer/kcall.h>
#include <skimmer/proc.h>
#include <skimmer/ptimer.h>
#include <skimmer/thread.h>
#include <skimmer/uaccess.h>
#include <qsoe/abi/neutrino.h>
#include <qsoe/abi/signal.h>
#include <qsoe/abi/time.h>
#include "kcall_protos.h"

#define EV_TYPE(ev) ((ev)->sigev_notify & 0x7f)

static bool timer_clock(clockid_t id)
{
	return id == CLOCK_REALTIME || id == CLOCK_SOFTTIME || id == CLOCK_MONOTONIC;
}

/*
 * TimerCreate(id, event): a timer on clock id (CLOCK_REALTIME,
 * CLOCK_SOFTTIME, CLOCK_MONOTONIC; EINVAL otherwise) that delivers *event
 * when it expires: SIGEV_PULSE (a coid of this process), SIGEV_SIGNAL,
 * SIGEV_SIGNAL_CODE, SIGEV_SIGNAL_THREAD (to the calling thread) or
 * SIGEV_NONE; anything else is EINVAL. A NULL event means SIGALRM with the
 * timer id as its value (POSIX). Returns the timer id (>= 1); EAGAIN when
 * the process has PTIMER_MAX timers or memory is short.
 */
long kc_TimerCreate(clockid_t id, uaddr_t event)
{
	struct thread *t = kcall_self();
	struct sigevent ev;
	int err, tid;

	if (!timer_clock(id))
		return -EINVAL;
	if (event) {
		if (copyin(&ev, event, sizeof(ev)) < 0)
			return -EFAULT;
		switch (EV_TYPE(&ev)) {
		case SIGEV_NONE & 0x7f:
			break;
		case SIGEV_PULSE & 0x7f:
		case SIGEV_SIGNAL & 0x7f:
		case SIGEV_SIGNAL_CODE & 0x7f:
		case SIGEV_SIGNAL_THREAD & 0x7f: {
			int r = event_verify(&ev, t->proc);
			if (r < 0)
				return r;
			if (EV_TYPE(&ev) == (SIGEV_PULSE & 0x7f) &&
			    ev.sigev_priority == SIGEV_PULSE_PRIO_INHERIT)
				ev.sigev_priority = t->prio;
			break;
		}
		default:
			return -EINVAL; /* SIGEV_UNBLOCK, SIGEV_INTR, SIGEV_THREAD, ... */
		}
	} else {
		ev.sigev_notify = SIGEV_SIGNAL;
		ev.sigev_signo = SIGALRM;
		ev.sigev_value.sival_ptr = NULL;
		ev.sigev_code = SI_TIMER;
		ev.sigev_priority = 0;
	}
	struct ptimer *pt = ptimer_create(t->proc, t, id, &ev, !event, &tid, &err);
	return pt ? tid : -err;
}

/* TimerDestroy(id): removes the timer; nothing more is delivered. EINVAL if no such timer. */
long kc_TimerDestroy(timer_t id)
{
	return ptimer_destroy(kcall_self()->proc, id);
}

/*
 * TimerSettime(id, flags, itime, oitime): arms timer id to expire at
 * itime->nsec (absolute on the timer's clock with TIMER_ABSTIME, else from
 * now) and then every itime->interval_nsec (0: once); nsec 0 disarms. A
 * time already past expires at once. *oitime receives the time that was
 * left and the old interval. With TIMER_TOLERANCE itime is a tolerance,
 * which Skimmer has no use for (timers fire at their deadline): accepted
 * and ignored. TIMER_PRECISE is accepted. Returns 0; EINVAL (no such timer,
 * other flags), EFAULT.
 */
long kc_TimerSettime(timer_t id, int flags, uaddr_t itime, uaddr_t oitime)
{
	struct process *p = kcall_self()->proc;
	struct _itimer it, old = {0, 0};

	if ((unsigned)flags & ~(unsigned)(TIMER_ABSTIME | TIMER_TOLERANCE | TIMER_PRECISE))
		return -EINVAL;
	struct ptimer *pt = ptimer_get(p, id);
	if (pt == NULL)
		return -EINVAL;
	long r = 0;
	if (copyin(&it, itime, sizeof(it)) < 0)
		r = -EFAULT;
	else if (oitime && copyout(oitime, &old, sizeof(old)) < 0)
		r = -EFAULT;
	if (r == 0 && !(flags & TIMER_TOLERANCE)) {
		ptimer_settime(pt, (flags & TIMER_ABSTIME) != 0, it.nsec, it.interval_nsec,
		               &old.nsec, &old.interval_nsec);
		if (oitime && copyout(oitime, &old, sizeof(old)) < 0)
			r = -EFAULT;
	}
	ptimer_put(pt);
	return r;
}

/*
 * TimerInfo(pid, id, flags, info): the state of timer id of process pid
 * (0: the caller); with _NTO_TIMER_SEARCH the first timer whose id is >= id.
 * info->itime.nsec is the absolute expiry on the timer's clock,
 * info->otime.nsec the time left, both with the interval; overruns counts
 * expirations that could not be notified (periods missed, a full pulse
 * queue or signal queue). _NTO_TIMER_RESET_OVERRUNS clears the count after
 * reporting it (info may then be NULL if it is the only flag). Returns the
 * timer id; EINVAL (no such timer), ESRCH (no such process), EPERM
 * (another user's process), EFAULT.
 */
long kc_TimerInfo(pid_t pid, timer_t id, int flags, uaddr_t info)
{
	struct process *self = kcall_self()->proc;
	unsigned known = _NTO_TIMER_SEARCH | _NTO_TIMER_RESET_OVERRUNS | _NTO_TIMER_SUPPORT_64BIT |
	                 _NTO_TI_REPORT_TOLERANCE;

	if ((unsigned)flags & ~known)
		return -EINVAL;
	if (info == 0 && (unsigned)flags != _NTO_TIMER_RESET_OVERRUNS)
		return -EFAULT;
	struct process *p = self;
	if (pid != 0 && pid != self->pid) {
		p = proc_get(pid);
		if (p == NULL)
			return -ESRCH;
		if (self->cred.euid != 0 && !(self->flags & PROC_F_SYSMGR) &&
		    self->cred.euid != p->cred.euid) {
			proc_put(p);
			return -EPERM;
		}
	} else {
		kobj_get(&p->kobj);
	}
	struct ptimer *pt = NULL;
	if (flags & _NTO_TIMER_SEARCH) {
		spin_lock(&p->lock);
		int next = idtab_next(&p->timers, id > 1 ? (uint32_t)id : 1);
		spin_unlock(&p->lock);
		id = next;
	}
	if (id > 0)
		pt = ptimer_get(p, id);
	proc_put(p);
	if (pt == NULL)
		return -EINVAL;
	struct _timer_info ti;
	ptimer_info(pt, &ti, (flags & _NTO_TIMER_RESET_OVERRUNS) != 0);
	ptimer_put(pt);
	if (info && copyout(info, &ti, sizeof(ti)) < 0)
		return -EFAULT;
	return id;
}

/*
 * TimerAlarm(id, itime, otime): the process's alarm() timer on clock id:
 * SIGALRM to the process after itime->nsec ns (0 cancels) and every
 * itime->interval_nsec after; itime NULL only reports. *otime receives
 * what was left of the previous alarm. Returns 0; EINVAL, EFAULT, EAGAIN.
 */
long kc_TimerAlarm(clockid_t id, uaddr_t itime, uaddr_t otime)
{
	struct thread *t = kcall_self();
	struct process *p = t->proc;
	struct _itimer it, old = {0, 0};
	int err;

	if (!timer_clock(id))
		return -EINVAL;
	if (itime && copyin(&it, itime, sizeof(it)) < 0)
		return -EFAULT;
	if (otime && copyout(otime, &old, sizeof(old)) < 0)
		return -EFAULT;
	spin_lock(&p->lock);
	struct ptimer *pt = p->alarm;
	if (pt)
		kobj_get(&pt->kobj);
	spin_unlock(&p->lock);
	if (pt == NULL && itime && it.nsec) {
		struct sigevent ev = {.sigev_notify = SIGEV_SIGNAL, .sigev_signo = SIGALRM};
		ev.sigev_code = SI_TIMER;
		pt = ptimer_create(p, t, id, &ev, false, NULL, &err);
		if (pt == NULL)
			return -err;
		spin_lock(&p->lock);
		if (p->alarm == NULL && p->state == PROC_ALIVE) {
			p->alarm = pt;
			kobj_get(&pt->kobj); /* ours; the first one is p->alarm's */
		} else {
			/* Another thread created one meanwhile: use that one. */
			struct ptimer *mine = pt;
			pt = p->alarm;
			if (pt)
				kobj_get(&pt->kobj);
			spin_unlock(&p->lock);
			ptimer_kill(mine);
			spin_lock(&p->lock);
		}
		spin_unlock(&p->lock);
		if (pt == NULL)
			return -ESRCH;
	}
	if (pt) {
		if (itime) {
			ptimer_settime(pt, false, it.nsec, it.interval_nsec, &old.nsec,
			               &old.interval_nsec);
		} else {
			struct _timer_info ti;
			ptimer_info(pt, &ti, false);
			old = ti.otime;
		}
		ptimer_put(pt);
	}
	if (otime && copyout(otime, &old, sizeof(old)) < 0)
		return -EFAULT;
	return 0;
}
