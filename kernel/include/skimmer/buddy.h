/*
 * buddy.h - a binary buddy allocator over an array of page descriptors.
 *
 * Pure data structure (also built for the host tests): no locking, no
 * knowledge of physical addresses beyond page frame numbers. pmm.c adds
 * the lock and the translation.
 */
#ifndef SKIMMER_BUDDY_H
#define SKIMMER_BUDDY_H

#include <skimmer/list.h>

#define BUDDY_MAX_ORDER 19 /* largest block: 2^18 pages = 1 GiB */

#define PG_FREE         0x01 /* head of a free block */
#define PG_RESERVED     0x02 /* not managed (firmware, kernel image, ...) */
#define PG_SLAB         0x04 /* owned by a kmem slab */
#define PG_LARGE        0x08 /* head of a large kmalloc block */
#define PG_USER         0x10 /* mapped into user space (refcounted) */

struct page {
	struct list link; /* free list, or slab list */
	uint32_t refcount;
	uint8_t order; /* block order (free heads, allocated heads) */
	uint8_t flags;
	uint16_t inuse; /* slab: objects handed out */
	void *slab;     /* slab: owning cache */
	void *freelist; /* slab: free objects */
};

struct buddy {
	uint64_t base_pfn;
	size_t npages;
	struct page *pages;
	struct list free[BUDDY_MAX_ORDER];
	size_t nfree;
};

/* Initialises a zone of npages descriptors, all reserved. */
void buddy_init(struct buddy *b, uint64_t base_pfn, size_t npages, struct page *pages);

/* Frees every reserved page in [pfn, pfn + count) into the allocator. */
void buddy_release(struct buddy *b, uint64_t pfn, size_t count);

/* Allocates a block of 2^order pages; returns its head or NULL. */
struct page *buddy_alloc(struct buddy *b, unsigned order);

/* Frees a block previously allocated with that order. */
void buddy_free(struct buddy *b, struct page *p, unsigned order);

static inline uint64_t buddy_pfn(const struct buddy *b, const struct page *p)
{
	return b->base_pfn + (uint64_t)(p - b->pages);
}

#endif
