/*
 * localtime.c - local time conversions under TZ: localtime(),
 * localtime_r() and mktime().
 */
#include <errno.h>
#include "time_impl.h"

/* Breaks t down as local time; NULL with EOVERFLOW if the year does not fit an int. */
struct tm *localtime_r(const time_t *restrict t, struct tm *restrict tm)
{
	long off;
	int isdst;
	const char *zone;
	if (*t > INT64_MAX / 2 || *t < INT64_MIN / 2) { /* far beyond any int year */
		errno = EOVERFLOW;
		return NULL;
	}
	__tz_lock();
	__tz_query(*t, &off, &isdst, &zone);
	__tz_unlock();
	if (__secs_to_tm(*t + off, tm) < 0) {
		errno = EOVERFLOW;
		return NULL;
	}
	tm->tm_isdst = isdst;
	tm->tm_gmtoff = off;
	tm->tm_zone = zone;
	return tm;
}

/* localtime_r() into a static buffer (not thread safe, as C specifies). */
struct tm *localtime(const time_t *t)
{
	static struct tm buf;
	return localtime_r(t, &buf);
}

/*
 * The time of the local broken-down time *tm, whose fields may be out of
 * range; *tm is normalised and tm_wday, tm_yday, tm_isdst, tm_gmtoff and
 * tm_zone are set. tm_isdst > 0 or == 0 says DST is or is not in effect
 * for the given time; < 0 lets mktime decide (in the hour repeated when DST
 * ends it picks the first, DST, reading; a time skipped when DST starts is
 * read as standard time). Returns -1 with EOVERFLOW if the result does not fit.
 */
time_t mktime(struct tm *tm)
{
	int64_t local, t;
	struct tm n;
	long off;
	int isdst;
	const char *zone;
	if (__tm_to_secs(tm, &local) < 0) {
		errno = EOVERFLOW;
		return (time_t)-1;
	}
	__tz_lock();
	__tz_to_utc(local, tm->tm_isdst, &t);
	__tz_query(t, &off, &isdst, &zone);
	__tz_unlock();
	if (__secs_to_tm(t + off, &n) < 0) {
		errno = EOVERFLOW;
		return (time_t)-1;
	}
	n.tm_isdst = isdst;
	n.tm_gmtoff = off;
	n.tm_zone = zone;
	*tm = n;
	return t;
}
