/*
 * ktest_sync_pi - priority inheritance through mutexes (observed with
 * SchedGet's sched_curpriority), priority ceilings, robust mutexes and
 * what happens when threads die, time out or are killed while they hold
 * or wait for synchronisation objects.
 */
#include "ktsync.h"

#define P_LOW  5
#define P_MID  8
#define P_HIGH 20
#define P_TOP  30

/* Waits until thread tid runs at priority prio (inheritance is applied on its home hart). */
static int prio_becomes(int tid, int prio)
{
	KTS_WAIT_UNTIL(kts_curprio(tid) == prio, 3000);
	return kts_curprio(tid);
}

/* ---- a low-priority owner and a high-priority waiter ---- */

struct owner {
	sync_t *m;
	sync_t locked, go, unlocked, end;
	long lock_result;
};

static void *owner_fn(void *arg)
{
	struct owner *o = arg;

	o->lock_result = __qsoe_mutex_lock(o->m);
	__qsoe_sem_post(&o->locked);
	__qsoe_sem_wait(&o->go);
	long r = __qsoe_mutex_unlock(o->m);
	__qsoe_sem_post(&o->unlocked);
	__qsoe_sem_wait(&o->end);
	return (void *)r;
}

static int start_owner(struct owner *o, sync_t *m, int prio)
{
	o->m = m;
	o->lock_result = -1;
	kts_sem(&o->locked, 0);
	kts_sem(&o->go, 0);
	kts_sem(&o->unlocked, 0);
	kts_sem(&o->end, 0);
	int tid = kts_spawn(owner_fn, o, prio);
	KT_CHECK(tid > 0);
	KT_EQ(__qsoe_sem_wait(&o->locked), 0);
	KT_EQ(o->lock_result, 0);
	return tid;
}

/* Lets the owner unlock, checks it dropped to 'base', then ends it. */
static void finish_owner(struct owner *o, int tid, int base)
{
	void *v = (void *)-1;

	KT_EQ(__qsoe_sem_post(&o->go), 0);
	KT_EQ(__qsoe_sem_wait(&o->unlocked), 0);
	KT_EQ(kts_curprio(tid), base); /* the boost ends with the unlock */
	KT_EQ(__qsoe_sem_post(&o->end), 0);
	KT_EQ(kts_join(tid, &v), 0);
	KT_EQ((long)v, 0);
}

struct waiter {
	sync_t *m;
	uint64_t timeout; /* 0: none */
	volatile long result;
	volatile int had_it;
};

static void *waiter_fn(void *arg)
{
	struct waiter *w = arg;

	if (w->timeout)
		TimerTimeout_r(CLOCK_MONOTONIC, _NTO_TIMEOUT_MUTEX, NULL, &w->timeout, NULL);
	w->result = SyncMutexLock_r(w->m);
	if (w->result == 0 || w->result == -EOWNERDEAD) {
		w->had_it = (w->m->__owner & _NTO_SYNC_OWNER_MASK) == __tls()->__owner;
		if (w->result == -EOWNERDEAD)
			SyncCtl_r(_NTO_SCTL_MUTEX_CONSISTENT, w->m, NULL);
		SyncMutexUnlock_r(w->m);
	}
	return NULL;
}

static int start_waiter(struct waiter *w, sync_t *m, int prio, uint64_t timeout)
{
	w->m = m;
	w->timeout = timeout;
	w->result = 1;
	w->had_it = 0;
	int tid = kts_spawn(waiter_fn, w, prio);
	KT_CHECK(tid > 0);
	KTS_WAIT_UNTIL((m->__owner & _NTO_SYNC_WAITING) != 0, 3000);
	KT_CHECK((m->__owner & _NTO_SYNC_WAITING) != 0);
	return tid;
}

