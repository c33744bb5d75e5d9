/*
 * kd_sync.c - kernel double, threads: q_pthread_* over QNX's 8-byte sync_t
 * (mutexes with the recursive/error-checking flags of the QSOE
 * initialisers, condition variables with a futex sequence), thread
 * creation that keeps the creator's "process", clocks and sleeping.
 */
#define _GNU_SOURCE
#include "kd.h"

#include <errno.h>
#include <linux/futex.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

__thread int kd_pid = 1000;
__thread int kd_tid = 1;
__thread uint32_t kd_tmo_flags;
__thread int64_t kd_tmo_ns;
__thread int kd_tmo_set;

int *q___get_errno_ptr(void);

int kd_fail(int qerr)
{
	*q___get_errno_ptr() = qerr;
	return -1;
}

int64_t kd_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* ---- QNX sync_t ---- */

struct q_sync {
	unsigned count; /* bit 31: non-recursive; bits 0..23: recursion count */
	unsigned owner; /* 0 free, 0xffffffff statically initialised, else tid | WAIT */
};
struct q_sync_attr {
	int protocol, flags, prioceiling, clockid, count, reserved[3];
};

#define S_NONREC  0x80000000u
#define S_NOERR   0x40000000u
#define S_WAIT    0x80000000u
#define S_STATIC  0xffffffffu
#define S_CNTMASK 0x00ffffffu

static long futex(unsigned *addr, int op, unsigned val, const struct timespec *ts)
{
	return syscall(SYS_futex, addr, op, val, ts, NULL, 0);
}

static unsigned self_id(void)
{
	return (unsigned)gettid() & 0x3fffffffu;
}

int q_pthread_mutexattr_init(struct q_sync_attr *a)
{
	memset(a, 0, sizeof(*a));
	return 0;
}

int q_pthread_mutexattr_destroy(struct q_sync_attr *a)
{
	return 0;
}

int q_pthread_mutexattr_settype(struct q_sync_attr *a, int type)
{
	a->flags = type;
	return 0;
}

int q_pthread_mutex_init(struct q_sync *m, const struct q_sync_attr *a)
{
	int type = a ? a->flags : 0;
	m->owner = 0;
	m->count = type == 2 ? 0 : type == 3 ? (S_NONREC | S_NOERR) : S_NONREC;
	return 0;
}

int q_pthread_mutex_destroy(struct q_sync *m)
{
	return (m->owner & ~S_WAIT) != 0 && m->owner != S_STATIC ? QE_BUSY : 0;
}

