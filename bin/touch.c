/*
 * touch - change file access and modification times (POSIX: -a -c -m -r -t -d).
 *
 * -t takes [[CC]YY]MMDDhhmm[.SS] in local time; -d takes an ISO 8601 date
 * "YYYY-MM-DD[(T| )hh:mm[:SS[.frac]]][Z]" or "@seconds" (a subset of what
 * coreutils accepts). Files that do not exist are created unless -c.
 */
#include "datetime.h"
#include "qu.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

QU_USAGE("Usage: touch [-acm] [-r ref_file | -t time | -d date] file...\n"
         "  -a  change the access time only     -m  the modification time only\n"
         "  -c  do not create files             -r  use the times of ref_file\n"
         "  -t  [[CC]YY]MMDDhhmm[.SS]           -d  YYYY-MM-DD[Thh:mm[:SS[.frac]]][Z]\n");

/* Converts broken-down local (or UTC) time to seconds; returns 0 or -1. */
static int make_time(struct tm *tm, int utc, time_t *out)
{
	if (tm->tm_mon < 0 || tm->tm_mon > 11 || tm->tm_mday < 1 || tm->tm_mday > 31 ||
	    tm->tm_hour > 23 || tm->tm_min > 59 || tm->tm_sec > 60)
		return -1;
	if (utc) {
		*out = (time_t)(qu_days_from_civil(tm->tm_year + 1900LL, tm->tm_mon + 1,
		                                   tm->tm_mday) *
		                        86400 +
		                tm->tm_hour * 3600 + tm->tm_min * 60 + tm->tm_sec);
		return 0;
	}
	tm->tm_isdst = -1;
	*out = mktime(tm);
	return *out == (time_t)-1 && errno == EOVERFLOW ? -1 : 0;
}

/* Parses n decimal digits at *p; returns the value or -1. */
static int digits(const char **p, int n)
{
	int v = 0;

	while (n--) {
		if (**p < '0' || **p > '9')
			return -1;
		v = v * 10 + (*(*p)++ - '0');
	}
	return v;
}

/* Parses -t's [[CC]YY]MMDDhhmm[.SS]. */
static int parse_t(const char *s, struct timespec *ts)
{
	struct tm tm;
	const char *dot = strchr(s, '.'), *p = s;
	size_t n = dot ? (size_t)(dot - s) : strlen(s);
	time_t now = time(NULL);
	int y = -1, cc = -1;

	memset(&tm, 0, sizeof(tm));
	if (strspn(s, "0123456789") != n || (n != 8 && n != 10 && n != 12))
		return -1;
	if (n == 12)
		cc = digits(&p, 2);
	if (n >= 10)
		y = digits(&p, 2);
	tm.tm_mon = digits(&p, 2) - 1;
	tm.tm_mday = digits(&p, 2);
	tm.tm_hour = digits(&p, 2);
	tm.tm_min = digits(&p, 2);
	if (dot) {
		p = dot + 1;
		if (strlen(p) != 2 || (tm.tm_sec = digits(&p, 2)) < 0)
			return -1;
	}
	if (cc >= 0)
		tm.tm_year = cc * 100 + y - 1900;
	else if (y >= 0)
		tm.tm_year = y < 69 ? y + 100 : y;
	else
		tm.tm_year = localtime(&now)->tm_year;
	ts->tv_nsec = 0;
	return make_time(&tm, 0, &ts->tv_sec);
}

int main(int argc, char **argv)
{
	int c, opt_a = 0, opt_m = 0, opt_c = 0, have_time = 0, status = 0, i, fd;
	struct timespec ts[2];
	struct stat st;
	const char *ref = NULL;

	qu_init(argv[0]);
	ts[0].tv_nsec = ts[1].tv_nsec = UTIME_NOW;
	while ((c = qu_getopt(argc, argv, "acmr:t:d:f")) != -1) {
		switch (c) {
		case 'a':
			opt_a = 1;
			break;
		case 'm':
			opt_m = 1;
			break;
		case 'c':
			opt_c = 1;
			break;
		case 'f':
			break;
		case 'r':
			ref = qu_optarg;
			break;
		case 't':
			if (parse_t(qu_optarg, &ts[0]) != 0)
				qu_die(1, "invalid date format %s", qu_quote(qu_optarg));
			ts[1] = ts[0];
			have_time = 1;
			break;
		case 'd':
			if (qu_parse_date(qu_optarg, &ts[0]) != 0)
				qu_die(1, "invalid date format %s", qu_quote(qu_optarg));
			ts[1] = ts[0];
			have_time = 1;
			break;
		}
	}
	if (ref) {
		if (have_time)
			qu_usage(1, "cannot specify times from more than one source");
		if (stat(ref, &st) != 0)
			qu_die_errno(1, errno, "failed to get attributes of %s", qu_quoteaf(ref));
		ts[0] = st.st_atim;
		ts[1] = st.st_mtim;
	}
	if (qu_optind >= argc)
		qu_usage(1, "missing file operand");
	if (opt_a && !opt_m)
		ts[1].tv_nsec = UTIME_OMIT;
	if (opt_m && !opt_a)
		ts[0].tv_nsec = UTIME_OMIT;
	for (i = qu_optind; i < argc; i++) {
		const char *f = argv[i];
		if (!strcmp(f, "-")) {
			if (futimens(STDOUT_FILENO, ts) != 0) {
				qu_errno(errno, "setting times of 'standard output'");
				status = 1;
			}
			continue;
		}
		if (!opt_c) {
			fd = open(f, O_WRONLY | O_CREAT | O_NONBLOCK, 0666);
			if (fd >= 0) {
				close(fd);
			} else if (errno != EISDIR && stat(f, &st) != 0) {
				qu_errno(errno, "cannot touch %s", qu_quoteaf(f));
				status = 1;
				continue;
			}
		}
		if (utimensat(AT_FDCWD, f, ts, 0) != 0) {
			if (opt_c && errno == ENOENT)
				continue;
			qu_errno(errno, "setting times of %s", qu_quoteaf(f));
			status = 1;
		}
	}
	return status;
}
