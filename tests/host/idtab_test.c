/*
 * idtab_test.c - kernel/lib/idtab.c, the growable id tables.
 *
 * The test supplies idtab_mem_alloc/idtab_mem_free: malloc and free, with a
 * switch that makes the next allocations fail and a size cap that makes
 * huge ones fail, and a count of live blocks (every table must give its
 * memory back). Checked: lowest free id at or above a minimum, growth by
 * doubling from 16 slots, set/remove/get/next, the 'max' limit (-EAGAIN),
 * allocation failure (-ENOMEM) leaving the table exactly as it was, and a
 * fixed-seed random run against a model array.
 */
#include "check.h"

#include <skimmer/idtab.h>

#define SEED 0x1d7ab5eedULL

static int fail_next;             /* this many allocations fail */
static size_t size_cap = 1 << 26; /* larger requests fail */
static long live_blocks;
static size_t last_size;

void *idtab_mem_alloc(size_t size)
{
	last_size = size;
	if (fail_next > 0) {
		fail_next--;
		return NULL;
	}
	if (size > size_cap)
		return NULL;
	void *p = malloc(size);
	if (p)
		live_blocks++;
	return p;
}

void idtab_mem_free(void *p)
{
	if (p)
		live_blocks--;
	free(p);
}

/* Distinct fake objects. */
static void *obj(uintptr_t i)
{
	return (void *)(0x10000 + i * 16);
}

/* A snapshot of a table: fields and a copy of the slots. */
struct snap {
	struct idtab t;
	void **slots;
};

static void take(struct snap *s, const struct idtab *t)
{
	s->t = *t;
	s->slots = malloc((t->cap + 1) * sizeof(void *));
	if (t->cap)
		memcpy(s->slots, t->slots, t->cap * sizeof(void *));
}

static bool same(const struct snap *s, const struct idtab *t)
{
	bool ok = s->t.slots == t->slots && s->t.cap == t->cap && s->t.count == t->count &&
	          s->t.max == t->max && s->t.hint == t->hint;
	ok = ok && (t->cap == 0 || memcmp(s->slots, t->slots, t->cap * sizeof(void *)) == 0);
	free(s->slots);
	return ok;
}

