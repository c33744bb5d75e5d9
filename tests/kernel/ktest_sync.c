/*
 * ktest_sync - mutexes, condition variables and semaphores: the fast paths
 * of <qsoe/syncfast.h> and every Sync* kernel call with its errors.
 *
 * Priority inheritance, priority ceilings, robust mutexes and thread death
 * are in ktest_sync_pi; the many-thread stress run in ktest_sync_stress.
 */
#include "ktsync.h"

/* ---- owner ids ---- */

static void *read_owner(void *arg)
{
	*(unsigned *)arg = __tls()->__owner;
	return NULL;
}

static void *nothing(void *arg)
{
	return arg;
}

/* Creates and joins as many threads as the tests use at once (kernel tables grow). */
static void warm_up(void)
{
	int tids[12];

	for (int k = 0; k < 12; k++)
		tids[k] = kts_spawn(nothing, NULL, 0);
	for (int k = 0; k < 12; k++) {
		KT_CHECK(tids[k] > 0);
		KT_EQ(kts_join(tids[k], NULL), 0);
	}
}

static void test_owner_ids(void)
{
	unsigned me = __tls()->__owner, other = 0;

	KT_CHECK(me != 0 && me <= _QSOE_SYNC_OWNER_MAX);
	int tid = kts_spawn(read_owner, &other, 0);
	KT_CHECK(tid > 0);
	KT_EQ(kts_join(tid, NULL), 0);
	KT_CHECK(other != 0 && other != me && other <= _QSOE_SYNC_OWNER_MAX);
}

/* ---- SyncTypeCreate ---- */

static void test_create(void)
{
	sync_t s;
	struct _sync_attr a;
	char buf[16] __attribute__((aligned(8)));

	memset(&s, 0xff, sizeof(s));
	KT_EQ(SyncTypeCreate_r(_NTO_SYNC_MUTEX_FREE, &s, NULL), 0);
	KT_EQ(s.__owner, _NTO_SYNC_MUTEX_FREE);
	KT_EQ(s.__u.__count, 0); /* default attributes: recursive, inheritance */

	memset(&a, 0, sizeof(a));
	a.__flags = (int)(_NTO_SYNC_NONRECURSIVE | _NTO_SYNC_ROBUST);
	KT_EQ(SyncTypeCreate_r(_NTO_SYNC_MUTEX_FREE, &s, &a), 0);
	KT_EQ(s.__u.__count, _NTO_SYNC_NONRECURSIVE | _NTO_SYNC_ROBUST);
	a.__flags = 0;
	a.__protocol = 1; /* PTHREAD_PRIO_NONE */
	KT_EQ(SyncTypeCreate_r(_NTO_SYNC_MUTEX_FREE, &s, &a), 0);
	KT_EQ(s.__u.__count, _NTO_SYNC_PRIONONE);
	a.__protocol = 2; /* PTHREAD_PRIO_PROTECT */
	a.__prioceiling = 33;
	KT_EQ(SyncTypeCreate_r(_NTO_SYNC_MUTEX_FREE, &s, &a), 0);
	KT_EQ(s.__u.__count, _NTO_SYNC_PRIOCEILING | (33u << _QSOE_SYNC_CEILING_SHIFT));

	/* Bad attributes. */
	a.__prioceiling = 0;
	KT_EQ(SyncTypeCreate_r(_NTO_SYNC_MUTEX_FREE, &s, &a), -EINVAL);
	a.__prioceiling = 256;
	KT_EQ(SyncTypeCreate_r(_NTO_SYNC_MUTEX_FREE, &s, &a), -EINVAL);
	a.__protocol = 7;
	KT_EQ(SyncTypeCreate_r(_NTO_SYNC_MUTEX_FREE, &s, &a), -EINVAL);
	a.__protocol = 0;
	a.__flags = 0x1234;
	KT_EQ(SyncTypeCreate_r(_NTO_SYNC_MUTEX_FREE, &s, &a), -EINVAL);
	KT_EQ(SyncTypeCreate_r(0x1234, &s, NULL), -EINVAL);

	/* Semaphores and condvars. */
	memset(&a, 0, sizeof(a));
	a.__count = 5;
	KT_EQ(SyncTypeCreate_r(_NTO_SYNC_SEM, &s, &a), 0);
	KT_EQ(s.__owner, _NTO_SYNC_SEM);
	KT_EQ(s.__u.__count, 5);
	a.__count = -1;
	KT_EQ(SyncTypeCreate_r(_NTO_SYNC_SEM, &s, &a), -EINVAL);
	KT_EQ(SyncTypeCreate_r(_NTO_SYNC_COND, &s, NULL), 0);
	KT_EQ(s.__owner, _NTO_SYNC_COND);
	KT_EQ(s.__u.__count, CLOCK_REALTIME);
	memset(&a, 0, sizeof(a));
	a.__clockid = CLOCK_MONOTONIC;
	KT_EQ(SyncTypeCreate_r(_NTO_SYNC_COND, &s, &a), 0);
	KT_EQ(s.__u.__count, CLOCK_MONOTONIC);
	a.__clockid = 99;
	KT_EQ(SyncTypeCreate_r(_NTO_SYNC_COND, &s, &a), -EINVAL);

	/* Bad pointers. */
	KT_EQ(SyncTypeCreate_r(_NTO_SYNC_MUTEX_FREE, &s, (struct _sync_attr *)UNMAPPED_VA),
	      -EFAULT);
	KT_EQ(SyncTypeCreate_r(_NTO_SYNC_MUTEX_FREE, NULL, NULL), -EFAULT);
	KT_EQ(SyncTypeCreate_r(_NTO_SYNC_MUTEX_FREE, KERNEL_VA, NULL), -EFAULT);
	KT_EQ(SyncTypeCreate_r(_NTO_SYNC_MUTEX_FREE, UNMAPPED_VA, NULL), -EFAULT);
	KT_EQ(SyncTypeCreate_r(_NTO_SYNC_MUTEX_FREE, (sync_t *)(buf + 2), NULL), -EINVAL);
	/* Read-only memory cannot hold a sync object. */
	long ro = (long)VmMap_r(0, NULL, 4096, PROT_READ | PROT_WRITE, MAP_ANON, 0);
	KT_CHECK(ro > 0);
	if (ro > 0) {
		KT_EQ(VmProtect_r(0, (void *)ro, 4096, PROT_READ), 0);
		KT_EQ(SyncTypeCreate_r(_NTO_SYNC_MUTEX_FREE, (sync_t *)ro, NULL), -EFAULT);
		KT_EQ(SyncMutexLock_r((sync_t *)ro), -EFAULT);
		KT_EQ(VmUnmap_r(0, (void *)ro, 4096), 0);
	}
}

