/*
 * trig.c - sinl(), cosl(), tanl() and the binary128 reduction modulo pi/2:
 * Cody-Waite with pi/2 in 72-bit pieces for |x| < 2^38, Payne-Hanek with a
 * 448-bit window of 2/pi beyond (the bits come from tab_double.c's 16896-
 * bit table, enough for the whole binary128 range). The kernels take the
 * reduced argument as a quad-quad; tanl is sin/cos in quad-quad.
 */
#include "../internal/ld128.h"
#include "../internal/coef_ld.h"

/* Bits i .. i+63 of 2/pi (bit 1 is the first after the binary point). */
static uint64_t bits_2opi(int i)
{
	if (i <= -63)
		return 0;
	if (i <= 0)
		return __two_over_pi[0] >> (1 - i);
	int w = (i - 1) / 64, b = (i - 1) % 64;
	if (b == 0)
		return __two_over_pi[w];
	return __two_over_pi[w] << b | __two_over_pi[w + 1] >> (64 - b);
}

/* Payne-Hanek for finite |x| >= 2^38. */
static int rem_large(long double x, long double y[2])
{
	u128 ix = asu128(x);
	int neg = (int)(ix >> 127);
	int e = (int)((ix >> 112) & 0x7fff) - 16495; /* x = m 2^e, m of 113 bits */
	u128 m = (ix & LD_MANT) | ((u128)1 << 112);
	uint64_t ml[2] = {(uint64_t)m, (uint64_t)(m >> 64)};
	/* W = bits e-1 .. e+446 of 2/pi; x*2/pi mod 4 = (m W mod 2^448) 2^-446 */
	uint64_t w[7], p[9] = {0};
	for (int k = 0; k < 7; k++)
		w[6 - k] = bits_2opi(e - 1 + 64 * k);
	for (int i = 0; i < 2; i++) {
		u128 c = 0;
		for (int k = 0; k < 7; k++) {
			c += (u128)ml[i] * w[k] + p[i + k];
			p[i + k] = (uint64_t)c;
			c >>= 64;
		}
		p[i + 7] = (uint64_t)c;
	}
	/* bits 446, 447: n mod 4; bits 445..0: the fraction */
	int n = (int)(p[6] >> 62);
	uint64_t f[7];
	for (int k = 0; k < 7; k++) /* fraction << 2, in 448 bits */
		f[k] = p[k] << 2 | (k ? p[k - 1] >> 62 : 0);
	int fneg = 0;
	if (f[6] >> 63) { /* >= 1/2: round n up, take 1 - fraction */
		n = (n + 1) & 3;
		fneg = 1;
		uint64_t borrow = 0;
		for (int k = 0; k < 7; k++) {
			uint64_t t = 0 - f[k] - borrow;
			borrow = f[k] != 0 || borrow;
			f[k] = t;
		}
	}
	/* the fraction (in units of 2^-448) as a quad-quad */
	long double hi = 0, lo = 0, scale = 0x1p-64L;
	for (int k = 6; k >= 0; k--) {
		long double part = (long double)f[k] * scale;
		long double e1;
		hi = ld_two_sum(hi, part, &e1);
		lo += e1;
		scale *= 0x1p-64L;
	}
	hi = ld_fast_two_sum(hi, lo, &lo);
	long double rl;
	long double rh = qq_mul(hi, lo, LD_PIO2_HI, LD_PIO2_LO, &rl);
	if (fneg != neg) {
		rh = -rh;
		rl = -rl;
	}
	y[0] = rh;
	y[1] = rl;
	return neg ? -n : n;
}

/* x = n pi/2 + y; see ld128.h. */
int __ld_rem_pio2(long double x, long double y[2])
{
	long double a = __builtin_fabsl(x);
	if (a <= LD_PIO4_HI) {
		y[0] = x;
		y[1] = 0;
		return 0;
	}
	if (a < 0x1p38L) {
		const long double shift = 0x1.8p112L;
		long double nd = x * LD_INVPIO2 + shift;
		nd -= shift;
		long double r = x - nd * LD_PIO2_1; /* exact */
		long double e1, e2;
		long double h = ld_two_sum(r, -(nd * LD_PIO2_2), &e1);
		long double h2 = ld_two_sum(h, -(nd * LD_PIO2_3), &e2);
		long double l = e1 + e2 - nd * LD_PIO2_4;
		y[0] = ld_fast_two_sum(h2, l, &y[1]);
		return (int)(int64_t)nd;
	}
	if (!__builtin_isfinite(x)) {
		y[0] = y[1] = x - x;
		return 0;
	}
	return rem_large(x, y);
}

