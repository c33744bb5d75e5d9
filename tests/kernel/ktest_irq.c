/*
 * ktest_irq - interrupts: InterruptAttachEvent (pulse, SIGEV_INTR),
 * InterruptAttachThread + InterruptWait, mask counts and masking, detach,
 * hart routing, I/O privilege, exclusivity, detach at thread and process
 * death, bad arguments. The device is QEMU virt's goldfish RTC
 * (google,goldfish-rtc at 0x101000, PLIC source 11): setting its alarm to
 * a time already past raises its interrupt at once.
 *
 * Two roles: ktest_irq is the test; ktest_irq_holder is a second process
 * that holds the RTC interrupt exclusively until told to go, so the test
 * can see the attachment of a dying process disappear. Boot both with
 * run=ktest_irq_holder,ktest_irq.
 */
#include <errno.h>
#include <qsoe/abi/mman.h>
#include <qsoe/abi/sched.h>
#include <qsoe/abi/time.h>
#include "kpeer.h"
#include "ksig.h"
#include "ktest.h"

int strcmp(const char *a, const char *b);

#define RTC_PHYS 0x101000UL
#define RTC_IRQ  11

/* goldfish RTC registers (byte offsets). */
#define RTC_TIME_LOW        0x00
#define RTC_TIME_HIGH       0x04
#define RTC_ALARM_LOW       0x08
#define RTC_ALARM_HIGH      0x0c
#define RTC_IRQ_ENABLED     0x10
#define RTC_CLEAR_ALARM     0x14
#define RTC_CLEAR_INTERRUPT 0x1c

#ifndef MS
#define MS 1000000ULL
#endif
#define UNMAPPED ((void *)0x3000000000UL)

static volatile uint32_t *rtc;

static void rtc_w(unsigned off, uint32_t v)
{
	rtc[off / 4] = v;
}

/* Raises the RTC interrupt now: an alarm already in the past fires at once. */
static void rtc_raise(void)
{
	rtc_w(RTC_ALARM_HIGH, 0);
	rtc_w(RTC_ALARM_LOW, 0);
}

/* Lowers the RTC's interrupt line (the driver's acknowledgement). */
static void rtc_clear(void)
{
	rtc_w(RTC_CLEAR_INTERRUPT, 1);
}

/* Maps the RTC (needs I/O privilege); returns 0 or -errno. */
static int rtc_map(void)
{
	void *p = VmMap_r(0, NULL, 4096, PROT_READ | PROT_WRITE | PROT_NOCACHE,
	                  MAP_PHYS | MAP_SHARED, RTC_PHYS);
	if ((long)p < 0 && (long)p > -4096)
		return (int)(long)p;
	rtc = p;
	rtc_w(RTC_IRQ_ENABLED, 1);
	rtc_clear();
	return 0;
}

/* Bounds the next blocking call in 'states' by ns nanoseconds. */
static void timeout(uint32_t states, uint64_t ns)
{
	TimerTimeout_r(CLOCK_MONOTONIC, states, NULL, &ns, NULL);
}

/* Waits up to ns for a pulse on chid; returns 0 (pulse in *p) or -errno. */
static int recv_pulse(int chid, uint64_t ns, struct _pulse *p)
{
	timeout(_NTO_TIMEOUT_RECEIVE, ns);
	return MsgReceivePulse_r(chid, p, sizeof(*p), NULL);
}

/* InterruptWait bounded by ns. */
static int wait_intr(int flags, uint64_t ns)
{
	timeout(_NTO_TIMEOUT_INTR, ns);
	return InterruptWait_r(flags, NULL);
}

/* ---- Privilege: per thread, needs ThreadCtl(_NTO_TCTL_IO) ------------------ */

static void *unprivileged(void *arg)
{
	(void)arg;
	struct sigevent ev;
	SIGEV_INTR_INIT(&ev);
	KT_EQ(InterruptAttachThread_r(RTC_IRQ, 0), -EPERM);
	KT_EQ(InterruptAttachEvent_r(RTC_IRQ, &ev, 0), -EPERM);
	KT_EQ(InterruptMask_r(RTC_IRQ, -1), -EPERM);
	KT_EQ(InterruptUnmask_r(RTC_IRQ, -1), -EPERM);
	return NULL;
}

