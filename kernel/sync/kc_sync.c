/*
 * kc_sync.c - SyncTypeCreate, SyncDestroy and SyncCtl.
 *
 * The kernel keeps no object per sync_t (only per-key wait state while it
 * is needed), so creating an object means writing its words, and an object
 * is "in use" (EBUSY) while the kernel has state for its address: threads
 * wait on it, or it is a robust or priority-ceiling mutex someone holds.
 */
#include <skimmer/kcall.h>
#include <skimmer/proc.h>
#include <skimmer/sched.h>
#include <skimmer/thread.h>
#include <skimmer/uaccess.h>
#include <qsoe/abi/time.h>
#include <arch/arch.h>
#include "kcall_protos.h"
#include "sync_impl.h"

/* struct _sync_attr.__protocol values (<pthread.h> PTHREAD_PRIO_*). */
#define SYNC_PRIO_INHERIT    0
#define SYNC_PRIO_NONE       1
#define SYNC_PRIO_PROTECT    2

#define SYNC_PRIO_UNPRIV_MAX 63 /* highest ceiling without root (as for SchedSet) */

/* Mutex flags a creator may ask for in struct _sync_attr.__flags. */
#define SYNC_MUTEX_ATTR_FLAGS \
	(_NTO_SYNC_NONRECURSIVE | _NTO_SYNC_NOERRORCHECK | _NTO_SYNC_ROBUST | _NTO_SYNC_SHARED)

/* True if the calling process may use priority prio as a ceiling. */
static int ceiling_check(int prio)
{
	struct process *p = kcall_self()->proc;

	if (prio < 1 || prio > PRIO_MAX)
		return -EINVAL;
	if (prio > SYNC_PRIO_UNPRIV_MAX && p->cred.euid != 0 && !(p->flags & PROC_F_SYSMGR))
		return -EPERM;
	return 0;
}

/* True if the kernel has state for key pa in any table (it is in use). */
static bool key_busy(paddr_t pa)
{
	static const enum sync_kind kinds[] = {SYNC_COND, SYNC_MUTEX, SYNC_SEM};
	bool busy = false;

	for (unsigned i = 0; i < ARRAY_SIZE(kinds) && !busy; i++) {
		struct sync_bucket *b = sync_bucket(kinds[i], pa);
		spin_lock(&b->lock);
		busy = entry_find(b, pa) != NULL;
		spin_unlock(&b->lock);
	}
	return busy;
}

long kc_SyncTypeCreate(unsigned type, uaddr_t sync, uaddr_t attr_u)
{
	struct _sync_attr attr = {0};
	uint32_t count, owner;

	if (attr_u && copyin(&attr, attr_u, sizeof(attr)) < 0)
		return -EFAULT;
	switch (type) {
	case _NTO_SYNC_MUTEX_FREE:
		if ((unsigned)attr.__flags & ~SYNC_MUTEX_ATTR_FLAGS)
			return -EINVAL;
		count = (unsigned)attr.__flags;
		if (attr.__protocol == SYNC_PRIO_NONE) {
			count |= _NTO_SYNC_PRIONONE;
		} else if (attr.__protocol == SYNC_PRIO_PROTECT) {
			int r = ceiling_check(attr.__prioceiling);
			if (r < 0)
				return r;
			count |= _NTO_SYNC_PRIOCEILING |
			         ((uint32_t)attr.__prioceiling << _QSOE_SYNC_CEILING_SHIFT);
		} else if (attr.__protocol != SYNC_PRIO_INHERIT) {
			return -EINVAL;
		}
		owner = _NTO_SYNC_MUTEX_FREE;
		break;
	case _NTO_SYNC_SEM:
		if (attr.__count < 0 || ((unsigned)attr.__flags & ~_NTO_SYNC_SHARED))
			return -EINVAL;
		count = (uint32_t)attr.__count; /* at most SEM_VALUE_MAX (0x7fffffff) */
		owner = _NTO_SYNC_SEM;
		break;
	case _NTO_SYNC_COND:
		if (attr_u == 0)
			attr.__clockid = CLOCK_REALTIME;
		if (attr.__clockid != CLOCK_REALTIME && attr.__clockid != CLOCK_MONOTONIC)
			return -EINVAL;
		count = (uint32_t)attr.__clockid;
		owner = _NTO_SYNC_COND;
		break;
	default:
		return -EINVAL;
	}

	struct ukey k;
	int r = ukey_get(kcall_self()->proc->as, sync, &k);
	if (r < 0)
		return r;
	long res = 0;
	if (key_busy(k.pa)) {
		res = -EBUSY;
	} else {
		uw_store(uk_count(&k), count);
		uw_store(uk_owner(&k), owner);
	}
	ukey_put(&k);
	return res;
}