/* ---- uncontended mutexes ---- */

static sync_t nk_sem;

static void *post_later(void *arg)
{
	kts_sleep(300 * MS);
	SyncSemPost_r((sync_t *)arg);
	return NULL;
}

static void test_uncontended(void)
{
	sync_t m;
	unsigned me = __tls()->__owner;

	kts_mutex(&m, (int)_NTO_SYNC_NONRECURSIVE);
	KT_EQ(__qsoe_mutex_lock(&m), 0);
	KT_EQ(m.__owner, me);
	KT_EQ(__qsoe_mutex_unlock(&m), 0);
	KT_EQ(m.__owner, 0);

	/*
	 * No kernel entry on the fast path: a TimerTimeout applies to the next
	 * kernel call only, so if lock and unlock made none, the semaphore wait
	 * after them still times out at once. (A helper posts the semaphore
	 * later, so a failing check cannot hang.)
	 */
	kts_sem(&nk_sem, 0);
	int tid = kts_spawn(post_later, &nk_sem, 0);
	KT_CHECK(tid > 0);
	TimerTimeout_r(CLOCK_MONOTONIC, _NTO_TIMEOUT_SEM | _NTO_TIMEOUT_NO_WAIT, NULL, NULL, NULL);
	int a = __qsoe_mutex_lock(&m);
	int b = __qsoe_mutex_unlock(&m);
	int c = __qsoe_mutex_lock(&m);
	int d = __qsoe_mutex_unlock(&m);
	long w = SyncSemWait_r(&nk_sem, 0);
	KT_EQ(a | b | c | d, 0);
	KT_EQ(w, -ETIMEDOUT);
	KT_EQ(kts_join(tid, NULL), 0);

	/* The kernel calls directly. */
	KT_EQ(SyncMutexLock_r(&m), 0);
	KT_EQ(m.__owner, me);
	KT_EQ(SyncMutexUnlock_r(&m), 0);
	KT_EQ(m.__owner, 0);
	KT_EQ(SyncMutexUnlock_r(&m), -EINVAL); /* QNX: the caller does not own it */
	KT_EQ(__qsoe_mutex_unlock(&m), EPERM);

	/* Statically initialised (PTHREAD_MUTEX_INITIALIZER): the kernel finishes it. */
	sync_t st = {{_NTO_SYNC_NONRECURSIVE}, _NTO_SYNC_INITIALIZER};
	KT_EQ(__qsoe_mutex_lock(&st), 0);
	KT_EQ(st.__owner, me);
	KT_EQ(__qsoe_mutex_unlock(&st), 0);
	KT_EQ(st.__owner, 0);
	sync_t st2 = {{0}, _NTO_SYNC_INITIALIZER};
	KT_EQ(__qsoe_mutex_trylock(&st2), 0);
	KT_EQ(st2.__owner, me);
	KT_EQ(__qsoe_mutex_unlock(&st2), 0);
}

/* ---- recursion and error checking ---- */

