/*
 * mutex.c - the slow paths of QNX mutexes: SyncMutexLock, SyncMutexUnlock,
 * SyncMutexRevive, and the waiting, hand-off and owner-death logic.
 *
 * The __owner word (see <qsoe/syncfast.h> for the whole protocol):
 *   0                       free
 *   id                      owned by the thread whose owner id is id
 *   id | _NTO_SYNC_WAITING  owned, and threads may wait in the kernel: the
 *                           owner must unlock through the kernel
 *   _NTO_SYNC_INITIALIZER   statically initialised, becomes 0 on first use
 *   _NTO_SYNC_OWNERDEAD     DEAD (non-robust) or owner died (robust)
 *   _QSOE_SYNC_NOTRECOVERABLE  robust mutex that can no longer be locked
 *   _NTO_SYNC_DESTROYED     destroyed
 *
 * No lost wake-up: a locker that finds the mutex owned sets the WAITING bit
 * with a compare-and-swap while it holds the bucket lock, and only then
 * queues itself (still under the lock). The owner's user-space unlock is a
 * compare-and-swap from exactly its id to 0, which fails once the bit is
 * set, so the owner enters SyncMutexUnlock, which takes the same bucket lock
 * and therefore sees the queued waiter. If the owner's user-space unlock
 * wins the race instead, the locker's compare-and-swap fails, it re-reads
 * the word under the lock and takes the now free mutex. The kernel changes
 * an owned word only while holding the bucket lock.
 *
 * Unlock hands the mutex directly to the waiter with the highest priority
 * (the longest waiting among equals), as QNX does: __owner becomes that
 * thread's id, with WAITING if others still wait.
 */
#include <skimmer/kcall.h>
#include <skimmer/printk.h>
#include <skimmer/proc.h>
#include <skimmer/sched.h>
#include <skimmer/thread.h>
#include <arch/arch.h>
#include "kcall_protos.h"
#include "sync_impl.h"

enum mstate mutex_state(uint32_t v)
{
	if (v == _NTO_SYNC_MUTEX_FREE)
		return M_FREE;
	if (v == _NTO_SYNC_INITIALIZER)
		return M_INIT;
	if (v == _NTO_SYNC_OWNERDEAD)
		return M_DEAD;
	if (v == _QSOE_SYNC_NOTRECOVERABLE)
		return M_NOTREC;
	uint32_t id = v & _NTO_SYNC_OWNER_MASK;
	if (id != 0 && id <= _QSOE_SYNC_OWNER_MAX)
		return M_OWNED;
	return M_BAD;
}

/* Sets the recursion count of the mutex at k to depth (keeping the flags). */
static void set_depth(const struct ukey *k, uint32_t depth)
{
	uint32_t *cw = uk_count(k);

	for (;;) {
		uint32_t c = uw_load(cw);
		uint32_t dm = mutex_depth_mask(c);
		if (uw_cas(cw, c, (c & ~dm) | (MIN(depth, dm))))
			return;
	}
}

/*
 * Records t as the owner the kernel tracks of entry e (e may be NULL when
 * nothing needs tracking), with the flags of __count c. Caller holds the
 * bucket lock and sync_pi_lock.
 */
static void track_owner(struct sync_entry *e, struct thread *t, uint32_t c)
{
	if (e == NULL)
		return;
	e->mflags = c & ~_NTO_SYNC_COUNTMASK;
	e->ceiling = (uint8_t)mutex_ceiling(c);
	if (e->nwaiters || mutex_tracked_flags(c))
		pi_track(e, t);
	else
		pi_untrack(e);
}

/* Ends w's wait (w off every entry, on b's queue) with result r. */
static void finish_waiter(struct sync_bucket *b, struct thread *w, long r)
{
	waitq_remove(&b->wq, w);
	if (w->sync.reacquire) {
		ukey_put(&w->sync.mkey);
		w->sync.reacquire = false;
	}
	if (w->sync.spare) { /* the condvar wait is over: its reserve goes */
		entry_free(w->sync.spare);
		w->sync.spare = NULL;
	}
	arch_set_retval(w, r);
	sched_wake(w);
}

