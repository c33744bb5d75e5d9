/*
 * ptimer.c - process timers: arming on the home hart, expiry, destruction
 * (see ptimer.h).
 */
#include <skimmer/clock.h>
#include <skimmer/cpu.h>
#include <skimmer/ipc.h>
#include <skimmer/kmem.h>
#include <skimmer/kstring.h>
#include <skimmer/printk.h>
#include <skimmer/proc.h>
#include <skimmer/ptimer.h>
#include <skimmer/thread.h>
#include <qsoe/abi/time.h>
#include <arch/arch.h>

#define EV_TYPE(ev) ((ev)->sigev_notify & 0x7f)

static void ptimer_release(struct kobj *o)
{
	struct ptimer *pt = container_of(o, struct ptimer, kobj);

	proc_put(pt->proc);
	kfree(pt);
}

void ptimer_put(struct ptimer *pt)
{
	kobj_put(&pt->kobj);
}

/*
 * Makes the kernel timer match the settings: armed at pt->deadline while
 * the timer is active and alive, else cancelled. Home hart only.
 */
static void sync_local(struct ptimer *pt)
{
	bool drop = false;

	spin_lock(&pt->lock);
	bool have = ktimer_armed(&pt->kt);
	if (pt->armed && !pt->dead) {
		ktimer_arm(&pt->kt, pt->deadline);
		if (!have)
			kobj_get(&pt->kobj); /* the armed kernel timer's reference */
	} else if (have) {
		ktimer_cancel(&pt->kt);
		drop = true;
	}
	spin_unlock(&pt->lock);
	if (drop)
		ptimer_put(pt);
}

/* The home hart's side of a posted timer. */
static void ptimer_ipi(struct ipimsg *m)
{
	struct ptimer *pt = container_of(m, struct ptimer, ipi);

	__atomic_store_n(&pt->ipi_queued, 0, __ATOMIC_RELEASE);
	sync_local(pt);
	ptimer_put(pt); /* the queued message's reference */
}

/* After a settings change (lock not held): bring the kernel timer in line. */
static void sync(struct ptimer *pt)
{
	if (pt->home == this_cpu()) {
		sync_local(pt);
		return;
	}
	if (__atomic_exchange_n(&pt->ipi_queued, 1, __ATOMIC_ACQ_REL) == 0) {
		kobj_get(&pt->kobj);
		ipiq_post(pt->home, &pt->ipi);
	}
}

int sigevent_signal(struct process *p, int tid, const struct sigevent *ev, int code)
{
	__siginfo_t info;

	memset(&info, 0, sizeof(info));
	info.si_signo = ev->sigev_signo;
	info.si_code = EV_TYPE(ev) == (SIGEV_SIGNAL & 0x7f) ? code : ev->sigev_code;
	info.si_value = ev->sigev_value;
	if (EV_TYPE(ev) == (SIGEV_SIGNAL_THREAD & 0x7f) && tid > 0)
		return signal_post_tid(p, tid, &info);
	return signal_post_info(p, NULL, &info);
}

/* Expiry, on the home hart (the kernel timer is already off its list). */
static void ptimer_fire(struct ktimer *kt)
{
	struct ptimer *pt = container_of(kt, struct ptimer, kt);
	uint64_t now = arch_now();
	bool drop = false, signal = false;
	struct sigevent ev;

	spin_lock(&pt->lock);
	if (!pt->armed || pt->dead) {
		drop = true;
	} else if (pt->deadline > now) {
		/* Moved later by a call on another hart: wait for the new time. */
		ktimer_arm(kt, pt->deadline);
	} else {
		pt->expired = true;
		ev = pt->ev;
		if (EV_TYPE(&ev) == (SIGEV_PULSE & 0x7f)) {
			if (event_deliver(&ev, pt->proc, NULL) < 0)
				pt->overruns++; /* coid gone or pulse queue full */
		} else if (EV_TYPE(&ev) != (SIGEV_NONE & 0x7f)) {
			signal = true;
		}
		if (pt->interval) {
			/* Periods that passed without a notification are overruns. */
			uint64_t missed = (now - pt->deadline) / pt->interval;
			pt->overruns += (uint32_t)(missed > UINT32_MAX ? UINT32_MAX : missed);
			pt->deadline += (missed + 1) * pt->interval;
			ktimer_arm(kt, pt->deadline);
		} else {
			pt->armed = false;
			drop = true;
		}
	}
	if (signal)
		kobj_get(&pt->kobj); /* keeps pt and its process while the lock is off */
	spin_unlock(&pt->lock);
	if (signal) {
		int r = sigevent_signal(pt->proc, pt->tid, &ev, SI_TIMER);
		if (r < 0) {
			spin_lock(&pt->lock);
			pt->overruns++;
			spin_unlock(&pt->lock);
		}
		ptimer_put(pt);
	}
	if (drop)
		ptimer_put(pt); /* the armed kernel timer's reference */
}

struct ptimer *ptimer_create(struct process *p, struct thread *creator, clockid_t clock,
                             const struct sigevent *ev, bool value_is_id, int *id_out, int *err)
{
	struct ptimer *pt = kmalloc(sizeof(*pt));

	if (pt == NULL) {
		*err = EAGAIN;
		return NULL;
	}
	memset(pt, 0, sizeof(*pt));
	kobj_init(&pt->kobj, ptimer_release);
	spin_init(&pt->lock);
	ktimer_init(&pt->kt, ptimer_fire);
	pt->ipi.fn = ptimer_ipi;
	pt->home = this_cpu();
	pt->proc = p;
	kobj_get(&p->kobj);
	pt->clock = clock;
	pt->tid = creator->tid;
	pt->ev = *ev;
	if (id_out == NULL)
		return pt;
	spin_lock(&p->lock);
	int id = p->state == PROC_ALIVE ? idtab_alloc(&p->timers, pt, 1) : -ESRCH;
	if (id >= 0) {
		pt->id = id;
		if (value_is_id)
			pt->ev.sigev_value.sival_int = id; /* before anyone can reach it */
		*id_out = id;
	}
	spin_unlock(&p->lock);
	if (id < 0) {
		*err = id == -ESRCH ? ESRCH : EAGAIN;
		ptimer_put(pt);
		return NULL;
	}
	return pt;
}

