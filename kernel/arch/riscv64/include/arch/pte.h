/*
 * pte.h - Sv39 page-table entries.
 */
#ifndef ARCH_PTE_H
#define ARCH_PTE_H

#define PTE_V         (1UL << 0)
#define PTE_R         (1UL << 1)
#define PTE_W         (1UL << 2)
#define PTE_X         (1UL << 3)
#define PTE_U         (1UL << 4)
#define PTE_G         (1UL << 5)
#define PTE_A         (1UL << 6)
#define PTE_D         (1UL << 7)
#define PTE_PPN_SHIFT 10

#define PTE_KERN_RW   (PTE_V | PTE_R | PTE_W | PTE_A | PTE_D | PTE_G)
#define PTE_KERN_RX   (PTE_V | PTE_R | PTE_X | PTE_A | PTE_G)
#define PTE_KERN_R    (PTE_V | PTE_R | PTE_A | PTE_G)
#define PTE_KERN_RWX  (PTE_V | PTE_R | PTE_W | PTE_X | PTE_A | PTE_D | PTE_G)

#endif
