/*
 * g_pthread.c - group "pthreads": creation, join values, detach, mutex
 * types under contention, condition variables (and their timeouts on
 * both clocks), read-write locks, barriers, once, keys with destructors,
 * spin locks, cancellation, attributes.
 */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <time.h>
#include <unistd.h>
#include "suite.h"

#define NTHREADS 4
#define ROUNDS   2000

static pthread_mutex_t mtx = PTHREAD_MUTEX_INITIALIZER;
static long counter;

static void *add(void *arg)
{
	for (int i = 0; i < ROUNDS; i++) {
		pthread_mutex_lock(&mtx);
		long c = counter;
		counter = c + 1;
		pthread_mutex_unlock(&mtx);
		if ((i & 63) == 0)
			sched_yield();
	}
	return arg;
}

static void *ret_value(void *arg)
{
	return (void *)((intptr_t)arg * 2);
}

static pthread_mutex_t cmtx = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static int ready;

static void *signaller(void *arg)
{
	(void)arg;
	usleep(20000);
	pthread_mutex_lock(&cmtx);
	ready = 1;
	pthread_cond_signal(&cond);
	pthread_mutex_unlock(&cmtx);
	return NULL;
}

static int destroyed;
static void dtor(void *v)
{
	__atomic_add_fetch(&destroyed, (int)(intptr_t)v, __ATOMIC_RELAXED);
}
static pthread_key_t key;
static void *use_key(void *arg)
{
	pthread_setspecific(key, arg);
	return pthread_getspecific(key);
}

static int once_count;
static void once_fn(void)
{
	once_count++;
}
static pthread_once_t once = PTHREAD_ONCE_INIT;
static void *do_once(void *arg)
{
	pthread_once(&once, once_fn);
	return arg;
}

static pthread_barrier_t bar;
static int serial;
static void *at_barrier(void *arg)
{
	if (pthread_barrier_wait(&bar) == PTHREAD_BARRIER_SERIAL_THREAD)
		__atomic_add_fetch(&serial, 1, __ATOMIC_RELAXED);
	return arg;
}

static void *cancellable(void *arg)
{
	(void)arg;
	for (;;)
		usleep(1000); /* a cancellation point */
	return NULL;
}

static int cleaned;
static void cleanup(void *arg)
{
	cleaned = (int)(intptr_t)arg;
}
static void *exits_with_cleanup(void *arg)
{
	pthread_cleanup_push(cleanup, arg);
	pthread_exit(arg);
	pthread_cleanup_pop(0);
	return NULL;
}

/* Blocks in read() on an empty pipe (a cancellation point the kernel interrupts). */
static void *reads_pipe(void *arg)
{
	char c;

	read(*(int *)arg, &c, 1);
	return NULL;
}

static pthread_mutex_t cw_m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cw_c = PTHREAD_COND_INITIALIZER;
static int cw_unlock_result = -1;
static void cw_cleanup(void *arg)
{
	(void)arg;
	cw_unlock_result = pthread_mutex_unlock(&cw_m); /* 0 only if it held the mutex */
}
/* Waits on a condvar nobody signals, with a cleanup handler that unlocks. */
static void *cond_waits(void *arg)
{
	pthread_mutex_lock(&cw_m);
	pthread_cleanup_push(cw_cleanup, arg);
	for (;;)
		pthread_cond_wait(&cw_c, &cw_m);
	pthread_cleanup_pop(0);
	return NULL;
}

/* Disables cancellation, sleeps, then reports it still ran. */
static void *cancel_disabled(void *arg)
{
	int old;

	pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &old);
	usleep(30000);
	*(int *)arg = 1;
	pthread_setcancelstate(old, NULL);
	pthread_testcancel();
	*(int *)arg = 2; /* not reached */
	return NULL;
}

/* ms from now on clock clk */
static struct timespec in_ms(clockid_t clk, long ms)
{
	struct timespec ts;
	clock_gettime(clk, &ts);
	ts.tv_nsec += (ms % 1000) * 1000000L;
	ts.tv_sec += ms / 1000 + ts.tv_nsec / 1000000000L;
	ts.tv_nsec %= 1000000000L;
	return ts;
}

