/*
 * mutex.c - pthread mutexes and their attributes over the QNX sync_t
 * protocol of <qsoe/syncfast.h>: a compare-and-swap of the owner word in
 * user space, the kernel only on contention (and always for robust and
 * priority-ceiling mutexes). The type, protocol, robustness and sharing
 * live in the sync_t's flag bits, so a mutex in shared memory works
 * across processes.
 */
#include <qsoe/syncfast.h>
#include <string.h>
#include "thread_impl.h"

/* pthread_mutexattr_t (struct _sync_attr) __flags: type | these. */
#define MA_TYPE_MASK 0x0f
#define MA_ROBUST    0x10
#define MA_SHARED    0x100

int __qsoe_abs_ns(const struct timespec *ts, uint64_t *ns)
{
	if (ts == NULL)
		return EFAULT;
	if (ts->tv_nsec < 0 || ts->tv_nsec >= 1000000000L)
		return EINVAL;
	if (ts->tv_sec < 0) {
		*ns = 0;
		return 0;
	}
	if ((uint64_t)ts->tv_sec > (UINT64_MAX - 999999999u) / 1000000000u) {
		*ns = UINT64_MAX;
		return 0;
	}
	*ns = (uint64_t)ts->tv_sec * 1000000000u + (uint64_t)ts->tv_nsec;
	return 0;
}

int pthread_mutexattr_init(pthread_mutexattr_t *a)
{
	memset(a, 0, sizeof(*a));
	a->__protocol = PTHREAD_PRIO_INHERIT;
	a->__prioceiling = _QSOE_PRIO_MAX;
	return 0;
}

int pthread_mutexattr_destroy(pthread_mutexattr_t *a)
{
	memset(a, 0, sizeof(*a));
	return 0;
}

int pthread_mutexattr_gettype(const pthread_mutexattr_t *__restrict a, int *__restrict type)
{
	*type = a->__flags & MA_TYPE_MASK;
	return 0;
}

int pthread_mutexattr_settype(pthread_mutexattr_t *a, int type)
{
	if (type < PTHREAD_MUTEX_DEFAULT || type > PTHREAD_MUTEX_NORMAL)
		return EINVAL;
	a->__flags = (a->__flags & ~MA_TYPE_MASK) | type;
	return 0;
}

int pthread_mutexattr_getpshared(const pthread_mutexattr_t *__restrict a, int *__restrict pshared)
{
	*pshared = (a->__flags & MA_SHARED) ? PTHREAD_PROCESS_SHARED : PTHREAD_PROCESS_PRIVATE;
	return 0;
}

int pthread_mutexattr_setpshared(pthread_mutexattr_t *a, int pshared)
{
	if (pshared != PTHREAD_PROCESS_SHARED && pshared != PTHREAD_PROCESS_PRIVATE)
		return EINVAL;
	a->__flags =
	        (a->__flags & ~MA_SHARED) | (pshared == PTHREAD_PROCESS_SHARED ? MA_SHARED : 0);
	return 0;
}

int pthread_mutexattr_getprotocol(const pthread_mutexattr_t *__restrict a, int *__restrict protocol)
{
	*protocol = a->__protocol;
	return 0;
}

int pthread_mutexattr_setprotocol(pthread_mutexattr_t *a, int protocol)
{
	if (protocol != PTHREAD_PRIO_INHERIT && protocol != PTHREAD_PRIO_NONE &&
	    protocol != PTHREAD_PRIO_PROTECT)
		return EINVAL;
	a->__protocol = protocol;
	return 0;
}

int pthread_mutexattr_getprioceiling(const pthread_mutexattr_t *__restrict a,
                                     int *__restrict ceiling)
{
	*ceiling = a->__prioceiling;
	return 0;
}

int pthread_mutexattr_setprioceiling(pthread_mutexattr_t *a, int ceiling)
{
	if (ceiling < _QSOE_PRIO_MIN || ceiling > _QSOE_PRIO_MAX)
		return EINVAL;
	a->__prioceiling = ceiling;
	return 0;
}

int pthread_mutexattr_getrobust(const pthread_mutexattr_t *__restrict a, int *__restrict robust)
{
	*robust = (a->__flags & MA_ROBUST) ? PTHREAD_MUTEX_ROBUST : PTHREAD_MUTEX_STALLED;
	return 0;
}

int pthread_mutexattr_setrobust(pthread_mutexattr_t *a, int robust)
{
	if (robust != PTHREAD_MUTEX_ROBUST && robust != PTHREAD_MUTEX_STALLED)
		return EINVAL;
	a->__flags = (a->__flags & ~MA_ROBUST) | (robust == PTHREAD_MUTEX_ROBUST ? MA_ROBUST : 0);
	return 0;
}

