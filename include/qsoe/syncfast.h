/*
 * qsoe/syncfast.h - the user-space fast paths of QNX mutexes, semaphores
 * and condition variables, shared by libc (pthread_mutex_*, sem_*,
 * pthread_cond_*) and anything else that uses a sync_t directly.
 *
 * Self-contained and kernel independent: only <sys/neutrino.h> (the Sync*
 * kernel calls, TimerTimeout, struct _sync, the TLS block), the errno and
 * clock numbers of the ABI fragments it is built on, and GCC atomic
 * builtins. On Skimmer the Sync* calls enter the kernel (kernel/sync); on
 * seL4 libqsoe implements them; this code is the same on both.
 *
 * Every function returns 0 (EOK) or a POSIX error number (positive), like
 * the pthread functions; the kernel calls' _r forms return -errno.
 *
 * THE PROTOCOL between this code and the kernel (both sides must keep it):
 *
 * Owner ids. Every thread has a system-wide owner id in its TLS block,
 * __tls()->__owner: 1 .. _QSOE_SYNC_OWNER_MAX (0x7ffffeff), never 0, never
 * with bit 31 set, unique among live threads of all processes (the kernel,
 * or libqsoe on seL4, assigns it at thread creation; ids of dead threads are
 * reused).
 *
 * Mutexes. sync_t.__owner:
 *   0                          free
 *   id                         held by thread id; no thread waits in the kernel
 *   id | _NTO_SYNC_WAITING     held by id; threads wait (or may) in the kernel
 *   _NTO_SYNC_INITIALIZER      statically initialised; the first lock goes
 *                              to the kernel, which makes it 0 and goes on
 *   _NTO_SYNC_OWNERDEAD        non-robust: DEAD (the owner's process died
 *                              holding it; SyncMutexRevive); robust: the owner
 *                              died, the next locker gets EOWNERDEAD
 *   _QSOE_SYNC_NOTRECOVERABLE  robust mutex unlocked while inconsistent
 *   _NTO_SYNC_DESTROYED        destroyed (EINVAL)
 * sync_t.__count: the _NTO_SYNC_* flags in bits 24..31 (NONRECURSIVE,
 * NOERRORCHECK, ROBUST, PRIOCEILING, PRIONONE, SHARED) and the recursion
 * count (times locked minus one) in bits 0..23; with PRIOCEILING the ceiling
 * is in bits 16..23 and the count in bits 0..15. Only the owner changes the
 * count (the kernel does so for it on hand-off). Flags 0 means recursive,
 * NONRECURSIVE alone error-checking (EDEADLK), NONRECURSIVE|NOERRORCHECK the
 * POSIX "normal" type (relocking deadlocks).
 *
 *   lock:   compare-and-swap __owner 0 -> id (acquire). On failure, the
 *           caller's own id means recursion (count + 1, EAGAIN when full) or
 *           EDEADLK; another owner without WAITING is polled a few times
 *           (__QSOE_MUTEX_SPIN) in case it is about to unlock; anything
 *           else calls SyncMutexLock.
 *   unlock: a nonzero count is decremented; otherwise compare-and-swap
 *           __owner id -> 0 (release). If that fails because the word is
 *           id | WAITING, the unlock MUST call SyncMutexUnlock (a waiter is
 *           queued and the kernel hands the mutex to it); any other value
 *           means the caller is not the owner (EPERM).
 *   ROBUST and PRIOCEILING mutexes never use the fast path: lock and unlock
 *   always go to the kernel, which must know their owner (to report
 *   EOWNERDEAD when it dies, to apply the ceiling).
 * The WAITING bit is set only by the kernel, by compare-and-swap while it
 * holds the lock of the mutex's wait queue and before it queues the caller.
 * So a wake-up cannot be lost: if the owner's unlock CAS (id -> 0) wins,
 * the kernel's CAS (id -> id|WAITING) fails, it re-reads the word under its
 * lock and takes the free mutex; if the kernel's CAS wins, the owner's CAS
 * fails, the owner calls SyncMutexUnlock, which takes the same lock and
 * finds the waiter. The kernel hands a mutex directly to its best waiter
 * (highest priority, longest waiting): __owner becomes that waiter's id,
 * with WAITING while others still wait. A waiter raises the owner's
 * priority to its own while it waits (priority inheritance, unless
 * PRIONONE).
 *
 * Semaphores. __owner is _NTO_SYNC_SEM. __count holds the value in bits
 * 0..30 (SEM_VALUE_MAX 0x7fffffff) and _QSOE_SYNC_SEM_WAITING in bit 31.
 *   wait:  compare-and-swap value v > 0 -> v - 1 (the WAITING bit kept);
 *          value 0 calls SyncSemWait, which sets WAITING (kernel only, under
 *          its lock, by compare-and-swap) before it queues the caller.
 *   post:  without WAITING, compare-and-swap v -> v + 1 (EOVERFLOW at the
 *          maximum); with WAITING, call SyncSemPost, which gives the unit to
 *          a waiter (or, if none is left, increments and clears the bit).
 * The same argument as for mutexes shows no post is lost.
 *
 * Condition variables. __owner is _NTO_SYNC_COND, __count the clock of
 * timed waits. There is no fast path: SyncCondvarWait releases the mutex and
 * queues the caller in one kernel step, and returns only once the caller
 * holds the mutex again (also after a timeout, with ETIMEDOUT).
 *
 * Timeouts use TimerTimeout(), which bounds the NEXT kernel call: the timed
 * functions below try the fast path first and set the timeout right before
 * the kernel call that may block.
 */