static void test_recursion(void)
{
	sync_t r, e, n;
	unsigned me = __tls()->__owner;

	kts_mutex(&r, 0);
	KT_EQ(__qsoe_mutex_lock(&r), 0);
	KT_EQ(__qsoe_mutex_lock(&r), 0);
	KT_EQ(__qsoe_mutex_trylock(&r), 0);
	KT_EQ(r.__u.__count & _NTO_SYNC_COUNTMASK, 2);
	KT_EQ(SyncMutexLock_r(&r), 0);
	KT_EQ(r.__u.__count & _NTO_SYNC_COUNTMASK, 3);
	KT_EQ(SyncMutexUnlock_r(&r), 0);
	KT_EQ(r.__u.__count & _NTO_SYNC_COUNTMASK, 2);
	for (int i = 0; i < 3; i++) {
		KT_EQ(r.__owner, me);
		KT_EQ(__qsoe_mutex_unlock(&r), 0);
	}
	KT_EQ(r.__owner, 0);
	KT_EQ(r.__u.__count, 0);
	/* The recursion count is bounded: EAGAIN, not a wrap-around. */
	KT_EQ(__qsoe_mutex_lock(&r), 0);
	r.__u.__count = _NTO_SYNC_COUNTMASK;
	KT_EQ(__qsoe_mutex_lock(&r), EAGAIN);
	KT_EQ(SyncMutexLock_r(&r), -EAGAIN);
	r.__u.__count = 0;
	KT_EQ(__qsoe_mutex_unlock(&r), 0);

	/* Error checking (NONRECURSIVE). */
	kts_mutex(&e, (int)_NTO_SYNC_NONRECURSIVE);
	KT_EQ(__qsoe_mutex_lock(&e), 0);
	KT_EQ(__qsoe_mutex_lock(&e), EDEADLK);
	KT_EQ(SyncMutexLock_r(&e), -EDEADLK);
	KT_EQ(__qsoe_mutex_trylock(&e), EBUSY);
	KT_EQ(__qsoe_mutex_unlock(&e), 0);
	KT_EQ(__qsoe_mutex_unlock(&e), EPERM);

	/* "Normal" (no error check): relocking deadlocks; a timeout ends it. */
	kts_mutex(&n, (int)(_NTO_SYNC_NONRECURSIVE | _NTO_SYNC_NOERRORCHECK));
	KT_EQ(__qsoe_mutex_lock(&n), 0);
	KT_EQ(__qsoe_mutex_trylock(&n), EBUSY);
	uint64_t t = 20 * MS;
	KT_EQ(TimerTimeout_r(CLOCK_MONOTONIC, _NTO_TIMEOUT_MUTEX, NULL, &t, NULL), 0);
	KT_EQ(SyncMutexLock_r(&n), -ETIMEDOUT);
	KT_EQ(n.__owner & _NTO_SYNC_OWNER_MASK, me);
	KT_EQ(__qsoe_mutex_unlock(&n), 0);
	KT_EQ(n.__owner, 0);
}

/* ---- contended mutex: a holder thread ---- */

struct holder {
	sync_t *m;
	sync_t go;     /* posted when the holder must unlock */
	sync_t locked; /* posted once it holds the mutex */
};

static void *hold_fn(void *arg)
{
	struct holder *h = arg;

	if (__qsoe_mutex_lock(h->m) != 0)
		return (void *)1;
	__qsoe_sem_post(&h->locked);
	__qsoe_sem_wait(&h->go);
	return (void *)(long)__qsoe_mutex_unlock(h->m);
}

static int start_holder(struct holder *h, sync_t *m)
{
	h->m = m;
	kts_sem(&h->go, 0);
	kts_sem(&h->locked, 0);
	int tid = kts_spawn(hold_fn, h, 0);
	KT_CHECK(tid > 0);
	KT_EQ(__qsoe_sem_wait(&h->locked), 0);
	return tid;
}

static void test_trylock_timeout(void)
{
	sync_t m;
	struct holder h;
	void *v = (void *)-1;

	kts_mutex(&m, (int)_NTO_SYNC_NONRECURSIVE);
	int tid = start_holder(&h, &m);
	unsigned owner = m.__owner;
	KT_CHECK(owner != 0 && owner != __tls()->__owner);
	KT_EQ(__qsoe_mutex_trylock(&m), EBUSY);
	KT_EQ(SyncMutexUnlock_r(&m), -EINVAL); /* not ours */
	KT_EQ(__qsoe_mutex_unlock(&m), EPERM);
	KT_EQ(m.__owner, owner);

	/* A timed lock gives up; the waiter's WAITING bit sends the unlock to the kernel. */
	uint64_t t0 = kts_now(), t = 20 * MS;
	KT_EQ(TimerTimeout_r(CLOCK_MONOTONIC, _NTO_TIMEOUT_MUTEX, NULL, &t, NULL), 0);
	KT_EQ(SyncMutexLock_r(&m), -ETIMEDOUT);
	KT_CHECK(kts_now() - t0 >= 20 * MS);
	KT_EQ(m.__owner, owner | _NTO_SYNC_WAITING);
	KT_EQ(__qsoe_mutex_timedlock(&m, CLOCK_MONOTONIC, kts_now() + 10 * MS), ETIMEDOUT);
	KT_EQ(__qsoe_sem_post(&h.go), 0);
	KT_EQ(kts_join(tid, &v), 0);
	KT_EQ((long)v, 0);
	KT_EQ(m.__owner, 0);
	KT_EQ(__qsoe_mutex_trylock(&m), 0);
	KT_EQ(__qsoe_mutex_unlock(&m), 0);
}

