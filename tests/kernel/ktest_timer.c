/*
 * ktest_timer - timers and clocks: TimerCreate/Destroy/Settime/Info/Alarm
 * (pulses, one-shot, absolute, periodic, overruns, disarming, searching),
 * sleeping with TimerTimeout(_NTO_TIMEOUT_NANOSLEEP) and libqsoe's
 * clock_nanosleep/nanosleep (sub-tick), ClockTime, ClockPeriod (and the
 * round-robin time slice it sets), ClockAdjust, ClockId and CPU-time
 * clocks, ClockCycles and its rate; every call's errors.
 *
 * Some checks bound how long things take (a 100 us sleep under 1 ms, the
 * round-robin slice, the pace of ClockAdjust). They need time that moves
 * with the guest's progress: run as ktest_timer under QEMU -icount. Under
 * the ktest_timer_loose name (real SMP, host time, a possibly busy host)
 * those upper bounds are reported but not checked.
 */
#include <errno.h>
#include <time.h>
#include <qsoe/abi/mman.h>
#include <qsoe/abi/sched.h>
#include "ksig.h"
#include "ktest.h"

#define US 1000ULL
#ifndef MS
#define MS 1000000ULL
#endif
#define UNMAPPED ((void *)0x3000000000UL)

int strcmp(const char *a, const char *b);

static uint64_t hz; /* ClockCycles() per second */
static int strict;  /* check upper bounds on elapsed times (see the top) */

/* A check of how long something took at most: only in strict mode. */
#define KT_FAST(cond)                   \
	do {                            \
		if (strict)             \
			KT_CHECK(cond); \
	} while (0)

static uint64_t mono(void)
{
	uint64_t t = 0;
	ClockTime_r(CLOCK_MONOTONIC, NULL, &t);
	return t;
}

static uint64_t clock_ns(clockid_t id)
{
	uint64_t t = 0;
	KT_EQ(ClockTime_r(id, NULL, &t), 0);
	return t;
}

/* Sleeps ns on CLOCK_MONOTONIC with the kernel call itself. */
static int ksleep(uint64_t ns)
{
	return TimerTimeout_r(CLOCK_MONOTONIC, _NTO_TIMEOUT_NANOSLEEP, NULL, &ns, NULL);
}

/* Waits up to ns for a pulse on chid; returns 0 (pulse in *p) or -errno. */
static int recv_pulse(int chid, uint64_t ns, struct _pulse *p)
{
	TimerTimeout_r(CLOCK_MONOTONIC, _NTO_TIMEOUT_RECEIVE, NULL, &ns, NULL);
	return MsgReceivePulse_r(chid, p, sizeof(*p), NULL);
}

static void burn(uint64_t ns)
{
	uint64_t end = ClockCycles() + ns * hz / 1000000000ULL;
	while (ClockCycles() < end)
		;
}

/* ---- TimerCreate / TimerDestroy errors -------------------------------------- */

static void test_create_errors(int coid)
{
	struct sigevent ev;

	SIGEV_PULSE_INIT(&ev, coid, 10, 1, 0);
	KT_EQ(TimerCreate_r(99, &ev), -EINVAL);
	KT_EQ(TimerCreate_r(CLOCK_PROCESS_CPUTIME_ID, &ev), -EINVAL);
	KT_EQ(TimerCreate_r(CLOCK_MONOTONIC, UNMAPPED), -EFAULT);
	SIGEV_UNBLOCK_INIT(&ev);
	KT_EQ(TimerCreate_r(CLOCK_MONOTONIC, &ev), -EINVAL);
	SIGEV_INTR_INIT(&ev);
	KT_EQ(TimerCreate_r(CLOCK_MONOTONIC, &ev), -EINVAL);
	SIGEV_PULSE_INIT(&ev, 4321, 10, 1, 0);
	KT_EQ(TimerCreate_r(CLOCK_MONOTONIC, &ev), -EBADF);
	SIGEV_SIGNAL_INIT(&ev, 0);
	KT_EQ(TimerCreate_r(CLOCK_MONOTONIC, &ev), -EINVAL);
	KT_EQ(TimerDestroy_r(0), -EINVAL);
	KT_EQ(TimerDestroy_r(777), -EINVAL);
	struct _itimer it = {MS, 0};
	KT_EQ(TimerSettime_r(777, 0, &it, NULL), -EINVAL);
}

/* ---- One-shot, absolute, disarming, TimerInfo --------------------------- */

