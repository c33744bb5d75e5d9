/*
 * msgprio.c - the priority of threads that receive messages (QNX).
 *
 * Message inheritance: a thread that receives a message or pulse runs at
 * its priority (t->msg_prio replaces its own priority; mutex inheritance
 * and the boost below can still raise it), unless the channel has
 * _NTO_CHF_FIXED_PRIORITY. It keeps it until it waits to receive again, or
 * sets its priority itself.
 *
 * Server boost: a thread is associated with the channel it last received
 * on. When a message or pulse arrives on a channel that no thread is
 * waiting on, every thread associated with the channel is boosted to its
 * priority (if higher), so that whichever will receive next is not held up
 * by work of a lower priority (QNX's "server boost"). At each receive on a
 * boosted channel the boost is recomputed from what still waits; when
 * nothing does, it goes.
 *
 * Locking: c->lock protects c->assoc and c->boost; t->assoc is changed
 * only by t itself (associate, exit), and t->boost_prio only under the
 * lock of t->assoc. A priority is applied on the thread's home hart
 * (MPR_REPRIO from other harts, as mutex inheritance does).
 */
#include <skimmer/cpu.h>
#include <skimmer/ipc.h>
#include <skimmer/sched.h>
#include <skimmer/sync.h>
#include <skimmer/thread.h>
#include <qsoe/abi/neutrino.h>

/* Makes t (any thread, any hart) run at its effective priority. Caller holds t->assoc's lock. */
static void apply(struct thread *t)
{
	int p = thread_eff_prio(t);
	struct cpu *c = this_cpu();

	if (t->cpu != c) {
		thread_post(t, MPR_REPRIO);
	} else if (t == c->cur && t->state == STATE_RUNNING) {
		if (t->prio != p)
			sched_set_prio(t, p, -1);
	} else if (t->state == STATE_READY) {
		if (t->prio != p)
			sched_set_prio(t, p, -1);
	} else {
		t->prio = (uint8_t)p; /* blocked: takes effect when it runs */
	}
	if (__atomic_load_n(&t->state, __ATOMIC_RELAXED) == STATE_MUTEX)
		sync_prio_changed(t); /* the owner of the mutex inherits it */
}

void msgprio_inherit(struct channel *c, struct thread *r, int prio)
{
	if ((c->flags & _NTO_CHF_FIXED_PRIORITY) || prio <= 0)
		return;
	__atomic_store_n(&r->msg_prio, (int16_t)prio, __ATOMIC_RELAXED);
	int p = thread_eff_prio(r);
	if (p == r->prio)
		return;
	if (r == this_cpu()->cur && r->state == STATE_RUNNING)
		sched_set_prio(r, p, -1);
	else
		r->prio = (uint8_t)p; /* blocked, about to be woken with its message */
}

void msgprio_drop(struct thread *t)
{
	__atomic_store_n(&t->msg_prio, (int16_t)-1, __ATOMIC_RELAXED);
	int p = thread_eff_prio(t);
	if (p != t->prio)
		sched_set_prio(t, p, -1);
}

void msgprio_associate(struct thread *t, struct channel *c)
{
	struct channel *old = t->assoc;

	if (old == c)
		return;
	if (old) {
		spin_lock(&old->lock);
		list_del(&t->assoc_link);
		__atomic_store_n(&t->boost_prio, 0, __ATOMIC_RELAXED);
		spin_unlock(&old->lock);
		channel_put(old);
	}
	kobj_get(&c->kobj);
	spin_lock(&c->lock);
	list_add_tail(&c->assoc, &t->assoc_link);
	spin_unlock(&c->lock);
	t->assoc = c;
}

void msgprio_boost(struct channel *c, int prio)
{
	if ((c->flags & _NTO_CHF_FIXED_PRIORITY) || prio <= c->boost)
		return;
	c->boost = (uint8_t)prio;
	struct list *l;
	list_for_each(l, &c->assoc)
	{
		struct thread *t = list_entry(l, struct thread, assoc_link);
		if (t->boost_prio < prio) {
			__atomic_store_n(&t->boost_prio, (uint8_t)prio, __ATOMIC_RELAXED);
			if (thread_eff_prio(t) != t->prio)
				apply(t);
		}
	}
}

void msgprio_rebalance(struct channel *c)
{
	int top = 0;
	struct thread *s = waitq_peek(&c->senders);
	struct pulse_rec *pr = list_first(&c->pulses, struct pulse_rec, link);

	if (s)
		top = s->blk.send.prio;
	if (pr)
		top = MAX(top, pr->prio);
	if (top >= c->boost)
		return;
	c->boost = (uint8_t)top;
	struct list *l;
	list_for_each(l, &c->assoc)
	{
		struct thread *t = list_entry(l, struct thread, assoc_link);
		if (t->boost_prio > top) {
			__atomic_store_n(&t->boost_prio, (uint8_t)top, __ATOMIC_RELAXED);
			if (thread_eff_prio(t) != t->prio)
				apply(t);
		}
	}
}

void msgprio_thread_exit(struct thread *t)
{
	struct channel *c = t->assoc;

	if (c == NULL)
		return;
	spin_lock(&c->lock);
	list_del(&t->assoc_link);
	spin_unlock(&c->lock);
	t->assoc = NULL;
	channel_put(c);
}