/* ---- many threads, one counter ---- */

#define CNT_THREADS 8
#define CNT_ITERS   500 /* every one may be a cross-hart hand-off: keep the run bounded */

static sync_t cnt_mutex;
static volatile unsigned long counter;
static volatile unsigned long per_thread[CNT_THREADS];

static volatile unsigned long contended, queued;

static void *count_fn(void *arg)
{
	unsigned k = (unsigned)(uintptr_t)arg;
	int bad = 0;

	for (int i = 0; i < CNT_ITERS; i++) {
		if (__qsoe_mutex_trylock(&cnt_mutex) != 0) {
			bad |= __qsoe_mutex_lock(&cnt_mutex);
			contended++; /* under the mutex */
		}
		unsigned long c = counter;
		if (i % 100 == 0)
			SchedYield_r(); /* now and then hold it across a switch: others queue */
		counter = c + 1;
		per_thread[k]++;
		if (cnt_mutex.__owner & _NTO_SYNC_WAITING)
			queued++; /* someone waits in the kernel: this unlock hands it over */
		bad |= __qsoe_mutex_unlock(&cnt_mutex);
	}
	return (void *)(long)bad;
}

static void test_counter(void)
{
	int tids[CNT_THREADS];

	kts_mutex(&cnt_mutex, (int)_NTO_SYNC_NONRECURSIVE);
	counter = contended = queued = 0;
	for (int k = 0; k < CNT_THREADS; k++)
		per_thread[k] = 0;
	for (int k = 0; k < CNT_THREADS; k++)
		tids[k] = kts_spawn(count_fn, (void *)(uintptr_t)k, 0);
	for (int k = 0; k < CNT_THREADS; k++) {
		void *v = (void *)-1;
		KT_CHECK(tids[k] > 0);
		KT_EQ(kts_join(tids[k], &v), 0);
		KT_EQ((long)v, 0);
		KT_EQ(per_thread[k], CNT_ITERS);
	}
	KT_EQ(counter, CNT_THREADS * CNT_ITERS);
	KT_EQ(cnt_mutex.__owner, 0);
	/* Both paths were taken: lockers found it held, and some queued in the kernel. */
	kt_printf("%s: %lu contended acquisitions, %lu hand-offs to queued waiters\n", kt_name,
	          contended, queued);
	KT_CHECK(contended > 0);
	KT_CHECK(queued > 0);
}

/* ---- condition variables ---- */

#define CV_WAITERS 4

static sync_t cv_mutex, cv;
static volatile int cv_tokens, cv_waiting, cv_woken;

static void *cv_waiter(void *arg)
{
	(void)arg;
	int bad = __qsoe_mutex_lock(&cv_mutex);
	cv_waiting++;
	while (cv_tokens == 0)
		bad |= __qsoe_cond_wait(&cv, &cv_mutex);
	/* Back from the wait: the mutex is ours again. */
	if ((cv_mutex.__owner & _NTO_SYNC_OWNER_MASK) != __tls()->__owner)
		bad |= 0x100;
	cv_tokens--;
	cv_woken++;
	bad |= __qsoe_mutex_unlock(&cv_mutex);
	return (void *)(long)bad;
}

static int cv_all_waiting(void)
{
	__qsoe_mutex_lock(&cv_mutex);
	int n = cv_waiting;
	__qsoe_mutex_unlock(&cv_mutex);
	return n == CV_WAITERS;
}

