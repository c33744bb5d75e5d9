/*
 * test_time.c - QSOE's <time.h> conversions against glibc: gmtime_r and
 * timegm over years -10000..+10000 and the edges of the int year range,
 * localtime_r/mktime/tzset under many POSIX TZ strings (TZ set in both
 * environments), strftime over every conversion and flag both implement
 * alike, strptime on strftime's output, asctime/ctime and difftime.
 * Conversions where POSIX and glibc differ (the '+' flag, %F for years
 * below 1000) are checked against the examples in POSIX's rationale.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "qtest.h"

struct tm *q_gmtime_r(const time_t *, struct tm *);
struct tm *q_localtime_r(const time_t *, struct tm *);
time_t q_mktime(struct tm *);
time_t q_timegm(struct tm *);
void q_tzset(void);
extern char *q_tzname[2];
extern long q_timezone;
extern int q_daylight;
size_t q_strftime(char *, size_t, const char *, const struct tm *);
char *q_strptime(const char *, const char *, struct tm *);
char *q_asctime_r(const struct tm *, char *);
char *q_ctime_r(const time_t *, char *);
double q_difftime(time_t, time_t);
time_t q_time(time_t *);
int q_timespec_getres(struct timespec *, int);
int q_setenv(const char *, const char *, int);
int q_unsetenv(const char *);

/* A random time_t with years in about -10000..+10000. */
static time_t rand_time(void)
{
	const int64_t span = 315569520000LL; /* ~10000 years */
	switch (qt_rand() % 4) {
	case 0:
		return (time_t)(qt_rand() % (2 * (uint64_t)span)) - span;
	case 1:
		return (time_t)(qt_rand() % 4102444800ULL) - 2208988800LL; /* 1900..2100 */
	case 2:
		return (time_t)(qt_rand() % 200000) - 100000;
	default:
		return (time_t)(qt_rand() % (uint64_t)(40 * 366 * 86400)) + 946684800; /* 2000.. */
	}
}

static int same_tm(const struct tm *a, const struct tm *b, int zone)
{
	return a->tm_sec == b->tm_sec && a->tm_min == b->tm_min && a->tm_hour == b->tm_hour &&
	       a->tm_mday == b->tm_mday && a->tm_mon == b->tm_mon && a->tm_year == b->tm_year &&
	       a->tm_wday == b->tm_wday && a->tm_yday == b->tm_yday && a->tm_isdst == b->tm_isdst &&
	       a->tm_gmtoff == b->tm_gmtoff &&
	       (!zone || (a->tm_zone && b->tm_zone && !strcmp(a->tm_zone, b->tm_zone)));
}

static void show_tm(const char *what, const struct tm *t)
{
	fprintf(stderr, "  %s: %d-%02d-%02d %02d:%02d:%02d wday %d yday %d dst %d off %ld %s\n",
	        what, t->tm_year + 1900, t->tm_mon + 1, t->tm_mday, t->tm_hour, t->tm_min,
	        t->tm_sec, t->tm_wday, t->tm_yday, t->tm_isdst, t->tm_gmtoff,
	        t->tm_zone ? t->tm_zone : "(null)");
}

