/*
 * plic.h - the platform interrupt controller interface used by irq.c.
 */
#ifndef ARCH_PLIC_H
#define ARCH_PLIC_H

#include <skimmer/types.h>

struct cpu;

void plic_init(void);
void plic_init_cpu(struct cpu *c);
bool plic_valid(uint32_t src);
/* Enables (on) or disables source src on hart c's context. */
void plic_route(uint32_t src, struct cpu *c, bool on);
void plic_set_priority(uint32_t src, uint32_t prio);
/* Claims and handles every pending source of this hart. */
void plic_dispatch(struct cpu *c);

/* Generic handler for a claimed source (kernel/core/irq.c). */
void irq_handle(struct cpu *c, uint32_t src);

#endif
