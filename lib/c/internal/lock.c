/*
 * lock.c - slow paths of libc's internal lock (see lock.h).
 */
#include <errno.h>
#include "libc.h"
#include "lock.h"

/*
 * Block in the kernel until l is ours. SyncMutexLock() returns 0 once the
 * kernel has made us the owner; EINTR (a signal handler ran) retries; any
 * other error means the lock word is corrupt.
 */
void __qsoe_lock_slow(qsoe_lock_t *l, unsigned self)
{
	(void)self;
	for (;;) {
		int r = SyncMutexLock(&l->__s);
		if (r == 0)
			return;
		if (r == -1 && errno == EINTR)
			continue;
		__qsoe_fatal("libc: internal lock corrupted (SyncMutexLock failed)\n");
	}
}

/* Release l through the kernel: there are waiters (or __owner changed). */
void __qsoe_unlock_slow(qsoe_lock_t *l)
{
	if (SyncMutexUnlock(&l->__s) != 0)
		__qsoe_fatal("libc: internal lock corrupted (SyncMutexUnlock failed)\n");
}
