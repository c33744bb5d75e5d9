/*
 * raise.c - sending signals: raise, pthread_kill, sigqueue (SignalKill,
 * kernel-direct; the kernel applies POSIX's permission rules with the
 * credentials taskman gave it). kill/killpg are in lib/c/process/pgrp.c.
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <sys/neutrino.h>
#include <qsoe/abi/tls.h>
#include "signal_impl.h"

/*
 * Sends sig to the calling thread; if it is not blocked, its action is
 * taken before raise returns. Returns 0, or -1 with EINVAL.
 */
int raise(int sig)
{
	struct _thread_local_storage *tls = __tls();

	return __qsoe_sigret(SignalKill_r(ND_LOCAL_NODE, tls->__pid, tls->__tid, sig, SI_USER, 0));
}

/* Sends sig to thread t of this process. Returns 0 or an error number (EINVAL, ESRCH). */
int pthread_kill(pthread_t t, int sig)
{
	if (t <= 0)
		return ESRCH;
	int r = SignalKill_r(ND_LOCAL_NODE, __tls()->__pid, t, sig, SI_USER, 0);
	return r < 0 ? -r : 0;
}

/*
 * Queues sig with value to process pid (si_code SI_QUEUE). Returns 0, or
 * -1 with EAGAIN (the target's queue is full: docs/signals.md), EINVAL,
 * EPERM, ESRCH.
 */
int sigqueue(pid_t pid, int sig, const union sigval value)
{
	if (pid <= 0) {
		errno = ESRCH; /* POSIX: one process only */
		return -1;
	}
	return __qsoe_sigret(SignalKillSigval_r(ND_LOCAL_NODE, pid, 0, sig, SI_QUEUE, &value));
}
