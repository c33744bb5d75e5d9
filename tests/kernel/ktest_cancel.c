/*
 * ktest_cancel - ThreadCancel and ThreadDestroyAll (kernel/proc/cancel.c).
 *
 * A thread blocked in each kind of cancellation point (MsgReceive,
 * SyncSemWait, SyncCondvarWait, a nanosleep, MsgSend while REPLY-blocked)
 * is sent to its cancellation stub; a condvar waiter holds its mutex again
 * when the stub runs. With cancellation disabled (TLS __flags) a request
 * stays pending and acts at the first cancellation point after it is
 * enabled; MsgSendnc is not a cancellation point; asynchronous
 * cancelability stops a thread spinning in user mode. ThreadDestroyAll ends
 * every other thread. Errors: no stub (EINVAL), an unknown thread (ESRCH).
 * Kernel objects are counted before and after.
 */
#include <stdbool.h>
#include <qsoe/abi/tls.h>
#include "ksig.h"

#define CANCELED ((void *)0xca9ce1)
#define RETURNED ((void *)0x5e7)

static volatile int stub_tid;    /* the last thread the stub ran in */
static volatile int stub_unlock; /* its SyncMutexUnlock result (condvar case) */
static sync_t cv_mutex, cv_cond;
static volatile int cv_stub_check; /* the stub should unlock cv_mutex */

/* The cancellation stub: records who ran it and ends the thread. */
static void cstub(void)
{
	stub_tid = kts_self_tid();
	if (cv_stub_check)
		stub_unlock = __qsoe_mutex_unlock(&cv_mutex);
	ThreadDestroy_r(0, -1, CANCELED);
	for (;;)
		;
}

/* Waits until tid is in state st; false after 5 s. */
static bool wait_state(int tid, int st)
{
	KTS_WAIT_UNTIL(ks_state(tid) == st, 5000);
	return ks_state(tid) == st;
}

static int chid;
static sync_t sem;

static void *recv_fn(void *a)
{
	char buf[16];

	(void)a;
	MsgReceive_r(chid, buf, sizeof(buf), NULL);
	return RETURNED;
}

static void *sem_fn(void *a)
{
	(void)a;
	SyncSemWait_r(&sem, 0);
	return RETURNED;
}

static void *cond_fn(void *a)
{
	(void)a;
	__qsoe_mutex_lock(&cv_mutex);
	__qsoe_cond_wait(&cv_cond, &cv_mutex);
	__qsoe_mutex_unlock(&cv_mutex);
	return RETURNED;
}

static void *sleep_fn(void *a)
{
	uint64_t ns = 60000 * MS;

	(void)a;
	TimerTimeout_r(CLOCK_MONOTONIC, _NTO_TIMEOUT_NANOSLEEP, NULL, &ns, NULL);
	return RETURNED;
}

/* Cancels a thread blocked in state st by fn; checks it went to the stub. */
static void cancel_blocked(const char *what, void *(*fn)(void *), int st)
{
	int tid = kts_spawn(fn, NULL, 0);
	void *v = NULL;

	KT_CHECK(tid > 0);
	if (!wait_state(tid, st)) {
		kt_printf("%s: FAIL %s: thread not blocked (state %d)\n", kt_name, what,
		          ks_state(tid));
		kt_failures++;
	}
	stub_tid = 0;
	KT_EQ(ThreadCancel_r(tid, cstub), 0);
	KT_EQ(kts_join(tid, &v), 0);
	KT_CHECK(v == CANCELED);
	KT_EQ(stub_tid, tid);
	kt_printf("%s: blocked in %s: cancelled\n", kt_name, what);
}

