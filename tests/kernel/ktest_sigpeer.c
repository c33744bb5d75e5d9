/*
 * ktest_sigpeer - signals between processes. One program, roles by name:
 *
 *   ktest_sigpeer   the target: a server on chid 1 ("sigpeer") with three
 *                   threads spinning in user mode (spread over the harts)
 *                   and a SIGUSR2 handler that counts.
 *   ktest_sigctl    the controller: stops the target with SIGSTOP and
 *                   SIGTSTP (every thread parks; a message to it is not
 *                   answered; no CPU time accrues) and continues it with
 *                   SIGCONT; signals process groups; checks EPERM and
 *                   ESRCH; drops root (taskman's TM_SETCRED, mirrored into
 *                   the kernel) to check the uid rules; finally ends the
 *                   target with SIGKILL while it blocks every signal and
 *                   is stopped.
 *   ktest_sigterm   default actions on itself: blocked SIGTERM stays
 *                   pending, default-ignored signals do nothing, and
 *                   unblocking SIGTERM ends it ("killed by signal 15").
 *   ktest_sigsegv2  a SIGSEGV handler that faults itself: the second fault
 *                   (signal blocked in the handler) ends the process.
 *   ktest_sigsegv3  a NULL store with SIGSEGV blocked ends the process.
 */
#include <qsoe/taskman.h>
#include "kpeer.h"
#include "ksig.h"

int strcmp(const char *a, const char *b);

enum { OP_PID = 1, OP_COUNT, OP_SPIN, OP_BLOCKALL };

struct req {
	uint32_t magic; /* not KPEER_HELLO */
	int op;
};

/* ---- the target ---- */

#define NSPIN 3
static volatile unsigned long spin_count[NSPIN];
static volatile int usr2_count;

static void on_usr2(int signo, siginfo_t *si, void *ctx)
{
	(void)signo;
	(void)si;
	(void)ctx;
	usr2_count++;
}

static void *spin_fn(void *arg)
{
	volatile unsigned long *c = arg;

	for (;;)
		(*c)++;
	return NULL;
}

__attribute__((noreturn)) static int target(void)
{
	char buf[64];
	struct _msg_info info;
	int chid = ChannelCreate_r(0);

	KT_EQ(chid, 1);
	KT_EQ(ks_action(SIGUSR2, on_usr2, SA_SIGINFO, 0), 0);
	/* Below the main thread's priority, so it always gets to answer. */
	for (int i = 0; i < NSPIN; i++)
		KT_CHECK(kts_spawn(spin_fn, (void *)&spin_count[i], _QSOE_PRIO_DEFAULT - 1) > 0);
	for (;;) {
		rcvid_t rcvid = MsgReceive_r(chid, buf, sizeof(buf), &info);
		if (rcvid <= 0)
			continue;
		if (kpeer_answer(rcvid, buf, (size_t)info.msglen, "sigpeer"))
			continue;
		struct req *r = (struct req *)buf;
		long v = 0;
		switch (r->op) {
		case OP_PID:
			v = ks_pid;
			break;
		case OP_COUNT:
			v = usr2_count;
			break;
		case OP_SPIN:
			for (int i = 0; i < NSPIN; i++)
				v += (long)spin_count[i];
			break;
		case OP_BLOCKALL:
			v = ks_procmask(SIG_SETMASK, ~0ULL, NULL);
			break;
		}
		MsgReply_r(rcvid, 0, &v, sizeof(v));
	}
}

/* ---- the controller ---- */

static int coid;

/* Asks the target; an answer must come within ms milliseconds. */
static long ask_within(int op, uint64_t ms)
{
	struct req r = {0, op};
	long v = -1;
	uint64_t ns = ms * MS;

	TimerTimeout_r(CLOCK_MONOTONIC, _NTO_TIMEOUT_SEND | _NTO_TIMEOUT_REPLY, NULL, &ns, NULL);
	long s = MsgSend_r(coid, &r, sizeof(r), &v, sizeof(v));
	return s < 0 ? s : v;
}

static long ask(int op)
{
	return ask_within(op, 2000);
}

/* Threads of pid in 'state' (and how many there are, in *total). */
static int count_state(pid_t pid, int state, int *total, uint64_t *cpu_ns)
{
	struct proc_thread_info ti[16];
	struct proc_info pi;
	long n = ProcInfo_r(pid, &pi, ti, 16);
	int k = 0;

	if (n < 0)
		return (int)n;
	*total = (int)n;
	if (cpu_ns)
		*cpu_ns = pi.cpu_ns;
	for (long i = 0; i < n && i < 16; i++)
		if (ti[i].state == state)
			k++;
	return k;
}