/* sin(y0 + y1) = hi + lo for |y| <= pi/4. */
long double __ld_sin_kernel(long double y0, long double y1, long double *lo)
{
	long double zl;
	long double z = ld_two_prod(y0, y0, &zl);
	long double s = LD_SIN_S14;
	s = LD_SIN_S13 + z * s;
	s = LD_SIN_S12 + z * s;
	s = LD_SIN_S11 + z * s;
	s = LD_SIN_S10 + z * s;
	s = LD_SIN_S9 + z * s;
	s = LD_SIN_S8 + z * s;
	s = LD_SIN_S7 + z * s;
	s = LD_SIN_S6 + z * s;
	s = LD_SIN_S5 + z * s;
	s = LD_SIN_S4 + z * s;
	s = LD_SIN_S3 + z * s;
	s = LD_SIN_S2 + z * s;
	s = LD_SIN_S1 + z * s;
	long double pl;
	long double p = ld_two_prod(y0, z, &pl);
	long double ql;
	long double q = ld_two_prod(p, LD_SIN_S0, &ql);
	long double t = ql + (pl + y0 * zl) * LD_SIN_S0 + p * z * s + y1 * (1 - 0.5L * z);
	long double e;
	long double h = ld_two_sum(y0, q, &e);
	return ld_fast_two_sum(h, e + t, lo);
}

/* cos(y0 + y1) = hi + lo for |y| <= pi/4. */
long double __ld_cos_kernel(long double y0, long double y1, long double *lo)
{
	long double zl;
	long double z = ld_two_prod(y0, y0, &zl);
	long double c = LD_COS_C14;
	c = LD_COS_C13 + z * c;
	c = LD_COS_C12 + z * c;
	c = LD_COS_C11 + z * c;
	c = LD_COS_C10 + z * c;
	c = LD_COS_C9 + z * c;
	c = LD_COS_C8 + z * c;
	c = LD_COS_C7 + z * c;
	c = LD_COS_C6 + z * c;
	c = LD_COS_C5 + z * c;
	c = LD_COS_C4 + z * c;
	c = LD_COS_C3 + z * c;
	c = LD_COS_C2 + z * c;
	c = LD_COS_C1 + z * c;
	c = LD_COS_C0 + z * c;
	long double e;
	long double w = ld_two_sum(1.0L, -0.5L * z, &e);
	long double t = e - 0.5L * zl - y0 * y1 + z * z * c;
	return ld_fast_two_sum(w, t, lo);
}

long double sinl(long double x)
{
	long double lo;
	if (__builtin_fabsl(x) < 0x1p-57L) {
		if (x != 0) {
			volatile long double t = x + 0x1p-16000L;
			(void)t;
		}
		return x;
	}
	if (!__builtin_isfinite(x))
		return __ld_invalid(x);
	long double y[2];
	int n = __ld_rem_pio2(x, y);
	switch (n & 3) {
	case 0:
		return __ld_sin_kernel(y[0], y[1], &lo);
	case 1:
		return __ld_cos_kernel(y[0], y[1], &lo);
	case 2:
		return -__ld_sin_kernel(y[0], y[1], &lo);
	default:
		return -__ld_cos_kernel(y[0], y[1], &lo);
	}
}

long double cosl(long double x)
{
	long double lo;
	if (__builtin_fabsl(x) < 0x1p-58L)
		return 1.0L - __builtin_fabsl(x) * 0x1p-200L;
	if (!__builtin_isfinite(x))
		return __ld_invalid(x);
	long double y[2];
	int n = __ld_rem_pio2(x, y);
	switch (n & 3) {
	case 0:
		return __ld_cos_kernel(y[0], y[1], &lo);
	case 1:
		return -__ld_sin_kernel(y[0], y[1], &lo);
	case 2:
		return -__ld_cos_kernel(y[0], y[1], &lo);
	default:
		return __ld_sin_kernel(y[0], y[1], &lo);
	}
}

long double tanl(long double x)
{
	if (__builtin_fabsl(x) < 0x1p-58L) {
		if (x != 0) {
			volatile long double t = x + 0x1p-16000L;
			(void)t;
		}
		return x;
	}
	if (!__builtin_isfinite(x))
		return __ld_invalid(x);
	long double y[2], sl, cl, lo;
	int n = __ld_rem_pio2(x, y);
	long double sh = __ld_sin_kernel(y[0], y[1], &sl);
	long double ch = __ld_cos_kernel(y[0], y[1], &cl);
	if (n & 1) /* -cos/sin */
		return qq_div(-ch, -cl, sh, sl, &lo);
	return qq_div(sh, sl, ch, cl, &lo);
}