static void test_inherit(void)
{
	static sync_t m;
	static struct owner o;
	static struct waiter w;

	kts_mutex(&m, (int)_NTO_SYNC_NONRECURSIVE);
	int lt = start_owner(&o, &m, P_LOW);
	KT_EQ(kts_curprio(lt), P_LOW);
	int ht = start_waiter(&w, &m, P_HIGH, 0);
	/* While the waiter blocks, the owner runs at its priority. */
	KT_EQ(prio_becomes(lt, P_HIGH), P_HIGH);
	struct sched_param sp;
	KT_EQ(SchedGet_r(0, lt, &sp), SCHED_FIFO);
	KT_EQ(sp.sched_priority, P_LOW); /* its own priority is unchanged */
	KT_EQ(w.result, 1);
	finish_owner(&o, lt, P_LOW);
	KT_EQ(kts_join(ht, NULL), 0);
	KT_EQ(w.result, 0);
	KT_EQ(w.had_it, 1);
	KT_EQ(m.__owner, 0);
}

/* A times out or is killed: the boost it gave goes away. */
static void test_inherit_cancel(void)
{
	static sync_t m;
	static struct owner o;
	static struct waiter w;

	kts_mutex(&m, (int)_NTO_SYNC_NONRECURSIVE);
	int lt = start_owner(&o, &m, P_LOW);

	/* Timeout. */
	int ht = start_waiter(&w, &m, P_HIGH, 100 * MS);
	KT_EQ(prio_becomes(lt, P_HIGH), P_HIGH);
	KT_EQ(kts_join(ht, NULL), 0);
	KT_EQ(w.result, -ETIMEDOUT);
	KT_EQ(prio_becomes(lt, P_LOW), P_LOW);

	/* Kill. */
	ht = start_waiter(&w, &m, P_HIGH, 0);
	KT_EQ(prio_becomes(lt, P_HIGH), P_HIGH);
	KT_EQ(ThreadDestroy_r(ht, 0, (void *)77), 0);
	void *v = NULL;
	KT_EQ(kts_join(ht, &v), 0);
	KT_EQ(w.result, 1); /* never returned */
	KT_EQ(prio_becomes(lt, P_LOW), P_LOW);

	/* The waiter's priority changes while it waits: the owner follows. */
	ht = start_waiter(&w, &m, P_MID, 0);
	KT_EQ(prio_becomes(lt, P_MID), P_MID);
	struct sched_param sp;
	memset(&sp, 0, sizeof(sp));
	sp.sched_priority = P_TOP;
	KT_EQ(SchedSet_r(0, ht, SCHED_NOCHANGE, &sp), 0);
	KT_EQ(prio_becomes(lt, P_TOP), P_TOP);
	sp.sched_priority = P_MID;
	KT_EQ(SchedSet_r(0, ht, SCHED_NOCHANGE, &sp), 0);
	KT_EQ(prio_becomes(lt, P_MID), P_MID);

	finish_owner(&o, lt, P_LOW);
	KT_EQ(kts_join(ht, NULL), 0);
	KT_EQ(w.result, 0);
	KT_EQ(m.__owner, 0);
}

/* A waits for M1 held by B, B waits for M2 held by C: C runs at A's priority. */
struct chain_b {
	sync_t *m1, *m2;
	sync_t locked;
	volatile long r;
};

static void *chain_b_fn(void *arg)
{
	struct chain_b *b = arg;

	b->r = __qsoe_mutex_lock(b->m1);
	__qsoe_sem_post(&b->locked);
	b->r |= __qsoe_mutex_lock(b->m2); /* blocks: C holds it */
	b->r |= __qsoe_mutex_unlock(b->m2);
	b->r |= __qsoe_mutex_unlock(b->m1);
	return NULL;
}

