/*
 * ipiq.c - per-hart message queues (see ipiq.h).
 *
 * Producers push with compare-and-swap onto a LIFO stack; the owner takes
 * the whole stack with one exchange and runs it in posting order. A
 * message's fn may free or re-post its own message, so the next pointer is
 * read before fn runs.
 */
#include <skimmer/cpu.h>
#include <skimmer/ipiq.h>
#include <arch/arch.h>

void ipiq_post(struct cpu *c, struct ipimsg *m)
{
	struct ipimsg *old = __atomic_load_n(&c->ipiq.head, __ATOMIC_RELAXED);

	do {
		m->next = old;
	} while (!__atomic_compare_exchange_n(&c->ipiq.head, &old, m, true, __ATOMIC_RELEASE,
	                                      __ATOMIC_RELAXED));
	if (c != this_cpu())
		arch_send_ipi(c);
}

int ipiq_drain(struct cpu *c)
{
	int n = 0;

	for (;;) {
		struct ipimsg *list = __atomic_exchange_n(&c->ipiq.head, NULL, __ATOMIC_ACQUIRE);
		if (list == NULL)
			return n;
		/* Reverse into posting order. */
		struct ipimsg *fifo = NULL;
		while (list) {
			struct ipimsg *next = list->next;
			list->next = fifo;
			fifo = list;
			list = next;
		}
		while (fifo) {
			struct ipimsg *next = fifo->next;
			fifo->fn(fifo);
			fifo = next;
			n++;
		}
	}
}