/* Tries once; returns 0, QE_BUSY, or -1 if the caller holds it (relock handled). */
static int try_take(struct q_sync *m, unsigned me)
{
	unsigned o = __atomic_load_n(&m->owner, __ATOMIC_ACQUIRE);

	if (o == S_STATIC)
		__atomic_compare_exchange_n(&m->owner, &o, 0, 0, __ATOMIC_ACQ_REL,
		                            __ATOMIC_RELAXED);
	o = 0;
	if (__atomic_compare_exchange_n(&m->owner, &o, me, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
		return 0;
	if ((o & ~S_WAIT) == me) {
		if (m->count & S_NONREC)
			return QE_DEADLK;
		m->count++;
		return 0;
	}
	return QE_BUSY;
}

int q_pthread_mutex_trylock(struct q_sync *m)
{
	int r = try_take(m, self_id());

	return r == QE_DEADLK ? QE_BUSY : r;
}

int q_pthread_mutex_lock(struct q_sync *m)
{
	unsigned me = self_id();

	for (;;) {
		int r = try_take(m, me);
		if (r != QE_BUSY)
			return r;
		unsigned o = __atomic_load_n(&m->owner, __ATOMIC_RELAXED);
		if (o == 0 || o == S_STATIC)
			continue;
		if (!(o & S_WAIT) &&
		    !__atomic_compare_exchange_n(&m->owner, &o, o | S_WAIT, 0, __ATOMIC_RELAXED,
		                                 __ATOMIC_RELAXED))
			continue;
		futex(&m->owner, FUTEX_WAIT, o | S_WAIT, NULL);
		/* Take it with the wait bit set: others may still be waiting. */
		unsigned z = 0;
		if (__atomic_compare_exchange_n(&m->owner, &z, me | S_WAIT, 0, __ATOMIC_ACQUIRE,
		                                __ATOMIC_RELAXED))
			return 0;
	}
}

int q_pthread_mutex_unlock(struct q_sync *m)
{
	unsigned me = self_id();
	unsigned o = __atomic_load_n(&m->owner, __ATOMIC_RELAXED);

	if ((o & ~S_WAIT) != me)
		return QE_PERM;
	if (!(m->count & S_NONREC) && (m->count & S_CNTMASK)) {
		m->count--;
		return 0;
	}
	o = __atomic_exchange_n(&m->owner, 0, __ATOMIC_RELEASE);
	if (o & S_WAIT)
		futex(&m->owner, FUTEX_WAKE, 1, NULL);
	return 0;
}

int q_pthread_condattr_init(struct q_sync_attr *a)
{
	memset(a, 0, sizeof(*a));
	return 0;
}

int q_pthread_condattr_destroy(struct q_sync_attr *a)
{
	return 0;
}

int q_pthread_condattr_setclock(struct q_sync_attr *a, int clk)
{
	a->clockid = clk;
	return 0;
}

int q_pthread_cond_init(struct q_sync *c, const struct q_sync_attr *a)
{
	c->count = a ? (unsigned)a->clockid : 0;
	c->owner = 0;
	return 0;
}

int q_pthread_cond_destroy(struct q_sync *c)
{
	return 0;
}

struct q_timespec {
	long tv_sec;
	long tv_nsec;
};

/* Waits on c (timeout abs on c's clock, or forever); relocks m. */
static int cond_wait(struct q_sync *c, struct q_sync *m, const struct q_timespec *abs)
{
	unsigned seq = __atomic_load_n(&c->owner, __ATOMIC_ACQUIRE);
	unsigned rec = m->count & S_CNTMASK;
	struct timespec rel, *tp = NULL;

	if (abs != NULL) {
		struct timespec now;
		clock_gettime(c->count == 2 ? CLOCK_MONOTONIC : CLOCK_REALTIME, &now);
		int64_t ns =
		        (abs->tv_sec - now.tv_sec) * 1000000000LL + (abs->tv_nsec - now.tv_nsec);
		if (ns <= 0)
			return QE_TIMEDOUT;
		rel.tv_sec = ns / 1000000000LL;
		rel.tv_nsec = ns % 1000000000LL;
		tp = &rel;
	}
	if (!(m->count & S_NONREC))
		m->count &= ~S_CNTMASK;
	q_pthread_mutex_unlock(m);
	long r = futex(&c->owner, FUTEX_WAIT, seq, tp);
	int timedout = r < 0 && errno == ETIMEDOUT;
	q_pthread_mutex_lock(m);
	if (!(m->count & S_NONREC))
		m->count |= rec;
	return timedout ? QE_TIMEDOUT : 0;
}

int q_pthread_cond_wait(struct q_sync *c, struct q_sync *m)
{
	return cond_wait(c, m, NULL);
}

int q_pthread_cond_timedwait(struct q_sync *c, struct q_sync *m, const struct q_timespec *abs)
{
	return cond_wait(c, m, abs);
}

int q_pthread_cond_signal(struct q_sync *c)
{
	__atomic_fetch_add(&c->owner, 1, __ATOMIC_RELEASE);
	futex(&c->owner, FUTEX_WAKE, 1, NULL);
	return 0;
}

int q_pthread_cond_broadcast(struct q_sync *c)
{
	__atomic_fetch_add(&c->owner, 1, __ATOMIC_RELEASE);
	futex(&c->owner, FUTEX_WAKE, 0x7fffffff, NULL);
	return 0;
}

/* ---- threads ---- */

struct q_thread_attr {
	int flags;
	size_t stacksize;
	void *stackaddr;
	void *exitfunc;
	int policy;
	char param[48];
	unsigned guardsize, prealloc;
	uintptr_t reserved1;
};
_Static_assert(sizeof(struct q_thread_attr) == 104, "pthread_attr_t layout");

#define MAX_THREADS 4096
static pthread_t threads[MAX_THREADS];
static int nthreads = 1;
static pthread_mutex_t tlock = PTHREAD_MUTEX_INITIALIZER;

struct start {
	void *(*fn)(void *);
	void *arg;
	int pid;
	int tid;
};

static void *trampoline(void *p)
{
	struct start s = *(struct start *)p;

	free(p);
	kd_pid = s.pid;
	kd_tid = s.tid;
	return s.fn(s.arg);
}

int q_pthread_attr_init(struct q_thread_attr *a)
{
	memset(a, 0, sizeof(*a));
	return 0;
}

int q_pthread_attr_destroy(struct q_thread_attr *a)
{
	return 0;
}

int q_pthread_attr_setdetachstate(struct q_thread_attr *a, int s)
{
	a->flags = (a->flags & ~1) | (s & 1);
	return 0;
}

int q_pthread_attr_setstacksize(struct q_thread_attr *a, size_t n)
{
	a->stacksize = n;
	return 0;
}

int q_pthread_create(int *t, const struct q_thread_attr *a, void *(*fn)(void *), void *arg)
{
	struct start *s = malloc(sizeof(*s));

	if (s == NULL)
		return QE_AGAIN;
	pthread_mutex_lock(&tlock);
	if (nthreads >= MAX_THREADS) {
		pthread_mutex_unlock(&tlock);
		free(s);
		return QE_AGAIN;
	}
	int id = ++nthreads;
	pthread_mutex_unlock(&tlock);
	*s = (struct start){fn, arg, kd_pid, id};
	pthread_attr_t ga;
	pthread_attr_init(&ga);
	if (a != NULL && (a->flags & 1))
		pthread_attr_setdetachstate(&ga, PTHREAD_CREATE_DETACHED);
	int r = pthread_create(&threads[id], &ga, trampoline, s);
	pthread_attr_destroy(&ga);
	if (r != 0) {
		free(s);
		return QE_AGAIN;
	}
	if (t != NULL)
		*t = id;
	return 0;
}

int q_pthread_join(int t, void **val)
{
	if (t <= 1 || t >= MAX_THREADS)
		return QE_SRCH;
	return pthread_join(threads[t], val) == 0 ? 0 : QE_SRCH;
}

int q_pthread_detach(int t)
{
	if (t <= 1 || t >= MAX_THREADS)
		return QE_SRCH;
	return pthread_detach(threads[t]) == 0 ? 0 : QE_SRCH;
}

int q_pthread_self(void)
{
	return kd_tid;
}

void q_pthread_exit(void *v)
{
	pthread_exit(v);
}

/* ---- clocks ---- */

int q_clock_gettime(int clk, struct q_timespec *ts)
{
	struct timespec t;

	clock_gettime(clk == 2 ? CLOCK_MONOTONIC : CLOCK_REALTIME, &t);
	ts->tv_sec = t.tv_sec;
	ts->tv_nsec = t.tv_nsec;
	return 0;
}

int q_usleep(unsigned us)
{
	usleep(us);
	return 0;
}

int q_nanosleep(const struct q_timespec *req, struct q_timespec *rem)
{
	struct timespec t = {req->tv_sec, req->tv_nsec};

	nanosleep(&t, NULL);
	return 0;
}

unsigned q_sleep(unsigned s)
{
	return sleep(s);
}
