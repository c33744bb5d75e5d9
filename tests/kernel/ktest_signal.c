/*
 * ktest_signal - POSIX/QNX signals inside one process, part 1: the
 * calls SignalAction, SignalKill, SignalKillSigval and SignalProcmask with
 * their errors; handlers with their siginfo and ucontext; masks and
 * pending sets; SA_NODEFER and SA_RESETHAND; queued real-time signals in
 * order with their values and the queue limit; ignored signals.
 *
 * Part 2, ktest_sigblock: blocking calls interrupted (EINTR, the unblock
 * pulse), SignalWaitinfo, SignalSuspend, process-directed delivery, a
 * thread on another hart. Part 3, ktest_sigfault: faults, events, FP.
 * Between processes (stop/continue, groups, SIGKILL, default actions):
 * ktest_sigpeer.
 */
#include "kcall_numbers.h"
#include "ksig.h"

/* ---- SignalAction ---- */

static void test_action(void)
{
	struct sigaction sa, old;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = record;
	sa.sa_flags = SA_SIGINFO;
	KT_EQ(SignalAction_r(0, KS_STUB, 0, &sa, NULL), -EINVAL);
	KT_EQ(SignalAction_r(0, KS_STUB, _NSIG, &sa, NULL), -EINVAL);
	KT_EQ(SignalAction_r(0, KS_STUB, SIGKILL, &sa, NULL), -EINVAL);
	sa.sa_handler = SIG_IGN;
	KT_EQ(SignalAction_r(0, KS_STUB, SIGSTOP, &sa, NULL), -EINVAL);
	sa.sa_sigaction = record;
	KT_EQ(SignalAction_r(0, NULL, SIGUSR1, &sa, NULL), -EINVAL); /* a handler needs a stub */
	KT_EQ(SignalAction_r(0, KS_STUB, SIGUSR1, KERNEL_VA, NULL), -EFAULT);
	KT_EQ(SignalAction_r(0, KS_STUB, SIGUSR1, NULL, KERNEL_VA), -EFAULT);
	KT_EQ(SignalAction_r(1, KS_STUB, SIGUSR1, &sa, NULL), -EPERM); /* only one's own process */

	/* Set, then read back through oact. */
	sa.sa_mask = ks_set(KS_BIT(SIGUSR2));
	KT_EQ(SignalAction_r(0, KS_STUB, SIGUSR1, &sa, &old), 0);
	KT_CHECK(old.sa_handler == SIG_DFL);
	KT_EQ(SignalAction_r(ks_pid, NULL, SIGUSR1, NULL, &old), 0);
	KT_CHECK(old.sa_sigaction == record);
	KT_EQ(old.sa_flags, SA_SIGINFO);
	KT_EQ(ks_bits(&old.sa_mask), KS_BIT(SIGUSR2));
}

/* ---- SignalKill / SignalKillSigval to oneself ---- */

