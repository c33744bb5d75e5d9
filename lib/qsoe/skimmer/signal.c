/*
 * signal.c - SignalAction() on Skimmer: written by hand because its
 * sigstub argument is a function pointer (abi/kcalls.def [nostub]); the
 * other Signal* calls are generated stubs.
 */
#include <errno.h>
#include <sys/neutrino.h>
#include "kcall_numbers.h"
#include "kcall_raw.h"

/* Examines and/or sets the action of signo in process pid (0: the caller). */
int SignalAction_r(pid_t pid, void (*sigstub)(void), int signo, const struct sigaction *act,
                   struct sigaction *oact)
{
	return (int)__kcall5(__KER_SIGNAL_ACTION, pid, (long)sigstub, signo, (long)act, (long)oact);
}

/* As SignalAction_r(), but -1 with errno set on failure. */
int SignalAction(pid_t pid, void (*sigstub)(void), int signo, const struct sigaction *act,
                 struct sigaction *oact)
{
	int r = SignalAction_r(pid, sigstub, signo, act, oact);

	if (r < 0) {
		errno = -r;
		return -1;
	}
	return r;
}
