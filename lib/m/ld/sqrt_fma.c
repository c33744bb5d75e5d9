/*
 * sqrt_fma.c - sqrtl() and fmal() for binary128, both correctly rounded in
 * the current rounding mode: the square root digit by digit on the integer
 * significand, the fused multiply-add on a 320-bit integer.
 */
#include "../internal/ld128.h"
#include "../internal/fenv_impl.h"

/* Splits finite non-zero |x| into m 2^e, m in [2^112, 2^113). */
static u128 unpack(long double x, int *e)
{
	u128 ix = asu128(x) & ~LD_SIGN;
	int be = (int)(ix >> 112);
	u128 m = ix & LD_MANT;
	if (be == 0) {
		int lz = (uint64_t)(m >> 64) ? __builtin_clzll((uint64_t)(m >> 64))
		                             : 64 + __builtin_clzll((uint64_t)m);
		*e = -16494 - (lz - 15);
		return m << (lz - 15);
	}
	*e = be - 16495;
	return m | ((u128)1 << 112);
}

/* Square root; sqrtl(x < 0) = NaN (EDOM), sqrtl(-0) = -0. */
long double sqrtl(long double x)
{
	if (__builtin_isnan(x) || x == 0 || x == __builtin_infl())
		return x + x;
	if (x < 0)
		return __ld_invalid(x);
	int e;
	u128 m = unpack(x, &e);
	if (e & 1) { /* make the exponent even */
		m <<= 1;
		e--;
	}
	/* root = floor(sqrt(m 2^114)): 114 bits, the last a guard bit */
	u128 res = 0, rem = 0;
	for (int i = 113; i >= 0; i--) {
		/* bits 2i+1 and 2i of m 2^114 */
		int b = 2 * i - 114;
		u128 two = b >= 0 ? (m >> b) & 3 : b == -1 ? (m << 1) & 2 : 0;
		rem = (rem << 2) | two;
		u128 trial = (res << 2) | 1;
		if (rem >= trial) {
			rem -= trial;
			res = (res << 1) | 1;
		} else {
			res <<= 1;
		}
	}
	int guard = (int)(res & 1), sticky = rem != 0;
	u128 q = res >> 1;
	int mode = fe_get_round();
	if ((mode == FE_TONEAREST && guard && (sticky || (q & 1))) ||
	    (mode == FE_UPWARD && (guard || sticky)))
		q++;
	int ex = e / 2 - 56;
	if (q >> 113) {
		q >>= 1;
		ex++;
	}
	if (guard || sticky) {
		volatile long double t = 1.0L + 0x1p-200L; /* inexact */
		(void)t;
	}
	return asld(((u128)(ex + 112 + 16383) << 112) | (q & LD_MANT));
}

/* ---- fmal: 320-bit magnitudes as 5 little-endian 64-bit limbs ---- */

#define NL 5

static void big_shl(uint64_t *a, int s)
{
	while (s >= 64) {
		for (int i = NL - 1; i > 0; i--)
			a[i] = a[i - 1];
		a[0] = 0;
		s -= 64;
	}
	if (s)
		for (int i = NL - 1; i >= 0; i--)
			a[i] = a[i] << s | (i ? a[i - 1] >> (64 - s) : 0);
}

/* Shifts right by s, or-ing the lost bits into bit 0. */
static void big_shr_sticky(uint64_t *a, int s)
{
	int sticky = 0;
	if (s >= 64 * NL) {
		for (int i = 0; i < NL; i++) {
			sticky |= a[i] != 0;
			a[i] = 0;
		}
		a[0] = (uint64_t)sticky;
		return;
	}
	while (s >= 64) {
		sticky |= a[0] != 0;
		for (int i = 0; i < NL - 1; i++)
			a[i] = a[i + 1];
		a[NL - 1] = 0;
		s -= 64;
	}
	if (s) {
		sticky |= (a[0] << (64 - s)) != 0;
		for (int i = 0; i < NL; i++)
			a[i] = a[i] >> s | (i < NL - 1 ? a[i + 1] << (64 - s) : 0);
	}
	a[0] |= (uint64_t)sticky;
}

static int big_cmp(const uint64_t *a, const uint64_t *b)
{
	for (int i = NL - 1; i >= 0; i--)
		if (a[i] != b[i])
			return a[i] < b[i] ? -1 : 1;
	return 0;
}

static void big_add(uint64_t *a, const uint64_t *b)
{
	u128 c = 0;
	for (int i = 0; i < NL; i++) {
		c += (u128)a[i] + b[i];
		a[i] = (uint64_t)c;
		c >>= 64;
	}
}

static void big_sub(uint64_t *a, const uint64_t *b) /* a -= b, a >= b */
{
	uint64_t borrow = 0;
	for (int i = 0; i < NL; i++) {
		uint64_t t = a[i] - b[i] - borrow;
		borrow = (a[i] < b[i]) || (a[i] == b[i] && borrow);
		a[i] = t;
	}
}

static int big_bits(const uint64_t *a)
{
	for (int i = NL - 1; i >= 0; i--)
		if (a[i])
			return 64 * i + 64 - __builtin_clzll(a[i]);
	return 0;
}