static void test_privilege(void)
{
	struct sigevent ev;

	SIGEV_INTR_INIT(&ev);
	KT_EQ(InterruptAttachThread_r(RTC_IRQ, 0), -EPERM);
	KT_EQ(InterruptAttachEvent_r(RTC_IRQ, &ev, 0), -EPERM);
	KT_EQ(InterruptMask_r(RTC_IRQ, -1), -EPERM);
	KT_EQ(ThreadCtl_r(_NTO_TCTL_IO, 0), 0);
	/* Privilege is the thread's: a new thread has none until it asks. */
	int tid = kt_thread_create(unprivileged, NULL);
	KT_CHECK(tid > 0);
	KT_EQ(ThreadJoin_r(tid, NULL), 0);
}

/* ---- Bad arguments -------------------------------------------------------- */

static void test_bad_args(int chid)
{
	struct sigevent ev;

	KT_EQ(InterruptAttachThread_r(0, 0), -EINVAL);
	KT_EQ(InterruptAttachThread_r(-1, 0), -EINVAL);
	KT_EQ(InterruptAttachThread_r(100000, 0), -EINVAL);
	KT_EQ(InterruptAttachThread_r(_NTO_INTR_SPARE, 0), -EINVAL);
	KT_EQ(InterruptAttachThread_r(RTC_IRQ, _NTO_INTR_FLAGS_FPU), -EINVAL);
	KT_EQ(InterruptAttachThread_r(RTC_IRQ, _NTO_INTR_FLAGS_PROCESS), -EINVAL);
	KT_EQ(InterruptAttachEvent_r(RTC_IRQ, UNMAPPED, 0), -EFAULT);
	KT_EQ(InterruptAttachEvent_r(RTC_IRQ, NULL, 0), -EFAULT);
	SIGEV_UNBLOCK_INIT(&ev);
	KT_EQ(InterruptAttachEvent_r(RTC_IRQ, &ev, 0), -EINVAL);
	SIGEV_PULSE_INIT(&ev, 12345, 10, 1, 0); /* no such coid */
	KT_EQ(InterruptAttachEvent_r(RTC_IRQ, &ev, 0), -EBADF);
	SIGEV_SIGNAL_INIT(&ev, 0); /* no such signal */
	KT_EQ(InterruptAttachEvent_r(RTC_IRQ, &ev, 0), -EINVAL);
	SIGEV_INTR_INIT(&ev);
	KT_EQ(InterruptAttachEvent_r(0, &ev, 0), -EINVAL);
	KT_EQ(InterruptAttachEvent_r(RTC_IRQ, &ev, 0x1000), -EINVAL);
	KT_EQ(InterruptDetach_r(0), -EINVAL);
	KT_EQ(InterruptDetach_r(9999), -EINVAL);
	KT_EQ(InterruptMask_r(RTC_IRQ, 9999), -ESRCH);
	KT_EQ(InterruptUnmask_r(RTC_IRQ, 9999), -ESRCH);
	KT_EQ(InterruptMask_r(0, -1), -EINVAL);
	KT_EQ(InterruptUnmask_r(100000, -1), -EINVAL);
	KT_EQ(InterruptWait_r(0x100, NULL), -EINVAL);
	uint64_t t = 1000;
	KT_EQ(InterruptWait_r(0, &t), -ENOTSUP);
	(void)chid;
}

/* ---- InterruptAttachEvent with a pulse; masking -------------------------- */

