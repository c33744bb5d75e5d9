/*
 * sleep.c - clock_nanosleep() and nanosleep() on Skimmer.
 *
 * As on QNX, a sleep is one kernel call: TimerTimeout() with
 * _NTO_TIMEOUT_NANOSLEEP blocks the caller in STATE_NANOSLEEP until the
 * time has come (result 0) or a signal ends it early (EINTR, with the time
 * that was left stored through otime). The kernel programs the hart's
 * timer for the exact deadline, so sleeps are not rounded to any tick.
 */
#include <errno.h>
#include <time.h>
#include <sys/neutrino.h>
#include "kcall_user.h"

#define NS_PER_S 1000000000ULL

/* True for the CPU-time clocks (CLOCK_*_CPUTIME_ID and ClockId() ids). */
static int is_cputime_clock(clockid_t id)
{
	return id == CLOCK_PROCESS_CPUTIME_ID || id == CLOCK_THREAD_CPUTIME_ID ||
	       (id > 0 && (id & 0x40000000));
}

/*
 * clock_nanosleep (POSIX): sleeps on clock id until the absolute time *req
 * (TIMER_ABSTIME) or for the interval *req. Returns 0 or an error number
 * (errno is not set): EINTR (a signal; *rem, if given, receives the time
 * left of a relative sleep), EINVAL (tv_nsec out of range, unknown clock,
 * or the calling thread's own CPU-time clock), ENOTSUP (another CPU-time
 * clock), EFAULT.
 */
int clock_nanosleep(clockid_t id, int flags, const struct timespec *req, struct timespec *rem)
{
	if (id == CLOCK_THREAD_CPUTIME_ID)
		return EINVAL;
	if (is_cputime_clock(id))
		return ENOTSUP;
	if (req->tv_nsec < 0 || req->tv_nsec >= (long)NS_PER_S)
		return EINVAL;
	uint64_t ns;
	if (req->tv_sec < 0) {
		ns = 0; /* in the past: return at once */
	} else if ((uint64_t)req->tv_sec > (UINT64_MAX - (uint64_t)req->tv_nsec) / NS_PER_S) {
		ns = UINT64_MAX; /* beyond what the clock can count: as good as forever */
	} else {
		ns = (uint64_t)req->tv_sec * NS_PER_S + (uint64_t)req->tv_nsec;
	}
	uint32_t tflags = _NTO_TIMEOUT_NANOSLEEP | ((flags & TIMER_ABSTIME) ? TIMER_ABSTIME : 0);
	uint64_t left = 0;
	int r = TimerTimeout_r(id, tflags, NULL, &ns, &left);
	if (r == 0)
		return 0;
	if (r == -EINTR && rem && !(flags & TIMER_ABSTIME)) {
		rem->tv_sec = (time_t)(left / NS_PER_S);
		rem->tv_nsec = (long)(left % NS_PER_S);
	}
	return -r;
}

/* nanosleep (POSIX): a relative sleep on CLOCK_MONOTONIC; -1 with errno on failure. */
int nanosleep(const struct timespec *req, struct timespec *rem)
{
	int r = clock_nanosleep(CLOCK_MONOTONIC, 0, req, rem);

	if (r != 0) {
		errno = r;
		return -1;
	}
	return 0;
}
