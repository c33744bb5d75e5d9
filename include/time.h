/*
 * time.h - date and time (ISO C 7.27, POSIX.1-2008), 64-bit time_t.
 *
 * struct timespec, struct itimerspec and the clock ids come from the ABI
 * fragment qsoe/abi/time.h. struct tm carries the BSD/QNX tm_gmtoff and
 * tm_zone members. Time zones are POSIX TZ strings only (no zoneinfo files);
 * see docs/libc.md.
 */
#ifndef _TIME_H
#define _TIME_H

#include <sys/cdefs.h>
#include <qsoe/abi/types.h>
#include <qsoe/abi/time.h>
#define __need_size_t
#define __need_NULL
#include <stddef.h>

__BEGIN_DECLS

#ifndef __DEFINED_time_t
#define __DEFINED_time_t
typedef __time_t time_t;
#endif
#ifndef __DEFINED_clock_t
#define __DEFINED_clock_t
typedef __clock_t clock_t;
#endif
#ifndef __DEFINED_clockid_t
#define __DEFINED_clockid_t
typedef __clockid_t clockid_t;
#endif
#ifndef __DEFINED_timer_t
#define __DEFINED_timer_t
typedef __timer_t timer_t;
#endif
#ifndef __DEFINED_pid_t
#define __DEFINED_pid_t
typedef __pid_t pid_t;
#endif
#ifndef __DEFINED_locale_t
#define __DEFINED_locale_t
typedef struct __qsoe_locale *locale_t;
#endif

/* Broken-down time (QNX layout: the ISO members, then tm_gmtoff and tm_zone). */
struct tm {
	int tm_sec;          /* seconds after the minute, 0..60 */
	int tm_min;          /* minutes after the hour, 0..59 */
	int tm_hour;         /* hours since midnight, 0..23 */
	int tm_mday;         /* day of the month, 1..31 */
	int tm_mon;          /* months since January, 0..11 */
	int tm_year;         /* years since 1900 */
	int tm_wday;         /* days since Sunday, 0..6 */
	int tm_yday;         /* days since January 1, 0..365 */
	int tm_isdst;        /* >0 daylight saving time, 0 standard, <0 unknown */
	long tm_gmtoff;      /* seconds east of UTC */
	const char *tm_zone; /* time zone abbreviation */
};

struct sigevent;

/* clock() ticks per second (QNX's value). */
#define CLOCKS_PER_SEC 1000
/* timespec_get() base. */
#define TIME_UTC 1

/* ISO C. */
clock_t clock(void);
double difftime(time_t t1, time_t t0) __QSOE_CONST;
time_t mktime(struct tm *tm);
time_t time(time_t *t);
int timespec_get(struct timespec *ts, int base);
int timespec_getres(struct timespec *ts, int base);
char *asctime(const struct tm *tm);
char *ctime(const time_t *t);
struct tm *gmtime(const time_t *t);
struct tm *localtime(const time_t *t);
size_t strftime(char *__restrict s, size_t max, const char *__restrict fmt,
                const struct tm *__restrict tm);

/* POSIX. */
char *asctime_r(const struct tm *__restrict tm, char *__restrict buf);
char *ctime_r(const time_t *t, char *buf);
struct tm *gmtime_r(const time_t *__restrict t, struct tm *__restrict tm);
struct tm *localtime_r(const time_t *__restrict t, struct tm *__restrict tm);
size_t strftime_l(char *__restrict s, size_t max, const char *__restrict fmt,
                  const struct tm *__restrict tm, locale_t l);
char *strptime(const char *__restrict s, const char *__restrict fmt, struct tm *__restrict tm);
void tzset(void);
extern char *tzname[2];
extern long timezone;
extern int daylight;

/* Clocks and timers (implemented over the kernel's clock and timer calls). */
int clock_getres(clockid_t id, struct timespec *res);
int clock_gettime(clockid_t id, struct timespec *ts);
int clock_settime(clockid_t id, const struct timespec *ts);
int clock_nanosleep(clockid_t id, int flags, const struct timespec *req, struct timespec *rem);
int clock_getcpuclockid(pid_t pid, clockid_t *id);
int nanosleep(const struct timespec *req, struct timespec *rem);
int timer_create(clockid_t id, struct sigevent *__restrict ev, timer_t *__restrict timerid);
int timer_delete(timer_t timerid);
int timer_gettime(timer_t timerid, struct itimerspec *value);
int timer_settime(timer_t timerid, int flags, const struct itimerspec *__restrict value,
                  struct itimerspec *__restrict ovalue);
int timer_getoverrun(timer_t timerid);

/* Common extensions: the inverse of gmtime() (BSD, glibc, QNX). */
time_t timegm(struct tm *tm);

__END_DECLS

#endif /* _TIME_H */
