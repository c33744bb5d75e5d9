/*
 * sem.c - SyncSemPost and SyncSemWait: the slow paths of unnamed
 * semaphores.
 *
 * A semaphore's __owner is _NTO_SYNC_SEM; its __count holds the value in
 * bits 0..30 (_QSOE_SYNC_SEM_VALUE, so SEM_VALUE_MAX is 0x7fffffff) and
 * _QSOE_SYNC_SEM_WAITING in bit 31. User space decrements a positive value
 * and increments a value without the WAITING bit by compare-and-swap; it
 * enters the kernel to wait when the value is 0 and to post when the bit
 * is set. The kernel sets the bit (under the bucket lock, by
 * compare-and-swap, so a concurrent user-space post either happens before
 * -- and the waiter takes the unit -- or fails and comes here) before it
 * queues a waiter, and a post that finds waiters hands its unit straight
 * to the best one, clearing the bit when no one is left.
 */
#include <skimmer/kcall.h>
#include <skimmer/proc.h>
#include <skimmer/sched.h>
#include <skimmer/thread.h>
#include <arch/arch.h>
#include "kcall_protos.h"
#include "sync_impl.h"

long kc_SyncSemWait(uaddr_t sync, int tryto)
{
	struct thread *self = kcall_self();
	struct ukey k;
	int r = ukey_get(self->proc->as, sync, &k);

	if (r < 0)
		return r;
	struct sync_bucket *b = sync_bucket(SYNC_SEM, k.pa);
	uint32_t *cw = uk_count(&k);
	long res;
	spin_lock(&b->lock);
	for (;;) {
		if (uw_load(uk_owner(&k)) != _NTO_SYNC_SEM) {
			res = -EINVAL;
			break;
		}
		uint32_t c = uw_load(cw);
		if (c & _QSOE_SYNC_SEM_VALUE) {
			if (!uw_cas(cw, c, c - 1))
				continue;
			res = 0;
			break;
		}
		if (tryto) {
			res = -EAGAIN;
			break;
		}
		if (!(c & _QSOE_SYNC_SEM_WAITING) && !uw_cas(cw, c, c | _QSOE_SYNC_SEM_WAITING))
			continue;
		struct sync_entry *e = entry_get(b, &k, NULL);
		if (e == NULL) {
			res = -EAGAIN;
			break;
		}
		entry_add_waiter(e, self);
		waitq_block(&b->wq, self, STATE_SEM);
		res = KCALL_BLOCKED;
		break;
	}
	spin_unlock(&b->lock);
	ukey_put(&k);
	return res;
}

long kc_SyncSemPost(uaddr_t sync)
{
	struct thread *self = kcall_self();
	struct ukey k;
	int r = ukey_get(self->proc->as, sync, &k);

	if (r < 0)
		return r;
	struct sync_bucket *b = sync_bucket(SYNC_SEM, k.pa);
	uint32_t *cw = uk_count(&k);
	long res = 0;
	spin_lock(&b->lock);
	if (uw_load(uk_owner(&k)) != _NTO_SYNC_SEM) {
		res = -EINVAL;
		goto out;
	}
	struct sync_entry *e = entry_find(b, k.pa);
	if (e && e->nwaiters) {
		struct thread *w = entry_best_waiter(e);
		entry_del_waiter(e, w);
		if (e->nwaiters == 0) {
			uint32_t c;
			do
				c = uw_load(cw);
			while (!uw_cas(cw, c, c & ~_QSOE_SYNC_SEM_WAITING));
		}
		entry_put(e);
		waitq_remove(&b->wq, w);
		arch_set_retval(w, 0);
		sched_wake(w);
		goto out;
	}
	for (;;) {
		uint32_t c = uw_load(cw);
		uint32_t v = c & _QSOE_SYNC_SEM_VALUE;
		if (v == _QSOE_SYNC_SEM_VALUE) {
			res = -EOVERFLOW; /* SEM_VALUE_MAX */
			break;
		}
		/* Nobody waits: the WAITING bit (left by a waiter that timed out) goes. */
		if (uw_cas(cw, c, v + 1))
			break;
	}
out:
	spin_unlock(&b->lock);
	ukey_put(&k);
	return res;
}

/* ---- waitq hooks for semaphore buckets (bucket lock held) ---- */

static void sem_cancelled(struct waitq *wq, struct thread *t, enum wq_reason why)
{
	(void)wq;
	(void)why;
	struct sync_entry *e = t->sync.entry;

	entry_del_waiter(e, t);
	entry_put(e);
}

const struct waitq_ops sync_sem_ops = {
        .may_cancel = NULL,
        .cancelled = sem_cancelled,
};
