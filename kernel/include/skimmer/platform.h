/*
 * platform.h - what the devicetree told us about the machine.
 *
 * Filled once at boot by platform_parse() from the DTB the firmware
 * passed; read-only afterwards. Limits (documented in docs/boot.md):
 * MAX_ZONES memory banks, PLAT_MAX_RESV reserved ranges, MAX_CPUS harts;
 * anything beyond is reported on the console and left unused.
 */
#ifndef SKIMMER_PLATFORM_H
#define SKIMMER_PLATFORM_H

#include <skimmer/cpu.h>
#include <skimmer/pmm.h>

#define PLAT_MAX_RESV 128

struct mem_range {
	paddr_t base;
	uint64_t size;
};

struct plat_cpu {
	unsigned long hartid;
	uint32_t intc_phandle; /* the hart's local interrupt controller */
	int plic_ctx;          /* PLIC context for S-mode external interrupts, -1 if none */
};

struct platform {
	struct mem_range mem[MAX_ZONES];
	unsigned nmem;
	struct mem_range resv[PLAT_MAX_RESV];
	unsigned nresv;
	struct plat_cpu cpus[MAX_CPUS];
	unsigned ncpus;
	uint64_t timebase_hz;
	bool has_sstc; /* every usable hart has Sstc: S-mode programs stimecmp itself */

	bool has_uart;
	paddr_t uart_base;
	uint32_t uart_shift, uart_width, uart_irq;

	bool has_plic;
	paddr_t plic_base;
	uint64_t plic_size;
	uint32_t plic_ndev;

	bool has_test;
	paddr_t test_base; /* sifive,test0: exit-status device */

	paddr_t initrd_start, initrd_end;
	char bootargs[512];

	paddr_t fdt_pa;
	uint32_t fdt_size;
	const void *fdt; /* kernel VA of the blob */
};

extern struct platform plat;

/* Parses the DTB at physical address dtb_pa. Returns 0 or a negative FDT error. */
int platform_parse(paddr_t dtb_pa);

#endif
