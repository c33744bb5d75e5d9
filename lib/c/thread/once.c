/*
 * once.c - pthread_once. __once is 0 (never run), 1 (running) or 2
 * (done); the mutex serialises the first callers. If the routine is
 * cancelled, the state returns to 0 so a later call runs it again.
 */
#include <qsoe/syncfast.h>
#include "thread_impl.h"

static void once_cancelled(void *arg)
{
	pthread_once_t *o = arg;

	__atomic_store_n(&o->__once, 0, __ATOMIC_RELEASE);
	__qsoe_mutex_unlock(&o->__mutex);
}

int pthread_once(pthread_once_t *o, void (*fn)(void))
{
	if (__atomic_load_n(&o->__once, __ATOMIC_ACQUIRE) == 2)
		return 0;
	int r = __qsoe_mutex_lock(&o->__mutex);
	if (r)
		return r;
	if (o->__once != 2) {
		o->__once = 1;
		pthread_cleanup_push(once_cancelled, o);
		fn();
		pthread_cleanup_pop(0);
		__atomic_store_n(&o->__once, 2, __ATOMIC_RELEASE);
	}
	__qsoe_mutex_unlock(&o->__mutex);
	return 0;
}