static void test_kill_self(void)
{
	int x;

	KT_EQ(ks_action(SIGUSR1, record, SA_SIGINFO, KS_BIT(SIGUSR2)), 0);
	reset();
	uint64_t before = ks_mask();
	KT_EQ(SignalKill_r(0, ks_pid, 0, SIGUSR1, SI_QUEUE, 1234), 0);
	/* Delivered before SignalKill returned to us. */
	KT_EQ(nrec, 1);
	KT_EQ(recs[0].signo, SIGUSR1);
	KT_EQ(recs[0].code, SI_QUEUE);
	KT_EQ(recs[0].value, 1234);
	KT_EQ(recs[0].pid, ks_pid);
	KT_EQ(recs[0].tid, ks_tid);
	KT_EQ(recs[0].a7, __KER_SIGNAL_KILL);
	KT_EQ(recs[0].uc_mask, before);
	KT_EQ(recs[0].mask, before | KS_BIT(SIGUSR1) | KS_BIT(SIGUSR2));
	KT_EQ(ks_mask(), before); /* restored by SignalReturn */

	union sigval v = {.sival_ptr = &x};
	reset();
	KT_EQ(SignalKillSigval_r(0, ks_pid, ks_tid, SIGUSR1, SI_USER, &v), 0);
	KT_EQ(nrec, 1);
	KT_CHECK(recs[0].value == (long)&x);
	KT_EQ(recs[0].code, SI_USER);

	/* Errors. */
	reset();
	KT_EQ(SignalKill_r(0, ks_pid, 0, _SIGMAX + 1, 0, 0), -EINVAL);
	KT_EQ(SignalKill_r(0, ks_pid, 0, -1, 0, 0), -EINVAL);
	KT_EQ(SignalKill_r(0, ks_pid, 0, SIGSELECT, 0, 0), -EINVAL);         /* kernel only */
	KT_EQ(SignalKill_r(0, ks_pid, 0, SIGUSR1, SEGV_MAPERR, 0), -EINVAL); /* no forged codes */
	KT_EQ(SignalKill_r(1, ks_pid, 0, SIGUSR1, 0, 0), -EINVAL);           /* remote node */
	KT_EQ(SignalKill_r(0, 0x3ffffff0, 0, SIGUSR1, 0, 0), -ESRCH);
	KT_EQ(SignalKill_r(0, ks_pid, 999, SIGUSR1, 0, 0), -ESRCH);
	KT_EQ(SignalKill_r(0, ks_pid, -3, SIGUSR1, 0, 0), -EINVAL);
	KT_EQ(SignalKill_r(0, 1, 0, SIGUSR1, 0, 0), -EPERM); /* taskman */
	KT_EQ(SignalKill_r(0, ks_pid, 0, 0, 0, 0), 0);       /* existence check */
	KT_EQ(SignalKill_r(0, ks_pid, ks_tid, 0, 0, 0), 0);
	KT_EQ(SignalKillSigval_r(0, ks_pid, 0, SIGUSR1, 0, KERNEL_VA), -EFAULT);
	KT_EQ(nrec, 0);
}

/* ---- masks and pending sets ---- */

static int nodefer_depth, nodefer_max, nodefer_runs;

static void nodefer_handler(int signo, siginfo_t *si, void *ctx)
{
	(void)si;
	(void)ctx;
	nodefer_depth++;
	nodefer_runs++;
	if (nodefer_depth > nodefer_max)
		nodefer_max = nodefer_depth;
	if (nodefer_runs < 3) /* with SA_NODEFER it runs nested, else after this one */
		SignalKill_r(0, ks_pid, ks_tid, signo, 0, 0);
	nodefer_depth--;
}

