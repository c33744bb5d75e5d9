/*
 * condvar.c - SyncCondvarWait and SyncCondvarSignal (QNX semantics).
 *
 * A condvar's __owner is _NTO_SYNC_COND and its __count the clock of timed
 * waits (libc's business); there is no user-space fast path, every wait
 * and signal enters the kernel.
 *
 * Wait holds the condvar bucket and the mutex bucket (in that order), so
 * releasing the mutex and queueing on the condvar are one step: a signaller
 * that takes the mutex after us finds us queued. A woken waiter must hold
 * the mutex again before its call returns ("as though it had called
 * SyncMutexLock"): the waker takes the mutex bucket lock and either gives
 * the mutex to it at once or moves it, still blocked, onto the mutex's
 * queue with its result pending (mutex_reacquire). A timeout or a signal
 * does the same with ETIMEDOUT or EINTR, from the waitq hook.
 */
#include <skimmer/kcall.h>
#include <skimmer/printk.h>
#include <skimmer/proc.h>
#include <skimmer/sched.h>
#include <skimmer/thread.h>
#include "kcall_protos.h"
#include "sync_impl.h"

long kc_SyncCondvarWait(uaddr_t sync, uaddr_t mutex)
{
	struct thread *self = kcall_self();
	struct aspace *as = self->proc->as;
	struct ukey ck, mk;
	int r = ukey_get(as, sync, &ck);

	if (r < 0)
		return r;
	r = ukey_get(as, mutex, &mk);
	if (r < 0) {
		ukey_put(&ck);
		return r;
	}
	long res;
	if (ck.pa == mk.pa) {
		res = -EINVAL;
		goto out;
	}
	/*
	 * The requeue to the mutex must never need memory: an entry is kept
	 * in reserve (self->sync.spare) until the wait ends.
	 */
	struct sync_entry *spare = entry_alloc();
	if (spare == NULL) {
		res = -EAGAIN;
		goto out;
	}
	struct sync_bucket *cb = sync_bucket(SYNC_COND, ck.pa);
	struct sync_bucket *mb = sync_bucket(SYNC_MUTEX, mk.pa);
	spin_lock(&cb->lock);
	spin_lock(&mb->lock);
	uint32_t mv = uw_load(uk_owner(&mk));
	if (uw_load(uk_owner(&ck)) != _NTO_SYNC_COND) {
		res = -EINVAL; /* not a condvar (or destroyed) */
	} else if (mutex_state(mv) != M_OWNED ||
	           (mv & _NTO_SYNC_OWNER_MASK) != self->sync.owner_id) {
		res = -EPERM; /* the caller must hold the mutex */
	} else {
		struct sync_entry *e = entry_get(cb, &ck, NULL);
		if (e == NULL) {
			res = -EAGAIN;
		} else {
			self->sync.depth = mutex_release_all(mb, &mk, self);
			self->sync.mkey = mk; /* the pins move to the thread */
			mk.pg[0] = mk.pg[1] = NULL;
			self->sync.reacquire = false;
			self->sync.result = 0;
			if (self->sync.spare == NULL) {
				self->sync.spare = spare;
				spare = NULL;
			}
			entry_add_waiter(e, self);
			waitq_block(&cb->wq, self, STATE_CONDVAR);
			res = KCALL_BLOCKED;
		}
	}
	spin_unlock(&mb->lock);
	spin_unlock(&cb->lock);
	if (spare)
		entry_free(spare);
out:
	ukey_put(&mk);
	ukey_put(&ck);
	return res;
}

/*
 * Takes waiter w off condvar entry e and makes it re-acquire its mutex,
 * returning 'result' once it has it. Caller holds cb->lock (e's bucket).
 */
static void cond_transfer(struct sync_bucket *cb, struct sync_entry *e, struct thread *w,
                          long result)
{
	struct sync_bucket *mb = sync_bucket(SYNC_MUTEX, w->sync.mkey.pa);

	spin_lock(&mb->lock);
	entry_del_waiter(e, w);
	entry_put(e);
	w->sync.result = (int32_t)result;
	mutex_reacquire(cb, mb, w);
	spin_unlock(&mb->lock);
}

long kc_SyncCondvarSignal(uaddr_t sync, int all)
{
	struct thread *self = kcall_self();
	struct ukey k;
	int r = ukey_get(self->proc->as, sync, &k);

	if (r < 0)
		return r;
	struct sync_bucket *cb = sync_bucket(SYNC_COND, k.pa);
	long res = 0;
	spin_lock(&cb->lock);
	if (uw_load(uk_owner(&k)) != _NTO_SYNC_COND) {
		res = -EINVAL;
	} else {
		struct sync_entry *e = entry_find(cb, k.pa);
		/* Broadcast wakes those waiting now: the count bounds the loop. */
		unsigned n = e == NULL ? 0 : all ? e->nwaiters : 1;
		while (n-- > 0) {
			bool last = e->nwaiters == 1;
			cond_transfer(cb, e, entry_best_waiter(e), 0);
			if (last)
				break; /* e was freed with its last waiter */
		}
	}
	spin_unlock(&cb->lock);
	ukey_put(&k);
	return res;
}

/* ---- waitq hooks for condvar buckets (bucket lock held) ---- */

static bool cond_may_cancel(struct waitq *wq, struct thread *t, enum wq_reason why)
{
	if (why == WQ_TIMEOUT && !(t->tmo_states & (1u << t->state)))
		return false;
	/* Timeout or signal: the wait ends, but only once the mutex is ours again. */
	struct sync_bucket *cb = container_of(wq, struct sync_bucket, wq);
	cond_transfer(cb, t->sync.entry, t, why == WQ_TIMEOUT ? -ETIMEDOUT : -EINTR);
	return false; /* handled: t was woken, or moved to the mutex's queue */
}

static void cond_cancelled(struct waitq *wq, struct thread *t, enum wq_reason why)
{
	(void)wq;
	(void)why;
	struct sync_entry *e = t->sync.entry;

	entry_del_waiter(e, t);
	entry_put(e);
	ukey_put(&t->sync.mkey);
}

const struct waitq_ops sync_cond_ops = {
        .may_cancel = cond_may_cancel,
        .cancelled = cond_cancelled,
};
