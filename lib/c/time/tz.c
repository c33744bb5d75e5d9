/*
 * tz.c - time zones from POSIX TZ strings: tzset(), tzname, timezone,
 * daylight, and the offset lookups used by localtime() and mktime().
 *
 * TZ = std offset [dst [offset] [,start[/time],end[/time]]]
 *   std, dst   three or more letters, or <...> with letters, digits, + and -
 *   offset     [+-]hh[:mm[:ss]], positive west of Greenwich
 *   start, end Jn (1..365, no leap day), n (0..365) or Mm.w.d
 *   time       [+-]hh[:mm[:ss]] local time, hours -167..167, default 02:00
 * A dst name without rules uses the US rules M3.2.0,M11.1.0. TZ unset,
 * empty, or anything else (QSOE has no zoneinfo files, so ":name" and
 * "Area/City" are not understood) means UTC.
 */
#include <stdlib.h>
#include <string.h>
#include "libc.h"
#include "lock.h"
#include "time_impl.h"

char *tzname[2] = {(char *)"UTC", (char *)"UTC"};
long timezone;
int daylight;

/* A transition rule: kind 'J' (Julian, no leap day), 'D' (day of year), 'M'. */
struct rule {
	int kind;
	int m, w, d; /* M: month, week, weekday; J/D: day in d */
	long time;   /* seconds after local midnight */
};

static qsoe_lock_t tzlock = QSOE_LOCK_INIT;
static char *cur_tz;          /* copy of the TZ value in effect */
static int cur_valid;         /* cur_tz has been parsed (NULL TZ included) */
static long std_off, dst_off; /* seconds west of UTC */
static int has_dst;
static struct rule rstart, rend;
static const char *std_name = "UTC", *dst_name = "UTC";

/* Zone names are kept forever: tm_zone pointers must stay valid. */
static struct name_node {
	struct name_node *next;
	char s[];
} * names;

/* An interned copy of s[0..n), or NULL when out of memory. */
static const char *intern(const char *s, size_t n)
{
	for (struct name_node *p = names; p; p = p->next)
		if (!strncmp(p->s, s, n) && p->s[n] == 0)
			return p->s;
	struct name_node *p = malloc(sizeof(*p) + n + 1);
	if (!p)
		return NULL;
	memcpy(p->s, s, n);
	p->s[n] = 0;
	p->next = names;
	names = p;
	return p->s;
}

