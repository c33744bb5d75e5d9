/*
 * lock.h - the one lock type of libc's internals (malloc, stdio, atexit,
 * environment, ...).
 *
 * A qsoe_lock_t is a QNX sync_t used as a non-recursive mutex: the fast path
 * is a compare-and-swap of __owner from 0 to the caller's owner value (the
 * TLS __owner field); on contention the kernel's SyncMutexLock() slow path
 * queues the thread (and sets _NTO_SYNC_WAITING in __owner), and an unlock
 * that finds that bit goes through SyncMutexUnlock(). Static initialisation
 * with QSOE_LOCK_INIT; no destruction is needed.
 *
 * In host unit tests (__QSOE_HOST__) the owner value and the Sync* calls
 * come from the test harness's seam double.
 */
#ifndef QSOE_LIBC_LOCK_H
#define QSOE_LIBC_LOCK_H

#include <qsoe/abi/neutrino.h>

typedef struct {
	struct _sync __s;
} qsoe_lock_t;

#define QSOE_LOCK_INIT                                                 \
	{                                                              \
		{                                                      \
			{_NTO_SYNC_NONRECURSIVE}, _NTO_SYNC_MUTEX_FREE \
		}                                                      \
	}

/* The kernel slow paths (libqsoe.so; <sys/neutrino.h> declares them too). */
int SyncMutexLock(struct _sync *sync);
int SyncMutexUnlock(struct _sync *sync);

/*
 * The calling thread's sync owner value (nonzero, without _NTO_SYNC_WAITING):
 * the __owner field of its TLS block, which thread creation fills in. Host
 * tests get it from the seam double.
 */
#ifdef __QSOE_HOST__
unsigned __qsoe_lock_owner(void);
#else
#include <qsoe/abi/tls.h>
static inline unsigned __qsoe_lock_owner(void)
{
	return __tls()->__owner;
}
#endif

/* Slow paths in lock.c. */
void __qsoe_lock_slow(qsoe_lock_t *l, unsigned self);
void __qsoe_unlock_slow(qsoe_lock_t *l);

/* Acquire l (blocking). Not recursive: a thread must not lock l twice. */
static inline void qsoe_lock(qsoe_lock_t *l)
{
	unsigned self = __qsoe_lock_owner();
	unsigned expect = _NTO_SYNC_MUTEX_FREE;

	if (!__atomic_compare_exchange_n(&l->__s.__owner, &expect, self, 0, __ATOMIC_ACQUIRE,
	                                 __ATOMIC_RELAXED))
		__qsoe_lock_slow(l, self);
}

/* Try to acquire l without blocking; returns 1 on success, 0 if it is held. */
static inline int qsoe_trylock(qsoe_lock_t *l)
{
	unsigned expect = _NTO_SYNC_MUTEX_FREE;

	return __atomic_compare_exchange_n(&l->__s.__owner, &expect, __qsoe_lock_owner(), 0,
	                                   __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
}

/* Release l, which the caller holds. */
static inline void qsoe_unlock(qsoe_lock_t *l)
{
	unsigned expect = __qsoe_lock_owner();

	if (!__atomic_compare_exchange_n(&l->__s.__owner, &expect, _NTO_SYNC_MUTEX_FREE, 0,
	                                 __ATOMIC_RELEASE, __ATOMIC_RELAXED))
		__qsoe_unlock_slow(l);
}

#endif /* QSOE_LIBC_LOCK_H */
