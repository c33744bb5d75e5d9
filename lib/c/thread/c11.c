/*
 * c11.c - C11 <threads.h> over pthreads. Each function maps the POSIX
 * error number onto the C11 result: 0 -> thrd_success, EBUSY ->
 * thrd_busy, ETIMEDOUT -> thrd_timedout, ENOMEM/EAGAIN -> thrd_nomem,
 * anything else -> thrd_error.
 */
#include <errno.h>
#include <sched.h>
#include <stdint.h>
#include <stdlib.h>
#include <threads.h>

static int result(int e)
{
	switch (e) {
	case 0:
		return thrd_success;
	case EBUSY:
		return thrd_busy;
	case ETIMEDOUT:
		return thrd_timedout;
	case ENOMEM:
	case EAGAIN:
		return thrd_nomem;
	default:
		return thrd_error;
	}
}

struct start {
	thrd_start_t func;
	void *arg;
};

/* The pthread start routine: runs the C11 function, its int result as the exit value. */
static void *trampoline(void *p)
{
	struct start s = *(struct start *)p;

	free(p);
	return (void *)(intptr_t)s.func(s.arg);
}

/* Starts func(arg) in a new thread; thrd_success, thrd_nomem or thrd_error. */
int thrd_create(thrd_t *thr, thrd_start_t func, void *arg)
{
	struct start *s = malloc(sizeof(*s));

	if (!s)
		return thrd_nomem;
	s->func = func;
	s->arg = arg;
	int e = pthread_create(thr, NULL, trampoline, s);
	if (e)
		free(s);
	return result(e);
}

int thrd_equal(thrd_t a, thrd_t b)
{
	return pthread_equal(a, b);
}

thrd_t thrd_current(void)
{
	return pthread_self();
}

/* Sleeps for duration: 0, -1 if a signal interrupted it (remaining set), -2 on error. */
int thrd_sleep(const struct timespec *duration, struct timespec *remaining)
{
	if (nanosleep(duration, remaining) == 0)
		return 0;
	return errno == EINTR ? -1 : -2;
}

void thrd_yield(void)
{
	sched_yield();
}

void thrd_exit(int res)
{
	pthread_exit((void *)(intptr_t)res);
}

int thrd_detach(thrd_t thr)
{
	return result(pthread_detach(thr));
}

/* Waits for thr to end; its result in *res (if not NULL). */
int thrd_join(thrd_t thr, int *res)
{
	void *v;
	int e = pthread_join(thr, &v);

	if (e == 0 && res)
		*res = (int)(intptr_t)v;
	return result(e);
}

/* A plain, recursive and/or timed mutex (every QSOE mutex supports timed locking). */
int mtx_init(mtx_t *m, int type)
{
	pthread_mutexattr_t a;

	if (type & ~(mtx_recursive | mtx_timed))
		return thrd_error;
	pthread_mutexattr_init(&a);
	if (type & mtx_recursive)
		pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE);
	int e = pthread_mutex_init(m, &a);
	pthread_mutexattr_destroy(&a);
	return result(e);
}

int mtx_lock(mtx_t *m)
{
	return result(pthread_mutex_lock(m));
}

int mtx_timedlock(mtx_t *__restrict m, const struct timespec *__restrict ts)
{
	return result(pthread_mutex_timedlock(m, ts));
}

int mtx_trylock(mtx_t *m)
{
	return result(pthread_mutex_trylock(m));
}

int mtx_unlock(mtx_t *m)
{
	return result(pthread_mutex_unlock(m));
}

void mtx_destroy(mtx_t *m)
{
	pthread_mutex_destroy(m);
}

void call_once(once_flag *flag, void (*func)(void))
{
	pthread_once(flag, func);
}

int cnd_init(cnd_t *c)
{
	return result(pthread_cond_init(c, NULL));
}

int cnd_signal(cnd_t *c)
{
	return result(pthread_cond_signal(c));
}

int cnd_broadcast(cnd_t *c)
{
	return result(pthread_cond_broadcast(c));
}

int cnd_wait(cnd_t *c, mtx_t *m)
{
	return result(pthread_cond_wait(c, m));
}

/* Waits until ts (TIME_UTC, i.e. CLOCK_REALTIME); thrd_timedout when it passes. */
int cnd_timedwait(cnd_t *__restrict c, mtx_t *__restrict m, const struct timespec *__restrict ts)
{
	return result(pthread_cond_timedwait(c, m, ts));
}

void cnd_destroy(cnd_t *c)
{
	pthread_cond_destroy(c);
}

int tss_create(tss_t *key, tss_dtor_t dtor)
{
	return result(pthread_key_create(key, dtor));
}

void *tss_get(tss_t key)
{
	return pthread_getspecific(key);
}

int tss_set(tss_t key, void *val)
{
	return result(pthread_setspecific(key, val));
}

void tss_delete(tss_t key)
{
	pthread_key_delete(key);
}