static void test_masks(void)
{
	uint64_t old = 0;

	KT_EQ(ks_action(SIGUSR1, record, SA_SIGINFO, 0), 0);
	reset();
	KT_EQ(ks_procmask(SIG_BLOCK, KS_BIT(SIGUSR1), &old), 0);
	KT_CHECK(!(old & KS_BIT(SIGUSR1)));
	KT_EQ(SignalKill_r(0, ks_pid, 0, SIGUSR1, 0, 7), 0);
	KT_EQ(nrec, 0);
	KT_CHECK(ks_pending() & KS_BIT(SIGUSR1));
	KT_EQ(ks_procmask(SIG_UNBLOCK, KS_BIT(SIGUSR1), NULL), 0);
	KT_EQ(nrec, 1); /* acted on before SignalProcmask returned */
	KT_EQ(recs[0].value, 7);
	KT_CHECK(!(ks_pending() & KS_BIT(SIGUSR1)));

	/* SIGKILL, SIGSTOP and SIGCONT cannot be blocked; SETMASK replaces. */
	KT_EQ(ks_procmask(SIG_SETMASK, ~0ULL, &old), 0);
	uint64_t all = ks_mask();
	KT_CHECK(!(all & (KS_BIT(SIGKILL) | KS_BIT(SIGSTOP) | KS_BIT(SIGCONT))));
	KT_CHECK(all & KS_BIT(SIGTERM));
	KT_EQ(ks_procmask(SIG_SETMASK, old, NULL), 0);
	KT_EQ(ks_mask(), old);

	/* Errors. */
	__sigset_t s = ks_set(0);
	KT_EQ(SignalProcmask_r(0, 0, 7, &s, NULL), -EINVAL);
	KT_EQ(SignalProcmask_r(0, 999, SIG_BLOCK, &s, NULL), -ESRCH);
	KT_EQ(SignalProcmask_r(1, 1, SIG_BLOCK, &s, NULL), -EPERM);
	KT_EQ(SignalProcmask_r(0, 0, SIG_BLOCK, KERNEL_VA, NULL), -EFAULT);
	KT_EQ(SignalProcmask_r(0, 0, SIG_BLOCK, NULL, KERNEL_VA), -EFAULT);
	KT_EQ(SignalProcmask_r(ks_pid, ks_tid, SIG_BLOCK, NULL, &s), 0);

	/* SA_NODEFER: the handler may be re-entered by its own signal. */
	KT_EQ(ks_action(SIGUSR2, nodefer_handler, SA_NODEFER, 0), 0);
	nodefer_max = nodefer_runs = 0;
	KT_EQ(SignalKill_r(0, ks_pid, ks_tid, SIGUSR2, 0, 0), 0);
	KT_EQ(nodefer_runs, 3);
	KT_EQ(nodefer_max, 3);
	/* Without it, the second instance waits for the first handler to return. */
	KT_EQ(ks_action(SIGUSR2, nodefer_handler, 0, 0), 0);
	nodefer_max = nodefer_runs = 0;
	KT_EQ(SignalKill_r(0, ks_pid, ks_tid, SIGUSR2, 0, 0), 0);
	KT_EQ(nodefer_runs, 3);
	KT_EQ(nodefer_max, 1);

	/* SA_RESETHAND: one delivery, then SIG_DFL. */
	struct sigaction oa;
	KT_EQ(ks_action(SIGUSR2, record, SA_SIGINFO | SA_RESETHAND, 0), 0);
	reset();
	KT_EQ(SignalKill_r(0, ks_pid, 0, SIGUSR2, 0, 0), 0);
	KT_EQ(nrec, 1);
	KT_EQ(SignalAction_r(0, NULL, SIGUSR2, NULL, &oa), 0);
	KT_CHECK(oa.sa_handler == SIG_DFL);
}

/* ---- queued signals ---- */

static void test_queue(void)
{
	const int rt = SIGRTMIN;

	/*
	 * Each handler blocks the other two, so none runs nested inside another
	 * (an interrupt during a handler may otherwise deliver the next one).
	 */
	uint64_t three = KS_BIT(rt) | KS_BIT(rt + 1) | KS_BIT(SIGUSR2);
	KT_EQ(ks_action(rt, record_quiet, SA_SIGINFO, three), 0);
	KT_EQ(ks_action(rt + 1, record_quiet, SA_SIGINFO, three), 0);
	KT_EQ(ks_action(SIGUSR2, record_quiet, 0, three), 0);
	KT_EQ(ks_procmask(SIG_BLOCK, KS_BIT(rt) | KS_BIT(rt + 1) | KS_BIT(SIGUSR2), NULL), 0);
	reset();
	KT_EQ(SignalKill_r(0, ks_pid, 0, rt + 1, SI_QUEUE, 100), 0);
	for (int v = 1; v <= 5; v++)
		KT_EQ(SignalKill_r(0, ks_pid, 0, rt, SI_QUEUE, v), 0);
	for (int v = 1; v <= 3; v++) /* not real-time, no SA_SIGINFO: one instance */
		KT_EQ(SignalKill_r(0, ks_pid, 0, SIGUSR2, SI_USER, 200 + v), 0);
	KT_EQ(nrec, 0);
	KT_EQ(ks_procmask(SIG_UNBLOCK, KS_BIT(rt) | KS_BIT(rt + 1) | KS_BIT(SIGUSR2), NULL), 0);
	/* Lowest number first, each signal's instances in order. */
	static const int want_sig[] = {SIGUSR2,  SIGRTMIN, SIGRTMIN,    SIGRTMIN,
	                               SIGRTMIN, SIGRTMIN, SIGRTMIN + 1};
	static const long want_val[] = {201, 1, 2, 3, 4, 5, 100};
	KT_EQ(nrec, 7);
	for (int i = 0; i < 7 && i < nrec; i++) {
		KT_EQ(recs[i].signo, want_sig[i]);
		KT_EQ(recs[i].value, want_val[i]);
	}

	/* The queue is bounded: EAGAIN past SIGQUEUE_MAX duplicates. */
	KT_EQ(ks_procmask(SIG_BLOCK, KS_BIT(rt), NULL), 0);
	int n = 0;
	long r = 0;
	while (n < 5000 && (r = SignalKill_r(0, ks_pid, 0, rt, SI_QUEUE, n)) == 0)
		n++;
	KT_EQ(r, -EAGAIN);
	KT_EQ(n, 1 + 1024);
	/* Ignoring a pending signal discards every instance. */
	struct sigaction ign;
	memset(&ign, 0, sizeof(ign));
	ign.sa_handler = SIG_IGN;
	KT_EQ(SignalAction_r(0, NULL, rt, &ign, NULL), 0);
	KT_CHECK(!(ks_pending() & KS_BIT(rt)));
	KT_EQ(ks_action(rt, record_quiet, SA_SIGINFO, 0), 0);
	reset();
	KT_EQ(ks_procmask(SIG_UNBLOCK, KS_BIT(rt), NULL), 0);
	KT_EQ(nrec, 0);
	KT_EQ(SignalKill_r(0, ks_pid, 0, rt, SI_QUEUE, 9), 0); /* the queue works again */
	KT_EQ(nrec, 1);
}

