/*
 * sigmask.c - the blocked mask and pending signals: sigprocmask,
 * pthread_sigmask, sigpending, sigsuspend, pause (SignalProcmask and
 * SignalSuspend on the calling thread). SIGKILL, SIGSTOP and SIGCONT can
 * never be blocked; the kernel drops them from any mask.
 */
#include <errno.h>
#include <signal.h>
#include <unistd.h>
#include <sys/neutrino.h>
#include "signal_impl.h"

/*
 * Changes (how: SIG_BLOCK, SIG_UNBLOCK, SIG_SETMASK) and/or reports the
 * calling thread's mask. Signals it unblocks that are pending are acted on
 * before it returns. Returns 0, or -1 with EINVAL/EFAULT.
 */
int sigprocmask(int how, const sigset_t *restrict set, sigset_t *restrict oset)
{
	if (set && how != SIG_BLOCK && how != SIG_UNBLOCK && how != SIG_SETMASK) {
		errno = EINVAL;
		return -1;
	}
	return __qsoe_sigret(SignalProcmask_r(0, 0, set ? how : SIG_BLOCK, set, oset));
}

/* As sigprocmask, but returns the error number (0 on success). */
int pthread_sigmask(int how, const sigset_t *restrict set, sigset_t *restrict oset)
{
	if (set && how != SIG_BLOCK && how != SIG_UNBLOCK && how != SIG_SETMASK)
		return EINVAL;
	int r = SignalProcmask_r(0, 0, set ? how : SIG_BLOCK, set, oset);
	return r < 0 ? -r : 0;
}

/* The signals pending for the calling thread or its process. */
int sigpending(sigset_t *set)
{
	return __qsoe_sigret(SignalProcmask_r(0, 0, SIG_PENDING, NULL, set));
}

/*
 * Waits with the mask replaced by *mask until a signal is acted on; the
 * old mask is back when it returns. Always -1: EINTR (or EFAULT).
 */
int sigsuspend(const sigset_t *mask)
{
	return __qsoe_sigret(SignalSuspend_r(mask));
}

/* Waits until a signal handler has run (or the process ends). Always -1 with EINTR. */
int pause(void)
{
	sigset_t cur;

	if (sigprocmask(SIG_BLOCK, NULL, &cur) < 0)
		return -1;
	return sigsuspend(&cur);
}
