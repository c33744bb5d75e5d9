/*
 * strptime.c - strptime(), the inverse of strftime() for the POSIX locale.
 *
 * Every POSIX conversion (with the E and O modifiers), plus %F %G %g %k
 * %l %P %s %u %V %z %Z as glibc accepts them. White space in the format
 * matches any amount (including none) of white space in the input. Fields
 * that are implied by the ones parsed are filled in at the end as glibc
 * does: tm_wday and tm_yday from a full date, the month and day from a
 * year and day of year, a date from a year, week number and weekday.
 */
#include <string.h>
#include "time_impl.h"

static const char *const day_names[7] = {"sunday",   "monday", "tuesday", "wednesday",
                                         "thursday", "friday", "saturday"};
static const char *const mon_names[12] = {"january",   "february", "march",    "april",
                                          "may",       "june",     "july",     "august",
                                          "september", "october",  "november", "december"};

static int is_space(int c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

static int lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* Skips white space. */
static const char *skip_ws(const char *s)
{
	while (is_space((unsigned char)*s))
		s++;
	return s;
}

/*
 * Parses an optionally signed decimal number of at most maxd digits in
 * [lo, hi]; leading white space is skipped. Returns the end, or NULL.
 */
static const char *get_num(const char *s, long long *v, int maxd, long long lo, long long hi,
                           int sign_ok)
{
	s = skip_ws(s);
	int neg = 0;
	if (sign_ok && (*s == '+' || *s == '-'))
		neg = *s++ == '-';
	if (*s < '0' || *s > '9')
		return NULL;
	/* digits are taken while the value can still grow within the range */
	long long x = 0;
	int n = 0;
	do
		x = x * 10 + (*s++ - '0');
	while (++n < maxd && *s >= '0' && *s <= '9' && x * 10 <= (hi < 0 ? -lo : hi));
	if (neg)
		x = -x;
	if (x < lo || x > hi)
		return NULL;
	*v = x;
	return s;
}

/* Matches the full or three-letter name from names[n], case-insensitively. */
static const char *get_name(const char *s, const char *const *names, int n, int *idx)
{
	for (int i = 0; i < n; i++) {
		size_t len = strlen(names[i]), k = 0;
		while (k < len && s[k] && lower((unsigned char)s[k]) == names[i][k])
			k++;
		if (k == len) {
			*idx = i;
			return s + len;
		}
		if (k >= 3) {
			*idx = i;
			return s + 3;
		}
	}
	return NULL;
}

/* What the conversions have given, for the derivations at the end. */
struct state {
	int have_year, have_mon, have_mday, have_yday, have_wday;
	int have_century, century, have_yy, yy;
	int week_kind, week; /* 'U', 'W' or 0 */
	int pm_set, pm, have_12h, h12;
};

static const char *parse(const char *s, const char *fmt, struct tm *tm, struct state *st);

/* One conversion c at s; returns the end of its input, or NULL. */
static const char *conv(const char *s, int c, struct tm *tm, struct state *st)
{
	long long v;
	int idx;
	switch (c) {
	case 'a':
	case 'A':
		s = get_name(skip_ws(s), day_names, 7, &idx);
		if (s) {
			tm->tm_wday = idx;
			st->have_wday = 1;
		}
		return s;
	case 'b':
	case 'B':
	case 'h':
		s = get_name(skip_ws(s), mon_names, 12, &idx);
		if (s) {
			tm->tm_mon = idx;
			st->have_mon = 1;
		}
		return s;
	case 'c':
		return parse(s, "%a %b %e %H:%M:%S %Y", tm, st);
	case 'C':
		if (!(s = get_num(s, &v, 2, 0, 99, 0)))
			return NULL;
		st->have_century = 1;
		st->century = (int)v;
		return s;
	case 'd':
	case 'e':
		if (!(s = get_num(s, &v, 2, 1, 31, 0)))
			return NULL;
		tm->tm_mday = (int)v;
		st->have_mday = 1;
		return s;
	case 'D':
		return parse(s, "%m/%d/%y", tm, st);
	case 'F':
		return parse(s, "%Y-%m-%d", tm, st);
	case 'G':
		return get_num(s, &v, 4, 0, 9999, 1); /* parsed, not used (as glibc) */
	case 'g':
		return get_num(s, &v, 2, 0, 99, 0);
	case 'H':
	case 'k':
		if (!(s = get_num(s, &v, 2, 0, 23, 0)))
			return NULL;
		tm->tm_hour = (int)v;
		st->have_12h = 0;
		return s;
	case 'I':
	case 'l':
		if (!(s = get_num(s, &v, 2, 1, 12, 0)))
			return NULL;
		tm->tm_hour = (int)v % 12;
		st->have_12h = 1;
		return s;
	case 'j':
		if (!(s = get_num(s, &v, 3, 1, 366, 0)))
			return NULL;
		tm->tm_yday = (int)v - 1;
		st->have_yday = 1;
		return s;
	case 'm':
		if (!(s = get_num(s, &v, 2, 1, 12, 0)))
			return NULL;
		tm->tm_mon = (int)v - 1;
		st->have_mon = 1;
		return s;
	case 'M':
		if (!(s = get_num(s, &v, 2, 0, 59, 0)))
			return NULL;
		tm->tm_min = (int)v;
		return s;
	case 'n':
	case 't':
		return skip_ws(s);
	case 'p':
	case 'P':
		s = skip_ws(s);
		if (lower((unsigned char)s[0]) == 'a' && lower((unsigned char)s[1]) == 'm')
			st->pm = 0;
		else if (lower((unsigned char)s[0]) == 'p' && lower((unsigned char)s[1]) == 'm')
			st->pm = 1;
		else
			return NULL;
		st->pm_set = 1;
		return s + 2;
	case 'r':
		return parse(s, "%I:%M:%S %p", tm, st);
	case 'R':
		return parse(s, "%H:%M", tm, st);
	case 's': {
		s = skip_ws(s);
		int neg = *s == '-';
		if (neg || *s == '+')
			s++;
		if (*s < '0' || *s > '9')
			return NULL;
		long long t = 0;
		while (*s >= '0' && *s <= '9') {
			if (t > (9223372036854775807LL - 9) / 10)
				return NULL;
			t = t * 10 + (*s++ - '0');
		}
		time_t tt = neg ? -t : t;
		if (!localtime_r(&tt, tm))
			return NULL;
		st->have_year = st->have_mon = st->have_mday = 1;
		return s;
	}
	case 'S':
		if (!(s = get_num(s, &v, 2, 0, 60, 0)))
			return NULL;
		tm->tm_sec = (int)v;
		return s;
	case 'T':
		return parse(s, "%H:%M:%S", tm, st);
	case 'u':
		if (!(s = get_num(s, &v, 1, 1, 7, 0)))
			return NULL;
		tm->tm_wday = (int)v % 7;
		st->have_wday = 1;
		return s;
	case 'U':
	case 'W':
	case 'V':
		if (!(s = get_num(s, &v, 2, 0, 53, 0)))
			return NULL;
		if (c != 'V') {
			st->week_kind = c;
			st->week = (int)v;
		}
		return s;
	case 'w':
		if (!(s = get_num(s, &v, 1, 0, 6, 0)))
			return NULL;
		tm->tm_wday = (int)v;
		st->have_wday = 1;
		return s;
	case 'x':
		return parse(s, "%m/%d/%y", tm, st);
	case 'X':
		return parse(s, "%H:%M:%S", tm, st);
	case 'y':
		if (!(s = get_num(s, &v, 2, 0, 99, 0)))
			return NULL;
		st->have_yy = 1;
		st->yy = (int)v;
		tm->tm_year = v < 69 ? (int)v + 100 : (int)v; /* 1969..2068 */
		st->have_year = 1;
		return s;
	case 'Y':
		if (!(s = get_num(s, &v, 4, -9999, 9999, 1)))
			return NULL;
		tm->tm_year = (int)(v - 1900);
		st->have_year = 1;
		st->have_yy = 0;
		st->have_century = 0;
		return s;
	case 'z': {
		/* [+-]hh[[:]mm] or Z */
		s = skip_ws(s);
		if (*s == 'Z') {
			tm->tm_gmtoff = 0;
			return s + 1;
		}
		if (*s != '+' && *s != '-')
			return NULL;
		int neg = *s++ == '-';
		int d[4], n = 0;
		while (n < 4 && *s >= '0' && *s <= '9') {
			d[n++] = *s++ - '0';
			if (n == 2 && *s == ':' && s[1] >= '0' && s[1] <= '9')
				s++;
		}
		if (n != 2 && n != 4)
			return NULL;
		long hh = d[0] * 10 + d[1], mm = n == 4 ? d[2] * 10 + d[3] : 0;
		if (hh > 24 || mm > 59)
			return NULL;
		tm->tm_gmtoff = (hh * 3600 + mm * 60) * (neg ? -1 : 1);
		return s;
	}
	case 'Z':
		/* a zone name: letters, skipped */
		while ((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z'))
			s++;
		return s;
	case '%':
		s = skip_ws(s);
		return *s == '%' ? s + 1 : NULL;
	default:
		return NULL;
	}
}

/* Parses s against fmt; returns the end of the input consumed, or NULL. */
static const char *parse(const char *s, const char *fmt, struct tm *tm, struct state *st)
{
	for (const char *f = fmt; *f; f++) {
		if (is_space((unsigned char)*f)) {
			s = skip_ws(s);
			continue;
		}
		if (*f != '%') {
			if (*s != *f)
				return NULL;
			s++;
			continue;
		}
		f++;
		/* glibc-style flags and width are accepted and ignored */
		while (*f == '-' || *f == '_' || *f == '0' || *f == '^' || *f == '#' || *f == '+')
			f++;
		while (*f >= '0' && *f <= '9')
			f++;
		if (*f == 'E' || *f == 'O')
			f++;
		if (!*f)
			return NULL;
		s = conv(s, *f, tm, st);
		if (!s)
			return NULL;
	}
	return s;
}

/* Weekday (0 = Sunday) of y-m-d. */
static int weekday(int64_t y, int m, int d)
{
	int64_t days = __days_from_civil(y, m, d);
	return (int)(((days + 4) % 7 + 7) % 7);
}

/*
 * Parses s according to fmt into the fields of *tm it names (the others
 * are left alone). Returns a pointer to the first unparsed character, or
 * NULL if s does not match.
 */
char *strptime(const char *restrict s, const char *restrict fmt, struct tm *restrict tm)
{
	struct state st = {0};
	const char *end = parse(s, fmt, tm, &st);
	if (!end)
		return NULL;
	if (st.have_century) {
		int yy = st.have_yy ? st.yy : 0;
		tm->tm_year = st.century * 100 + yy - 1900;
		st.have_year = 1;
	}
	if (st.pm_set && st.have_12h)
		tm->tm_hour = tm->tm_hour % 12 + (st.pm ? 12 : 0);
	else if (st.pm_set && tm->tm_hour < 12 && st.pm)
		tm->tm_hour += 12;
	if (st.have_year) {
		int64_t y = (int64_t)tm->tm_year + 1900;
		if (st.have_mon && st.have_mday) {
			tm->tm_yday = (int)(__days_from_civil(y, tm->tm_mon + 1, tm->tm_mday) -
			                    __days_from_civil(y, 1, 1));
			tm->tm_wday = weekday(y, tm->tm_mon + 1, tm->tm_mday);
		} else if (st.have_yday && !st.have_mon) {
			int64_t days = __days_from_civil(y, 1, 1) + tm->tm_yday;
			int64_t yy;
			int m, d;
			__civil_from_days(days, &yy, &m, &d);
			tm->tm_mon = m - 1;
			tm->tm_mday = d;
			tm->tm_wday = (int)(((days + 4) % 7 + 7) % 7);
		} else if (st.week_kind && st.have_wday && !st.have_mon) {
			int wd1 = weekday(y, 1, 1);
			int yday;
			if (st.week_kind == 'U')
				yday = (7 - wd1) % 7 + (st.week - 1) * 7 + tm->tm_wday;
			else
				yday = (8 - wd1) % 7 + (st.week - 1) * 7 + (tm->tm_wday + 6) % 7;
			tm->tm_yday = yday;
			int64_t yy;
			int m, d;
			__civil_from_days(__days_from_civil(y, 1, 1) + yday, &yy, &m, &d);
			tm->tm_mon = m - 1;
			tm->tm_mday = d;
		}
	}
	return (char *)end;
}
