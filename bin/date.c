/*
 * date - write the date and time, or set the system clock (POSIX: -u,
 * +format, and the MMDDhhmm[[CC]YY] operand for setting; also -d string and
 * -r file as GNU date).
 *
 * Formats are strftime's, plus %N (nanoseconds), %s (seconds since the
 * epoch) and the - (no padding) and _ (space padding) flags. Setting the clock
 * uses clock_settime and needs the privilege to do so.
 */
#include "datetime.h"
#include "qu.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

QU_USAGE("Usage: date [-u] [-d date | -r file] [+format]\n"
         "       date [-u] MMDDhhmm[[CC]YY]\n"
         "  -u  use UTC   -d  show the given date (@seconds or YYYY-MM-DD[Thh:mm[:ss]])\n"
         "  -r  show the modification time of file\n");

/* Formats one conversion (with its flag: 0, '-', '_' or '0') into out. */
static void convert(char conv, char flag, const struct tm *tm, const struct timespec *ts, char *out,
                    size_t n)
{
	char f[4] = {'%', conv, 0, 0}, tmp[128];
	size_t i;

	if (conv == 'N') {
		snprintf(out, n, "%09ld", ts->tv_nsec);
		return;
	}
	if (conv == 's') {
		snprintf(out, n, "%lld", (long long)ts->tv_sec);
		return;
	}
	if (!strftime(tmp, sizeof(tmp), f, tm))
		tmp[0] = 0;
	if (flag == '-' || flag == '_') {
		/* numbers: '-' drops the padding, '_' pads with blanks */
		for (i = 0;
		     (tmp[i] == '0' || tmp[i] == ' ') && tmp[i + 1] >= '0' && tmp[i + 1] <= '9';
		     i++)
			tmp[i] = ' ';
		if (flag == '-')
			memmove(tmp, tmp + i, strlen(tmp + i) + 1);
	}
	snprintf(out, n, "%s", tmp);
}

/* Prints ts with the format fmt. */
static void show(const char *fmt, const struct timespec *ts)
{
	struct tm *tm = localtime(&ts->tv_sec);
	const char *p;
	char buf[256];

	if (!tm)
		qu_die(1, "time %lld is out of range", (long long)ts->tv_sec);
	for (p = fmt; *p; p++) {
		char flag = 0;
		if (*p != '%' || !p[1]) {
			putchar(*p);
			continue;
		}
		p++;
		if (*p == '-' || *p == '_' || *p == '0') {
			flag = *p++;
			if (!*p)
				break;
		}
		if (*p == '%') {
			putchar('%');
			continue;
		}
		convert(*p, flag, tm, ts, buf, sizeof(buf));
		fputs(buf, stdout);
	}
	putchar('\n');
}

/* Parses the POSIX setting operand MMDDhhmm[[CC]YY]; returns 0 or -1. */
static int parse_set(const char *s, struct timespec *ts)
{
	struct tm tm, *now;
	time_t t = time(NULL);
	size_t n = strlen(s), i;
	int v[6];

	if (n != 8 && n != 10 && n != 12)
		return -1;
	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return -1;
	for (i = 0; i < n / 2; i++)
		v[i] = (s[2 * i] - '0') * 10 + (s[2 * i + 1] - '0');
	now = localtime(&t);
	memset(&tm, 0, sizeof(tm));
	tm.tm_mon = v[0] - 1;
	tm.tm_mday = v[1];
	tm.tm_hour = v[2];
	tm.tm_min = v[3];
	if (n == 12)
		tm.tm_year = v[4] * 100 + v[5] - 1900;
	else if (n == 10)
		tm.tm_year = v[4] < 69 ? v[4] + 100 : v[4];
	else
		tm.tm_year = now ? now->tm_year : 70;
	if (tm.tm_mon < 0 || tm.tm_mon > 11 || tm.tm_mday < 1 || tm.tm_mday > 31 ||
	    tm.tm_hour > 23 || tm.tm_min > 59)
		return -1;
	tm.tm_isdst = -1;
	ts->tv_sec = mktime(&tm);
	ts->tv_nsec = 0;
	return 0;
}

int main(int argc, char **argv)
{
	struct timespec ts;
	const char *fmt = "%a %b %e %H:%M:%S %Z %Y", *dstr = NULL, *rfile = NULL;
	int c, utc = 0;
	struct stat st;

	qu_init(argv[0]);
	while ((c = qu_getopt(argc, argv, "ud:r:")) != -1) {
		if (c == 'u')
			utc = 1;
		else if (c == 'd')
			dstr = qu_optarg;
		else
			rfile = qu_optarg;
	}
	if (utc) {
		setenv("TZ", "UTC0", 1);
		tzset();
	}
	clock_gettime(CLOCK_REALTIME, &ts);
	if (dstr && rfile)
		qu_usage(1, "the options to specify dates for printing are mutually exclusive");
	if (dstr && qu_parse_date(dstr, &ts) != 0)
		qu_die(1, "invalid date %s", qu_quote(dstr));
	if (rfile) {
		if (stat(rfile, &st) != 0)
			qu_die_errno(1, errno, "%s", rfile);
		ts = st.st_mtim;
	}
	if (qu_optind < argc && argv[qu_optind][0] == '+') {
		fmt = argv[qu_optind] + 1;
		qu_optind++;
	} else if (qu_optind < argc && !dstr && !rfile) {
		struct timespec set;
		if (parse_set(argv[qu_optind], &set) != 0)
			qu_die(1, "invalid date %s", qu_quote(argv[qu_optind]));
		qu_optind++;
		if (qu_optind < argc) {
			qu_err("extra operand %s", qu_quote(argv[qu_optind]));
			qu_usage(1, NULL);
		}
		if (clock_settime(CLOCK_REALTIME, &set) != 0)
			qu_die_errno(1, errno, "cannot set date");
		ts = set;
	}
	if (qu_optind < argc) {
		qu_err("extra operand %s", qu_quote(argv[qu_optind]));
		qu_usage(1, NULL);
	}
	show(fmt, &ts);
	return 0;
}
