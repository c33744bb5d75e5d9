/*
 * vm.h - user address spaces.
 *
 * An address space is a page table plus a sorted list of regions, each
 * with a protection and a kind. Every page of RAM mapped into it holds a
 * reference on its struct page. aspace->lock protects the regions and the
 * page table; it is the innermost lock of the kernel (only the page
 * allocator's lock may be taken inside it), and every user-memory copy
 * holds it, so no page can be freed under a copy.
 */
#ifndef SKIMMER_VM_H
#define SKIMMER_VM_H

#include <skimmer/list.h>
#include <skimmer/spinlock.h>
#include <qsoe/abi/mman.h>

/* Kernel-internal vm_map flags. */
#define VM_SHARE 0x10000000 /* share the pages of another address space */
#define VM_BOOT  0x20000000 /* MAP_PHYS of reserved RAM (boot archive, DTB) */

struct vregion {
	struct list link;
	uaddr_t start, end; /* page aligned, [start, end) */
	uint32_t prot;      /* PROT_* */
	uint32_t flags;     /* MAP_* as requested (MAP_PHYS, MAP_LAZY, MAP_STACK, ...) */
};

struct aspace {
	spinlock_t lock;
	paddr_t root;        /* page-table root (physical) */
	uint64_t asid;       /* ASID | (generation << 16) */
	struct list regions; /* struct vregion, by address */
	size_t nregions;
	size_t resident;      /* pages of RAM mapped (with a reference) */
	uint64_t active_cpus; /* bitmask of harts that may cache its translations */
	uaddr_t hint;         /* where the next unfixed mapping search starts (top-down) */
};

struct aspace *aspace_create(int *err);
void aspace_destroy(struct aspace *as);

/*
 * Maps len bytes. Without MAP_FIXED 'addr' is a hint; the result is the
 * chosen address. Kinds: MAP_ANON (zeroed RAM; with MAP_PHYS physically
 * contiguous), MAP_PHYS without MAP_ANON (the physical range 'phys'; only
 * non-RAM or unmanaged ranges), VM_SHARE (the pages that 'src' maps at
 * user address 'phys'). Returns the address or a negative errno.
 * Takes as->lock (and src->lock, ordered by address).
 */
long vm_map(struct aspace *as, uaddr_t addr, size_t len, uint32_t prot, uint32_t flags,
            uint64_t phys, struct aspace *src);

/* Unmaps [addr, addr+len); unmapped parts are fine. 0 or -errno. */
int vm_unmap(struct aspace *as, uaddr_t addr, size_t len);

/* Changes protection of [addr, addr+len), which must be fully mapped. */
int vm_protect(struct aspace *as, uaddr_t addr, size_t len, uint32_t prot);

/* Physical address behind a user address and the bytes contiguous from it. */
int vm_phys(struct aspace *as, uaddr_t addr, paddr_t *pa, size_t *contig);

/* Loads as into this hart's satp (if not already). */
void vm_activate(struct aspace *as);

#endif
