/*
 * qsoe/abi/time.h - struct timespec, struct timeval, struct itimerspec and
 * the clock ids, with QNX Neutrino's values (QNX <time.h> documentation and
 * rust-lang/libc src/unix/nto/mod.rs). 64-bit time_t.
 * <time.h>, <sys/time.h> and the kernel include this; it declares no
 * functions.
 */
#ifndef QSOE_ABI_TIME_H
#define QSOE_ABI_TIME_H

#include <qsoe/abi/types.h>

/* Seconds and nanoseconds. 16 bytes. */
struct timespec {
	__time_t tv_sec;
	long tv_nsec; /* 0 .. 999999999 */
};

/* Seconds and microseconds. 16 bytes (tv_usec is 32-bit, then padding). */
struct timeval {
	__time_t tv_sec;
	__suseconds_t tv_usec; /* 0 .. 999999 */
};

/* Timer value and reload interval for timer_settime(). 32 bytes. */
struct itimerspec {
	struct timespec it_value;
	struct timespec it_interval;
};

/* Clock ids. ClockId() returns further ids for per-process/thread CPU clocks. */
#define CLOCK_REALTIME           0 /* wall-clock time, settable */
#define CLOCK_SOFTTIME           1 /* realtime that does not wake a sleeping CPU */
#define CLOCK_MONOTONIC          2 /* time since boot, never set back */
#define CLOCK_PROCESS_CPUTIME_ID 3 /* CPU time of the calling process */
#define CLOCK_THREAD_CPUTIME_ID  4 /* CPU time of the calling thread */

/* timer_settime() / TimerSettime() / clock_nanosleep() flags. */
#define TIMER_ABSTIME 0x80000000 /* the time is absolute */
/* TIMER_TOLERANCE / TIMER_PRECISE (QNX extensions): values not confirmed from QNX docs. */
#define TIMER_TOLERANCE 0x40000000 /* set the timer's tolerance (unconfirmed value) */
#define TIMER_PRECISE   0x20000000 /* ignore the process's default tolerance (unconfirmed value) */

#endif /* QSOE_ABI_TIME_H */