static void test_chain(void)
{
	static sync_t m1, m2;
	static struct owner c;
	static struct chain_b b;
	static struct waiter a;

	kts_mutex(&m1, (int)_NTO_SYNC_NONRECURSIVE);
	kts_mutex(&m2, (int)_NTO_SYNC_NONRECURSIVE);
	int ct = start_owner(&c, &m2, P_LOW);
	b.m1 = &m1;
	b.m2 = &m2;
	b.r = -1;
	kts_sem(&b.locked, 0);
	int bt = kts_spawn(chain_b_fn, &b, P_MID);
	KT_CHECK(bt > 0);
	KT_EQ(__qsoe_sem_wait(&b.locked), 0);
	KT_EQ(prio_becomes(ct, P_MID), P_MID); /* one link */
	int at = start_waiter(&a, &m1, P_TOP, 0);
	KT_EQ(prio_becomes(bt, P_TOP), P_TOP);
	KT_EQ(prio_becomes(ct, P_TOP), P_TOP); /* two links */
	finish_owner(&c, ct, P_LOW);
	KT_EQ(kts_join(bt, NULL), 0);
	KT_EQ(b.r, 0);
	KT_EQ(kts_join(at, NULL), 0);
	KT_EQ(a.result, 0);
	KT_EQ(m1.__owner, 0);
	KT_EQ(m2.__owner, 0);
}

/* PTHREAD_PRIO_NONE: no inheritance. */
static void test_prio_none(void)
{
	static sync_t m;
	static struct owner o;
	static struct waiter w;
	struct _sync_attr a;

	memset(&a, 0, sizeof(a));
	a.__protocol = 1; /* PTHREAD_PRIO_NONE */
	KT_EQ(SyncTypeCreate_r(_NTO_SYNC_MUTEX_FREE, &m, &a), 0);
	int lt = start_owner(&o, &m, P_LOW);
	int ht = start_waiter(&w, &m, P_HIGH, 0);
	kts_sleep(30 * MS);
	KT_EQ(kts_curprio(lt), P_LOW);
	finish_owner(&o, lt, P_LOW);
	KT_EQ(kts_join(ht, NULL), 0);
	KT_EQ(w.result, 0);
}

/* ---- priority ceiling ---- */

static void test_ceiling(void)
{
	sync_t m;
	struct _sync_attr a;
	struct sched_param sp;
	int me = kts_self_tid(), ceil = 0;

	KT_EQ(SchedGet_r(0, 0, &sp) >= 0, 1);
	int base = sp.sched_priority;
	KT_CHECK(base < 40);
	memset(&a, 0, sizeof(a));
	a.__protocol = 2; /* PTHREAD_PRIO_PROTECT */
	a.__prioceiling = 40;
	KT_EQ(SyncTypeCreate_r(_NTO_SYNC_MUTEX_FREE, &m, &a), 0);
	KT_EQ(SyncCtl_r(_NTO_SCTL_GETPRIOCEILING, &m, &ceil), 0);
	KT_EQ(ceil, 40);
	KT_EQ(SyncCtl_r(_NTO_SCTL_GETPRIOCEILING, &m, UNMAPPED_VA), -EFAULT);

	/* Holding it runs the owner at the ceiling. */
	KT_EQ(__qsoe_mutex_lock(&m), 0);
	KT_EQ(kts_curprio(me), 40);
	ceil = 45;
	KT_EQ(SyncCtl_r(_NTO_SCTL_SETPRIOCEILING, &m, &ceil), 0);
	KT_EQ(ceil, 40); /* the old ceiling comes back */
	KT_EQ(kts_curprio(me), 45);
	KT_EQ(__qsoe_mutex_unlock(&m), 0);
	KT_EQ(kts_curprio(me), base);
	KT_EQ(m.__owner, 0);
	KT_EQ(SyncCtl_r(_NTO_SCTL_GETPRIOCEILING, &m, &ceil), 0);
	KT_EQ(ceil, 45);
	KT_EQ(__qsoe_mutex_trylock(&m), 0);
	KT_EQ(kts_curprio(me), 45);
	KT_EQ(__qsoe_mutex_unlock(&m), 0);
	KT_EQ(kts_curprio(me), base);

	/* Bad ceilings; a caller above the ceiling may not lock it. */
	ceil = 0;
	KT_EQ(SyncCtl_r(_NTO_SCTL_SETPRIOCEILING, &m, &ceil), -EINVAL);
	ceil = 300;
	KT_EQ(SyncCtl_r(_NTO_SCTL_SETPRIOCEILING, &m, &ceil), -EINVAL);
	KT_EQ(SyncCtl_r(_NTO_SCTL_SETPRIOCEILING, &m, UNMAPPED_VA), -EFAULT);
	memset(&sp, 0, sizeof(sp));
	sp.sched_priority = 50;
	KT_EQ(SchedSet_r(0, 0, SCHED_NOCHANGE, &sp), 0);
	KT_EQ(__qsoe_mutex_lock(&m), EINVAL);
	KT_EQ(SyncMutexLock_r(&m), -EINVAL);
	sp.sched_priority = base;
	KT_EQ(SchedSet_r(0, 0, SCHED_NOCHANGE, &sp), 0);
	KT_EQ(kts_curprio(me), base);
	KT_EQ(SyncDestroy_r(&m), 0);
}

