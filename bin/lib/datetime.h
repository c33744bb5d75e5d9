/*
 * datetime.h - parsing the date strings accepted by touch -d and date -d.
 */
#ifndef QU_DATETIME_H
#define QU_DATETIME_H

#include <time.h>

/* Parses "@seconds" or an ISO 8601 date "YYYY-MM-DD[(T| )hh:mm[:ss[.frac]]][Z]"
 * (local time unless Z). Returns 0 or -1. */
int qu_parse_date(const char *s, struct timespec *ts);

/* Days since 1970-01-01 of a proleptic Gregorian date. */
long long qu_days_from_civil(long long y, int m, int d);

#endif /* QU_DATETIME_H */
