/*
 * buddy_test.c - kernel/lib/buddy.c, the page allocator core.
 *
 * A model tracks the state of every page (reserved, free, allocated) and
 * the allocated blocks; verify() runs after every operation and checks the
 * allocator against it: every free-list entry is a PG_FREE head of its
 * order, aligned to 2^order in absolute pfn terms and inside the zone; no
 * page is in two free blocks; the free count matches a recount; no two
 * buddies are free at the same order (they must have merged); the free
 * pages are exactly the released, unallocated ones. When everything is
 * free again the free lists must be the canonical decomposition of the zone
 * into maximal aligned blocks, which the test computes on its own.
 * Zones have odd sizes and unaligned base pfns; a fixed-seed stress run
 * mixes thousands of allocations, frees and releases.
 */
#include "check.h"

#include <skimmer/buddy.h>

#define SEED 0xb0dd1e5eedULL

enum { RESERVED, FREE, ALLOCATED };

struct blk {
	size_t idx;
	unsigned order;
};

struct model {
	struct buddy b;
	struct page *pages;
	uint8_t *state; /* per page */
	uint8_t *seen;  /* scratch for verify() */
	struct blk *alloc;
	size_t nalloc;
};

static struct model M;

static void model_init(uint64_t base, size_t npages)
{
	M.pages = malloc((npages ? npages : 1) * sizeof(struct page));
	M.state = calloc(npages + 1, 1);
	M.seen = calloc(npages + 1, 1);
	M.alloc = malloc((npages + 1) * sizeof(struct blk));
	M.nalloc = 0;
	memset(M.pages, 0x5a, (npages ? npages : 1) * sizeof(struct page));
	buddy_init(&M.b, base, npages, M.pages);
}

static void model_free(void)
{
	free(M.pages);
	free(M.state);
	free(M.seen);
	free(M.alloc);
}

/* Prints a broken invariant of verify(); returns ok. */
static bool vcheck(bool ok, int line, const char *expr)
{
	if (!ok)
		printf("  invariant broken at buddy_test.c:%d [%s]: %s\n", line, check_phase_name,
		       expr);
	return ok;
}

#define V(cond) vcheck(!!(cond), __LINE__, #cond)

/*
 * Checks the allocator against the model; stops at the first broken
 * invariant (printed) and returns false. Counted as one check by the caller.
 */
static bool verify(void)
{
	struct buddy *b = &M.b;
	size_t n = b->npages, total = 0;
	bool ok = true;

	memset(M.seen, 0, n + 1);
	for (unsigned k = 0; k < BUDDY_MAX_ORDER && ok; k++) {
		size_t guard = 0;
		struct list *l;
		ok &= V(b->free[k].next->prev == &b->free[k]);
		list_for_each(l, &b->free[k])
		{
			if (!(ok &= V(guard++ <= n)))
				break;
			ok &= V(l->next->prev == l && l->prev->next == l);
			struct page *p = list_entry(l, struct page, link);
			size_t idx = (size_t)(p - M.pages);
			if (!(ok &= V(p >= M.pages && idx < n)))
				break;
			ok &= V(p->flags & PG_FREE);
			ok &= V(p->order == k);
			ok &= V(((b->base_pfn + idx) & ((1ULL << k) - 1)) == 0);
			if (!(ok &= V(idx + (1ULL << k) <= n)))
				break;
			for (size_t i = idx; i < idx + (1ULL << k); i++) {
				ok &= V(M.seen[i] == 0);
				ok &= V(M.state[i] == FREE);
				M.seen[i] = i == idx ? 2 : 1;
			}
			total += 1ULL << k;
			/* The buddy at this order must not be a free head of this order too. */
			uint64_t bpfn = (b->base_pfn + idx) ^ (1ULL << k);
			if (k + 1 < BUDDY_MAX_ORDER && bpfn >= b->base_pfn &&
			    bpfn + (1ULL << k) <= b->base_pfn + n) {
				struct page *bp = &M.pages[bpfn - b->base_pfn];
				ok &= V(!((bp->flags & PG_FREE) && bp->order == k));
			}
			if (!ok)
				break;
		}
	}
	ok &= V(total == b->nfree);
	for (size_t i = 0; i < n && ok; i++) {
		ok &= V((M.seen[i] != 0) == (M.state[i] == FREE));
		ok &= V(!(M.pages[i].flags & PG_FREE) || M.seen[i] == 2);
		ok &= V(!(M.state[i] == RESERVED) || (M.pages[i].flags & PG_RESERVED));
	}
	for (size_t a = 0; a < M.nalloc && ok; a++) {
		const struct blk *k = &M.alloc[a];
		ok &= V(((b->base_pfn + k->idx) & ((1ULL << k->order) - 1)) == 0);
		ok &= V(!(M.pages[k->idx].flags & PG_FREE));
	}
	return ok;
}

