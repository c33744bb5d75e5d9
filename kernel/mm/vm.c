/*
 * vm.c - user address spaces: regions and their pages (see vm.h).
 *
 * Every operation validates its arguments and allocates what it may need
 * (region descriptors) before it changes anything, so a failure leaves the
 * address space as it was. Pages are unmapped in batches: the PTEs are
 * cleared, the TLBs of every hart that may cache them are flushed, and only
 * then are the page references dropped.
 */
#include <skimmer/cpu.h>
#include <skimmer/kmem.h>
#include <skimmer/kstring.h>
#include <skimmer/pmm.h>
#include <skimmer/printk.h>
#include <skimmer/vm.h>
#include <arch/arch.h>
#include <arch/mmu.h>

#define MMAP_TOP    0x3f00000000UL /* unfixed mappings are placed top-down from here */
#define UNMAP_BATCH 64

static struct kmem_cache aspace_cache, region_cache;
static bool caches_ready;

static void vm_caches_init(void)
{
	if (caches_ready)
		return;
	kmem_cache_init(&aspace_cache, "aspace", sizeof(struct aspace), 8);
	kmem_cache_init(&region_cache, "vregion", sizeof(struct vregion), 8);
	caches_ready = true;
}

struct aspace *aspace_create(int *err)
{
	vm_caches_init();
	struct aspace *as = kmem_alloc(&aspace_cache);
	if (!as) {
		*err = ENOMEM;
		return NULL;
	}
	as->root = mmu_new_root();
	if (!as->root) {
		kmem_free(&aspace_cache, as);
		*err = ENOMEM;
		return NULL;
	}
	spin_init(&as->lock);
	list_init(&as->regions);
	as->hint = MMAP_TOP;
	return as;
}

/* ---- Page-level helpers (caller holds as->lock) ------------------------- */

struct unmap_batch {
	struct page *pages[UNMAP_BATCH];
	unsigned n;
	uaddr_t lo, hi;
};

static void batch_flush(struct aspace *as, struct unmap_batch *b)
{
	if (b->hi > b->lo)
		mmu_flush_range(as->active_cpus, as->asid, b->lo, b->hi - b->lo);
	for (unsigned i = 0; i < b->n; i++)
		page_unref(b->pages[i]);
	b->n = 0;
	b->lo = UINT64_MAX;
	b->hi = 0;
}

/* Clears the PTE at va, queueing its page for release after the flush. */
static void unmap_page(struct aspace *as, uaddr_t va, struct unmap_batch *b)
{
	pte_t *pte = mmu_walk(as->root, va, false);

	if (pte == NULL || !pte_present(*pte))
		return;
	struct page *pg = pmm_page(pte_pa(*pte));
	*pte = 0;
	if (va < b->lo)
		b->lo = va;
	if (va + PAGE_SIZE > b->hi)
		b->hi = va + PAGE_SIZE;
	if (pg) {
		as->resident--;
		b->pages[b->n++] = pg;
		if (b->n == UNMAP_BATCH)
			batch_flush(as, b);
	}
}

static void unmap_pages(struct aspace *as, uaddr_t start, uaddr_t end)
{
	struct unmap_batch b = {.n = 0, .lo = UINT64_MAX, .hi = 0};

	for (uaddr_t va = start; va < end; va += PAGE_SIZE)
		unmap_page(as, va, &b);
	batch_flush(as, &b);
}

/* ---- Regions (caller holds as->lock) ------------------------------------ */

static struct vregion *region_find(struct aspace *as, uaddr_t va)
{
	struct list *l;

	list_for_each(l, &as->regions)
	{
		struct vregion *r = list_entry(l, struct vregion, link);
		if (va < r->start)
			return NULL;
		if (va < r->end)
			return r;
	}
	return NULL;
}

static bool range_free(struct aspace *as, uaddr_t start, uaddr_t end)
{
	struct list *l;

	list_for_each(l, &as->regions)
	{
		struct vregion *r = list_entry(l, struct vregion, link);
		if (r->start < end && start < r->end)
			return false;
	}
	return true;
}

/* Inserts r keeping address order. */
static void region_insert(struct aspace *as, struct vregion *r)
{
	struct list *l;

	list_for_each(l, &as->regions)
	{
		struct vregion *o = list_entry(l, struct vregion, link);
		if (o->start > r->start) {
			list_add_before(l, &r->link);
			as->nregions++;
			return;
		}
	}
	list_add_tail(&as->regions, &r->link);
	as->nregions++;
}

