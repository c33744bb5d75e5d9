/*
 * cancel.c - thread cancellation: pthread_cancel, pthread_setcancelstate,
 * pthread_setcanceltype, pthread_testcancel.
 *
 * Cancellation is deferred: a request is recorded in the target's
 * descriptor and acted on at the next cancellation point (read, write,
 * close, waitpid, pthread_join, pthread_cond_wait, sem_wait, nanosleep,
 * poll, ...; each calls __qsoe_testcancel on entry, and again if it was
 * interrupted). A request does not itself interrupt a thread blocked in
 * the kernel: it is seen when that call returns. PTHREAD_CANCEL_ASYNCHRONOUS
 * is accepted and behaves as deferred, except that a thread cancelling
 * itself with asynchronous cancellation enabled ends at once.
 */
#include "thread_impl.h"

void __qsoe_testcancel(void)
{
	struct __qsoe_thread *t = (struct __qsoe_thread *)__tls()->__keydata;

	if (t && __atomic_load_n(&t->cancel_pending, __ATOMIC_ACQUIRE) &&
	    t->cancel_state == PTHREAD_CANCEL_ENABLE && !t->exiting)
		pthread_exit(PTHREAD_CANCELED);
}

void pthread_testcancel(void)
{
	__qsoe_testcancel();
}

int pthread_cancel(pthread_t thread)
{
	__qsoe_registry_lock();
	struct __qsoe_thread *t = __qsoe_thread_find_locked(thread);
	if (t)
		__atomic_store_n(&t->cancel_pending, 1, __ATOMIC_RELEASE);
	__qsoe_registry_unlock();
	if (t == NULL)
		return ESRCH;
	if (thread == pthread_self() && t->cancel_type == PTHREAD_CANCEL_ASYNCHRONOUS)
		__qsoe_testcancel();
	return 0;
}

int pthread_setcancelstate(int state, int *old)
{
	struct __qsoe_thread *t = __qsoe_self();

	if (state != PTHREAD_CANCEL_ENABLE && state != PTHREAD_CANCEL_DISABLE)
		return EINVAL;
	if (old)
		*old = t->cancel_state;
	t->cancel_state = state;
	return 0;
}

int pthread_setcanceltype(int type, int *old)
{
	struct __qsoe_thread *t = __qsoe_self();

	if (type != PTHREAD_CANCEL_DEFERRED && type != PTHREAD_CANCEL_ASYNCHRONOUS)
		return EINVAL;
	if (old)
		*old = t->cancel_type;
	t->cancel_type = type;
	if (type == PTHREAD_CANCEL_ASYNCHRONOUS)
		__qsoe_testcancel();
	return 0;
}