static void test_oneshot(int chid, int coid)
{
	struct sigevent ev;
	struct _pulse p;
	struct _timer_info ti;

	SIGEV_PULSE_INIT(&ev, coid, 15, 7, 4242);
	int id = TimerCreate_r(CLOCK_MONOTONIC, &ev);
	KT_CHECK(id >= 1);
	/* Not armed yet. */
	KT_EQ(TimerInfo_r(0, id, 0, &ti), id);
	KT_CHECK(!(ti.flags & _NTO_TI_ACTIVE));
	KT_EQ(ti.clockid, CLOCK_MONOTONIC);
	KT_EQ(ti.notify, SIGEV_PULSE);
	KT_EQ(ti.event.sigev_code, 7);

	/* Relative, 2 ms: the pulse comes, not before its time. */
	struct _itimer it = {2 * MS, 0}, old;
	uint64_t t0 = mono();
	KT_EQ(TimerSettime_r(id, 0, &it, &old), 0);
	KT_EQ(old.nsec, 0);
	KT_EQ(recv_pulse(chid, 1000 * MS, &p), 0);
	KT_CHECK(mono() - t0 >= 2 * MS);
	KT_EQ(p.code, 7);
	KT_EQ(p.value.sival_int, 4242);
	KT_EQ(TimerInfo_r(0, id, 0, &ti), id);
	KT_CHECK(ti.flags & _NTO_TI_EXPIRED);
	KT_CHECK(!(ti.flags & _NTO_TI_ACTIVE));

	/* Armed for 1 s: TimerInfo reports the time left and the expiry. */
	it.nsec = 1000 * MS;
	KT_EQ(TimerSettime_r(id, 0, &it, NULL), 0);
	uint64_t now = mono();
	KT_EQ(TimerInfo_r(0, id, 0, &ti), id);
	KT_CHECK(ti.flags & _NTO_TI_ACTIVE);
	KT_CHECK(!(ti.flags & _NTO_TI_ABSOLUTE));
	KT_CHECK(ti.otime.nsec > 900 * MS && ti.otime.nsec <= 1000 * MS);
	KT_CHECK(ti.itime.nsec > now + 900 * MS && ti.itime.nsec <= now + 1100 * MS);
	/* Disarm: the old setting comes back, nothing is delivered. */
	it.nsec = 0;
	KT_EQ(TimerSettime_r(id, 0, &it, &old), 0);
	KT_CHECK(old.nsec > 900 * MS && old.nsec <= 1000 * MS);
	KT_EQ(TimerInfo_r(0, id, 0, &ti), id);
	KT_CHECK(!(ti.flags & _NTO_TI_ACTIVE));

	/* Absolute: 3 ms from now on the monotonic clock. */
	t0 = mono();
	it.nsec = t0 + 3 * MS;
	KT_EQ(TimerSettime_r(id, TIMER_ABSTIME, &it, NULL), 0);
	KT_EQ(TimerInfo_r(0, id, 0, &ti), id);
	KT_CHECK(ti.flags & _NTO_TI_ABSOLUTE);
	KT_EQ(recv_pulse(chid, 1000 * MS, &p), 0);
	KT_CHECK(mono() >= t0 + 3 * MS);
	/* An absolute time already past expires at once. */
	it.nsec = 1;
	KT_EQ(TimerSettime_r(id, TIMER_ABSTIME, &it, NULL), 0);
	KT_EQ(recv_pulse(chid, 1000 * MS, &p), 0);
	/* Nothing more is pending. */
	KT_EQ(recv_pulse(chid, 20 * MS, &p), -ETIMEDOUT);

	/* A CLOCK_REALTIME timer. */
	int rid = TimerCreate_r(CLOCK_REALTIME, &ev);
	KT_CHECK(rid >= 1 && rid != id);
	it.nsec = clock_ns(CLOCK_REALTIME) + 2 * MS;
	KT_EQ(TimerSettime_r(rid, TIMER_ABSTIME, &it, NULL), 0);
	KT_EQ(recv_pulse(chid, 1000 * MS, &p), 0);
	KT_EQ(TimerInfo_r(0, rid, 0, &ti), rid);
	KT_CHECK(ti.flags & _NTO_TI_TOD_BASED);

	/* Errors. */
	KT_EQ(TimerSettime_r(id, 0x1, &it, NULL), -EINVAL);
	KT_EQ(TimerSettime_r(id, 0, UNMAPPED, NULL), -EFAULT);
	KT_EQ(TimerSettime_r(id, 0, &it, UNMAPPED), -EFAULT);
	KT_EQ(TimerInfo_r(0, id, 0x100000, &ti), -EINVAL);
	KT_EQ(TimerInfo_r(0, id, 0, NULL), -EFAULT);
	KT_EQ(TimerInfo_r(0, id, 0, UNMAPPED), -EFAULT);
	KT_EQ(TimerInfo_r(99999, id, 0, &ti), -ESRCH);
	KT_EQ(TimerInfo_r(0, 777, 0, &ti), -EINVAL);
	KT_EQ(TimerInfo_r(0, id, _NTO_TIMER_RESET_OVERRUNS, NULL), id);

	/* _NTO_TIMER_SEARCH finds the timers in id order. */
	int lo = id < rid ? id : rid, hi = id < rid ? rid : id;
	KT_EQ(TimerInfo_r(0, 0, _NTO_TIMER_SEARCH, &ti), lo);
	KT_EQ(TimerInfo_r(0, lo + 1, _NTO_TIMER_SEARCH, &ti), hi);
	KT_EQ(TimerInfo_r(0, hi + 1, _NTO_TIMER_SEARCH, &ti), -EINVAL);

	/* Destroyed: gone, and an armed one never fires. */
	it.nsec = 5 * MS;
	KT_EQ(TimerSettime_r(rid, 0, &it, NULL), 0);
	KT_EQ(TimerDestroy_r(rid), 0);
	KT_EQ(TimerDestroy_r(rid), -EINVAL);
	KT_EQ(TimerInfo_r(0, rid, 0, &ti), -EINVAL);
	KT_EQ(TimerSettime_r(rid, 0, &it, NULL), -EINVAL);
	KT_EQ(recv_pulse(chid, 30 * MS, &p), -ETIMEDOUT);
	KT_EQ(TimerDestroy_r(id), 0);
}

