/*
 * signal_impl.h - private declarations of lib/c/signal.
 */
#ifndef QSOE_SIGNAL_IMPL_H
#define QSOE_SIGNAL_IMPL_H

#include <signal.h>
#include <sys/neutrino.h>
#include "libc.h"

/* The trampoline handlers run through (stub.c); never called directly. */
void __signalstub(struct _sighandler_info *hi) QSOE_HIDDEN;
#define QSOE_SIGSTUB ((void (*)(void))__signalstub)

/* r < 0: errno = -r, -1; else r. */
static inline int __qsoe_sigret(long r)
{
	if (r < 0) {
		errno = (int)-r;
		return -1;
	}
	return (int)r;
}

#endif
