/*
 * sys/time.h - time types (POSIX): struct timeval (QNX layout, from the
 * ABI fragment), interval timers and gettimeofday(); select() (sys/select.h).
 */
#ifndef _SYS_TIME_H
#define _SYS_TIME_H

#include <sys/cdefs.h>
#include <qsoe/abi/types.h>
#include <qsoe/abi/time.h>
#include <sys/select.h>

__BEGIN_DECLS

#ifndef __DEFINED_time_t
#define __DEFINED_time_t
typedef __time_t time_t;
#endif
#ifndef __DEFINED_suseconds_t
#define __DEFINED_suseconds_t
typedef __suseconds_t suseconds_t;
#endif

struct itimerval {
	struct timeval it_interval;
	struct timeval it_value;
};

#define ITIMER_REAL    0
#define ITIMER_VIRTUAL 1
#define ITIMER_PROF    2

#define timerisset(tv) ((tv)->tv_sec || (tv)->tv_usec)
#define timerclear(tv) ((tv)->tv_sec = (tv)->tv_usec = 0)
#define timercmp(a, b, op) \
	((a)->tv_sec == (b)->tv_sec ? (a)->tv_usec op(b)->tv_usec : (a)->tv_sec op(b)->tv_sec)
#define timeradd(a, b, r)                                   \
	do {                                                \
		(r)->tv_sec = (a)->tv_sec + (b)->tv_sec;    \
		(r)->tv_usec = (a)->tv_usec + (b)->tv_usec; \
		if ((r)->tv_usec >= 1000000) {              \
			(r)->tv_sec++;                      \
			(r)->tv_usec -= 1000000;            \
		}                                           \
	} while (0)
#define timersub(a, b, r)                                   \
	do {                                                \
		(r)->tv_sec = (a)->tv_sec - (b)->tv_sec;    \
		(r)->tv_usec = (a)->tv_usec - (b)->tv_usec; \
		if ((r)->tv_usec < 0) {                     \
			(r)->tv_sec--;                      \
			(r)->tv_usec += 1000000;            \
		}                                           \
	} while (0)

int gettimeofday(struct timeval *__restrict tv, void *__restrict tz);
int settimeofday(const struct timeval *tv, const void *tz);
int getitimer(int which, struct itimerval *value);
int setitimer(int which, const struct itimerval *__restrict value,
              struct itimerval *__restrict ovalue);
int utimes(const char *path, const struct timeval times[2]);

__END_DECLS

#endif /* _SYS_TIME_H */
