/*
 * ktest_sigblock - signals and blocked threads (part 2 of ktest_signal):
 * EINTR from MsgReceive, MsgSend (SEND-blocked and REPLY-blocked), a
 * bounded sleep, SyncCondvarWait and SyncSemWait; a REPLY-blocked client
 * on an _NTO_CHF_UNBLOCK channel stays blocked and its server gets the
 * unblock pulse; SignalWaitinfo (pending, waiting, timeout, EINTR);
 * SignalSuspend; which thread takes a process-directed signal; delivery
 * to a thread running on another hart.
 */
#include "ksig.h"

enum { B_RECEIVE, B_SEND, B_CONDVAR, B_SEM, B_SLEEP };

/* A thread that blocks in one kernel call and reports how it ended. */
struct blocker {
	int op;
	int chid, coid;
	sync_t *m, *cv, *sem;
	uint64_t unblock; /* signals the thread unblocks first */
	volatile long result;
	volatile int done;
	volatile int unlock_result;
};

static void *blocker_fn(void *arg)
{
	struct blocker *b = arg;
	char buf[16];
	long r = -1;

	ks_procmask(SIG_UNBLOCK, b->unblock, NULL);
	switch (b->op) {
	case B_RECEIVE:
		r = MsgReceive_r(b->chid, buf, sizeof(buf), NULL);
		break;
	case B_SEND:
		r = MsgSend_r(b->coid, "x", 2, buf, sizeof(buf));
		break;
	case B_CONDVAR:
		__qsoe_mutex_lock(b->m);
		r = SyncCondvarWait_r(b->cv, b->m);
		b->unlock_result = __qsoe_mutex_unlock(b->m); /* held again after EINTR */
		break;
	case B_SEM:
		r = SyncSemWait_r(b->sem, 0);
		break;
	case B_SLEEP: {
		uint64_t ns = 10000 * MS;
		TimerTimeout_r(CLOCK_MONOTONIC, _NTO_TIMEOUT_RECEIVE, NULL, &ns, NULL);
		r = MsgReceive_r(b->chid, buf, sizeof(buf), NULL);
		break;
	}
	}
	b->result = r;
	b->done = 1;
	return NULL;
}

/* Every thread of the first processes, when a thread does not get where expected. */
static void dump_threads(void)
{
	for (pid_t pid = 1; pid < 12; pid++) {
		struct proc_thread_info ti[8];
		struct proc_info pi;
		long n = ProcInfo_r(pid, &pi, ti, 8);
		for (long i = 0; i < n && i < 8; i++)
			kt_printf("DBG %d: pid %d (%s) tid %d state %d cpu %u prio %d pol %d ns "
			          "%lu\n",
			          ks_pid, pid, pi.name, ti[i].tid, ti[i].state, ti[i].cpu,
			          ti[i].prio, ti[i].policy, (unsigned long)ti[i].cpu_ns);
	}
}

/* Starts b, waits until it blocks in 'state', signals it, checks EINTR. */
static void interrupt_case(const char *what, struct blocker *b, int state)
{
	reset();
	b->done = 0;
	b->unblock = KS_BIT(SIGUSR1);
	int tid = kts_spawn(blocker_fn, b, 0);
	KT_CHECK(tid > 0);
	KTS_WAIT_UNTIL(ks_state(tid) == state, 2000);
	if (ks_state(tid) != state)
		dump_threads();
	KT_EQ(ks_state(tid), state);
	uint64_t t0 = kts_now();
	KT_EQ(SignalKill_r(0, ks_pid, tid, SIGUSR1, SI_USER, 5), 0);
	KTS_WAIT_UNTIL(b->done, 2000);
	if (b->result != -EINTR)
		kt_printf("%s: FAIL %s ended with %ld\n", kt_name, what, b->result);
	KT_EQ(b->result, -EINTR);
	uint64_t took = kts_now() - t0;
	if (took >= 1000 * MS || nrec != 1)
		kt_printf("%s: FAIL %s: EINTR after %lu ms, %d handler run(s)\n", kt_name, what,
		          (unsigned long)(took / MS), nrec);
	KTS_WAIT_UNTIL(nrec == 1, 2000);
	KT_EQ(nrec, 1);
	KT_EQ(recs[0].tid, tid); /* the handler ran in the interrupted thread */
	KT_EQ(kts_join(tid, NULL), 0);
}

