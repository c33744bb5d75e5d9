/*
 * atan.c - atanl(), atan2l(), asinl(), acosl() and the quad-quad arc
 * tangent cores, the binary128 twins of d/atan.c and d/asin.c:
 * atan(x) = atan(j/128) + atan(u), u = (x - c)/(1 + x c) in quad-quad.
 */
#include "../internal/ld128.h"
#include "../internal/coef_ld.h"

/* atan(xh + xl) for 0 <= xh <= 1; see ld128.h. */
long double __ld_atan_qq(long double xh, long double xl, long double *lo)
{
	int j = (int)(xh * 128 + 0.5L);
	long double c = j * 0x1p-7L;
	long double uh, ul;
	if (j == 0) {
		uh = xh;
		ul = xl;
	} else {
		long double nh = xh - c; /* exact */
		long double pe;
		long double p = ld_two_prod(xh, c, &pe);
		long double de;
		long double dh = ld_two_sum(1.0L, p, &de);
		long double dl;
		dh = ld_fast_two_sum(dh, de + pe + xl * c, &dl);
		uh = qq_div(nh, xl, dh, dl, &ul);
	}
	long double z = uh * uh;
	long double q = LD_ATAN_Q8;
	q = LD_ATAN_Q7 + z * q;
	q = LD_ATAN_Q6 + z * q;
	q = LD_ATAN_Q5 + z * q;
	q = LD_ATAN_Q4 + z * q;
	q = LD_ATAN_Q3 + z * q;
	q = LD_ATAN_Q2 + z * q;
	q = LD_ATAN_Q1 + z * q;
	q = LD_ATAN_Q0 + z * q;
	long double e;
	long double s = ld_two_sum(__ld_atan_tab[j][0], uh, &e);
	return ld_fast_two_sum(s, e + __ld_atan_tab[j][1] + ul + uh * z * q, lo);
}

/* atan2 of quad-quads whose exponents differ by at most 120, the larger near 1. */
static long double core2(long double yh, long double yl, long double xh, long double xl,
                         long double *lo)
{
	int yneg = yh < 0, xneg = xh < 0;
	if (yneg) {
		yh = -yh;
		yl = -yl;
	}
	if (xneg) {
		xh = -xh;
		xl = -xl;
	}
	long double rh, rl, tl;
	if (yh <= xh) {
		long double th = qq_div(yh, yl, xh, xl, &tl);
		rh = __ld_atan_qq(th, tl, &rl);
	} else {
		long double th = qq_div(xh, xl, yh, yl, &tl);
		rh = __ld_atan_qq(th, tl, &rl);
		rh = qq_add(LD_PIO2_HI, LD_PIO2_LO, -rh, -rl, &rl);
	}
	if (xneg)
		rh = qq_add(LD_PI_HI, LD_PI_LO, -rh, -rl, &rl);
	if (yneg) {
		rh = -rh;
		rl = -rl;
	}
	*lo = rl;
	return rh;
}

/* atan2 of quad-quad arguments (finite, not both zero); see ld128.h. */
long double __ld_atan2_qq(long double yh, long double yl, long double xh, long double xl,
                          long double *lo)
{
	int ey = yh == 0 ? -40000 : ilogbl(yh), ex = xh == 0 ? -40000 : ilogbl(xh);
	if (ey - ex > 120) {
		long double r = LD_PIO2_HI + (LD_PIO2_LO - xh / __builtin_fabsl(yh));
		*lo = 0;
		return yh < 0 ? -r : r;
	}
	if (ex - ey > 120) {
		*lo = 0;
		if (xh > 0)
			return yh / xh;
		long double r = LD_PI_HI + (LD_PI_LO - __builtin_fabsl(yh / xh));
		return yh < 0 ? -r : r;
	}
	int n = -(ey > ex ? ey : ex);
	return core2(scalbnl(yh, n), scalbnl(yl, n), scalbnl(xh, n), scalbnl(xl, n), lo);
}

