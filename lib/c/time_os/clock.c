/*
 * clock.c - clocks: clock_gettime, clock_settime, clock_getres,
 * clock_getcpuclockid, gettimeofday, settimeofday. Every clock is read
 * with ClockTime (nanoseconds): CLOCK_REALTIME, CLOCK_SOFTTIME,
 * CLOCK_MONOTONIC, CLOCK_PROCESS_CPUTIME_ID, CLOCK_THREAD_CPUTIME_ID and
 * the CPU-time clocks ClockId names. The resolution comes from ClockPeriod
 * (the clock tick) for the wall clocks.
 */
#include <sys/time.h>
#include <time.h>
#include <unistd.h>
#include "qsoe_os.h"

static void ns_to_ts(uint64_t ns, struct timespec *ts)
{
	ts->tv_sec = (time_t)(ns / 1000000000u);
	ts->tv_nsec = (long)(ns % 1000000000u);
}

int __qsoe_ts_ns(const struct timespec *ts, uint64_t *ns)
{
	if (ts == NULL)
		return -EFAULT;
	if (ts->tv_nsec < 0 || ts->tv_nsec >= 1000000000L || ts->tv_sec < 0)
		return -EINVAL;
	if ((uint64_t)ts->tv_sec > (UINT64_MAX - 999999999u) / 1000000000u)
		*ns = UINT64_MAX;
	else
		*ns = (uint64_t)ts->tv_sec * 1000000000u + (uint64_t)ts->tv_nsec;
	return 0;
}

int clock_gettime(clockid_t clk, struct timespec *ts)
{
	uint64_t ns;
	int r = ClockTime_r(clk, NULL, &ns);

	if (r < 0)
		return (int)__qsoe_ret(r);
	if (ts == NULL)
		return (int)__qsoe_ret(-EFAULT);
	ns_to_ts(ns, ts);
	return 0;
}

/* Only CLOCK_REALTIME can be set, by root (EPERM otherwise). */
int clock_settime(clockid_t clk, const struct timespec *ts)
{
	uint64_t ns;
	int r = __qsoe_ts_ns(ts, &ns);

	if (r == 0)
		r = ClockTime_r(clk, &ns, NULL);
	return (int)__qsoe_ret(r);
}

int clock_getres(clockid_t clk, struct timespec *res)
{
	struct _clockperiod p;
	uint64_t ns;

	int r = ClockTime_r(clk, NULL, &ns); /* EINVAL for unknown clocks */
	if (r < 0)
		return (int)__qsoe_ret(r);
	if (res == NULL)
		return 0;
	if (clk == CLOCK_REALTIME || clk == CLOCK_MONOTONIC || clk == CLOCK_SOFTTIME) {
		if (ClockPeriod_r(CLOCK_REALTIME, NULL, &p, 0) == 0 && p.nsec) {
			ns_to_ts(p.nsec, res);
			return 0;
		}
	}
	/* CPU-time clocks count in units of the hardware timer. */
	long hz = __qsoe_sysinfo(QSOE_SI_CYCLES_PER_SEC);
	ns_to_ts(hz > 0 ? (uint64_t)(1000000000 + hz - 1) / (uint64_t)hz : 1, res);
	return 0;
}

/* The CPU-time clock of process pid (0: the caller). */
int clock_getcpuclockid(pid_t pid, clockid_t *clk)
{
	if (pid == 0) {
		*clk = CLOCK_PROCESS_CPUTIME_ID;
		return 0;
	}
	int r = ClockId_r(pid, 0);
	if (r < 0)
		return -r == EINVAL ? ESRCH : -r;
	*clk = r;
	return 0;
}

int gettimeofday(struct timeval *__restrict tv, void *__restrict tz)
{
	struct timespec ts;

	(void)tz;
	if (tv == NULL)
		return 0;
	if (clock_gettime(CLOCK_REALTIME, &ts) < 0)
		return -1;
	tv->tv_sec = ts.tv_sec;
	tv->tv_usec = (suseconds_t)(ts.tv_nsec / 1000);
	return 0;
}

int settimeofday(const struct timeval *tv, const void *tz)
{
	struct timespec ts;

	(void)tz;
	if (tv == NULL || tv->tv_usec < 0 || tv->tv_usec >= 1000000)
		return (int)__qsoe_ret(-EINVAL);
	ts.tv_sec = tv->tv_sec;
	ts.tv_nsec = tv->tv_usec * 1000L;
	return clock_settime(CLOCK_REALTIME, &ts);
}
