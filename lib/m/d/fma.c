/*
 * fma.c - fused multiply-add x*y + z with a single rounding.
 *
 * On RISC-V (and any target defining __FP_FAST_FMA) this is the fmadd
 * instruction. Elsewhere (the host test build) the exact sum is formed in
 * 128-bit integer arithmetic and rounded once in the current rounding mode.
 */
#include "../internal/libm.h"
#include "../internal/fenv_impl.h"

#ifndef __FP_FAST_FMA
typedef unsigned __int128 u128;

/* Splits finite non-zero |x| into m 2^e with m in [2^52, 2^53). */
static uint64_t unpack(double x, int *e)
{
	uint64_t ix = asu64(x) & 0x7fffffffffffffffULL;
	int be = (int)(ix >> 52);
	uint64_t m = ix & 0x000fffffffffffffULL;
	if (be == 0) {
		int sh = __builtin_clzll(m) - 11;
		*e = -1074 - sh;
		return m << sh;
	}
	*e = be - 1075;
	return m | 0x0010000000000000ULL;
}

/* Shifts right by s, or-ing every lost bit into bit 0. */
static u128 shr_sticky(u128 v, int s)
{
	if (s <= 0)
		return v;
	if (s >= 128)
		return v != 0;
	return (v >> s) | ((v & (((u128)1 << s) - 1)) != 0);
}

/*
 * Rounds (-1)^neg * m * 2^e to a double in the current rounding mode, m
 * non-zero with bit 0 a sticky bit; reports overflow and underflow.
 */
static double round_pack(int neg, u128 m, int e)
{
	int lz = m >> 64 ? __builtin_clzll((uint64_t)(m >> 64)) : 64 + __builtin_clzll((uint64_t)m);
	m <<= lz;
	e -= lz;
	int lead = e + 127;                         /* weight of the leading bit */
	int lsb = lead < -1022 ? -1074 : lead - 52; /* weight of the result's last bit */
	int drop = lsb - e;                         /* bits of m below the result */
	uint64_t q;
	u128 rest, half;
	if (drop >= 128) {
		q = 0;
		rest = m;
		half = drop == 128 ? (u128)1 << 127 : 0;
	} else {
		q = (uint64_t)(m >> drop);
		rest = m & ((((u128)1) << drop) - 1);
		half = (u128)1 << (drop - 1);
	}
	int inexact = rest != 0;
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
		up = half && (rest > half || (rest == half && (q & 1)));
		break;
	}
	q += (uint64_t)up;
	double r;
	if (lsb == -1074 && q < (1ULL << 53)) {
		r = asdbl(q); /* subnormal (or the smallest normals after a carry) */
	} else {
		if (q >> 53) {
			q >>= 1;
			lsb++;
		}
		int be = lsb + 1075;
		if (be >= 0x7ff)
			return __math_oflow(neg);
		r = asdbl((uint64_t)be << 52 | (q & 0x000fffffffffffffULL));
	}
	if (inexact && __builtin_fabs(r) < DBL_MIN) {
		force_eval(0x1p-1022 * 0x1p-1022);
		errno = ERANGE;
	} else if (inexact) {
		force_eval(1.0 + 0x1p-1000);
	}
	return neg ? -r : r;
}
#endif

/* x*y + z rounded once. */
double fma(double x, double y, double z)
{
#ifdef __FP_FAST_FMA
	return __builtin_fma(x, y, z);
#else
	if (!__builtin_isfinite(x) || !__builtin_isfinite(y) || !__builtin_isfinite(z))
		return x * y + z;
	if (x == 0 || y == 0)
		return x * y + z;
	int ex, ey, ez;
	uint64_t mx = unpack(x, &ex), my = unpack(y, &ey);
	int pneg = __builtin_signbit(x) != __builtin_signbit(y);
	int zneg = __builtin_signbit(z) != 0;
	/* the exact product, < 2^106, placed with its top bit at 124 or 125 */
	u128 P = ((u128)mx * my) << 20;
	int eP = ex + ey - 20;
	if (z == 0)
		return round_pack(pneg, P, eP);
	/* z with its top bit at 125 */
	u128 Z = (u128)unpack(z, &ez) << 73;
	int eZ = ez - 73;
	u128 r;
	int er, rneg;
	if (eP >= eZ) {
		Z = shr_sticky(Z, eP - eZ);
		er = eP;
	} else {
		P = shr_sticky(P, eZ - eP);
		er = eZ;
	}
	if (pneg == zneg) {
		r = P + Z;
		rneg = pneg;
	} else if (P >= Z) {
		r = P - Z;
		rneg = pneg;
	} else {
		r = Z - P;
		rneg = zneg;
	}
	if (r == 0) /* exact cancellation: +0, or -0 when rounding down */
		return fe_get_round() == FE_DOWNWARD ? -0.0 : 0.0;
	return round_pack(rneg, r, er);
#endif
}