/* Stops pid with signo and checks every thread parks and nothing runs. */
static void check_stop(pid_t pid, int signo)
{
	int total = 0;
	uint64_t ns0, ns1;

	KT_EQ(SignalKill_r(0, pid, 0, signo, SI_USER, 0), 0);
	/* The spinners park at once; the main thread too unless it is RECEIVE-blocked. */
	KTS_WAIT_UNTIL(count_state(pid, STATE_STOPPED, &total, NULL) >= NSPIN, 2000);
	KT_CHECK(count_state(pid, STATE_STOPPED, &total, NULL) >= NSPIN);
	/* A message is received by the kernel, but nobody answers it. */
	KT_EQ(ask_within(OP_SPIN, 200), -ETIMEDOUT);
	KTS_WAIT_UNTIL(count_state(pid, STATE_STOPPED, &total, NULL) == total, 2000);
	KT_EQ(count_state(pid, STATE_STOPPED, &total, &ns0), NSPIN + 1);
	kts_sleep(50 * MS);
	count_state(pid, STATE_STOPPED, &total, &ns1);
	KT_EQ(ns1, ns0); /* no CPU time while stopped */
	KT_EQ(SignalKill_r(0, pid, 0, SIGCONT, SI_USER, 0), 0);
	KTS_WAIT_UNTIL(count_state(pid, STATE_STOPPED, &total, NULL) == 0, 2000);
	KT_EQ(count_state(pid, STATE_STOPPED, &total, NULL), 0);
	long a = ask(OP_SPIN);
	kts_sleep(20 * MS);
	long b = ask(OP_SPIN);
	if (!(a >= 0 && b > a))
		kt_printf("%s: FAIL after SIGCONT: spin count %ld then %ld\n", kt_name, a, b);
}

/* setresuid through taskman (TM_SETCRED). Returns 0 or a negative errno. */
static long tm_setresuid(int r, int e, int s)
{
	struct tm_setcred m;
	uint64_t ns = 2000 * MS;

	memset(&m, 0, sizeof(m));
	m.hdr.type = TM_SETCRED;
	m.hdr.subtype = TM_CRED_SETRESUID;
	m.hdr.size = sizeof(m);
	m.cred.ruid = r;
	m.cred.euid = e;
	m.cred.suid = s;
	m.cred.rgid = m.cred.egid = m.cred.sgid = -1;
	TimerTimeout_r(CLOCK_MONOTONIC, _NTO_TIMEOUT_SEND | _NTO_TIMEOUT_REPLY, NULL, &ns, NULL);
	return MsgSend_r(SYSMGR_COID, &m, sizeof(m), NULL, 0);
}

/* As uid 1000 (saved uid 0), the root target may not be signalled; we may. */
static void check_uid_rules(pid_t pid, const struct proc_info *me, const struct proc_info *peer)
{
	long r = tm_setresuid(1000, 1000, 0);

	if (r < 0) {
		kt_printf("%s: taskman did not change our ids (error %ld): uid rules not checked\n",
		          kt_name, -r);
		return;
	}
	usr2_count = 0;
	KT_EQ(SignalKill_r(0, pid, 0, SIGUSR2, SI_USER, 0), -EPERM);
	KT_EQ(SignalKill_r(0, pid, 0, 0, 0, 0), -EPERM);
	KT_EQ(SignalKill_r(0, ks_pid, 0, SIGUSR2, SI_USER, 0), 0); /* oneself: always */
	KT_EQ(usr2_count, 1);
	if (me->pgid != peer->pgid)
		KT_EQ(SignalKill_r(0, -peer->pgid, 0, SIGUSR2, SI_USER, 0), -EPERM);
	KT_EQ(tm_setresuid(0, 0, 0), 0); /* back: the saved uid is 0 */
	KT_EQ(SignalKill_r(0, pid, 0, 0, 0, 0), 0);
	kt_printf("%s: uid permission checks done\n", kt_name);
}

