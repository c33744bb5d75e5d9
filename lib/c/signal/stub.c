/*
 * stub.c - __signalstub, the trampoline every handler is entered through
 * (QNX's name; sigaction passes it to SignalAction).
 *
 * The kernel delivers a signal by building a frame on the thread's stack
 * (the interrupted registers and signal mask in a ucontext_t, then a
 * struct _sighandler_info) and starting this function with a0 and sp
 * pointing at the _sighandler_info. It calls the handler with (signo,
 * &siginfo, &ucontext), keeps errno as the interrupted code had it, and
 * gives the frame back with SignalReturn(), which resumes the interrupted
 * code (or whatever the handler wrote into the ucontext).
 */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <sys/neutrino.h>
#include "signal_impl.h"

void __signalstub(struct _sighandler_info *hi)
{
	void (*h)(int, siginfo_t *, void *) =
	        (void (*)(int, siginfo_t *, void *))(uintptr_t)hi->handler;
	int saved = errno;

	h(hi->siginfo.si_signo, &hi->siginfo, hi->context);
	errno = saved;
	SignalReturn(hi);
	/* Only a frame the handler destroyed comes back here: the kernel has queued SIGSEGV. */
	for (;;)
		SignalReturn(hi);
}
