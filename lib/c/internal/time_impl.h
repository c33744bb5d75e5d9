/*
 * time_impl.h - private interface of lib/c/time: calendar arithmetic on the
 * proleptic Gregorian calendar with 64-bit day and second counts, and the
 * time zone state built by tzset() from TZ.
 */
#ifndef QSOE_TIME_IMPL_H
#define QSOE_TIME_IMPL_H

#include <stdint.h>
#include <time.h>

#define SECS_PER_DAY 86400

/* Days from 1970-01-01 to y-m-d (m 1..12, d any: it is simply added). */
int64_t __days_from_civil(int64_t y, int m, int64_t d);
/* The date of day `days` after 1970-01-01: year, month 1..12, day 1..31. */
void __civil_from_days(int64_t days, int64_t *y, int *m, int *d);
/* 1 if y is a leap year. */
int __is_leap(int64_t y);
/* Days in month m (1..12) of year y. */
int __month_days(int64_t y, int m);

/*
 * Breaks t (seconds since the Epoch, already shifted to local time) down
 * into tm_sec..tm_yday. Returns 0, or -1 if the year does not fit an int.
 */
int __secs_to_tm(int64_t t, struct tm *tm);
/*
 * The seconds since the Epoch of the broken-down time tm read as UTC, with
 * every field normalised (any int values). Returns 0, or -1 on overflow.
 */
int __tm_to_secs(const struct tm *tm, int64_t *t);

/*
 * Local time of the UTC instant t under the current TZ (tzset() has run):
 * stores the offset east of UTC, the DST flag and the zone abbreviation.
 */
void __tz_query(int64_t t, long *gmtoff, int *isdst, const char **zone);
/*
 * The UTC instant for local time `local` (seconds, as from __tm_to_secs)
 * under the current TZ. isdst > 0 / == 0 take the DST / standard offset;
 * isdst < 0 chooses as mktime() must. Returns the chosen isdst.
 */
int __tz_to_utc(int64_t local, int isdst, int64_t *utc);
/* Runs tzset() and locks the zone state; __tz_unlock() releases it. */
void __tz_lock(void);
void __tz_unlock(void);

#endif /* QSOE_TIME_IMPL_H */
