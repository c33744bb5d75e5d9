/*
 * g_libc_timefmt.c - group "libc_timefmt": time.h conversions and
 * locale.h inside QSOE: gmtime_r/timegm over known dates (before 1970,
 * 2038, leap days), localtime_r/mktime under POSIX TZ strings (DST
 * transitions in both hemispheres), strftime and strptime, the realtime
 * clock against time(), and setlocale/localeconv/nl_langinfo for C and
 * C.UTF-8.
 */
#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <time.h>
#include "suite.h"

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian), computed here independently. */
static long long days_from_civil(long long y, int m, int d)
{
	static const int cum[12] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
	long long days = (y - 1970) * 365;
	/* leap years in [1970, y) or (y, 1970] */
	for (long long k = y < 1970 ? y : 1970; k < (y < 1970 ? 1970 : y); k++)
		days += (y < 1970 ? -1 : 1) * ((k % 4 == 0 && k % 100 != 0) || k % 400 == 0);
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return days + cum[m - 1] + (m > 2 && leap) + d - 1;
}

static void calendar(void)
{
	static const struct {
		int y, m, d, H, M, S;
	} dates[] = {{1970, 1, 1, 0, 0, 0},      {2000, 2, 29, 12, 0, 0}, {2038, 1, 19, 3, 14, 8},
	             {1969, 12, 31, 23, 59, 59}, {1900, 3, 1, 0, 0, 0},   {2400, 12, 31, 1, 2, 3},
	             {1600, 2, 29, 5, 6, 7}};
	int bad = 0;
	for (size_t i = 0; i < sizeof(dates) / sizeof(dates[0]); i++) {
		time_t t = (time_t)(days_from_civil(dates[i].y, dates[i].m, dates[i].d) * 86400 +
		                    dates[i].H * 3600 + dates[i].M * 60 + dates[i].S);
		struct tm tm;
		if (!gmtime_r(&t, &tm) || tm.tm_year + 1900 != dates[i].y ||
		    tm.tm_mon + 1 != dates[i].m || tm.tm_mday != dates[i].d ||
		    tm.tm_hour != dates[i].H || tm.tm_min != dates[i].M ||
		    tm.tm_sec != dates[i].S) {
			suite_note("gmtime of %lld is wrong", (long long)t);
			bad++;
		}
		if (timegm(&tm) != t)
			bad++;
	}
	CHECK(bad == 0, "gmtime_r and timegm over 1600..2400 (%d wrong)", bad);
	time_t t0 = 0;
	struct tm tm;
	gmtime_r(&t0, &tm);
	CHECK(tm.tm_wday == 4 && tm.tm_yday == 0, "1970-01-01 was a Thursday");
	/* normalisation: 2023-02-31 is 2023-03-03 */
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = 123;
	tm.tm_mon = 1;
	tm.tm_mday = 31;
	time_t t = timegm(&tm);
	CHECK(t == days_from_civil(2023, 3, 3) * 86400 && tm.tm_mon == 2 && tm.tm_mday == 3,
	      "timegm normalises the day of month");
}

