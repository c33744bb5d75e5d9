/*
 * spin.c - spin locks (pthread_spinlock_t is a sync_t whose __owner holds
 * the locking thread's owner id). A waiter spins, yielding the CPU every
 * so often so a lower-priority holder on the same hart can finish.
 */
#include "thread_impl.h"

#define SPINS_BEFORE_YIELD 256

int pthread_spin_init(pthread_spinlock_t *l, int pshared)
{
	if (pshared != PTHREAD_PROCESS_PRIVATE && pshared != PTHREAD_PROCESS_SHARED)
		return EINVAL;
	l->__u.__count = (unsigned)pshared;
	__atomic_store_n(&l->__owner, 0, __ATOMIC_RELEASE);
	return 0;
}

int pthread_spin_destroy(pthread_spinlock_t *l)
{
	if (__atomic_load_n(&l->__owner, __ATOMIC_RELAXED) != 0)
		return EBUSY;
	l->__owner = _NTO_SYNC_DESTROYED;
	return 0;
}

int pthread_spin_trylock(pthread_spinlock_t *l)
{
	unsigned expect = 0, self = __tls()->__owner;

	if (__atomic_compare_exchange_n(&l->__owner, &expect, self, 0, __ATOMIC_ACQUIRE,
	                                __ATOMIC_RELAXED))
		return 0;
	if (expect == _NTO_SYNC_DESTROYED)
		return EINVAL;
	return expect == self ? EDEADLK : EBUSY;
}

int pthread_spin_lock(pthread_spinlock_t *l)
{
	for (unsigned n = 0;; n++) {
		int r = pthread_spin_trylock(l);
		if (r != EBUSY)
			return r;
		if (n % SPINS_BEFORE_YIELD == SPINS_BEFORE_YIELD - 1)
			SchedYield_r();
		else
			__asm__ volatile("" ::: "memory");
	}
}

int pthread_spin_unlock(pthread_spinlock_t *l)
{
	unsigned self = __tls()->__owner;

	if (!__atomic_compare_exchange_n(&l->__owner, &self, 0, 0, __ATOMIC_RELEASE,
	                                 __ATOMIC_RELAXED))
		return EPERM;
	return 0;
}