#ifndef QSOE_SYNCFAST_H
#define QSOE_SYNCFAST_H

#include <sys/neutrino.h>
#include <qsoe/abi/errno.h>
#include <qsoe/abi/time.h>

/* Polls of a held mutex's word before __qsoe_mutex_lock enters the kernel. */
#ifndef __QSOE_MUTEX_SPIN
#define __QSOE_MUTEX_SPIN 32
#endif

/* The calling thread's owner id (never 0). */
static inline unsigned __qsoe_sync_self(void)
{
	return __tls()->__owner;
}

/* True if the mutex flags in c force every lock and unlock into the kernel. */
static inline int __qsoe_mutex_kernel_only(unsigned c)
{
	return (c & (_NTO_SYNC_ROBUST | _NTO_SYNC_PRIOCEILING)) != 0;
}

/*
 * The caller already owns m (__owner has its id): recursion or an error.
 * Returns 0, EAGAIN (recursion count full), EDEADLK (error-checking), or
 * -1 for a "normal" mutex, which must deadlock in the kernel.
 */
static inline int __qsoe_mutex_relock(sync_t *m, unsigned c)
{
	if (!(c & _NTO_SYNC_NONRECURSIVE)) {
		if ((c & _NTO_SYNC_COUNTMASK) == _NTO_SYNC_COUNTMASK)
			return EAGAIN;
		__atomic_fetch_add(&m->__u.__count, 1, __ATOMIC_RELAXED);
		return 0;
	}
	if (!(c & _NTO_SYNC_NOERRORCHECK))
		return EDEADLK;
	return -1;
}

/*
 * Locks m through the kernel without blocking (TimerTimeout with
 * _NTO_TIMEOUT_NO_WAIT): for mutexes only the kernel may lock. Returns 0,
 * EBUSY, or the kernel's error.
 */
static inline int __qsoe_mutex_lock_nowait(sync_t *m)
{
	TimerTimeout_r(CLOCK_MONOTONIC, _NTO_TIMEOUT_MUTEX | _NTO_TIMEOUT_NO_WAIT, NULL, NULL,
	               NULL);
	int r = -SyncMutexLock_r(m);
	return r == ETIMEDOUT || r == EDEADLK || r == EINTR ? EBUSY : r;
}

/*
 * Tries to lock m without blocking. Returns 0, EBUSY (held, by another
 * thread or -- not recursive -- by the caller), EAGAIN (recursion count
 * full), EOWNERDEAD, ENOTRECOVERABLE, EINVAL. Enters the kernel only for
 * robust and priority-ceiling mutexes and for special states (statically
 * initialised, DEAD).
 */
static inline int __qsoe_mutex_trylock(sync_t *m)
{
	unsigned self = __qsoe_sync_self();
	unsigned c = __atomic_load_n(&m->__u.__count, __ATOMIC_RELAXED);
	unsigned v = 0;

	if (!__qsoe_mutex_kernel_only(c)) {
		if (__atomic_compare_exchange_n(&m->__owner, &v, self, 0, __ATOMIC_ACQUIRE,
		                                __ATOMIC_RELAXED))
			return 0;
		if ((v & _NTO_SYNC_OWNER_MASK) != 0 && v < _NTO_SYNC_OWNERDEAD) {
			if ((v & _NTO_SYNC_OWNER_MASK) != self)
				return EBUSY;
			int r = __qsoe_mutex_relock(m, c);
			return r == 0 || r == EAGAIN ? r : EBUSY;
		}
	}
	return __qsoe_mutex_lock_nowait(m);
}

