/*
 * sqrt.c - square root: the hardware instruction (correctly rounded), with
 * the domain error for negative arguments.
 */
#include "../internal/libm.h"

/* Square root; sqrt(x < 0) = NaN (EDOM), sqrt(-0) = -0. */
double sqrt(double x)
{
	if (__builtin_isnan(x))
		return x + x;
	if (x < 0)
		return __math_invalid(x);
	return __builtin_sqrt(x);
}
