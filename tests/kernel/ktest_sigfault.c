/*
 * ktest_sigfault - signals the kernel generates (part 3 of ktest_signal):
 * a NULL store caught by a SIGSEGV handler that longjmps out; a store to
 * a read-only page and an illegal instruction resumed by advancing the pc
 * in the ucontext; a bad SignalReturn frame; SIGEV_SIGNAL,
 * SIGEV_SIGNAL_CODE and SIGEV_SIGNAL_THREAD through MsgDeliverEvent; FP
 * registers and the rounding mode kept across a handler that changes them.
 */
#include "ksig.h"

static struct ks_jmp fault_jmp;
static volatile int fault_signo, fault_code, fault_count;
static void *volatile fault_addr;
static void *volatile fault_pc;
static volatile uintptr_t bad_address = 8; /* opaque to the compiler */

static void on_fault_jump(int signo, siginfo_t *si, void *ctx)
{
	(void)ctx;
	fault_signo = signo;
	fault_code = si->si_code;
	fault_addr = si->si_addr;
	fault_count++;
	ks_longjmp(&fault_jmp, 1);
}

/* Skips the faulting instruction (2 or 4 bytes) by editing the saved pc. */
static void on_fault_skip(int signo, siginfo_t *si, void *ctx)
{
	__ucontext_t *uc = ctx;
	uint64_t pc = uc->uc_mcontext.__gregs[__QSOE_REG_PC];
	uint16_t low = *(volatile uint16_t *)pc;

	fault_signo = signo;
	fault_code = si->si_code;
	fault_addr = si->si_addr;
	fault_pc = (void *)pc;
	fault_count++;
	uc->uc_mcontext.__gregs[__QSOE_REG_PC] = pc + ((low & 3) == 3 ? 4 : 2);
}

static void test_faults(void)
{
	/* NULL store: the handler longjmps out; SIGSEGV stays blocked (longjmp, not siglongjmp). */
	KT_EQ(ks_action(SIGSEGV, on_fault_jump, SA_SIGINFO, 0), 0);
	fault_count = 0;
	if (ks_setjmp(&fault_jmp) == 0) {
		*(volatile int *)0 = 42;
		KT_CHECK(!"survived a NULL store");
	}
	KT_EQ(fault_count, 1);
	KT_EQ(fault_signo, SIGSEGV);
	KT_EQ(fault_code, SEGV_MAPERR);
	KT_CHECK(fault_addr == NULL);
	KT_CHECK(ks_mask() & KS_BIT(SIGSEGV));
	KT_EQ(ks_procmask(SIG_UNBLOCK, KS_BIT(SIGSEGV), NULL), 0); /* what siglongjmp does */

	/* Again, to check the first one left nothing behind. */
	volatile long *bad = (volatile long *)bad_address;
	if (ks_setjmp(&fault_jmp) == 0) {
		*bad = 1;
		KT_CHECK(!"survived a store to 8");
	}
	KT_EQ(fault_count, 2);
	KT_CHECK(fault_addr == (void *)8);
	KT_EQ(ks_procmask(SIG_UNBLOCK, KS_BIT(SIGSEGV), NULL), 0);

	/* A read-only page: SEGV_ACCERR, resumed after the store. */
	KT_EQ(ks_action(SIGSEGV, on_fault_skip, SA_SIGINFO, 0), 0);
	volatile int *ro = VmMap_r(0, NULL, 4096, PROT_READ, MAP_ANON | MAP_PRIVATE, 0);
	KT_CHECK((long)ro > 0);
	fault_count = 0;
	ro[5] = 1;
	KT_EQ(fault_count, 1);
	KT_EQ(fault_signo, SIGSEGV);
	KT_EQ(fault_code, SEGV_ACCERR);
	KT_CHECK(fault_addr == (void *)&ro[5]);
	KT_EQ(ro[5], 0);
	KT_EQ(ks_mask() & KS_BIT(SIGSEGV), 0); /* SignalReturn restored the mask */
	VmUnmap_r(0, (void *)ro, 4096);

	/* An illegal instruction (a write to the read-only cycle CSR): SIGILL at its pc. */
	KT_EQ(ks_action(SIGILL, on_fault_skip, SA_SIGINFO, 0), 0);
	fault_count = 0;
	void *here;
	__asm__ volatile("lla %0, 1f\n1: .4byte 0xc0001073" : "=r"(here));
	KT_EQ(fault_count, 1);
	KT_EQ(fault_signo, SIGILL);
	KT_EQ(fault_code, ILL_ILLOPC);
	KT_CHECK(fault_addr == here);
	KT_CHECK(fault_pc == here);

	/* SignalReturn with a frame that cannot be read is a SIGSEGV there. */
	KT_EQ(ks_action(SIGSEGV, on_fault_jump, SA_SIGINFO, 0), 0);
	fault_count = 0;
	if (ks_setjmp(&fault_jmp) == 0) {
		SignalReturn_r((struct _sighandler_info *)16);
		KT_CHECK(!"SignalReturn of a bad frame came back");
	}
	KT_EQ(fault_count, 1);
	KT_EQ(fault_code, SEGV_MAPERR);
	KT_CHECK(fault_addr == (void *)16);
	KT_EQ(ks_procmask(SIG_UNBLOCK, KS_BIT(SIGSEGV), NULL), 0);
	KT_EQ(ks_simple(SIGSEGV, SIG_DFL), 0);
	KT_EQ(ks_simple(SIGILL, SIG_DFL), 0);
}