/* ---- A timer armed and destroyed from another hart ----------------------- */

static volatile int xh_timer, xh_done;
static volatile uint64_t xh_ns; /* what the worker arms the timer for */
static volatile unsigned xh_cpu;

static void *xh_worker(void *arg)
{
	(void)arg;
	ThreadCtl_r(_NTO_TCTL_RUNMASK, (void *)(uintptr_t)(1UL << xh_cpu));
	struct _itimer it = {xh_ns, 0};
	int r = TimerSettime_r(xh_timer, 0, &it, NULL); /* the timer's hart re-arms it */
	xh_done = r == 0 && SchedGetCpuNum() == xh_cpu ? 1 : -1;
	return NULL;
}

static void test_cross_hart(int chid, int coid, unsigned ncpu)
{
	struct sigevent ev;
	struct _pulse p;

	if (ncpu < 2)
		return;
	xh_cpu = (SchedGetCpuNum() + 1) % ncpu;
	SIGEV_PULSE_INIT(&ev, coid, 15, 11, 0);
	xh_timer = TimerCreate_r(CLOCK_MONOTONIC, &ev);
	KT_CHECK(xh_timer >= 1);
	xh_ns = 2 * MS;
	int tid = kt_thread_create(xh_worker, NULL);
	KT_EQ(ThreadJoin_r(tid, NULL), 0);
	KT_EQ(xh_done, 1);
	KT_EQ(recv_pulse(chid, 1000 * MS, &p), 0);
	KT_EQ(p.code, 11);
	/* Armed from another hart, destroyed from this one before it is due: never fires. */
	xh_done = 0;
	xh_ns = 200 * MS;
	tid = kt_thread_create(xh_worker, NULL);
	KT_EQ(ThreadJoin_r(tid, NULL), 0);
	KT_EQ(xh_done, 1);
	KT_EQ(TimerDestroy_r(xh_timer), 0);
	KT_EQ(recv_pulse(chid, 300 * MS, &p), -ETIMEDOUT);
}

/* ---- Periodic timers and overruns ----------------------------------------- */

static void test_periodic(int chid, int coid)
{
	struct sigevent ev;
	struct _pulse p;
	struct _timer_info ti;

	SIGEV_PULSE_INIT(&ev, coid, 15, 9, 0);
	int id = TimerCreate_r(CLOCK_MONOTONIC, &ev);
	KT_CHECK(id >= 1);
	struct _itimer it = {2 * MS, 2 * MS};
	KT_EQ(TimerSettime_r(id, 0, &it, NULL), 0);
	KT_EQ(TimerInfo_r(0, id, 0, &ti), id);
	KT_EQ(ti.itime.interval_nsec, 2 * MS);
	KT_EQ(ti.otime.interval_nsec, 2 * MS);
	int n = 0;
	uint64_t t0 = mono();
	while (n < 5 && recv_pulse(chid, 1000 * MS, &p) == 0 && p.code == 9)
		n++;
	uint64_t dt = mono() - t0;
	KT_EQ(n, 5);
	KT_CHECK(dt >= 8 * MS); /* 5 expiries 2 ms apart, the first 2 ms after arming */

	/* Make the hart late: a long kernel call on the timer's hart. The
	 * periods that pass meanwhile are counted as overruns. */
	it.nsec = it.interval_nsec = 100 * US;
	KT_EQ(TimerSettime_r(id, 0, &it, NULL), 0);
	size_t len = 32 << 20;
	void *big = VmMap_r(0, NULL, len, PROT_READ | PROT_WRITE, MAP_ANON | MAP_PRIVATE, 0);
	KT_CHECK((long)big > 0);
	uint64_t ov_len = 0;
	KT_EQ(TimerInfo_r(0, id, _NTO_TIMER_RESET_OVERRUNS, &ti), id);
	ov_len = ti.overruns;
	KT_EQ(TimerInfo_r(0, id, 0, &ti), id);
	kt_printf("%s: %lu overruns while the hart was busy, %u after the reset\n", kt_name,
	          (unsigned long)ov_len, ti.overruns);
	KT_CHECK(ov_len > 0);
	KT_CHECK(ti.overruns < ov_len);
	if ((long)big > 0)
		VmUnmap_r(0, big, len);
	/* Disarmed: the pulses stop (drain what is queued first). */
	it.nsec = 0;
	KT_EQ(TimerSettime_r(id, 0, &it, NULL), 0);
	while (recv_pulse(chid, 5 * MS, &p) == 0)
		;
	KT_EQ(recv_pulse(chid, 20 * MS, &p), -ETIMEDOUT);
	KT_EQ(TimerDestroy_r(id), 0);
}

/* ---- Signal events (delivery itself is the signal tests' business) -------- */