/*
 * Gives the mutex of entry e to its best waiter, or frees it when nobody
 * waits. 'from' is the previous owner (NULL if none), c the current
 * __count, result what the waiter's call returns (0 or a negative errno; a
 * condvar waiter's pending result replaces 0, and an inconsistent robust
 * mutex gives -EOWNERDEAD). Caller holds e's bucket lock and sync_pi_lock.
 * Returns true if a waiter got it.
 */
static bool handoff(struct sync_entry *e, struct thread *from, uint32_t c, long result)
{
	const struct ukey *k = &e->key;
	struct thread *w = entry_best_waiter(e);

	if (e->owner == from)
		pi_untrack(e);
	if (w == NULL) {
		uw_store(uk_owner(k), _NTO_SYNC_MUTEX_FREE);
		if (from)
			pi_recompute(from);
		return false;
	}
	entry_del_waiter(e, w);
	uw_store(uk_owner(k), w->sync.owner_id | (e->nwaiters ? _NTO_SYNC_WAITING : 0));
	set_depth(k, w->sync.reacquire ? w->sync.depth : 0);
	if (w->sync.reacquire && result == 0)
		result = w->sync.result;
	if (e->inconsistent)
		result = -EOWNERDEAD;
	track_owner(e, w, c);
	pi_recompute(w);
	if (from)
		pi_recompute(from);
	finish_waiter(e->b, w, result);
	return true;
}

/*
 * Queues the current thread (or, from a condvar, blocked thread w) on the
 * mutex k whose __owner is v. Caller holds b->lock. Returns 0 or -EAGAIN
 * (no memory for the entry).
 */
static int mutex_enqueue(struct sync_bucket *b, const struct ukey *k, struct thread *w, uint32_t v,
                         uint32_t c, struct sync_entry **spare)
{
	spin_lock(&sync_pi_lock);
	struct sync_entry *e = entry_get(b, k, spare);
	if (e == NULL) {
		spin_unlock(&sync_pi_lock);
		return -EAGAIN;
	}
	struct thread *o =
	        mutex_state(v) == M_OWNED ? sync_owner_lookup(v & _NTO_SYNC_OWNER_MASK) : NULL;
	struct thread *old = e->owner;
	entry_add_waiter(e, w);
	if (o) {
		e->mflags = c & ~_NTO_SYNC_COUNTMASK;
		pi_track(e, o);
	} else {
		pi_untrack(e); /* the owner is gone (DEAD or a stale id): nobody to boost */
	}
	if (old && old != o)
		pi_recompute(old);
	if (o)
		pi_recompute(o);
	spin_unlock(&sync_pi_lock);
	return 0;
}

/*
 * SyncMutexLock for thread self on the pinned mutex k (bucket b locked).
 * Returns 0, a negative errno (-EOWNERDEAD means acquired), or
 * KCALL_BLOCKED after queueing self.
 */
