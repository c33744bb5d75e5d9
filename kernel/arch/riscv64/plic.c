/*
 * plic.c - the RISC-V Platform-Level Interrupt Controller (PLIC spec 1.0).
 *
 * Each hart has one S-mode context (from the devicetree). A source is
 * enabled on exactly one context: the hart of the thread that attached to
 * it (kernel/irq decides). Claim and complete happen on the hart that took
 * the interrupt. A source's priority (0 = masked, 1 = live) is set only
 * through plic_set_priority(), which is how kernel/irq masks a source on
 * every hart at once.
 */
#include <skimmer/cpu.h>
#include <skimmer/platform.h>
#include <skimmer/printk.h>
#include <skimmer/spinlock.h>
#include <arch/arch.h>
#include <arch/plic.h>

#define PLIC_PRIORITY(src)  (4 * (src))
#define PLIC_ENABLE(ctx)    (0x2000 + 0x80 * (ctx))
#define PLIC_THRESHOLD(ctx) (0x200000 + 0x1000 * (ctx))
#define PLIC_CLAIM(ctx)     (0x200004 + 0x1000 * (ctx))

static volatile uint8_t *plic;
static spinlock_t enable_lock = SPINLOCK_INIT; /* enable words are read-modify-written */

static inline volatile uint32_t *reg(uint64_t off)
{
	return (volatile uint32_t *)(plic + off);
}

static int ctx_of(struct cpu *c)
{
	return plat.cpus[c->id].plic_ctx;
}

void plic_init(void)
{
	if (!plat.has_plic)
		return;
	plic = pa_to_kva(plat.plic_base);
	for (uint32_t src = 1; src <= plat.plic_ndev; src++)
		*reg(PLIC_PRIORITY(src)) = 0;
}

void plic_init_cpu(struct cpu *c)
{
	int ctx = ctx_of(c);

	if (!plic || ctx < 0)
		return;
	for (uint32_t w = 0; w <= plat.plic_ndev / 32; w++)
		*reg(PLIC_ENABLE(ctx) + 4 * w) = 0;
	*reg(PLIC_THRESHOLD(ctx)) = 0;
}

bool plic_valid(uint32_t src)
{
	return plic && src >= 1 && src <= plat.plic_ndev;
}

void plic_route(uint32_t src, struct cpu *c, bool on)
{
	int ctx = ctx_of(c);

	if (!plic_valid(src) || ctx < 0)
		return;
	volatile uint32_t *en = reg(PLIC_ENABLE(ctx) + 4 * (src / 32));
	spin_lock(&enable_lock);
	if (on)
		*en |= 1u << (src % 32);
	else
		*en &= ~(1u << (src % 32));
	spin_unlock(&enable_lock);
}

void plic_set_priority(uint32_t src, uint32_t prio)
{
	if (plic_valid(src))
		*reg(PLIC_PRIORITY(src)) = prio;
}

void plic_dispatch(struct cpu *c)
{
	int ctx = ctx_of(c);

	if (!plic || ctx < 0)
		return;
	for (;;) {
		uint32_t src = *reg(PLIC_CLAIM(ctx));
		if (src == 0)
			break;
		irq_handle(c, src);
		*reg(PLIC_CLAIM(ctx)) = src;
	}
}