static void test_lowest_free(void)
{
	struct idtab t;

	check_phase("lowest free id");
	idtab_init(&t, 1000);
	CHECK(idtab_get(&t, 0) == NULL);
	CHECK_IEQ(idtab_next(&t, 0), -1);
	CHECK(idtab_remove(&t, 3) == NULL);
	for (int i = 0; i < 5; i++)
		CHECK_IEQ(idtab_alloc(&t, obj(i), 0), i);
	CHECK_IEQ(idtab_alloc(&t, obj(10), 10), 10);
	CHECK_IEQ(idtab_alloc(&t, obj(5), 0), 5); /* below the earlier min */
	CHECK_IEQ(idtab_alloc(&t, obj(6), 3), 6);
	CHECK_IEQ(idtab_alloc(&t, obj(11), 10), 11);
	CHECK(idtab_remove(&t, 2) == obj(2));
	CHECK(idtab_remove(&t, 2) == NULL);
	CHECK(idtab_get(&t, 2) == NULL);
	CHECK_IEQ(idtab_alloc(&t, obj(7), 3), 7); /* 2 is free but below min */
	CHECK_IEQ(idtab_alloc(&t, obj(2), 0), 2);
	CHECK_IEQ(idtab_alloc(&t, obj(8), 1), 8);
	CHECK_IEQ(idtab_alloc(&t, obj(9), 0), 9);
	CHECK_IEQ(idtab_alloc(&t, obj(12), 0), 12); /* 10 and 11 are taken */
	CHECK(idtab_remove(&t, 0) == obj(0));
	CHECK(idtab_remove(&t, 11) == obj(11));
	CHECK_IEQ(idtab_alloc(&t, obj(0), 0), 0);
	CHECK_IEQ(idtab_alloc(&t, obj(11), 1), 11);
	CHECK_IEQ(idtab_alloc(&t, obj(999), 999), 999);
	CHECK_IEQ(t.count, 14);
	for (uintptr_t i = 0; i <= 12; i++)
		CHECK(idtab_get(&t, (uint32_t)i) == obj(i));
	CHECK(idtab_get(&t, 999) == obj(999));
	CHECK(idtab_get(&t, 13) == NULL);
	CHECK(idtab_get(&t, 5000) == NULL);
	CHECK(idtab_get(&t, UINT32_MAX) == NULL);

	check_phase("next");
	CHECK_IEQ(idtab_next(&t, 0), 0);
	CHECK_IEQ(idtab_next(&t, 12), 12);
	CHECK_IEQ(idtab_next(&t, 13), 999);
	CHECK_IEQ(idtab_next(&t, 1000), -1);
	CHECK_IEQ(idtab_next(&t, UINT32_MAX), -1);
	int n = 0;
	for (int id = idtab_next(&t, 0); id >= 0; id = idtab_next(&t, (uint32_t)id + 1))
		n++;
	CHECK_IEQ(n, 14);

	check_phase("set");
	CHECK_IEQ(idtab_set(&t, 20, obj(20)), 0);
	CHECK_IEQ(idtab_set(&t, 20, obj(21)), -EBUSY);
	CHECK(idtab_get(&t, 20) == obj(20));
	CHECK_IEQ(idtab_set(&t, 13, obj(13)), 0);
	CHECK_IEQ(idtab_alloc(&t, obj(14), 0), 14); /* 13 went by set */
	CHECK_IEQ(idtab_set(&t, 1000, obj(1)), -EAGAIN);
	CHECK_IEQ(idtab_set(&t, UINT32_MAX, obj(1)), -EAGAIN);
	CHECK_IEQ(t.count, 17);
	idtab_destroy(&t);
	CHECK_EQ(live_blocks, 0);
}

static void test_growth(void)
{
	struct idtab t;

	check_phase("growth by doubling");
	idtab_init(&t, 1u << 20);
	uint32_t expect_cap = 16;
	for (uint32_t i = 0; i < 5000; i++) {
		CHECK_IEQ(idtab_alloc(&t, obj(i), 0), (int)i);
		if (i >= expect_cap)
			expect_cap *= 2;
		if (!CHECK_EQ(t.cap, expect_cap))
			break;
	}
	CHECK_EQ(live_blocks, 1);
	for (uint32_t i = 0; i < 5000; i++)
		if (!CHECK(idtab_get(&t, i) == obj(i)))
			break;
	CHECK(idtab_remove(&t, 4000) == obj(4000));
	CHECK_IEQ(idtab_alloc(&t, obj(1), 0), 4000);
	CHECK_IEQ(idtab_set(&t, 100000, obj(2)), 0);
	CHECK_EQ(t.cap, 131072);
	CHECK_IEQ(idtab_next(&t, 5000), 100000);
	CHECK(idtab_get(&t, 4999) == obj(4999)); /* kept across the growth */
	idtab_destroy(&t);
	CHECK_EQ(live_blocks, 0);
	CHECK(t.slots == NULL && t.cap == 0 && t.count == 0);
	idtab_destroy(&t); /* twice is harmless */

	check_phase("growth from a high minimum");
	idtab_init(&t, 1u << 20);
	CHECK_IEQ(idtab_alloc(&t, obj(1), 300), 300);
	CHECK_EQ(t.cap, 512);
	CHECK_IEQ(idtab_alloc(&t, obj(2), 0), 0);
	CHECK_IEQ(idtab_alloc(&t, obj(3), 300), 301);
	idtab_destroy(&t);
}

