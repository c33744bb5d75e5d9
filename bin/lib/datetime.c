/*
 * datetime.c - date strings for touch -d and date -d (see datetime.h).
 */
#include "datetime.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* Days since 1970-01-01 of a proleptic Gregorian date. */
long long qu_days_from_civil(long long y, int m, int d)
{
	long long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* Converts broken-down local (or UTC) time to seconds; returns 0 or -1. */
static int make_time(struct tm *tm, int utc, time_t *out)
{
	if (tm->tm_mon < 0 || tm->tm_mon > 11 || tm->tm_mday < 1 || tm->tm_mday > 31 ||
	    tm->tm_hour > 23 || tm->tm_min > 59 || tm->tm_sec > 60)
		return -1;
	if (utc) {
		*out = (time_t)(qu_days_from_civil(tm->tm_year + 1900LL, tm->tm_mon + 1,
		                                   tm->tm_mday) *
		                        86400 +
		                tm->tm_hour * 3600 + tm->tm_min * 60 + tm->tm_sec);
		return 0;
	}
	tm->tm_isdst = -1;
	*out = mktime(tm);
	return *out == (time_t)-1 && errno == EOVERFLOW ? -1 : 0;
}

/* Parses n decimal digits at *p; returns the value or -1. */
static int digits(const char **p, int n)
{
	int v = 0;

	while (n--) {
		if (**p < '0' || **p > '9')
			return -1;
		v = v * 10 + (*(*p)++ - '0');
	}
	return v;
}

/* See datetime.h. */
int qu_parse_date(const char *s, struct timespec *ts)
{
	struct tm tm;
	const char *p = s;
	char *end;
	int utc = 0, y;

	memset(&tm, 0, sizeof(tm));
	ts->tv_nsec = 0;
	if (*s == '@') {
		long long v = strtoll(s + 1, &end, 10);
		if (end == s + 1 || *end)
			return -1;
		ts->tv_sec = (time_t)v;
		return 0;
	}
	if ((y = digits(&p, 4)) < 0 || *p++ != '-' || (tm.tm_mon = digits(&p, 2) - 1) < 0 ||
	    *p++ != '-' || (tm.tm_mday = digits(&p, 2)) < 0)
		return -1;
	tm.tm_year = y - 1900;
	if (*p == 'T' || *p == ' ') {
		p++;
		if ((tm.tm_hour = digits(&p, 2)) < 0 || *p++ != ':' ||
		    (tm.tm_min = digits(&p, 2)) < 0)
			return -1;
		if (*p == ':') {
			p++;
			if ((tm.tm_sec = digits(&p, 2)) < 0)
				return -1;
			if (*p == '.' || *p == ',') {
				long scale = 100000000;
				p++;
				if (*p < '0' || *p > '9')
					return -1;
				for (; *p >= '0' && *p <= '9'; p++, scale /= 10)
					ts->tv_nsec += (*p - '0') * scale;
			}
		}
	}
	if (*p == 'Z' || *p == 'z') {
		utc = 1;
		p++;
	}
	if (*p)
		return -1;
	return make_time(&tm, utc, &ts->tv_sec);
}