static void test_signal_timers(void)
{
	struct sigevent ev;
	struct _timer_info ti;

	/* SIGURG is ignored by default: the expiry runs the signal path harmlessly. */
	SIGEV_SIGNAL_INIT(&ev, SIGURG);
	int id = TimerCreate_r(CLOCK_MONOTONIC, &ev);
	KT_CHECK(id >= 1);
	ev.sigev_notify = SIGEV_SIGNAL_THREAD;
	ev.sigev_code = SI_MINAVAIL;
	int tid_timer = TimerCreate_r(CLOCK_REALTIME, &ev);
	KT_CHECK(tid_timer >= 1);
	struct _itimer it = {MS, 0};
	KT_EQ(TimerSettime_r(id, 0, &it, NULL), 0);
	KT_EQ(TimerSettime_r(tid_timer, 0, &it, NULL), 0);
	KT_EQ(ksleep(10 * MS), 0);
	KT_EQ(TimerInfo_r(0, id, 0, &ti), id);
	KT_CHECK(ti.flags & _NTO_TI_EXPIRED);
	KT_CHECK(ti.flags & _NTO_TI_TARGET_PROCESS);
	KT_EQ(TimerInfo_r(0, tid_timer, 0, &ti), tid_timer);
	KT_CHECK(ti.flags & _NTO_TI_EXPIRED);
	KT_EQ(ti.tid, __tls()->__tid);
	KT_EQ(TimerDestroy_r(id), 0);
	KT_EQ(TimerDestroy_r(tid_timer), 0);
	/* A NULL event is SIGALRM carrying the timer id. */
	id = TimerCreate_r(CLOCK_MONOTONIC, NULL);
	KT_CHECK(id >= 1);
	KT_EQ(TimerInfo_r(0, id, 0, &ti), id);
	KT_EQ(ti.event.sigev_signo, SIGALRM);
	KT_EQ(ti.event.sigev_value.sival_int, id);
	KT_EQ(TimerDestroy_r(id), 0);

	/* TimerAlarm: set, read back, cancel (never let SIGALRM fire). */
	struct _itimer old;
	it.nsec = 10000 * MS;
	it.interval_nsec = 0;
	KT_EQ(TimerAlarm_r(CLOCK_REALTIME, &it, &old), 0);
	KT_EQ(old.nsec, 0);
	KT_EQ(TimerAlarm_r(CLOCK_REALTIME, NULL, &old), 0);
	KT_CHECK(old.nsec > 9000 * MS && old.nsec <= 10000 * MS);
	it.nsec = 0;
	KT_EQ(TimerAlarm_r(CLOCK_REALTIME, &it, &old), 0);
	KT_CHECK(old.nsec > 9000 * MS);
	KT_EQ(TimerAlarm_r(CLOCK_REALTIME, NULL, &old), 0);
	KT_EQ(old.nsec, 0);
	KT_EQ(TimerAlarm_r(99, &it, &old), -EINVAL);
	KT_EQ(TimerAlarm_r(CLOCK_REALTIME, UNMAPPED, &old), -EFAULT);
}

/* ---- Sleeping ---------------------------------------------------------------- */

static void test_sleep(void)
{
	/* Sub-tick: 100 us sleeps last at least 100 us and well under 1 ms. */
	uint64_t best = ~0ULL;
	for (int i = 0; i < 10; i++) {
		uint64_t c0 = ClockCycles();
		KT_EQ(ksleep(100 * US), 0);
		uint64_t d = ClockCycles() - c0;
		KT_CHECK(d >= hz / 10000); /* >= 100 us */
		if (d < best)
			best = d;
	}
	kt_printf("%s: a 100 us sleep took %lu us at best\n", kt_name,
	          (unsigned long)(best * 1000000 / hz));
	KT_FAST(best < hz / 1000); /* < 1 ms */

	/* Nothing to wait for: NULL time, a past absolute time, NO_WAIT. */
	KT_EQ(TimerTimeout_r(CLOCK_MONOTONIC, _NTO_TIMEOUT_NANOSLEEP, NULL, NULL, NULL), 0);
	uint64_t past = 1, left = 99;
	KT_EQ(TimerTimeout_r(CLOCK_MONOTONIC, _NTO_TIMEOUT_NANOSLEEP | TIMER_ABSTIME, NULL, &past,
	                     &left),
	      0);
	KT_EQ(left, 0);
	/* Absolute on both clocks; otime is 0 after a full sleep. */
	uint64_t t0 = mono(), until = t0 + 2 * MS;
	left = 99;
	KT_EQ(TimerTimeout_r(CLOCK_MONOTONIC, _NTO_TIMEOUT_NANOSLEEP | TIMER_ABSTIME, NULL, &until,
	                     &left),
	      0);
	KT_CHECK(mono() >= until);
	KT_EQ(left, 0);
	t0 = mono();
	until = clock_ns(CLOCK_REALTIME) + 2 * MS;
	KT_EQ(TimerTimeout_r(CLOCK_REALTIME, _NTO_TIMEOUT_NANOSLEEP | TIMER_ABSTIME, NULL, &until,
	                     NULL),
	      0);
	KT_CHECK(mono() - t0 >= 2 * MS - 1000);
	/* Errors. */
	uint64_t ns = MS;
	KT_EQ(TimerTimeout_r(99, _NTO_TIMEOUT_NANOSLEEP, NULL, &ns, NULL), -EINVAL);
	KT_EQ(TimerTimeout_r(CLOCK_THREAD_CPUTIME_ID, _NTO_TIMEOUT_NANOSLEEP, NULL, &ns, NULL),
	      -EINVAL);
	KT_EQ(TimerTimeout_r(CLOCK_MONOTONIC, 0x10000000u, NULL, &ns, NULL), -EINVAL);
	KT_EQ(TimerTimeout_r(CLOCK_MONOTONIC, _NTO_TIMEOUT_NANOSLEEP, NULL, UNMAPPED, NULL),
	      -EFAULT);
	KT_EQ(TimerTimeout_r(CLOCK_MONOTONIC, _NTO_TIMEOUT_NANOSLEEP, NULL, &ns, UNMAPPED),
	      -EFAULT);
	struct sigevent ev;
	SIGEV_PULSE_INIT(&ev, 1, 10, 1, 0);
	KT_EQ(TimerTimeout_r(CLOCK_MONOTONIC, _NTO_TIMEOUT_NANOSLEEP, &ev, &ns, NULL), -EINVAL);

	/* libqsoe's POSIX sleeps. */
	struct timespec req = {0, 200 * 1000}, rem = {5, 5};
	t0 = mono();
	KT_EQ(clock_nanosleep(CLOCK_MONOTONIC, 0, &req, &rem), 0);
	KT_CHECK(mono() - t0 >= 200 * US);
	KT_EQ(nanosleep(&req, NULL), 0);
	req.tv_nsec = 1000000000;
	KT_EQ(clock_nanosleep(CLOCK_MONOTONIC, 0, &req, NULL), EINVAL);
	KT_EQ(nanosleep(&req, NULL), -1);
	KT_EQ(errno, EINVAL);
	req.tv_nsec = 0;
	KT_EQ(clock_nanosleep(CLOCK_THREAD_CPUTIME_ID, 0, &req, NULL), EINVAL);
	KT_EQ(clock_nanosleep(CLOCK_PROCESS_CPUTIME_ID, 0, &req, NULL), ENOTSUP);
	KT_EQ(clock_nanosleep(42, 0, &req, NULL), EINVAL);
	req.tv_sec = -1;
	KT_EQ(clock_nanosleep(CLOCK_REALTIME, 0, &req, NULL), 0);
}

