/*
 * cond.c - condition variables and their attributes. A pthread_cond_t is
 * a sync_t with owner _NTO_SYNC_COND and the clock of timed waits in
 * __count; waiting and waking are kernel calls (<qsoe/syncfast.h>), which
 * release and retake the mutex atomically.
 */
#include <qsoe/syncfast.h>
#include <string.h>
#include "thread_impl.h"

#define CA_SHARED 0x100

int pthread_condattr_init(pthread_condattr_t *a)
{
	memset(a, 0, sizeof(*a));
	a->__clockid = CLOCK_REALTIME;
	return 0;
}

int pthread_condattr_destroy(pthread_condattr_t *a)
{
	memset(a, 0, sizeof(*a));
	return 0;
}

int pthread_condattr_getclock(const pthread_condattr_t *__restrict a, clockid_t *__restrict clk)
{
	*clk = a->__clockid;
	return 0;
}

int pthread_condattr_setclock(pthread_condattr_t *a, clockid_t clk)
{
	if (clk != CLOCK_REALTIME && clk != CLOCK_MONOTONIC)
		return EINVAL;
	a->__clockid = clk;
	return 0;
}

int pthread_condattr_getpshared(const pthread_condattr_t *__restrict a, int *__restrict pshared)
{
	*pshared = (a->__flags & CA_SHARED) ? PTHREAD_PROCESS_SHARED : PTHREAD_PROCESS_PRIVATE;
	return 0;
}

int pthread_condattr_setpshared(pthread_condattr_t *a, int pshared)
{
	if (pshared != PTHREAD_PROCESS_SHARED && pshared != PTHREAD_PROCESS_PRIVATE)
		return EINVAL;
	a->__flags =
	        (a->__flags & ~CA_SHARED) | (pshared == PTHREAD_PROCESS_SHARED ? CA_SHARED : 0);
	return 0;
}

int pthread_cond_init(pthread_cond_t *__restrict c, const pthread_condattr_t *__restrict a)
{
	c->__u.__clockid = a ? a->__clockid : CLOCK_REALTIME;
	__atomic_store_n(&c->__owner, _NTO_SYNC_COND, __ATOMIC_RELEASE);
	return 0;
}

int pthread_cond_destroy(pthread_cond_t *c)
{
	if (__atomic_load_n(&c->__owner, __ATOMIC_RELAXED) != _NTO_SYNC_COND)
		return EINVAL;
	int r = -SyncDestroy_r(c);
	if (r == EBUSY)
		return EBUSY; /* threads still wait on it */
	__atomic_store_n(&c->__owner, _NTO_SYNC_DESTROYED, __ATOMIC_RELEASE);
	return 0;
}

/* Cancellation point: checked before waiting and after waking. */
int pthread_cond_wait(pthread_cond_t *__restrict c, pthread_mutex_t *__restrict m)
{
	__qsoe_testcancel();
	int r = __qsoe_cond_wait(c, m);
	if (r == 0)
		__qsoe_testcancel();
	return r;
}

int pthread_cond_clockwait(pthread_cond_t *__restrict c, pthread_mutex_t *__restrict m,
                           clockid_t clk, const struct timespec *__restrict abs)
{
	uint64_t ns;

	if (clk != CLOCK_REALTIME && clk != CLOCK_MONOTONIC)
		return EINVAL;
	int r = __qsoe_abs_ns(abs, &ns);
	if (r)
		return r;
	__qsoe_testcancel();
	r = __qsoe_cond_timedwait(c, m, clk, ns);
	if (r == 0)
		__qsoe_testcancel();
	return r;
}

/* Times out on the clock chosen with pthread_condattr_setclock (default CLOCK_REALTIME). */
int pthread_cond_timedwait(pthread_cond_t *__restrict c, pthread_mutex_t *__restrict m,
                           const struct timespec *__restrict abs)
{
	clockid_t clk = c->__owner == _NTO_SYNC_COND ? c->__u.__clockid : CLOCK_REALTIME;
	return pthread_cond_clockwait(c, m, clk, abs);
}

int pthread_cond_signal(pthread_cond_t *c)
{
	return __qsoe_cond_signal(c);
}

int pthread_cond_broadcast(pthread_cond_t *c)
{
	return __qsoe_cond_broadcast(c);
}