static void test_interrupts(void)
{
	struct blocker b;
	sync_t m, cv, sem;

	KT_EQ(ks_action(SIGUSR1, record, SA_SIGINFO, 0), 0);
	KT_EQ(ks_procmask(SIG_BLOCK, KS_BIT(SIGUSR1), NULL), 0); /* only the blocker takes it */

	memset(&b, 0, sizeof(b));
	b.chid = ChannelCreate_r(_NTO_CHF_PRIVATE);
	b.op = B_RECEIVE;
	interrupt_case("MsgReceive", &b, STATE_RECEIVE);
	b.op = B_SLEEP;
	interrupt_case("sleep", &b, STATE_RECEIVE);
	/* Nobody receives on this channel: the sender stays SEND-blocked. */
	b.coid = ConnectAttach_r(0, 0, b.chid, _NTO_SIDE_CHANNEL, 0);
	b.op = B_SEND;
	interrupt_case("MsgSend (SEND)", &b, STATE_SEND);

	kts_mutex(&m, 0);
	kts_cond(&cv);
	b.m = &m;
	b.cv = &cv;
	b.op = B_CONDVAR;
	interrupt_case("SyncCondvarWait", &b, STATE_CONDVAR);
	KT_EQ(b.unlock_result, 0);
	kts_sem(&sem, 0);
	b.sem = &sem;
	b.op = B_SEM;
	interrupt_case("SyncSemWait", &b, STATE_SEM);
	ConnectDetach_r(b.coid);
	ChannelDestroy_r(b.chid);

	/* REPLY-blocked on a channel without _NTO_CHF_UNBLOCK: EINTR at once. */
	char buf[64];
	struct _msg_info info;
	b.chid = ChannelCreate_r(_NTO_CHF_PRIVATE);
	b.coid = ConnectAttach_r(0, 0, b.chid, _NTO_SIDE_CHANNEL, 0);
	b.op = B_SEND;
	b.done = 0;
	b.unblock = KS_BIT(SIGUSR1);
	reset();
	int tid = kts_spawn(blocker_fn, &b, 0);
	rcvid_t rcvid = MsgReceive_r(b.chid, buf, sizeof(buf), &info);
	KT_CHECK(rcvid > 0);
	KTS_WAIT_UNTIL(ks_state(tid) == STATE_REPLY, 2000);
	KT_EQ(ks_state(tid), STATE_REPLY);
	KT_EQ(SignalKill_r(0, ks_pid, tid, SIGUSR1, 0, 0), 0);
	KTS_WAIT_UNTIL(b.done, 2000);
	KT_EQ(b.result, -EINTR);
	KT_EQ(MsgReply_r(rcvid, 0, NULL, 0), -ESRCH); /* the rcvid went with it */
	KT_EQ(kts_join(tid, NULL), 0);
	ConnectDetach_r(b.coid);
	ChannelDestroy_r(b.chid);

	/* With _NTO_CHF_UNBLOCK it stays REPLY-blocked; the server gets a pulse. */
	b.chid = ChannelCreate_r(_NTO_CHF_UNBLOCK | _NTO_CHF_PRIVATE);
	b.coid = ConnectAttach_r(0, 0, b.chid, _NTO_SIDE_CHANNEL, 0);
	b.done = 0;
	reset();
	tid = kts_spawn(blocker_fn, &b, 0);
	rcvid = MsgReceive_r(b.chid, buf, sizeof(buf), &info);
	KT_CHECK(rcvid > 0);
	KT_EQ(SignalKill_r(0, ks_pid, tid, SIGUSR1, 0, 0), 0);
	struct _pulse *pu = (struct _pulse *)buf;
	uint64_t ns = 2000 * MS;
	TimerTimeout_r(CLOCK_MONOTONIC, _NTO_TIMEOUT_RECEIVE, NULL, &ns, NULL);
	KT_EQ(MsgReceive_r(b.chid, buf, sizeof(buf), &info), 0);
	KT_EQ(pu->code, _PULSE_CODE_UNBLOCK);
	KT_EQ(pu->value.sival_long, rcvid);
	KT_EQ(ks_state(tid), STATE_REPLY);
	KT_EQ(b.done, 0);
	KT_EQ(nrec, 0); /* the handler waits until the call ends */
	KT_EQ(MsgError_r(rcvid, EINTR), 0);
	KTS_WAIT_UNTIL(b.done && nrec == 1, 2000);
	KT_EQ(b.result, -EINTR);
	KT_EQ(nrec, 1);
	KT_EQ(recs[0].tid, tid);
	KT_EQ(kts_join(tid, NULL), 0);
	ConnectDetach_r(b.coid);
	ChannelDestroy_r(b.chid);
	KT_EQ(ks_procmask(SIG_UNBLOCK, KS_BIT(SIGUSR1), NULL), 0);
}

/* ---- SignalWaitinfo ---- */

struct sender {
	int tid; /* 0: the process */
	int signo;
	long value;
	uint64_t delay_ns;
};