static long mutex_lock_locked(struct sync_bucket *b, const struct ukey *k, struct thread *self)
{
	uint32_t *ow = uk_owner(k), *cw = uk_count(k);
	uint32_t me = self->sync.owner_id;

	for (;;) {
		uint32_t v = uw_load(ow), c = uw_load(cw);
		enum mstate s = mutex_state(v);
		if (s == M_INIT) {
			uw_cas(ow, v, _NTO_SYNC_MUTEX_FREE);
			continue;
		}
		if (s == M_BAD)
			return -EINVAL;
		if (s == M_NOTREC)
			return -ENOTRECOVERABLE;
		int ceil = mutex_ceiling(c);
		if (ceil && sync_eff_prio(self) > ceil)
			return -EINVAL; /* POSIX: the caller is above the priority ceiling */
		if (s == M_FREE || (s == M_DEAD && (c & _NTO_SYNC_ROBUST))) {
			spin_lock(&sync_pi_lock);
			struct sync_entry *e = entry_find(b, k->pa);
			if (e == NULL && mutex_tracked_flags(c)) {
				e = entry_get(b, k, NULL);
				if (e == NULL) {
					spin_unlock(&sync_pi_lock);
					return -EAGAIN;
				}
			}
			uint32_t nv = me | (e && e->nwaiters ? _NTO_SYNC_WAITING : 0);
			if (!uw_cas(ow, v, nv)) {
				if (e)
					entry_put(e);
				spin_unlock(&sync_pi_lock);
				continue;
			}
			set_depth(k, 0);
			long r = 0;
			if (s == M_DEAD) {
				r = -EOWNERDEAD;
				e->inconsistent = true;
			}
			track_owner(e, self, c);
			if (e) {
				pi_recompute(self);
				entry_put(e);
			}
			spin_unlock(&sync_pi_lock);
			return r;
		}
		if (s == M_OWNED && (v & _NTO_SYNC_OWNER_MASK) == me) {
			if (!(c & _NTO_SYNC_NONRECURSIVE)) {
				uint32_t dm = mutex_depth_mask(c);
				if ((c & dm) == dm)
					return -EAGAIN; /* recursion count exhausted */
				if (!uw_cas(cw, c, c + 1))
					continue;
				return 0;
			}
			if (!(c & _NTO_SYNC_NOERRORCHECK))
				return -EDEADLK;
			/* PTHREAD_MUTEX_NORMAL: relocking deadlocks, as POSIX says. */
		}
		/* Owned by another thread (or DEAD): wait. */
		if (s == M_OWNED && !(v & _NTO_SYNC_WAITING)) {
			if (!uw_cas(ow, v, v | _NTO_SYNC_WAITING))
				continue;
			v |= _NTO_SYNC_WAITING;
		}
		int r = mutex_enqueue(b, k, self, v, c, NULL);
		if (r < 0)
			return r;
		self->sync.reacquire = false;
		waitq_block(&b->wq, self, STATE_MUTEX);
		return KCALL_BLOCKED;
	}
}

long kc_SyncMutexLock(uaddr_t sync)
{
	struct thread *self = kcall_self();
	struct ukey k;
	int r = ukey_get(self->proc->as, sync, &k);

	if (r < 0)
		return r;
	struct sync_bucket *b = sync_bucket(SYNC_MUTEX, k.pa);
	spin_lock(&b->lock);
	long res = mutex_lock_locked(b, &k, self);
	spin_unlock(&b->lock);
	ukey_put(&k);
	return res;
}

/*
 * Releases the mutex k owned by self (recursion count already 0): marks
 * it not recoverable if it is an inconsistent robust mutex, else hands it
 * on. Caller holds b->lock.
 */
static void mutex_release(struct sync_bucket *b, const struct ukey *k, struct thread *self,
                          uint32_t c, bool for_condvar)
{
	spin_lock(&sync_pi_lock);
	struct sync_entry *e = entry_find(b, k->pa);
	if (e == NULL) {
		uw_store(uk_owner(k), _NTO_SYNC_MUTEX_FREE);
		spin_unlock(&sync_pi_lock);
		return;
	}
	if (e->inconsistent && !for_condvar) {
		/* Unlocked without pthread_mutex_consistent(): unusable from now on. */
		uw_store(uk_owner(k), _QSOE_SYNC_NOTRECOVERABLE);
		while (e->nwaiters) {
			struct thread *w = entry_best_waiter(e);
			entry_del_waiter(e, w);
			finish_waiter(b, w, -ENOTRECOVERABLE);
		}
		e->inconsistent = false;
		pi_untrack(e);
		pi_recompute(self);
	} else {
		handoff(e, self, c, 0);
	}
	entry_put(e);
	spin_unlock(&sync_pi_lock);
}

