/*
 * buddy.c - binary buddy allocator (see buddy.h).
 *
 * Blocks of order k are aligned to 2^k pages relative to the zone's first
 * page frame number's alignment; a block's buddy is found by flipping bit k
 * of its index. Free heads carry PG_FREE and their order.
 */
#include <skimmer/buddy.h>

void buddy_init(struct buddy *b, uint64_t base_pfn, size_t npages, struct page *pages)
{
	b->base_pfn = base_pfn;
	b->npages = npages;
	b->pages = pages;
	b->nfree = 0;
	for (unsigned i = 0; i < BUDDY_MAX_ORDER; i++)
		list_init(&b->free[i]);
	for (size_t i = 0; i < npages; i++) {
		pages[i].link.next = pages[i].link.prev = NULL;
		pages[i].refcount = 0;
		pages[i].order = 0;
		pages[i].flags = PG_RESERVED;
		pages[i].inuse = 0;
		pages[i].slab = NULL;
		pages[i].freelist = NULL;
	}
}

/* Index of the buddy of block 'idx' at 'order' (in absolute pfn alignment). */
static int64_t buddy_of(const struct buddy *b, size_t idx, unsigned order)
{
	uint64_t pfn = b->base_pfn + idx;
	uint64_t bpfn = pfn ^ (1ULL << order);

	if (bpfn < b->base_pfn || bpfn + (1ULL << order) > b->base_pfn + b->npages)
		return -1;
	return (int64_t)(bpfn - b->base_pfn);
}

void buddy_free(struct buddy *b, struct page *p, unsigned order)
{
	size_t idx = (size_t)(p - b->pages);

	b->nfree += 1UL << order;
	while (order + 1 < BUDDY_MAX_ORDER) {
		int64_t bi = buddy_of(b, idx, order);
		if (bi < 0)
			break;
		struct page *bp = &b->pages[bi];
		if (!(bp->flags & PG_FREE) || bp->order != order)
			break;
		list_del(&bp->link);
		bp->flags &= (uint8_t)~PG_FREE;
		if ((size_t)bi < idx)
			idx = (size_t)bi;
		order++;
	}
	p = &b->pages[idx];
	p->flags = PG_FREE;
	p->order = (uint8_t)order;
	p->refcount = 0;
	list_add_head(&b->free[order], &p->link);
}

void buddy_release(struct buddy *b, uint64_t pfn, size_t count)
{
	/* Clip [pfn, pfn + count) to the zone without overflowing. */
	if (pfn < b->base_pfn) {
		if (count <= b->base_pfn - pfn)
			return;
		count -= (size_t)(b->base_pfn - pfn);
		pfn = b->base_pfn;
	}
	if (pfn - b->base_pfn >= b->npages)
		return;
	size_t idx = (size_t)(pfn - b->base_pfn);
	size_t end = count > b->npages - idx ? b->npages : idx + count;
	while (idx < end) {
		/* Largest aligned block that starts at idx and fits. */
		unsigned order = 0;
		while (order + 1 < BUDDY_MAX_ORDER) {
			uint64_t size = 1ULL << (order + 1);
			if (((b->base_pfn + idx) & (size - 1)) != 0 || idx + size > end)
				break;
			order++;
		}
		bool reserved = true;
		for (size_t i = 0; i < (1UL << order); i++)
			if (!(b->pages[idx + i].flags & PG_RESERVED))
				reserved = false;
		if (reserved) {
			for (size_t i = 0; i < (1UL << order); i++)
				b->pages[idx + i].flags = 0;
			buddy_free(b, &b->pages[idx], order);
			idx += 1UL << order;
		} else {
			/* Part of it is already free or in use: release page by page. */
			if (b->pages[idx].flags & PG_RESERVED) {
				b->pages[idx].flags = 0;
				buddy_free(b, &b->pages[idx], 0);
			}
			idx++;
		}
	}
}

struct page *buddy_alloc(struct buddy *b, unsigned order)
{
	unsigned o = order;

	if (order >= BUDDY_MAX_ORDER)
		return NULL;
	while (o < BUDDY_MAX_ORDER && list_empty(&b->free[o]))
		o++;
	if (o == BUDDY_MAX_ORDER)
		return NULL;
	struct page *p = list_entry(b->free[o].next, struct page, link);
	list_del(&p->link);
	p->flags = 0;
	size_t idx = (size_t)(p - b->pages);
	/* Split: hand the upper halves back. */
	while (o > order) {
		o--;
		struct page *half = &b->pages[idx + (1UL << o)];
		half->flags = PG_FREE;
		half->order = (uint8_t)o;
		list_add_head(&b->free[o], &half->link);
	}
	p->order = (uint8_t)order;
	b->nfree -= 1UL << order;
	return p;
}