/* Parses a zone name at *sp into [*start, *start + *len); returns 0 or -1. */
static int parse_name(const char **sp, const char **start, size_t *len)
{
	const char *s = *sp;
	if (*s == '<') {
		const char *b = ++s;
		while ((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') ||
		       (*s >= '0' && *s <= '9') || *s == '+' || *s == '-')
			s++;
		if (*s != '>' || s - b < 3)
			return -1;
		*start = b;
		*len = (size_t)(s - b);
		*sp = s + 1;
		return 0;
	}
	const char *b = s;
	while ((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z'))
		s++;
	if (s - b < 3)
		return -1;
	*start = b;
	*len = (size_t)(s - b);
	*sp = s;
	return 0;
}

/* Parses an unsigned decimal number of at most 3 digits; -1 if none. */
static long number(const char **sp)
{
	const char *s = *sp;
	long v = 0;
	int n = 0;
	while (*s >= '0' && *s <= '9' && n < 3) {
		v = v * 10 + (*s++ - '0');
		n++;
	}
	if (n == 0)
		return -1;
	*sp = s;
	return v;
}

/* Parses [+-]hh[:mm[:ss]] with hours up to maxh into seconds; 0 or -1. */
static int parse_time(const char **sp, long *out, long maxh)
{
	const char *s = *sp;
	int neg = 0;
	if (*s == '+' || *s == '-')
		neg = *s++ == '-';
	long h = number(&s), m = 0, sec = 0;
	if (h < 0 || h > maxh)
		return -1;
	if (*s == ':') {
		s++;
		m = number(&s);
		if (m < 0 || m > 59)
			return -1;
		if (*s == ':') {
			s++;
			sec = number(&s);
			if (sec < 0 || sec > 59)
				return -1;
		}
	}
	*out = (h * 3600 + m * 60 + sec) * (neg ? -1 : 1);
	*sp = s;
	return 0;
}

/* Parses a rule date[/time]; 0 or -1. */
static int parse_rule(const char **sp, struct rule *r)
{
	const char *s = *sp;
	long v;
	if (*s == 'J') {
		s++;
		v = number(&s);
		if (v < 1 || v > 365)
			return -1;
		r->kind = 'J';
		r->d = (int)v;
	} else if (*s == 'M') {
		s++;
		long m = number(&s);
		if (m < 1 || m > 12 || *s++ != '.')
			return -1;
		long w = number(&s);
		if (w < 1 || w > 5 || *s++ != '.')
			return -1;
		long d = number(&s);
		if (d < 0 || d > 6)
			return -1;
		r->kind = 'M';
		r->m = (int)m;
		r->w = (int)w;
		r->d = (int)d;
	} else {
		v = number(&s);
		if (v < 0 || v > 365)
			return -1;
		r->kind = 'D';
		r->d = (int)v;
	}
	r->time = 7200;
	if (*s == '/') {
		s++;
		if (parse_time(&s, &r->time, 167) < 0)
			return -1;
	}
	*sp = s;
	return 0;
}

/* Parses a whole TZ string into the zone state; returns 0 or -1 (state untouched). */
static int parse_tz(const char *s)
{
	const char *sn, *dn = NULL;
	size_t sl, dl = 0;
	long so, dof;
	struct rule a = {'M', 3, 2, 0, 7200}, b = {'M', 11, 1, 0, 7200};
	int dst = 0;

	if (parse_name(&s, &sn, &sl) < 0 || parse_time(&s, &so, 24) < 0)
		return -1;
	dof = so - 3600;
	if (*s) {
		if (parse_name(&s, &dn, &dl) < 0)
			return -1;
		dst = 1;
		if (*s && *s != ',' && parse_time(&s, &dof, 24) < 0)
			return -1;
		if (*s == ',') {
			s++;
			if (parse_rule(&s, &a) < 0 || *s++ != ',' || parse_rule(&s, &b) < 0)
				return -1;
		}
		if (*s)
			return -1;
	}
	const char *n1 = intern(sn, sl), *n2 = dst ? intern(dn, dl) : n1;
	if (!n1 || !n2)
		return -1;
	std_name = n1;
	dst_name = n2;
	std_off = so;
	dst_off = dof;
	has_dst = dst;
	rstart = a;
	rend = b;
	return 0;
}

/* Sets the zone state from TZ if it changed. Caller holds tzlock. */
static void do_tzset(void)
{
	const char *tz = getenv("TZ");
	if (cur_valid && ((!tz && !cur_tz) || (tz && cur_tz && !strcmp(tz, cur_tz))))
		return;
	free(cur_tz);
	cur_tz = tz ? strdup(tz) : NULL;
	cur_valid = 1;
	if (!tz || !*tz || parse_tz(tz) < 0) {
		std_name = dst_name = "UTC";
		std_off = dst_off = 0;
		has_dst = 0;
	}
	tzname[0] = (char *)std_name;
	tzname[1] = (char *)dst_name;
	timezone = std_off;
	daylight = has_dst;
}

/* Reads TZ and sets tzname, timezone and daylight. */
void tzset(void)
{
	qsoe_lock(&tzlock);
	do_tzset();
	qsoe_unlock(&tzlock);
}

void __tz_lock(void)
{
	qsoe_lock(&tzlock);
	do_tzset();
}

void __tz_unlock(void)
{
	qsoe_unlock(&tzlock);
}

/* Local-time seconds (from the Epoch) at which rule r fires in year y. */
static int64_t rule_local(const struct rule *r, int64_t y)
{
	int64_t day;
	if (r->kind == 'J') {
		day = __days_from_civil(y, 1, 1) + r->d - 1;
		if (__is_leap(y) && r->d >= 60)
			day++;
	} else if (r->kind == 'D') {
		day = __days_from_civil(y, 1, 1) + r->d;
	} else {
		int64_t first = __days_from_civil(y, r->m, 1);
		int wday1 = (int)(((first + 4) % 7 + 7) % 7);
		int md = 1 + (r->d - wday1 + 7) % 7 + (r->w - 1) * 7;
		while (md > __month_days(y, r->m))
			md -= 7;
		day = first + md - 1;
	}
	return day * SECS_PER_DAY + r->time;
}

/* 1 if DST is in effect at the UTC instant t. Caller holds tzlock. */
static int dst_at(int64_t t)
{
	if (!has_dst)
		return 0;
	struct tm tm;
	if (__secs_to_tm(t - std_off, &tm) < 0)
		return 0;
	int64_t y = (int64_t)tm.tm_year + 1900;
	int64_t start = rule_local(&rstart, y) + std_off; /* UTC */
	int64_t end = rule_local(&rend, y) + dst_off;
	if (start < end)
		return t >= start && t < end;
	return !(t >= end && t < start);
}

/* Offset, DST flag and name at UTC t; see time_impl.h. Caller holds tzlock. */
void __tz_query(int64_t t, long *gmtoff, int *isdst, const char **zone)
{
	int d = dst_at(t);
	*isdst = d;
	*gmtoff = -(d ? dst_off : std_off);
	*zone = d ? dst_name : std_name;
}

/* UTC instant of a local time; see time_impl.h. Caller holds tzlock. */
int __tz_to_utc(int64_t local, int isdst, int64_t *utc)
{
	if (!has_dst) {
		*utc = local + std_off;
		return 0;
	}
	if (isdst > 0) {
		*utc = local + dst_off;
		return 1;
	}
	if (isdst == 0) {
		*utc = local + std_off;
		return 0;
	}
	/* unknown: take the interpretation that is consistent with the rules */
	int64_t ts = local + std_off, td = local + dst_off;
	int ss = dst_at(ts), sd = dst_at(td);
	if (!ss) {        /* standard time fits (in an overlap, prefer it? no: see below) */
		if (sd) { /* ambiguous (the hour repeated when DST ends): the earlier, DST */
			*utc = td < ts ? td : ts;
			return td < ts;
		}
		*utc = ts;
		return 0;
	}
	if (sd) {
		*utc = td;
		return 1;
	}
	/* in the gap when DST starts: read the time as standard time */
	*utc = ts;
	return 0;
}