struct ptimer *ptimer_get(struct process *p, int id)
{
	if (id <= 0)
		return NULL;
	spin_lock(&p->lock);
	struct ptimer *pt = idtab_get(&p->timers, (uint32_t)id);
	if (pt)
		kobj_get(&pt->kobj);
	spin_unlock(&p->lock);
	return pt;
}

void ptimer_kill(struct ptimer *pt)
{
	spin_lock(&pt->lock);
	pt->dead = true;
	pt->armed = false;
	spin_unlock(&pt->lock);
	sync(pt);
	ptimer_put(pt);
}

int ptimer_destroy(struct process *p, int id)
{
	if (id <= 0)
		return -EINVAL;
	spin_lock(&p->lock);
	struct ptimer *pt = idtab_remove(&p->timers, (uint32_t)id);
	spin_unlock(&p->lock);
	if (pt == NULL)
		return -EINVAL;
	ptimer_kill(pt);
	return 0;
}

/* The clock's "now" in ns and in ticks, from one reading of the timebase. */
static uint64_t clock_now_ns(clockid_t clock, uint64_t *ticks)
{
	*ticks = arch_now();
	uint64_t mono = ticks_to_ns(*ticks);
	return clock == CLOCK_MONOTONIC ? mono : clock_realtime_at(mono);
}

void ptimer_settime(struct ptimer *pt, bool abs, uint64_t value, uint64_t interval_ns,
                    uint64_t *old_left, uint64_t *old_interval)
{
	uint64_t now_ticks;

	spin_lock(&pt->lock);
	uint64_t now_ns = clock_now_ns(pt->clock, &now_ticks);
	*old_left =
	        pt->armed && pt->deadline > now_ticks ? ticks_to_ns(pt->deadline - now_ticks) : 0;
	if (pt->armed && *old_left == 0)
		*old_left = 1; /* due now: still armed, report the smallest time */
	*old_interval = pt->armed ? pt->interval_ns : 0;
	pt->overruns = 0;
	pt->expired = false;
	if (value == 0 || pt->dead) {
		pt->armed = false;
	} else {
		uint64_t delta = abs ? (value > now_ns ? value - now_ns : 0) : value;
		uint64_t dt = ns_to_ticks_ceil(delta);
		pt->deadline = dt > UINT64_MAX - now_ticks ? UINT64_MAX - 1 : now_ticks + dt;
		pt->interval = interval_ns ? ns_to_ticks_ceil(interval_ns) : 0;
		pt->interval_ns = interval_ns;
		pt->abs = abs;
		pt->armed = true;
	}
	spin_unlock(&pt->lock);
	sync(pt);
}

void ptimer_info(struct ptimer *pt, struct _timer_info *info, bool reset_overruns)
{
	uint64_t now_ticks;

	memset(info, 0, sizeof(*info));
	spin_lock(&pt->lock);
	uint64_t now_ns = clock_now_ns(pt->clock, &now_ticks);
	if (pt->armed) {
		uint64_t left =
		        pt->deadline > now_ticks ? ticks_to_ns(pt->deadline - now_ticks) : 0;
		info->flags |= _NTO_TI_ACTIVE;
		info->itime.nsec = now_ns + left; /* absolute expiry on the timer's clock */
		info->itime.interval_nsec = pt->interval_ns;
		info->otime.nsec = left; /* time remaining */
		info->otime.interval_nsec = pt->interval_ns;
	}
	if (pt->abs)
		info->flags |= _NTO_TI_ABSOLUTE;
	if (pt->expired)
		info->flags |= _NTO_TI_EXPIRED;
	if (pt->clock != CLOCK_MONOTONIC)
		info->flags |= _NTO_TI_TOD_BASED;
	info->flags |= _NTO_TI_HIGH_RESOLUTION;
	if (EV_TYPE(&pt->ev) == (SIGEV_SIGNAL_THREAD & 0x7f))
		info->tid = pt->tid;
	else
		info->flags |= _NTO_TI_TARGET_PROCESS;
	info->notify = pt->ev.sigev_notify;
	info->clockid = pt->clock;
	info->overruns = pt->overruns;
	info->event = pt->ev;
	if (reset_overruns)
		pt->overruns = 0;
	spin_unlock(&pt->lock);
}

extern const struct waitq_ops nanosleep_wq_ops; /* kc_timer.c */

void ptimer_proc_init(struct process *p)
{
	idtab_init(&p->timers, PTIMER_MAX);
	p->alarm = NULL;
	waitq_init(&p->sleep_wq, &p->kobj, NULL, &nanosleep_wq_ops);
}

void ptimer_proc_cleanup(struct process *p)
{
	for (;;) {
		spin_lock(&p->lock);
		int id = idtab_next(&p->timers, 1);
		struct ptimer *pt = id >= 0 ? idtab_remove(&p->timers, (uint32_t)id) : NULL;
		if (pt == NULL) {
			pt = p->alarm;
			p->alarm = NULL;
		}
		spin_unlock(&p->lock);
		if (pt == NULL)
			break;
		ptimer_kill(pt);
	}
	spin_lock(&p->lock);
	idtab_destroy(&p->timers);
	spin_unlock(&p->lock);
}