long kc_SyncMutexUnlock(uaddr_t sync)
{
	struct thread *self = kcall_self();
	struct ukey k;
	int r = ukey_get(self->proc->as, sync, &k);

	if (r < 0)
		return r;
	struct sync_bucket *b = sync_bucket(SYNC_MUTEX, k.pa);
	uint32_t *ow = uk_owner(&k), *cw = uk_count(&k);
	long res = 0;
	spin_lock(&b->lock);
	for (;;) {
		uint32_t v = uw_load(ow), c = uw_load(cw);
		if (mutex_state(v) != M_OWNED ||
		    (v & _NTO_SYNC_OWNER_MASK) != self->sync.owner_id) {
			res = -EINVAL; /* QNX: the caller does not own the mutex */
			break;
		}
		uint32_t dm = mutex_depth_mask(c);
		if (c & dm) {
			if (!uw_cas(cw, c, c - 1))
				continue;
			break;
		}
		mutex_release(b, &k, self, c, false);
		break;
	}
	spin_unlock(&b->lock);
	ukey_put(&k);
	return res;
}

uint32_t mutex_release_all(struct sync_bucket *mb, const struct ukey *k, struct thread *self)
{
	uint32_t c = uw_load(uk_count(k));
	uint32_t depth = c & mutex_depth_mask(c);

	set_depth(k, 0);
	mutex_release(mb, k, self, uw_load(uk_count(k)), true);
	return depth;
}

void mutex_reacquire(struct sync_bucket *from, struct sync_bucket *mb, struct thread *w)
{
	const struct ukey *k = &w->sync.mkey;
	uint32_t *ow = uk_owner(k), *cw = uk_count(k);
	uint32_t me = w->sync.owner_id;

	w->sync.reacquire = true;
	for (;;) {
		uint32_t v = uw_load(ow), c = uw_load(cw);
		enum mstate s = mutex_state(v);
		if (s == M_INIT) {
			uw_cas(ow, v, _NTO_SYNC_MUTEX_FREE);
			continue;
		}
		if (s == M_BAD || s == M_NOTREC) {
			/* Destroyed or unusable while we waited: return without it. */
			finish_waiter(from, w, s == M_BAD ? -EINVAL : -ENOTRECOVERABLE);
			return;
		}
		if (s == M_FREE || (s == M_DEAD && (c & _NTO_SYNC_ROBUST)) ||
		    (s == M_OWNED && (v & _NTO_SYNC_OWNER_MASK) == me)) {
			spin_lock(&sync_pi_lock);
			struct sync_entry *e = entry_find(mb, k->pa);
			if (e == NULL && mutex_tracked_flags(c))
				e = entry_get(mb, k, &w->sync.spare);
			uint32_t nv = me | (e && e->nwaiters ? _NTO_SYNC_WAITING : 0);
			if (!uw_cas(ow, v, nv)) {
				if (e)
					entry_put_spare(e, &w->sync.spare);
				spin_unlock(&sync_pi_lock);
				continue;
			}
			set_depth(k, w->sync.depth);
			long r = w->sync.result;
			if (s == M_DEAD) {
				r = -EOWNERDEAD;
				e->inconsistent = true;
			}
			track_owner(e, w, c);
			if (e) {
				pi_recompute(w);
				entry_put(e);
			}
			spin_unlock(&sync_pi_lock);
			finish_waiter(from, w, r);
			return;
		}
		if (s == M_OWNED && !(v & _NTO_SYNC_WAITING)) {
			if (!uw_cas(ow, v, v | _NTO_SYNC_WAITING))
				continue;
			v |= _NTO_SYNC_WAITING;
		}
		/* The spare entry makes this succeed unless memory ran out after all. */
		if (mutex_enqueue(mb, k, w, v, c, &w->sync.spare) < 0) {
			finish_waiter(from, w, -EAGAIN);
			return;
		}
		sync_move(from, mb, w, STATE_MUTEX);
		return;
	}
}

