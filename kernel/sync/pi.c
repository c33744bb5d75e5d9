/*
 * pi.c - thread owner ids and mutex priority inheritance (see sync_impl.h).
 *
 * Every thread has a system-wide owner id, the value it stores in a
 * mutex's __owner word. The ids live in one id table (lowest free id
 * first, 1 .. _QSOE_SYNC_OWNER_MAX), so the kernel can find the owner of a
 * contended mutex from the word alone, whatever process it belongs to.
 *
 * Inheritance: a thread's mutex_prio is the highest of, over the mutex
 * entries it owns and the kernel tracks, the effective priority of their
 * waiters (unless the mutex is _NTO_SYNC_PRIONONE) and their priority
 * ceilings. A change is propagated down the chain "owner waits for a mutex
 * whose owner waits for ..." for at most SYNC_PI_DEPTH links; the walk runs
 * under the global sync_pi_lock, so it cannot deadlock, and it stops early
 * as soon as a thread's priority does not change (which also ends cycles of
 * threads deadlocked on each other). A thread's scheduling priority is only
 * changed on its home hart: other harts post MPR_REPRIO.
 */
#include <skimmer/cpu.h>
#include <skimmer/idtab.h>
#include <skimmer/kmem.h>
#include <skimmer/printk.h>
#include <skimmer/proc.h>
#include <skimmer/sched.h>
#include <skimmer/thread.h>
#include "sync_impl.h"

spinlock_t sync_pi_lock = SPINLOCK_INIT;
static struct idtab owners; /* owner id -> struct thread (sync_pi_lock) */

void sync_init_tables(void);

void sync_init(void)
{
	idtab_init(&owners, _QSOE_SYNC_OWNER_MAX + 1);
	sync_init_tables();
}

int sync_thread_init(struct thread *t)
{
	list_init(&t->sync.held);
	list_init(&t->sync.link);
	spin_lock(&sync_pi_lock);
	int id = idtab_alloc(&owners, t, 1);
	spin_unlock(&sync_pi_lock);
	if (id < 0)
		return -EAGAIN;
	t->sync.owner_id = (uint32_t)id;
	return 0;
}

void sync_thread_release(struct thread *t)
{
	spin_lock(&sync_pi_lock);
	if (t->sync.owner_id && idtab_get(&owners, t->sync.owner_id) == t)
		idtab_remove(&owners, t->sync.owner_id);
	spin_unlock(&sync_pi_lock);
	t->sync.owner_id = 0;
}

struct thread *sync_owner_lookup(uint32_t id)
{
	if (id == 0 || id > _QSOE_SYNC_OWNER_MAX)
		return NULL;
	return idtab_get(&owners, id);
}

int sync_eff_prio(const struct thread *t)
{
	return thread_eff_prio(t);
}

int sync_thread_prio(const struct thread *t)
{
	return sync_eff_prio(t);
}

void pi_track(struct sync_entry *e, struct thread *t)
{
	if (e->owner == t)
		return;
	if (e->owner)
		pi_untrack(e);
	e->owner = t;
	list_add_tail(&t->sync.held, &e->held_link);
}

void pi_untrack(struct sync_entry *e)
{
	if (e->owner == NULL)
		return;
	list_del(&e->held_link);
	e->owner = NULL;
}

/* The priority mutex entry e gives its owner. Caller holds sync_pi_lock. */
static int entry_top(const struct sync_entry *e)
{
	int top = e->ceiling;
	struct list *l;

	if (e->mflags & _NTO_SYNC_PRIONONE)
		return top;
	list_for_each(l, &e->waiters)
	{
		struct thread *w = list_entry(l, struct thread, sync.link);
		top = MAX(top, sync_eff_prio(w));
	}
	return top;
}

/* Makes t's scheduling priority follow its inheritance (any hart). */
static void pi_apply(struct thread *t)
{
	if (t->cpu == this_cpu())
		sched_set_prio(t, sync_eff_prio(t), -1);
	else
		thread_post(t, MPR_REPRIO);
}

void pi_recompute(struct thread *t)
{
	for (int depth = 0; t != NULL && depth < SYNC_PI_DEPTH; depth++) {
		int np = 0;
		struct list *l;
		list_for_each(l, &t->sync.held)
		{
			np = MAX(np, entry_top(list_entry(l, struct sync_entry, held_link)));
		}
		if (np == t->sync.mutex_prio)
			return;
		int before = sync_eff_prio(t);
		__atomic_store_n(&t->sync.mutex_prio, (uint8_t)np, __ATOMIC_RELAXED);
		if (sync_eff_prio(t) == before)
			return; /* no visible change: no IPI, nothing to propagate */
		pi_apply(t);
		/* t's priority changed: so may that of the owner it waits for. */
		struct sync_entry *e = t->sync.entry;
		if (e == NULL || e->kind != SYNC_MUTEX)
			return;
		t = e->owner;
	}
}

void sync_prio_changed(struct thread *t)
{
	spin_lock(&sync_pi_lock);
	struct sync_entry *e = t->sync.entry;
	if (e && e->kind == SYNC_MUTEX && e->owner)
		pi_recompute(e->owner);
	spin_unlock(&sync_pi_lock);
}

void sync_thread_exit(struct thread *t)
{
	/* No one can find t as an owner from now on. */
	sync_thread_release(t);

	/* Each mutex it holds that the kernel knows of: its bucket lock comes first. */
	for (;;) {
		spin_lock(&sync_pi_lock);
		if (list_empty(&t->sync.held)) {
			spin_unlock(&sync_pi_lock);
			break;
		}
		struct sync_entry *e = list_entry(t->sync.held.next, struct sync_entry, held_link);
		struct sync_bucket *b = e->b;
		spin_unlock(&sync_pi_lock);

		spin_lock(&b->lock);
		spin_lock(&sync_pi_lock);
		/* e is still ours only if it is still first on the list (nothing new is added). */
		if (!list_empty(&t->sync.held) &&
		    list_entry(t->sync.held.next, struct sync_entry, held_link) == e)
			mutex_owner_died(e, t);
		spin_unlock(&sync_pi_lock);
		spin_unlock(&b->lock);
	}
	__atomic_store_n(&t->sync.mutex_prio, 0, __ATOMIC_RELAXED);
	if (t->sync.spare) {
		entry_free(t->sync.spare);
		t->sync.spare = NULL;
	}
}
