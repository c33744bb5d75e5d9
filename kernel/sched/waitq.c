/*
 * waitq.c - queues of blocked threads (see waitq.h).
 */
#include <skimmer/printk.h>
#include <skimmer/sched.h>
#include <skimmer/thread.h>
#include <skimmer/waitq.h>

void waitq_init(struct waitq *wq, struct kobj *owner, spinlock_t *shared,
                const struct waitq_ops *ops)
{
	spin_init(&wq->own_lock);
	wq->lock = shared ? shared : &wq->own_lock;
	list_init(&wq->head);
	wq->owner = owner;
	wq->ops = ops;
}

void waitq_block(struct waitq *wq, struct thread *t, int state)
{
	struct list *l;

	list_for_each(l, &wq->head)
	{
		struct thread *o = list_entry(l, struct thread, wq_link);
		if (o->prio < t->prio)
			break;
	}
	list_add_before(l, &t->wq_link);
	__atomic_store_n(&t->wq, wq, __ATOMIC_RELEASE);
	if (wq->owner) {
		kobj_get(wq->owner);
		t->blocked_ref = wq->owner;
	}
	sched_block_current(state);
}

struct thread *waitq_peek(struct waitq *wq)
{
	if (list_empty(&wq->head))
		return NULL;
	return list_entry(wq->head.next, struct thread, wq_link);
}

struct thread *waitq_pop(struct waitq *wq)
{
	struct thread *t = waitq_peek(wq);

	if (t) {
		list_del(&t->wq_link);
		__atomic_store_n(&t->wq, NULL, __ATOMIC_RELEASE);
	}
	return t;
}

void waitq_remove(struct waitq *wq, struct thread *t)
{
	KASSERT(t->wq == wq);
	list_del(&t->wq_link);
	__atomic_store_n(&t->wq, NULL, __ATOMIC_RELEASE);
}

bool waitq_cancel(struct thread *t, enum wq_reason why)
{
	struct waitq *wq;

again:
	wq = __atomic_load_n(&t->wq, __ATOMIC_ACQUIRE);
	if (wq == NULL)
		return false;
	/* t's reference on wq->owner keeps wq alive while we look at it. */
	spin_lock(wq->lock);
	if (t->wq != wq && t->wq != NULL) {
		/*
		 * Moved to another queue meanwhile by someone holding both
		 * locks (a condvar waiter requeued on its mutex): follow it.
		 */
		spin_unlock(wq->lock);
		goto again;
	}
	bool removed = false;
	/*
	 * A timeout covers only the states TimerTimeout named (t->state is
	 * stable while t is on a queue whose lock we hold). A queue with a
	 * may_cancel hook decides for itself (and sees uncovered timeouts too).
	 */
	bool covered = why != WQ_TIMEOUT || (t->tmo_states & (1u << t->state));
	bool go;
	if (t->wq != wq)
		go = false;
	else if (why == WQ_KILL)
		go = true;
	else if (wq->ops && wq->ops->may_cancel)
		go = wq->ops->may_cancel(wq, t, why);
	else
		go = covered;
	if (go) {
		list_del(&t->wq_link);
		__atomic_store_n(&t->wq, NULL, __ATOMIC_RELEASE);
		if (wq->ops && wq->ops->cancelled)
			wq->ops->cancelled(wq, t, why);
		removed = true;
	}
	spin_unlock(wq->lock);
	return removed;
}
