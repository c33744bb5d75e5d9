/*
 * strtod.c - strtof, strtod, strtold (correctly rounded; see floatscan.c),
 * their _l forms and atof.
 */
#include <stdlib.h>
#include <string.h>
#include "libc.h"
#include "floatscan.h"

/* String to float, nearest-even; ERANGE on overflow/underflow. */
float strtof(const char *__restrict s, char **__restrict end)
{
	char *e;
	unsigned __int128 b = __qsoe_floatscan(s, &e, QSOE_FLT);
	uint32_t u = (uint32_t)b;
	float x;

	memcpy(&x, &u, 4);
	if (end)
		*end = e;
	return x;
}

/* String to double, nearest-even; ERANGE on overflow/underflow. */
double strtod(const char *__restrict s, char **__restrict end)
{
	char *e;
	unsigned __int128 b = __qsoe_floatscan(s, &e, QSOE_DBL);
	uint64_t u = (uint64_t)b;
	double x;

	memcpy(&x, &u, 8);
	if (end)
		*end = e;
	return x;
}

/* String to long double (IEEE binary128), nearest-even. */
long double strtold(const char *__restrict s, char **__restrict end)
{
	char *e;
	unsigned __int128 b = __qsoe_floatscan(s, &e, QSOE_LDBL);
	long double x;

	_Static_assert(sizeof(long double) == 16 && __LDBL_MANT_DIG__ == 113,
	               "long double must be IEEE binary128");
	memcpy(&x, &b, 16);
	if (end)
		*end = e;
	return x;
}

float strtof_l(const char *__restrict s, char **__restrict end, locale_t l)
{
	(void)l;
	return strtof(s, end);
}

double strtod_l(const char *__restrict s, char **__restrict end, locale_t l)
{
	(void)l;
	return strtod(s, end);
}

long double strtold_l(const char *__restrict s, char **__restrict end, locale_t l)
{
	(void)l;
	return strtold(s, end);
}

/* strtod(s, NULL). */
double atof(const char *s)
{
	return strtod(s, NULL);
}