/* Rounds (-1)^neg a 2^e (a non-zero, bit 0 sticky) to binary128 in the current mode. */
static long double round_pack(int neg, uint64_t *a, int e)
{
	int bits = big_bits(a);
	int lead = e + bits - 1;                       /* weight of the leading bit */
	int lsb = lead < -16382 ? -16494 : lead - 112; /* weight of the result's last bit */
	int drop = lsb - e;                            /* bits of a below the result */
	u128 q = 0;
	int half = 0, below = 0;
	if (drop <= 0) {
		big_shl(a, -drop);
		q = (u128)a[1] << 64 | a[0];
	} else {
		uint64_t t[NL];
		for (int i = 0; i < NL; i++)
			t[i] = a[i];
		/* half: bit drop-1; below: any bit under it */
		int hb = drop - 1;
		if (hb < 64 * NL)
			half = (int)((t[hb / 64] >> (hb % 64)) & 1);
		for (int i = 0; i < NL; i++) {
			uint64_t mask = 0;
			if (64 * (i + 1) <= hb)
				mask = ~0ULL;
			else if (64 * i < hb)
				mask = (1ULL << (hb - 64 * i)) - 1;
			below |= (t[i] & mask) != 0;
		}
		big_shr_sticky(t, 0);
		if (drop < 64 * NL) {
			uint64_t u[NL];
			for (int i = 0; i < NL; i++)
				u[i] = t[i];
			/* plain shift (no sticky) to extract the kept bits */
			int s = drop;
			while (s >= 64) {
				for (int i = 0; i < NL - 1; i++)
					u[i] = u[i + 1];
				u[NL - 1] = 0;
				s -= 64;
			}
			if (s)
				for (int i = 0; i < NL; i++)
					u[i] = u[i] >> s | (i < NL - 1 ? u[i + 1] << (64 - s) : 0);
			q = (u128)u[1] << 64 | u[0];
		}
	}
	int inexact = half || below;
	int up = 0;
	switch (fe_get_round()) {
	case FE_TOWARDZERO:
		break;
	case FE_DOWNWARD:
		up = neg && inexact;
		break;
	case FE_UPWARD:
		up = !neg && inexact;
		break;
	default:
		up = half && (below || (q & 1));
		break;
	}
	q += (u128)up;
	long double r;
	if (lsb == -16494 && q < ((u128)1 << 113)) {
		r = asld(q); /* subnormal, or the smallest normals after a carry */
	} else {
		if (q >> 113) {
			q >>= 1;
			lsb++;
		}
		int be = lsb + 16495;
		if (be >= 0x7fff)
			return __ld_oflow(neg);
		r = asld(((u128)be << 112) | (q & LD_MANT));
	}
	if (inexact && __builtin_fabsl(r) < LDBL_MIN) {
		volatile long double t = 0x1p-16382L * 0x1p-16382L;
		(void)t;
		errno = ERANGE;
	} else if (inexact) {
		volatile long double t = 1.0L + 0x1p-200L;
		(void)t;
	}
	return neg ? -r : r;
}

/* x*y + z rounded once. */
long double fmal(long double x, long double y, long double z)
{
	if (!__builtin_isfinite(x) || !__builtin_isfinite(y) || !__builtin_isfinite(z))
		return x * y + z;
	if (x == 0 || y == 0)
		return x * y + z;
	int ex, ey, ez;
	u128 mx = unpack(x, &ex), my = unpack(y, &ey);
	int pneg = __builtin_signbit(x) != __builtin_signbit(y);
	/* the 226-bit product, then shifted left by 64 */
	uint64_t P[NL] = {0}, Z[NL] = {0};
	uint64_t xa[2] = {(uint64_t)mx, (uint64_t)(mx >> 64)},
	         ya[2] = {(uint64_t)my, (uint64_t)(my >> 64)};
	for (int i = 0; i < 2; i++) {
		u128 c = 0;
		for (int j = 0; j < 2; j++) {
			c += (u128)xa[i] * ya[j] + P[i + j + 1];
			P[i + j + 1] = (uint64_t)c;
			c >>= 64;
		}
		P[i + 3] = (uint64_t)c;
	}
	int eP = ex + ey - 64;
	if (z == 0)
		return round_pack(pneg, P, eP);
	u128 mz = unpack(z, &ez);
	int zneg = __builtin_signbit(z) != 0;
	Z[0] = (uint64_t)mz;
	Z[1] = (uint64_t)(mz >> 64);
	big_shl(Z, 177); /* top bit at 289, like the product's 288..289 */
	int eZ = ez - 177, er;
	if (eP >= eZ) {
		big_shr_sticky(Z, eP - eZ);
		er = eP;
	} else {
		big_shr_sticky(P, eZ - eP);
		er = eZ;
	}
	int rneg;
	if (pneg == zneg) {
		big_add(P, Z);
		rneg = pneg;
	} else if (big_cmp(P, Z) >= 0) {
		big_sub(P, Z);
		rneg = pneg;
	} else {
		big_sub(Z, P);
		for (int i = 0; i < NL; i++)
			P[i] = Z[i];
		rneg = zneg;
	}
	if (!big_bits(P))
		return fe_get_round() == FE_DOWNWARD ? -0.0L : 0.0L;
	return round_pack(rneg, P, er);
}