/* Signals end sleeps early: EINTR with the time that was left (timer signals). */
static void test_sleep_signal(void)
{
	struct sigevent ev;
	struct _itimer it = {20 * MS, 0};

	ks_init();
	nrec = 0;
	KT_EQ(ks_action(SIGUSR1, record, 0, 0), 0);
	ev.sigev_notify = SIGEV_SIGNAL_THREAD;
	ev.sigev_signo = SIGUSR1;
	ev.sigev_code = SI_MINAVAIL;
	ev.sigev_value.sival_int = 77;
	int id = TimerCreate_r(CLOCK_MONOTONIC, &ev);
	KT_CHECK(id >= 1);

	/* The kernel call: EINTR, otime = the time left. */
	uint64_t ns = 1000 * MS, left = 0, t0 = mono(); /* before the timer starts */
	KT_EQ(TimerSettime_r(id, 0, &it, NULL), 0);
	KT_EQ(TimerTimeout_r(CLOCK_MONOTONIC, _NTO_TIMEOUT_NANOSLEEP, NULL, &ns, &left), -EINTR);
	uint64_t took = mono() - t0;
	KT_CHECK(took >= 20 * MS);
	KT_CHECK(left > 0 && left < 1000 * MS);
	KT_CHECK(left + took >= 1000 * MS - MS);
	KT_FAST(left + took <= 1000 * MS + 5 * MS);
	KT_EQ(nrec, 1);
	KT_EQ(recs[0].signo, SIGUSR1);
	KT_EQ(recs[0].code, SI_MINAVAIL);
	KT_EQ(recs[0].value, 77);
	KT_EQ(recs[0].tid, ks_tid);

	/* clock_nanosleep: EINTR and *rem for a relative sleep... */
	KT_EQ(TimerSettime_r(id, 0, &it, NULL), 0);
	struct timespec req = {1, 0}, rem = {9, 9};
	KT_EQ(clock_nanosleep(CLOCK_MONOTONIC, 0, &req, &rem), EINTR);
	KT_EQ(rem.tv_sec, 0);
	/* Less than asked (not by 20 ms: a loaded host may delay the sleep's start). */
	KT_CHECK(rem.tv_nsec > 0 && rem.tv_nsec < 1000 * (long)MS);
	KT_EQ(nrec, 2);
	/* ...and not for an absolute one. */
	KT_EQ(TimerSettime_r(id, 0, &it, NULL), 0);
	req.tv_sec = (time_t)((mono() + 1000 * MS) / 1000000000ULL) + 1;
	rem.tv_sec = 9;
	KT_EQ(clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &req, &rem), EINTR);
	KT_EQ(rem.tv_sec, 9);
	KT_EQ(TimerDestroy_r(id), 0);

	/* A plain SIGEV_SIGNAL timer: process-directed, si_code SI_TIMER. */
	ev.sigev_notify = SIGEV_SIGNAL;
	ev.sigev_value.sival_int = 5;
	id = TimerCreate_r(CLOCK_REALTIME, &ev);
	KT_EQ(TimerSettime_r(id, 0, &it, NULL), 0);
	KT_EQ(nanosleep(&req, NULL), -1);
	KT_EQ(errno, EINTR);
	KT_EQ(nrec, 4);
	KT_EQ(recs[3].code, SI_TIMER);
	KT_EQ(recs[3].value, 5);
	KT_EQ(TimerDestroy_r(id), 0);
	KT_EQ(ks_simple(SIGUSR1, SIG_DFL), 0);
}

