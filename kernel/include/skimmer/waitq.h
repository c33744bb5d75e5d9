/*
 * waitq.h - queues of blocked threads.
 *
 * Every blocking state except a plain sleep puts the thread on a waitq.
 * The rule (see docs/architecture.md, "Scheduling"): a blocked thread's
 * t->wq, its queue link and its result registers belong to whoever holds
 * wq->lock. Whoever removes it from the queue writes its result and then
 * calls sched_wake(). While blocked, the thread holds a reference on the
 * queue's owning object, dropped by its home hart when it runs again, so
 * the object outlives every hart that might still look at it.
 */
#ifndef SKIMMER_WAITQ_H
#define SKIMMER_WAITQ_H

#include <skimmer/kobj.h>
#include <skimmer/list.h>
#include <skimmer/spinlock.h>

struct thread;

struct waitq {
	spinlock_t lock;
	struct list head;
	struct kobj *owner; /* object containing the queue; NULL if never freed */
};

void waitq_init(struct waitq *wq, struct kobj *owner);

/*
 * Puts the current thread on wq in blocking state 'state' (a STATE_*).
 * Caller holds wq->lock. Priority-ordered: higher priority first, FIFO
 * within a priority (as QNX queues senders and waiters).
 */
void waitq_block(struct waitq *wq, struct thread *t, int state);

/* Removes and returns the first thread, or NULL. Caller holds wq->lock. */
struct thread *waitq_pop(struct waitq *wq);

/* Removes t from wq. Caller holds wq->lock and t is on wq. */
void waitq_remove(struct waitq *wq, struct thread *t);

/*
 * Removes t from whatever queue it is blocked on, if it still is.
 * Called on t's home hart (timeouts, signals, kill). Returns true if this
 * call removed it (the caller now owns its result and must ready it),
 * false if someone else already did (a wake is on its way).
 */
bool waitq_cancel(struct thread *t);

#endif
