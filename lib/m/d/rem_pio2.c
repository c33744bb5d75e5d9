/*
 * rem_pio2.c - argument reduction for the trigonometric functions:
 * x = n pi/2 + y with |y| <= pi/4, y returned as a double-double.
 *
 * |x| < 2^20: Cody-Waite with pi/2 split into three 32-bit pieces and a
 * fourth full piece (n has at most 20 bits, so every n * piece is exact).
 * Larger |x|: Payne-Hanek. x = m 2^e with an integer m of 53 bits; the bits
 * of 2/pi that would only add multiples of 4 to x*2/pi are skipped, the next
 * 192 bits are multiplied by m exactly, and the fraction is kept to 128
 * bits, far more than the worst case (x within 2^-61 of a multiple of pi/2)
 * needs.
 */
#include "../internal/libm.h"
#include "../internal/coef_double.h"

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

/* Payne-Hanek reduction of a finite x with |x| >= 2^20; see libm.h. */
int __rem_pio2_large(double x, double y[2])
{
	typedef unsigned __int128 u128;
	uint64_t ix = asu64(x);
	int neg = (int)(ix >> 63);
	int e = (int)((ix >> 52) & 0x7ff) - 1075;
	uint64_t m = (ix & 0x000fffffffffffffULL) | 0x0010000000000000ULL;
	int i0 = e - 1;
	uint64_t w0 = bits_2opi(i0), w1 = bits_2opi(i0 + 64), w2 = bits_2opi(i0 + 128);

	/* P = m * (w0:w1:w2) mod 2^192; x*2/pi mod 4 = P * 2^-190 */
	u128 t = (u128)m * w2;
	uint64_t p0 = (uint64_t)t;
	t = (u128)m * w1 + (t >> 64);
	uint64_t p1 = (uint64_t)t;
	uint64_t p2 = m * w0 + (uint64_t)(t >> 64);

	int n = (int)(p2 >> 62);
	u128 f = (u128)(p2 << 2 | p1 >> 62) << 64 | (p1 << 2 | p0 >> 62);
	int fneg = 0;
	if (f >> 127) { /* fraction >= 1/2: round n up */
		n = (n + 1) & 3;
		f = -f;
		fneg = 1;
	}
	double hi = 0, lo = 0;
	if (f != 0) {
		int lz = 0;
		uint64_t top = (uint64_t)(f >> 64);
		if (top == 0) {
			lz = 64;
			top = (uint64_t)f;
		}
		lz += __builtin_clzll(top);
		f <<= lz;
		/* f * 2^(-128 - lz), split into 53 + 53 bits */
		double sc = asdbl((uint64_t)(1023 - 128 - lz + 75) << 52);
		hi = (double)(uint64_t)(f >> 75) * sc;
		lo = (double)(uint64_t)((f >> 22) & 0x1fffffffffffffULL) * (sc * 0x1p-53);
	}
	double rl;
	double rh = dd_mul(hi, lo, PIO2_HI, PIO2_LO, &rl);
	if (fneg != neg) {
		rh = -rh;
		rl = -rl;
	}
	y[0] = rh;
	y[1] = rl;
	return neg ? -n : n;
}

/* Reduces x modulo pi/2; see libm.h. */
int __rem_pio2(double x, double y[2])
{
	double a = __builtin_fabs(x);
	if (a <= PIO4_HI) {
		y[0] = x;
		y[1] = 0;
		return 0;
	}
	if (a < 0x1p20) {
		const double shift = 0x1.8p52;
		double nd = x * INVPIO2 + shift;
		nd -= shift;
		double r = x - nd * PIO2_1; /* exact */
		double e1, e2;
		double h = two_sum(r, -(nd * PIO2_2), &e1);
		double h2 = two_sum(h, -(nd * PIO2_3), &e2);
		double l = e1 + e2 - nd * PIO2_4;
		y[0] = fast_two_sum(h2, l, &y[1]);
		return (int)nd;
	}
	if (!__builtin_isfinite(x)) {
		y[0] = y[1] = x - x;
		return 0;
	}
	return __rem_pio2_large(x, y);
}