static void *sender_fn(void *arg)
{
	struct sender *s = arg;

	kts_sleep(s->delay_ns);
	SignalKill_r(0, ks_pid, s->tid, s->signo, SI_QUEUE, (int)s->value);
	return NULL;
}

static void test_waitinfo(void)
{
	siginfo_t si;
	__sigset_t set = ks_set(KS_BIT(SIGUSR2));

	KT_EQ(ks_action(SIGUSR1, record, SA_SIGINFO, 0), 0);
	KT_EQ(ks_procmask(SIG_BLOCK, KS_BIT(SIGUSR2), NULL), 0);
	/* Already pending. */
	KT_EQ(SignalKill_r(0, ks_pid, 0, SIGUSR2, SI_QUEUE, 42), 0);
	memset(&si, 0, sizeof(si));
	KT_EQ(SignalWaitinfo_r(&set, &si), SIGUSR2);
	KT_EQ(si.si_signo, SIGUSR2);
	KT_EQ(si.si_code, SI_QUEUE);
	KT_EQ(si.si_value.sival_int, 42);
	KT_EQ(si.si_pid, ks_pid);
	KT_CHECK(!(ks_pending() & KS_BIT(SIGUSR2)));

	/* Waited for: another thread sends it to the process. */
	struct sender s = {0, SIGUSR2, 43, 20 * MS};
	int tid = kts_spawn(sender_fn, &s, 0);
	memset(&si, 0, sizeof(si));
	KT_EQ(SignalWaitinfo_r(&set, &si), SIGUSR2);
	KT_EQ(si.si_value.sival_int, 43);
	KT_EQ(kts_join(tid, NULL), 0);

	/* Bounded by TimerTimeout. */
	uint64_t ns = 20 * MS, t0 = kts_now();
	KT_EQ(TimerTimeout_r(CLOCK_MONOTONIC, _NTO_TIMEOUT_SIGWAITINFO, NULL, &ns, NULL), 0);
	KT_EQ(SignalWaitinfo_r(&set, NULL), -ETIMEDOUT);
	KT_CHECK(kts_now() - t0 >= 20 * MS);

	/* A handled signal while waiting: EINTR. */
	reset();
	struct sender s2 = {ks_tid, SIGUSR1, 1, 20 * MS};
	tid = kts_spawn(sender_fn, &s2, 0);
	KT_EQ(SignalWaitinfo_r(&set, NULL), -EINTR);
	KT_EQ(nrec, 1);
	KT_EQ(kts_join(tid, NULL), 0);

	/* Errors. */
	__sigset_t none = ks_set(0);
	KT_EQ(SignalWaitinfo_r(&none, NULL), -EINVAL);
	KT_EQ(SignalWaitinfo_r(KERNEL_VA, NULL), -EFAULT);
	KT_EQ(SignalWaitinfo_r(&set, KERNEL_VA), -EFAULT);
	KT_EQ(ks_procmask(SIG_UNBLOCK, KS_BIT(SIGUSR2), NULL), 0);
}

/* ---- SignalSuspend ---- */

static void test_suspend(void)
{
	uint64_t before;
	__sigset_t none = ks_set(0);

	KT_EQ(ks_action(SIGUSR1, record, SA_SIGINFO, 0), 0);
	KT_EQ(ks_procmask(SIG_BLOCK, KS_BIT(SIGUSR1), &before), 0);
	before |= KS_BIT(SIGUSR1);

	/* Waits with the temporary mask; the handler restores the old one. */
	reset();
	struct sender s = {ks_tid, SIGUSR1, 3, 20 * MS};
	int tid = kts_spawn(sender_fn, &s, 0);
	KT_EQ(SignalSuspend_r(&none), -EINTR);
	KT_EQ(nrec, 1);
	KT_EQ(recs[0].value, 3);
	KT_EQ(recs[0].uc_mask, before);
	KT_EQ(ks_mask(), before);
	KT_EQ(kts_join(tid, NULL), 0);

	/* Already pending: returns at once. */
	reset();
	KT_EQ(SignalKill_r(0, ks_pid, 0, SIGUSR1, 0, 4), 0);
	KT_EQ(nrec, 0);
	KT_EQ(SignalSuspend_r(&none), -EINTR);
	KT_EQ(nrec, 1);
	KT_EQ(ks_mask(), before);

	/* Bounded by TimerTimeout; the mask comes back with no handler run. */
	uint64_t ns = 10 * MS;
	KT_EQ(TimerTimeout_r(CLOCK_MONOTONIC, _NTO_TIMEOUT_SIGSUSPEND, NULL, &ns, NULL), 0);
	KT_EQ(SignalSuspend_r(&none), -ETIMEDOUT);
	KT_EQ(ks_mask(), before);
	KT_EQ(SignalSuspend_r(KERNEL_VA), -EFAULT);
	KT_EQ(ks_procmask(SIG_UNBLOCK, KS_BIT(SIGUSR1), NULL), 0);
}