static void test_event_pulse(int chid, int coid)
{
	struct sigevent ev;
	struct _pulse p;

	SIGEV_PULSE_INIT(&ev, coid, 12, 5, 1234);
	int id = InterruptAttachEvent_r(RTC_IRQ, &ev, 0);
	KT_CHECK(id > 0);
	if (id <= 0)
		return;
	/* Delivered by the kernel as a pulse; the source is then masked. */
	rtc_raise();
	KT_EQ(recv_pulse(chid, 1000 * MS, &p), 0);
	KT_EQ(p.code, 5);
	KT_EQ(p.value.sival_int, 1234);
	/* While masked a new interrupt waits in the controller... */
	rtc_clear();
	rtc_raise();
	KT_EQ(recv_pulse(chid, 30 * MS, &p), -ETIMEDOUT);
	/* ...and arrives as soon as the driver unmasks. */
	KT_EQ(InterruptUnmask_r(RTC_IRQ, id), 0);
	KT_EQ(recv_pulse(chid, 1000 * MS, &p), 0);
	KT_EQ(p.code, 5);
	rtc_clear();
	/* Masks are counted: two masks need two unmasks. */
	KT_EQ(InterruptUnmask_r(RTC_IRQ, id), 0);
	KT_EQ(InterruptUnmask_r(RTC_IRQ, id), 0); /* never below zero */
	KT_EQ(InterruptMask_r(RTC_IRQ, id), 1);
	KT_EQ(InterruptMask_r(RTC_IRQ, -1), 2);
	rtc_raise();
	KT_EQ(InterruptUnmask_r(RTC_IRQ, id), 1);
	KT_EQ(recv_pulse(chid, 30 * MS, &p), -ETIMEDOUT);
	KT_EQ(InterruptUnmask_r(RTC_IRQ, -1), 0);
	KT_EQ(recv_pulse(chid, 1000 * MS, &p), 0);
	rtc_clear();
	KT_EQ(InterruptUnmask_r(RTC_IRQ, id), 0);
	/* After detach nothing more is delivered. */
	KT_EQ(InterruptDetach_r(id), 0);
	KT_EQ(InterruptDetach_r(id), -EINVAL);
	KT_EQ(InterruptUnmask_r(RTC_IRQ, id), -ESRCH);
	rtc_raise();
	KT_EQ(recv_pulse(chid, 30 * MS, &p), -ETIMEDOUT);
	rtc_clear();
	/* _NTO_INTR_FLAGS_NO_UNMASK: attached masked, nothing until unmasked. */
	id = InterruptAttachEvent_r(RTC_IRQ, &ev, _NTO_INTR_FLAGS_NO_UNMASK);
	KT_CHECK(id > 0);
	rtc_raise();
	KT_EQ(recv_pulse(chid, 30 * MS, &p), -ETIMEDOUT);
	KT_EQ(InterruptUnmask_r(RTC_IRQ, id), 0);
	KT_EQ(recv_pulse(chid, 1000 * MS, &p), 0);
	rtc_clear();
	KT_EQ(InterruptDetach_r(id), 0);
}

/* ---- InterruptAttachEvent with SIGEV_INTR ---------------------------------- */

static void test_event_intr(void)
{
	struct sigevent ev;

	SIGEV_INTR_INIT(&ev);
	int id = InterruptAttachEvent_r(RTC_IRQ, &ev, 0);
	KT_CHECK(id > 0);
	KT_EQ(wait_intr(0, 30 * MS), -ETIMEDOUT); /* TimerTimeout bounds STATE_INTR */
	rtc_raise();
	KT_EQ(wait_intr(0, 1000 * MS), 0);
	rtc_clear();
	KT_EQ(InterruptUnmask_r(RTC_IRQ, id), 0);
	KT_EQ(InterruptDetach_r(id), 0);
}

/* ---- InterruptAttachEvent with a signal ---------------------------------------- */

static void test_event_signal(void)
{
	struct sigevent ev;

	ks_init();
	nrec = 0;
	KT_EQ(ks_action(SIGUSR2, record, 0, 0), 0);
	ev.sigev_notify = SIGEV_SIGNAL_CODE;
	ev.sigev_signo = SIGUSR2;
	ev.sigev_code = SI_MINAVAIL + 1;
	ev.sigev_value.sival_int = 99;
	int id = InterruptAttachEvent_r(RTC_IRQ, &ev, 0);
	KT_CHECK(id > 0);
	rtc_raise(); /* the handler runs on the way back to user mode */
	for (int i = 0; i < 1000 && nrec == 0; i++)
		SchedYield_r();
	KT_EQ(nrec, 1);
	KT_EQ(recs[0].signo, SIGUSR2);
	KT_EQ(recs[0].code, SI_MINAVAIL + 1);
	KT_EQ(recs[0].value, 99);
	rtc_clear();
	KT_EQ(InterruptUnmask_r(RTC_IRQ, id), 0);
	KT_EQ(InterruptDetach_r(id), 0);
	KT_EQ(ks_simple(SIGUSR2, SIG_DFL), 0);
}

/* ---- InterruptAttachThread + InterruptWait ------------------------------------ */

