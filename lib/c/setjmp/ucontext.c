/*
 * ucontext.c - setcontext, swapcontext and makecontext (POSIX.1-2001
 * XSI, still what coroutine libraries use) over getcontext and the
 * register loader in riscv64/ucontext.S.
 */
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <ucontext.h>

void __qsoe_ctx_load(const mcontext_t *m) __attribute__((noreturn, visibility("hidden")));
void __qsoe_ctx_start(void) __attribute__((visibility("hidden")));

/* Resumes ucp (its signal mask, then its registers); returns only on error (-1). */
int setcontext(const ucontext_t *ucp)
{
	if (sigprocmask(SIG_SETMASK, &ucp->uc_sigmask, NULL) < 0)
		return -1;
	__qsoe_ctx_load(&ucp->uc_mcontext);
}

/*
 * Saves the current context in oucp and resumes ucp; returns 0 when oucp
 * is resumed later, or -1 with errno.
 */
int swapcontext(ucontext_t *__restrict oucp, const ucontext_t *__restrict ucp)
{
	volatile int resumed = 0;

	if (getcontext(oucp) < 0)
		return -1;
	if (resumed)
		return 0;
	resumed = 1;
	return setcontext(ucp);
}

/*
 * Makes ucp (filled by getcontext, with uc_stack set by the caller) start
 * func with argc arguments (each an int or a pointer-sized value, read as
 * 64-bit words) on uc_stack. When func returns, uc_link is resumed, or the
 * process exits with status 0 if it is NULL. Arguments beyond eight go on
 * the new stack, as the calling convention wants.
 */
void makecontext(ucontext_t *ucp, void (*func)(void), int argc, ...)
{
	uintptr_t sp = ((uintptr_t)ucp->uc_stack.ss_sp + ucp->uc_stack.ss_size) & ~(uintptr_t)15;
	int extra = argc > 8 ? argc - 8 : 0;
	__uint64_t *g = ucp->uc_mcontext.__gregs;
	va_list ap;

	sp -= ((uintptr_t)extra * 8 + 15) & ~(uintptr_t)15;
	va_start(ap, argc);
	for (int i = 0; i < argc; i++) {
		__uint64_t v = va_arg(ap, __uint64_t);
		if (i < 8)
			g[REG_A0 + i] = v;
		else
			((__uint64_t *)sp)[i - 8] = v;
	}
	va_end(ap);
	g[REG_SP] = sp;
	g[REG_PC] = (uintptr_t)func;
	g[REG_RA] = (uintptr_t)__qsoe_ctx_start;
	g[8] = (uintptr_t)ucp->uc_link; /* s0: read by __qsoe_ctx_start */
}
