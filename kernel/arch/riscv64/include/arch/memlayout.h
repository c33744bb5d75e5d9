/*
 * memlayout.h - the Sv39 virtual address map.
 *
 *   0x0000000000000000 .. 0x0000003fffffffff   user (256 GiB)
 *   0xffffffc000000000 .. 0xffffffdfffffffff   physmap: physical 0 .. 128 GiB
 *   0xffffffff80000000 .. (image end)          kernel image, wherever it was loaded
 */
#ifndef ARCH_MEMLAYOUT_H
#define ARCH_MEMLAYOUT_H

#define KERNEL_VBASE 0xffffffff80000000
#define PHYSMAP_BASE 0xffffffc000000000
#define PHYSMAP_SIZE (128UL << 30)
#define USER_BASE    0x10000UL /* nothing is ever mapped below this (NULL guard) */
#define USER_TOP     0x4000000000UL

#define GIGAPAGE     (1UL << 30)
#define MEGAPAGE     (1UL << 21)

#ifndef __ASSEMBLER__
#include <skimmer/types.h>

/* Kernel virtual address of physical address pa (through the physmap). */
static inline void *pa_to_kva(paddr_t pa)
{
	return (void *)(PHYSMAP_BASE + pa);
}

/* Physical address of a physmap address. */
static inline paddr_t kva_to_pa(const void *va)
{
	return (paddr_t)((uintptr_t)va - PHYSMAP_BASE);
}

/* True if [addr, addr+len) lies inside the user half (no wrap-around). */
static inline bool user_range_ok(uaddr_t addr, size_t len)
{
	return addr < USER_TOP && len <= USER_TOP - addr;
}
#endif
#endif