static void test_thread(void)
{
	int id = InterruptAttachThread_r(RTC_IRQ, _NTO_INTR_FLAGS_NO_UNMASK);

	KT_CHECK(id > 0);
	KT_EQ(InterruptAttachThread_r(RTC_IRQ, 0), -EBUSY); /* one per thread */
	/* Masked since the attach: the interrupt waits in the controller. */
	rtc_raise();
	KT_EQ(wait_intr(0, 30 * MS), -ETIMEDOUT);
	/* _NTO_INTR_WAIT_FLAGS_UNMASK unmasks, then waits: it arrives. */
	KT_EQ(wait_intr(_NTO_INTR_WAIT_FLAGS_UNMASK, 1000 * MS), 0);
	rtc_clear();
	/* Masked again by the delivery: the next one waits for the unmask. */
	rtc_raise();
	KT_EQ(wait_intr(_NTO_INTR_WAIT_FLAGS_FAST, 30 * MS), -ETIMEDOUT);
	KT_EQ(wait_intr(_NTO_INTR_WAIT_FLAGS_UNMASK | _NTO_INTR_WAIT_FLAGS_FAST, 1000 * MS), 0);
	rtc_clear();
	/* An interrupt that comes while the thread runs is kept for its next wait. */
	KT_EQ(InterruptUnmask_r(0, id), 0); /* with an id, intr is not looked at (QNX 8) */
	rtc_raise();
	for (volatile int i = 0; i < 100000; i++)
		;
	KT_EQ(wait_intr(0, 1000 * MS), 0);
	rtc_clear();
	KT_EQ(wait_intr(_NTO_INTR_WAIT_FLAGS_UNMASK, 30 * MS), -ETIMEDOUT); /* nothing new */
	/* A signal ends the wait: EINTR (a timer signal to this thread). */
	ks_init();
	nrec = 0;
	KT_EQ(ks_action(SIGUSR2, record, 0, 0), 0);
	struct sigevent ev;
	ev.sigev_notify = SIGEV_SIGNAL_THREAD;
	ev.sigev_signo = SIGUSR2;
	ev.sigev_code = SI_MINAVAIL;
	ev.sigev_value.sival_int = 3;
	int tm = TimerCreate_r(CLOCK_MONOTONIC, &ev);
	struct _itimer it = {10 * MS, 0};
	KT_EQ(TimerSettime_r(tm, 0, &it, NULL), 0);
	KT_EQ(wait_intr(0, 2000 * MS), -EINTR);
	KT_EQ(nrec, 1);
	KT_EQ(recs[0].signo, SIGUSR2);
	KT_EQ(TimerDestroy_r(tm), 0);
	KT_EQ(ks_simple(SIGUSR2, SIG_DFL), 0);
	KT_EQ(InterruptDetach_r(id), 0);
	/* After detaching, the thread may attach again. */
	id = InterruptAttachThread_r(RTC_IRQ, 0);
	KT_CHECK(id > 0);
	KT_EQ(InterruptDetach_r(id), 0);
}

/* ---- Exclusivity, and detach when the attaching thread ends ---------------- */

static volatile int ist_id;

static void *short_ist(void *arg)
{
	(void)arg;
	ThreadCtl_r(_NTO_TCTL_IO, 0);
	ist_id = InterruptAttachThread_r(RTC_IRQ, _NTO_INTR_FLAGS_EXCLUSIVE);
	return NULL; /* ends with the attachment in place: the kernel removes it */
}

static void *short_owner(void *arg)
{
	struct sigevent ev;

	(void)arg;
	ThreadCtl_r(_NTO_TCTL_IO, 0);
	SIGEV_INTR_INIT(&ev);
	ist_id = InterruptAttachEvent_r(RTC_IRQ, &ev,
	                                _NTO_INTR_FLAGS_PROCESS | _NTO_INTR_FLAGS_EXCLUSIVE);
	return NULL;
}