static void zones(void)
{
	char *old = getenv("TZ") ? strdup(getenv("TZ")) : NULL;
	struct tm tm;
	char b[128];

	setenv("TZ", "EST5EDT,M3.2.0,M11.1.0", 1);
	tzset();
	/* 2024-07-01 12:00 UTC is 08:00 EDT */
	time_t t = (time_t)days_from_civil(2024, 7, 1) * 86400 + 12 * 3600;
	CHECK(localtime_r(&t, &tm) && tm.tm_hour == 8 && tm.tm_isdst == 1, "summer in New York");
	strftime(b, sizeof(b), "%Y-%m-%d %H:%M:%S %Z %z", &tm);
	CHECK(strcmp(b, "2024-07-01 08:00:00 EDT -0400") == 0, "strftime %%Z %%z: %s", b);
	t = (time_t)days_from_civil(2024, 1, 15) * 86400 + 12 * 3600;
	CHECK(localtime_r(&t, &tm) && tm.tm_hour == 7 && tm.tm_isdst == 0, "winter in New York");
	/* 2024-03-10 02:30 does not exist; 01:59:59 EST + 1 s is 03:00 EDT */
	t = (time_t)days_from_civil(2024, 3, 10) * 86400 + 7 * 3600 - 1;
	localtime_r(&t, &tm);
	CHECK(tm.tm_hour == 1 && tm.tm_min == 59 && tm.tm_isdst == 0, "just before the change");
	t++;
	localtime_r(&t, &tm);
	CHECK(tm.tm_hour == 3 && tm.tm_min == 0 && tm.tm_isdst == 1, "just after it: 03:00 EDT");
	tm.tm_isdst = -1;
	CHECK(mktime(&tm) == t, "mktime inverts localtime");

	setenv("TZ", "<+1030>-10:30<+1130>,M10.1.0,M4.1.0", 1); /* Lord Howe-like, southern */
	tzset();
	t = (time_t)days_from_civil(2024, 1, 1) * 86400;
	localtime_r(&t, &tm);
	CHECK(tm.tm_hour == 11 && tm.tm_min == 30 && tm.tm_isdst == 1,
	      "southern summer with a half-hour offset (%02d:%02d dst %d)", tm.tm_hour, tm.tm_min,
	      tm.tm_isdst);
	setenv("TZ", "UTC0", 1);
	tzset();
	memset(&tm, 0, sizeof(tm));
	char *end = strptime("2021-12-25 18:30:05", "%Y-%m-%d %H:%M:%S", &tm);
	CHECK(end && *end == 0 && tm.tm_year == 121 && tm.tm_mon == 11 && tm.tm_mday == 25 &&
	              tm.tm_hour == 18 && tm.tm_sec == 5,
	      "strptime");
	CHECK(mktime(&tm) ==
	              (time_t)days_from_civil(2021, 12, 25) * 86400 + 18 * 3600 + 30 * 60 + 5,
	      "mktime in UTC");
	strftime(b, sizeof(b), "%a %b %e %j %U %u %V %G %C %y %p %I %%", &tm);
	CHECK(strcmp(b, "Sat Dec 25 359 51 6 51 2021 20 21 PM 06 %") == 0, "strftime fields: %s",
	      b);
	CHECK(strftime(b, 5, "%Y-%m-%d", &tm) == 0, "strftime into a short buffer returns 0");
	if (old)
		setenv("TZ", old, 1);
	else
		unsetenv("TZ");
	tzset();
	free(old);

	/* the clock and time() agree */
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	time_t now = time(NULL);
	CHECK(now - ts.tv_sec >= 0 && now - ts.tv_sec <= 1, "time() and CLOCK_REALTIME agree");
}

static void locales(void)
{
	CHECK(strcmp(setlocale(LC_ALL, NULL), "C") == 0, "programs start in the C locale");
	CHECK(setlocale(LC_ALL, "POSIX") != NULL, "POSIX is accepted");
	CHECK(setlocale(LC_ALL, "xx_YY.nonsense") == NULL, "an unknown locale is refused");
	CHECK(strcmp(nl_langinfo(CODESET), "ANSI_X3.4-1968") == 0 ||
	              strcmp(nl_langinfo(CODESET), "ASCII") == 0,
	      "C codeset (%s)", nl_langinfo(CODESET));
	CHECK(setlocale(LC_ALL, "C.UTF-8") != NULL, "C.UTF-8");
	CHECK(strcmp(nl_langinfo(CODESET), "UTF-8") == 0, "C.UTF-8 codeset (%s)",
	      nl_langinfo(CODESET));
	struct lconv *lc = localeconv();
	CHECK(lc && strcmp(lc->decimal_point, ".") == 0 && strcmp(lc->thousands_sep, "") == 0,
	      "localeconv");
	locale_t l = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
	CHECK(l != (locale_t)0, "newlocale");
	setlocale(LC_ALL, "C");
	if (l) {
		locale_t prev = uselocale(l);
		CHECK(MB_CUR_MAX == 4, "uselocale switches the thread to UTF-8");
		uselocale(prev);
		CHECK(MB_CUR_MAX == 1, "and back");
		freelocale(l);
	}
	CHECK(strcmp(nl_langinfo(DAY_1), "Sunday") == 0 &&
	              strcmp(nl_langinfo(MON_12), "December") == 0,
	      "day and month names");
}

SUITE_GROUP(libc_timefmt)
{
	calendar();
	zones();
	locales();
}
