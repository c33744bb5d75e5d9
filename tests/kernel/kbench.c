/*
 * kbench - kernel micro-benchmarks, counted in retired guest instructions
 * (rdinstret; deterministic under QEMU -icount shift=0). Each metric is
 * sampled 32 times; one JSON line per metric gives min, median and max of
 * the per-operation count.
 *
 *   null_kcall     one Nop kernel call, entry to return
 *   thread_switch  one SchedYield that switches to another thread of the
 *                  same process on the same hart (two threads ping-pong)
 *   interrupt_to_thread  from the store that raises a device interrupt (the
 *                  goldfish RTC's alarm) to the interrupt thread running in
 *                  user mode after InterruptWait returns, same hart
 *   timer_pulse    from a one-shot timer's expiry to the thread that
 *                  receives its pulse running in user mode after
 *                  MsgReceivePulse returns, same hart
 *   mutex_uncontended  one lock + unlock of a free mutex through the
 *                  <qsoe/syncfast.h> fast path (no kernel entry)
 *   mutex_contended    one hand-off of a mutex between two threads on one
 *                  hart through the kernel slow path (see bench_mutex)
 * docs/benchmarks.md says exactly what each one counts.
 */
#include <qsoe/abi/mman.h>
#include <qsoe/abi/sched.h>
#include <qsoe/abi/time.h>
#include <qsoe/syncfast.h>
#include "ktest.h"

#define SAMPLES 32
#define ITERS   1000

static void sort(uint64_t *v, int n)
{
	for (int i = 1; i < n; i++)
		for (int j = i; j > 0 && v[j] < v[j - 1]; j--) {
			uint64_t t = v[j];
			v[j] = v[j - 1];
			v[j - 1] = t;
		}
}

static void emit(const char *metric, uint64_t *s)
{
	sort(s, SAMPLES);
	kt_printf("BENCH {\"metric\":\"%s\",\"unit\":\"instructions\",\"n\":%d,\"min\":%lu,"
	          "\"median\":%lu,\"max\":%lu}\n",
	          metric, SAMPLES, (unsigned long)s[0], (unsigned long)s[SAMPLES / 2],
	          (unsigned long)s[SAMPLES - 1]);
}

static volatile int stop;

static void *yielder(void *arg)
{
	while (!stop)
		SchedYield_r();
	return NULL;
}

/* Pins the caller to hart 0 at priority prio (FIFO). */
static void pin(int prio)
{
	struct sched_param sp = {0};

	ThreadCtl_r(_NTO_TCTL_RUNMASK, (void *)1UL);
	sp.sched_priority = prio;
	SchedSet_r(0, 0, SCHED_FIFO, &sp);
}

/* ---- interrupt_to_thread: goldfish RTC (QEMU virt: 0x101000, PLIC source 11) ---- */

#define RTC_PHYS            0x101000UL
#define RTC_IRQ             11
#define RTC_ALARM_LOW       (0x08 / 4)
#define RTC_ALARM_HIGH      (0x0c / 4)
#define RTC_IRQ_ENABLED     (0x10 / 4)
#define RTC_CLEAR_INTERRUPT (0x1c / 4)

static volatile uint32_t *rtc;
static volatile uint64_t irq_t0;
static volatile int irq_ready;
static uint64_t irq_s[SAMPLES];

/* The interrupt thread: above main's priority, so main runs only while it waits. */
static void *ist(void *arg)
{
	(void)arg;
	ThreadCtl_r(_NTO_TCTL_IO, 0);
	pin(30);
	int id = InterruptAttachThread_r(RTC_IRQ, _NTO_INTR_FLAGS_NO_UNMASK);
	irq_ready = id > 0 ? 1 : -1;
	if (id <= 0)
		return NULL;
	for (int k = 0; k <= SAMPLES; k++) { /* sample 0 warms up */
		if (InterruptWait_r(_NTO_INTR_WAIT_FLAGS_UNMASK, NULL) != 0)
			break;
		uint64_t t1 = kt_instret();
		if (k > 0)
			irq_s[k - 1] = t1 - irq_t0;
		rtc[RTC_CLEAR_INTERRUPT] = 1; /* acknowledge the device before unmasking */
	}
	InterruptDetach_r(id);
	return NULL;
}

