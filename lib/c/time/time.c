/*
 * time.c - time(), timespec_get() and difftime(), over clock_gettime().
 */
#include "time_impl.h"

/* Seconds since the Epoch (also stored in *t when t is not NULL); -1 on error. */
time_t time(time_t *t)
{
	struct timespec ts;
	if (clock_gettime(CLOCK_REALTIME, &ts) < 0)
		return (time_t)-1;
	if (t)
		*t = ts.tv_sec;
	return ts.tv_sec;
}

/* C11: the current UTC time in *ts for base TIME_UTC; returns base, or 0. */
int timespec_get(struct timespec *ts, int base)
{
	if (base != TIME_UTC || clock_gettime(CLOCK_REALTIME, ts) < 0)
		return 0;
	return base;
}

/* C23: the resolution of timespec_get's base into *ts; base, or 0 if unsupported. */
int timespec_getres(struct timespec *ts, int base)
{
	if (base != TIME_UTC || clock_getres(CLOCK_REALTIME, ts) < 0)
		return 0;
	return base;
}

/* t1 - t0 in seconds, exact even when the difference does not fit time_t. */
double difftime(time_t t1, time_t t0)
{
	/* split so neither part loses precision before the final rounding */
	int64_t hi1 = t1 >> 32, hi0 = t0 >> 32;
	int64_t lo1 = t1 & 0xffffffff, lo0 = t0 & 0xffffffff;
	return (double)(hi1 - hi0) * 4294967296.0 + (double)(lo1 - lo0);
}
