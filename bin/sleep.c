/*
 * sleep - suspend execution for an interval.
 *
 * Operands are decimal numbers of seconds, possibly fractional, with an
 * optional unit suffix s, m, h or d (as coreutils); several operands add up.
 */
#include "qu.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

QU_USAGE("Usage: sleep time[smhd]...\n"
         "Sleeps for the sum of the intervals; fractions are allowed (0.5, 1.5m).\n");

/* Parses one interval; returns seconds or -1 if invalid. */
static double parse_interval(const char *s)
{
	double v;
	char *end;
	const char *p;

	for (p = s; *p; p++)
		if (!strchr("0123456789.smhd", *p))
			return -1;
	if (*s < '0' && *s != '.')
		return -1;
	errno = 0;
	v = strtod(s, &end);
	if (end == s || errno || v < 0 || isnan(v))
		return -1;
	if (*end) {
		if (end[1])
			return -1;
		switch (*end) {
		case 's':
			break;
		case 'm':
			v *= 60;
			break;
		case 'h':
			v *= 3600;
			break;
		case 'd':
			v *= 86400;
			break;
		default:
			return -1;
		}
	}
	return v;
}

int main(int argc, char **argv)
{
	double total = 0, v;
	struct timespec ts, rem;
	int i, bad = 0;

	qu_init(argv[0]);
	qu_getopt(argc, argv, "");
	if (qu_optind >= argc)
		qu_usage(1, "missing operand");
	for (i = qu_optind; i < argc; i++) {
		v = parse_interval(argv[i]);
		if (v < 0) {
			qu_err("invalid time interval %s", qu_quote(argv[i]));
			bad = 1;
		}
		total += v;
	}
	if (bad)
		qu_usage(1, NULL);
	if (total > 1e15)
		total = 1e15;
	ts.tv_sec = (time_t)total;
	ts.tv_nsec = (long)((total - (double)ts.tv_sec) * 1e9);
	if (ts.tv_nsec > 999999999)
		ts.tv_nsec = 999999999;
	while (nanosleep(&ts, &rem) != 0) {
		if (errno != EINTR)
			qu_die_errno(1, errno, "cannot sleep");
		ts = rem;
	}
	return 0;
}