long kc_SyncMutexRevive(uaddr_t sync)
{
	struct thread *self = kcall_self();
	struct ukey k;
	int r = ukey_get(self->proc->as, sync, &k);

	if (r < 0)
		return r;
	struct sync_bucket *b = sync_bucket(SYNC_MUTEX, k.pa);
	uint32_t *ow = uk_owner(&k);
	long res = 0;
	spin_lock(&b->lock);
	spin_lock(&sync_pi_lock);
	for (;;) {
		uint32_t v = uw_load(ow), c = uw_load(uk_count(&k));
		if (v != _NTO_SYNC_OWNERDEAD) {
			res = -EINVAL; /* not in the DEAD state */
			break;
		}
		struct sync_entry *e = entry_find(b, k.pa);
		if (e == NULL && mutex_tracked_flags(c)) {
			e = entry_get(b, &k, NULL);
			if (e == NULL) {
				res = -EAGAIN;
				break;
			}
		}
		if (!uw_cas(ow, v,
		            self->sync.owner_id | (e && e->nwaiters ? _NTO_SYNC_WAITING : 0))) {
			if (e)
				entry_put(e);
			continue;
		}
		set_depth(&k, 0);
		if (e) {
			e->inconsistent = false;
			track_owner(e, self, c);
			pi_recompute(self);
			entry_put(e);
		}
		break;
	}
	spin_unlock(&sync_pi_lock);
	spin_unlock(&b->lock);
	ukey_put(&k);
	return res;
}

void mutex_owner_died(struct sync_entry *e, struct thread *t)
{
	uint32_t c = uw_load(uk_count(&e->key));

	pi_untrack(e);
	if (c & _NTO_SYNC_ROBUST) {
		/* The next owner learns of it with EOWNERDEAD. */
		if (e->nwaiters) {
			e->inconsistent = true;
			handoff(e, NULL, c, -EOWNERDEAD);
		} else {
			e->inconsistent = false;
			uw_store(uk_owner(&e->key), _NTO_SYNC_OWNERDEAD);
		}
	} else if (t->proc->state != PROC_ALIVE) {
		/*
		 * The process went away holding it (QNX: the DEAD state, which
		 * SyncMutexRevive ends). Waiters stay blocked until then.
		 */
		uw_store(uk_owner(&e->key), _NTO_SYNC_OWNERDEAD);
	}
	/* Otherwise (PTHREAD_MUTEX_STALLED): nothing changes for the waiters. */
	entry_put(e);
}

/* ---- waitq hooks for mutex buckets (bucket lock held) ---- */

static bool mutex_may_cancel(struct waitq *wq, struct thread *t, enum wq_reason why)
{
	(void)wq;
	if (t->sync.reacquire)
		return false; /* the condvar wait must end holding the mutex */
	if (why == WQ_TIMEOUT)
		return (t->tmo_states & (1u << t->state)) != 0;
	return true;
}

static void mutex_cancelled(struct waitq *wq, struct thread *t, enum wq_reason why)
{
	(void)wq;
	(void)why;
	struct sync_entry *e = t->sync.entry;

	spin_lock(&sync_pi_lock);
	entry_del_waiter(e, t);
	if (t->sync.reacquire) {
		ukey_put(&t->sync.mkey);
		t->sync.reacquire = false;
	}
	struct thread *o = e->owner;
	if (o && e->nwaiters == 0 && !mutex_tracked_flags(e->mflags))
		pi_untrack(e);
	if (o)
		pi_recompute(o);
	entry_put(e);
	spin_unlock(&sync_pi_lock);
}

const struct waitq_ops sync_mutex_ops = {
        .may_cancel = mutex_may_cancel,
        .cancelled = mutex_cancelled,
};