/* Finds a free range of len bytes, top-down below 'below'. 0 if none. */
static uaddr_t find_gap(struct aspace *as, size_t len, uaddr_t below)
{
	uaddr_t top = below;
	struct list *l;

	/* Walk regions from the highest address down. */
	for (l = as->regions.prev; l != &as->regions; l = l->prev) {
		struct vregion *r = list_entry(l, struct vregion, link);
		if (r->start >= top)
			continue;
		if (r->end <= top && top - r->end >= len)
			return top - len;
		if (r->start < top)
			top = r->start;
	}
	if (top >= USER_BASE + len)
		return top - len;
	return 0;
}

/*
 * Removes [start, end) from the region list, splitting regions that
 * straddle the edges. 'spare' is a preallocated descriptor for the one
 * split that can need a new region; it is consumed or left for the caller
 * to free (*spare set to NULL if used).
 */
static void regions_cut(struct aspace *as, uaddr_t start, uaddr_t end, struct vregion **spare)
{
	struct list *l, *tmp;

	list_for_each_safe(l, tmp, &as->regions)
	{
		struct vregion *r = list_entry(l, struct vregion, link);
		if (r->end <= start || r->start >= end)
			continue;
		if (r->start < start && r->end > end) {
			/* Hole in the middle: r keeps the low part, spare the high part. */
			struct vregion *hi = *spare;
			*spare = NULL;
			*hi = *r;
			hi->start = end;
			r->end = start;
			region_insert(as, hi);
			return;
		}
		if (r->start < start)
			r->end = start;
		else if (r->end > end)
			r->start = end;
		else {
			list_del(&r->link);
			as->nregions--;
			kmem_free(&region_cache, r);
		}
	}
}

/* ---- Public operations -------------------------------------------------- */

/* Lock two address spaces in address order (one if they are the same). */
static void lock_two(struct aspace *a, struct aspace *b)
{
	if (a == b || b == NULL) {
		spin_lock(&a->lock);
	} else if (a < b) {
		spin_lock(&a->lock);
		spin_lock(&b->lock);
	} else {
		spin_lock(&b->lock);
		spin_lock(&a->lock);
	}
}

static void unlock_two(struct aspace *a, struct aspace *b)
{
	if (b && b != a)
		spin_unlock(&b->lock);
	spin_unlock(&a->lock);
}

/* Maps the pages of one new region; undoes itself on failure. */
static int populate(struct aspace *as, uaddr_t start, size_t len, uint32_t prot, uint32_t flags,
                    uint64_t phys, struct aspace *src)
{
	pte_t pflags = mmu_prot_flags(prot);
	size_t npages = len >> PAGE_SHIFT;
	paddr_t contig = 0;
	unsigned corder = 0;

	if ((flags & (MAP_ANON | MAP_PHYS)) == (MAP_ANON | MAP_PHYS)) {
		while ((1UL << corder) < npages)
			corder++;
		contig = pmm_alloc_zeroed(corder);
		if (!contig)
			return -ENOMEM;
		/* Give back the tail beyond npages. */
		for (size_t i = npages; i < (1UL << corder); i++)
			pmm_free(contig + (i << PAGE_SHIFT), 0);
	}
	for (size_t i = 0; i < npages; i++) {
		uaddr_t va = start + (i << PAGE_SHIFT);
		paddr_t pa;
		struct page *pg;
		if (flags & VM_SHARE) {
			pte_t *spte = mmu_walk(src->root, phys + (i << PAGE_SHIFT), false);
			if (spte == NULL || !pte_present(*spte))
				goto fault;
			pa = pte_pa(*spte);
			pg = pmm_page(pa);
			if (pg)
				page_ref(pg);
		} else if (contig) {
			pa = contig + (i << PAGE_SHIFT);
			pg = pmm_page(pa);
			pg->refcount = 1;
		} else if (flags & MAP_ANON) {
			pa = pmm_alloc_zeroed(0);
			if (!pa)
				goto nomem;
			pg = pmm_page(pa);
			pg->refcount = 1;
		} else {
			pa = phys + (i << PAGE_SHIFT);
			pg = NULL;
		}
		pte_t *pte = mmu_walk(as->root, va, true);
		if (pte == NULL) {
			if (pg)
				page_unref(pg);
			if (contig) /* the rest of the block was never mapped */
				for (size_t j = i + 1; j < npages; j++)
					pmm_free(contig + (j << PAGE_SHIFT), 0);
			unmap_pages(as, start, va);
			return -ENOMEM;
		}
		if (pg) {
			pg->flags |= PG_USER;
			as->resident++;
		}
		*pte = pa_pte(pa, pflags);
		continue;
	nomem:
		unmap_pages(as, start, va);
		return -ENOMEM;
	fault:
		unmap_pages(as, start, va);
		return -EFAULT;
	}
	return 0;
}

