/*
 * asctime.c - the fixed "Sun Sep 16 01:03:52 1973\n" format: asctime(),
 * asctime_r(), ctime() and ctime_r().
 */
#include <errno.h>
#include <string.h>
#include "time_impl.h"

static const char wdays[] = "SunMonTueWedThuFriSat";
static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";

/* Writes v in decimal, at least width digits (zero padded); returns the end. */
static char *put_num(char *p, long v, int width)
{
	char tmp[24];
	int n = 0, neg = v < 0;
	unsigned long u = neg ? 0UL - (unsigned long)v : (unsigned long)v;
	do {
		tmp[n++] = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	while (n < width)
		tmp[n++] = '0';
	if (neg)
		*p++ = '-';
	while (n)
		*p++ = tmp[--n];
	return p;
}

/*
 * Formats *tm as C's asctime() does into buf (26 bytes suffice for
 * years -999..9999; the format is extended to any year, so 35 bytes always
 * do). NULL with EOVERFLOW for out-of-range weekday or month.
 */
char *asctime_r(const struct tm *restrict tm, char *restrict buf)
{
	if (tm->tm_wday < 0 || tm->tm_wday > 6 || tm->tm_mon < 0 || tm->tm_mon > 11) {
		errno = EOVERFLOW;
		return NULL;
	}
	char *p = buf;
	memcpy(p, wdays + 3 * tm->tm_wday, 3);
	p[3] = ' ';
	memcpy(p + 4, months + 3 * tm->tm_mon, 3);
	p[7] = ' ';
	p += 8;
	if (tm->tm_mday >= 0 && tm->tm_mday < 10)
		*p++ = ' ';
	p = put_num(p, tm->tm_mday, 1);
	*p++ = ' ';
	p = put_num(p, tm->tm_hour, 2);
	*p++ = ':';
	p = put_num(p, tm->tm_min, 2);
	*p++ = ':';
	p = put_num(p, tm->tm_sec, 2);
	*p++ = ' ';
	p = put_num(p, (long)tm->tm_year + 1900, 1);
	*p++ = '\n';
	*p = 0;
	return buf;
}

char *asctime(const struct tm *tm)
{
	static char buf[40];
	return asctime_r(tm, buf);
}

/* asctime_r(localtime_r(t)). */
char *ctime_r(const time_t *t, char *buf)
{
	struct tm tm;
	if (!localtime_r(t, &tm))
		return NULL;
	return asctime_r(&tm, buf);
}

char *ctime(const time_t *t)
{
	static char buf[40];
	return ctime_r(t, buf);
}
