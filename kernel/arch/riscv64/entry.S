/*
 * entry.S - trap entry and exit.
 *
 * While a hart runs user code, sscratch holds its struct cpu pointer; while
 * it runs the kernel, sscratch is 0 and tp holds the struct cpu pointer.
 *
 * From user: the registers go straight into the current thread's trapframe
 * (cpu->tf), then trap_user() runs on the hart's kernel stack. It never
 * returns: it leaves through trap_return() with whichever thread runs next.
 *
 * From kernel (only exceptions: the kernel runs with interrupts off): the
 * registers are saved on the kernel stack and trap_kernel() may redirect
 * the pc (user-copy fault fixup) or panic.
 */
#include <arch/csr.h>
#include <arch/trapframe.h>

#define CPU_SCRATCH 0
#define CPU_TF	    8
#define CPU_KSTACK  16

	.section .text
	.align 4
	.globl trap_entry
trap_entry:
	csrrw	tp, sscratch, tp
	beqz	tp, from_kernel

	/* From user: tp = struct cpu, sscratch = user tp. */
	sd	sp, CPU_SCRATCH(tp)
	ld	sp, CPU_TF(tp)
	sd	x1, 1*8(sp)
	sd	x3, 3*8(sp)
	sd	x5, 5*8(sp)
	sd	x6, 6*8(sp)
	sd	x7, 7*8(sp)
	sd	x8, 8*8(sp)
	sd	x9, 9*8(sp)
	sd	x10, 10*8(sp)
	sd	x11, 11*8(sp)
	sd	x12, 12*8(sp)
	sd	x13, 13*8(sp)
	sd	x14, 14*8(sp)
	sd	x15, 15*8(sp)
	sd	x16, 16*8(sp)
	sd	x17, 17*8(sp)
	sd	x18, 18*8(sp)
	sd	x19, 19*8(sp)
	sd	x20, 20*8(sp)
	sd	x21, 21*8(sp)
	sd	x22, 22*8(sp)
	sd	x23, 23*8(sp)
	sd	x24, 24*8(sp)
	sd	x25, 25*8(sp)
	sd	x26, 26*8(sp)
	sd	x27, 27*8(sp)
	sd	x28, 28*8(sp)
	sd	x29, 29*8(sp)
	sd	x30, 30*8(sp)
	sd	x31, 31*8(sp)
	ld	t0, CPU_SCRATCH(tp)
	sd	t0, 2*8(sp)		/* user sp */
	csrr	t0, sscratch
	sd	t0, 4*8(sp)		/* user tp */
	csrw	sscratch, zero
	csrr	t0, sepc
	sd	t0, TF_PC(sp)
	csrr	t0, sstatus
	sd	t0, TF_SSTATUS(sp)
	mv	a0, sp
	csrr	a1, scause
	csrr	a2, stval
	ld	sp, CPU_KSTACK(tp)
	call	trap_user
	/* trap_user never returns. */
1:	j	1b

