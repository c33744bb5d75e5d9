/*
 * waitq.h - queues of blocked threads.
 *
 * Every blocking state except a plain sleep puts the thread on a waitq.
 * The rule: a blocked thread's t->wq, its queue link and its result
 * registers belong to whoever holds the queue's lock (*wq->lock). Whoever
 * removes it from the queue writes its result and calls sched_wake() BEFORE
 * dropping that lock (so the thread cannot be freed in between). While
 * blocked, the thread holds a reference on the queue's owning object
 * (wq->owner), dropped by its home hart when it runs again, so the object
 * outlives every hart that might still look at the queue.
 *
 * Several queues of one object may share one lock (a channel's receive,
 * send and reply queues all use the channel's lock).
 */
#ifndef SKIMMER_WAITQ_H
#define SKIMMER_WAITQ_H

#include <skimmer/kobj.h>
#include <skimmer/list.h>
#include <skimmer/spinlock.h>

struct thread;
struct waitq;

/* Why a blocked thread is being pulled out of its queue. */
enum wq_reason {
	WQ_TIMEOUT, /* its TimerTimeout expired */
	WQ_SIGNAL,  /* a signal must be delivered to it */
	WQ_KILL,    /* it is being destroyed: always removed */
};

struct waitq_ops {
	/*
	 * Called with the queue's lock held before t is removed for 'why'
	 * (never for WQ_KILL). Returns true to let the removal go ahead, false
	 * to keep t blocked (e.g. REPLY-blocked on an _NTO_CHF_UNBLOCK channel:
	 * the server is sent an unblock pulse instead). For WQ_TIMEOUT the hook
	 * must itself check that t->tmo_states covers t->state.
	 */
	bool (*may_cancel)(struct waitq *wq, struct thread *t, enum wq_reason why);
	/* Called with the lock held after t was removed for any reason but a wake. */
	void (*cancelled)(struct waitq *wq, struct thread *t, enum wq_reason why);
};

struct waitq {
	spinlock_t *lock;    /* protects the queue (may be shared) */
	spinlock_t own_lock; /* used when no shared lock is given */
	struct list head;
	struct kobj *owner;          /* object containing the queue; NULL if never freed */
	const struct waitq_ops *ops; /* NULL: plain removal */
};

/* Initialises wq with its own lock (shared == NULL) or a shared one. */
void waitq_init(struct waitq *wq, struct kobj *owner, spinlock_t *shared,
                const struct waitq_ops *ops);

/*
 * Puts the current thread on wq in blocking state 'state' (a STATE_*).
 * Caller holds *wq->lock. Priority-ordered: higher priority first, FIFO
 * within a priority (as QNX queues senders and waiters).
 */
void waitq_block(struct waitq *wq, struct thread *t, int state);

/* Removes and returns the first thread, or NULL. Caller holds the lock. */
struct thread *waitq_pop(struct waitq *wq);

/* First thread without removing it, or NULL. Caller holds the lock. */
struct thread *waitq_peek(struct waitq *wq);

/* Removes t from wq. Caller holds the lock and t is on wq. */
void waitq_remove(struct waitq *wq, struct thread *t);

/*
 * Pulls t out of whatever queue it is blocked on, for 'why'. Called on t's
 * home hart. Returns true if this call removed it (the caller now owns its
 * result and must ready it); false if it was not on a queue, someone else
 * already removed it (a wake is on its way), or the queue's may_cancel hook
 * kept it blocked.
 */
bool waitq_cancel(struct thread *t, enum wq_reason why);

#endif
