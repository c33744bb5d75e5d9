/*
 * abs.c - integer absolute values and division: abs, labs, llabs,
 * imaxabs, div, ldiv, lldiv, imaxdiv.
 */
#include <inttypes.h>
#include <stdlib.h>

int abs(int j)
{
	return j < 0 ? -j : j;
}

long labs(long j)
{
	return j < 0 ? -j : j;
}

long long llabs(long long j)
{
	return j < 0 ? -j : j;
}

intmax_t imaxabs(intmax_t j)
{
	return j < 0 ? -j : j;
}

/* Quotient truncated toward zero and remainder. */
div_t div(int n, int d)
{
	return (div_t){n / d, n % d};
}

ldiv_t ldiv(long n, long d)
{
	return (ldiv_t){n / d, n % d};
}

lldiv_t lldiv(long long n, long long d)
{
	return (lldiv_t){n / d, n % d};
}

imaxdiv_t imaxdiv(intmax_t n, intmax_t d)
{
	return (imaxdiv_t){n / d, n % d};
}
