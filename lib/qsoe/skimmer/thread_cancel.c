/*
 * thread_cancel.c - ThreadCancel() on Skimmer: written by hand because its
 * canstub argument is a function pointer (abi/kcalls.def [nostub]).
 */
#include <errno.h>
#include <sys/neutrino.h>
#include "kcall_numbers.h"
#include "kcall_raw.h"

/*
 * Asks thread tid of the caller's process (0: the caller) to cancel: once
 * its cancelability allows (TLS __flags, _QSOE_TLS_CANCEL_*), it resumes at
 * canstub, which must end it. Returns 0, or -EINVAL (no canstub), -ESRCH.
 */
int ThreadCancel_r(int tid, void (*canstub)(void))
{
	return (int)__kcall2(__KER_THREAD_CANCEL, tid, (long)canstub);
}

/* As ThreadCancel_r(), but -1 with errno set on failure. */
int ThreadCancel(int tid, void (*canstub)(void))
{
	int r = ThreadCancel_r(tid, canstub);

	if (r < 0) {
		errno = -r;
		return -1;
	}
	return r;
}
