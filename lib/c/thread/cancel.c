/*
 * cancel.c - thread cancellation: pthread_cancel, pthread_setcancelstate,
 * pthread_setcanceltype, pthread_testcancel, over QNX's ThreadCancel.
 *
 * A thread's cancelability lives in its TLS block (__flags,
 * _QSOE_TLS_CANCEL_DISABLE / _ASYNC, the values of PTHREAD_CANCEL_DISABLE
 * and _ASYNCHRONOUS), where the kernel reads it. pthread_cancel records the
 * request in the target's descriptor (for the library's own checks) and
 * makes ThreadCancel(tid, cancel_stub): the kernel then
 *   - interrupts the target if it is blocked in a cancellation point
 *     (MsgSend/MsgReceive, SyncCondvarWait, SyncSemWait, ThreadJoin,
 *     nanosleep, SignalSuspend/-Waitinfo, InterruptWait), or stops it
 *     entering one, and sends it to cancel_stub;
 *   - with asynchronous cancelability, sends it there at its next return
 *     to user mode;
 *   - while cancellation is disabled, keeps the request pending.
 * Calls that are not cancellation points send with MsgSendnc (io/msg.c),
 * and library code that waits on a condvar for its own purposes (rwlock,
 * barrier) turns cancellation off around the wait (__qsoe_cancel_off).
 * A condvar wait interrupted by cancellation holds its mutex again when the
 * stub runs, as POSIX requires for pthread_cond_wait.
 */
#include "thread_impl.h"

/* Where a cancelled thread resumes (ThreadCancel's canstub): it never returns. */
static void cancel_stub(void)
{
	pthread_exit(PTHREAD_CANCELED);
}

void __qsoe_testcancel(void)
{
	struct __qsoe_thread *t = (struct __qsoe_thread *)__tls()->__keydata;

	if (t && __atomic_load_n(&t->cancel_pending, __ATOMIC_ACQUIRE) &&
	    !(__tls()->__flags & _QSOE_TLS_CANCEL_DISABLE))
		pthread_exit(PTHREAD_CANCELED);
}

unsigned __qsoe_cancel_off(void)
{
	struct _thread_local_storage *tls = __tls();
	unsigned old = tls->__flags;

	tls->__flags = old | _QSOE_TLS_CANCEL_DISABLE;
	return old;
}

void __qsoe_cancel_restore(unsigned old)
{
	__tls()->__flags = old;
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
	if (thread == pthread_self()) {
		if (__tls()->__flags & _QSOE_TLS_CANCEL_ASYNC)
			__qsoe_testcancel();
		return 0; /* deferred: the next cancellation point acts */
	}
	int r = ThreadCancel_r(thread, cancel_stub);
	return r == -ESRCH ? 0 : -r; /* it ended meanwhile: nothing left to cancel */
}

int pthread_setcancelstate(int state, int *old)
{
	struct _thread_local_storage *tls = __tls();

	if (state != PTHREAD_CANCEL_ENABLE && state != PTHREAD_CANCEL_DISABLE)
		return EINVAL;
	if (old)
		*old = (int)(tls->__flags & _QSOE_TLS_CANCEL_DISABLE);
	tls->__flags = (tls->__flags & ~_QSOE_TLS_CANCEL_DISABLE) | (unsigned)state;
	if (state == PTHREAD_CANCEL_ENABLE && (tls->__flags & _QSOE_TLS_CANCEL_ASYNC))
		__qsoe_testcancel();
	return 0;
}

int pthread_setcanceltype(int type, int *old)
{
	struct _thread_local_storage *tls = __tls();

	if (type != PTHREAD_CANCEL_DEFERRED && type != PTHREAD_CANCEL_ASYNCHRONOUS)
		return EINVAL;
	if (old)
		*old = (int)(tls->__flags & _QSOE_TLS_CANCEL_ASYNC);
	tls->__flags = (tls->__flags & ~_QSOE_TLS_CANCEL_ASYNC) | (unsigned)type;
	if (type == PTHREAD_CANCEL_ASYNCHRONOUS)
		__qsoe_testcancel();
	return 0;
}
