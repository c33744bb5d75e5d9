/*
 * irq_source.c - interrupt sources: mask counts, routing, delivery (irq.h).
 *
 * The table of sources (one per PLIC source) is allocated the first time a
 * process names a source. A source nobody attached to is disabled in the
 * PLIC and reported once, so a misbehaving device cannot storm a hart.
 */
#include <skimmer/cpu.h>
#include <skimmer/ipc.h>
#include <skimmer/irq.h>
#include <skimmer/kmem.h>
#include <skimmer/kstring.h>
#include <skimmer/platform.h>
#include <skimmer/printk.h>
#include <skimmer/proc.h>
#include <skimmer/ptimer.h>
#include <skimmer/sched.h>
#include <skimmer/spinlock.h>
#include <skimmer/thread.h>
#include <qsoe/abi/neutrino.h>
#include <arch/arch.h>
#include <arch/plic.h>

#define EV_TYPE(ev) ((ev)->sigev_notify & 0x7f)

struct irq_source {
	spinlock_t lock;
	struct list attached; /* struct irq_attach, delivery order */
	unsigned mask_count;  /* QNX mask count */
	bool exclusive;       /* the one attachment asked for _NTO_INTR_FLAGS_EXCLUSIVE */
	bool live;            /* priority 1 programmed (unmasked) */
	struct cpu *route;    /* hart whose context has it enabled, NULL if none */
	bool warned;          /* fired with nothing attached (reported once) */
	uint64_t count;       /* times it fired */
};

static struct irq_source *sources; /* [plat.plic_ndev + 1] */
static spinlock_t table_lock = SPINLOCK_INIT;

bool irq_valid(uint32_t src)
{
	return plic_valid(src);
}

/* The state of source n, allocating the table if 'alloc'; NULL if none. */
static struct irq_source *source(uint32_t n, bool alloc)
{
	struct irq_source *t = __atomic_load_n(&sources, __ATOMIC_ACQUIRE);

	if (t == NULL && alloc) {
		spin_lock(&table_lock);
		t = sources;
		if (t == NULL) {
			size_t sz = (plat.plic_ndev + 1) * sizeof(*t);
			t = kmalloc(sz);
			if (t) {
				memset(t, 0, sz);
				for (uint32_t i = 0; i <= plat.plic_ndev; i++) {
					spin_init(&t[i].lock);
					list_init(&t[i].attached);
				}
				__atomic_store_n(&sources, t, __ATOMIC_RELEASE);
			}
		}
		spin_unlock(&table_lock);
	}
	return t && irq_valid(n) ? &t[n] : NULL;
}

/*
 * Brings the PLIC in line with s: enabled on the hart of the first
 * attachment's thread, priority 1 while unmasked and attached, else 0.
 * Caller holds s->lock.
 */
static void src_update(struct irq_source *s, uint32_t n)
{
	struct cpu *want = NULL;

	if (!list_empty(&s->attached)) {
		struct list *l;
		list_for_each(l, &s->attached)
		{
			struct irq_attach *a = list_entry(l, struct irq_attach, link);
			if (a->thr) {
				want = __atomic_load_n(&a->thr->cpu, __ATOMIC_ACQUIRE);
				break;
			}
		}
		if (want == NULL)
			want = s->route ? s->route : this_cpu();
	}
	bool live = want != NULL && s->mask_count == 0;
	if (!live && s->live) {
		plic_set_priority(n, 0);
		s->live = false;
	}
	if (want != s->route) {
		if (s->route)
			plic_route(n, s->route, false);
		if (want) {
			plic_route(n, want, true);
			kprintf("irq: interrupt %u routed to cpu %u\n", n, want->id);
		}
		s->route = want;
	}
	if (live && !s->live) {
		plic_set_priority(n, 1);
		s->live = true;
	}
}

void irq_wake_thread(struct process *p, struct thread *t)
{
	spin_lock(p->intr_wq.lock);
	if (t->wq == &p->intr_wq) {
		waitq_remove(&p->intr_wq, t);
		arch_set_retval(t, 0);
		sched_wake(t);
	} else {
		t->intr_pending = true;
	}
	spin_unlock(p->intr_wq.lock);
}

/*
 * Signals raised by one interrupt, sent after the source lock is dropped
 * (signal_post wants no spinlock held). A source with more signal
 * attachments than this sends the rest under the lock, which is safe:
 * source locks come before every lock signal delivery takes.
 */
#define SIG_BATCH 4

struct sig_batch {
	unsigned n;
	struct {
		struct process *p; /* reference */
		int tid;
		struct sigevent ev;
	} e[SIG_BATCH];
};

