/*
 * rwlock.c - read-write locks, built from the mutex and two condition
 * variables inside pthread_rwlock_t (QNX's layout). __active counts the
 * readers, or is -1 while a writer holds the lock (__owner = its tid).
 * Readers are preferred: a thread that already reads may read again even
 * while a writer waits (POSIX allows recursive read locks), at the cost of
 * possible writer starvation under a steady stream of readers.
 */
#include <qsoe/syncfast.h>
#include <string.h>
#include "thread_impl.h"

#define NO_OWNER 0xfffffffeu

int pthread_rwlockattr_init(pthread_rwlockattr_t *a)
{
	memset(a, 0, sizeof(*a));
	return 0;
}

int pthread_rwlockattr_destroy(pthread_rwlockattr_t *a)
{
	memset(a, 0, sizeof(*a));
	return 0;
}

int pthread_rwlockattr_getpshared(const pthread_rwlockattr_t *__restrict a, int *__restrict pshared)
{
	*pshared = a->__flags ? PTHREAD_PROCESS_SHARED : PTHREAD_PROCESS_PRIVATE;
	return 0;
}

int pthread_rwlockattr_setpshared(pthread_rwlockattr_t *a, int pshared)
{
	if (pshared != PTHREAD_PROCESS_SHARED && pshared != PTHREAD_PROCESS_PRIVATE)
		return EINVAL;
	a->__flags = pshared == PTHREAD_PROCESS_SHARED;
	return 0;
}

int pthread_rwlock_init(pthread_rwlock_t *__restrict rw, const pthread_rwlockattr_t *__restrict a)
{
	pthread_mutexattr_t ma;
	pthread_condattr_t ca;

	memset(rw, 0, sizeof(*rw));
	pthread_mutexattr_init(&ma);
	pthread_condattr_init(&ca);
	if (a && a->__flags) {
		pthread_mutexattr_setpshared(&ma, PTHREAD_PROCESS_SHARED);
		pthread_condattr_setpshared(&ca, PTHREAD_PROCESS_SHARED);
	}
	pthread_mutex_init(&rw->__lock, &ma);
	pthread_cond_init(&rw->__rcond, &ca);
	pthread_cond_init(&rw->__wcond, &ca);
	rw->__owner = NO_OWNER;
	return 0;
}

int pthread_rwlock_destroy(pthread_rwlock_t *rw)
{
	if (rw->__active || rw->__blockedreaders || rw->__blockedwriters)
		return EBUSY;
	pthread_cond_destroy(&rw->__rcond);
	pthread_cond_destroy(&rw->__wcond);
	pthread_mutex_destroy(&rw->__lock);
	return 0;
}

/* Takes a read lock; abs_ns != 0 bounds the wait (CLOCK_REALTIME). */
static int rdlock(pthread_rwlock_t *rw, int try, int timed, uint64_t abs_ns)
{
	int r = __qsoe_mutex_lock(&rw->__lock);

	if (r)
		return r;
	if (rw->__active < 0 && rw->__owner == (unsigned)pthread_self())
		r = EDEADLK;
	while (r == 0 && rw->__active < 0) {
		if (try) {
			r = EBUSY;
			break;
		}
		rw->__blockedreaders++;
		unsigned cf = __qsoe_cancel_off(); /* not a cancellation point */
		r = timed ? __qsoe_cond_timedwait(&rw->__rcond, &rw->__lock, CLOCK_REALTIME, abs_ns)
		          : __qsoe_cond_wait(&rw->__rcond, &rw->__lock);
		__qsoe_cancel_restore(cf);
		rw->__blockedreaders--;
	}
	if (r == 0) {
		if (rw->__active == 0x7fffffff)
			r = EAGAIN;
		else
			rw->__active++;
	}
	__qsoe_mutex_unlock(&rw->__lock);
	return r;
}

static int wrlock(pthread_rwlock_t *rw, int try, int timed, uint64_t abs_ns)
{
	int r = __qsoe_mutex_lock(&rw->__lock);

	if (r)
		return r;
	if (rw->__active < 0 && rw->__owner == (unsigned)pthread_self())
		r = EDEADLK;
	while (r == 0 && rw->__active != 0) {
		if (try) {
			r = EBUSY;
			break;
		}
		rw->__blockedwriters++;
		unsigned cf = __qsoe_cancel_off(); /* not a cancellation point */
		r = timed ? __qsoe_cond_timedwait(&rw->__wcond, &rw->__lock, CLOCK_REALTIME, abs_ns)
		          : __qsoe_cond_wait(&rw->__wcond, &rw->__lock);
		__qsoe_cancel_restore(cf);
		rw->__blockedwriters--;
	}
	if (r == 0) {
		rw->__active = -1;
		rw->__owner = (unsigned)pthread_self();
	}
	__qsoe_mutex_unlock(&rw->__lock);
	return r;
}

int pthread_rwlock_rdlock(pthread_rwlock_t *rw)
{
	return rdlock(rw, 0, 0, 0);
}

int pthread_rwlock_tryrdlock(pthread_rwlock_t *rw)
{
	return rdlock(rw, 1, 0, 0);
}

int pthread_rwlock_timedrdlock(pthread_rwlock_t *__restrict rw,
                               const struct timespec *__restrict abs)
{
	uint64_t ns;
	int r = rdlock(rw, 1, 0, 0);

	if (r != EBUSY)
		return r;
	r = __qsoe_abs_ns(abs, &ns);
	return r ? r : rdlock(rw, 0, 1, ns);
}

int pthread_rwlock_wrlock(pthread_rwlock_t *rw)
{
	return wrlock(rw, 0, 0, 0);
}

int pthread_rwlock_trywrlock(pthread_rwlock_t *rw)
{
	return wrlock(rw, 1, 0, 0);
}

int pthread_rwlock_timedwrlock(pthread_rwlock_t *__restrict rw,
                               const struct timespec *__restrict abs)
{
	uint64_t ns;
	int r = wrlock(rw, 1, 0, 0);

	if (r != EBUSY)
		return r;
	r = __qsoe_abs_ns(abs, &ns);
	return r ? r : wrlock(rw, 0, 1, ns);
}

int pthread_rwlock_unlock(pthread_rwlock_t *rw)
{
	int r = __qsoe_mutex_lock(&rw->__lock);

	if (r)
		return r;
	if (rw->__active < 0) {
		if (rw->__owner != (unsigned)pthread_self()) {
			r = EPERM;
		} else {
			rw->__active = 0;
			rw->__owner = NO_OWNER;
		}
	} else if (rw->__active > 0) {
		rw->__active--;
	} else {
		r = EPERM;
	}
	if (r == 0 && rw->__active == 0) {
		if (rw->__blockedreaders)
			__qsoe_cond_broadcast(&rw->__rcond);
		if (rw->__blockedwriters)
			__qsoe_cond_signal(&rw->__wcond);
	}
	__qsoe_mutex_unlock(&rw->__lock);
	return r;
}
