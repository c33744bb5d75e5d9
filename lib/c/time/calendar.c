/*
 * calendar.c - proleptic Gregorian calendar arithmetic with 64-bit counts.
 *
 * Dates are converted with the "days from civil" method: shift the year to
 * start in March (so the leap day is last), split it into 400-year eras of
 * 146097 days, and count the days of the month from a linear formula that
 * fits the March..February month lengths. Works for any year an int64
 * second count can reach.
 */
#include "time_impl.h"

/* Floor division and remainder for a positive divisor. */
static int64_t fdiv(int64_t a, int64_t b)
{
	return a / b - (a % b < 0);
}

static int64_t fmod64(int64_t a, int64_t b)
{
	int64_t r = a % b;
	return r < 0 ? r + b : r;
}

int __is_leap(int64_t y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int __month_days(int64_t y, int m)
{
	static const unsigned char len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return len[m - 1] + (m == 2 && __is_leap(y));
}

/* Days from 1970-01-01 to y-m-d; see time_impl.h. */
int64_t __days_from_civil(int64_t y, int m, int64_t d)
{
	if (m <= 2)
		y--;
	int64_t era = fdiv(y, 400);
	int64_t yoe = y - era * 400;              /* 0..399 */
	int mp = m > 2 ? m - 3 : m + 9;           /* March = 0 */
	int64_t doy = (153 * mp + 2) / 5 + d - 1; /* day of the shifted year */
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468; /* 719468: 0000-03-01 .. 1970-01-01 */
}

/* The date of a day count; see time_impl.h. */
void __civil_from_days(int64_t days, int64_t *y, int *m, int *d)
{
	days += 719468;
	int64_t era = fdiv(days, 146097);
	int64_t doe = days - era * 146097;                                   /* 0..146096 */
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365; /* 0..399 */
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);               /* 0..365 */
	int mp = (int)((5 * doy + 2) / 153);                                 /* March = 0 */
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = yoe + era * 400 + (*m <= 2);
}

/* Broken-down time of t; see time_impl.h. */
int __secs_to_tm(int64_t t, struct tm *tm)
{
	int64_t days = fdiv(t, SECS_PER_DAY);
	int64_t secs = fmod64(t, SECS_PER_DAY);
	int64_t y;
	int m, d;
	__civil_from_days(days, &y, &m, &d);
	if (y - 1900 > 2147483647 || y - 1900 < -2147483647 - 1)
		return -1;
	tm->tm_year = (int)(y - 1900);
	tm->tm_mon = m - 1;
	tm->tm_mday = d;
	tm->tm_hour = (int)(secs / 3600);
	tm->tm_min = (int)(secs / 60 % 60);
	tm->tm_sec = (int)(secs % 60);
	tm->tm_wday = (int)fmod64(days + 4, 7); /* 1970-01-01 was a Thursday */
	tm->tm_yday = (int)(days - __days_from_civil(y, 1, 1));
	return 0;
}

/* Seconds of a normalised broken-down time read as UTC; see time_impl.h. */
int __tm_to_secs(const struct tm *tm, int64_t *t)
{
	int64_t y = (int64_t)tm->tm_year + 1900 + fdiv(tm->tm_mon, 12);
	int m = (int)fmod64(tm->tm_mon, 12) + 1;
	int64_t days = __days_from_civil(y, m, tm->tm_mday);
	/* |days| < 2^40 and the time fields are ints: no overflow in int64 */
	*t = days * SECS_PER_DAY + (int64_t)tm->tm_hour * 3600 + (int64_t)tm->tm_min * 60 +
	     tm->tm_sec;
	return 0;
}