/* Count of free blocks per order, read from the lists. */
static void order_counts(size_t counts[BUDDY_MAX_ORDER])
{
	for (unsigned k = 0; k < BUDDY_MAX_ORDER; k++) {
		struct list *l;
		counts[k] = 0;
		list_for_each(l, &M.b.free[k]) counts[k]++;
	}
}

/* The maximal aligned blocks covering [base, base + n), capped at the largest order. */
static void canonical(uint64_t base, size_t n, size_t counts[BUDDY_MAX_ORDER])
{
	uint64_t pfn = base, end = base + n;

	memset(counts, 0, BUDDY_MAX_ORDER * sizeof(size_t));
	while (pfn < end) {
		unsigned k = BUDDY_MAX_ORDER - 1;
		while (k > 0 && ((pfn & ((1ULL << k) - 1)) != 0 || pfn + (1ULL << k) > end))
			k--;
		counts[k]++;
		pfn += 1ULL << k;
	}
}

static bool counts_equal(const size_t a[BUDDY_MAX_ORDER], const size_t b[BUDDY_MAX_ORDER])
{
	return memcmp(a, b, BUDDY_MAX_ORDER * sizeof(size_t)) == 0;
}

static void do_release(uint64_t pfn, size_t count)
{
	uint64_t base = M.b.base_pfn;

	for (uint64_t i = 0; i < M.b.npages; i++)
		if (base + i >= pfn && base + i - pfn < count && M.state[i] == RESERVED)
			M.state[i] = FREE;
	buddy_release(&M.b, pfn, count);
}

/* Largest order with a free block, or -1. */
static int max_free_order(void)
{
	for (int k = BUDDY_MAX_ORDER - 1; k >= 0; k--)
		if (!list_empty(&M.b.free[k]))
			return k;
	return -1;
}

static struct page *do_alloc(unsigned order)
{
	bool possible = order < BUDDY_MAX_ORDER && max_free_order() >= (int)order;
	size_t before = M.b.nfree;
	struct page *p = buddy_alloc(&M.b, order);

	if (!CHECK_IEQ(p != NULL, possible))
		return p;
	if (p == NULL) {
		CHECK_EQ(M.b.nfree, before);
		return NULL;
	}
	size_t idx = (size_t)(p - M.pages);
	CHECK(idx + (1ULL << order) <= M.b.npages);
	CHECK_EQ(buddy_pfn(&M.b, p), M.b.base_pfn + idx);
	CHECK_EQ((M.b.base_pfn + idx) & ((1ULL << order) - 1), 0);
	CHECK_EQ(p->order, order);
	CHECK_EQ(M.b.nfree, before - (1ULL << order));
	for (size_t i = idx; i < idx + (1ULL << order) && i < M.b.npages; i++) {
		CHECK(M.state[i] == FREE);
		M.state[i] = ALLOCATED;
	}
	M.alloc[M.nalloc++] = (struct blk){idx, order};
	return p;
}

static void do_free(size_t a)
{
	struct blk k = M.alloc[a];
	size_t before = M.b.nfree;

	M.alloc[a] = M.alloc[--M.nalloc];
	for (size_t i = k.idx; i < k.idx + (1ULL << k.order); i++)
		M.state[i] = FREE;
	buddy_free(&M.b, &M.pages[k.idx], k.order);
	CHECK_EQ(M.b.nfree, before + (1ULL << k.order));
}

