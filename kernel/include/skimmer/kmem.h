/*
 * kmem.h - kernel object allocation: slab caches and kmalloc.
 *
 * A cache hands out fixed-size objects from slabs of pages; kmalloc uses
 * power-of-two caches up to 2 KiB and whole page blocks above. Nothing
 * here has a fixed capacity: when memory runs out the call returns NULL
 * and the caller reports ENOMEM or EAGAIN. Caches are locked internally.
 */
#ifndef SKIMMER_KMEM_H
#define SKIMMER_KMEM_H

#include <skimmer/list.h>
#include <skimmer/spinlock.h>

struct kmem_cache {
	const char *name;
	size_t size; /* object size, rounded to the alignment */
	size_t align;
	unsigned order; /* slab size: 2^order pages */
	unsigned per_slab;
	spinlock_t lock;
	struct list partial; /* slabs with free objects */
	struct list full;
	size_t nslabs;
	size_t nobjs; /* objects handed out */
};

void kmem_init(void);

/* Initialises a cache for objects of 'size' bytes aligned to 'align'. */
void kmem_cache_init(struct kmem_cache *c, const char *name, size_t size, size_t align);

/* Allocates one zeroed object, or NULL when out of memory. */
void *kmem_alloc(struct kmem_cache *c);
void kmem_free(struct kmem_cache *c, void *obj);

/* General allocation; memory is zeroed. NULL when out of memory or size is absurd. */
void *kmalloc(size_t size);
void kfree(void *p);

#endif