from_kernel:
	/* tp = 0, sscratch = kernel tp: swap back. */
	csrrw	tp, sscratch, tp
	addi	sp, sp, -TF_SIZE
	sd	x1, 1*8(sp)
	sd	x3, 3*8(sp)
	sd	x4, 4*8(sp)
	sd	x5, 5*8(sp)
	sd	x6, 6*8(sp)
	sd	x7, 7*8(sp)
	sd	x8, 8*8(sp)
	sd	x9, 9*8(sp)
	sd	x10, 10*8(sp)
	sd	x11, 11*8(sp)
	sd	x12, 12*8(sp)
	sd	x13, 13*8(sp)
	sd	x14, 14*8(sp)
	sd	x15, 15*8(sp)
	sd	x16, 16*8(sp)
	sd	x17, 17*8(sp)
	sd	x18, 18*8(sp)
	sd	x19, 19*8(sp)
	sd	x20, 20*8(sp)
	sd	x21, 21*8(sp)
	sd	x22, 22*8(sp)
	sd	x23, 23*8(sp)
	sd	x24, 24*8(sp)
	sd	x25, 25*8(sp)
	sd	x26, 26*8(sp)
	sd	x27, 27*8(sp)
	sd	x28, 28*8(sp)
	sd	x29, 29*8(sp)
	sd	x30, 30*8(sp)
	sd	x31, 31*8(sp)
	addi	t0, sp, TF_SIZE
	sd	t0, 2*8(sp)
	csrr	t0, sepc
	sd	t0, TF_PC(sp)
	csrr	t0, sstatus
	sd	t0, TF_SSTATUS(sp)
	mv	a0, sp
	csrr	a1, scause
	csrr	a2, stval
	call	trap_kernel
	ld	t0, TF_PC(sp)
	csrw	sepc, t0
	ld	t0, TF_SSTATUS(sp)
	csrw	sstatus, t0
	ld	x1, 1*8(sp)
	ld	x3, 3*8(sp)
	ld	x5, 5*8(sp)
	ld	x6, 6*8(sp)
	ld	x7, 7*8(sp)
	ld	x8, 8*8(sp)
	ld	x9, 9*8(sp)
	ld	x10, 10*8(sp)
	ld	x11, 11*8(sp)
	ld	x12, 12*8(sp)
	ld	x13, 13*8(sp)
	ld	x14, 14*8(sp)
	ld	x15, 15*8(sp)
	ld	x16, 16*8(sp)
	ld	x17, 17*8(sp)
	ld	x18, 18*8(sp)
	ld	x19, 19*8(sp)
	ld	x20, 20*8(sp)
	ld	x21, 21*8(sp)
	ld	x22, 22*8(sp)
	ld	x23, 23*8(sp)
	ld	x24, 24*8(sp)
	ld	x25, 25*8(sp)
	ld	x26, 26*8(sp)
	ld	x27, 27*8(sp)
	ld	x28, 28*8(sp)
	ld	x29, 29*8(sp)
	ld	x30, 30*8(sp)
	ld	x31, 31*8(sp)
	addi	sp, sp, TF_SIZE
	sret

/*
 * trap_return(struct trapframe *tf, unsigned long sstatus)
 * Restores a thread's user registers and enters user mode. tp must hold
 * the struct cpu pointer; 'sstatus' is the full value to install (SPP=0,
 * SPIE=1, SIE=0, the thread's FS).
 */
	.globl trap_return
trap_return:
	csrw	sscratch, tp
	csrw	sstatus, a1
	ld	t0, TF_PC(a0)
	csrw	sepc, t0
	ld	x1, 1*8(a0)
	ld	x2, 2*8(a0)
	ld	x3, 3*8(a0)
	ld	x4, 4*8(a0)
	ld	x5, 5*8(a0)
	ld	x6, 6*8(a0)
	ld	x7, 7*8(a0)
	ld	x8, 8*8(a0)
	ld	x9, 9*8(a0)
	ld	x11, 11*8(a0)
	ld	x12, 12*8(a0)
	ld	x13, 13*8(a0)
	ld	x14, 14*8(a0)
	ld	x15, 15*8(a0)
	ld	x16, 16*8(a0)
	ld	x17, 17*8(a0)
	ld	x18, 18*8(a0)
	ld	x19, 19*8(a0)
	ld	x20, 20*8(a0)
	ld	x21, 21*8(a0)
	ld	x22, 22*8(a0)
	ld	x23, 23*8(a0)
	ld	x24, 24*8(a0)
	ld	x25, 25*8(a0)
	ld	x26, 26*8(a0)
	ld	x27, 27*8(a0)
	ld	x28, 28*8(a0)
	ld	x29, 29*8(a0)
	ld	x30, 30*8(a0)
	ld	x31, 31*8(a0)
	ld	x10, 10*8(a0)
	sret

/*
 * run_on_stack(void (*fn)(void), uintptr_t sp): switches to a fresh stack
 * and calls fn, which must not return. Used to reset the kernel stack
 * before the scheduler picks the next thread.
 */
	.globl run_on_stack
run_on_stack:
	mv	sp, a1
	jr	a0