static void test_condvar(void)
{
	int tids[CV_WAITERS];

	kts_mutex(&cv_mutex, (int)_NTO_SYNC_NONRECURSIVE);
	kts_cond(&cv);
	cv_tokens = cv_waiting = cv_woken = 0;
	for (int k = 0; k < CV_WAITERS; k++)
		tids[k] = kts_spawn(cv_waiter, NULL, 0);
	/* Holding the mutex with all counted means all are queued on cv. */
	KTS_WAIT_UNTIL(cv_all_waiting(), 2000);
	KT_EQ(cv_waiting, CV_WAITERS);

	/* Signal wakes exactly one. */
	KT_EQ(__qsoe_mutex_lock(&cv_mutex), 0);
	cv_tokens = 1;
	KT_EQ(__qsoe_cond_signal(&cv), 0);
	KT_EQ(__qsoe_mutex_unlock(&cv_mutex), 0);
	KTS_WAIT_UNTIL(cv_woken == 1, 2000);
	kts_sleep(20 * MS);
	KT_EQ(cv_woken, 1);

	/* Broadcast wakes the rest. */
	KT_EQ(__qsoe_mutex_lock(&cv_mutex), 0);
	cv_tokens = CV_WAITERS - 1;
	KT_EQ(__qsoe_cond_broadcast(&cv), 0);
	KT_EQ(__qsoe_mutex_unlock(&cv_mutex), 0);
	for (int k = 0; k < CV_WAITERS; k++) {
		void *v = (void *)-1;
		KT_CHECK(tids[k] > 0);
		KT_EQ(kts_join(tids[k], &v), 0);
		KT_EQ((long)v, 0);
	}
	KT_EQ(cv_woken, CV_WAITERS);
	KT_EQ(cv_tokens, 0);
	/* Signalling with nobody waiting is fine. */
	KT_EQ(__qsoe_cond_signal(&cv), 0);
	KT_EQ(__qsoe_cond_broadcast(&cv), 0);

	/* A recursive mutex keeps its count across the wait. */
	sync_t rm, c2;
	kts_mutex(&rm, 0);
	kts_cond(&c2);
	KT_EQ(__qsoe_mutex_lock(&rm), 0);
	KT_EQ(__qsoe_mutex_lock(&rm), 0);
	uint64_t t = 5 * MS;
	TimerTimeout_r(CLOCK_MONOTONIC, _NTO_TIMEOUT_CONDVAR, NULL, &t, NULL);
	KT_EQ(SyncCondvarWait_r(&c2, &rm), -ETIMEDOUT);
	KT_EQ(rm.__u.__count & _NTO_SYNC_COUNTMASK, 1);
	KT_EQ(__qsoe_mutex_unlock(&rm), 0);
	KT_EQ(__qsoe_mutex_unlock(&rm), 0);
	KT_EQ(rm.__owner, 0);
}

/* Condvar timeouts: the wait ends with ETIMEDOUT and the mutex held. */
struct cvt {
	sync_t m, c, ready;
	long result;
	int had_mutex;
};

static void *cvt_fn(void *arg)
{
	struct cvt *x = arg;

	__qsoe_mutex_lock(&x->m);
	__qsoe_sem_post(&x->ready);
	x->result = __qsoe_cond_timedwait(&x->c, &x->m, CLOCK_MONOTONIC, kts_now() + 30 * MS);
	x->had_mutex = (x->m.__owner & _NTO_SYNC_OWNER_MASK) == __tls()->__owner;
	__qsoe_mutex_unlock(&x->m);
	return NULL;
}

static void test_condvar_timeout(void)
{
	sync_t m, c;
	unsigned me = __tls()->__owner;

	/* Simple: nobody holds the mutex when the timeout fires. */
	kts_mutex(&m, (int)_NTO_SYNC_NONRECURSIVE);
	kts_cond(&c);
	KT_EQ(__qsoe_mutex_lock(&m), 0);
	uint64_t t0 = kts_now(), t = 20 * MS;
	KT_EQ(TimerTimeout_r(CLOCK_MONOTONIC, _NTO_TIMEOUT_CONDVAR, NULL, &t, NULL), 0);
	KT_EQ(SyncCondvarWait_r(&c, &m), -ETIMEDOUT);
	KT_CHECK(kts_now() - t0 >= 20 * MS);
	KT_EQ(m.__owner, me);
	KT_EQ(__qsoe_cond_timedwait(&c, &m, CLOCK_MONOTONIC, kts_now() + 5 * MS), ETIMEDOUT);
	KT_EQ(m.__owner, me);
	KT_EQ(__qsoe_mutex_unlock(&m), 0);

	/*
	 * The timeout fires while another thread holds the mutex: the waiter
	 * moves to the mutex's queue (WAITING appears) and returns ETIMEDOUT
	 * only once it has the mutex.
	 */
	static struct cvt x;
	kts_mutex(&x.m, (int)_NTO_SYNC_NONRECURSIVE);
	kts_cond(&x.c);
	kts_sem(&x.ready, 0);
	x.result = -1;
	x.had_mutex = 0;
	int tid = kts_spawn(cvt_fn, &x, 0);
	KT_CHECK(tid > 0);
	KT_EQ(__qsoe_sem_wait(&x.ready), 0);
	KT_EQ(__qsoe_mutex_lock(&x.m), 0); /* granted once the waiter released it */
	KTS_WAIT_UNTIL((x.m.__owner & _NTO_SYNC_WAITING) != 0, 2000);
	KT_EQ(x.m.__owner, me | _NTO_SYNC_WAITING);
	KT_EQ(x.result, -1); /* still waiting for the mutex */
	KT_EQ(__qsoe_mutex_unlock(&x.m), 0);
	KT_EQ(kts_join(tid, NULL), 0);
	KT_EQ(x.result, ETIMEDOUT);
	KT_EQ(x.had_mutex, 1);
	KT_EQ(x.m.__owner, 0);
}

/* ---- semaphores ---- */

struct semw {
	sync_t *s;
	long result;
};

static void *sem_waiter(void *arg)
{
	struct semw *w = arg;

	w->result = SyncSemWait_r(w->s, 0);
	return NULL;
}