long kc_SyncDestroy(uaddr_t sync)
{
	struct ukey k;
	int r = ukey_get(kcall_self()->proc->as, sync, &k);

	if (r < 0)
		return r;
	uint32_t *ow = uk_owner(&k);
	long res;
	for (;;) {
		uint32_t v = uw_load(ow);
		enum sync_kind kind = v == _NTO_SYNC_COND  ? SYNC_COND
		                      : v == _NTO_SYNC_SEM ? SYNC_SEM
		                                           : SYNC_MUTEX;
		if (kind == SYNC_MUTEX && mutex_state(v) == M_BAD) {
			res = -EINVAL; /* destroyed already, or not a sync object */
			break;
		}
		struct sync_bucket *b = sync_bucket(kind, k.pa);
		spin_lock(&b->lock);
		if (uw_load(ow) != v) {
			spin_unlock(&b->lock);
			continue;
		}
		struct sync_entry *e = entry_find(b, k.pa);
		if ((kind == SYNC_MUTEX && mutex_state(v) == M_OWNED) || (e && e->nwaiters)) {
			res = -EBUSY; /* locked, or threads wait on it */
		} else if (uw_cas(ow, v, _NTO_SYNC_DESTROYED)) {
			res = 0;
		} else {
			spin_unlock(&b->lock);
			continue;
		}
		spin_unlock(&b->lock);
		break;
	}
	ukey_put(&k);
	return res;
}

/* _NTO_SCTL_SETPRIOCEILING: the new ceiling in *data; the old one goes back there. */
static long ctl_set_ceiling(const struct ukey *k, uaddr_t data)
{
	int prio;

	if (copyin(&prio, data, sizeof(prio)) < 0)
		return -EFAULT;
	int r = ceiling_check(prio);
	if (r < 0)
		return r;
	struct sync_bucket *b = sync_bucket(SYNC_MUTEX, k->pa);
	uint32_t *cw = uk_count(k);
	int old;
	spin_lock(&b->lock);
	for (;;) {
		uint32_t c = uw_load(cw);
		if (!(c & _NTO_SYNC_PRIOCEILING) || mutex_state(uw_load(uk_owner(k))) == M_BAD) {
			spin_unlock(&b->lock);
			return -EINVAL;
		}
		old = mutex_ceiling(c);
		uint32_t nc = (c & ~_QSOE_SYNC_CEILING_MASK) |
		              ((uint32_t)prio << _QSOE_SYNC_CEILING_SHIFT);
		if (uw_cas(cw, c, nc))
			break;
	}
	spin_lock(&sync_pi_lock);
	struct sync_entry *e = entry_find(b, k->pa);
	if (e && e->owner) {
		e->ceiling = (uint8_t)prio;
		pi_recompute(e->owner);
	}
	spin_unlock(&sync_pi_lock);
	spin_unlock(&b->lock);
	if (copyout(data, &old, sizeof(old)) < 0)
		return -EFAULT;
	return 0;
}