static void test_gmtime(void)
{
	for (int i = 0; i < 200000; i++) {
		time_t t = rand_time();
		struct tm a, b;
		CHECK(q_gmtime_r(&t, &a) && gmtime_r(&t, &b) && same_tm(&a, &b, 0), "gmtime %lld",
		      (long long)t);
		/* timegm on the normalised and on a perturbed broken-down time */
		struct tm c = b, d = b;
		CHECK(q_timegm(&c) == t, "timegm %lld", (long long)t);
		d.tm_sec += (int)(qt_rand() % 2000000) - 1000000;
		d.tm_min += (int)(qt_rand() % 20000) - 10000;
		d.tm_mon += (int)(qt_rand() % 400) - 200;
		d.tm_mday += (int)(qt_rand() % 4000) - 2000;
		struct tm e = d;
		time_t ta = q_timegm(&d), tb = timegm(&e);
		CHECK(ta == tb && same_tm(&d, &e, 0), "timegm normalisation %lld", (long long)t);
	}
	/* the edges of the int year range and beyond */
	static const long long edges[] = {
	        67768036191676799LL,  67768036191676800LL,  -67768040609740800LL,
	        -67768040609740801LL, 0x7fffffffffffffffLL, -0x7fffffffffffffffLL - 1,
	        -62135596800LL,       -62135596801LL,       253402300799LL,
	        253402300800LL,       951782400LL,          -2203891200LL,
	};
	for (size_t i = 0; i < sizeof(edges) / sizeof(edges[0]); i++) {
		time_t t = (time_t)edges[i];
		struct tm a, b;
		errno = 0;
		q_errno = 0;
		struct tm *ra = q_gmtime_r(&t, &a), *rb = gmtime_r(&t, &b);
		CHECK((ra != NULL) == (rb != NULL), "gmtime edge %lld", edges[i]);
		if (ra && rb)
			CHECK(same_tm(&a, &b, 0), "gmtime edge %lld", edges[i]);
		else if (!ra)
			CHECK(q_errno == QE_OVERFLOW, "gmtime edge %lld errno %d", edges[i],
			      q_errno);
	}
	/* leap years: Feb 29 exists exactly when glibc says so, for 10000 years */
	for (int y = -5000; y <= 5000; y += 1) {
		struct tm a = {0}, b;
		a.tm_year = y - 1900;
		a.tm_mon = 1;
		a.tm_mday = 29;
		b = a;
		time_t ta = q_timegm(&a), tb = timegm(&b);
		CHECK(ta == tb && a.tm_mon == b.tm_mon, "Feb 29 of %d", y);
	}
}

/*
 * Zones compared with glibc. Not compared: a dst name without rules (the
 * default rules are implementation-defined: glibc reads its posixrules
 * file, QSOE uses M3.2.0,M11.1.0), and the RFC 8536 "DST all year" idiom
 * (J1/0,J365/25), where glibc 2.36 leaves an hour of standard time at New
 * Year; both are checked on their own in test_zone_idioms().
 */
static const char *zones[] = {
        "UTC0",
        "EST5EDT,M3.2.0,M11.1.0",
        "PST8PDT,M3.2.0/2:00:00,M11.1.0/2:00:00",
        "CET-1CEST,M3.5.0,M10.5.0/3",
        "GMT0BST,M3.5.0/1,M10.5.0",
        "AEST-10AEDT,M10.1.0,M4.1.0/3",
        "NZST-12NZDT,M9.5.0,M4.1.0/3",
        "<+0330>-3:30",
        "IST-5:30",
        "<-03>3<-02>,M3.5.0/-2,M10.5.0/-1",
        "XXX3YYY,J60/1,J300/2",
        "ABC+3DEF,100,200/-1",
        "HST10",
        "<UTC+14>-14",
        "ZZZ-0:00:30ZZY-1,M1.1.0/0,M12.5.6/23:59:59",
        "WET0WEST,M3.5.0/1,M10.5.0",
        "<-0130>1:30<-0030>,M4.1.0/0,M9.3.6/167",
};

static void set_tz(const char *tz)
{
	if (tz) {
		setenv("TZ", tz, 1);
		q_setenv("TZ", tz, 1);
	} else {
		unsetenv("TZ");
		q_unsetenv("TZ");
	}
	tzset();
	q_tzset();
}

