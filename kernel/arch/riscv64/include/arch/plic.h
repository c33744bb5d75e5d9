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
/* Enables (on) or disables source src on hart c's context (the priority is left alone). */
void plic_route(uint32_t src, struct cpu *c, bool on);
/* Sets source src's priority on every context: 0 masks it, 1 lets it through. */
void plic_set_priority(uint32_t src, uint32_t prio);
/* Claims and handles every pending source of this hart. */
void plic_dispatch(struct cpu *c);

/* Generic handler for a claimed source (kernel/irq/irq_source.c). */
void irq_handle(struct cpu *c, uint32_t src);

#endif
