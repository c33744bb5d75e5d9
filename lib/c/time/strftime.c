/*
 * strftime.c - strftime() and strftime_l(), C and POSIX locale.
 *
 * Every POSIX conversion, the E and O modifiers (which change nothing in
 * the POSIX locale), the POSIX.1-2024 flags '0' and '+' with a field width,
 * and the common extensions %k %l %P %s and the flags '_', '-', '^', '#'
 * with the meaning glibc and the BSDs give them.
 */
#include <string.h>
#include "time_impl.h"

static const char *const day_names[7] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                         "Thursday", "Friday", "Saturday"};
static const char *const mon_names[12] = {"January",   "February", "March",    "April",
                                          "May",       "June",     "July",     "August",
                                          "September", "October",  "November", "December"};

/* The conversion characters strftime knows. */
#define CONVERSIONS "aAbBcCdDeFgGhHIjklmMnpPrRsStTuUVwWxXyYzZ%"

/* The output buffer. */
struct out {
	char *s;
	size_t max, n; /* n may exceed max: the result is then too long */
};

static void put(struct out *o, char c)
{
	if (o->n < o->max)
		o->s[o->n] = c;
	o->n++;
}

/* Field flags. */
struct spec {
	int pad;    /* 0 default, '_' spaces, '-' none, '0' zeros, '+' zeros and a sign */
	int upper;  /* '^' */
	int swap;   /* '#' */
	long width; /* -1 when not given */
};

/*
 * Puts a string field: padded to the width with spaces (zeros for '0' and
 * '+'), upper-cased by '^', and by '#' upper-cased (or lower-cased when
 * lower_on_swap, for %p and %Z).
 */
static void put_str(struct out *o, const struct spec *sp, const char *s, int lower_on_swap)
{
	size_t len = strlen(s);
	if (sp->width > 0)
		for (long i = (long)len; i < sp->width; i++)
			put(o, sp->pad == '0' || sp->pad == '+' ? '0' : ' ');
	for (; *s; s++) {
		char c = *s;
		if (sp->upper || (sp->swap && !lower_on_swap)) {
			if (c >= 'a' && c <= 'z')
				c = (char)(c - 'a' + 'A');
		} else if (sp->swap && lower_on_swap) {
			if (c >= 'A' && c <= 'Z')
				c = (char)(c - 'A' + 'a');
		}
		put(o, c);
	}
}

/*
 * Puts a number: default minimum width dwidth and padding dpad ('0' or
 * '_'), overridden by the flags and width. plus_limit is 4 for years and 2
 * for centuries: with the '+' flag (zero padding, default width plus_limit)
 * a '+' precedes a non-negative value whose field would take more than
 * plus_limit bytes, as POSIX specifies.
 */