static void test_semaphore(void)
{
	sync_t s;
	int v = -1;

	kts_sem(&s, 0);
	KT_EQ(__qsoe_sem_trywait(&s), EAGAIN);
	KT_EQ(SyncSemWait_r(&s, 1), -EAGAIN); /* tryto */
	KT_EQ(__qsoe_sem_post(&s), 0);
	KT_EQ(__qsoe_sem_value(&s), 1);
	KT_EQ(__qsoe_sem_trywait(&s), 0);
	KT_EQ(__qsoe_sem_value(&s), 0);
	for (int i = 0; i < 3; i++)
		KT_EQ(SyncSemPost_r(&s), 0);
	KT_EQ(SyncCtl_r(_NTO_SCTL_SEM_VALUE, &s, &v), 0);
	KT_EQ(v, 3);
	KT_EQ(SyncSemWait_r(&s, 0), 0);
	KT_EQ(SyncSemWait_r(&s, 1), 0);
	KT_EQ(__qsoe_sem_wait(&s), 0);
	KT_EQ(__qsoe_sem_value(&s), 0);

	/* A blocked waiter: the kernel sets WAITING; a post hands it the unit. */
	static struct semw w;
	w.s = &s;
	w.result = 1;
	int tid = kts_spawn(sem_waiter, &w, 0);
	KT_CHECK(tid > 0);
	KTS_WAIT_UNTIL((s.__u.__count & _QSOE_SYNC_SEM_WAITING) != 0, 2000);
	KT_EQ(s.__u.__count, _QSOE_SYNC_SEM_WAITING);
	KT_EQ(w.result, 1);
	KT_EQ(__qsoe_sem_post(&s), 0);
	KT_EQ(kts_join(tid, NULL), 0);
	KT_EQ(w.result, 0);
	KT_EQ(s.__u.__count, 0); /* the unit went to the waiter; the bit is gone */

	/* Timeout: ETIMEDOUT, the value unchanged; the stale WAITING bit is harmless. */
	uint64_t t0 = kts_now(), t = 20 * MS;
	KT_EQ(TimerTimeout_r(CLOCK_MONOTONIC, _NTO_TIMEOUT_SEM, NULL, &t, NULL), 0);
	KT_EQ(SyncSemWait_r(&s, 0), -ETIMEDOUT);
	KT_CHECK(kts_now() - t0 >= 20 * MS);
	KT_EQ(__qsoe_sem_value(&s), 0);
	KT_EQ(__qsoe_sem_timedwait(&s, CLOCK_MONOTONIC, kts_now() + 5 * MS), ETIMEDOUT);
	KT_EQ(__qsoe_sem_post(&s), 0);
	KT_EQ(s.__u.__count, 1);
	KT_EQ(__qsoe_sem_wait(&s), 0);

	/* The value is bounded by SEM_VALUE_MAX. */
	kts_sem(&s, 0x7fffffff);
	KT_EQ(__qsoe_sem_post(&s), EOVERFLOW);
	KT_EQ(SyncSemPost_r(&s), -EOVERFLOW);
	KT_EQ(__qsoe_sem_value(&s), 0x7fffffff);
}

/* ---- destroy ---- */

static struct {
	sync_t m, c, ready;
} dw;

static void *cond_wait_fn(void *arg)
{
	(void)arg;
	__qsoe_mutex_lock(&dw.m);
	__qsoe_sem_post(&dw.ready);
	long r = SyncCondvarWait_r(&dw.c, &dw.m);
	__qsoe_mutex_unlock(&dw.m);
	return (void *)r;
}

static void test_destroy(void)
{
	sync_t m, s;
	struct holder h;

	kts_mutex(&m, (int)_NTO_SYNC_NONRECURSIVE);
	KT_EQ(SyncDestroy_r(&m), 0);
	KT_EQ(m.__owner, _NTO_SYNC_DESTROYED);
	KT_EQ(__qsoe_mutex_lock(&m), EINVAL);
	KT_EQ(SyncMutexLock_r(&m), -EINVAL);
	KT_EQ(SyncMutexUnlock_r(&m), -EINVAL);
	KT_EQ(SyncDestroy_r(&m), -EINVAL);

	/* A locked mutex is busy. */
	kts_mutex(&m, (int)_NTO_SYNC_NONRECURSIVE);
	int tid = start_holder(&h, &m);
	KT_EQ(SyncDestroy_r(&m), -EBUSY);
	KT_EQ(__qsoe_sem_post(&h.go), 0);
	KT_EQ(kts_join(tid, NULL), 0);
	KT_EQ(SyncDestroy_r(&m), 0);

	/* A condvar with a waiter is busy; it cannot be created over either. */
	kts_mutex(&dw.m, (int)_NTO_SYNC_NONRECURSIVE);
	kts_cond(&dw.c);
	kts_sem(&dw.ready, 0);
	tid = kts_spawn(cond_wait_fn, NULL, 0);
	KT_CHECK(tid > 0);
	KT_EQ(__qsoe_sem_wait(&dw.ready), 0);
	KT_EQ(__qsoe_mutex_lock(&dw.m), 0); /* ours once the waiter is queued on c */
	KT_EQ(__qsoe_mutex_unlock(&dw.m), 0);
	KT_EQ(SyncDestroy_r(&dw.c), -EBUSY);
	KT_EQ(SyncTypeCreate_r(_NTO_SYNC_COND, &dw.c, NULL), -EBUSY);
	KT_EQ(__qsoe_cond_signal(&dw.c), 0);
	void *v = (void *)-1;
	KT_EQ(kts_join(tid, &v), 0);
	KT_EQ((long)v, 0);
	KT_EQ(SyncDestroy_r(&dw.c), 0);
	KT_EQ(__qsoe_cond_signal(&dw.c), EINVAL);
	KT_EQ(SyncDestroy_r(&dw.m), 0);

	kts_sem(&s, 1);
	KT_EQ(SyncDestroy_r(&s), 0);
	KT_EQ(__qsoe_sem_post(&s), EINVAL);
	KT_EQ(SyncSemPost_r(&s), -EINVAL);
	KT_EQ(SyncSemWait_r(&s, 0), -EINVAL);
}