static void test_blocked(void)
{
	chid = ChannelCreate_r(0);
	KT_CHECK(chid > 0);
	cancel_blocked("MsgReceive", recv_fn, STATE_RECEIVE);
	kts_sem(&sem, 0);
	cancel_blocked("SyncSemWait", sem_fn, STATE_SEM);
	cancel_blocked("nanosleep", sleep_fn, STATE_NANOSLEEP);
	kts_mutex(&cv_mutex, 0);
	kts_cond(&cv_cond);
	cv_stub_check = 1;
	stub_unlock = -1;
	cancel_blocked("SyncCondvarWait", cond_fn, STATE_CONDVAR);
	cv_stub_check = 0;
	KT_EQ(stub_unlock, 0); /* it held the mutex again in the stub */
	KT_EQ(__qsoe_mutex_lock(&cv_mutex), 0);
	KT_EQ(__qsoe_mutex_unlock(&cv_mutex), 0);
}

/* ---- disabled: the request waits for enabling and a cancellation point ---- */

static volatile int dis_woke = -1;

static void *disabled_fn(void *a)
{
	(void)a;
	__tls()->__flags |= _QSOE_TLS_CANCEL_DISABLE;
	dis_woke = -SyncSemWait_r(&sem, 0); /* cancelled meanwhile: must still wait */
	__tls()->__flags &= ~_QSOE_TLS_CANCEL_DISABLE;
	SyncSemWait_r(&sem, 0); /* a cancellation point: acts at entry */
	return RETURNED;
}

static void test_disabled(void)
{
	int tid = kts_spawn(disabled_fn, NULL, 0);
	void *v = NULL;

	KT_CHECK(tid > 0);
	KT_CHECK(wait_state(tid, STATE_SEM));
	KT_EQ(ThreadCancel_r(tid, cstub), 0);
	kts_sleep(20 * MS);
	KT_EQ(ks_state(tid), STATE_SEM); /* still waiting */
	KT_EQ(SyncSemPost_r(&sem), 0);
	KT_EQ(kts_join(tid, &v), 0);
	KT_EQ(dis_woke, 0); /* the disabled wait ended normally */
	KT_CHECK(v == CANCELED);
	KT_EQ(SyncSemWait_r(&sem, 1), -EAGAIN); /* the second wait never took a unit */
	kt_printf("%s: disabled: pending until enabled\n", kt_name);
}

/* ---- MsgSendnc is not a cancellation point, MsgSend is ---- */

static int nc_coid;
static volatile long nc_result;

static void *nc_fn(void *a)
{
	char m = 'x';

	nc_result = MsgSendnc_r(nc_coid, &m, 1, NULL, 0); /* REPLY-blocked, not a point */
	if (a != NULL)
		MsgSend_r(nc_coid, &m, 1, NULL, 0); /* a point: acts at entry */
	return RETURNED;
}

static void *send_fn(void *a)
{
	char m = 'y';

	(void)a;
	MsgSend_r(nc_coid, &m, 1, NULL, 0);
	return RETURNED;
}

static void test_send(void)
{
	char buf[4];
	void *v = NULL;

	nc_coid = ConnectAttach_r(0, 0, chid, _NTO_SIDE_CHANNEL, 0);
	KT_CHECK(nc_coid > 0);

	/* MsgSendnc: the request waits; the next MsgSend acts. */
	nc_result = -1;
	int tid = kts_spawn(nc_fn, (void *)1, 0);
	rcvid_t r = MsgReceive_r(chid, buf, sizeof(buf), NULL);
	KT_CHECK(r > 0);
	KT_CHECK(wait_state(tid, STATE_REPLY));
	KT_EQ(ThreadCancel_r(tid, cstub), 0);
	kts_sleep(20 * MS);
	KT_EQ(ks_state(tid), STATE_REPLY);
	KT_EQ(MsgReply_r(r, 42, NULL, 0), 0);
	KT_EQ(kts_join(tid, &v), 0);
	KT_EQ(nc_result, 42);
	KT_CHECK(v == CANCELED);

	/* MsgSend, REPLY-blocked: cancelled (no _NTO_CHF_UNBLOCK: at once), the reply fails. */
	tid = kts_spawn(send_fn, NULL, 0);
	r = MsgReceive_r(chid, buf, sizeof(buf), NULL);
	KT_CHECK(r > 0);
	KT_CHECK(wait_state(tid, STATE_REPLY));
	KT_EQ(ThreadCancel_r(tid, cstub), 0);
	KT_EQ(kts_join(tid, &v), 0);
	KT_CHECK(v == CANCELED);
	KT_EQ(MsgReply_r(r, 0, NULL, 0), -ESRCH);
	KT_EQ(ConnectDetach_r(nc_coid), 0);
	kt_printf("%s: MsgSendnc: not a point; MsgSend: cancelled\n", kt_name);
}