/* ---- process-directed signals ---- */

static volatile int waiter_result;

static void *waiter_fn(void *arg)
{
	(void)arg;
	__sigset_t set = ks_set(KS_BIT(SIGUSR2));
	ks_procmask(SIG_BLOCK, KS_BIT(SIGUSR2), NULL);
	waiter_result = SignalWaitinfo_r(&set, NULL);
	return NULL;
}

static void test_process_target(void)
{
	struct blocker b;

	KT_EQ(ks_action(SIGUSR1, record, SA_SIGINFO, 0), 0);
	KT_EQ(ks_action(SIGUSR2, record, SA_SIGINFO, 0), 0);
	/* The caller blocks it: the thread that does not takes it. */
	KT_EQ(ks_procmask(SIG_BLOCK, KS_BIT(SIGUSR1), NULL), 0);
	memset(&b, 0, sizeof(b));
	b.chid = ChannelCreate_r(_NTO_CHF_PRIVATE);
	b.op = B_RECEIVE;
	b.unblock = KS_BIT(SIGUSR1);
	reset();
	int tid = kts_spawn(blocker_fn, &b, 0);
	KTS_WAIT_UNTIL(ks_state(tid) == STATE_RECEIVE, 2000);
	KT_EQ(SignalKill_r(0, ks_pid, 0, SIGUSR1, 0, 0), 0);
	KTS_WAIT_UNTIL(b.done, 2000);
	KT_EQ(b.result, -EINTR);
	KT_EQ(nrec, 1);
	KT_EQ(recs[0].tid, tid);
	KT_EQ(kts_join(tid, NULL), 0);
	ChannelDestroy_r(b.chid);
	KT_EQ(ks_procmask(SIG_UNBLOCK, KS_BIT(SIGUSR1), NULL), 0);

	/* A thread waiting for it in SignalWaitinfo comes before a handler. */
	reset();
	waiter_result = 0;
	tid = kts_spawn(waiter_fn, NULL, 0);
	KTS_WAIT_UNTIL(ks_state(tid) == STATE_SIGWAITINFO, 2000);
	KT_EQ(SignalKill_r(0, ks_pid, 0, SIGUSR2, 0, 0), 0);
	KT_EQ(kts_join(tid, NULL), 0);
	KT_EQ(waiter_result, SIGUSR2);
	KT_EQ(nrec, 0);
}

/* ---- a thread running on another hart ---- */

static volatile int spin_hits, spin_go, spin_cpu;
static volatile int spinner_tid;

static void spin_handler(int signo, siginfo_t *si, void *ctx)
{
	(void)signo;
	(void)si;
	(void)ctx;
	if (__tls()->__tid == spinner_tid)
		__atomic_fetch_add(&spin_hits, 1, __ATOMIC_RELAXED);
}

static void *spinner_fn(void *arg)
{
	(void)arg;
	spinner_tid = __tls()->__tid;
	spin_cpu = (int)SchedGetCpuNum_r();
	spin_go = 1;
	while (spin_go != 2)
		; /* never enters the kernel: only an interrupt lets the handler in */
	return NULL;
}

static void test_cross_hart(void)
{
	const int rt = SIGRTMIN + 3, n = 200;

	KT_EQ(ks_action(rt, spin_handler, SA_SIGINFO, 0), 0);
	spin_hits = 0;
	spin_go = 0;
	/*
	 * Below our priority: when it shares our hart, we still run whenever we
	 * wake (its signals then arrive when we block); on another hart only an
	 * interrupt brings them.
	 */
	int tid = kts_spawn(spinner_fn, NULL, _QSOE_PRIO_DEFAULT - 1);
	KTS_WAIT_UNTIL(spin_go == 1, 2000);
	for (int i = 0; i < n; i++)
		KT_EQ(SignalKill_r(0, ks_pid, tid, rt, SI_QUEUE, i), 0);
	KTS_WAIT_UNTIL(spin_hits == n, 5000);
	KT_EQ(spin_hits, n);
	spin_go = 2;
	KT_EQ(kts_join(tid, NULL), 0);
	kt_printf("%s: %d signals to a spinning thread on cpu %d from cpu %u\n", kt_name, spin_hits,
	          spin_cpu, SchedGetCpuNum_r());
}

int kt_main(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	ks_init();
	test_interrupts();
	test_waitinfo();
	test_suspend();
	test_process_target();
	test_cross_hart();
	kt_printf("%s: %d failure(s)\n", kt_name, kt_failures);
	return kt_failures;
}