/* ---- SIGEV_SIGNAL* events ---- */

static int ev_coid;

static void *ev_client(void *arg)
{
	(void)arg;
	char r[8];
	ks_procmask(SIG_BLOCK, KS_BIT(SIGUSR1), NULL); /* the main thread takes them */
	MsgSend_r(ev_coid, "e", 2, r, sizeof(r));
	return NULL;
}

static void test_events(void)
{
	char buf[16];
	struct sigevent ev;
	int chid = ChannelCreate_r(_NTO_CHF_PRIVATE);

	ev_coid = ConnectAttach_r(0, 0, chid, _NTO_SIDE_CHANNEL, 0);
	KT_EQ(ks_action(SIGUSR1, record, SA_SIGINFO, 0), 0);
	int tid = kts_spawn(ev_client, NULL, 0);
	rcvid_t rcvid = MsgReceive_r(chid, buf, sizeof(buf), NULL);
	KT_CHECK(rcvid > 0);

	reset();
	memset(&ev, 0, sizeof(ev));
	SIGEV_SIGNAL_VALUE_INT_INIT(&ev, SIGUSR1, 11);
	KT_EQ(MsgDeliverEvent_r(rcvid, &ev), 0);
	KT_EQ(nrec, 1);
	KT_EQ(recs[0].code, SI_USER);
	KT_EQ(recs[0].value, 11);

	reset();
	SIGEV_SIGNAL_CODE_INIT(&ev, SIGUSR1, 12, -100);
	KT_EQ(MsgDeliverEvent_r(rcvid, &ev), 0);
	KT_EQ(nrec, 1);
	KT_EQ(recs[0].code, -100);
	KT_EQ(recs[0].value, 12);

	reset();
	SIGEV_SIGNAL_THREAD_INIT(&ev, SIGUSR1, 13, -101);
	KT_EQ(MsgDeliverEvent_r(rcvid, &ev), 0);
	KT_EQ(nrec, 1);
	KT_EQ(recs[0].code, -101);

	SIGEV_SIGNAL_INIT(&ev, 0);
	KT_EQ(MsgDeliverEvent_r(rcvid, &ev), -EINVAL);
	KT_EQ(MsgReply_r(rcvid, 0, NULL, 0), 0);
	KT_EQ(kts_join(tid, NULL), 0);
	ConnectDetach_r(ev_coid);
	ChannelDestroy_r(chid);
}

/* ---- FP state across a handler ---- */

static volatile int fp_runs;

/* Changes fs0, ft0 and fcsr without telling the compiler: the kernel must put them back. */
static void fp_clobber(int signo, siginfo_t *si, void *ctx)
{
	(void)signo;
	(void)si;
	(void)ctx;
	uint64_t junk = 0x5555aaaa5555aaaaULL;
	__asm__ volatile("fmv.d.x fs0, %0\n fmv.d.x ft0, %0\n fscsr %0" ::"r"(junk));
	fp_runs++;
}

static void test_fp(void)
{
	const uint64_t pi = 0x400921fb54442d18ULL, e = 0x4005bf0a8b145769ULL;
	uint64_t out0 = 0, outt = 0, rm = 0;

	KT_EQ(ks_action(SIGUSR2, fp_clobber, SA_SIGINFO, 0), 0);
	fp_runs = 0;
	__asm__ volatile("fmv.d.x fs0, %0\n fmv.d.x ft0, %1\n fsrmi 2" ::"r"(pi), "r"(e));
	SignalKill_r(0, ks_pid, ks_tid, SIGUSR2, 0, 0);
	__asm__ volatile("fmv.x.d %0, fs0\n fmv.x.d %1, ft0\n frrm %2"
	                 : "=r"(out0), "=r"(outt), "=r"(rm));
	__asm__ volatile("fsrmi 0");
	KT_EQ(fp_runs, 1);
	KT_CHECK(out0 == pi);
	KT_CHECK(outt == e);
	KT_EQ(rm, 2);
}

int kt_main(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	ks_init();
	test_faults();
	test_events();
	test_fp();
	kt_printf("%s: %d failure(s)\n", kt_name, kt_failures);
	return kt_failures;
}