/* Notifies one attachment. Caller holds the source lock. */
static void deliver(struct irq_attach *a, struct sig_batch *b)
{
	a->count++;
	if (a->kind == IRQ_THREAD || EV_TYPE(&a->ev) == (SIGEV_INTR & 0x7f)) {
		if (a->thr)
			irq_wake_thread(a->proc, a->thr);
		return;
	}
	switch (EV_TYPE(&a->ev)) {
	case SIGEV_NONE & 0x7f:
		return;
	case SIGEV_PULSE & 0x7f:
		/* A dead coid or a full pulse queue loses this one notification. */
		(void)event_deliver(&a->ev, a->proc, NULL);
		return;
	default: {
		int tid = a->thr ? a->thr->tid : 0;
		if (b->n == SIG_BATCH) {
			(void)sigevent_signal(a->proc, tid, &a->ev, SI_USER);
			return;
		}
		kobj_get(&a->proc->kobj);
		b->e[b->n].p = a->proc;
		b->e[b->n].tid = tid;
		b->e[b->n].ev = a->ev;
		b->n++;
	}
	}
}

void irq_handle(struct cpu *c, uint32_t n)
{
	struct irq_source *s = source(n, false);
	struct sig_batch b;

	c->n_irqs++;
	if (s == NULL) {
		plic_set_priority(n, 0);
		plic_route(n, c, false);
		kprintf("irq: interrupt %u on cpu %u: nothing attached; masked\n", n, c->id);
		return;
	}
	spin_lock(&s->lock);
	s->count++;
	if (list_empty(&s->attached)) {
		if (!s->warned)
			kprintf("irq: interrupt %u on cpu %u: nothing attached; masked\n", n,
			        c->id);
		s->warned = true;
		plic_set_priority(n, 0);
		plic_route(n, c, false);
		if (s->route == c)
			s->route = NULL;
		s->live = false;
		spin_unlock(&s->lock);
		return;
	}
	/* The kernel's automatic InterruptMask, once per attachment notified. */
	b.n = 0;
	struct list *l;
	list_for_each(l, &s->attached)
	{
		struct irq_attach *a = list_entry(l, struct irq_attach, link);
		a->masks++;
		s->mask_count++;
		deliver(a, &b);
	}
	src_update(s, n);
	spin_unlock(&s->lock);
	for (unsigned i = 0; i < b.n; i++) {
		(void)sigevent_signal(b.e[i].p, b.e[i].tid, &b.e[i].ev, SI_USER);
		proc_put(b.e[i].p);
	}
}

int irq_attach(struct irq_attach *a)
{
	struct irq_source *s = source(a->src, true);
	struct process *p = a->proc;

	if (s == NULL)
		return irq_valid(a->src) ? -ENOMEM : -EINVAL;
	spin_lock(&s->lock);
	if (!list_empty(&s->attached) && (s->exclusive || (a->flags & _NTO_INTR_FLAGS_EXCLUSIVE))) {
		spin_unlock(&s->lock);
		return -EBUSY;
	}
	spin_lock(&p->lock);
	int id = -ESRCH;
	if (p->state == PROC_ALIVE) {
		if (a->kind == IRQ_THREAD && a->thr->intr_attach != NULL)
			id = -EBUSY; /* a thread serves at most one interrupt */
		else
			id = idtab_alloc(&p->irqs, a, 1);
	}
	if (id >= 0) {
		a->id = id;
		if (a->kind == IRQ_THREAD)
			a->thr->intr_attach = a;
	}
	spin_unlock(&p->lock);
	if (id < 0) {
		spin_unlock(&s->lock);
		return id;
	}
	/* _NTO_INTR_FLAGS_END: after the others; otherwise first. */
	if (a->flags & _NTO_INTR_FLAGS_END)
		list_add_tail(&s->attached, &a->link);
	else
		list_add_head(&s->attached, &a->link);
	a->attached = true;
	if (a->flags & _NTO_INTR_FLAGS_EXCLUSIVE)
		s->exclusive = true;
	a->masks = 0;
	if (a->flags & _NTO_INTR_FLAGS_NO_UNMASK) {
		a->masks = 1;
		s->mask_count++;
	}
	src_update(s, a->src);
	spin_unlock(&s->lock);
	return 0;
}

/* Takes a off its source, giving back the masks it holds. */
static void detach_source(struct irq_attach *a)
{
	struct irq_source *s = source(a->src, false);

	spin_lock(&s->lock);
	if (a->attached) {
		list_del(&a->link);
		a->attached = false;
		s->mask_count -= a->masks < s->mask_count ? a->masks : s->mask_count;
		a->masks = 0;
		if (a->flags & _NTO_INTR_FLAGS_EXCLUSIVE)
			s->exclusive = false;
		if (list_empty(&s->attached))
			s->mask_count = 0; /* the next attacher starts from a clean source */
		src_update(s, a->src);
	}
	spin_unlock(&s->lock);
}