/* ---- ignored signals and default actions that ignore ---- */

static void test_ignore(void)
{
	struct sigaction ign;

	memset(&ign, 0, sizeof(ign));
	ign.sa_handler = SIG_IGN;
	KT_EQ(SignalAction_r(0, NULL, SIGTERM, &ign, NULL), 0);
	KT_EQ(SignalKill_r(0, ks_pid, 0, SIGTERM, 0, 0), 0); /* would end us by default */
	KT_EQ(SignalKill_r(0, ks_pid, 0, SIGCHLD, 0, 0), 0); /* default: ignore */
	KT_EQ(SignalKill_r(0, ks_pid, 0, SIGWINCH, 0, 0), 0);
	KT_EQ(SignalKill_r(0, ks_pid, 0, SIGCONT, 0, 0), 0); /* not stopped: nothing */
	KT_EQ(ks_pending(), 0);
	/* A blocked signal with a default "ignore" action stays pending (sigwait). */
	KT_EQ(ks_procmask(SIG_BLOCK, KS_BIT(SIGCHLD), NULL), 0);
	KT_EQ(SignalKill_r(0, ks_pid, 0, SIGCHLD, 0, 0), 0);
	KT_CHECK(ks_pending() & KS_BIT(SIGCHLD));
	KT_EQ(ks_procmask(SIG_UNBLOCK, KS_BIT(SIGCHLD), NULL), 0);
	KT_EQ(ks_pending(), 0);
	/* Setting SIG_IGN drops a pending instance. */
	KT_EQ(ks_action(SIGTERM, record, SA_SIGINFO, 0), 0);
	KT_EQ(ks_procmask(SIG_BLOCK, KS_BIT(SIGTERM), NULL), 0);
	KT_EQ(SignalKill_r(0, ks_pid, 0, SIGTERM, 0, 0), 0);
	KT_CHECK(ks_pending() & KS_BIT(SIGTERM));
	KT_EQ(SignalAction_r(0, NULL, SIGTERM, &ign, NULL), 0);
	KT_EQ(ks_pending(), 0);
	KT_EQ(ks_procmask(SIG_UNBLOCK, KS_BIT(SIGTERM), NULL), 0);
}

int kt_main(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	ks_init();
	kt_printf("%s: pid %d on cpu %u\n", kt_name, ks_pid, SchedGetCpuNum_r());
	test_action();
	test_kill_self();
	test_masks();
	test_queue();
	test_ignore();
	kt_printf("%s: %d failure(s)\n", kt_name, kt_failures);
	return kt_failures;
}