/* ---- Clocks ------------------------------------------------------------------- */

static void test_clocktime(void)
{
	uint64_t t, m0 = mono();

	KT_EQ(ClockTime_r(99, NULL, &t), -EINVAL);
	KT_EQ(ClockTime_r(CLOCK_MONOTONIC, NULL, UNMAPPED), -EFAULT);
	KT_EQ(ClockTime_r(CLOCK_MONOTONIC, &m0, NULL), -EINVAL); /* cannot be set */
	KT_EQ(ClockTime_r(CLOCK_REALTIME, UNMAPPED, NULL), -EFAULT);
	KT_EQ(ClockTime_r(CLOCK_SOFTTIME, NULL, &t), 0);
	/* Set CLOCK_REALTIME (root) and read it back. */
	uint64_t before = clock_ns(CLOCK_REALTIME), set = 1700000000ULL * 1000000000ULL, old;
	KT_EQ(ClockTime_r(CLOCK_REALTIME, &set, &old), 0);
	KT_CHECK(old >= before);
	t = clock_ns(CLOCK_REALTIME);
	KT_CHECK(t >= set && t < set + 500 * MS);

	/* ClockCycles and its rate agree with the monotonic clock. */
	uint64_t c0 = ClockCycles(), n0 = mono();
	KT_EQ(ksleep(5 * MS), 0);
	uint64_t dc = ClockCycles() - c0, dn = mono() - n0;
	uint64_t dn_c = dc * 1000000000ULL / hz;
	KT_FAST(dn_c + 100 * US > dn && dn + 100 * US > dn_c);
}

static void test_clockperiod(void)
{
	struct _clockperiod cp, old;

	KT_EQ(ClockPeriod_r(CLOCK_REALTIME, NULL, &cp, 0), 0);
	KT_EQ(cp.nsec, (1000000000ULL + hz - 1) / hz); /* one timebase period */
	KT_EQ(cp.fract, 0);
	kt_printf("%s: clock period %u ns\n", kt_name, cp.nsec);
	KT_EQ(ClockPeriod_r(99, NULL, &cp, 0), -EINVAL);
	KT_EQ(ClockPeriod_r(CLOCK_REALTIME, NULL, &cp, 1), -EINVAL);
	KT_EQ(ClockPeriod_r(CLOCK_REALTIME, NULL, UNMAPPED, 0), -EFAULT);
	struct _clockperiod bad = {5, 0};
	KT_EQ(ClockPeriod_r(CLOCK_REALTIME, &bad, NULL, 0), -EINVAL);
	bad.nsec = 2000000000u;
	KT_EQ(ClockPeriod_r(CLOCK_REALTIME, &bad, NULL, 0), -EINVAL);
	KT_EQ(ClockPeriod_r(CLOCK_REALTIME, UNMAPPED, NULL, 0), -EFAULT);
	struct _clockperiod fine = {10000, 0};
	KT_EQ(ClockPeriod_r(CLOCK_REALTIME, &fine, &old, 0), 0);
	KT_EQ(old.nsec, cp.nsec);                               /* the resolution is what it is */
	KT_EQ(ClockPeriod_r(CLOCK_REALTIME, &old, NULL, 0), 0); /* restore */
}

/* Two SCHED_RR threads of one priority on one hart take turns every time slice. */
static volatile int rr_stop;
static volatile unsigned long rr_count[2];
static volatile unsigned long rr_turns[2];
static unsigned rr_cpu;

static void *rr_worker(void *arg)
{
	int me = (int)(long)arg;
	struct sched_param sp = {0};

	ThreadCtl_r(_NTO_TCTL_RUNMASK, (void *)(uintptr_t)(1UL << rr_cpu));
	sp.sched_priority = 11;
	SchedSet_r(0, 0, SCHED_RR, &sp);
	unsigned long seen = rr_count[!me];
	while (!rr_stop) {
		rr_count[me]++;
		if (rr_count[!me] != seen) {
			seen = rr_count[!me];
			rr_turns[me]++;
		}
	}
	return NULL;
}

/* Turns the two workers took in 100 ms. */
static unsigned long rr_run(void)
{
	rr_stop = 0;
	rr_turns[0] = rr_turns[1] = 0;
	int a = kt_thread_create(rr_worker, (void *)0L);
	int b = kt_thread_create(rr_worker, (void *)1L);
	KT_CHECK(a > 0 && b > 0);
	KT_EQ(ksleep(100 * MS), 0);
	rr_stop = 1;
	ThreadJoin_r(a, NULL);
	ThreadJoin_r(b, NULL);
	return rr_turns[0] + rr_turns[1];
}