/* ---- bad pointers and objects of the wrong kind ---- */

static void test_bad_args(void)
{
	sync_t m, c, s;
	char buf[16] __attribute__((aligned(8)));
	sync_t *mis = (sync_t *)(buf + 1);
	int x = 0;
	static void *const bad[] = {NULL, KERNEL_VA, UNMAPPED_VA, (void *)0x10};

	kts_mutex(&m, (int)_NTO_SYNC_NONRECURSIVE);
	kts_cond(&c);
	kts_sem(&s, 0);
	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		sync_t *p = bad[i];
		KT_EQ(SyncMutexLock_r(p), -EFAULT);
		KT_EQ(SyncMutexUnlock_r(p), -EFAULT);
		KT_EQ(SyncMutexRevive_r(p), -EFAULT);
		KT_EQ(SyncCondvarWait_r(p, &m), -EFAULT);
		KT_EQ(SyncCondvarWait_r(&c, p), -EFAULT);
		KT_EQ(SyncCondvarSignal_r(p, 0), -EFAULT);
		KT_EQ(SyncSemPost_r(p), -EFAULT);
		KT_EQ(SyncSemWait_r(p, 0), -EFAULT);
		KT_EQ(SyncCtl_r(_NTO_SCTL_SEM_VALUE, p, &x), -EFAULT);
		KT_EQ(SyncDestroy_r(p), -EFAULT);
	}
	KT_EQ(SyncMutexLock_r(mis), -EINVAL);
	KT_EQ(SyncSemPost_r(mis), -EINVAL);
	KT_EQ(SyncCtl_r(_NTO_SCTL_SEM_VALUE, &s, UNMAPPED_VA), -EFAULT);

	/* Objects of the wrong kind. */
	KT_EQ(SyncMutexLock_r(&c), -EINVAL);
	KT_EQ(SyncMutexLock_r(&s), -EINVAL);
	KT_EQ(SyncSemWait_r(&m, 1), -EINVAL);
	KT_EQ(SyncSemPost_r(&c), -EINVAL);
	KT_EQ(SyncCondvarSignal_r(&m, 1), -EINVAL);
	KT_EQ(__qsoe_mutex_lock(&m), 0);
	KT_EQ(SyncCondvarWait_r(&m, &m), -EINVAL); /* same object */
	KT_EQ(SyncCondvarWait_r(&s, &m), -EINVAL); /* not a condvar */
	KT_EQ(__qsoe_mutex_unlock(&m), 0);
	KT_EQ(SyncCondvarWait_r(&c, &m), -EPERM); /* mutex not held */
	KT_EQ(SyncCondvarWait_r(&c, &s), -EPERM);

	/* SyncCtl. */
	KT_EQ(SyncCtl_r(12345, &m, &x), -EINVAL);
	KT_EQ(SyncCtl_r(_NTO_SCTL_GETPRIOCEILING, &m, &x), -EINVAL); /* no ceiling */
	KT_EQ(SyncCtl_r(_NTO_SCTL_SETPRIOCEILING, &m, &x), -EINVAL);
	KT_EQ(SyncCtl_r(_NTO_SCTL_SEM_VALUE, &m, &x), -EINVAL);
	KT_EQ(SyncCtl_r(_NTO_SCTL_MUTEX_CONSISTENT, &m, NULL), -EINVAL);
	KT_EQ(SyncCtl_r(_NTO_SCTL_SETEVENT, &m, NULL), 0); /* detach: nothing attached */
	KT_EQ(SyncCtl_r(_NTO_SCTL_SETEVENT, &s, NULL), -EINVAL);

	/* SyncMutexRevive: only a DEAD mutex. */
	unsigned me = __tls()->__owner;
	KT_EQ(SyncMutexRevive_r(&m), -EINVAL);
	m.__owner =
	        _NTO_SYNC_OWNERDEAD; /* as the kernel leaves it when a process dies holding it */
	KT_EQ(__qsoe_mutex_trylock(&m), EBUSY);
	KT_EQ(SyncMutexRevive_r(&m), 0);
	KT_EQ(m.__owner, me);
	KT_EQ(__qsoe_mutex_unlock(&m), 0);
	KT_EQ(m.__owner, 0);
}

