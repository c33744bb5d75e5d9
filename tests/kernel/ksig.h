/*
 * ksig.h - helpers shared by the signal kernel tests (ktest_signal,
 * ktest_sigblock, ktest_sigfault, ktest_sigpeer): a signal trampoline,
 * 64-bit signal sets, installing handlers, masks, a log of handler runs,
 * thread states, and a minimal setjmp/longjmp (kernel tests have no C
 * library).
 */
#ifndef KSIG_H
#define KSIG_H

#include <qsoe/abi/signal.h>
#include <qsoe/abi/ucontext.h>
#include <sys/siginfo.h>
#include "ktsync.h"

#define KS_BIT(s) (1ULL << ((s)-1))

static pid_t ks_pid __attribute__((unused));
static int ks_tid __attribute__((unused));

/*
 * The trampoline (QNX's __signalstub): the kernel enters it with a0 = sp =
 * the _sighandler_info it put on the stack. It calls the handler with
 * (signo, siginfo, ucontext) and hands the frame back with SignalReturn.
 */
__attribute__((unused)) static void ks_stub(struct _sighandler_info *hi)
{
	void (*h)(int, siginfo_t *, void *) =
	        (void (*)(int, siginfo_t *, void *))(uintptr_t)hi->handler;

	h(hi->siginfo.si_signo, &hi->siginfo, hi->context);
	SignalReturn_r(hi);
	kt_printf("%s: FAIL: SignalReturn returned\n", kt_name);
	kt_exit(99);
}
#define KS_STUB ((void (*)(void))ks_stub)

static inline uint64_t ks_bits(const __sigset_t *s)
{
	return (uint64_t)s->__bits[0] | ((uint64_t)s->__bits[1] << 32);
}

static inline __sigset_t ks_set(uint64_t bits)
{
	__sigset_t s;

	s.__bits[0] = (uint32_t)bits;
	s.__bits[1] = (uint32_t)(bits >> 32);
	return s;
}

/* Installs fn for signo with sa_flags and sa_mask. Returns SignalAction's result. */
static inline int ks_action(int signo, void (*fn)(int, siginfo_t *, void *), int flags,
                            uint64_t mask)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = fn;
	sa.sa_flags = flags;
	sa.sa_mask = ks_set(mask);
	return SignalAction_r(0, KS_STUB, signo, &sa, NULL);
}

/* SIG_DFL or SIG_IGN for signo. */
static inline int ks_simple(int signo, void (*h)(int))
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = h;
	return SignalAction_r(0, NULL, signo, &sa, NULL);
}

/* The calling thread's mask (SignalProcmask with no set). */
static inline uint64_t ks_mask(void)
{
	__sigset_t o = ks_set(0);

	SignalProcmask_r(0, 0, SIG_BLOCK, NULL, &o);
	return ks_bits(&o);
}

/* Signals pending for the calling thread or its process. */
static inline uint64_t ks_pending(void)
{
	__sigset_t o = ks_set(0);

	SignalProcmask_r(0, 0, SIG_PENDING, NULL, &o);
	return ks_bits(&o);
}

static inline int ks_procmask(int how, uint64_t set, uint64_t *old)
{
	__sigset_t s = ks_set(set), o = ks_set(0);
	int r = SignalProcmask_r(0, 0, how, &s, &o);

	if (old)
		*old = ks_bits(&o);
	return r;
}

static inline void ks_init(void)
{
	ks_pid = __tls()->__pid;
	ks_tid = __tls()->__tid;
}

/* NULL, without the compiler knowing (for deliberate faults). */
static volatile uintptr_t ks_null __attribute__((unused));
static inline void *bad_pointer(void)
{
	return (void *)ks_null;
}

/* ---- a log of handler runs ---- */

struct ks_rec {
	int signo, code, tid;
	pid_t pid;
	long value;
	void *addr;
	uint64_t mask;    /* blocked mask inside the handler */
	uint64_t uc_mask; /* the mask the frame will restore */
	uint64_t a7;      /* a7 of the interrupted context */
};

#define NREC 64
static struct ks_rec recs[NREC] __attribute__((unused));
static volatile int nrec __attribute__((unused));

/* Records what the handler sees, ending with a kernel call (the mask). */
__attribute__((unused)) static void record(int signo, siginfo_t *si, void *ctx)
{
	int i = __atomic_fetch_add(&nrec, 1, __ATOMIC_RELAXED);

	if (i >= NREC)
		return;
	__ucontext_t *uc = ctx;
	struct ks_rec *r = &recs[i];
	r->signo = signo;
	r->code = si->si_code;
	r->tid = __tls()->__tid;
	r->pid = si->si_pid;
	r->value = si->si_value.sival_long;
	r->addr = si->si_addr;
	r->uc_mask = ks_bits(&uc->uc_sigmask);
	r->a7 = uc->uc_mcontext.__gregs[17];
	r->mask = ks_mask(); /* last, so nothing else nests before the record is complete */
}

/* Records signo, value and thread only, with no kernel call inside. */
__attribute__((unused)) static void record_quiet(int signo, siginfo_t *si, void *ctx)
{
	(void)ctx;
	int i = __atomic_fetch_add(&nrec, 1, __ATOMIC_RELAXED);
	if (i < NREC) {
		recs[i].signo = signo;
		recs[i].value = si->si_value.sival_long;
		recs[i].tid = __tls()->__tid;
		recs[i].code = si->si_code;
	}
}

static inline void reset(void)
{
	memset(recs, 0, sizeof(recs));
	nrec = 0;
}

/* ---- threads ---- */

/* The STATE_* of thread tid of this process, or -1. */
static inline int ks_state(int tid)
{
	struct proc_thread_info ti[32];
	long n = ProcInfo_r(0, NULL, ti, 32);

	for (long i = 0; i < n && i < 32; i++)
		if (ti[i].tid == tid)
			return ti[i].state;
	return -1;
}

/* ---- setjmp / longjmp: ra, sp, s0..s11 ---- */

struct ks_jmp {
	uint64_t r[14];
};
int ks_setjmp(struct ks_jmp *j) __attribute__((returns_twice));
__attribute__((noreturn)) void ks_longjmp(struct ks_jmp *j, int v);
__asm__(".text\n"
        ".globl ks_setjmp\n"
        "ks_setjmp:\n"
        "  sd ra, 0(a0)\n  sd sp, 8(a0)\n  sd s0, 16(a0)\n  sd s1, 24(a0)\n"
        "  sd s2, 32(a0)\n  sd s3, 40(a0)\n  sd s4, 48(a0)\n  sd s5, 56(a0)\n"
        "  sd s6, 64(a0)\n  sd s7, 72(a0)\n  sd s8, 80(a0)\n  sd s9, 88(a0)\n"
        "  sd s10, 96(a0)\n  sd s11, 104(a0)\n  li a0, 0\n  ret\n"
        ".globl ks_longjmp\n"
        "ks_longjmp:\n"
        "  ld ra, 0(a0)\n  ld sp, 8(a0)\n  ld s0, 16(a0)\n  ld s1, 24(a0)\n"
        "  ld s2, 32(a0)\n  ld s3, 40(a0)\n  ld s4, 48(a0)\n  ld s5, 56(a0)\n"
        "  ld s6, 64(a0)\n  ld s7, 72(a0)\n  ld s8, 80(a0)\n  ld s9, 88(a0)\n"
        "  ld s10, 96(a0)\n  ld s11, 104(a0)\n  mv a0, a1\n  ret\n");

#endif