long vm_map(struct aspace *as, uaddr_t addr, size_t len, uint32_t prot, uint32_t flags,
            uint64_t phys, struct aspace *src)
{
	if (len == 0 || len > USER_TOP)
		return -EINVAL;
	len = ALIGN_UP(len, PAGE_SIZE);
	if ((flags & MAP_FIXED) &&
	    (!IS_ALIGNED(addr, PAGE_SIZE) || addr < USER_BASE || !user_range_ok(addr, len)))
		return -EINVAL;
	if ((flags & MAP_PHYS) && !(flags & MAP_ANON)) {
		if (!IS_ALIGNED(phys, PAGE_SIZE) || phys + len < phys)
			return -EINVAL;
		/* Only device memory (outside all RAM) can be mapped by address,
		 * except reserved boot ranges the kernel maps for taskman. */
		for (size_t off = 0; off < len; off += PAGE_SIZE) {
			struct page *pg = pmm_page(phys + off);
			if (pg && !((flags & VM_BOOT) && (pg->flags & PG_RESERVED)))
				return -EPERM;
		}
	}
	if ((flags & VM_SHARE) && (!IS_ALIGNED(phys, PAGE_SIZE) || !user_range_ok(phys, len)))
		return -EINVAL;

	struct vregion *r = kmem_alloc(&region_cache);
	struct vregion *spare = kmem_alloc(&region_cache);
	if (!r || !spare) {
		if (r)
			kmem_free(&region_cache, r);
		if (spare)
			kmem_free(&region_cache, spare);
		return -ENOMEM;
	}

	lock_two(as, (flags & VM_SHARE) ? src : NULL);
	uaddr_t start;
	if (flags & MAP_FIXED) {
		start = addr;
		unmap_pages(as, start, start + len);
		regions_cut(as, start, start + len, &spare);
	} else if (addr >= USER_BASE && IS_ALIGNED(addr, PAGE_SIZE) && user_range_ok(addr, len) &&
	           range_free(as, addr, addr + len)) {
		start = addr;
	} else {
		start = find_gap(as, len, as->hint);
		if (start == 0) {
			unlock_two(as, (flags & VM_SHARE) ? src : NULL);
			kmem_free(&region_cache, r);
			if (spare)
				kmem_free(&region_cache, spare);
			return -ENOMEM;
		}
	}
	int err = populate(as, start, len, prot, flags, phys, src);
	if (err == 0) {
		r->start = start;
		r->end = start + len;
		r->prot = prot & PROT_MASK;
		r->flags = flags;
		region_insert(as, r);
		r = NULL;
	}
	unlock_two(as, (flags & VM_SHARE) ? src : NULL);
	if (r)
		kmem_free(&region_cache, r);
	if (spare)
		kmem_free(&region_cache, spare);
	return err ? err : (long)start;
}

int vm_unmap(struct aspace *as, uaddr_t addr, size_t len)
{
	if (!IS_ALIGNED(addr, PAGE_SIZE) || len == 0 || !user_range_ok(addr, len))
		return -EINVAL;
	len = ALIGN_UP(len, PAGE_SIZE);
	struct vregion *spare = kmem_alloc(&region_cache);
	if (!spare)
		return -ENOMEM;
	spin_lock(&as->lock);
	unmap_pages(as, addr, addr + len);
	regions_cut(as, addr, addr + len, &spare);
	spin_unlock(&as->lock);
	if (spare)
		kmem_free(&region_cache, spare);
	return 0;
}

