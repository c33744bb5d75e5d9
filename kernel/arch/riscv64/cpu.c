/*
 * cpu.c - per-hart machinery: trap setup, timer, IPIs, idle, entering user
 * mode, FP switching, starting secondary harts, and power control.
 */
#include <skimmer/clock.h>
#include <skimmer/cpu.h>
#include <skimmer/kmem.h>
#include <skimmer/kstring.h>
#include <skimmer/platform.h>
#include <skimmer/pmm.h>
#include <skimmer/printk.h>
#include <skimmer/sched.h>
#include <skimmer/thread.h>
#include <arch/arch.h>
#include <arch/mmu.h>
#include <arch/plic.h>
#include <arch/sbi.h>

#define KSTACK_ORDER 2 /* 16 KiB kernel stack per hart */

extern char trap_entry[], secondary_entry[], _kernel_start[];
extern volatile int panicking;
extern paddr_t kernel_load_pa;

void __fp_save(struct fpstate *fp);
void __fp_restore(const struct fpstate *fp);
__noreturn void trap_return(struct trapframe *tf, unsigned long sstatus);
void intr_dispatch(struct cpu *c, uint64_t cause);

#define CSR_STIMECMP 0x14d

/* Programs this hart's timer comparator (Sstc directly, else through SBI). */
static void timer_program(uint64_t deadline)
{
	if (plat.has_sstc)
		__asm__ volatile("csrw %0, %1" ::"i"(CSR_STIMECMP), "r"(deadline));
	else
		sbi_set_timer(deadline);
}

void arch_cpu_init(struct cpu *c)
{
	__asm__ volatile("mv tp, %0" ::"r"(c));
	csr_write(stvec, (uintptr_t)trap_entry);
	csr_write(sscratch, 0);
	/* User mode may read cycle, time and instret (ClockCycles, benchmarks). */
	csr_write(scounteren, 0x7);
	csr_write(sie, SIE_SSIE | SIE_STIE | SIE_SEIE);
	timer_program(UINT64_MAX);
	c->timer_armed = UINT64_MAX;
}

/*
 * Makes sure the timer fires no later than deadline. A deadline later than
 * the one programmed is left alone: an early interrupt only makes the
 * scheduler look again, which is cheaper than reprogramming on every switch.
 */
void arch_timer_arm(uint64_t deadline)
{
	struct cpu *c = this_cpu();

	if (deadline < c->timer_armed) {
		c->timer_armed = deadline;
		timer_program(deadline);
	}
}

void arch_send_ipi(struct cpu *c)
{
	sbi_send_ipi(1, c->hartid);
}

void intr_dispatch(struct cpu *c, uint64_t cause)
{
	c->n_irqs++;
	if (panicking) {
		for (;;)
			wfi();
	}
	switch (cause) {
	case IRQ_S_SOFT:
		csr_clear(sip, 1UL << IRQ_S_SOFT);
		break;
	case IRQ_S_TIMER:
		/* Clear the pending bit; sched_exit_to_user() re-arms. */
		c->need_resched = true;
		c->timer_armed = UINT64_MAX;
		timer_program(UINT64_MAX);
		ktimer_run_expired(c, arch_now());
		break;
	case IRQ_S_EXT:
		plic_dispatch(c);
		break;
	default:
		kprintf("cpu %u: unexpected interrupt %lu\n", c->id, (unsigned long)cause);
		break;
	}
}

void arch_idle(struct cpu *c)
{
	uint64_t t0 = arch_now();

	wfi();
	c->idle_ticks += arch_now() - t0;
	uint64_t pending = csr_read(sip) & csr_read(sie);
	if (pending & (1UL << IRQ_S_TIMER))
		intr_dispatch(c, IRQ_S_TIMER);
	if (pending & (1UL << IRQ_S_SOFT))
		intr_dispatch(c, IRQ_S_SOFT);
	if (pending & (1UL << IRQ_S_EXT))
		intr_dispatch(c, IRQ_S_EXT);
}

void arch_thread_setup(struct thread *t, uaddr_t pc, uaddr_t sp, uint64_t arg, uaddr_t tls)
{
	memset(&t->tf, 0, sizeof(t->tf));
	memset(&t->fp, 0, sizeof(t->fp));
	t->tf.regs[0] = pc;
	t->tf.regs[REG_SP] = sp;
	t->tf.regs[REG_A0] = arg;
	t->tf.regs[REG_TP] = tls;
	t->tf.sstatus =
	        SSTATUS_FS_OFF; /* enabled at its first FP instruction (arch_fp_first_use) */
}

void arch_fp_switch_regs(struct cpu *c, struct thread *prev, struct thread *next, bool dirty,
                         bool load)
{
	csr_set(sstatus, SSTATUS_FS_DIRTY);
	if (dirty) {
		__fp_save(&prev->fp);
		prev->tf.sstatus = (prev->tf.sstatus & ~SSTATUS_FS) | SSTATUS_FS_CLEAN;
		c->fp_owner = prev;
	}
	if (load) {
		__fp_restore(&next->fp);
		next->tf.sstatus = (next->tf.sstatus & ~SSTATUS_FS) | SSTATUS_FS_CLEAN;
		c->fp_owner = next;
	}
	csr_clear(sstatus, SSTATUS_FS);
}