struct irq_attach *irq_get(struct process *p, int id)
{
	if (id <= 0)
		return NULL;
	spin_lock(&p->lock);
	struct irq_attach *a = idtab_get(&p->irqs, (uint32_t)id);
	if (a)
		kobj_get(&a->kobj);
	spin_unlock(&p->lock);
	return a;
}

void irq_put(struct irq_attach *a)
{
	kobj_put(&a->kobj);
}

/* Removes id from p's table (and from its thread); returns it or NULL. Caller holds p->lock. */
static struct irq_attach *unlink_id(struct process *p, int id)
{
	struct irq_attach *a = idtab_remove(&p->irqs, (uint32_t)id);

	if (a && a->kind == IRQ_THREAD && a->thr && a->thr->intr_attach == a)
		a->thr->intr_attach = NULL;
	return a;
}

int irq_detach(struct process *p, int id)
{
	if (id <= 0)
		return -ESRCH;
	spin_lock(&p->lock);
	struct irq_attach *a = unlink_id(p, id);
	spin_unlock(&p->lock);
	if (a == NULL)
		return -ESRCH;
	detach_source(a);
	irq_put(a);
	return 0;
}

int irq_mask(uint32_t n, struct irq_attach *a, int delta)
{
	struct irq_source *s = source(n, true);

	if (s == NULL)
		return irq_valid(n) ? -ENOMEM : -EINVAL;
	spin_lock(&s->lock);
	if (a && !a->attached) {
		spin_unlock(&s->lock);
		return -ESRCH;
	}
	if (delta > 0) {
		s->mask_count++;
		if (a)
			a->masks++;
	} else if (s->mask_count > 0) {
		/* The count is the source's; an attachment only tracks its share. */
		s->mask_count--;
		if (a && a->masks > 0)
			a->masks--;
	}
	src_update(s, n);
	int r = (int)s->mask_count;
	spin_unlock(&s->lock);
	return r;
}

void irq_unmask_thread(struct thread *t)
{
	struct process *p = t->proc;

	spin_lock(&p->lock);
	struct irq_attach *a = t->intr_attach;
	if (a)
		kobj_get(&a->kobj);
	spin_unlock(&p->lock);
	if (a == NULL)
		return;
	struct irq_source *s = source(a->src, false);
	spin_lock(&s->lock);
	if (a->attached && a->masks > 0 && s->mask_count > 0) {
		a->masks--;
		s->mask_count--;
		src_update(s, a->src);
	}
	spin_unlock(&s->lock);
	irq_put(a);
}

void irq_thread_exit(struct thread *t)
{
	struct process *p = t->proc;
	uint32_t from = 1;

	for (;;) {
		spin_lock(&p->lock);
		struct irq_attach *a = NULL;
		int id;
		for (id = idtab_next(&p->irqs, from); id >= 0; id = idtab_next(&p->irqs, id + 1)) {
			a = idtab_get(&p->irqs, (uint32_t)id);
			if (a->thr == t)
				break;
		}
		if (id < 0) {
			spin_unlock(&p->lock);
			return;
		}
		from = (uint32_t)id + 1;
		if (a->kind == IRQ_EVENT && (a->flags & _NTO_INTR_FLAGS_PROCESS)) {
			/* Owned by the process: it stays, without a thread. */
			kobj_get(&a->kobj);
			spin_unlock(&p->lock);
			struct irq_source *s = source(a->src, false);
			spin_lock(&s->lock);
			spin_lock(&p->lock);
			a->thr = NULL;
			spin_unlock(&p->lock);
			src_update(s, a->src);
			spin_unlock(&s->lock);
			irq_put(a);
			continue;
		}
		unlink_id(p, id);
		spin_unlock(&p->lock);
		detach_source(a);
		irq_put(a);
	}
}

static void attach_release(struct kobj *o)
{
	kfree(container_of(o, struct irq_attach, kobj));
}

/* Allocates an attachment with one reference (for p->irqs). */
struct irq_attach *irq_attach_alloc(void)
{
	struct irq_attach *a = kmalloc(sizeof(*a));

	if (a) {
		memset(a, 0, sizeof(*a));
		kobj_init(&a->kobj, attach_release);
		list_init(&a->link);
	}
	return a;
}

void irq_proc_init(struct process *p)
{
	idtab_init(&p->irqs, 1u << 16);
	waitq_init(&p->intr_wq, &p->kobj, NULL, NULL);
}

void irq_proc_cleanup(struct process *p)
{
	for (;;) {
		spin_lock(&p->lock);
		int id = idtab_next(&p->irqs, 1);
		struct irq_attach *a = id >= 0 ? unlink_id(p, id) : NULL;
		spin_unlock(&p->lock);
		if (a == NULL)
			break;
		detach_source(a);
		irq_put(a);
	}
	spin_lock(&p->lock);
	idtab_destroy(&p->irqs);
	spin_unlock(&p->lock);
}
