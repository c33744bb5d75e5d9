/*
 * pmm.h - the physical page allocator.
 *
 * Every page of RAM the devicetree reports has a struct page; the free
 * ones are managed by a buddy allocator per contiguous bank (zone). A page
 * that is mapped into user space is reference counted: one reference per
 * mapping, so shared pages (library text, shared memory) are freed with
 * their last mapping.
 */
#ifndef SKIMMER_PMM_H
#define SKIMMER_PMM_H

#include <skimmer/buddy.h>

#define MAX_ZONES 16 /* memory banks beyond this are ignored with a boot message */

/* Adds [base, base+size) as a zone whose pages all start reserved. */
int pmm_add_zone(paddr_t base, size_t size);

/* Returns [base, base+size) (page-aligned inward) to the free pool. */
void pmm_release_range(paddr_t base, size_t size);

/* Allocates 2^order contiguous pages; 0 if none. Pages are not zeroed. */
paddr_t pmm_alloc(unsigned order);
paddr_t pmm_alloc_zeroed(unsigned order);

/* Frees 2^order pages at pa (which pmm_alloc returned with that order). */
void pmm_free(paddr_t pa, unsigned order);

/* struct page of a managed physical address, or NULL if pa is not RAM we manage. */
struct page *pmm_page(paddr_t pa);
paddr_t pmm_page_pa(const struct page *p);

/* Reference counting of single pages mapped into user space. */
void page_ref(struct page *p);
/* Drops a reference; frees the page when it was the last. */
void page_unref(struct page *p);

size_t pmm_free_pages(void);
size_t pmm_total_pages(void);

#endif