/* ---- robust mutexes and owners that die ---- */

static void *lock_and_die(void *arg)
{
	return (void *)(long)__qsoe_mutex_lock((sync_t *)arg);
}

static void robust_mutex(sync_t *m)
{
	kts_mutex(m, (int)(_NTO_SYNC_NONRECURSIVE | _NTO_SYNC_ROBUST));
}

/* A thread locks m and ends without unlocking it. */
static void die_holding(sync_t *m)
{
	void *v = (void *)-1;
	int tid = kts_spawn(lock_and_die, m, 0);

	KT_CHECK(tid > 0);
	KT_EQ(kts_join(tid, &v), 0);
	KT_EQ((long)v, 0);
}

static void test_robust(void)
{
	static sync_t m;
	unsigned me = __tls()->__owner;

	/* Made consistent: usable again. */
	robust_mutex(&m);
	die_holding(&m);
	KT_EQ(m.__owner, _NTO_SYNC_OWNERDEAD);
	KT_EQ(__qsoe_mutex_lock(&m), EOWNERDEAD);
	KT_EQ(m.__owner, me);
	KT_EQ(SyncCtl_r(_NTO_SCTL_MUTEX_CONSISTENT, &m, NULL), 0);
	KT_EQ(SyncCtl_r(_NTO_SCTL_MUTEX_CONSISTENT, &m, NULL), -EINVAL); /* already */
	KT_EQ(__qsoe_mutex_unlock(&m), 0);
	KT_EQ(__qsoe_mutex_lock(&m), 0);
	KT_EQ(__qsoe_mutex_unlock(&m), 0);
	KT_EQ(m.__owner, 0);

	/* Not made consistent: unusable. */
	die_holding(&m);
	KT_EQ(__qsoe_mutex_trylock(&m), EOWNERDEAD);
	KT_EQ(__qsoe_mutex_unlock(&m), 0);
	KT_EQ(m.__owner, _QSOE_SYNC_NOTRECOVERABLE);
	KT_EQ(__qsoe_mutex_lock(&m), ENOTRECOVERABLE);
	KT_EQ(SyncMutexLock_r(&m), -ENOTRECOVERABLE);
	KT_EQ(__qsoe_mutex_trylock(&m), ENOTRECOVERABLE);
	KT_EQ(SyncDestroy_r(&m), 0);

	/* A waiter blocked when the owner dies gets the mutex with EOWNERDEAD. */
	static struct owner o;
	static struct waiter w;
	robust_mutex(&m);
	int ot = start_owner(&o, &m, 0);
	int wt = start_waiter(&w, &m, 0, 0);
	KT_EQ(ThreadDestroy_r(ot, 0, NULL), 0); /* the owner ends holding it */
	KT_EQ(kts_join(ot, NULL), 0);
	KT_EQ(kts_join(wt, NULL), 0);
	KT_EQ(w.result, -EOWNERDEAD);
	KT_EQ(w.had_it, 1);
	KT_EQ(m.__owner, 0); /* the waiter made it consistent and unlocked it */
	KT_EQ(SyncCtl_r(_NTO_SCTL_MUTEX_CONSISTENT, &m, NULL), -EINVAL); /* not the owner */
}

/*
 * A non-robust mutex whose owner dies while its process lives: nothing
 * changes (PTHREAD_MUTEX_STALLED); its waiter stays blocked until its
 * timeout.
 */
