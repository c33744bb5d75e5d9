/*
 * waitq.c - queues of blocked threads (see waitq.h).
 */
#include <skimmer/printk.h>
#include <skimmer/sched.h>
#include <skimmer/thread.h>
#include <skimmer/waitq.h>

void waitq_init(struct waitq *wq, struct kobj *owner)
{
	spin_init(&wq->lock);
	list_init(&wq->head);
	wq->owner = owner;
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
	t->wq = wq;
	if (wq->owner) {
		kobj_get(wq->owner);
		t->blocked_ref = wq->owner;
	}
	sched_block_current(state);
}

struct thread *waitq_pop(struct waitq *wq)
{
	if (list_empty(&wq->head))
		return NULL;
	struct thread *t = list_entry(wq->head.next, struct thread, wq_link);
	list_del(&t->wq_link);
	t->wq = NULL;
	return t;
}

void waitq_remove(struct waitq *wq, struct thread *t)
{
	KASSERT(t->wq == wq);
	list_del(&t->wq_link);
	t->wq = NULL;
}

bool waitq_cancel(struct thread *t)
{
	struct waitq *wq = __atomic_load_n(&t->wq, __ATOMIC_ACQUIRE);

	if (wq == NULL)
		return false;
	/* t's reference on wq->owner keeps wq alive while we look at it. */
	spin_lock(&wq->lock);
	bool mine = t->wq == wq;
	if (mine) {
		list_del(&t->wq_link);
		t->wq = NULL;
	}
	spin_unlock(&wq->lock);
	return mine;
}
