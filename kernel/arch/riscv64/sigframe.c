/*
 * sigframe.c - the RISC-V part of signal delivery: the frame a handler
 * runs on, and restoring the interrupted context (SignalReturn).
 *
 * The frame, built on the thread's current user stack (below sp, 16-byte
 * aligned; the RISC-V psABI has no red zone):
 *
 *   higher  ... the interrupted stack
 *           __ucontext_t   the registers, FP state and mask to restore
 *   sp ->   struct _sighandler_info { siginfo, handler, context }
 *
 * and the thread enters the process's trampoline (SignalAction's sigstub)
 * with sp and a0 pointing at the _sighandler_info, a1 = the handler. The
 * trampoline calls handler(signo, &info->siginfo, info->context) and then
 * SignalReturn(info).
 */
#include <skimmer/cpu.h>
#include <skimmer/kstring.h>
#include <skimmer/signal.h>
#include <skimmer/thread.h>
#include <skimmer/uaccess.h>
#include <qsoe/abi/neutrino.h>
#include <qsoe/abi/ucontext.h>
#include <arch/arch.h>

void __fp_save(struct fpstate *fp);
void __fp_restore(const struct fpstate *fp);

_Static_assert(sizeof(__ucontext_t) == 560, "ucontext layout (docs/abi.md)");
_Static_assert(sizeof(struct _sighandler_info) == 64, "_sighandler_info layout");

/* Makes t->fp current: saves the hardware registers if t dirtied them. t is running here. */
static void fp_sync(struct cpu *c, struct thread *t)
{
	if ((t->tf.sstatus & SSTATUS_FS) != SSTATUS_FS_DIRTY)
		return;
	csr_set(sstatus, SSTATUS_FS_DIRTY);
	__fp_save(&t->fp);
	csr_clear(sstatus, SSTATUS_FS);
	t->tf.sstatus = (t->tf.sstatus & ~SSTATUS_FS) | SSTATUS_FS_CLEAN;
	c->fp_owner = t;
}

/* Loads t->fp into the hardware for t, which runs here next. */
static void fp_load(struct cpu *c, struct thread *t)
{
	csr_set(sstatus, SSTATUS_FS_DIRTY);
	__fp_restore(&t->fp);
	csr_clear(sstatus, SSTATUS_FS);
	t->tf.sstatus = (t->tf.sstatus & ~SSTATUS_FS) | SSTATUS_FS_CLEAN;
	c->fp_owner = t;
}

static void set_sigset(__sigset_t *d, ksigset_t s)
{
	d->__bits[0] = (uint32_t)s;
	d->__bits[1] = (uint32_t)(s >> 32);
}

static ksigset_t get_sigset(const __sigset_t *s)
{
	return (ksigset_t)s->__bits[0] | ((ksigset_t)s->__bits[1] << 32);
}

/*
 * Builds a handler frame for t (the current thread of this hart, its
 * address space active) and points t's registers at the trampoline.
 * 'oldmask' is the mask SignalReturn will restore. Returns false if the
 * frame cannot be written (bad or exhausted stack); t is then unchanged.
 */
bool arch_signal_frame(struct thread *t, uaddr_t stub, uaddr_t handler, const __siginfo_t *info,
                       ksigset_t oldmask)
{
	struct cpu *c = this_cpu();
	__ucontext_t uc;
	struct _sighandler_info hi;

	fp_sync(c, t);
	memset(&uc, 0, sizeof(uc));
	set_sigset(&uc.uc_sigmask, oldmask);
	uc.uc_stack.ss_flags = SS_DISABLE;
	for (int i = 0; i < 32; i++) {
		uc.uc_mcontext.__gregs[i] = t->tf.regs[i];
		uc.uc_mcontext.__fpregs[i] = t->fp.f[i];
	}
	uc.uc_mcontext.__fcsr = (uint32_t)t->fp.fcsr;

	uaddr_t sp = ALIGN_DOWN((uaddr_t)t->tf.regs[REG_SP], 16);
	uaddr_t uc_addr = ALIGN_DOWN(sp - sizeof(uc), 16);
	uaddr_t hi_addr = ALIGN_DOWN(uc_addr - sizeof(hi), 16);
	if (sp < 4096 || hi_addr > sp || !user_range_ok(hi_addr, sp - hi_addr))
		return false;
	memset(&hi, 0, sizeof(hi));
	hi.siginfo = *info;
	hi.handler = (void (*)(int))handler;
	hi.context = (void *)uc_addr;
	if (copyout(uc_addr, &uc, sizeof(uc)) < 0 || copyout(hi_addr, &hi, sizeof(hi)) < 0)
		return false;

	t->tf.regs[0] = stub;
	t->tf.regs[REG_SP] = hi_addr;
	t->tf.regs[REG_A0] = hi_addr;
	t->tf.regs[REG_A1] = handler;
	t->tf.regs[REG_RA] = 0;
	return true;
}

/*
 * SignalReturn: restores t's registers, FP state and (into *mask) the
 * signal mask from the frame whose _sighandler_info is at info_u. Nothing
 * changes unless the whole frame can be read. Returns 0 with the restored
 * a0 (the kernel-call result register) in *a0, or -EFAULT.
 */
int arch_signal_return(struct thread *t, uaddr_t info_u, ksigset_t *mask, long *a0)
{
	struct _sighandler_info hi;
	__ucontext_t uc;

	if (copyin(&hi, info_u, sizeof(hi)) < 0)
		return -EFAULT;
	if (copyin(&uc, (uaddr_t)hi.context, sizeof(uc)) < 0)
		return -EFAULT;
	for (int i = 0; i < 32; i++) {
		t->tf.regs[i] = uc.uc_mcontext.__gregs[i];
		t->fp.f[i] = uc.uc_mcontext.__fpregs[i];
	}
	t->fp.fcsr = uc.uc_mcontext.__fcsr & 0xff; /* frm and fflags only */
	/* FP still off (never used): its first use loads t->fp (arch_fp_first_use). */
	if ((t->tf.sstatus & SSTATUS_FS) != SSTATUS_FS_OFF)
		fp_load(this_cpu(), t);
	*mask = get_sigset(&uc.uc_sigmask);
	*a0 = (long)t->tf.regs[REG_A0];
	return 0;
}
