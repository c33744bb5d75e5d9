/*
 * pmm.c - physical memory: zones over RAM banks, each a locked buddy
 * allocator (see pmm.h), and the boot-time carving of the page arrays.
 */
#include <skimmer/kstring.h>
#include <skimmer/platform.h>
#include <skimmer/pmm.h>
#include <skimmer/printk.h>
#include <skimmer/spinlock.h>
#include <arch/memlayout.h>

struct zone {
	struct buddy b;
	spinlock_t lock;
	paddr_t base, end;
};

static struct zone zones[MAX_ZONES];
static unsigned nzones;
static size_t total_pages;

struct page *pmm_page(paddr_t pa)
{
	for (unsigned i = 0; i < nzones; i++)
		if (pa >= zones[i].base && pa < zones[i].end)
			return &zones[i].b.pages[(pa - zones[i].base) >> PAGE_SHIFT];
	return NULL;
}

static struct zone *page_zone(const struct page *p)
{
	for (unsigned i = 0; i < nzones; i++)
		if (p >= zones[i].b.pages && p < zones[i].b.pages + zones[i].b.npages)
			return &zones[i];
	return NULL;
}

paddr_t pmm_page_pa(const struct page *p)
{
	struct zone *z = page_zone(p);

	KASSERT(z != NULL);
	return buddy_pfn(&z->b, p) << PAGE_SHIFT;
}

paddr_t pmm_alloc(unsigned order)
{
	for (unsigned i = 0; i < nzones; i++) {
		struct zone *z = &zones[i];
		spin_lock(&z->lock);
		struct page *p = buddy_alloc(&z->b, order);
		spin_unlock(&z->lock);
		if (p)
			return buddy_pfn(&z->b, p) << PAGE_SHIFT;
	}
	return 0;
}

paddr_t pmm_alloc_zeroed(unsigned order)
{
	paddr_t pa = pmm_alloc(order);

	if (pa)
		memset(pa_to_kva(pa), 0, PAGE_SIZE << order);
	return pa;
}

void pmm_free(paddr_t pa, unsigned order)
{
	struct page *p = pmm_page(pa);

	KASSERT(p != NULL && !(p->flags & (PG_FREE | PG_RESERVED)));
	struct zone *z = page_zone(p);
	p->flags = 0;
	spin_lock(&z->lock);
	buddy_free(&z->b, p, order);
	spin_unlock(&z->lock);
}

void page_ref(struct page *p)
{
	__atomic_fetch_add(&p->refcount, 1, __ATOMIC_RELAXED);
}

void page_unref(struct page *p)
{
	if (__atomic_fetch_sub(&p->refcount, 1, __ATOMIC_ACQ_REL) == 1)
		pmm_free(pmm_page_pa(p), 0);
}

size_t pmm_free_pages(void)
{
	size_t n = 0;

	for (unsigned i = 0; i < nzones; i++)
		n += __atomic_load_n(&zones[i].b.nfree, __ATOMIC_RELAXED);
	return n;
}

size_t pmm_total_pages(void)
{
	return total_pages;
}

/* ---- Boot-time setup ---------------------------------------------------- */

/* Reserved ranges known at boot, sorted by base. */
static struct mem_range boot_resv[PLAT_MAX_RESV + MAX_ZONES + 2];
static unsigned nboot_resv;

static void resv_add(paddr_t base, uint64_t size)
{
	if (nboot_resv < ARRAY_SIZE(boot_resv)) {
		boot_resv[nboot_resv].base = base;
		boot_resv[nboot_resv].size = size;
		nboot_resv++;
	}
}

static void resv_sort(void)
{
	for (unsigned i = 1; i < nboot_resv; i++)
		for (unsigned j = i; j > 0 && boot_resv[j].base < boot_resv[j - 1].base; j--) {
			struct mem_range t = boot_resv[j];
			boot_resv[j] = boot_resv[j - 1];
			boot_resv[j - 1] = t;
		}
}

