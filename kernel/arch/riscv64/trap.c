/*
 * trap.c - what happens after trap.S has saved the registers.
 */
#include <skimmer/cpu.h>
#include <skimmer/kcall.h>
#include <skimmer/printk.h>
#include <skimmer/proc.h>
#include <skimmer/sched.h>
#include <skimmer/signal.h>
#include <skimmer/thread.h>
#include <skimmer/vm.h>
#include <qsoe/abi/signal.h>
#include <arch/arch.h>

extern char __usercopy_start[], __usercopy_end[], __usercopy_fault[];

void intr_dispatch(struct cpu *c, uint64_t cause);

static const char *exc_name(uint64_t cause)
{
	switch (cause) {
	case EXC_INST_MISALIGNED:
		return "misaligned instruction fetch";
	case EXC_INST_ACCESS:
		return "instruction access fault";
	case EXC_ILLEGAL_INST:
		return "illegal instruction";
	case EXC_BREAKPOINT:
		return "breakpoint";
	case EXC_LOAD_MISALIGNED:
		return "misaligned load";
	case EXC_LOAD_ACCESS:
		return "load access fault";
	case EXC_STORE_MISALIGNED:
		return "misaligned store";
	case EXC_STORE_ACCESS:
		return "store access fault";
	case EXC_ECALL_U:
		return "ecall from U-mode";
	case EXC_INST_PAGE_FAULT:
		return "instruction page fault";
	case EXC_LOAD_PAGE_FAULT:
		return "load page fault";
	case EXC_STORE_PAGE_FAULT:
		return "store page fault";
	default:
		return "unknown exception";
	}
}

/* The POSIX signal a user exception maps to. */
static int exc_signal(uint64_t cause)
{
	switch (cause) {
	case EXC_ILLEGAL_INST:
		return SIGILL;
	case EXC_BREAKPOINT:
		return SIGTRAP;
	case EXC_INST_MISALIGNED:
	case EXC_LOAD_MISALIGNED:
	case EXC_STORE_MISALIGNED:
		return SIGBUS;
	default:
		return SIGSEGV;
	}
}

/* The si_code of a user exception (SEGV_MAPERR vs SEGV_ACCERR asks the VM). */
static int exc_code(struct thread *t, uint64_t cause, uint64_t tval)
{
	paddr_t pa;
	size_t contig;

	switch (cause) {
	case EXC_ILLEGAL_INST:
		return ILL_ILLOPC;
	case EXC_BREAKPOINT:
		return TRAP_BRKPT;
	case EXC_INST_MISALIGNED:
	case EXC_LOAD_MISALIGNED:
	case EXC_STORE_MISALIGNED:
		return BUS_ADRALN;
	case EXC_INST_PAGE_FAULT:
	case EXC_LOAD_PAGE_FAULT:
	case EXC_STORE_PAGE_FAULT:
		return vm_phys(t->proc->as, tval, &pa, &contig) == 0 ? SEGV_ACCERR : SEGV_MAPERR;
	default:
		return SEGV_ACCERR;
	}
}

/*
 * Entry from user mode (trap.S). tf is the current thread's trapframe.
 * Handles the cause, then leaves through the scheduler.
 */
__noreturn void trap_user(struct trapframe *tf, uint64_t cause, uint64_t tval)
{
	struct cpu *c = this_cpu();
	struct thread *t = c->cur;

	if (t)
		t->run_ticks += arch_now() - t->last_start;
	if (cause & SCAUSE_INTR) {
		intr_dispatch(c, cause & ~SCAUSE_INTR);
	} else if (cause == EXC_ECALL_U) {
		tf->regs[0] += 4;
		kcall_dispatch(t);
	} else if (cause == EXC_ILLEGAL_INST && (tf->sstatus & SSTATUS_FS) == SSTATUS_FS_OFF) {
		/* Probably its first FP instruction: enable FP and retry it. A
		 * non-FP illegal instruction traps again with FP on. */
		arch_fp_first_use(c, t);
	} else {
		/* A handler for it takes the fault; else the process ends (proc_fault). */
		signal_fault(t, exc_name(cause), tval, exc_signal(cause), exc_code(t, cause, tval));
	}
	sched_exit_to_user();
}

/*
 * Entry from kernel mode: only exceptions (the kernel runs with interrupts
 * off). A fault inside the user-copy routines returns -EFAULT to their
 * caller; anything else is a kernel bug.
 */
void trap_kernel(struct trapframe *tf, uint64_t cause, uint64_t tval)
{
	uint64_t pc = tf->regs[0];

	if (!(cause & SCAUSE_INTR) && pc >= (uint64_t)__usercopy_start &&
	    pc < (uint64_t)__usercopy_end &&
	    (cause == EXC_LOAD_PAGE_FAULT || cause == EXC_STORE_PAGE_FAULT ||
	     cause == EXC_LOAD_ACCESS || cause == EXC_STORE_ACCESS ||
	     cause == EXC_LOAD_MISALIGNED || cause == EXC_STORE_MISALIGNED)) {
		tf->regs[0] = (uint64_t)__usercopy_fault;
		return;
	}
	kprintf("\nkernel trap: %s (scause %#lx) at pc %#lx, tval %#lx\n",
	        (cause & SCAUSE_INTR) ? "unexpected interrupt" : exc_name(cause),
	        (unsigned long)cause, (unsigned long)pc, (unsigned long)tval);
	static const char *const names[32] = {
	        "pc", "ra", "sp", "gp", "tp",  "t0",  "t1", "t2", "s0", "s1", "a0",
	        "a1", "a2", "a3", "a4", "a5",  "a6",  "a7", "s2", "s3", "s4", "s5",
	        "s6", "s7", "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6",
	};
	for (int i = 0; i < 32; i += 4)
		kprintf("  %-3s %016lx  %-3s %016lx  %-3s %016lx  %-3s %016lx\n", names[i],
		        (unsigned long)tf->regs[i], names[i + 1], (unsigned long)tf->regs[i + 1],
		        names[i + 2], (unsigned long)tf->regs[i + 2], names[i + 3],
		        (unsigned long)tf->regs[i + 3]);
	backtrace_from(tf->regs[8], pc);
	panic("kernel fault");
}
