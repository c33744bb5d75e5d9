/*
 * sigaction.c - signal actions: sigaction, signal, siginterrupt, and the
 * System V style sighold/sigrelse/sigignore/sigpause; sigaltstack.
 *
 * Actions are per process and kept by the kernel (SignalAction); a handler
 * always runs through __signalstub (stub.c). Interrupted calls are not
 * restarted (QNX does not support SA_RESTART): they fail with EINTR.
 */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/neutrino.h>
#include "signal_impl.h"

/*
 * Examines and/or changes the action of sig. Returns 0, or -1 with EINVAL
 * (bad signal, SIGKILL/SIGSTOP with anything but SIG_DFL) or EFAULT.
 */
int sigaction(int sig, const struct sigaction *restrict act, struct sigaction *restrict oact)
{
	return __qsoe_sigret(SignalAction_r(0, QSOE_SIGSTUB, sig, act, oact));
}

/* ISO C signal(): installs handler (no flags). Returns the old one or SIG_ERR. */
void (*signal(int sig, void (*handler)(int)))(int)
{
	struct sigaction sa, old;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = handler;
	if (sigaction(sig, &sa, &old) < 0)
		return SIG_ERR;
	return old.sa_handler;
}

/*
 * siginterrupt(sig, flag): flag != 0 makes calls interrupted by sig fail
 * with EINTR, which is what QSOE always does; flag == 0 records
 * SA_RESTART, which is accepted but has no effect (documented).
 */
int siginterrupt(int sig, int flag)
{
	struct sigaction sa;

	if (sigaction(sig, NULL, &sa) < 0)
		return -1;
	if (flag)
		sa.sa_flags &= ~SA_RESTART;
	else
		sa.sa_flags |= SA_RESTART;
	return sigaction(sig, &sa, NULL);
}

/* Changes the calling thread's mask by one signal. */
static int mask_one(int how, int sig)
{
	sigset_t s;

	sigemptyset(&s);
	if (sigaddset(&s, sig) < 0)
		return -1;
	return sigprocmask(how, &s, NULL);
}

/* Adds sig to the calling thread's mask. */
int sighold(int sig)
{
	return mask_one(SIG_BLOCK, sig);
}

/* Removes sig from the calling thread's mask. */
int sigrelse(int sig)
{
	return mask_one(SIG_UNBLOCK, sig);
}

/* Sets the action of sig to SIG_IGN. */
int sigignore(int sig)
{
	return signal(sig, SIG_IGN) == SIG_ERR ? -1 : 0;
}

/* Removes sig from the mask and waits for a signal; always -1 with EINTR (or EINVAL). */
int sigpause(int sig)
{
	sigset_t s;

	if (sigprocmask(SIG_BLOCK, NULL, &s) < 0 || sigdelset(&s, sig) < 0)
		return -1;
	return sigsuspend(&s);
}

/*
 * sigaltstack: QNX has no alternate signal stacks, nor does QSOE. Asking
 * reports a disabled one; disabling is accepted; installing one fails with
 * ENOTSUP (handlers run on the interrupted stack).
 */
int sigaltstack(const stack_t *restrict ss, stack_t *restrict oss)
{
	if (ss && !(ss->ss_flags & SS_DISABLE)) {
		errno = ss->ss_flags & ~SS_DISABLE ? EINVAL : ENOTSUP;
		return -1;
	}
	if (oss) {
		memset(oss, 0, sizeof(*oss));
		oss->ss_flags = SS_DISABLE;
	}
	return 0;
}