/*
 * The thread executed its first floating-point instruction (it trapped
 * because its FS was Off): give it a zeroed FP state and let the
 * instruction run again. Threads that never use FP never pay for FP
 * switching.
 */
void arch_fp_first_use(struct cpu *c, struct thread *t)
{
	csr_set(sstatus, SSTATUS_FS_DIRTY);
	__fp_restore(&t->fp);
	csr_clear(sstatus, SSTATUS_FS);
	c->fp_owner = t;
	t->tf.sstatus = (t->tf.sstatus & ~SSTATUS_FS) | SSTATUS_FS_CLEAN;
}

void arch_enter_user(struct cpu *c, struct thread *t)
{
	unsigned long s = csr_read(sstatus);

	s &= ~(SSTATUS_SPP | SSTATUS_SIE | SSTATUS_FS | SSTATUS_SUM);
	s |= SSTATUS_SPIE | (t->tf.sstatus & SSTATUS_FS);
	c->tf = &t->tf;
	t->last_start = arch_now();
	trap_return(&t->tf, s);
}

/* ---- Secondary harts ----------------------------------------------------- */

struct hart_boot {
	uint64_t satp;
	uint64_t stack_top;
	uint64_t cpu;
	uint64_t entry;
};

__noreturn void secondary_main(unsigned long hartid, uint64_t satp)
{
	(void)hartid;
	csr_write(satp, satp);
	sfence_vma_all();
	struct cpu *c = this_cpu();
	arch_cpu_init(c);
	plic_init_cpu(c);
	c->cur_as = NULL;
	__atomic_store_n(&c->online, true, __ATOMIC_RELEASE);
	sched_start();
}

static paddr_t kernel_va_to_pa(const void *va)
{
	return kernel_load_pa + ((uintptr_t)va - (uintptr_t)_kernel_start);
}

unsigned arch_start_secondaries(void)
{
	unsigned up = 0;

	for (unsigned i = 0; i < ncpu; i++) {
		struct cpu *c = cpus[i];
		if (c->online)
			continue;
		paddr_t boot = pmm_alloc_zeroed(0);
		if (!boot) {
			kprintf("smp: no memory to start hart %lu\n", c->hartid);
			continue;
		}
		struct hart_boot *hb = pa_to_kva(boot);
		hb->satp = kernel_satp;
		hb->stack_top = c->kstack_top;
		hb->cpu = (uint64_t)c;
		hb->entry = (uint64_t)secondary_main;
		__atomic_thread_fence(__ATOMIC_SEQ_CST);
		long err = sbi_hart_start(c->hartid, kernel_va_to_pa(secondary_entry), boot);
		if (err) {
			kprintf("smp: hart %lu did not start (SBI error %ld)\n", c->hartid, err);
			pmm_free(boot, 0);
			continue;
		}
		/* Watchdog: 5 s, as emulators on a busy host can be slow. */
		uint64_t deadline = arch_now() + 5 * timebase_hz;
		while (!__atomic_load_n(&c->online, __ATOMIC_ACQUIRE) && arch_now() < deadline)
			;
		if (c->online)
			up++;
		else
			kprintf("smp: hart %lu did not come up within 5 s\n", c->hartid);
		/* The boot page stays: a late hart may still read it. */
	}
	return up;
}

/* Allocates a hart's kernel stack; 0 on success. */
int arch_cpu_alloc_stack(struct cpu *c)
{
	paddr_t pa = pmm_alloc(KSTACK_ORDER);

	if (!pa)
		return -ENOMEM;
	c->kstack_top = (uint64_t)pa_to_kva(pa) + (PAGE_SIZE << KSTACK_ORDER);
	return 0;
}

/* ---- Power ---------------------------------------------------------------- */

#define TEST_PASS  0x5555
#define TEST_FAIL  0x3333
#define TEST_RESET 0x7777

void arch_stop_others(void)
{
	struct cpu *self = this_cpu();

	for (unsigned i = 0; i < ncpu; i++)
		if (cpus[i] && cpus[i] != self && cpus[i]->online)
			sbi_send_ipi(1, cpus[i]->hartid);
}

void arch_poweroff(int status)
{
	/*
	 * A clean power-off goes through SBI SRST. SRST cannot carry an exit
	 * status, so a failure status (a panic, a failed test run) is written
	 * to QEMU's test device, which makes it QEMU's exit code.
	 */
	if (status == 0)
		sbi_system_reset(0, 0);
	if (plat.has_test) {
		volatile uint32_t *t = pa_to_kva(plat.test_base);
		*t = status == 0 ? TEST_PASS : (((uint32_t)status & 0xffff) << 16) | TEST_FAIL;
	}
	sbi_system_reset(0, 1);
	for (;;)
		wfi();
}

void arch_reboot(void)
{
	sbi_system_reset(1, 0); /* SRST cold reboot; the test device if SRST is missing */
	if (plat.has_test) {
		volatile uint32_t *t = pa_to_kva(plat.test_base);
		*t = TEST_RESET;
	}
	for (;;)
		wfi();
}