/* ---- the physical-address key ---- */

struct alias {
	sync_t *m;
	long result;
};

static void *alias_fn(void *arg)
{
	struct alias *a = arg;

	a->result = SyncMutexLock_r(a->m);
	if (a->result == 0)
		SyncMutexUnlock_r(a->m);
	return NULL;
}

static void test_phys_key(void)
{
	long pg = (long)VmMap_r(0, NULL, 4096, PROT_READ | PROT_WRITE, MAP_ANON, 0);
	KT_CHECK(pg > 0);
	if (pg <= 0)
		return;
	/*
	 * The same page at a second address: a process may share pages only
	 * through taskman (VmShare is privileged), so this usually fails with
	 * EPERM and the alias check is skipped.
	 */
	long al = (long)VmShare_r(0, NULL, 4096, PROT_READ | PROT_WRITE, 0, (void *)pg);
	if (al > 0) {
		sync_t *m1 = (sync_t *)(pg + 64), *m2 = (sync_t *)(al + 64);
		static struct alias a;
		kts_mutex(m1, (int)_NTO_SYNC_NONRECURSIVE);
		KT_EQ(__qsoe_mutex_lock(m1), 0);
		a.m = m2;
		a.result = 1;
		int tid = kts_spawn(alias_fn, &a, 0);
		KTS_WAIT_UNTIL((m1->__owner & _NTO_SYNC_WAITING) != 0, 2000);
		KT_EQ(a.result, 1); /* blocked on the same mutex through the alias */
		KT_EQ(__qsoe_mutex_unlock(m1), 0);
		KT_EQ(kts_join(tid, NULL), 0);
		KT_EQ(a.result, 0);
		VmUnmap_r(0, (void *)al, 4096);
	} else {
		KT_EQ(al, -EPERM);
		kt_printf("%s: VmShare is privileged: aliased mappings not tested\n", kt_name);
	}

	/*
	 * An object straddling a page boundary (4-byte alignment is allowed):
	 * __count at the end of one page, __owner at the start of the next.
	 */
	long two = (long)VmMap_r(0, NULL, 8192, PROT_READ | PROT_WRITE, MAP_ANON, 0);
	KT_CHECK(two > 0);
	if (two > 0) {
		sync_t *m = (sync_t *)(two + 4096 - 4);
		struct holder h;
		kts_mutex(m, (int)_NTO_SYNC_NONRECURSIVE);
		int tid = start_holder(&h, m);
		uint64_t t = 10 * MS;
		TimerTimeout_r(CLOCK_MONOTONIC, _NTO_TIMEOUT_MUTEX, NULL, &t, NULL);
		KT_EQ(SyncMutexLock_r(m), -ETIMEDOUT);
		KT_CHECK((m->__owner & _NTO_SYNC_WAITING) != 0);
		KT_EQ(__qsoe_sem_post(&h.go), 0);
		KT_EQ(kts_join(tid, NULL), 0);
		KT_EQ(m->__owner, 0);
		VmUnmap_r(0, (void *)two, 8192);
	}
	VmUnmap_r(0, (void *)pg, 4096);
}

int kt_main(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	/* Warm up the kernel's tables, then count its objects: nothing may leak. */
	warm_up();
	test_owner_ids();
	unsigned objs = kts_kernel_objects();

	static const struct {
		const char *name;
		void (*fn)(void);
	} tests[] = {
	        {"create", test_create},
	        {"uncontended", test_uncontended},
	        {"recursion", test_recursion},
	        {"trylock/timeout", test_trylock_timeout},
	        {"counter", test_counter},
	        {"condvar", test_condvar},
	        {"condvar timeout", test_condvar_timeout},
	        {"semaphore", test_semaphore},
	        {"destroy", test_destroy},
	        {"bad arguments", test_bad_args},
	        {"physical key", test_phys_key},
	        {"owner ids", test_owner_ids},
	};
	for (unsigned i = 0; i < sizeof(tests) / sizeof(tests[0]); i++) {
		int before = kt_failures;
		uint64_t t0 = kts_now();
		tests[i].fn();
		kt_printf("%s: %s: %s (%lu ms)\n", kt_name, tests[i].name,
		          kt_failures == before ? "ok" : "FAILED",
		          (unsigned long)((kts_now() - t0) / MS));
	}

	unsigned after = kts_kernel_objects();
	kt_printf("%s: kernel objects %u before, %u after\n", kt_name, objs, after);
	KT_EQ(after, objs);
	kt_printf("%s: %d failure(s)\n", kt_name, kt_failures);
	return kt_failures;
}