static void test_max(void)
{
	struct idtab t;

	check_phase("max limit");
	idtab_init(&t, 40);
	for (int i = 0; i < 40; i++)
		CHECK_IEQ(idtab_alloc(&t, obj((uintptr_t)i), 0), i);
	CHECK_EQ(t.cap, 40); /* clamped to max, not 64 */
	CHECK_IEQ(idtab_alloc(&t, obj(40), 0), -EAGAIN);
	CHECK_IEQ(idtab_alloc(&t, obj(40), 39), -EAGAIN);
	CHECK_IEQ(idtab_alloc(&t, obj(40), 40), -EAGAIN);
	CHECK_IEQ(idtab_alloc(&t, obj(40), UINT32_MAX), -EAGAIN);
	CHECK_EQ(t.count, 40);
	CHECK(idtab_remove(&t, 17) == obj(17));
	CHECK_IEQ(idtab_alloc(&t, obj(17), 0), 17);
	CHECK(idtab_remove(&t, 39) == obj(39));
	CHECK_IEQ(idtab_alloc(&t, obj(39), 20), 39);
	idtab_destroy(&t);

	check_phase("max 0 and 1");
	idtab_init(&t, 0);
	CHECK_IEQ(idtab_alloc(&t, obj(0), 0), -EAGAIN);
	CHECK_IEQ(idtab_set(&t, 0, obj(0)), -EAGAIN);
	idtab_destroy(&t);
	idtab_init(&t, 1);
	CHECK_IEQ(idtab_alloc(&t, obj(0), 0), 0);
	CHECK_EQ(t.cap, 1);
	CHECK_IEQ(idtab_alloc(&t, obj(1), 0), -EAGAIN);
	idtab_destroy(&t);

	/*
	 * ids are returned as int: a max above 2^31 must still give -EAGAIN
	 * (or -ENOMEM) at 2^31 and beyond, never a negative "id" or a hang.
	 */
	check_phase("max beyond int");
	idtab_init(&t, UINT32_MAX);
	CHECK_IEQ(idtab_set(&t, 0x80000000u, obj(1)), -EAGAIN);
	CHECK_IEQ(idtab_set(&t, UINT32_MAX - 1, obj(1)), -EAGAIN);
	CHECK_IEQ(idtab_alloc(&t, obj(1), 0x90000000u), -EAGAIN);
	CHECK_IEQ(idtab_set(&t, 0x7fffffffu, obj(1)), -ENOMEM); /* 16 GiB: over the cap */
	CHECK_EQ(t.cap, 0);
	idtab_destroy(&t);
	CHECK_EQ(live_blocks, 0);
}

static void test_enomem(void)
{
	struct idtab t;
	struct snap s;

	check_phase("allocation failure");
	idtab_init(&t, 1u << 20);
	fail_next = 1;
	take(&s, &t);
	CHECK_IEQ(idtab_alloc(&t, obj(0), 0), -ENOMEM);
	CHECK(same(&s, &t));
	CHECK_EQ(live_blocks, 0);
	for (int i = 0; i < 16; i++)
		CHECK_IEQ(idtab_alloc(&t, obj((uintptr_t)i), 0), i);
	CHECK(idtab_remove(&t, 5) == obj(5));
	CHECK(idtab_remove(&t, 9) == obj(9));
	CHECK_IEQ(idtab_alloc(&t, obj(5), 0), 5);
	/* Full up to 16 except 9; an alloc at min 10 must grow, and fails. */
	fail_next = 1;
	take(&s, &t);
	CHECK_IEQ(idtab_alloc(&t, obj(16), 10), -ENOMEM);
	CHECK(same(&s, &t));
	take(&s, &t);
	fail_next = 1;
	CHECK_IEQ(idtab_set(&t, 100, obj(100)), -ENOMEM);
	CHECK(same(&s, &t));
	CHECK_EQ(live_blocks, 1);
	/* Nothing was lost: the table still works as before. */
	CHECK_IEQ(idtab_alloc(&t, obj(9), 0), 9);
	CHECK_IEQ(idtab_alloc(&t, obj(16), 10), 16);
	CHECK_EQ(t.cap, 32);
	for (uintptr_t i = 0; i <= 16; i++)
		CHECK(idtab_get(&t, (uint32_t)i) == obj(i));
	CHECK_EQ(t.count, 17);
	CHECK_IEQ(idtab_set(&t, (1u << 20) - 1, obj(1)), 0); /* 8 MiB: fine */
	CHECK_EQ(t.cap, 1u << 20);
	CHECK(idtab_get(&t, 16) == obj(16));

	/* A request too large for memory fails the same way. */
	struct idtab t2;
	size_cap = 1 << 20;
	idtab_init(&t2, 1u << 30);
	CHECK_IEQ(idtab_set(&t2, 1u << 29, obj(1)), -ENOMEM);
	CHECK_EQ(last_size, (size_t)(1u << 30) * sizeof(void *));
	CHECK_EQ(t2.cap, 0);
	CHECK_IEQ(idtab_alloc(&t2, obj(1), 0), 0);
	size_cap = 1 << 26;
	CHECK_EQ(live_blocks, 2);
	idtab_destroy(&t2);
	idtab_destroy(&t);
	CHECK_EQ(live_blocks, 0);
}

