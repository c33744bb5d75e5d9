/*
 * mmu.h - Sv39 page tables.
 *
 * The kernel half (root entries 256..511) is built once at boot and shared
 * by every address space; user page tables hold only 4 KiB leaves. All
 * functions that touch a user table expect the caller to hold the owning
 * address space's lock.
 */
#ifndef ARCH_MMU_H
#define ARCH_MMU_H

#include <skimmer/types.h>
#include <arch/pte.h>

/* Software PTE bit: a page kept while its protection is PROT_NONE (V = 0). */
#define PTE_SW_NONE (1UL << 8)

typedef uint64_t pte_t;

static inline paddr_t pte_pa(pte_t pte)
{
	return (pte >> PTE_PPN_SHIFT) << PAGE_SHIFT;
}

static inline pte_t pa_pte(paddr_t pa, uint64_t flags)
{
	return ((pa >> PAGE_SHIFT) << PTE_PPN_SHIFT) | flags;
}

/* A leaf holds a page if it is valid or parked as PROT_NONE. */
static inline bool pte_present(pte_t pte)
{
	return (pte & PTE_V) || (pte & PTE_SW_NONE);
}

/* Builds and installs the final kernel page table on the boot hart. */
void mmu_init_kernel(paddr_t load_pa);

/* satp value for the kernel-only table (used by idle harts). */
extern uint64_t kernel_satp;

/* Creates a user root table with the kernel half. 0 if out of memory. */
paddr_t mmu_new_root(void);

/* Frees a user root and its lower-level tables (leaves must be gone already). */
void mmu_free_root(paddr_t root);

/*
 * Returns the level-0 PTE slot for va, creating intermediate tables if
 * 'create'. NULL if absent (or out of memory when creating).
 */
pte_t *mmu_walk(paddr_t root, uaddr_t va, bool create);

/*
 * Detaches the page-table pages under the 2 MiB region at va if they have
 * become empty: writes their physical addresses to out[] (at most 2) and
 * returns how many. The caller frees them after flushing the TLBs.
 */
int mmu_prune(paddr_t root, uaddr_t va, paddr_t *out);

/* PTE flags for a PROT_* protection (user leaf). */
pte_t mmu_prot_flags(uint32_t prot);

/* ASIDs: installs root with a valid ASID for this hart. *asid is updated. */
void mmu_activate(paddr_t root, uint64_t *asid);

/* Flushes [va, va+len) of an address space on the harts in 'cpumask'. */
void mmu_flush_range(uint64_t cpumask, uint64_t asid, uaddr_t va, size_t len);

#endif