static void test_stalled(void)
{
	static sync_t m;
	static struct owner o;
	static struct waiter w;

	kts_mutex(&m, (int)_NTO_SYNC_NONRECURSIVE);
	int ot = start_owner(&o, &m, 0);
	unsigned dead = m.__owner;
	int wt = start_waiter(&w, &m, 0, 200 * MS);
	KT_EQ(ThreadDestroy_r(ot, 0, NULL), 0);
	KT_EQ(kts_join(ot, NULL), 0);
	KT_EQ(kts_join(wt, NULL), 0);
	KT_EQ(w.result, -ETIMEDOUT);
	KT_EQ(m.__owner, dead | _NTO_SYNC_WAITING);
}

/* ---- killed and timed-out waiters leave cleanly ---- */

struct cvw {
	sync_t m, c;
	sync_t ready;
	uint64_t timeout;
	volatile long result;
};

static void *cv_fn(void *arg)
{
	struct cvw *x = arg;

	__qsoe_mutex_lock(&x->m);
	__qsoe_sem_post(&x->ready);
	if (x->timeout)
		TimerTimeout_r(CLOCK_MONOTONIC, _NTO_TIMEOUT_CONDVAR, NULL, &x->timeout, NULL);
	x->result = SyncCondvarWait_r(&x->c, &x->m);
	__qsoe_mutex_unlock(&x->m);
	return NULL;
}

static void *sem_fn(void *arg)
{
	return (void *)(long)SyncSemWait_r((sync_t *)arg, 0);
}

static void test_kill_waiters(void)
{
	static sync_t m, s;
	static struct waiter w;
	static struct cvw x;
	void *v;

	/* A mutex waiter. */
	kts_mutex(&m, (int)_NTO_SYNC_NONRECURSIVE);
	KT_EQ(__qsoe_mutex_lock(&m), 0);
	int wt = start_waiter(&w, &m, 0, 0);
	KT_EQ(ThreadDestroy_r(wt, 0, NULL), 0);
	KT_EQ(kts_join(wt, NULL), 0);
	KT_EQ(__qsoe_mutex_unlock(&m), 0);
	KT_EQ(m.__owner, 0); /* nobody left to hand it to */
	KT_EQ(SyncDestroy_r(&m), 0);

	/* A condvar waiter. */
	kts_mutex(&x.m, (int)_NTO_SYNC_NONRECURSIVE);
	kts_cond(&x.c);
	kts_sem(&x.ready, 0);
	x.timeout = 0;
	x.result = 1;
	wt = kts_spawn(cv_fn, &x, 0);
	KT_EQ(__qsoe_sem_wait(&x.ready), 0);
	KT_EQ(__qsoe_mutex_lock(&x.m), 0); /* the waiter is queued on c */
	KT_EQ(__qsoe_mutex_unlock(&x.m), 0);
	KT_EQ(SyncDestroy_r(&x.c), -EBUSY);
	KT_EQ(ThreadDestroy_r(wt, 0, NULL), 0);
	KT_EQ(kts_join(wt, NULL), 0);
	KT_EQ(x.result, 1);
	KT_EQ(SyncDestroy_r(&x.c), 0);

	/* A condvar waiter killed while it waits to re-acquire the mutex. */
	kts_cond(&x.c);
	x.timeout = 20 * MS;
	wt = kts_spawn(cv_fn, &x, 0);
	KT_EQ(__qsoe_sem_wait(&x.ready), 0);
	KT_EQ(__qsoe_mutex_lock(&x.m), 0);
	KTS_WAIT_UNTIL((x.m.__owner & _NTO_SYNC_WAITING) != 0, 3000); /* timed out, queued on m */
	KT_CHECK((x.m.__owner & _NTO_SYNC_WAITING) != 0);
	KT_EQ(ThreadDestroy_r(wt, 0, NULL), 0);
	KT_EQ(kts_join(wt, NULL), 0);
	KT_EQ(x.result, 1);
	KT_EQ(__qsoe_mutex_unlock(&x.m), 0);
	KT_EQ(x.m.__owner, 0);
	KT_EQ(SyncDestroy_r(&x.c), 0);

	/* A semaphore waiter. */
	kts_sem(&s, 0);
	wt = kts_spawn(sem_fn, &s, 0);
	KTS_WAIT_UNTIL((s.__u.__count & _QSOE_SYNC_SEM_WAITING) != 0, 3000);
	KT_EQ(SyncDestroy_r(&s), -EBUSY);
	KT_EQ(ThreadDestroy_r(wt, 0, NULL), 0);
	v = NULL;
	KT_EQ(kts_join(wt, &v), 0);
	KT_EQ(SyncDestroy_r(&s), 0);

	/* _NTO_SCTL_MUTEX_WAKEUP ends a mutex wait with EINTR. */
	kts_mutex(&m, (int)_NTO_SYNC_NONRECURSIVE);
	KT_EQ(__qsoe_mutex_lock(&m), 0);
	wt = start_waiter(&w, &m, 0, 0);
	struct _sync_ctl_wakeup wk = {0, wt};
	KT_EQ(SyncCtl_r(_NTO_SCTL_MUTEX_WAKEUP, &m, &wk), 0);
	KT_EQ(kts_join(wt, NULL), 0);
	KT_EQ(w.result, -EINTR);
	KT_EQ(SyncCtl_r(_NTO_SCTL_MUTEX_WAKEUP, &m, UNMAPPED_VA), -EFAULT);
	KT_EQ(__qsoe_mutex_unlock(&m), 0);
	KT_EQ(m.__owner, 0);
}