long double atanl(long double x)
{
	long double a = __builtin_fabsl(x), lo, r;
	if (a <= 1.0L) {
		if (a < 0x1p-57L) {
			if (x != 0) {
				volatile long double t = x + 0x1p-16000L;
				(void)t;
			}
			return x;
		}
		r = __ld_atan_qq(a, 0.0L, &lo);
	} else if (a < 0x1p120L) {
		long double tl;
		long double th = qq_div(1.0L, 0.0L, a, 0.0L, &tl);
		r = __ld_atan_qq(th, tl, &lo);
		r = qq_add(LD_PIO2_HI, LD_PIO2_LO, -r, -lo, &lo);
	} else {
		if (__builtin_isnan(x))
			return x + x;
		r = LD_PIO2_HI + LD_PIO2_LO;
	}
	return x < 0 ? -r : r;
}

long double atan2l(long double y, long double x)
{
	if (__builtin_isnan(x) || __builtin_isnan(y))
		return x + y;
	int yneg = __builtin_signbit(y) != 0, xneg = __builtin_signbit(x) != 0;
	long double r;
	if (y == 0) {
		if (!xneg)
			return y;
		r = LD_PI_HI + LD_PI_LO;
	} else if (x == 0) {
		r = LD_PIO2_HI + LD_PIO2_LO;
	} else if (__builtin_isinf(x)) {
		if (__builtin_isinf(y))
			r = xneg ? LD_PI3O4_HI + LD_PI3O4_LO : LD_PIO4_HI + LD_PIO4_LO;
		else if (xneg)
			r = LD_PI_HI + LD_PI_LO;
		else
			return yneg ? -0.0L : 0.0L;
	} else if (__builtin_isinf(y)) {
		r = LD_PIO2_HI + LD_PIO2_LO;
	} else {
		long double lo;
		r = __ld_atan2_qq(y, 0.0L, x, 0.0L, &lo);
		if (__builtin_fabsl(r) < LDBL_MIN)
			errno = ERANGE;
		return r;
	}
	return yneg ? -r : r;
}

/* sqrt(1 - x^2) as a quad-quad for |x| < 1. */
static long double cosine_of(long double x, long double *lo)
{
	long double pe;
	long double p = ld_two_prod(x, x, &pe);
	long double e;
	long double wh = ld_two_sum(1.0L, -p, &e);
	long double wl;
	wh = ld_fast_two_sum(wh, e - pe, &wl);
	return qq_sqrt(wh, wl, lo);
}

long double asinl(long double x)
{
	long double a = __builtin_fabsl(x);
	if (!(a < 1.0L)) {
		if (a == 1.0L)
			return x > 0 ? LD_PIO2_HI + LD_PIO2_LO : -LD_PIO2_HI - LD_PIO2_LO;
		if (__builtin_isnan(x))
			return x + x;
		return __ld_invalid(x);
	}
	if (a < 0x1p-57L) {
		if (x != 0) {
			volatile long double t = x + 0x1p-16000L;
			(void)t;
		}
		return x;
	}
	long double sl, lo;
	long double sh = cosine_of(x, &sl);
	return __ld_atan2_qq(x, 0.0L, sh, sl, &lo);
}

long double acosl(long double x)
{
	long double a = __builtin_fabsl(x);
	if (!(a < 1.0L)) {
		if (x == 1.0L)
			return 0.0L;
		if (x == -1.0L)
			return LD_PI_HI + LD_PI_LO;
		if (__builtin_isnan(x))
			return x + x;
		return __ld_invalid(x);
	}
	if (a < 0x1p-116L)
		return LD_PIO2_HI + LD_PIO2_LO;
	long double sl, lo;
	long double sh = cosine_of(x, &sl);
	return __ld_atan2_qq(sh, sl, x, 0.0L, &lo);
}
