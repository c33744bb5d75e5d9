/*
 * kmem.c - slab caches and kmalloc (see kmem.h).
 *
 * A slab is a naturally aligned block of 2^order pages from the buddy
 * allocator; its head page's struct page holds the free list and use count,
 * and every page of it points back to the cache, so an object's cache is
 * found from its address alone. Empty slabs go back to the page allocator
 * at once, so freed kernel memory is visible in the free page count.
 */
#include <skimmer/kmem.h>
#include <skimmer/kstring.h>
#include <skimmer/pmm.h>
#include <skimmer/printk.h>
#include <arch/memlayout.h>

#define KMALLOC_MIN_SHIFT 4
#define KMALLOC_MAX_SHIFT 11 /* 2 KiB: above this kmalloc uses whole pages */
#define KMALLOC_NCACHES   (KMALLOC_MAX_SHIFT - KMALLOC_MIN_SHIFT + 1)

static struct kmem_cache kmalloc_caches[KMALLOC_NCACHES];
static const char *const kmalloc_names[KMALLOC_NCACHES] = {
        "kmalloc-16",  "kmalloc-32",  "kmalloc-64", "kmalloc-128",
        "kmalloc-256", "kmalloc-512", "kmalloc-1k", "kmalloc-2k",
};
static size_t large_pages; /* pages handed out by kmalloc for large blocks */

void kmem_cache_init(struct kmem_cache *c, const char *name, size_t size, size_t align)
{
	if (align < sizeof(void *))
		align = sizeof(void *);
	c->name = name;
	c->size = ALIGN_UP(size, align);
	c->align = align;
	c->order = 0;
	while ((PAGE_SIZE << c->order) / c->size < 8 && c->order < 4)
		c->order++;
	c->per_slab = (unsigned)((PAGE_SIZE << c->order) / c->size);
	spin_init(&c->lock);
	list_init(&c->partial);
	list_init(&c->full);
	c->nslabs = 0;
	c->nobjs = 0;
}

/* Gets a new slab for c; caller holds c->lock. Returns its head page or NULL. */
static struct page *slab_new(struct kmem_cache *c)
{
	paddr_t pa = pmm_alloc(c->order);

	if (!pa)
		return NULL;
	struct page *head = pmm_page(pa);
	for (size_t i = 0; i < (1UL << c->order); i++) {
		head[i].flags = PG_SLAB;
		head[i].slab = c;
	}
	head->order = (uint8_t)c->order;
	head->inuse = 0;
	head->freelist = NULL;
	char *base = pa_to_kva(pa);
	for (unsigned i = c->per_slab; i-- > 0;) {
		void **obj = (void **)(base + i * c->size);
		*obj = head->freelist;
		head->freelist = obj;
	}
	list_add_head(&c->partial, &head->link);
	c->nslabs++;
	return head;
}

void *kmem_alloc(struct kmem_cache *c)
{
	spin_lock(&c->lock);
	struct page *head = list_first(&c->partial, struct page, link);
	if (head == NULL)
		head = slab_new(c);
	if (head == NULL) {
		spin_unlock(&c->lock);
		return NULL;
	}
	void **obj = head->freelist;
	head->freelist = *obj;
	head->inuse++;
	if (head->freelist == NULL) {
		list_del(&head->link);
		list_add_head(&c->full, &head->link);
	}
	c->nobjs++;
	spin_unlock(&c->lock);
	memset(obj, 0, c->size);
	return obj;
}

/* Head page of the slab holding obj. */
static struct page *slab_head(struct kmem_cache *c, void *obj)
{
	paddr_t pa = kva_to_pa(obj);
	paddr_t head_pa = ALIGN_DOWN(pa, PAGE_SIZE << c->order);
	return pmm_page(head_pa);
}

void kmem_free(struct kmem_cache *c, void *obj)
{
	struct page *head = slab_head(c, obj);

	KASSERT(head && (head->flags & PG_SLAB) && head->slab == c);
	spin_lock(&c->lock);
	bool was_full = head->freelist == NULL;
	*(void **)obj = head->freelist;
	head->freelist = obj;
	head->inuse--;
	c->nobjs--;
	if (head->inuse == 0) {
		list_del(&head->link);
		c->nslabs--;
		spin_unlock(&c->lock);
		for (size_t i = 0; i < (1UL << c->order); i++) {
			head[i].flags = 0;
			head[i].slab = NULL;
		}
		head->freelist = NULL;
		pmm_free(pmm_page_pa(head), c->order);
		return;
	}
	if (was_full) {
		list_del(&head->link);
		list_add_head(&c->partial, &head->link);
	}
	spin_unlock(&c->lock);
}

void kmem_init(void)
{
	for (unsigned i = 0; i < KMALLOC_NCACHES; i++)
		kmem_cache_init(&kmalloc_caches[i], kmalloc_names[i],
		                1UL << (i + KMALLOC_MIN_SHIFT), sizeof(void *));
}

void *kmalloc(size_t size)
{
	if (size == 0)
		size = 1;
	if (size <= (1UL << KMALLOC_MAX_SHIFT)) {
		unsigned i = 0;
		while ((1UL << (i + KMALLOC_MIN_SHIFT)) < size)
			i++;
		return kmem_alloc(&kmalloc_caches[i]);
	}
	if (size > (1UL << 30))
		return NULL;
	unsigned order = 0;
	while ((PAGE_SIZE << order) < size)
		order++;
	paddr_t pa = pmm_alloc_zeroed(order);
	if (!pa)
		return NULL;
	struct page *p = pmm_page(pa);
	p->flags = PG_LARGE;
	p->order = (uint8_t)order;
	__atomic_fetch_add(&large_pages, 1UL << order, __ATOMIC_RELAXED);
	return pa_to_kva(pa);
}

void kfree(void *ptr)
{
	if (ptr == NULL)
		return;
	struct page *p = pmm_page(kva_to_pa(ptr));
	KASSERT(p != NULL);
	if (p->flags & PG_SLAB) {
		kmem_free(p->slab, ptr);
		return;
	}
	KASSERT(p->flags & PG_LARGE);
	unsigned order = p->order;
	p->flags = 0;
	__atomic_fetch_sub(&large_pages, 1UL << order, __ATOMIC_RELAXED);
	pmm_free(kva_to_pa(ptr), order);
}

/* Objects in use in the kmalloc caches (for SysInfo). */
size_t kmem_objects(void)
{
	size_t n = 0;

	for (unsigned i = 0; i < KMALLOC_NCACHES; i++)
		n += __atomic_load_n(&kmalloc_caches[i].nobjs, __ATOMIC_RELAXED);
	return n;
}

void *idtab_mem_alloc(size_t size)
{
	return kmalloc(size);
}

void idtab_mem_free(void *p)
{
	kfree(p);
}
