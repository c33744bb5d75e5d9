/*
 * cbrt.c - cube root. x = t 2^(3k) with t in [1, 8); a bit-level first guess
 * of cbrt(t), four Newton steps, and a last correction computed from the
 * exact residual t - y^3 (double-double) give a result within 0.51 ulp.
 */
#include "../internal/libm.h"

/* Cube root, exact for perfect cubes. */
double cbrt(double x)
{
	uint64_t ix = asu64(x);
	uint64_t sign = ix & 0x8000000000000000ULL;
	ix ^= sign;
	if (ix == 0 || ix >= 0x7ff0000000000000ULL)
		return x + x;
	int e = 0;
	if (ix < 0x0010000000000000ULL) { /* subnormal: scale by 2^54 */
		ix = asu64(asdbl(ix) * 0x1p54);
		e = -54;
	}
	e += (int)(ix >> 52) - 1023;
	int k = e >= 0 ? e / 3 : -((-e + 2) / 3); /* floor(e/3) */
	int r = e - 3 * k;                        /* 0, 1 or 2 */
	double t = asdbl((ix & 0x000fffffffffffffULL) | (uint64_t)(1023 + r) << 52);
	/* first guess: divide the bit pattern by three (about 5% error) */
	double y = asdbl(asu64(t) / 3 + 0x2a9f789300000000ULL);
	for (int i = 0; i < 4; i++)
		y = y - (y * y * y - t) / (3 * y * y);
	/* residual t - y^3 in double-double, then one correction */
	double s2l;
	double s2 = two_prod(y, y, &s2l);
	double s3l;
	double s3 = dd_mul(s2, s2l, y, 0.0, &s3l);
	double d = ((t - s3) - s3l) / (3 * s2);
	y += d;
	return asdbl(sign | (asu64(y) + ((uint64_t)(int64_t)k << 52)));
}
