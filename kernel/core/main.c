/*
 * main.c - Skimmer's boot sequence on the boot hart.
 *
 * head.S has mapped the kernel and jumped here with the hart id, the
 * devicetree's physical address and the physical load address. The order:
 * console, devicetree, clocks, physical memory, kernel page table, object
 * allocators, harts, interrupt controller, the first process, the other
 * harts, and finally the scheduler.
 */
#include <skimmer/clock.h>
#include <skimmer/cpu.h>
#include <skimmer/kmem.h>
#include <skimmer/kstring.h>
#include <skimmer/platform.h>
#include <skimmer/pmm.h>
#include <skimmer/printk.h>
#include <skimmer/proc.h>
#include <skimmer/sched.h>
#include <skimmer/sync.h>
#include <arch/arch.h>
#include <arch/mmu.h>
#include <arch/plic.h>
#include <arch/sbi.h>
#include <arch/uart.h>
#include "fdt.h"

#ifndef SKIMMER_VERSION
#define SKIMMER_VERSION "unknown"
#endif

extern char _kernel_start[], _kernel_end[];
extern bool kcall_trace;

struct cpu *cpus[MAX_CPUS];
unsigned ncpu;
paddr_t kernel_load_pa;

size_t pmm_init(paddr_t kernel_pa, size_t kernel_size);
void thread_init(void);
int boot_start_taskman(void);
int arch_cpu_alloc_stack(struct cpu *c);

/* True if the whitespace-separated bootargs contain the word w. */
static bool bootarg(const char *w)
{
	size_t n = strlen(w);

	for (const char *p = plat.bootargs; *p;) {
		while (*p == ' ')
			p++;
		if (strncmp(p, w, n) == 0 && (p[n] == ' ' || p[n] == '\0'))
			return true;
		while (*p && *p != ' ')
			p++;
	}
	return false;
}

/* Creates the struct cpu of every usable hart; returns the boot hart's. */
static struct cpu *cpus_init(unsigned long boot_hartid)
{
	struct cpu *boot = NULL;

	for (unsigned i = 0; i < plat.ncpus; i++) {
		struct cpu *c = kmalloc(sizeof(struct cpu));
		if (c == NULL || arch_cpu_alloc_stack(c) < 0)
			panic("cpus: out of memory at boot");
		c->id = i;
		c->hartid = plat.cpus[i].hartid;
		sched_init_cpu(c);
		cpus[i] = c;
		if (c->hartid == boot_hartid)
			boot = c;
	}
	ncpu = plat.ncpus;
	if (boot == NULL) {
		/* The devicetree does not list the hart we run on: add it. */
		kprintf("cpus: boot hart %lu missing from the devicetree; adding it\n",
		        boot_hartid);
		if (ncpu == MAX_CPUS)
			panic("cpus: no room for the boot hart");
		boot = kmalloc(sizeof(struct cpu));
		if (boot == NULL || arch_cpu_alloc_stack(boot) < 0)
			panic("cpus: out of memory at boot");
		boot->id = ncpu;
		boot->hartid = boot_hartid;
		plat.cpus[ncpu].hartid = boot_hartid;
		plat.cpus[ncpu].plic_ctx = -1;
		sched_init_cpu(boot);
		cpus[ncpu++] = boot;
	}
	return boot;
}

__noreturn void kmain(unsigned long hartid, paddr_t dtb_pa, paddr_t load_pa)
{
	kernel_load_pa = load_pa;
	console_set_putc(sbi_console_putchar);
	kprintf("\nSkimmer %s (QSOE/N) on hart %lu\n", SKIMMER_VERSION, hartid);

	int r = platform_parse(dtb_pa);
	if (r < 0) {
		kprintf("boot: no usable devicetree at %#lx: %s\n", (unsigned long)dtb_pa,
		        fdt_strerror(r));
		arch_poweroff(3);
	}
	uart_console_init();
	if (plat.nmem == 0) {
		kprintf("boot: the devicetree describes no memory\n");
		arch_poweroff(3);
	}
	if (plat.timebase_hz == 0) {
		kprintf("fdt: no timebase-frequency; assuming 10 MHz\n");
		plat.timebase_hz = 10000000;
	}
	clock_init(plat.timebase_hz);

	size_t kernel_size = (size_t)(_kernel_end - _kernel_start);
	size_t nfree = pmm_init(load_pa, kernel_size);
	kprintf("memory: %zu MiB in %u bank(s), %zu MiB free, %u reserved range(s)\n",
	        (pmm_total_pages() * PAGE_SIZE) >> 20, plat.nmem, (nfree * PAGE_SIZE) >> 20,
	        plat.nresv);
	mmu_init_kernel(load_pa);
	kmem_init();
	thread_init();
	proc_init();
	sync_init();

	struct cpu *boot = cpus_init(hartid);
	arch_cpu_init(boot);
	boot->online = true;
	plic_init();
	plic_init_cpu(boot);
	kcall_trace = bootarg("skimmer.trace");
	kprintf("cpus: %u hart(s), timebase %lu Hz, boot hart is cpu %u\n", ncpu,
	        (unsigned long)timebase_hz, boot->id);

	if (boot_start_taskman() < 0) {
		kprintf("boot: cannot start the first process; powering off\n");
		arch_poweroff(5);
	}
	unsigned up = arch_start_secondaries();
	kprintf("smp: %u of %u hart(s) online\n", up + 1, ncpu);
	sched_start();
}
