/*
 * timer.c - POSIX per-process timers over the kernel's QNX timer calls:
 * timer_create (TimerCreate), timer_settime (TimerSettime),
 * timer_gettime and timer_getoverrun (TimerInfo), timer_delete
 * (TimerDestroy). Notification by signal, by pulse (QNX's SIGEV_PULSE) or
 * none; a NULL event is SIGALRM with the timer id as value (the kernel's
 * default). SIGEV_THREAD (a thread started per expiry) is not provided:
 * ENOTSUP.
 */
#include <signal.h>
#include <time.h>
#include "qsoe_os.h"

static int ts_to_ns(const struct timespec *ts, uint64_t *ns)
{
	int r = __qsoe_ts_ns(ts, ns);
	return r;
}

static void ns_to_ts(uint64_t ns, struct timespec *ts)
{
	ts->tv_sec = (time_t)(ns / 1000000000u);
	ts->tv_nsec = (long)(ns % 1000000000u);
}

int timer_create(clockid_t clk, struct sigevent *__restrict ev, timer_t *__restrict id)
{
	if (id == NULL)
		return (int)__qsoe_ret(-EFAULT);
	if (ev && SIGEV_GET_TYPE(ev) == SIGEV_THREAD)
		return (int)__qsoe_ret(-ENOTSUP);
	int r = TimerCreate_r(clk, ev);
	if (r < 0)
		return (int)__qsoe_ret(r);
	*id = r;
	return 0;
}

int timer_delete(timer_t id)
{
	return (int)__qsoe_ret(TimerDestroy_r(id));
}

/* Arms (it_value nonzero) or disarms timer id; the previous setting in *old. */
int timer_settime(timer_t id, int flags, const struct itimerspec *__restrict value,
                  struct itimerspec *__restrict old)
{
	struct _itimer it, oit = {0, 0};

	if (value == NULL)
		return (int)__qsoe_ret(-EFAULT);
	int r = ts_to_ns(&value->it_value, &it.nsec);
	if (r == 0)
		r = ts_to_ns(&value->it_interval, &it.interval_nsec);
	if (r < 0)
		return (int)__qsoe_ret(r);
	r = TimerSettime_r(id, flags & TIMER_ABSTIME, &it, old ? &oit : NULL);
	if (r < 0)
		return (int)__qsoe_ret(r);
	if (old) {
		ns_to_ts(oit.nsec, &old->it_value);
		ns_to_ts(oit.interval_nsec, &old->it_interval);
	}
	return 0;
}

/* The time until the next expiry (0: disarmed) and the interval. */
int timer_gettime(timer_t id, struct itimerspec *value)
{
	struct _timer_info info;
	int r = TimerInfo_r(0, id, 0, &info);

	if (r < 0)
		return (int)__qsoe_ret(r);
	if (value == NULL)
		return (int)__qsoe_ret(-EFAULT);
	ns_to_ts((info.flags & _NTO_TI_ACTIVE) ? info.otime.nsec : 0, &value->it_value);
	ns_to_ts(info.itime.interval_nsec, &value->it_interval);
	return 0;
}

/* Expirations that produced no notification (the kernel's overrun count). */
int timer_getoverrun(timer_t id)
{
	struct _timer_info info;
	int r = TimerInfo_r(0, id, 0, &info);

	if (r < 0)
		return (int)__qsoe_ret(r);
	return info.overruns > 0x7fffffffu ? 0x7fffffff : (int)info.overruns;
}