static void test_exclusive(void)
{
	int a = InterruptAttachThread_r(RTC_IRQ, _NTO_INTR_FLAGS_EXCLUSIVE);

	KT_CHECK(a > 0);
	struct sigevent ev;
	SIGEV_INTR_INIT(&ev);
	KT_EQ(InterruptAttachEvent_r(RTC_IRQ, &ev, 0), -EBUSY);
	KT_EQ(InterruptDetach_r(a), 0);
	int b = InterruptAttachEvent_r(RTC_IRQ, &ev, 0);
	KT_CHECK(b > 0);
	KT_EQ(InterruptAttachThread_r(RTC_IRQ, _NTO_INTR_FLAGS_EXCLUSIVE), -EBUSY);
	KT_EQ(InterruptDetach_r(b), 0);

	int tid = kt_thread_create(short_ist, NULL);
	KT_EQ(ThreadJoin_r(tid, NULL), 0);
	KT_CHECK(ist_id > 0);
	/* Its thread ended, so its id is gone and the source is free again. */
	KT_EQ(InterruptDetach_r(ist_id), -EINVAL);
	a = InterruptAttachThread_r(RTC_IRQ, _NTO_INTR_FLAGS_EXCLUSIVE);
	KT_CHECK(a > 0);
	KT_EQ(InterruptDetach_r(a), 0);
	/* A process-owned event attachment outlives its thread. */
	tid = kt_thread_create(short_owner, NULL);
	KT_EQ(ThreadJoin_r(tid, NULL), 0);
	KT_CHECK(ist_id > 0);
	KT_EQ(InterruptAttachThread_r(RTC_IRQ, 0), -EBUSY);
	KT_EQ(InterruptDetach_r(ist_id), 0); /* any thread of the process may detach it */
	a = InterruptAttachThread_r(RTC_IRQ, 0);
	KT_CHECK(a > 0);
	KT_EQ(InterruptDetach_r(a), 0);
}

/* ---- Routing: the source goes to the hart of the attaching thread --------- */

static void test_routing(unsigned ncpu)
{
	unsigned last = ncpu - 1;

	kt_printf("%s: routing test on %u hart(s)\n", kt_name, ncpu);
	KT_EQ(ThreadCtl_r(_NTO_TCTL_RUNMASK, (void *)(uintptr_t)(1UL << last)), 0);
	KT_EQ(SchedGetCpuNum(), last);
	int id = InterruptAttachThread_r(RTC_IRQ, _NTO_INTR_FLAGS_NO_UNMASK);
	KT_CHECK(id > 0);
	rtc_raise();
	KT_EQ(wait_intr(_NTO_INTR_WAIT_FLAGS_UNMASK, 1000 * MS), 0);
	KT_EQ(SchedGetCpuNum(), last);
	rtc_clear();
	kt_printf("%s: interrupt thread on cpu %u\n", kt_name, SchedGetCpuNum());
	if (ncpu > 1) {
		/* The thread moves: the route follows it. */
		KT_EQ(ThreadCtl_r(_NTO_TCTL_RUNMASK, (void *)1UL), 0);
		KT_EQ(SchedGetCpuNum(), 0);
		rtc_raise();
		KT_EQ(wait_intr(_NTO_INTR_WAIT_FLAGS_UNMASK, 1000 * MS), 0);
		KT_EQ(SchedGetCpuNum(), 0);
		rtc_clear();
		kt_printf("%s: interrupt thread on cpu %u\n", kt_name, SchedGetCpuNum());
	}
	KT_EQ(InterruptDetach_r(id), 0);
	ThreadCtl_r(_NTO_TCTL_RUNMASK, (void *)~0UL);
}

/* ---- An attachment of a process that dies goes away ------------------------- */

static void test_process_death(void)
{
	int coid = kpeer_find("ktest_irq_holder", 20);

	KT_CHECK(coid >= 0);
	if (coid < 0)
		return;
	/* Held exclusively by the other process. */
	KT_EQ(InterruptAttachThread_r(RTC_IRQ, 0), -EBUSY);
	char go[4] = "go";
	KT_EQ(MsgSend_r(coid, go, sizeof(go), NULL, 0), 0);
	int id = -1;
	for (int i = 0; i < 200 && id < 0; i++) {
		id = InterruptAttachThread_r(RTC_IRQ, _NTO_INTR_FLAGS_EXCLUSIVE);
		if (id < 0) {
			uint64_t ns = 10 * MS;
			TimerTimeout_r(CLOCK_MONOTONIC, _NTO_TIMEOUT_NANOSLEEP, NULL, &ns, NULL);
		}
	}
	KT_CHECK(id > 0);
	if (id > 0)
		KT_EQ(InterruptDetach_r(id), 0);
	ConnectDetach_r(coid);
}

