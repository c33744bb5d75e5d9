/*
 * alarm.c - alarm, setitimer and getitimer over the process's alarm timer
 * (TimerAlarm: SIGALRM to the process on CLOCK_REALTIME). Only the real
 * timer exists: ITIMER_VIRTUAL and ITIMER_PROF fail with EINVAL, as the
 * kernel keeps no per-process virtual clock to fire them on.
 */
#include <errno.h>
#include <signal.h>
#include <sys/neutrino.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>
#include "signal_impl.h"

#define NS 1000000000ULL

/*
 * SIGALRM after 'seconds' (0 cancels). Returns the seconds that were left
 * of the previous alarm (rounded up), or 0.
 */
unsigned alarm(unsigned seconds)
{
	struct _itimer it = {(uint64_t)seconds * NS, 0}, old = {0, 0};

	if (TimerAlarm_r(CLOCK_REALTIME, &it, &old) < 0)
		return 0;
	return (unsigned)((old.nsec + NS - 1) / NS);
}

static int valid_tv(const struct timeval *tv)
{
	return tv->tv_sec >= 0 && tv->tv_usec >= 0 && tv->tv_usec < 1000000;
}

static uint64_t tv_ns(const struct timeval *tv)
{
	return (uint64_t)tv->tv_sec * NS + (uint64_t)tv->tv_usec * 1000u;
}

static void ns_tv(uint64_t ns, struct timeval *tv)
{
	tv->tv_sec = (time_t)(ns / NS);
	tv->tv_usec = (suseconds_t)((ns % NS + 999) / 1000); /* rounded up */
	if (tv->tv_usec == 1000000) {
		tv->tv_sec++;
		tv->tv_usec = 0;
	}
}

/*
 * Arms (it_value nonzero) or disarms the real interval timer; *ovalue gets
 * the previous setting. Returns 0, or -1 with EINVAL (not ITIMER_REAL, bad
 * timeval) or EFAULT.
 */
int setitimer(int which, const struct itimerval *restrict value, struct itimerval *restrict ovalue)
{
	struct _itimer it, old = {0, 0};

	if (which != ITIMER_REAL || !value || !valid_tv(&value->it_value) ||
	    !valid_tv(&value->it_interval)) {
		errno = EINVAL;
		return -1;
	}
	it.nsec = tv_ns(&value->it_value);
	it.interval_nsec = tv_ns(&value->it_interval);
	int r = TimerAlarm_r(CLOCK_REALTIME, &it, &old);
	if (r < 0)
		return __qsoe_sigret(r);
	if (ovalue) {
		ns_tv(old.nsec, &ovalue->it_value);
		ns_tv(old.interval_nsec, &ovalue->it_interval);
	}
	return 0;
}

/* The real interval timer's time left and reload. Returns 0 or -1 with EINVAL. */
int getitimer(int which, struct itimerval *value)
{
	struct _itimer old = {0, 0};

	if (which != ITIMER_REAL) {
		errno = EINVAL;
		return -1;
	}
	int r = TimerAlarm_r(CLOCK_REALTIME, NULL, &old);
	if (r < 0)
		return __qsoe_sigret(r);
	ns_tv(old.nsec, &value->it_value);
	ns_tv(old.interval_nsec, &value->it_interval);
	return 0;
}