static int controller(void)
{
	struct proc_info me, peer;
	struct proc_thread_info ti[8];

	coid = kpeer_find("sigpeer", 50);
	KT_CHECK(coid >= 0);
	if (coid < 0)
		return 1;
	pid_t pid = (pid_t)ask(OP_PID);
	KT_CHECK(pid > 1);
	KT_EQ(ks_action(SIGUSR2, on_usr2, SA_SIGINFO, 0), 0);

	/* Its threads run on several harts. */
	long n = ProcInfo_r(pid, NULL, ti, 8);
	unsigned cpus = 0;
	for (long i = 0; i < n && i < 8; i++)
		cpus |= 1u << (ti[i].cpu & 31);
	kt_printf("%s: target pid %d has %ld threads on cpu set %#x\n", kt_name, pid, n, cpus);

	/* Job control. */
	check_stop(pid, SIGSTOP);
	check_stop(pid, SIGTSTP);
	KT_EQ(ask(OP_COUNT), 0);

	/* Process groups (taskman may have put us both in one group). */
	KT_CHECK(ProcInfo_r(0, &me, NULL, 0) >= 0);
	KT_CHECK(ProcInfo_r(pid, &peer, NULL, 0) >= 0);
	KT_CHECK(peer.pgid > 0);
	usr2_count = 0;
	KT_EQ(SignalKill_r(0, -peer.pgid, 0, SIGUSR2, SI_USER, 0), 0);
	KTS_WAIT_UNTIL(ask(OP_COUNT) == 1, 2000);
	KT_EQ(ask(OP_COUNT), 1);
	KT_EQ(usr2_count, me.pgid == peer.pgid ? 1 : 0);
	usr2_count = 0;
	KT_EQ(SignalKill_r(0, 0, 0, SIGUSR2, SI_USER, 0), 0); /* our own group */
	KT_EQ(usr2_count, 1);
	KTS_WAIT_UNTIL(ask(OP_COUNT) == (me.pgid == peer.pgid ? 2 : 1), 2000);
	KT_EQ(ask(OP_COUNT), me.pgid == peer.pgid ? 2 : 1);
	KT_EQ(SignalKill_r(0, -0x3ffffff0, 0, SIGUSR2, 0, 0), -ESRCH); /* no such group */
	KT_EQ(SignalKill_r(0, -1, 0, SIGUSR2, 0, 0), -ESRCH); /* taskman's: never signalled */
	KT_EQ(SignalKill_r(0, 1, 0, SIGTERM, 0, 0), -EPERM);
	KT_EQ(SignalKill_r(0, 1, 0, 0, 0, 0), -EPERM);
	check_uid_rules(pid, &me, &peer);

	/* SIGKILL: not blockable, and it ends a stopped process. */
	KT_EQ(ask(OP_BLOCKALL), 0);
	int total;
	KT_EQ(SignalKill_r(0, pid, 0, SIGSTOP, SI_USER, 0), 0);
	KTS_WAIT_UNTIL(count_state(pid, STATE_STOPPED, &total, NULL) >= NSPIN, 2000);
	KT_EQ(SignalKill_r(0, pid, 0, SIGKILL, SI_USER, 0), 0);
	KTS_WAIT_UNTIL(ProcInfo_r(pid, NULL, NULL, 0) == -ESRCH, 2000);
	KT_EQ(ProcInfo_r(pid, NULL, NULL, 0), -ESRCH);
	kt_printf("%s: %d failure(s)\n", kt_name, kt_failures);
	return kt_failures;
}

/* ---- default actions on oneself ---- */

static int sigterm_role(void)
{
	KT_EQ(ks_procmask(SIG_BLOCK, KS_BIT(SIGTERM), NULL), 0);
	KT_EQ(SignalKill_r(0, ks_pid, 0, SIGTERM, SI_USER, 0), 0);
	KT_CHECK(ks_pending() & KS_BIT(SIGTERM));
	static const int ignored[] = {SIGCHLD, SIGURG, SIGWINCH, SIGPWR, SIGCONT};
	for (unsigned i = 0; i < sizeof(ignored) / sizeof(ignored[0]); i++)
		KT_EQ(SignalKill_r(0, ks_pid, 0, ignored[i], SI_USER, 0), 0);
	kt_printf("%s: alive with SIGTERM pending, %d failure(s)\n", kt_name, kt_failures);
	ks_procmask(SIG_UNBLOCK, KS_BIT(SIGTERM), NULL); /* ends us here */
	kt_printf("%s: FAIL: survived SIGTERM\n", kt_name);
	return 1;
}

static void fault_again(int signo, siginfo_t *si, void *ctx)
{
	(void)signo;
	(void)si;
	(void)ctx;
	kt_printf("%s: in the SIGSEGV handler, faulting again\n", kt_name);
	*(volatile int *)bad_pointer() = 2;
}

static int segv_role(int blocked)
{
	KT_EQ(ks_action(SIGSEGV, fault_again, SA_SIGINFO, 0), 0);
	if (blocked)
		KT_EQ(ks_procmask(SIG_BLOCK, KS_BIT(SIGSEGV), NULL), 0);
	kt_printf("%s: storing to NULL (SIGSEGV %s)\n", kt_name, blocked ? "blocked" : "caught");
	*(volatile int *)bad_pointer() = 1;
	kt_printf("%s: FAIL: survived\n", kt_name);
	return 1;
}

int kt_main(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	ks_init();
	if (strcmp(kt_name, "ktest_sigctl") == 0)
		return controller();
	if (strcmp(kt_name, "ktest_sigterm") == 0)
		return sigterm_role();
	if (strcmp(kt_name, "ktest_sigsegv2") == 0)
		return segv_role(0);
	if (strcmp(kt_name, "ktest_sigsegv3") == 0)
		return segv_role(1);
	return target();
}