/* The zone idioms not compared with glibc (see zones[]). */
static void test_zone_idioms(void)
{
	/* a dst name without rules means the US rules */
	for (int i = 0; i < 20000; i++) {
		time_t t = rand_time();
		struct tm a, b;
		q_setenv("TZ", "EST5EDT", 1);
		q_tzset();
		q_localtime_r(&t, &a);
		q_setenv("TZ", "EST5EDT,M3.2.0/2,M11.1.0/2", 1);
		q_tzset();
		q_localtime_r(&t, &b);
		CHECK(same_tm(&a, &b, 1), "EST5EDT default rules at %lld", (long long)t);
	}
	/* RFC 8536: DST all year */
	static const char *allyear[] = {"ABC-3DEF-4,J1/0,J365/25", "EST5EDT4,0/0,J365/25"};
	for (int z = 0; z < 2; z++) {
		q_setenv("TZ", allyear[z], 1);
		q_tzset();
		long want = z ? -4 * 3600 : 4 * 3600;
		for (int i = 0; i < 20000; i++) {
			time_t t = rand_time();
			if (i & 1) /* around New Year */
				t = (time_t)(qt_rand() % 60) * 31556952 + 946684800 -
				    (time_t)(qt_rand() % (3 * 86400));
			struct tm a;
			CHECK(q_localtime_r(&t, &a) && a.tm_isdst == 1 && a.tm_gmtoff == want,
			      "TZ=%s all-year DST at %lld", allyear[z], (long long)t);
		}
	}
}

static void test_zones(void)
{
	for (size_t z = 0; z < sizeof(zones) / sizeof(zones[0]); z++) {
		set_tz(zones[z]);
		CHECK(!strcmp(q_tzname[0], tzname[0]) && !strcmp(q_tzname[1], tzname[1]),
		      "TZ=%s tzname %s/%s, glibc %s/%s", zones[z], q_tzname[0], q_tzname[1],
		      tzname[0], tzname[1]);
		CHECK(q_timezone == timezone && q_daylight == daylight,
		      "TZ=%s timezone %ld daylight %d, glibc %ld %d", zones[z], q_timezone,
		      q_daylight, timezone, daylight);
		int bad = 0;
		for (int i = 0; i < 20000; i++) {
			time_t t = rand_time();
			if (i % 3 == 0) /* near a likely transition */
				t = 1700000000 + (time_t)(qt_rand() % (86400 * 800)) - 86400 * 400;
			struct tm a, b;
			/*
			 * glibc applies a TZ string's DST rules only from 1970 on; QSOE
			 * applies them in every year. Compare from 1970 on; before, check
			 * the DST-free parts (and mktime below checks consistency).
			 */
			int pre = t < 86400 * 2;
			int ok = q_localtime_r(&t, &a) && localtime_r(&t, &b) &&
			         ((pre && (a.tm_isdst || b.tm_isdst)) || same_tm(&a, &b, 1));
			CHECK(ok, "TZ=%s localtime %lld", zones[z], (long long)t);
			if (!ok && bad++ < 3) {
				show_tm("qsoe ", &a);
				show_tm("glibc", &b);
			}
			/* mktime of localtime's own result gives t back */
			struct tm c = a;
			CHECK(q_mktime(&c) == t && same_tm(&c, &a, 1), "TZ=%s mktime %lld",
			      zones[z], (long long)t);
			/* unnormalised fields, DST flag known */
			if (pre)
				continue;
			struct tm d = b;
			d.tm_min += (int)(qt_rand() % 2000) - 1000;
			d.tm_hour += (int)(qt_rand() % 200) - 100;
			d.tm_mday += (int)(qt_rand() % 100) - 50;
			struct tm e = d;
			time_t ta = q_mktime(&d), tb = mktime(&e);
			ok = ta == tb && same_tm(&d, &e, 1);
			CHECK(ok, "TZ=%s mktime normalisation %lld", zones[z], (long long)t);
			if (!ok && bad++ < 3) {
				show_tm("qsoe ", &d);
				show_tm("glibc", &e);
			}
		}
		/* tm_isdst = -1 at every hour of two years: equal outside the ambiguous hours */
		for (int h = 0; h < 2 * 366 * 24; h++) {
			struct tm a = {0};
			a.tm_year = 124 + h / (366 * 24);
			a.tm_mday = 1 + h / 24 % 366;
			a.tm_hour = h % 24;
			a.tm_min = 30;
			a.tm_isdst = -1;
			struct tm b = a;
			time_t ta = q_mktime(&a), tb = mktime(&b);
			struct tm c;
			time_t before = tb - 3600 * 3, after = tb + 3600 * 3;
			struct tm lb, la;
			localtime_r(&before, &lb);
			localtime_r(&after, &la);
			(void)c;
			if (lb.tm_isdst != la.tm_isdst)
				continue; /* near a transition: POSIX leaves gaps and overlaps open */
			CHECK(ta == tb && same_tm(&a, &b, 1),
			      "TZ=%s mktime isdst=-1 hour %d: %lld %lld", zones[z], h,
			      (long long)ta, (long long)tb);
		}
	}
	/* TZ unset and empty: UTC */
	set_tz("");
	time_t t = 1234567890;
	struct tm a;
	CHECK(q_localtime_r(&t, &a) && a.tm_hour == 23 && a.tm_gmtoff == 0 && !a.tm_isdst,
	      "TZ= is UTC");
	q_unsetenv("TZ");
	q_tzset();
	CHECK(q_localtime_r(&t, &a) && a.tm_hour == 23 && a.tm_gmtoff == 0 &&
	              !strcmp(q_tzname[0], "UTC"),
	      "no TZ is UTC");
	/* malformed TZ strings fall back to UTC */
	static const char *bad[] = {"E5",    "EST",   "EST5EDT,M13.1.0,M1.1.0", "EST5EDT,J0,J1",
	                            "EST25", "<AB>5", "EST5EDT,M3.2.0",         ":Europe/Paris"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		q_setenv("TZ", bad[i], 1);
		q_tzset();
		CHECK(q_localtime_r(&t, &a) && a.tm_gmtoff == 0 && q_timezone == 0 && !q_daylight,
		      "TZ=%s is UTC", bad[i]);
	}
}

