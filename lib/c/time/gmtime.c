/*
 * gmtime.c - UTC conversions: gmtime(), gmtime_r() and timegm().
 */
#include <errno.h>
#include "time_impl.h"

/* Breaks t down as UTC into *tm; NULL with EOVERFLOW if the year does not fit an int. */
struct tm *gmtime_r(const time_t *restrict t, struct tm *restrict tm)
{
	if (__secs_to_tm(*t, tm) < 0) {
		errno = EOVERFLOW;
		return NULL;
	}
	tm->tm_isdst = 0;
	tm->tm_gmtoff = 0;
	tm->tm_zone = "GMT";
	return tm;
}

/* gmtime_r() into a static buffer (not thread safe, as C specifies). */
struct tm *gmtime(const time_t *t)
{
	static struct tm buf;
	return gmtime_r(t, &buf);
}

/* The inverse of gmtime(): normalises *tm (read as UTC) and returns its time. */
time_t timegm(struct tm *tm)
{
	int64_t t;
	struct tm n;
	if (__tm_to_secs(tm, &t) < 0 || __secs_to_tm(t, &n) < 0) {
		errno = EOVERFLOW;
		return (time_t)-1;
	}
	n.tm_isdst = 0;
	n.tm_gmtoff = 0;
	n.tm_zone = "GMT";
	*tm = n;
	return t;
}