/*
 * The page holding a mutex is unmapped while a thread waits on it: the
 * kernel keeps the page pinned until the wait ends (no use of freed
 * memory), the waiter times out normally, and the address is gone.
 */
static void test_unmapped(void)
{
	static struct waiter w;

	long pg = (long)VmMap_r(0, NULL, 4096, PROT_READ | PROT_WRITE, MAP_ANON, 0);
	KT_CHECK(pg > 0);
	if (pg <= 0)
		return;
	sync_t *m = (sync_t *)(pg + 128);
	kts_mutex(m, (int)_NTO_SYNC_NONRECURSIVE);
	KT_EQ(__qsoe_mutex_lock(m), 0);
	int wt = start_waiter(&w, m, 0, 100 * MS);
	KT_EQ(VmUnmap_r(0, (void *)pg, 4096), 0);
	KT_EQ(kts_join(wt, NULL), 0);
	KT_EQ(w.result, -ETIMEDOUT);
	KT_EQ(SyncMutexLock_r(m), -EFAULT); /* gone from our address space */
}

int kt_main(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	static const struct {
		const char *name;
		void (*fn)(void);
	} tests[] = {
	        {"inherit", test_inherit},   {"inherit cancel", test_inherit_cancel},
	        {"chain", test_chain},       {"prio none", test_prio_none},
	        {"ceiling", test_ceiling},   {"robust", test_robust},
	        {"stalled", test_stalled},   {"kill waiters", test_kill_waiters},
	        {"unmapped", test_unmapped},
	};
	/* The first round warms up the kernel's tables; the second must leak nothing. */
	unsigned objs = 0;
	for (int round = 0; round < 2; round++) {
		if (round == 1)
			objs = kts_kernel_objects();
		for (unsigned i = 0; i < sizeof(tests) / sizeof(tests[0]); i++) {
			int before = kt_failures;
			uint64_t t0 = kts_now();
			tests[i].fn();
			kt_printf("%s: %s: %s (%lu ms)\n", kt_name, tests[i].name,
			          kt_failures == before ? "ok" : "FAILED",
			          (unsigned long)((kts_now() - t0) / MS));
		}
	}
	unsigned after = kts_kernel_objects();
	kt_printf("%s: kernel objects %u before, %u after\n", kt_name, objs, after);
	KT_EQ(after, objs);
	kt_printf("%s: %d failure(s)\n", kt_name, kt_failures);
	return kt_failures;
}
