/*
 * key.c - pinned user sync_t words, the bucket tables and per-key entries
 * (see sync_impl.h).
 */
#include <skimmer/kmem.h>
#include <skimmer/pmm.h>
#include <skimmer/printk.h>
#include <skimmer/sched.h>
#include <skimmer/thread.h>
#include <skimmer/vm.h>
#include <arch/mmu.h>
#include "sync_impl.h"

#define SYNC_HASH_SHIFT 8 /* 256 buckets per table; chains grow, there is no limit */
#define SYNC_NBUCKETS   (1u << SYNC_HASH_SHIFT)

static struct sync_bucket cond_tab[SYNC_NBUCKETS], mutex_tab[SYNC_NBUCKETS], sem_tab[SYNC_NBUCKETS];

static void tab_init(struct sync_bucket *tab, enum sync_kind kind, const struct waitq_ops *ops)
{
	for (unsigned i = 0; i < SYNC_NBUCKETS; i++) {
		struct sync_bucket *b = &tab[i];
		spin_init(&b->lock);
		list_init(&b->entries);
		waitq_init(&b->wq, NULL, &b->lock, ops);
		b->kind = (uint8_t)kind;
	}
}

void sync_init_tables(void)
{
	tab_init(cond_tab, SYNC_COND, &sync_cond_ops);
	tab_init(mutex_tab, SYNC_MUTEX, &sync_mutex_ops);
	tab_init(sem_tab, SYNC_SEM, &sync_sem_ops);
}

/*
 * The page behind user address va if it is mapped user-readable and
 * -writable ordinary RAM; takes a reference on it. 0, -EFAULT or -EINVAL.
 * Takes as->lock.
 */
static int pin_page(struct aspace *as, uaddr_t va, paddr_t *pa, struct page **pg)
{
	const pte_t need = PTE_V | PTE_U | PTE_R | PTE_W;

	spin_lock(&as->lock);
	pte_t *pte = mmu_walk(as->root, ALIGN_DOWN(va, PAGE_SIZE), false);
	if (pte == NULL || (*pte & need) != need) {
		spin_unlock(&as->lock);
		return -EFAULT;
	}
	paddr_t base = pte_pa(*pte);
	struct page *p = pmm_page(base);
	if (p == NULL || !(p->flags & PG_USER)) {
		/* Device or boot memory: no atomics, no reference counting. */
		spin_unlock(&as->lock);
		return -EINVAL;
	}
	page_ref(p);
	spin_unlock(&as->lock);
	*pa = base + (va & (PAGE_SIZE - 1));
	*pg = p;
	return 0;
}

int ukey_get(struct aspace *as, uaddr_t va, struct ukey *k)
{
	k->pg[0] = k->pg[1] = NULL;
	if (va < USER_BASE || !user_range_ok(va, sizeof(__sync_t)))
		return -EFAULT;
	if (va & (sizeof(uint32_t) - 1))
		return -EINVAL; /* the words must be naturally aligned for atomics */
	int r = pin_page(as, va, &k->pa, &k->pg[0]);
	if (r < 0)
		return r;
	uaddr_t ova = va + offsetof(__sync_t, __owner);
	if (ALIGN_DOWN(ova, PAGE_SIZE) == ALIGN_DOWN(va, PAGE_SIZE)) {
		k->pa_owner = k->pa + offsetof(__sync_t, __owner);
		return 0;
	}
	r = pin_page(as, ova, &k->pa_owner, &k->pg[1]);
	if (r < 0) {
		page_unref(k->pg[0]);
		k->pg[0] = NULL;
	}
	return r;
}

void ukey_put(struct ukey *k)
{
	for (int i = 0; i < 2; i++) {
		if (k->pg[i])
			page_unref(k->pg[i]);
		k->pg[i] = NULL;
	}
}

void ukey_dup(struct ukey *dst, const struct ukey *src)
{
	*dst = *src;
	for (int i = 0; i < 2; i++)
		if (dst->pg[i])
			page_ref(dst->pg[i]);
}

struct sync_bucket *sync_bucket(enum sync_kind kind, paddr_t pa)
{
	unsigned i = (unsigned)(((pa >> 2) * 0x9e3779b97f4a7c15ULL) >> (64 - SYNC_HASH_SHIFT));

	switch (kind) {
	case SYNC_COND:
		return &cond_tab[i];
	case SYNC_MUTEX:
		return &mutex_tab[i];
	default:
		return &sem_tab[i];
	}
}

struct sync_entry *entry_find(struct sync_bucket *b, paddr_t pa)
{
	struct list *l;

	list_for_each(l, &b->entries)
	{
		struct sync_entry *e = list_entry(l, struct sync_entry, link);
		if (e->key.pa == pa)
			return e;
	}
	return NULL;
}

/* Entries come from kmalloc, so SysInfo's kernel object count sees them (leak tests). */
struct sync_entry *entry_alloc(void)
{
	return kmalloc(sizeof(struct sync_entry));
}

void entry_free(struct sync_entry *e)
{
	kfree(e);
}

struct sync_entry *entry_get(struct sync_bucket *b, const struct ukey *k, struct sync_entry **spare)
{
	struct sync_entry *e = entry_find(b, k->pa);

	if (e)
		return e;
	if (spare && *spare) {
		e = *spare;
		*spare = NULL;
	} else {
		e = entry_alloc();
		if (e == NULL)
			return NULL;
	}
	*e = (struct sync_entry){0};
	e->b = b;
	e->kind = b->kind;
	ukey_dup(&e->key, k);
	list_init(&e->waiters);
	list_init(&e->held_link);
	list_add_tail(&b->entries, &e->link);
	return e;
}

void entry_put(struct sync_entry *e)
{
	if (e->nwaiters || e->owner)
		return;
	list_del(&e->link);
	ukey_put(&e->key);
	entry_free(e);
}

void entry_put_spare(struct sync_entry *e, struct sync_entry **spare)
{
	if (e->nwaiters || e->owner)
		return;
	list_del(&e->link);
	ukey_put(&e->key);
	if (*spare == NULL)
		*spare = e;
	else
		entry_free(e);
}

void entry_add_waiter(struct sync_entry *e, struct thread *t)
{
	list_add_tail(&e->waiters, &t->sync.link);
	e->nwaiters++;
	t->sync.entry = e;
}

void entry_del_waiter(struct sync_entry *e, struct thread *t)
{
	KASSERT(t->sync.entry == e && e->nwaiters > 0);
	list_del(&t->sync.link);
	e->nwaiters--;
	t->sync.entry = NULL;
}

struct thread *entry_best_waiter(struct sync_entry *e)
{
	struct thread *best = NULL;
	int bp = -1;
	struct list *l;

	list_for_each(l, &e->waiters)
	{
		struct thread *t = list_entry(l, struct thread, sync.link);
		int p = sync_eff_prio(t);
		if (p > bp) {
			best = t;
			bp = p;
		}
	}
	return best;
}

void sync_move(struct sync_bucket *from, struct sync_bucket *to, struct thread *t, int state)
{
	KASSERT(t->wq == &from->wq);
	list_del(&t->wq_link);
	list_add_tail(&to->wq.head, &t->wq_link);
	/*
	 * t stays blocked: its state is the lock holder's to change (waitq.h),
	 * and waitq_cancel() follows a thread that moved to another queue.
	 */
	__atomic_store_n(&t->state, (uint8_t)state, __ATOMIC_RELAXED);
	__atomic_store_n(&t->wq, &to->wq, __ATOMIC_RELEASE);
}
