/*
 * runq.c - priority-bitmap run queue (see runq.h).
 */
#include <skimmer/runq.h>

/* Index of the most significant set bit of a non-zero word. */
static int msb64(uint64_t w)
{
	int n = 0;

	if (w >> 32) {
		n += 32;
		w >>= 32;
	}
	if (w >> 16) {
		n += 16;
		w >>= 16;
	}
	if (w >> 8) {
		n += 8;
		w >>= 8;
	}
	if (w >> 4) {
		n += 4;
		w >>= 4;
	}
	if (w >> 2) {
		n += 2;
		w >>= 2;
	}
	if (w >> 1)
		n += 1;
	return n;
}

/* Highest non-empty priority found by scanning the bitmap, or -1. */
static int runq_scan(const struct runq *rq)
{
	for (int i = NPRIO / 64 - 1; i >= 0; i--)
		if (rq->bitmap[i])
			return i * 64 + msb64(rq->bitmap[i]);
	return -1;
}

void runq_init(struct runq *rq)
{
	for (unsigned i = 0; i < NPRIO / 64; i++)
		rq->bitmap[i] = 0;
	for (unsigned i = 0; i < NPRIO; i++)
		list_init(&rq->q[i]);
	rq->count = 0;
	rq->top = -1;
}

void runq_add_tail(struct runq *rq, struct list *node, unsigned prio)
{
	list_add_tail(&rq->q[prio], node);
	rq->bitmap[prio / 64] |= 1UL << (prio % 64);
	rq->count++;
	if ((int)prio > rq->top)
		rq->top = (int)prio;
}

void runq_add_head(struct runq *rq, struct list *node, unsigned prio)
{
	list_add_head(&rq->q[prio], node);
	rq->bitmap[prio / 64] |= 1UL << (prio % 64);
	rq->count++;
	if ((int)prio > rq->top)
		rq->top = (int)prio;
}

void runq_remove(struct runq *rq, struct list *node, unsigned prio)
{
	list_del(node);
	if (list_empty(&rq->q[prio])) {
		rq->bitmap[prio / 64] &= ~(1UL << (prio % 64));
		if ((int)prio == rq->top)
			rq->top = rq->count == 1 ? -1 : runq_scan(rq);
	}
	rq->count--;
}

int runq_top(const struct runq *rq)
{
	return rq->top;
}

struct list *runq_peek(const struct runq *rq)
{
	int top = runq_top(rq);

	return top < 0 ? NULL : rq->q[top].next;
}