static void test_random(unsigned ops)
{
	enum { MAX = 3000 };
	static void *model[MAX];
	uint64_t rng = SEED;
	struct idtab t;
	uint32_t count = 0;

	check_phase("random against the model");
	idtab_init(&t, MAX);
	memset(model, 0, sizeof(model));
	for (unsigned op = 0; op < ops; op++) {
		uint64_t r = check_rand_below(&rng, 100);
		uint32_t min =
		        check_rand_below(&rng, 4) ? 0 : (uint32_t)check_rand_below(&rng, MAX + 10);
		void *o = obj(op + 1);
		if (r < 45) {
			uint32_t want = min;
			while (want < MAX && model[want])
				want++;
			bool fail = check_rand_below(&rng, 50) == 0;
			fail_next = fail;
			int id = idtab_alloc(&t, o, min);
			if (want >= MAX) {
				if (!CHECK_IEQ(id, -EAGAIN))
					break;
			} else if (fail && (want >= t.cap)) {
				if (!CHECK_IEQ(id, -ENOMEM))
					break;
			} else {
				if (!CHECK_IEQ(id, (int)want))
					break;
				model[want] = o;
				count++;
			}
			fail_next = 0;
		} else if (r < 55) {
			uint32_t id = (uint32_t)check_rand_below(&rng, MAX + 10);
			int res = idtab_set(&t, id, o);
			int want = id >= MAX ? -EAGAIN : model[id] ? -EBUSY : 0;
			if (!CHECK_IEQ(res, want))
				break;
			if (want == 0) {
				model[id] = o;
				count++;
			}
		} else if (r < 95) {
			uint32_t id = (uint32_t)check_rand_below(&rng, MAX + 10);
			void *got = idtab_remove(&t, id);
			if (!CHECK(got == (id < MAX ? model[id] : NULL)))
				break;
			if (id < MAX && model[id]) {
				model[id] = NULL;
				count--;
			}
		} else {
			uint32_t from = (uint32_t)check_rand_below(&rng, MAX + 10);
			int want = -1;
			for (uint32_t i = from; i < MAX; i++)
				if (model[i]) {
					want = (int)i;
					break;
				}
			if (!CHECK_IEQ(idtab_next(&t, from), want))
				break;
		}
		if (!CHECK_EQ(t.count, count))
			break;
	}
	bool ok = true;
	for (uint32_t i = 0; i < MAX + 10; i++)
		ok &= idtab_get(&t, i) == (i < MAX ? model[i] : NULL);
	CHECK(ok);
	idtab_destroy(&t);
}

int main(void)
{
	check_timeout(60);
	test_lowest_free();
	test_growth();
	test_max();
	test_enomem();
	test_random(40000);
	CHECK_EQ(live_blocks, 0);
	return check_done("idtab_test");
}