int pthread_mutex_init(pthread_mutex_t *__restrict m, const pthread_mutexattr_t *__restrict attr)
{
	pthread_mutexattr_t def;
	unsigned c = 0;

	if (attr == NULL) {
		pthread_mutexattr_init(&def);
		attr = &def;
	}
	switch (attr->__flags & MA_TYPE_MASK) {
	case PTHREAD_MUTEX_RECURSIVE:
		break;
	case PTHREAD_MUTEX_NORMAL:
		c = _NTO_SYNC_NONRECURSIVE | _NTO_SYNC_NOERRORCHECK;
		break;
	default: /* DEFAULT and ERRORCHECK: relocking reports EDEADLK */
		c = _NTO_SYNC_NONRECURSIVE;
		break;
	}
	if (attr->__protocol == PTHREAD_PRIO_NONE)
		c |= _NTO_SYNC_PRIONONE;
	if (attr->__protocol == PTHREAD_PRIO_PROTECT)
		c |= _NTO_SYNC_PRIOCEILING |
		     (((unsigned)attr->__prioceiling << _QSOE_SYNC_CEILING_SHIFT) &
		      _QSOE_SYNC_CEILING_MASK);
	if (attr->__flags & MA_ROBUST)
		c |= _NTO_SYNC_ROBUST;
	if (attr->__flags & MA_SHARED)
		c |= _NTO_SYNC_SHARED;
	m->__u.__count = c;
	__atomic_store_n(&m->__owner, _NTO_SYNC_MUTEX_FREE, __ATOMIC_RELEASE);
	return 0;
}

/* EBUSY while locked; afterwards every use gives EINVAL. */
int pthread_mutex_destroy(pthread_mutex_t *m)
{
	unsigned v = __atomic_load_n(&m->__owner, __ATOMIC_RELAXED);

	if (v == _NTO_SYNC_DESTROYED)
		return EINVAL;
	if (v != _NTO_SYNC_MUTEX_FREE && v != _NTO_SYNC_INITIALIZER &&
	    v != _QSOE_SYNC_NOTRECOVERABLE)
		return EBUSY;
	SyncDestroy_r(m); /* the kernel's state for it, if it has any */
	__atomic_store_n(&m->__owner, _NTO_SYNC_DESTROYED, __ATOMIC_RELEASE);
	return 0;
}

int pthread_mutex_lock(pthread_mutex_t *m)
{
	return __qsoe_mutex_lock(m);
}

int pthread_mutex_trylock(pthread_mutex_t *m)
{
	return __qsoe_mutex_trylock(m);
}

int pthread_mutex_clocklock(pthread_mutex_t *__restrict m, clockid_t clk,
                            const struct timespec *__restrict abs)
{
	uint64_t ns;

	if (clk != CLOCK_REALTIME && clk != CLOCK_MONOTONIC)
		return EINVAL;
	int r = __qsoe_mutex_trylock(m);
	if (r != EBUSY)
		return r;
	r = __qsoe_abs_ns(abs, &ns);
	return r ? r : __qsoe_mutex_timedlock(m, clk, ns);
}

int pthread_mutex_timedlock(pthread_mutex_t *__restrict m, const struct timespec *__restrict abs)
{
	return pthread_mutex_clocklock(m, CLOCK_REALTIME, abs);
}

int pthread_mutex_unlock(pthread_mutex_t *m)
{
	return __qsoe_mutex_unlock(m);
}

int pthread_mutex_consistent(pthread_mutex_t *m)
{
	if (!(m->__u.__count & _NTO_SYNC_ROBUST))
		return EINVAL;
	return -SyncCtl_r(_NTO_SCTL_MUTEX_CONSISTENT, m, NULL);
}

int pthread_mutex_getprioceiling(const pthread_mutex_t *__restrict m, int *__restrict ceiling)
{
	unsigned c = m->__u.__count;

	if (!(c & _NTO_SYNC_PRIOCEILING))
		return EINVAL;
	*ceiling = (int)((c & _QSOE_SYNC_CEILING_MASK) >> _QSOE_SYNC_CEILING_SHIFT);
	return 0;
}

int pthread_mutex_setprioceiling(pthread_mutex_t *__restrict m, int ceiling, int *__restrict old)
{
	int prev;

	if (ceiling < _QSOE_PRIO_MIN || ceiling > _QSOE_PRIO_MAX)
		return EINVAL;
	int r = pthread_mutex_getprioceiling(m, &prev);
	if (r)
		return r;
	r = -SyncCtl_r(_NTO_SCTL_SETPRIOCEILING, m, &ceiling);
	if (r == 0 && old)
		*old = prev;
	return r;
}