static void bench_interrupt(void)
{
	if (ThreadCtl_r(_NTO_TCTL_IO, 0) != 0) {
		kt_printf("kbench: no I/O privilege: interrupt_to_thread skipped\n");
		return;
	}
	void *p = VmMap_r(0, NULL, 4096, PROT_READ | PROT_WRITE | PROT_NOCACHE,
	                  MAP_PHYS | MAP_SHARED, RTC_PHYS);
	KT_CHECK((long)p > 0);
	if ((long)p <= 0)
		return;
	rtc = p;
	rtc[RTC_IRQ_ENABLED] = 1;
	rtc[RTC_CLEAR_INTERRUPT] = 1;
	rtc[RTC_ALARM_HIGH] = 0;
	pin(10);
	int tid = kt_thread_create(ist, NULL);
	KT_CHECK(tid > 0);
	while (irq_ready == 0)
		SchedYield_r();
	if (irq_ready < 0) {
		KT_CHECK(0);
		return;
	}
	for (int k = 0; k <= SAMPLES; k++) {
		/* The interrupt thread is blocked in InterruptWait, source unmasked.
		 * An alarm time already past raises the interrupt on this store. */
		irq_t0 = kt_instret();
		rtc[RTC_ALARM_LOW] = 0;
	}
	ThreadJoin_r(tid, NULL);
	emit("interrupt_to_thread", irq_s);
}

/* ---- timer_pulse ------------------------------------------------------------- */

static volatile uint64_t spin_last;
static volatile int tp_n;
static uint64_t tp_s[SAMPLES];

static void *receiver(void *arg)
{
	int chid = (int)(long)arg;
	struct _pulse pl;

	pin(30);
	for (int k = 0; k <= SAMPLES; k++) {
		if (MsgReceivePulse_r(chid, &pl, sizeof(pl), NULL) != 0)
			break;
		uint64_t t1 = kt_instret();
		if (k > 0)
			tp_s[k - 1] = t1 - spin_last;
		tp_n = k + 1;
	}
	return NULL;
}

static void bench_timer_pulse(void)
{
	int chid = ChannelCreate_r(_NTO_CHF_PRIVATE);
	int coid = ConnectAttach_r(0, 0, chid, _NTO_SIDE_CHANNEL, 0);
	struct sigevent ev;

	pin(10);
	SIGEV_PULSE_INIT(&ev, coid, 30, 1, 0); /* at the receiver's priority */
	int id = TimerCreate_r(CLOCK_MONOTONIC, &ev);
	int tid = kt_thread_create(receiver, (void *)(long)chid);
	KT_CHECK(chid > 0 && coid > 0 && id > 0 && tid > 0);
	if (id <= 0 || tid <= 0)
		return;
	SchedYield_r(); /* let the receiver block in MsgReceivePulse */
	for (int k = 0; k <= SAMPLES; k++) {
		struct _itimer it = {20000, 0}; /* 20 us from now */
		TimerSettime_r(id, 0, &it, NULL);
		/* Spin, noting the instruction count, until the pulse's receiver ran. */
		while (tp_n == k)
			spin_last = kt_instret();
	}
	ThreadJoin_r(tid, NULL);
	TimerDestroy_r(id);
	emit("timer_pulse", tp_s);
}

/* ---- mutex_uncontended / mutex_contended ---- */

static sync_t bm;
static volatile int bm_stop;