SUITE_GROUP(pthreads)
{
	pthread_t t[NTHREADS];
	void *v;

	/* create and join with values */
	for (intptr_t i = 0; i < NTHREADS; i++)
		CHECK_EQ(pthread_create(&t[i], NULL, ret_value, (void *)(i + 1)), 0);
	for (intptr_t i = 0; i < NTHREADS; i++) {
		CHECK_EQ(pthread_join(t[i], &v), 0);
		CHECK_EQ((intptr_t)v, 2 * (i + 1));
	}
	CHECK_EQ(pthread_join(t[0], &v), ESRCH); /* already joined */
	CHECK(pthread_equal(pthread_self(), pthread_self()), "pthread_self equals itself");

	/* a mutex under contention */
	counter = 0;
	for (int i = 0; i < NTHREADS; i++)
		pthread_create(&t[i], NULL, add, NULL);
	for (int i = 0; i < NTHREADS; i++)
		pthread_join(t[i], NULL);
	CHECK_EQ(counter, NTHREADS * ROUNDS);

	/* mutex types */
	pthread_mutexattr_t ma;
	pthread_mutex_t m;
	pthread_mutexattr_init(&ma);
	pthread_mutexattr_settype(&ma, PTHREAD_MUTEX_RECURSIVE);
	pthread_mutex_init(&m, &ma);
	CHECK_EQ(pthread_mutex_lock(&m), 0);
	CHECK_EQ(pthread_mutex_lock(&m), 0);
	CHECK_EQ(pthread_mutex_unlock(&m), 0);
	CHECK_EQ(pthread_mutex_unlock(&m), 0);
	CHECK_EQ(pthread_mutex_unlock(&m), EPERM);
	CHECK_EQ(pthread_mutex_destroy(&m), 0);
	pthread_mutexattr_settype(&ma, PTHREAD_MUTEX_ERRORCHECK);
	pthread_mutex_init(&m, &ma);
	CHECK_EQ(pthread_mutex_lock(&m), 0);
	CHECK_EQ(pthread_mutex_lock(&m), EDEADLK);
	CHECK_EQ(pthread_mutex_trylock(&m), EBUSY);
	CHECK_EQ(pthread_mutex_destroy(&m), EBUSY);
	CHECK_EQ(pthread_mutex_unlock(&m), 0);
	struct timespec soon = in_ms(CLOCK_REALTIME, 30);
	CHECK_EQ(pthread_mutex_timedlock(&m, &soon), 0);
	pthread_mutex_unlock(&m);
	pthread_mutex_destroy(&m);
	CHECK_EQ(pthread_mutexattr_settype(&ma, 99), EINVAL);
	pthread_mutexattr_setprotocol(&ma, PTHREAD_PRIO_PROTECT);
	pthread_mutexattr_setprioceiling(&ma, 20);
	pthread_mutex_init(&m, &ma);
	int ceil = 0;
	CHECK_EQ(pthread_mutex_getprioceiling(&m, &ceil), 0);
	CHECK_EQ(ceil, 20);
	pthread_mutex_destroy(&m);

	/* condition variables */
	ready = 0;
	pthread_create(&t[0], NULL, signaller, NULL);
	pthread_mutex_lock(&cmtx);
	while (!ready)
		pthread_cond_wait(&cond, &cmtx);
	pthread_mutex_unlock(&cmtx);
	pthread_join(t[0], NULL);
	CHECK_EQ(ready, 1);
	unsigned long long t0 = suite_now_ns();
	pthread_mutex_lock(&cmtx);
	struct timespec abs = in_ms(CLOCK_REALTIME, 50);
	CHECK_EQ(pthread_cond_timedwait(&cond, &cmtx, &abs), ETIMEDOUT);
	pthread_mutex_unlock(&cmtx);
	unsigned long long dt = (suite_now_ns() - t0) / 1000000;
	CHECK(dt >= 45 && dt < 2000, "a 50 ms timed wait took %llu ms", dt);
	pthread_condattr_t ca;
	pthread_cond_t mc;
	pthread_condattr_init(&ca);
	CHECK_EQ(pthread_condattr_setclock(&ca, CLOCK_MONOTONIC), 0);
	CHECK_EQ(pthread_condattr_setclock(&ca, 12345), EINVAL);
	pthread_cond_init(&mc, &ca);
	pthread_mutex_lock(&cmtx);
	abs = in_ms(CLOCK_MONOTONIC, 20);
	CHECK_EQ(pthread_cond_timedwait(&mc, &cmtx, &abs), ETIMEDOUT);
	abs.tv_nsec = 2000000000L;
	CHECK_EQ(pthread_cond_timedwait(&mc, &cmtx, &abs), EINVAL);
	pthread_mutex_unlock(&cmtx);
	CHECK_EQ(pthread_cond_destroy(&mc), 0);

	/* read-write locks */
	pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
	CHECK_EQ(pthread_rwlock_rdlock(&rw), 0);
	CHECK_EQ(pthread_rwlock_rdlock(&rw), 0);
	CHECK_EQ(pthread_rwlock_trywrlock(&rw), EBUSY);
	CHECK_EQ(pthread_rwlock_unlock(&rw), 0);
	CHECK_EQ(pthread_rwlock_unlock(&rw), 0);
	CHECK_EQ(pthread_rwlock_wrlock(&rw), 0);
	CHECK_EQ(pthread_rwlock_tryrdlock(&rw), EDEADLK);
	CHECK_EQ(pthread_rwlock_unlock(&rw), 0);
	CHECK_EQ(pthread_rwlock_unlock(&rw), EPERM);

	/* barrier */
	serial = 0;
	pthread_barrier_init(&bar, NULL, NTHREADS);
	for (int i = 0; i < NTHREADS; i++)
		pthread_create(&t[i], NULL, at_barrier, NULL);
	for (int i = 0; i < NTHREADS; i++)
		pthread_join(t[i], NULL);
	CHECK_EQ(serial, 1);
	CHECK_EQ(pthread_barrier_destroy(&bar), 0);
	CHECK_EQ(pthread_barrier_init(&bar, NULL, 0), EINVAL);

	/* once */
	for (int i = 0; i < NTHREADS; i++)
		pthread_create(&t[i], NULL, do_once, NULL);
	for (int i = 0; i < NTHREADS; i++)
		pthread_join(t[i], NULL);
	CHECK_EQ(once_count, 1);

	/* keys and destructors */
	CHECK_EQ(pthread_key_create(&key, dtor), 0);
	destroyed = 0;
	for (intptr_t i = 0; i < NTHREADS; i++)
		pthread_create(&t[i], NULL, use_key, (void *)(i + 1));
	for (intptr_t i = 0; i < NTHREADS; i++) {
		pthread_join(t[i], &v);
		CHECK_EQ((intptr_t)v, i + 1);
	}
	CHECK_EQ(destroyed, 1 + 2 + 3 + 4);
	CHECK(pthread_getspecific(key) == NULL, "the main thread's value is still NULL");
	CHECK_EQ(pthread_key_delete(key), 0);
	CHECK_EQ(pthread_key_delete(key), EINVAL);
	CHECK_EQ(pthread_setspecific(key, &v), EINVAL);

	/* spin lock */
	pthread_spinlock_t sl;
	CHECK_EQ(pthread_spin_init(&sl, PTHREAD_PROCESS_PRIVATE), 0);
	CHECK_EQ(pthread_spin_lock(&sl), 0);
	CHECK_EQ(pthread_spin_trylock(&sl), EDEADLK);
	CHECK_EQ(pthread_spin_unlock(&sl), 0);
	CHECK_EQ(pthread_spin_destroy(&sl), 0);

	/* detach, cancel, cleanup handlers */
	CHECK_EQ(pthread_create(&t[0], NULL, ret_value, NULL), 0);
	CHECK_EQ(pthread_detach(t[0]), 0);
	CHECK_EQ(pthread_create(&t[1], NULL, cancellable, NULL), 0);
	usleep(5000);
	CHECK_EQ(pthread_cancel(t[1]), 0);
	CHECK_EQ(pthread_join(t[1], &v), 0);
	CHECK(v == PTHREAD_CANCELED, "a cancelled thread's value is PTHREAD_CANCELED");
	/* A thread blocked in read() (a message to the pipe manager) is cancelled. */
	int pfd[2];
	CHECK_EQ(pipe(pfd), 0);
	CHECK_EQ(pthread_create(&t[1], NULL, reads_pipe, &pfd[0]), 0);
	usleep(20000);
	CHECK_EQ(pthread_cancel(t[1]), 0);
	CHECK_EQ(pthread_join(t[1], &v), 0);
	CHECK(v == PTHREAD_CANCELED, "a thread blocked in read() is cancelled");
	CHECK_EQ(write(pfd[1], "x", 1), 1); /* the pipe still works */
	char pc = 0;
	CHECK(read(pfd[0], &pc, 1) == 1 && pc == 'x', "the pipe works after the cancellation");
	close(pfd[0]);
	close(pfd[1]);
	/* ...and one in pthread_cond_wait, holding its mutex again in the cleanup handler. */
	CHECK_EQ(pthread_create(&t[1], NULL, cond_waits, NULL), 0);
	usleep(20000);
	CHECK_EQ(pthread_cancel(t[1]), 0);
	CHECK_EQ(pthread_join(t[1], &v), 0);
	CHECK(v == PTHREAD_CANCELED, "a thread in pthread_cond_wait is cancelled");
	CHECK_EQ(cw_unlock_result, 0);
	CHECK_EQ(pthread_mutex_trylock(&cw_m), 0);
	CHECK_EQ(pthread_mutex_unlock(&cw_m), 0);
	/* Disabled: the request waits until enabled and a cancellation point. */
	int stage = 0;
	CHECK_EQ(pthread_create(&t[1], NULL, cancel_disabled, &stage), 0);
	usleep(5000);
	CHECK_EQ(pthread_cancel(t[1]), 0);
	CHECK_EQ(pthread_join(t[1], &v), 0);
	CHECK(v == PTHREAD_CANCELED && stage == 1, "a disabled cancellation acts once enabled");

	/* Thread names are the kernel's (ThreadCtl _NTO_TCTL_NAME): /proc shows them. */
	char nm[64];
	CHECK_EQ(pthread_setname_np(pthread_self(), "suite-main"), 0);
	CHECK_EQ(pthread_getname_np(pthread_self(), nm, sizeof(nm)), 0);
	CHECK(strcmp(nm, "suite-main") == 0, "pthread_getname_np gives back the name");
	CHECK_EQ(pthread_getname_np(pthread_self(), nm, 4), ERANGE);
	FILE *sf = fopen("/proc/self/status", "r");
	int seen = 0;
	char line[256];
	while (sf && fgets(line, sizeof(line), sf))
		seen |= strstr(line, " name suite-main") != NULL;
	if (sf)
		fclose(sf);
	CHECK(seen, "/proc/self/status shows the thread's name");
	CHECK_EQ(pthread_setname_np(pthread_self(), ""), 0);

	CHECK_EQ(pthread_create(&t[2], NULL, exits_with_cleanup, (void *)7), 0);
	pthread_join(t[2], &v);
	CHECK_EQ(cleaned, 7);
	CHECK_EQ((intptr_t)v, 7);

	/* attributes */
	pthread_attr_t at;
	size_t sz;
	pthread_attr_init(&at);
	CHECK_EQ(pthread_attr_setstacksize(&at, 64 * 1024), 0);
	CHECK_EQ(pthread_attr_getstacksize(&at, &sz), 0);
	CHECK_EQ(sz, 64 * 1024);
	CHECK_EQ(pthread_attr_setstacksize(&at, 1), EINVAL);
	CHECK_EQ(pthread_attr_setdetachstate(&at, 12345), EINVAL);
	CHECK_EQ(pthread_create(&t[3], &at, ret_value, (void *)5), 0);
	pthread_join(t[3], &v);
	CHECK_EQ((intptr_t)v, 10);
	struct sched_param sp = {.sched_priority = 11};
	pthread_attr_setinheritsched(&at, PTHREAD_EXPLICIT_SCHED);
	pthread_attr_setschedpolicy(&at, SCHED_FIFO);
	pthread_attr_setschedparam(&at, &sp);
	CHECK_EQ(pthread_create(&t[3], &at, ret_value, (void *)1), 0);
	pthread_join(t[3], NULL);
	int pol;
	CHECK_EQ(pthread_getschedparam(pthread_self(), &pol, &sp), 0);
	CHECK(sp.sched_priority >= 1 && sp.sched_priority <= 255, "a valid priority (%d)",
	      sp.sched_priority);
}