static void test_timeslice(void)
{
	struct sched_param sp = {0}, saved;
	int policy = SchedGet_r(0, 0, &saved);

	/* This thread watches from a higher priority on the same hart. */
	rr_cpu = SchedGetCpuNum();
	KT_EQ(ThreadCtl_r(_NTO_TCTL_RUNMASK, (void *)(uintptr_t)(1UL << rr_cpu)), 0);
	sp.sched_priority = 20;
	KT_EQ(SchedSet_r(0, 0, SCHED_FIFO, &sp), 0);
	unsigned long dflt = rr_run();
	struct _clockperiod fine = {10000, 0}, old; /* slice 40 us instead of 4 ms */
	KT_EQ(ClockPeriod_r(CLOCK_REALTIME, &fine, &old, 0), 0);
	unsigned long small = rr_run();
	KT_EQ(ClockPeriod_r(CLOCK_REALTIME, &old, NULL, 0), 0);
	unsigned long back = rr_run();
	kt_printf("%s: RR turns in 100 ms: %lu with the default slice, %lu with a 10 us period, "
	          "%lu restored\n",
	          kt_name, dflt, small, back);
	/* 4 ms slices give about 25 turns; 40 us slices up to 2500 (fewer when QEMU's
	 * host is loaded, hence the margins). */
	KT_FAST(dflt <= 60);
	KT_FAST(small > 2 * dflt + 40);
	KT_FAST(back <= 60);
	saved.sched_priority = saved.sched_priority ? saved.sched_priority : 10;
	SchedSet_r(0, 0, policy >= 0 ? policy : SCHED_RR, &saved);
	ThreadCtl_r(_NTO_TCTL_RUNMASK, (void *)~0UL);
}

/*
 * CLOCK_REALTIME minus CLOCK_MONOTONIC, read between two monotonic
 * readings close together (retried if the hart was held up in between).
 */
static int64_t rt_offset(void)
{
	for (int i = 0;; i++) {
		uint64_t m0 = mono(), rt = clock_ns(CLOCK_REALTIME), m1 = mono();
		if (m1 - m0 < 50 * US || i == 50)
			return (int64_t)(rt - (m0 + (m1 - m0) / 2));
	}
}

static void test_clockadjust(void)
{
	struct _clockadjust adj = {0, 0}, old;

	KT_EQ(ClockAdjust_r(CLOCK_MONOTONIC, &adj, NULL), -EINVAL);
	KT_EQ(ClockAdjust_r(CLOCK_REALTIME, UNMAPPED, NULL), -EFAULT);
	KT_EQ(ClockAdjust_r(CLOCK_REALTIME, NULL, UNMAPPED), -EFAULT);
	uint64_t period = (1000000000ULL + hz - 1) / hz;
	adj.tick_count = 10;
	adj.tick_nsec_inc = (int32_t)period; /* would stop the clock: refused */
	KT_EQ(ClockAdjust_r(CLOCK_REALTIME, &adj, NULL), -EINVAL);

	/* Gain 20 us gradually over 200000 periods (20 ms at 100 ns). */
	int32_t inc = 1 * (int32_t)(period / 10 ? period / 10 : 1);
	adj.tick_count = 200000;
	adj.tick_nsec_inc = inc;
	int64_t gain = (int64_t)adj.tick_count * inc;
	int64_t off0 = rt_offset();
	KT_EQ(ClockAdjust_r(CLOCK_REALTIME, &adj, &old), 0);
	KT_EQ(old.tick_count, 0);
	KT_EQ(ClockAdjust_r(CLOCK_REALTIME, NULL, &old), 0);
	KT_CHECK(old.tick_count > 0 && old.tick_count <= adj.tick_count);
	KT_EQ(old.tick_nsec_inc, inc);
	/* Halfway, part of it is done (the clock does not step). */
	KT_EQ(ksleep(10 * MS), 0);
	int64_t mid = rt_offset() - off0;
	KT_EQ(ksleep(30 * MS), 0);
	int64_t end = rt_offset() - off0;
	kt_printf("%s: ClockAdjust of %ld ns: %ld after 10 ms, %ld at the end\n", kt_name,
	          (long)gain, (long)mid, (long)end);
	KT_FAST(mid > 0 && mid < gain);
	KT_FAST(end >= gain - 50 * (int64_t)US && end <= gain + 50 * (int64_t)US);
	KT_CHECK(end > gain / 2); /* it was applied, whatever the host's load */
	KT_EQ(ClockAdjust_r(CLOCK_REALTIME, NULL, &old), 0);
	KT_EQ(old.tick_count, 0);
	/* tick_count 0 stops an adjustment under way. */
	adj.tick_count = 100000000;
	KT_EQ(ClockAdjust_r(CLOCK_REALTIME, &adj, NULL), 0);
	adj.tick_count = 0;
	KT_EQ(ClockAdjust_r(CLOCK_REALTIME, &adj, &old), 0);
	KT_CHECK(old.tick_count > 0);
	KT_EQ(ClockAdjust_r(CLOCK_REALTIME, NULL, &old), 0);
	KT_EQ(old.tick_count, 0);
}

static volatile int burner_done;

static void *burner(void *arg)
{
	(void)arg;
	burn(20 * MS);
	burner_done = 1;
	return NULL;
}