static void free_all(void)
{
	while (M.nalloc)
		do_free(M.nalloc - 1);
}

/* A whole zone released and split down to one page, then merged back. */
static void test_simple(void)
{
	size_t c[BUDDY_MAX_ORDER], want[BUDDY_MAX_ORDER];

	check_phase("simple");
	model_init(0, 1024);
	CHECK_EQ(M.b.nfree, 0);
	CHECK(do_alloc(0) == NULL);
	CHECK(verify());
	do_release(0, 1024);
	CHECK_EQ(M.b.nfree, 1024);
	CHECK(verify());
	order_counts(c);
	canonical(0, 1024, want);
	CHECK(counts_equal(c, want) && c[10] == 1);
	do_alloc(0);
	CHECK(verify());
	order_counts(c);
	for (unsigned k = 0; k < BUDDY_MAX_ORDER; k++)
		CHECK_EQ(c[k], k < 10 ? 1 : 0); /* one buddy left over at every split */
	free_all();
	CHECK(verify());
	order_counts(c);
	CHECK(counts_equal(c, want));

	check_phase("every order until exhaustion");
	for (unsigned k = 0; k <= 10; k++) {
		size_t n = 0;
		while (do_alloc(k) != NULL && n < 2048)
			n++;
		CHECK_EQ(n, 1024 >> k);
		CHECK_EQ(M.b.nfree, 0);
		CHECK(verify());
		free_all();
		CHECK(verify());
		order_counts(c);
		CHECK(counts_equal(c, want));
	}
	CHECK(do_alloc(11) == NULL);
	CHECK(buddy_alloc(&M.b, BUDDY_MAX_ORDER) == NULL);
	CHECK(buddy_alloc(&M.b, 1000) == NULL);
	CHECK_EQ(M.b.nfree, 1024);

	check_phase("mixed orders, reverse frees");
	for (unsigned k = 0; k <= 9; k++)
		do_alloc(k);
	CHECK_EQ(M.b.nfree, 1);
	CHECK(verify());
	while (M.nalloc) {
		do_free(0);
		CHECK(verify());
	}
	order_counts(c);
	CHECK(counts_equal(c, want));
	model_free();
}

/* Zones of odd sizes and unaligned bases: release, drain page by page, refill. */
static void test_odd_zones(void)
{
	static const struct {
		uint64_t base;
		size_t n;
	} zones[] = {{0, 0},    {0, 1},        {7, 1},          {1, 2},        {3, 3},
	             {5, 7},    {3, 1000},     {0x12345, 777},  {0x7fffb, 10}, {1, 4097},
	             {0, 4097}, {0xfff, 4099}, {0x80001, 65535}};
	size_t c[BUDDY_MAX_ORDER], want[BUDDY_MAX_ORDER];

	for (size_t z = 0; z < sizeof(zones) / sizeof(zones[0]); z++) {
		check_phase("odd zone");
		model_init(zones[z].base, zones[z].n);
		do_release(zones[z].base, zones[z].n);
		CHECK_EQ(M.b.nfree, zones[z].n);
		CHECK(verify());
		order_counts(c);
		canonical(zones[z].base, zones[z].n, want);
		CHECK(counts_equal(c, want));
		size_t got = 0;
		while (do_alloc(0) != NULL && got <= zones[z].n)
			got++;
		CHECK_EQ(got, zones[z].n);
		CHECK(verify());
		/* Free in an interleaved order: odd slots first, then even. */
		for (size_t a = M.nalloc; a-- > 0;)
			if (a % 2)
				do_free(a);
		CHECK(verify());
		free_all();
		CHECK(verify());
		order_counts(c);
		CHECK(counts_equal(c, want));
		model_free();
	}
}