static const char *formats[] = {
        "%a %A %b %B %h",
        "%c",
        "%C",
        "%d %e",
        "%D",
        "%H %I %k %l",
        "%j",
        "%m %M",
        "%n%t%%",
        "%p %P %r %R",
        "%S %T",
        "%u %w",
        "%U %W %V",
        "%g %G",
        "%x %X",
        "%y %Y",
        "%z %Z",
        "%s",
        "%Ec %EC %Ex %EX %Ey %EY",
        "%Od %Oe %OH %OI %Om %OM %OS %Ou %OU %OV %Ow %OW %Oy",
        "%_d %-d %0e %_H %-H %-j %_j %-m %_S %-M",
        "%10A %010B %_10a %-10b %^a %^B %#a %#b",
        "%#p %^p %#Z %^Z %^P",
        "%5d %05e %_5e %3j %-3j %8Y %08Y %_8Y %-Y %-y %_y %4y %_3C %-C",
        "%5G %-G %_5g %3u %3w",
        "%-z",
        "%F %10F %012F %_12F %-F",
        "literal text %% %Q %",
        "%H:%M:%S on %A, %d %B %Y (%j) week %U/%W/%V",
        "%EY%OS%Ez",
};

static void test_strftime(void)
{
	set_tz("CET-1CEST,M3.5.0,M10.5.0/3");
	for (int i = 0; i < 20000; i++) {
		time_t t = rand_time();
		struct tm tm;
		localtime_r(&t, &tm);
		int f = i % (int)(sizeof(formats) / sizeof(formats[0]));
		/*
		 * %F: POSIX pads the year to 4 digits (%+4Y), glibc does not; %C: C
		 * gives two digits (00-99), glibc one below the year 1000.
		 */
		int year = tm.tm_year + 1900;
		if (strstr(formats[f], "%F") && (year < 1000 || year > 9999))
			continue;
		if (strstr(formats[f], "C") && year > -1000 && year < 1000)
			continue;
		char a[512], b[512];
		size_t na = q_strftime(a, sizeof(a), formats[f], &tm);
		size_t nb = strftime(b, sizeof(b), formats[f], &tm);
		CHECK(na == nb && !strcmp(a, b),
		      "strftime \"%s\" at %lld:\n  qsoe  \"%s\"\n  glibc \"%s\"", formats[f],
		      (long long)t, a, b);
	}
	/* ISO weeks of every day of 30 years */
	for (int d = 0; d < 30 * 366; d++) {
		time_t t = 1262304000 + (time_t)d * 86400 - 5 * 366 * 86400;
		struct tm tm;
		gmtime_r(&t, &tm);
		char a[64], b[64];
		q_strftime(a, sizeof(a), "%G-%V-%u %g %U %W %j", &tm);
		strftime(b, sizeof(b), "%G-%V-%u %g %U %W %j", &tm);
		CHECK(!strcmp(a, b), "ISO week %s vs %s", a, b);
	}
	/* too small a buffer gives 0 */
	struct tm tm = {0};
	tm.tm_year = 100;
	tm.tm_mday = 1;
	char small[8];
	CHECK(q_strftime(small, sizeof(small), "%Y-%m-%d", &tm) == 0, "strftime overflow");
	CHECK(q_strftime(small, 5, "%Y", &tm) == 4 && !strcmp(small, "2000"), "strftime exact fit");
	CHECK(q_strftime(small, 0, "", &tm) == 0, "strftime empty into nothing");
	/* POSIX's '+' flag (rationale examples: year 1970, 270, 12345, -5) */
	static const struct {
		int year;
		const char *fmt, *want;
	} plus[] = {
	        {1970, "%+4Y", "1970"},        {270, "%+4Y", "0270"},
	        {270, "%+5Y", "+0270"},        {12345, "%+4Y", "+12345"},
	        {12345, "%+Y", "+12345"},      {-5, "%+4Y", "-005"},
	        {1970, "%+3C", "+19"},         {12345, "%+C", "+123"},
	        {1970, "%F", "1970-01-01"},    {270, "%F", "0270-01-01"},
	        {12345, "%F", "+12345-01-01"},
	};
	for (size_t i = 0; i < sizeof(plus) / sizeof(plus[0]); i++) {
		struct tm p = {0};
		p.tm_year = plus[i].year - 1900;
		p.tm_mday = 1;
		char out[64];
		q_strftime(out, sizeof(out), plus[i].fmt, &p);
		CHECK(!strcmp(out, plus[i].want), "strftime \"%s\" of %d: \"%s\", POSIX \"%s\"",
		      plus[i].fmt, plus[i].year, out, plus[i].want);
	}
}

