/*
 * g_time.c - group "time": clocks (monotonic never goes back, realtime is
 * after 2020 or at least set, CPU time grows), resolutions, nanosleep and
 * its errors, sleep/usleep, times/clock, gettimeofday.
 */
#include <sys/time.h>
#include <signal.h>
#include <sys/times.h>
#include <time.h>
#include <unistd.h>
#include "suite.h"

SUITE_GROUP(time)
{
	struct timespec a, b, res;

	CHECK_OK(clock_gettime(CLOCK_MONOTONIC, &a));
	CHECK_OK(clock_gettime(CLOCK_MONOTONIC, &b));
	CHECK(b.tv_sec > a.tv_sec || (b.tv_sec == a.tv_sec && b.tv_nsec >= a.tv_nsec),
	      "CLOCK_MONOTONIC does not go back");
	CHECK_OK(clock_gettime(CLOCK_REALTIME, &a));
	CHECK_OK(clock_getres(CLOCK_MONOTONIC, &res));
	CHECK(res.tv_sec == 0 && res.tv_nsec > 0 && res.tv_nsec <= 10000000,
	      "a monotonic resolution of at most 10 ms (%ld ns)", res.tv_nsec);
	CHECK_ERR(clock_gettime(12345, &a), -1, EINVAL);
	CHECK_ERR(clock_settime(CLOCK_MONOTONIC, &a), -1, EINVAL);

	/* CPU time grows while we compute */
	CHECK_OK(clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &a));
	volatile unsigned long x = 0;
	for (unsigned long i = 0; i < 3000000; i++)
		x += i;
	CHECK_OK(clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &b));
	CHECK(b.tv_sec > a.tv_sec || b.tv_nsec > a.tv_nsec, "process CPU time grows");
	CHECK_OK(clock_gettime(CLOCK_THREAD_CPUTIME_ID, &b));

	/* sleeping */
	unsigned long long t0 = suite_now_ns();
	struct timespec req = {0, 50000000};
	CHECK_OK(nanosleep(&req, NULL));
	unsigned long long ms = (suite_now_ns() - t0) / 1000000;
	CHECK(ms >= 50 && ms < 2000, "nanosleep(50 ms) took %llu ms", ms);
	t0 = suite_now_ns();
	CHECK_OK(usleep(20000));
	ms = (suite_now_ns() - t0) / 1000000;
	CHECK(ms >= 20 && ms < 2000, "usleep(20 ms) took %llu ms", ms);
	req.tv_nsec = 1000000000;
	CHECK_ERR(nanosleep(&req, NULL), -1, EINVAL);
	struct timespec past = {0, 0};
	CHECK_EQ(clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &past, NULL), 0);
	CHECK_EQ(sleep(0), 0);

	/* a POSIX timer that notifies nobody: armed, counting down, expired */
	timer_t tid;
	struct sigevent ev;
	memset(&ev, 0, sizeof(ev));
	ev.sigev_notify = SIGEV_NONE;
	CHECK_OK(timer_create(CLOCK_MONOTONIC, &ev, &tid));
	struct itimerspec its = {.it_value = {0, 80000000}}, cur;
	CHECK_OK(timer_settime(tid, 0, &its, NULL));
	CHECK_OK(timer_gettime(tid, &cur));
	CHECK(cur.it_value.tv_sec == 0 && cur.it_value.tv_nsec > 0 &&
	              cur.it_value.tv_nsec <= 80000000,
	      "an armed timer counts down (%ld ns left)", cur.it_value.tv_nsec);
	usleep(120000);
	CHECK_OK(timer_gettime(tid, &cur));
	CHECK(cur.it_value.tv_sec == 0 && cur.it_value.tv_nsec == 0, "it has expired (%ld ns left)",
	      cur.it_value.tv_nsec);
	CHECK(timer_getoverrun(tid) >= 0, "timer_getoverrun");
	CHECK_OK(timer_delete(tid));
	CHECK_ERR(timer_delete(tid), -1, EINVAL);

	struct tms tm;
	CHECK(times(&tm) != (clock_t)-1, "times");
	CHECK(clock() != (clock_t)-1, "clock");
	struct timeval tv;
	CHECK_OK(gettimeofday(&tv, NULL));
	CHECK(tv.tv_usec >= 0 && tv.tv_usec < 1000000, "gettimeofday's microseconds are in range");
	CHECK(time(NULL) != (time_t)-1, "time");
}