static void test_release_ranges(void)
{
	size_t c[BUDDY_MAX_ORDER], want[BUDDY_MAX_ORDER];

	check_phase("partial and overlapping releases");
	model_init(100, 300);
	do_release(110, 10);
	CHECK_EQ(M.b.nfree, 10);
	CHECK(verify());
	do_release(115, 25); /* overlaps: 115..119 are free already */
	CHECK_EQ(M.b.nfree, 30);
	CHECK(verify());
	struct page *p = do_alloc(2);
	CHECK(p != NULL);
	do_release(100, 300); /* must skip the allocated block and the free pages */
	CHECK_EQ(M.b.nfree, 296);
	CHECK(verify());
	free_all();
	CHECK(verify());
	order_counts(c);
	canonical(100, 300, want);
	CHECK(counts_equal(c, want));
	model_free();

	check_phase("releases that reach outside the zone");
	model_init(100, 50);
	do_release(0, 50); /* entirely below */
	CHECK_EQ(M.b.nfree, 0);
	do_release(90, 20); /* starts below the zone: 100..109 */
	CHECK_EQ(M.b.nfree, 10);
	CHECK(verify());
	do_release(145, 1000); /* runs past the end: 145..149 */
	CHECK_EQ(M.b.nfree, 15);
	CHECK(verify());
	do_release(150, 10); /* entirely above */
	do_release(UINT64_MAX - 5, 100);
	CHECK_EQ(M.b.nfree, 15);
	do_release(120, 0);
	CHECK_EQ(M.b.nfree, 15);
	do_release(125, SIZE_MAX); /* idx + count overflows: 125..149 */
	CHECK_EQ(M.b.nfree, 35);
	CHECK(verify());
	do_release(0, SIZE_MAX);
	CHECK_EQ(M.b.nfree, 50);
	CHECK(verify());
	model_free();

	check_phase("largest order");
	size_t n = (1u << 19) + 3;
	model_init(0, n);
	do_release(0, n);
	CHECK(verify());
	order_counts(c);
	CHECK(c[BUDDY_MAX_ORDER - 1] == 2 && c[1] == 1 && c[0] == 1);
	CHECK(do_alloc(BUDDY_MAX_ORDER) == NULL);
	CHECK(do_alloc(BUDDY_MAX_ORDER - 1) != NULL);
	CHECK(do_alloc(BUDDY_MAX_ORDER - 1) != NULL);
	CHECK(do_alloc(BUDDY_MAX_ORDER - 1) == NULL);
	CHECK(do_alloc(2) == NULL);
	CHECK(do_alloc(1) != NULL);
	CHECK(verify());
	free_all();
	CHECK(verify());
	model_free();
}

/* Random allocations, frees and releases with verify() after each. */
static void test_stress(uint64_t base, size_t n, unsigned ops)
{
	uint64_t rng = SEED ^ base;
	size_t c[BUDDY_MAX_ORDER], want[BUDDY_MAX_ORDER];
	unsigned nalloc = 0, nnull = 0, bad = 0;

	check_phase("stress");
	model_init(base, n);
	/* Some reserved holes stay until the end. */
	for (int i = 0; i < 12; i++) {
		uint64_t s = base + check_rand_below(&rng, n);
		do_release(s, (size_t)check_rand_below(&rng, n / 6));
	}
	for (unsigned op = 0; op < ops && bad < 5; op++) {
		uint64_t r = check_rand_below(&rng, 100);
		if (r < 48) {
			unsigned order = (unsigned)check_rand_below(&rng, 4);
			if (check_rand_below(&rng, 10) == 0)
				order = (unsigned)check_rand_below(&rng, 13);
			if (do_alloc(order))
				nalloc++;
			else
				nnull++;
		} else if (r < 97) {
			if (M.nalloc)
				do_free(check_rand_below(&rng, M.nalloc));
		} else {
			do_release(base + check_rand_below(&rng, n + 20) - 10,
			           (size_t)check_rand_below(&rng, 64));
		}
		if (!CHECK(verify()))
			bad++;
	}
	CHECK(nalloc > ops / 4 && nnull > 0); /* both outcomes happened */
	free_all();
	do_release(base, n);
	CHECK(verify());
	order_counts(c);
	canonical(base, n, want);
	CHECK(counts_equal(c, want));
	CHECK_EQ(M.b.nfree, n);
	model_free();
}

int main(void)
{
	check_timeout(60);
	test_simple();
	test_odd_zones();
	test_release_ranges();
	test_stress(0x12345, 3001, 12000);
	test_stress(0, 512, 8000);
	return check_done("buddy_test");
}
