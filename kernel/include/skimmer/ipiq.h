/*
 * ipiq.h - per-hart inter-processor message queues (the LWKT way).
 *
 * Work that must happen on another hart (wake a thread it owns, kill it,
 * change its priority, move it) is posted there as a message. Messages are
 * embedded in the objects they concern, so posting never allocates and a
 * queue can never be full. The queue is a lock-free multi-producer stack
 * that the owner hart drains (in posting order) at every scheduling point.
 */
#ifndef SKIMMER_IPIQ_H
#define SKIMMER_IPIQ_H

#include <skimmer/types.h>

struct cpu;

struct ipimsg {
	struct ipimsg *next;
	void (*fn)(struct ipimsg *m);
};

struct ipiq {
	struct ipimsg *head;
};

/* Queues m on c and interrupts c if it is another hart. Any context. */
void ipiq_post(struct cpu *c, struct ipimsg *m);

/* Runs every queued message of the current hart. Returns how many ran. */
int ipiq_drain(struct cpu *c);

#endif