/* The holder role: attach exclusively (process-owned), serve HELLO, exit on "go". */
static int holder(void)
{
	int chid = ChannelCreate_r(0);
	KT_EQ(chid, 1);
	KT_EQ(ThreadCtl_r(_NTO_TCTL_IO, 0), 0);
	struct sigevent ev;
	SIGEV_INTR_INIT(&ev);
	int id = InterruptAttachEvent_r(RTC_IRQ, &ev,
	                                _NTO_INTR_FLAGS_EXCLUSIVE | _NTO_INTR_FLAGS_PROCESS);
	KT_CHECK(id > 0);
	for (;;) {
		char msg[16];
		struct _msg_info info;
		uint64_t ns = 20000 * MS;
		TimerTimeout_r(CLOCK_MONOTONIC, _NTO_TIMEOUT_RECEIVE, NULL, &ns, NULL);
		rcvid_t r = MsgReceive_r(chid, msg, sizeof(msg), &info);
		if (r < 0) {
			kt_printf("%s: nobody told me to go (%ld)\n", kt_name, (long)r);
			return 1;
		}
		if (r == 0 || kpeer_answer(r, msg, (size_t)info.msglen, "ktest_irq_holder"))
			continue;
		MsgReply_r(r, 0, NULL, 0);
		break;
	}
	/* Exit with the attachment in place: the kernel must remove it. */
	kt_printf("%s: exiting with interrupt %d attached; %d failure(s)\n", kt_name, RTC_IRQ,
	          kt_failures);
	return kt_failures;
}

/* 1000 attach/fire/detach cycles leak nothing. */
static void test_leak(int chid, int coid)
{
	struct sigevent ev;
	struct _pulse p;
	struct sysinfo_mem m0, m1;

	SIGEV_PULSE_INIT(&ev, coid, 12, 6, 0);
	KT_EQ(SysInfo_r(SYSINFO_MEM, &m0, sizeof(m0)), sizeof(m0));
	int bad = 0;
	for (int i = 0; i < 1000; i++) {
		int id = (i & 1) ? InterruptAttachEvent_r(RTC_IRQ, &ev, 0)
		                 : InterruptAttachThread_r(RTC_IRQ, 0);
		if (id < 1) {
			bad++;
			continue;
		}
		if (i % 10 == 1) { /* now and then a real delivery */
			rtc_raise();
			if (recv_pulse(chid, 1000 * MS, &p) != 0)
				bad++;
			rtc_clear();
		}
		if (InterruptDetach_r(id) != 0)
			bad++;
	}
	KT_EQ(bad, 0);
	KT_EQ(SysInfo_r(SYSINFO_MEM, &m1, sizeof(m1)), sizeof(m1));
	kt_printf("%s: 1000 attachments. free pages %lu -> %lu, kernel objects %lu -> %lu\n",
	          kt_name, (unsigned long)m0.free_pages, (unsigned long)m1.free_pages,
	          (unsigned long)m0.kernel_objects, (unsigned long)m1.kernel_objects);
	KT_EQ(m1.kernel_objects, m0.kernel_objects);
	KT_EQ(m1.free_pages, m0.free_pages);
}

int kt_main(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	if (strcmp(kt_name, "ktest_irq_holder") == 0)
		return holder();

	struct sysinfo_cpus ci;
	KT_CHECK(SysInfo_r(SYSINFO_CPUS, &ci, sizeof(ci)) > 0);
	test_privilege();
	KT_EQ(rtc_map(), 0);
	if (rtc == NULL) {
		kt_printf("%s: cannot map the RTC; %d failure(s)\n", kt_name, kt_failures);
		return 1;
	}
	int chid = ChannelCreate_r(_NTO_CHF_PRIVATE);
	int coid = ConnectAttach_r(0, 0, chid, _NTO_SIDE_CHANNEL, 0);
	KT_CHECK(chid > 0 && coid > 0);
	test_process_death();
	test_bad_args(chid);
	test_event_pulse(chid, coid);
	test_event_intr();
	test_event_signal();
	test_thread();
	test_exclusive();
	test_leak(chid, coid);
	test_routing(ci.ncpu);
	kt_printf("%s: %d failure(s)\n", kt_name, kt_failures);
	return kt_failures;
}