/*
 * Locks m, blocking in the kernel while another thread holds it. Returns 0,
 * EOWNERDEAD (robust mutex whose owner died: now held by the caller),
 * ENOTRECOVERABLE, EDEADLK, EAGAIN, EINVAL (not a mutex, destroyed, or the
 * caller is above its priority ceiling), EFAULT.
 */
static inline int __qsoe_mutex_lock(sync_t *m)
{
	unsigned self = __qsoe_sync_self();
	unsigned c = __atomic_load_n(&m->__u.__count, __ATOMIC_RELAXED);
	unsigned v = 0;

	if (__builtin_expect(!__qsoe_mutex_kernel_only(c), 1) &&
	    __builtin_expect(__atomic_compare_exchange_n(&m->__owner, &v, self, 0, __ATOMIC_ACQUIRE,
	                                                 __ATOMIC_RELAXED),
	                     1))
		return 0;
	if (!__qsoe_mutex_kernel_only(c)) {
		if ((v & _NTO_SYNC_OWNER_MASK) == self && v < _NTO_SYNC_OWNERDEAD) {
			int r = __qsoe_mutex_relock(m, c);
			if (r >= 0)
				return r;
		} else {
			/*
			 * Held by a thread that may be running on another hart and
			 * about to unlock: spin briefly before paying for a kernel
			 * call. Not once threads queue (the kernel hands the mutex
			 * to them, it never becomes free) or in a special state.
			 */
			for (int i = 0; i < __QSOE_MUTEX_SPIN && v < _NTO_SYNC_WAITING; i++) {
				v = __atomic_load_n(&m->__owner, __ATOMIC_RELAXED);
				if (v == _NTO_SYNC_MUTEX_FREE &&
				    __atomic_compare_exchange_n(&m->__owner, &v, self, 0,
				                                __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
					return 0;
			}
		}
	}
	for (;;) {
		int r = -SyncMutexLock_r(m);
		if (r != EINTR) /* a signal handler ran: wait again (POSIX) */
			return r;
	}
}

/*
 * Like __qsoe_mutex_lock, but gives up with ETIMEDOUT when clock 'clk'
 * reaches abs_ns (nanoseconds).
 */
static inline int __qsoe_mutex_timedlock(sync_t *m, clockid_t clk, uint64_t abs_ns)
{
	int r = __qsoe_mutex_trylock(m);

	if (r != EBUSY)
		return r;
	for (;;) {
		unsigned v = __atomic_load_n(&m->__owner, __ATOMIC_RELAXED);
		unsigned c = __atomic_load_n(&m->__u.__count, __ATOMIC_RELAXED);
		if ((v & _NTO_SYNC_OWNER_MASK) == __qsoe_sync_self() && v < _NTO_SYNC_OWNERDEAD &&
		    (c & _NTO_SYNC_NONRECURSIVE) && !(c & _NTO_SYNC_NOERRORCHECK))
			return EDEADLK;
		TimerTimeout_r(clk, _NTO_TIMEOUT_MUTEX | TIMER_ABSTIME, NULL, &abs_ns, NULL);
		r = -SyncMutexLock_r(m);
		if (r != EINTR)
			return r;
	}
}

/*
 * Unlocks m, which the caller holds. Returns 0, EPERM (the caller does not
 * hold it), EINVAL, EFAULT.
 */
static inline int __qsoe_mutex_unlock(sync_t *m)
{
	unsigned self = __qsoe_sync_self();
	unsigned c = __atomic_load_n(&m->__u.__count, __ATOMIC_RELAXED);
	unsigned v = __atomic_load_n(&m->__owner, __ATOMIC_RELAXED);

	if ((v & _NTO_SYNC_OWNER_MASK) != self || v >= _NTO_SYNC_OWNERDEAD)
		return EPERM;
	if (__qsoe_mutex_kernel_only(c))
		return -SyncMutexUnlock_r(m);
	if (c & _NTO_SYNC_COUNTMASK) {
		__atomic_fetch_sub(&m->__u.__count, 1, __ATOMIC_RELAXED);
		return 0;
	}
	v = self;
	if (__builtin_expect(__atomic_compare_exchange_n(&m->__owner, &v, _NTO_SYNC_MUTEX_FREE, 0,
	                                                 __ATOMIC_RELEASE, __ATOMIC_RELAXED),
	                     1))
		return 0;
	if (v == (self | _NTO_SYNC_WAITING))
		return -SyncMutexUnlock_r(m); /* hand it to a waiter */
	return EPERM;
}

/* ---- semaphores ---- */

/* Takes a unit of s if its value is positive. Returns 0, EAGAIN, or EINVAL. */
static inline int __qsoe_sem_trywait(sync_t *s)
{
	unsigned c = __atomic_load_n(&s->__u.__count, __ATOMIC_RELAXED);

	if (__atomic_load_n(&s->__owner, __ATOMIC_RELAXED) != _NTO_SYNC_SEM)
		return EINVAL;
	while (c & _QSOE_SYNC_SEM_VALUE) {
		if (__atomic_compare_exchange_n(&s->__u.__count, &c, c - 1, 1, __ATOMIC_ACQUIRE,
		                                __ATOMIC_RELAXED))
			return 0;
	}
	return EAGAIN;
}

/*
 * Takes a unit of s, blocking in the kernel while the value is 0. Returns
 * 0, EINTR (a signal interrupted the wait), EINVAL, EFAULT.
 */
static inline int __qsoe_sem_wait(sync_t *s)
{
	int r = __qsoe_sem_trywait(s);

	if (r != EAGAIN)
		return r;
	return -SyncSemWait_r(s, 0);
}

/* Like __qsoe_sem_wait, but ETIMEDOUT once clock clk reaches abs_ns. */
static inline int __qsoe_sem_timedwait(sync_t *s, clockid_t clk, uint64_t abs_ns)
{
	int r = __qsoe_sem_trywait(s);

	if (r != EAGAIN)
		return r;
	TimerTimeout_r(clk, _NTO_TIMEOUT_SEM | TIMER_ABSTIME, NULL, &abs_ns, NULL);
	return -SyncSemWait_r(s, 0);
}

/* Adds a unit to s, waking a waiter if there is one. Returns 0, EOVERFLOW, EINVAL. */
static inline int __qsoe_sem_post(sync_t *s)
{
	unsigned c = __atomic_load_n(&s->__u.__count, __ATOMIC_RELAXED);

	if (__atomic_load_n(&s->__owner, __ATOMIC_RELAXED) != _NTO_SYNC_SEM)
		return EINVAL;
	while (!(c & _QSOE_SYNC_SEM_WAITING)) {
		if ((c & _QSOE_SYNC_SEM_VALUE) == _QSOE_SYNC_SEM_VALUE)
			return EOVERFLOW;
		if (__atomic_compare_exchange_n(&s->__u.__count, &c, c + 1, 1, __ATOMIC_RELEASE,
		                                __ATOMIC_RELAXED))
			return 0;
	}
	return -SyncSemPost_r(s);
}

/* The value of s (sem_getvalue). */
static inline int __qsoe_sem_value(const sync_t *s)
{
	return (int)(__atomic_load_n(&s->__u.__count, __ATOMIC_RELAXED) & _QSOE_SYNC_SEM_VALUE);
}

/* ---- condition variables (always the kernel) ---- */

/*
 * Waits on cv, releasing m (held by the caller) meanwhile; returns holding
 * m again. Returns 0 (also for a wake-up by a signal: spurious wake-ups are
 * allowed), EPERM (m not held), EINVAL, EFAULT, EOWNERDEAD.
 */
static inline int __qsoe_cond_wait(sync_t *cv, sync_t *m)
{
	int r = -SyncCondvarWait_r(cv, m);

	return r == EINTR ? 0 : r;
}

/* Like __qsoe_cond_wait, but ETIMEDOUT (mutex held again) once clk reaches abs_ns. */
static inline int __qsoe_cond_timedwait(sync_t *cv, sync_t *m, clockid_t clk, uint64_t abs_ns)
{
	TimerTimeout_r(clk, _NTO_TIMEOUT_CONDVAR | TIMER_ABSTIME, NULL, &abs_ns, NULL);
	int r = -SyncCondvarWait_r(cv, m);
	return r == EINTR ? 0 : r;
}

/* Wakes one waiter of cv (the highest priority, longest waiting). */
static inline int __qsoe_cond_signal(sync_t *cv)
{
	return -SyncCondvarSignal_r(cv, 0);
}

/* Wakes every waiter of cv. */
static inline int __qsoe_cond_broadcast(sync_t *cv)
{
	return -SyncCondvarSignal_r(cv, 1);
}

#endif /* QSOE_SYNCFAST_H */