/* The other thread of the hand-off: takes the mutex whenever it is handed over. */
static void *mutex_partner(void *arg)
{
	(void)arg;
	pin(10);
	for (;;) {
		__qsoe_mutex_lock(&bm);
		int stop = bm_stop;
		__qsoe_mutex_unlock(&bm);
		if (stop)
			return NULL;
	}
}

/*
 * mutex_uncontended: one __qsoe_mutex_lock + __qsoe_mutex_unlock of a free
 * mutex (two compare-and-swaps on __owner, no kernel entry).
 *
 * mutex_contended: two threads of equal priority on hart 0 hand the mutex
 * back and forth. One operation is one hand-off: the owner's
 * __qsoe_mutex_unlock finds _NTO_SYNC_WAITING and calls SyncMutexUnlock,
 * which makes the blocked partner the owner and readies it; the owner's
 * next __qsoe_mutex_lock polls the word (the short adaptive spin), calls
 * SyncMutexLock, sets WAITING and blocks; the scheduler switches to the
 * partner, whose SyncMutexLock returns holding the mutex. The partner then
 * does the same in the other direction, so each of main's unlock+lock
 * iterations is two operations.
 */
static void bench_mutex(void)
{
	uint64_t s[SAMPLES];
	struct _sync_attr a = {0};

	pin(10);
	a.__flags = (int)_NTO_SYNC_NONRECURSIVE;
	KT_EQ(SyncTypeCreate_r(_NTO_SYNC_MUTEX_FREE, &bm, &a), 0);
	for (int k = 0; k < SAMPLES; k++) {
		uint64_t t0 = kt_instret();
		for (int i = 0; i < ITERS; i++) {
			__qsoe_mutex_lock(&bm);
			__qsoe_mutex_unlock(&bm);
		}
		s[k] = (kt_instret() - t0) / ITERS;
	}
	emit("mutex_uncontended", s);

	KT_EQ(__qsoe_mutex_lock(&bm), 0);
	bm_stop = 0;
	int tid = kt_thread_create(mutex_partner, NULL);
	KT_CHECK(tid > 0);
	/* Let the partner run until it blocks on the mutex we hold. */
	while (!(__atomic_load_n(&bm.__owner, __ATOMIC_RELAXED) & _NTO_SYNC_WAITING))
		SchedYield_r();
	int bad = 0;
	for (int k = -1; k < SAMPLES; k++) { /* one warm-up round */
		uint64_t t0 = kt_instret();
		for (int i = 0; i < ITERS; i++) {
			bad |= __qsoe_mutex_unlock(&bm);
			bad |= __qsoe_mutex_lock(&bm);
		}
		if (k >= 0)
			s[k] = (kt_instret() - t0) / (2 * ITERS);
	}
	KT_EQ(bad, 0);
	emit("mutex_contended", s);
	bm_stop = 1;
	KT_EQ(__qsoe_mutex_unlock(&bm), 0);
	ThreadJoin_r(tid, NULL);
}

int kt_main(int argc, char **argv)
{
	uint64_t s[SAMPLES];

	for (int k = 0; k < SAMPLES; k++) {
		uint64_t t0 = kt_instret();
		for (int i = 0; i < ITERS; i++)
			Nop_r();
		s[k] = (kt_instret() - t0) / ITERS;
	}
	emit("null_kcall", s);

	/* Thread switch: ping-pong with a partner thread (make bench runs -smp 1,
	 * so both threads share the one hart). */
	int tid = kt_thread_create(yielder, NULL);
	KT_CHECK(tid > 0);
	for (int k = 0; k < SAMPLES; k++) {
		uint64_t t0 = kt_instret();
		for (int i = 0; i < ITERS; i++)
			SchedYield_r();
		/* Each of our yields is two switches (to the partner and back). */
		s[k] = (kt_instret() - t0) / (2 * ITERS);
	}
	emit("thread_switch", s);
	stop = 1;
	ThreadJoin_r(tid, NULL);

	bench_interrupt();
	bench_timer_pulse();
	bench_mutex();
	return kt_failures;
}
