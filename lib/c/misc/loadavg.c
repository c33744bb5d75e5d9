/*
 * loadavg.c - BSD getloadavg(): QSOE's kernel keeps no load averages, so
 * it always fails (-1), which programs that use it handle as "unknown".
 */
#include <errno.h>
#include <stdlib.h>

/* No load averages: -1 with ENOSYS (EINVAL for n < 0). */
int getloadavg(double loadavg[], int n)
{
	(void)loadavg;
	errno = n < 0 ? EINVAL : ENOSYS;
	return -1;
}