/* _NTO_SCTL_MUTEX_WAKEUP: ends the waits of the given threads with EINTR. */
static long ctl_wakeup(const struct ukey *k, uaddr_t data)
{
	struct _sync_ctl_wakeup wk;
	struct thread *self = kcall_self();

	if (copyin(&wk, data, sizeof(wk)) < 0)
		return -EFAULT;
	if (wk.__pid == 0)
		wk.__pid = self->proc->pid;
	if (wk.__pid != self->proc->pid && self->proc->cred.euid != 0 &&
	    !(self->proc->flags & PROC_F_SYSMGR))
		return -EPERM;
	struct sync_bucket *b = sync_bucket(SYNC_MUTEX, k->pa);
	spin_lock(&b->lock);
	if (mutex_state(uw_load(uk_owner(k))) == M_BAD) {
		spin_unlock(&b->lock);
		return -EINVAL;
	}
	spin_lock(&sync_pi_lock);
	struct sync_entry *e = entry_find(b, k->pa);
	struct list *l, *tmp;
	struct thread *owner = e ? e->owner : NULL;
	if (e) {
		list_for_each_safe(l, tmp, &e->waiters)
		{
			struct thread *w = list_entry(l, struct thread, sync.link);
			if (w->sync.reacquire || w->proc->pid != wk.__pid ||
			    (wk.__tid != 0 && w->tid != wk.__tid))
				continue;
			entry_del_waiter(e, w);
			waitq_remove(&b->wq, w);
			arch_set_retval(w, -EINTR);
			sched_wake(w);
		}
		if (owner && e->nwaiters == 0 && !mutex_tracked_flags(e->mflags))
			pi_untrack(e);
		if (owner)
			pi_recompute(owner);
		entry_put(e);
	}
	spin_unlock(&sync_pi_lock);
	spin_unlock(&b->lock);
	return 0;
}

/* _NTO_SCTL_MUTEX_CONSISTENT: the caller, owner of an inconsistent robust mutex, fixed it. */
static long ctl_consistent(const struct ukey *k)
{
	struct thread *self = kcall_self();
	struct sync_bucket *b = sync_bucket(SYNC_MUTEX, k->pa);
	long res = -EINVAL;

	spin_lock(&b->lock);
	uint32_t v = uw_load(uk_owner(k));
	if (mutex_state(v) == M_OWNED && (v & _NTO_SYNC_OWNER_MASK) == self->sync.owner_id) {
		spin_lock(&sync_pi_lock);
		struct sync_entry *e = entry_find(b, k->pa);
		if (e && e->inconsistent) {
			e->inconsistent = false;
			res = 0;
		}
		spin_unlock(&sync_pi_lock);
	}
	spin_unlock(&b->lock);
	return res;
}

long kc_SyncCtl(int cmd, uaddr_t sync, uaddr_t data)
{
	struct ukey k;
	int r = ukey_get(kcall_self()->proc->as, sync, &k);

	if (r < 0)
		return r;
	long res;
	uint32_t c = uw_load(uk_count(&k)), v = uw_load(uk_owner(&k));
	bool is_mutex = mutex_state(v) != M_BAD;
	switch (cmd) {
	case _NTO_SCTL_GETPRIOCEILING: {
		int ceil = mutex_ceiling(c);
		if (!is_mutex || ceil == 0)
			res = -EINVAL;
		else
			res = copyout(data, &ceil, sizeof(ceil)) < 0 ? -EFAULT : 0;
		break;
	}
	case _NTO_SCTL_SETPRIOCEILING:
		res = ctl_set_ceiling(&k, data);
		break;
	case _NTO_SCTL_SETEVENT:
		/*
		 * QNX delivers this event when the mutex enters the DEAD state.
		 * Not supported yet: a NULL event (detach) is accepted.
		 */
		if (!is_mutex || (c & _NTO_SYNC_ROBUST))
			res = -EINVAL; /* QNX: not with a robust mutex */
		else
			res = data == 0 ? 0 : -ENOTSUP;
		break;
	case _NTO_SCTL_MUTEX_WAKEUP:
		res = ctl_wakeup(&k, data);
		break;
	case _NTO_SCTL_MUTEX_CONSISTENT:
		res = ctl_consistent(&k);
		break;
	case _NTO_SCTL_SEM_VALUE: {
		int val = (int)(c & _QSOE_SYNC_SEM_VALUE);
		if (v != _NTO_SYNC_SEM)
			res = -EINVAL;
		else
			res = copyout(data, &val, sizeof(val)) < 0 ? -EFAULT : 0;
		break;
	}
	default:
		res = -EINVAL;
		break;
	}
	ukey_put(&k);
	return res;
}