static void test_cpu_clocks(void)
{
	int pid = __tls()->__pid, tid = __tls()->__tid;
	int pc = ClockId_r(0, 0), tc = ClockId_r(0, tid);

	KT_CHECK(pc > 0 && tc > 0 && pc != tc);
	KT_EQ(ClockId_r(pid, 0), pc);
	KT_EQ(ClockId_r(99999, 0), -ESRCH);
	KT_EQ(ClockId_r(0, 9999), -ESRCH);
	KT_EQ(ClockId_r(0, -3), -ESRCH);
	KT_CHECK(ClockId_r(1, 0) > 0); /* another process: taskman */
	uint64_t t;
	KT_EQ(ClockTime_r(ClockId_r(1, 0), NULL, &t), 0);
	KT_CHECK(t > 0);
	KT_EQ(ClockTime_r(pc, &t, NULL), -EINVAL); /* CPU clocks cannot be set */

	/* The thread's clock advances by about the CPU time it burns. */
	uint64_t th0 = clock_ns(tc), self0 = clock_ns(CLOCK_THREAD_CPUTIME_ID);
	uint64_t pr0 = clock_ns(pc), pself0 = clock_ns(CLOCK_PROCESS_CPUTIME_ID);
	burn(10 * MS);
	uint64_t th1 = clock_ns(tc), self1 = clock_ns(CLOCK_THREAD_CPUTIME_ID);
	KT_CHECK(th1 - th0 >= 8 * MS);
	KT_CHECK(self1 - self0 >= 8 * MS);
	KT_CHECK(clock_ns(pc) >= pr0 + 8 * MS);
	KT_CHECK(clock_ns(CLOCK_PROCESS_CPUTIME_ID) >= pself0 + 8 * MS);
	/* Sleeping costs no CPU time. */
	uint64_t s0 = clock_ns(tc);
	KT_EQ(ksleep(20 * MS), 0);
	KT_FAST(clock_ns(tc) - s0 < 5 * MS);

	/* A thread that burns 20 ms and ends: its time stays in the process's. */
	uint64_t before = clock_ns(pc);
	int b = kt_thread_create(burner, NULL);
	KT_CHECK(b > 0);
	int bc = ClockId_r(0, b);
	KT_CHECK(bc > 0);
	KT_EQ(ThreadJoin_r(b, NULL), 0);
	KT_CHECK(burner_done);
	KT_CHECK(clock_ns(pc) - before >= 18 * MS);
	KT_EQ(ClockTime_r(bc, NULL, &t), -EINVAL); /* the thread is gone */
}

/* 2000 timers created, armed and destroyed (half after firing) leak nothing. */
static void test_leak(int chid, int coid)
{
	struct sigevent ev;
	struct _pulse p;
	struct sysinfo_mem m0, m1;

	SIGEV_PULSE_INIT(&ev, coid, 10, 3, 0);
	KT_EQ(SysInfo_r(SYSINFO_MEM, &m0, sizeof(m0)), sizeof(m0));
	int bad = 0;
	for (int i = 0; i < 2000; i++) {
		int id = TimerCreate_r(CLOCK_MONOTONIC, &ev);
		struct _itimer it = {(i & 1) ? 1000 : 10 * MS, (i & 2) ? MS : 0};
		if (id < 1 || TimerSettime_r(id, 0, &it, NULL) != 0)
			bad++;
		if ((i & 1) && recv_pulse(chid, 1000 * MS, &p) != 0)
			bad++;
		if (TimerDestroy_r(id) != 0)
			bad++;
	}
	while (recv_pulse(chid, 2 * MS, &p) == 0)
		;
	KT_EQ(bad, 0);
	KT_EQ(SysInfo_r(SYSINFO_MEM, &m1, sizeof(m1)), sizeof(m1));
	kt_printf("%s: 2000 timers. free pages %lu -> %lu, kernel objects %lu -> %lu\n", kt_name,
	          (unsigned long)m0.free_pages, (unsigned long)m1.free_pages,
	          (unsigned long)m0.kernel_objects, (unsigned long)m1.kernel_objects);
	KT_EQ(m1.kernel_objects, m0.kernel_objects);
	KT_EQ(m1.free_pages, m0.free_pages);
}

int kt_main(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	struct sysinfo_cpus ci;

	KT_CHECK(SysInfo_r(SYSINFO_CPUS, &ci, sizeof(ci)) > 0);
	hz = ci.timebase_hz;
	strict = strcmp(kt_name, "ktest_timer_loose") != 0;
	int chid = ChannelCreate_r(_NTO_CHF_PRIVATE);
	int coid = ConnectAttach_r(0, 0, chid, _NTO_SIDE_CHANNEL, 0);
	KT_CHECK(chid > 0 && coid > 0);
	test_create_errors(coid);
	test_oneshot(chid, coid);
	test_cross_hart(chid, coid, ci.ncpu);
	test_periodic(chid, coid);
	test_signal_timers();
	test_sleep();
	test_sleep_signal();
	test_clocktime();
	test_clockperiod();
	test_timeslice();
	test_clockadjust();
	test_cpu_clocks();
	test_leak(chid, coid);
	/* Leave with a periodic timer armed: the kernel must tear it down. */
	struct sigevent ev;
	SIGEV_PULSE_INIT(&ev, coid, 10, 4, 0);
	int id = TimerCreate_r(CLOCK_MONOTONIC, &ev);
	struct _itimer it = {MS, MS};
	KT_EQ(TimerSettime_r(id, 0, &it, NULL), 0);
	kt_printf("%s: %d failure(s)\n", kt_name, kt_failures);
	return kt_failures;
}
