/*
 * panic.c - the end of the line for broken kernel invariants.
 *
 * Prints the message and a frame-pointer backtrace, stops the other harts
 * and powers the machine off with exit status 3 (so a test run under QEMU
 * ends at once instead of hanging). User errors never come here.
 */
#include <stdarg.h>
#include <skimmer/cpu.h>
#include <skimmer/printk.h>
#include <arch/arch.h>

volatile int panicking;

void backtrace_from(uintptr_t fp, uintptr_t pc)
{
	kprintf("backtrace:\n  %#lx\n", (unsigned long)pc);
	for (int depth = 0; depth < 32; depth++) {
		if (fp < KERNEL_VBASE || (fp & 7))
			break;
		uintptr_t ra = ((uintptr_t *)fp)[-1];
		uintptr_t prev = ((uintptr_t *)fp)[-2];
		if (ra < KERNEL_VBASE)
			break;
		kprintf("  %#lx\n", (unsigned long)ra);
		if (prev <= fp)
			break;
		fp = prev;
	}
}

void panic(const char *fmt, ...)
{
	va_list ap;
	struct cpu *c = this_cpu();

	if (__atomic_exchange_n(&panicking, 1, __ATOMIC_SEQ_CST)) {
		/* Another hart is already panicking: just stop. */
		for (;;)
			wfi();
	}
	kprintf("\n*** skimmer panic on cpu %u (hart %lu): ", c ? c->id : 0, c ? c->hartid : 0);
	va_start(ap, fmt);
	kvprintf(fmt, ap);
	va_end(ap);
	kprintf("\n");
	backtrace_from((uintptr_t)__builtin_frame_address(0), (uintptr_t)&panic);
	arch_stop_others();
	arch_poweroff(3);
}