static void put_num(struct out *o, const struct spec *sp, long long v, int dwidth, int dpad,
                    int plus_limit)
{
	char tmp[32];
	int n = 0, neg = v < 0;
	unsigned long long u = neg ? 0ULL - (unsigned long long)v : (unsigned long long)v;
	do {
		tmp[n++] = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	int pad = sp->pad ? sp->pad : dpad;
	long width = sp->width >= 0 ? sp->width : dwidth;
	if (sp->width < 0 && pad == '+' && plus_limit)
		width = plus_limit;
	if (pad == '-') /* no default padding; an explicit width pads with spaces */
		pad = '_', width = sp->width >= 0 ? sp->width : 0;
	char sign = 0;
	if (neg)
		sign = '-';
	else if (pad == '+' && plus_limit && (n > width ? n : width) > plus_limit)
		sign = '+';
	long len = n + (sign != 0);
	if (pad == '_')
		for (long i = len; i < width; i++)
			put(o, ' ');
	if (sign)
		put(o, sign);
	if (pad != '_')
		for (long i = len; i < width; i++)
			put(o, '0');
	while (n)
		put(o, tmp[--n]);
}

/* ISO 8601 week-based year and week number of tm. */
static void iso_week(const struct tm *tm, long long *year, int *week)
{
	long long y = (long long)tm->tm_year + 1900;
	int yday = tm->tm_yday, wday = (tm->tm_wday + 6) % 7; /* Monday = 0 */
	/* the Monday on or before the week containing January 4 */
	int w = (yday - wday + 10) / 7;
	if (w < 1) {
		/* last week of the previous year */
		y--;
		int pyday = yday + 365 + __is_leap(y);
		w = (pyday - wday + 10) / 7;
	} else {
		int days = 365 + __is_leap(y);
		if (w == 53 && yday - wday + 3 >= days) { /* belongs to next year's week 1 */
			y++;
			w = 1;
		}
	}
	*year = y;
	*week = w;
}

static size_t format(struct out *o, const char *fmt, const struct tm *tm);

/* One conversion; c is the conversion character. */
static void conv(struct out *o, const struct spec *sp, int c, const struct tm *tm)
{
	long long year = (long long)tm->tm_year + 1900;
	long long iy;
	int iw;
	char buf[64];
	switch (c) {
	case 'a':
		if (tm->tm_wday < 0 || tm->tm_wday > 6) {
			put_str(o, sp, "?", 0);
			break;
		}
		memcpy(buf, day_names[tm->tm_wday], 3);
		buf[3] = 0;
		put_str(o, sp, buf, 0);
		break;
	case 'A':
		put_str(o, sp, tm->tm_wday >= 0 && tm->tm_wday <= 6 ? day_names[tm->tm_wday] : "?",
		        0);
		break;
	case 'b':
	case 'h':
		if (tm->tm_mon < 0 || tm->tm_mon > 11) {
			put_str(o, sp, "?", 0);
			break;
		}
		memcpy(buf, mon_names[tm->tm_mon], 3);
		buf[3] = 0;
		put_str(o, sp, buf, 0);
		break;
	case 'B':
		put_str(o, sp, tm->tm_mon >= 0 && tm->tm_mon <= 11 ? mon_names[tm->tm_mon] : "?",
		        0);
		break;
	case 'c': {
		struct out sub = {buf, sizeof(buf) - 1, 0};
		format(&sub, "%a %b %e %H:%M:%S %Y", tm);
		buf[sub.n < sizeof(buf) ? sub.n : sizeof(buf) - 1] = 0;
		put_str(o, sp, buf, 0);
		break;
	}
	case 'C': {
		long long cc = year / 100 - (year % 100 < 0);
		put_num(o, sp, cc, 2, '0', 2);
		break;
	}
	case 'd':
		put_num(o, sp, tm->tm_mday, 2, '0', 0);
		break;
	case 'D':
		format(o, "%m/%d/%y", tm);
		break;
	case 'e':
		put_num(o, sp, tm->tm_mday, 2, '_', 0);
		break;
	case 'F': {
		/* %+4Y-%m-%d; flags and a width (less the 6 of -mm-dd) apply to the year */
		struct spec ys = {sp->pad, 0, 0, -1};
		if (sp->width >= 0) {
			ys.width = sp->width > 6 ? sp->width - 6 : 0;
			if (!ys.pad)
				ys.pad = '_';
		} else if (!ys.pad) {
			ys.pad = '+';
		}
		put_num(o, &ys, year, 1, '0', 4);
		format(o, "-%m-%d", tm);
		break;
	}
	case 'g':
		iso_week(tm, &iy, &iw);
		put_num(o, sp, (iy % 100 + 100) % 100, 2, '0', 0);
		break;
	case 'G':
		iso_week(tm, &iy, &iw);
		put_num(o, sp, iy, 1, '0', 4);
		break;
	case 'H':
		put_num(o, sp, tm->tm_hour, 2, '0', 0);
		break;
	case 'I':
		put_num(o, sp, (tm->tm_hour + 11) % 12 + 1, 2, '0', 0);
		break;
	case 'j':
		put_num(o, sp, tm->tm_yday + 1, 3, '0', 0);
		break;
	case 'k':
		put_num(o, sp, tm->tm_hour, 2, '_', 0);
		break;
	case 'l':
		put_num(o, sp, (tm->tm_hour + 11) % 12 + 1, 2, '_', 0);
		break;
	case 'm':
		put_num(o, sp, tm->tm_mon + 1, 2, '0', 0);
		break;
	case 'M':
		put_num(o, sp, tm->tm_min, 2, '0', 0);
		break;
	case 'n':
		put(o, '\n');
		break;
	case 'p':
		put_str(o, sp, tm->tm_hour >= 12 ? "PM" : "AM", 1);
		break;
	case 'P': { /* lower case; '^' and '#' do not change it (as glibc) */
		struct spec ps = {sp->pad, 0, 0, sp->width};
		put_str(o, &ps, tm->tm_hour >= 12 ? "pm" : "am", 0);
		break;
	}
	case 'r':
		format(o, "%I:%M:%S %p", tm);
		break;
	case 'R':
		format(o, "%H:%M", tm);
		break;
	case 's': {
		struct tm t = *tm;
		put_num(o, sp, (long long)mktime(&t), 1, '0', 0);
		break;
	}
	case 'S':
		put_num(o, sp, tm->tm_sec, 2, '0', 0);
		break;
	case 't':
		put(o, '\t');
		break;
	case 'T':
		format(o, "%H:%M:%S", tm);
		break;
	case 'u':
		put_num(o, sp, tm->tm_wday == 0 ? 7 : tm->tm_wday, 1, '0', 0);
		break;
	case 'U':
		put_num(o, sp, (tm->tm_yday + 7 - tm->tm_wday) / 7, 2, '0', 0);
		break;
	case 'V':
		iso_week(tm, &iy, &iw);
		put_num(o, sp, iw, 2, '0', 0);
		break;
	case 'w':
		put_num(o, sp, tm->tm_wday, 1, '0', 0);
		break;
	case 'W':
		put_num(o, sp, (tm->tm_yday + 7 - (tm->tm_wday + 6) % 7) / 7, 2, '0', 0);
		break;
	case 'x':
		format(o, "%m/%d/%y", tm);
		break;
	case 'X':
		format(o, "%H:%M:%S", tm);
		break;
	case 'y':
		put_num(o, sp, (year % 100 + 100) % 100, 2, '0', 0);
		break;
	case 'Y':
		put_num(o, sp, year, 1, '0', 4);
		break;
	case 'z': {
		/* +hhmm east of UTC ('-' drops the padding of hhmm) */
		long off = tm->tm_gmtoff;
		long a = off < 0 ? -off : off;
		struct spec zs = {sp->pad == '-' ? '-' : '0', 0, 0, -1};
		put(o, off < 0 ? '-' : '+');
		put_num(o, &zs, a / 3600 * 100 + a / 60 % 60, 4, '0', 0);
		break;
	}
	case 'Z':
		put_str(o, sp, tm->tm_zone ? tm->tm_zone : "", 1);
		break;
	case '%':
		put(o, '%');
		break;
	}
}

/* Formats fmt into o; returns the length the result needs. */
static size_t format(struct out *o, const char *fmt, const struct tm *tm)
{
	for (const char *p = fmt; *p; p++) {
		if (*p != '%') {
			put(o, *p);
			continue;
		}
		const char *start = p;
		struct spec sp = {0, 0, 0, -1};
		for (;;) {
			char f = p[1];
			if (f == '_' || f == '-' || f == '0' || f == '+')
				sp.pad = f;
			else if (f == '^')
				sp.upper = 1;
			else if (f == '#')
				sp.swap = 1;
			else
				break;
			p++;
		}
		if (p[1] >= '1' && p[1] <= '9') {
			long w = 0;
			while (p[1] >= '0' && p[1] <= '9') {
				if (w < 100000)
					w = w * 10 + (p[1] - '0');
				p++;
			}
			sp.width = w;
		}
		if (p[1] == 'E' || p[1] == 'O')
			p++;
		if (!p[1] || !strchr(CONVERSIONS, p[1])) {
			/* an unknown or incomplete conversion is copied as it is */
			for (; start <= p + 1 && *start; start++)
				put(o, *start);
			if (!p[1])
				break;
			p++;
			continue;
		}
		conv(o, &sp, *++p, tm);
	}
	return o->n;
}

/*
 * Formats *tm under the control of fmt into s (at most max bytes with the
 * terminating NUL). Returns the length without the NUL, or 0 if it did not
 * fit (s's contents are then unspecified).
 */
size_t strftime(char *restrict s, size_t max, const char *restrict fmt,
                const struct tm *restrict tm)
{
	struct out o = {s, max, 0};
	size_t n = format(&o, fmt, tm);
	if (n >= max) {
		if (max)
			s[max - 1] = 0;
		return 0;
	}
	s[n] = 0;
	return n;
}

/* strftime() in locale l (QSOE's locales all format time as the POSIX locale). */
size_t strftime_l(char *restrict s, size_t max, const char *restrict fmt,
                  const struct tm *restrict tm, locale_t l)
{
	(void)l;
	return strftime(s, max, fmt, tm);
}