static const char *pformats[] = {
        "%Y-%m-%d %H:%M:%S",
        "%a %b %e %H:%M:%S %Y",
        "%c",
        "%D %T",
        "%x %X",
        "%y%m%d%H%M%S",
        "%A, %d %B %Y %I:%M:%S %p",
        "%j %Y",
        "%C%y-%m-%d",
        "%R %F",
        "%b %d %Y %r",
        "%Y-%m-%dT%H:%M:%S%z",
        "%d/%m/%y %k:%M",
        "%e %h %Y",
};

static int same_fields(const struct tm *a, const struct tm *b)
{
	return a->tm_sec == b->tm_sec && a->tm_min == b->tm_min && a->tm_hour == b->tm_hour &&
	       a->tm_mday == b->tm_mday && a->tm_mon == b->tm_mon && a->tm_year == b->tm_year &&
	       a->tm_wday == b->tm_wday && a->tm_yday == b->tm_yday;
}

static void test_strptime(void)
{
	set_tz("UTC0");
	for (int i = 0; i < 20000; i++) {
		time_t t = (time_t)(qt_rand() % 4102444800ULL) - 2208988800LL + 2208988800LL / 2;
		struct tm tm;
		gmtime_r(&t, &tm);
		int f = i % (int)(sizeof(pformats) / sizeof(pformats[0]));
		char buf[128];
		strftime(buf, sizeof(buf), pformats[f], &tm);
		struct tm a, b;
		memset(&a, 0, sizeof(a));
		memset(&b, 0, sizeof(b));
		a.tm_wday = b.tm_wday = 3;
		a.tm_yday = b.tm_yday = 77;
		char *ea = q_strptime(buf, pformats[f], &a);
		char *eb = strptime(buf, pformats[f], &b);
		CHECK(ea && eb && ea - buf == eb - buf && same_fields(&a, &b),
		      "strptime(\"%s\", \"%s\")", buf, pformats[f]);
	}
	/* mismatches and leftovers */
	static const struct {
		const char *s, *f;
		int full; /* a full date: wday and yday are derived */
	} cases[] = {
	        {"2024-13-01", "%Y-%m-%d", 1},
	        {"12:61", "%H:%M", 0},
	        {"xyz", "%a", 0},
	        {"  2024  ", " %Y ", 0},
	        {"Mon", "%A", 0},
	        {"monday", "%a", 0},
	        {"1999 tail", "%Y", 0},
	        {"99", "%y", 0},
	        {"68", "%y", 0},
	        {"69", "%y", 0},
	        {"12 AM", "%I %p", 0},
	        {"12 pm", "%I %p", 0},
	        {"%", "%%", 0},
	        {"366 2024", "%j %Y", 1},
	        {"20 24", "%C %y", 0},
	        {"5 3 2024", "%u %W %Y", 1},
	        {"0 10 2023", "%w %U %Y", 1},
	        {"", "%n", 0},
	        {"3  4", "%d%n%m", 0},
	        {"1700000000", "%s", 1},
	        {"Feb 30 2023", "%b %d %Y", 1},
	        {"2024-02-29", "%F", 1},
	        {"123", "%M", 0},
	        {"7:5:3", "%H:%M:%S", 0},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct tm a, b;
		memset(&a, 0, sizeof(a));
		memset(&b, 0, sizeof(b));
		char *ea = q_strptime(cases[i].s, cases[i].f, &a);
		char *eb = strptime(cases[i].s, cases[i].f, &b);
		/* tm_wday and tm_yday are compared only where the input gives a full date */
		if (!cases[i].full) {
			a.tm_wday = b.tm_wday;
			a.tm_yday = b.tm_yday;
		}
		CHECK((ea == NULL) == (eb == NULL) &&
		              (!ea || (ea - cases[i].s == eb - cases[i].s && same_fields(&a, &b))),
		      "strptime(\"%s\", \"%s\"): %s vs %s", cases[i].s, cases[i].f,
		      ea ? "match" : "NULL", eb ? "match" : "NULL");
	}
}

