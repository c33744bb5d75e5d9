/*
 * runq_test.c - kernel/lib/runq.c, the 256-priority run queue.
 *
 * Deterministic cases: a node at every priority (tail and head), the
 * highest priority first, FIFO order within a priority, head insertion,
 * removal from the middle, the bitmap word boundaries (63/64, 127/128,
 * 191/192). Then a fixed-seed random run against a model (a plain array
 * of queues): after every operation the bitmap, runq_has(), the count,
 * runq_top() and runq_peek() must agree with the model, and every few
 * operations the full order of every queue is compared.
 */
#include "check.h"

#include <skimmer/runq.h>

#define SEED  0x7a11ab1eULL
#define NODES 600

struct node {
	struct list link;
	int id;
	int prio; /* -1 when not queued */
};

static struct node nodes[NODES];
static struct runq rq;

/* The model: per priority, the queued node ids in order. */
static int model[NPRIO][NODES];
static int mlen[NPRIO];
static unsigned mcount;

static void reset(void)
{
	runq_init(&rq);
	for (int i = 0; i < NODES; i++) {
		nodes[i].id = i;
		nodes[i].prio = -1;
		list_init(&nodes[i].link);
	}
	memset(mlen, 0, sizeof(mlen));
	mcount = 0;
}

static void add(int id, unsigned prio, bool head)
{
	if (head) {
		runq_add_head(&rq, &nodes[id].link, prio);
		memmove(&model[prio][1], &model[prio][0], (size_t)mlen[prio] * sizeof(int));
		model[prio][0] = id;
	} else {
		runq_add_tail(&rq, &nodes[id].link, prio);
		model[prio][mlen[prio]] = id;
	}
	mlen[prio]++;
	mcount++;
	nodes[id].prio = (int)prio;
}

static void del(int id)
{
	unsigned prio = (unsigned)nodes[id].prio;
	int k = 0;

	runq_remove(&rq, &nodes[id].link, prio);
	while (k < mlen[prio] && model[prio][k] != id)
		k++;
	memmove(&model[prio][k], &model[prio][k + 1], (size_t)(mlen[prio] - k - 1) * sizeof(int));
	mlen[prio]--;
	mcount--;
	nodes[id].prio = -1;
}

/* The test node 'l' is the link of, or NULL if it is not one of them. */
static struct node *as_node(struct list *l)
{
	for (int i = 0; i < NODES; i++)
		if (l == &nodes[i].link)
			return &nodes[i];
	return NULL;
}

/* Removes and returns the node runq_peek() names (the scheduler's pick), -1 if none. */
static int pop(void)
{
	struct list *l = runq_peek(&rq);

	if (l == NULL)
		return -1;
	struct node *n = as_node(l);
	if (!CHECK(n != NULL && n->prio >= 0))
		return -2;
	del(n->id);
	return n->id;
}

/* Bitmap, runq_has, count, top and peek against the model; one check. */
static bool consistent(void)
{
	int top = -1;
	bool ok = true;

	for (unsigned p = 0; p < NPRIO; p++) {
		bool bit = (rq.bitmap[p / 64] >> (p % 64)) & 1;
		ok &= bit == (mlen[p] > 0) && runq_has(&rq, p) == (mlen[p] > 0);
		ok &= list_empty(&rq.q[p]) == (mlen[p] == 0);
		if (mlen[p])
			top = (int)p;
	}
	ok &= rq.count == mcount;
	ok &= runq_top(&rq) == top;
	struct list *l = runq_peek(&rq);
	if (top < 0)
		ok &= l == NULL;
	else
		ok &= l != NULL && as_node(l) != NULL && as_node(l)->id == model[top][0];
	return CHECK(ok);
}

/* Every queue's full order against the model; one check. */
static bool same_order(void)
{
	bool ok = true;

	for (unsigned p = 0; p < NPRIO; p++) {
		struct list *l;
		int k = 0;
		list_for_each(l, &rq.q[p])
		{
			if (k >= mlen[p] || as_node(l) == NULL || as_node(l)->id != model[p][k]) {
				ok = false;
				break;
			}
			k++;
		}
		ok &= k == mlen[p];
	}
	return CHECK(ok);
}

