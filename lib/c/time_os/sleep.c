/*
 * sleep.c - sleep and usleep over nanosleep (which, with clock_nanosleep,
 * is a seam function of libqsoe.so: a sleep is one kernel call). Both are
 * cancellation points.
 */
#include <time.h>
#include <unistd.h>
#include "qsoe_os.h"

/* Returns the seconds not slept (a signal handler ran), else 0. */
unsigned sleep(unsigned seconds)
{
	struct timespec req = {.tv_sec = seconds}, rem = {0};

	__qsoe_testcancel();
	if (nanosleep(&req, &rem) < 0 && errno == EINTR) {
		__qsoe_testcancel();
		return (unsigned)rem.tv_sec + (rem.tv_nsec > 0);
	}
	return 0;
}

int usleep(useconds_t usec)
{
	struct timespec req = {.tv_sec = usec / 1000000, .tv_nsec = (long)(usec % 1000000) * 1000};

	__qsoe_testcancel();
	int r = nanosleep(&req, NULL);
	if (r < 0 && errno == EINTR)
		__qsoe_testcancel();
	return r;
}
