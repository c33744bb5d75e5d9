/*
 * barrier.c - barriers over the mutex and condition variable inside
 * pthread_barrier_t: __barrier is the number of threads to wait for,
 * __count how many wait now, __pad the generation (a release moves it on,
 * so a thread wakes only for its own round).
 */
#include <qsoe/syncfast.h>
#include <string.h>
#include "thread_impl.h"

int pthread_barrierattr_init(pthread_barrierattr_t *a)
{
	memset(a, 0, sizeof(*a));
	return 0;
}

int pthread_barrierattr_destroy(pthread_barrierattr_t *a)
{
	memset(a, 0, sizeof(*a));
	return 0;
}

int pthread_barrierattr_getpshared(const pthread_barrierattr_t *__restrict a,
                                   int *__restrict pshared)
{
	*pshared = a->__flags ? PTHREAD_PROCESS_SHARED : PTHREAD_PROCESS_PRIVATE;
	return 0;
}

int pthread_barrierattr_setpshared(pthread_barrierattr_t *a, int pshared)
{
	if (pshared != PTHREAD_PROCESS_SHARED && pshared != PTHREAD_PROCESS_PRIVATE)
		return EINVAL;
	a->__flags = pshared == PTHREAD_PROCESS_SHARED;
	return 0;
}

int pthread_barrier_init(pthread_barrier_t *__restrict b, const pthread_barrierattr_t *__restrict a,
                         unsigned count)
{
	pthread_mutexattr_t ma;
	pthread_condattr_t ca;

	if (count == 0)
		return EINVAL;
	memset(b, 0, sizeof(*b));
	pthread_mutexattr_init(&ma);
	pthread_condattr_init(&ca);
	if (a && a->__flags) {
		pthread_mutexattr_setpshared(&ma, PTHREAD_PROCESS_SHARED);
		pthread_condattr_setpshared(&ca, PTHREAD_PROCESS_SHARED);
	}
	pthread_mutex_init(&b->__lock, &ma);
	pthread_cond_init(&b->__bcond, &ca);
	b->__barrier = count;
	return 0;
}

int pthread_barrier_destroy(pthread_barrier_t *b)
{
	if (b->__count)
		return EBUSY;
	pthread_cond_destroy(&b->__bcond);
	pthread_mutex_destroy(&b->__lock);
	b->__barrier = 0;
	return 0;
}

/* PTHREAD_BARRIER_SERIAL_THREAD for one of the threads of a round, 0 for the others. */
int pthread_barrier_wait(pthread_barrier_t *b)
{
	if (b->__barrier == 0)
		return EINVAL;
	int r = __qsoe_mutex_lock(&b->__lock);
	if (r)
		return r;
	unsigned gen = b->__pad;
	if (++b->__count == b->__barrier) {
		b->__count = 0;
		b->__pad = gen + 1;
		__qsoe_cond_broadcast(&b->__bcond);
		__qsoe_mutex_unlock(&b->__lock);
		return PTHREAD_BARRIER_SERIAL_THREAD;
	}
	unsigned cf = __qsoe_cancel_off(); /* not a cancellation point */
	while (b->__pad == gen && r == 0)
		r = __qsoe_cond_wait(&b->__bcond, &b->__lock);
	__qsoe_cancel_restore(cf);
	__qsoe_mutex_unlock(&b->__lock);
	return r;
}