static void test_fixed(void)
{
	check_phase("empty");
	reset();
	CHECK_IEQ(runq_top(&rq), -1);
	CHECK(runq_peek(&rq) == NULL);
	CHECK_EQ(rq.count, 0);
	for (unsigned p = 0; p < NPRIO; p++)
		CHECK(!runq_has(&rq, p));

	check_phase("one node at every priority, tail");
	for (unsigned p = 0; p < NPRIO; p++) {
		add((int)p, p, false);
		CHECK_IEQ(runq_top(&rq), (int)p);
	}
	consistent();
	CHECK_EQ(rq.count, NPRIO);
	for (int p = NPRIO - 1; p >= 0; p--) {
		CHECK_IEQ(runq_top(&rq), p);
		CHECK_IEQ(pop(), p);
	}
	CHECK_IEQ(runq_top(&rq), -1);
	CHECK(pop() == -1);
	consistent();

	check_phase("every priority, head, reverse order");
	for (int p = NPRIO - 1; p >= 0; p--) {
		add(p, (unsigned)p, true);
		CHECK_IEQ(runq_top(&rq), NPRIO - 1);
	}
	consistent();
	for (int p = NPRIO - 1; p >= 0; p--)
		CHECK_IEQ(pop(), p);

	check_phase("FIFO within a priority");
	for (int i = 0; i < 10; i++)
		add(i, 10, false);
	add(10, 9, false);
	for (int i = 0; i < 10; i++)
		CHECK_IEQ(pop(), i);
	CHECK_IEQ(pop(), 10);

	check_phase("head insertion goes first");
	add(0, 50, false);
	add(1, 50, false);
	add(2, 50, true);
	add(3, 50, false);
	add(4, 50, true);
	same_order();
	static const int order1[] = {4, 2, 0, 1, 3};
	for (int i = 0; i < 5; i++)
		CHECK_IEQ(pop(), order1[i]);

	check_phase("removal from the middle");
	for (int i = 0; i < 7; i++)
		add(i, 100, false);
	del(3);
	del(0);
	del(6);
	consistent();
	same_order();
	static const int order2[] = {1, 2, 4, 5};
	for (int i = 0; i < 4; i++)
		CHECK_IEQ(pop(), order2[i]);
	CHECK(!runq_has(&rq, 100));
	CHECK(list_empty(&rq.q[100]));

	check_phase("bitmap word boundaries");
	static const unsigned edges[] = {0, 1, 62, 63, 64, 65, 127, 128, 191, 192, 254, 255};
	for (size_t i = 0; i < sizeof(edges) / sizeof(edges[0]); i++) {
		add((int)i, edges[i], false);
		CHECK_IEQ(runq_top(&rq), (int)edges[i]);
		consistent();
	}
	for (size_t i = sizeof(edges) / sizeof(edges[0]); i-- > 0;) {
		CHECK_IEQ(runq_top(&rq), (int)edges[i]);
		del((int)i);
		consistent();
	}
	/* Only one bit in a word: the word's top must still be found. */
	for (unsigned p = 0; p < NPRIO; p++) {
		add(0, p, false);
		CHECK_IEQ(runq_top(&rq), (int)p);
		CHECK(runq_peek(&rq) == &nodes[0].link);
		del(0);
	}
	/* Emptying the top priority falls back to the next non-empty one. */
	add(0, 3, false);
	add(1, 200, false);
	add(2, 200, false);
	del(1);
	CHECK_IEQ(runq_top(&rq), 200);
	del(2);
	CHECK_IEQ(runq_top(&rq), 3);
	del(0);
	CHECK_IEQ(runq_top(&rq), -1);
	consistent();
}

static void test_random(unsigned ops)
{
	uint64_t rng = SEED;
	int queued[NODES], nq = 0, idle[NODES], ni = 0;

	check_phase("random against the model");
	reset();
	for (int i = 0; i < NODES; i++)
		idle[ni++] = i;
	for (unsigned op = 0; op < ops; op++) {
		uint64_t r = check_rand_below(&rng, 100);
		if (r < 50 && ni > 0) {
			/* Add a random idle node; priorities cluster so queues get long. */
			int k = (int)check_rand_below(&rng, (uint64_t)ni);
			int id = idle[k];
			idle[k] = idle[--ni];
			unsigned prio = (check_rand(&rng) & 1)
			                        ? (unsigned)check_rand_below(&rng, NPRIO)
			                        : 60 + (unsigned)check_rand_below(&rng, 8);
			add(id, prio, check_rand_below(&rng, 4) == 0);
			queued[nq++] = id;
		} else if (r < 80 && nq > 0) {
			int k = (int)check_rand_below(&rng, (uint64_t)nq);
			int id = queued[k];
			queued[k] = queued[--nq];
			del(id);
			idle[ni++] = id;
		} else if (nq > 0) {
			int id = pop();
			if (!CHECK(id >= 0))
				break;
			for (int k = 0; k < nq; k++)
				if (queued[k] == id) {
					queued[k] = queued[--nq];
					break;
				}
			idle[ni++] = id;
		}
		if (!consistent())
			break;
		if (op % 64 == 0 && !same_order())
			break;
	}
	same_order();
	for (int i = 0; i <= NODES && pop() >= 0; i++)
		;
	consistent();
	CHECK_EQ(rq.count, 0);
}

int main(void)
{
	check_timeout(60);
	test_fixed();
	test_random(30000);
	return check_done("runq_test");
}