static void test_misc(void)
{
	set_tz("EST5EDT,M3.2.0,M11.1.0");
	for (int i = 0; i < 2000; i++) {
		time_t t = (time_t)(qt_rand() % 253402300799ULL); /* years 1970..9999 */
		char a[64], b[64];
		CHECK(q_ctime_r(&t, a) && ctime_r(&t, b) && !strcmp(a, b), "ctime %lld: %s vs %s",
		      (long long)t, a, b);
		struct tm tm;
		gmtime_r(&t, &tm);
		CHECK(q_asctime_r(&tm, a) && asctime_r(&tm, b) && !strcmp(a, b), "asctime %s vs %s",
		      a, b);
		time_t u = rand_time();
		CHECK(q_difftime(t, u) == difftime(t, u), "difftime");
	}
	time_t big = 0x7fffffffffffffffLL, small = -0x7fffffffffffffffLL - 1;
	CHECK(q_difftime(big, small) == 0x1p64, "difftime of the extremes");
	time_t now = time(NULL), q = q_time(NULL), r;
	CHECK(q >= now && q <= now + 2 && q_time(&r) == r, "time()");
	struct timespec res, gres;
	clock_getres(CLOCK_REALTIME, &gres);
	CHECK(q_timespec_getres(&res, 1 /* TIME_UTC */) == 1 && res.tv_sec == gres.tv_sec &&
	              res.tv_nsec == gres.tv_nsec,
	      "timespec_getres(TIME_UTC) is the realtime clock's resolution");
	CHECK(q_timespec_getres(&res, 2) == 0, "timespec_getres of an unknown base: 0");
}

int main(void)
{
	test_gmtime();
	test_zones();
	test_zone_idioms();
	test_strftime();
	test_strptime();
	test_misc();
	return qt_done("libc-time");
}
