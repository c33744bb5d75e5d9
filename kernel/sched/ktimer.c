/*
 * ktimer.c - per-hart deadline-ordered timer lists (see ktimer.h).
 */
#include <skimmer/cpu.h>
#include <skimmer/ktimer.h>
#include <skimmer/printk.h>
#include <arch/arch.h>

void ktimer_init(struct ktimer *t, void (*fn)(struct ktimer *))
{
	list_init(&t->link);
	t->deadline = 0;
	t->fn = fn;
	t->cpu = NULL;
}

void ktimer_arm(struct ktimer *t, uint64_t deadline)
{
	struct cpu *c = this_cpu();
	struct list *l;

	/* An earlier deadline than the one programmed: program it now. */
	if (deadline < c->timer_armed)
		arch_timer_arm(deadline);

	if (t->cpu)
		ktimer_cancel(t);
	t->deadline = deadline;
	t->cpu = c;
	list_for_each(l, &c->timers)
	{
		struct ktimer *o = list_entry(l, struct ktimer, link);
		if (o->deadline > deadline) {
			list_add_before(l, &t->link);
			return;
		}
	}
	list_add_tail(&c->timers, &t->link);
}

void ktimer_cancel(struct ktimer *t)
{
	if (t->cpu == NULL)
		return;
	KASSERT(t->cpu == this_cpu());
	list_del(&t->link);
	t->cpu = NULL;
}

void ktimer_run_expired(struct cpu *c, uint64_t now)
{
	while (!list_empty(&c->timers)) {
		struct ktimer *t = list_entry(c->timers.next, struct ktimer, link);
		if (t->deadline > now)
			break;
		list_del(&t->link);
		t->cpu = NULL;
		t->fn(t);
	}
}

uint64_t ktimer_next(struct cpu *c)
{
	if (list_empty(&c->timers))
		return UINT64_MAX;
	return list_entry(c->timers.next, struct ktimer, link)->deadline;
}