int vm_protect(struct aspace *as, uaddr_t addr, size_t len, uint32_t prot)
{
	if (!IS_ALIGNED(addr, PAGE_SIZE) || len == 0 || !user_range_ok(addr, len))
		return -EINVAL;
	len = ALIGN_UP(len, PAGE_SIZE);
	uaddr_t end = addr + len;
	struct vregion *s1 = kmem_alloc(&region_cache);
	struct vregion *s2 = kmem_alloc(&region_cache);
	int err = 0;
	if (!s1 || !s2) {
		err = -ENOMEM;
		goto out;
	}
	spin_lock(&as->lock);
	/* The whole range must be mapped. */
	for (uaddr_t va = addr; va < end;) {
		struct vregion *r = region_find(as, va);
		if (r == NULL) {
			spin_unlock(&as->lock);
			err = -ENOMEM;
			goto out;
		}
		va = r->end;
	}
	/* Split at both edges, then retag the regions inside. */
	struct vregion *r = region_find(as, addr);
	if (r->start < addr) {
		*s1 = *r;
		s1->start = addr;
		r->end = addr;
		region_insert(as, s1);
		s1 = NULL;
	}
	r = region_find(as, end - 1);
	if (r->end > end) {
		*s2 = *r;
		s2->start = end;
		r->end = end;
		region_insert(as, s2);
		s2 = NULL;
	}
	for (uaddr_t va = addr; va < end;) {
		r = region_find(as, va);
		r->prot = prot & PROT_MASK;
		va = r->end;
	}
	pte_t pflags = mmu_prot_flags(prot);
	for (uaddr_t va = addr; va < end; va += PAGE_SIZE) {
		pte_t *pte = mmu_walk(as->root, va, false);
		if (pte && pte_present(*pte))
			*pte = pa_pte(pte_pa(*pte), pflags);
	}
	mmu_flush_range(as->active_cpus, as->asid, addr, len);
	spin_unlock(&as->lock);
out:
	if (s1)
		kmem_free(&region_cache, s1);
	if (s2)
		kmem_free(&region_cache, s2);
	return err;
}

int vm_phys(struct aspace *as, uaddr_t addr, paddr_t *pa, size_t *contig)
{
	if (!user_range_ok(addr, 1))
		return -EFAULT;
	spin_lock(&as->lock);
	pte_t *pte = mmu_walk(as->root, addr & ~(PAGE_SIZE - 1), false);
	if (pte == NULL || !pte_present(*pte)) {
		spin_unlock(&as->lock);
		return -EFAULT;
	}
	paddr_t base = pte_pa(*pte);
	*pa = base + (addr & (PAGE_SIZE - 1));
	size_t n = PAGE_SIZE - (addr & (PAGE_SIZE - 1));
	for (uaddr_t va = ALIGN_DOWN(addr, PAGE_SIZE) + PAGE_SIZE;; va += PAGE_SIZE) {
		pte_t *p = mmu_walk(as->root, va, false);
		if (p == NULL || !pte_present(*p) ||
		    pte_pa(*p) != base + (va - ALIGN_DOWN(addr, PAGE_SIZE)))
			break;
		n += PAGE_SIZE;
	}
	spin_unlock(&as->lock);
	*contig = n;
	return 0;
}

void vm_activate(struct aspace *as)
{
	struct cpu *c = this_cpu();

	if (c->cur_as == as)
		return;
	if (as == NULL) {
		csr_write(satp, kernel_satp);
		c->cur_as = NULL;
		return;
	}
	__atomic_fetch_or(&as->active_cpus, 1UL << c->id, __ATOMIC_RELAXED);
	mmu_activate(as->root, &as->asid);
	c->cur_as = as;
}

void aspace_destroy(struct aspace *as)
{
	spin_lock(&as->lock);
	struct list *l, *tmp;
	list_for_each_safe(l, tmp, &as->regions)
	{
		struct vregion *r = list_entry(l, struct vregion, link);
		unmap_pages(as, r->start, r->end);
		list_del(&r->link);
		kmem_free(&region_cache, r);
	}
	spin_unlock(&as->lock);
	/* No hart may still run on it: callers switch away first (proc.c). */
	for (unsigned i = 0; i < ncpu; i++)
		if (cpus[i] && cpus[i]->cur_as == as)
			panic("aspace_destroy: still active on cpu %u", i);
	mmu_flush_range(as->active_cpus, as->asid, 0, USER_TOP);
	mmu_free_root(as->root);
	kmem_free(&aspace_cache, as);
}
