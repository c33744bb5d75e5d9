/*
 * runq.h - a hart's run queue: 256 FIFO lists indexed by priority plus a
 * bitmap of the non-empty ones, so picking the best thread is a handful of
 * instructions. Pure data structure (also built for the host tests); the
 * owning hart is its only user, so it has no lock.
 */
#ifndef SKIMMER_RUNQ_H
#define SKIMMER_RUNQ_H

#include <skimmer/list.h>

#define NPRIO 256

struct runq {
	uint64_t bitmap[NPRIO / 64];
	struct list q[NPRIO];
	unsigned count;
	int top; /* highest non-empty priority, -1 when empty (kept current) */
};

void runq_init(struct runq *rq);

/* Appends (tail) or prepends (head) the node at priority prio (0..255). */
void runq_add_tail(struct runq *rq, struct list *node, unsigned prio);
void runq_add_head(struct runq *rq, struct list *node, unsigned prio);

/* Removes a node previously added at priority prio. */
void runq_remove(struct runq *rq, struct list *node, unsigned prio);

/* Highest non-empty priority, or -1 if the queue is empty. */
int runq_top(const struct runq *rq);

/* First node at the highest priority (not removed), or NULL. */
struct list *runq_peek(const struct runq *rq);

/* True if another node waits at priority prio. */
static inline bool runq_has(const struct runq *rq, unsigned prio)
{
	return (rq->bitmap[prio / 64] >> (prio % 64)) & 1;
}

#endif