/*
 * Calls fn on every free (unreserved) page-aligned range of bank [base, end).
 */
static void for_each_free(paddr_t base, paddr_t end, void (*fn)(paddr_t, paddr_t, void *),
                          void *arg)
{
	paddr_t cur = ALIGN_UP(base, PAGE_SIZE);

	end = ALIGN_DOWN(end, PAGE_SIZE);
	for (unsigned i = 0; i < nboot_resv && cur < end; i++) {
		paddr_t rs = ALIGN_DOWN(boot_resv[i].base, PAGE_SIZE);
		paddr_t re = ALIGN_UP(boot_resv[i].base + boot_resv[i].size, PAGE_SIZE);
		if (re <= cur || rs >= end)
			continue;
		if (rs > cur)
			fn(cur, rs, arg);
		if (re > cur)
			cur = re;
	}
	if (cur < end)
		fn(cur, end, arg);
}

struct carve {
	size_t need;
	paddr_t found;
};

/* Finds the highest free range able to hold c->need bytes. */
static void carve_cb(paddr_t s, paddr_t e, void *arg)
{
	struct carve *c = arg;

	if (e - s >= c->need)
		c->found = e - ALIGN_UP(c->need, PAGE_SIZE);
}

static void release_cb(paddr_t s, paddr_t e, void *arg)
{
	(void)arg;
	pmm_release_range(s, e - s);
}

int pmm_add_zone(paddr_t base, size_t size)
{
	if (nzones == MAX_ZONES)
		return -EAGAIN;
	size_t npages = size >> PAGE_SHIFT;
	struct carve c = {npages * sizeof(struct page), 0};
	for (unsigned i = 0; i < plat.nmem; i++)
		for_each_free(plat.mem[i].base, plat.mem[i].base + plat.mem[i].size, carve_cb, &c);
	if (c.found == 0)
		return -ENOMEM;
	resv_add(c.found, c.need);
	resv_sort();
	struct zone *z = &zones[nzones++];
	spin_init(&z->lock);
	z->base = base;
	z->end = base + (npages << PAGE_SHIFT);
	buddy_init(&z->b, base >> PAGE_SHIFT, npages, pa_to_kva(c.found));
	total_pages += npages;
	return 0;
}

void pmm_release_range(paddr_t base, size_t size)
{
	paddr_t s = ALIGN_UP(base, PAGE_SIZE);
	paddr_t e = ALIGN_DOWN(base + size, PAGE_SIZE);

	for (unsigned i = 0; i < nzones && s < e; i++) {
		struct zone *z = &zones[i];
		paddr_t zs = MAX(s, z->base), ze = MIN(e, z->end);
		if (zs >= ze)
			continue;
		spin_lock(&z->lock);
		buddy_release(&z->b, zs >> PAGE_SHIFT, (ze - zs) >> PAGE_SHIFT);
		spin_unlock(&z->lock);
	}
}

/*
 * Sets up every RAM bank: reserves the kernel image, the devicetree, the
 * initrd and the firmware's ranges, places the page arrays, and frees the
 * rest. Returns the number of free pages.
 */
size_t pmm_init(paddr_t kernel_pa, size_t kernel_size)
{
	for (unsigned i = 0; i < plat.nresv; i++)
		resv_add(plat.resv[i].base, plat.resv[i].size);
	resv_add(kernel_pa, kernel_size);
	resv_sort();
	for (unsigned i = 0; i < plat.nmem; i++) {
		int r = pmm_add_zone(plat.mem[i].base, plat.mem[i].size);
		if (r < 0)
			kprintf("pmm: RAM bank %#lx+%#lx unusable (%d)\n",
			        (unsigned long)plat.mem[i].base, (unsigned long)plat.mem[i].size,
			        r);
	}
	for (unsigned i = 0; i < plat.nmem; i++)
		for_each_free(plat.mem[i].base, plat.mem[i].base + plat.mem[i].size, release_cb,
		              NULL);
	return pmm_free_pages();
}