/* ---- asynchronous cancelability ---- */

static volatile unsigned long spins;

static void *async_fn(void *a)
{
	(void)a;
	/* volatile: the store must not sink past the endless loop */
	*(volatile unsigned *)&__tls()->__flags |= _QSOE_TLS_CANCEL_ASYNC;
	for (;;)
		spins++;
	return RETURNED;
}

static void test_async(void)
{
	void *v = NULL;
	spins = 0;
	/* Below our priority: on one hart it runs only while we sleep. */
	int tid = kts_spawn(async_fn, NULL, kts_curprio(kts_self_tid()) - 1);

	KTS_WAIT_UNTIL(spins > 1000, 5000);
	KT_EQ(ThreadCancel_r(tid, cstub), 0);
	KT_EQ(kts_join(tid, &v), 0);
	KT_CHECK(v == CANCELED);
	kt_printf("%s: asynchronous: cancelled while running\n", kt_name);
}

/* ---- errors and ThreadDestroyAll ---- */

static void test_errors(void)
{
	KT_EQ(ThreadCancel_r(1, NULL), -EINVAL);
	KT_EQ(ThreadCancel_r(1, (void (*)(void))KERNEL_VA), -EINVAL);
	KT_EQ(ThreadCancel_r(-3, cstub), -EINVAL);
	KT_EQ(ThreadCancel_r(9999, cstub), -ESRCH);
}

static void *spin_fn(void *a)
{
	(void)a;
	for (;;)
		spins++;
	return RETURNED;
}

static void test_destroy_all(void)
{
	int tids[4];
	void *v = CANCELED;

	tids[0] = kts_spawn(recv_fn, NULL, 0);
	tids[1] = kts_spawn(sem_fn, NULL, 0);
	tids[2] = kts_spawn(sleep_fn, NULL, 0);
	tids[3] = kts_spawn(spin_fn, NULL, kts_curprio(kts_self_tid()) - 1);
	KT_CHECK(wait_state(tids[0], STATE_RECEIVE));
	KT_CHECK(wait_state(tids[1], STATE_SEM));
	KT_CHECK(wait_state(tids[2], STATE_NANOSLEEP));
	KT_EQ(ThreadDestroyAll_r(), 0);
	for (int i = 0; i < 4; i++) {
		KT_EQ(kts_join(tids[i], &v), 0);
		KT_CHECK(v == NULL);
	}
	kt_printf("%s: ThreadDestroyAll: 4 threads ended, the caller goes on\n", kt_name);
}

/* One round of every test; every object it makes is gone at its end. */
static void round(void)
{
	test_errors();
	test_blocked();
	test_disabled();
	test_send();
	test_async();
	test_destroy_all();
	KT_EQ(ChannelDestroy_r(chid), 0);
	KT_EQ(SyncDestroy_r(&sem), 0);
	KT_EQ(SyncDestroy_r(&cv_cond), 0);
	KT_EQ(SyncDestroy_r(&cv_mutex), 0);
}

int kt_main(int argc, char **argv)
{
	(void)argc;
	(void)argv;

	round(); /* the first round also grows the process's tables */
	kts_sleep(10 * MS);
	unsigned before = kts_kernel_objects();
	round();
	kts_sleep(10 * MS);
	unsigned after = kts_kernel_objects();
	kt_printf("%s: kernel objects %u before, %u after\n", kt_name, before, after);
	kt_printf("%s: %d failure(s)\n", kt_name, kt_failures);
	return kt_failures != 0;
}
