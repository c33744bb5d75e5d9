/*
 * sigwait.c - taking pending signals synchronously: sigwaitinfo,
 * sigtimedwait, sigwait (SignalWaitinfo, bounded by TimerTimeout's
 * _NTO_TIMEOUT_SIGWAITINFO). The signals waited for should be blocked in
 * every thread, or a handler may take them first.
 */
#include <errno.h>
#include <signal.h>
#include <time.h>
#include <sys/neutrino.h>
#include "signal_impl.h"

/*
 * Takes a pending signal in set, waiting for one if needed. Returns its
 * number (its siginfo in *info unless info is NULL), or -1 with EINTR (a
 * signal outside set was acted on), EINVAL (set holds nothing waitable),
 * EFAULT.
 */
int sigwaitinfo(const sigset_t *restrict set, siginfo_t *restrict info)
{
	return __qsoe_sigret(SignalWaitinfo_r(set, info));
}

/*
 * As sigwaitinfo, but gives up after *timeout (relative, CLOCK_MONOTONIC)
 * with EAGAIN; a zero timeout only polls. EINVAL for a bad timeout.
 */
int sigtimedwait(const sigset_t *restrict set, siginfo_t *restrict info,
                 const struct timespec *restrict timeout)
{
	if (timeout) {
		if (timeout->tv_sec < 0 || timeout->tv_nsec < 0 ||
		    timeout->tv_nsec >= 1000000000L) {
			errno = EINVAL;
			return -1;
		}
		/* Beyond about 126 years the wait is simply that long. */
		uint64_t sec = (uint64_t)timeout->tv_sec < 4000000000ULL ? (uint64_t)timeout->tv_sec
		                                                         : 4000000000ULL;
		uint64_t ns = sec * 1000000000ULL + (uint64_t)timeout->tv_nsec;
		uint32_t flags = _NTO_TIMEOUT_SIGWAITINFO | (ns == 0 ? _NTO_TIMEOUT_NO_WAIT : 0);
		TimerTimeout_r(CLOCK_MONOTONIC, flags, NULL, &ns, NULL);
	}
	int r = SignalWaitinfo_r(set, info);
	if (r == -ETIMEDOUT)
		r = -EAGAIN;
	return __qsoe_sigret(r);
}

/*
 * Takes a pending signal in set (waiting as needed) and stores its number
 * in *sig. Returns 0 or an error number (EINVAL); it does not return
 * EINTR: an interrupted wait is resumed.
 */
int sigwait(const sigset_t *restrict set, int *restrict sig)
{
	for (;;) {
		int r = SignalWaitinfo_r(set, NULL);
		if (r > 0) {
			*sig = r;
			return 0;
		}
		if (r != -EINTR)
			return -r;
	}
}
