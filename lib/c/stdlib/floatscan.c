/*
 * floatscan.c - correctly rounded decimal and hexadecimal string to
 * binary32/binary64/binary128 conversion (see internal/floatscan.h).
 *
 * Decimal input: the significant digits D and exponent E give the value
 * D * 10^E exactly (digits beyond what any halfway point between two
 * floats of the format can have are folded into a sticky bit). Small cases
 * use exact IEEE arithmetic (Clinger's fast path); the rest compute
 * floor(D * 10^E * 2^k) with big integers so that the quotient has three
 * bits more than the format's precision, and round that to nearest-even.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "libc.h"
#include "bigint.h"
#include "floatscan.h"

typedef unsigned __int128 u128;

/* An IEEE binary interchange format. */
struct fmt {
	int p;      /* precision in bits, implicit bit included */
	int emin;   /* exponent of the smallest normal */
	int emax;   /* exponent of the largest finite */
	int ebits;  /* exponent field width */
	int maxdig; /* decimal digits that can matter (max halfway point length) */
	int maxmag; /* values >= 10^maxmag overflow */
	int minmag; /* values < 10^minmag round to zero */
};

static const struct fmt fmts[3] = {
        {24, -126, 127, 8, 120, 40, -46},
        {53, -1022, 1023, 11, 800, 310, -324},
        {113, -16382, 16383, 15, 11700, 4934, -4966},
};

/* Bits of u128 value v (0 for 0). */
static int bitlen128(u128 v)
{
	uint64_t hi = (uint64_t)(v >> 64);

	if (hi)
		return 128 - __builtin_clzll(hi);
	return v ? 64 - __builtin_clzll((uint64_t)v) : 0;
}

/* Raw bits of infinity with sign neg. */
static u128 inf_bits(int neg, const struct fmt *f)
{
	int total = f->p + f->ebits; /* sign + exponent + fraction(p - 1) */
	u128 e = ((u128)1 << f->ebits) - 1;

	return ((u128)neg << (total - 1)) | (e << (f->p - 1));
}

/*
 * Round (q + sticky * tiny) * 2^exp2 (q != 0) to the format, nearest-even.
 * Sets errno to ERANGE on overflow or on an inexact subnormal/zero result.
 */
static u128 round_pack(int neg, u128 q, long exp2, int sticky, const struct fmt *f)
{
	int total = f->p + f->ebits;
	u128 sign = (u128)neg << (total - 1);
	int L = bitlen128(q);

	if (L < f->p + 2) {
		int sh = f->p + 2 - L;
		q <<= sh;
		exp2 -= sh;
		L = f->p + 2;
	}
	long e = L - 1 + exp2; /* exponent of the leading bit */
	if (e > f->emax) {
		errno = ERANGE;
		return inf_bits(neg, f);
	}
	long bits = e >= f->emin ? f->p : f->p - (f->emin - e);
	if (bits <= 0) {
		errno = ERANGE;
		/* bits == 0: value in [half, 2 half) of the smallest subnormal. */
		if (bits == 0 && (q != (u128)1 << (L - 1) || sticky))
			return sign | 1;
		return sign;
	}
	int drop = L - (int)bits;
	u128 mant = q >> drop;
	u128 rem = q & (((u128)1 << drop) - 1);
	u128 half = (u128)1 << (drop - 1);
	int inexact = rem != 0 || sticky;
	if (rem > half || (rem == half && (sticky || (mant & 1))))
		mant++;
	if (e < f->emin) {
		if (inexact)
			errno = ERANGE;
		return sign | mant; /* a carry to 2^(p-1) is the smallest normal */
	}
	if (mant >> f->p) {
		mant >>= 1;
		if (++e > f->emax) {
			errno = ERANGE;
			return inf_bits(neg, f);
		}
	}
	u128 frac = mant & (((u128)1 << (f->p - 1)) - 1);
	return sign | ((u128)(e + f->emax) << (f->p - 1)) | frac;
}

/* Case-insensitive match of the lowercase word w at s; returns its length or 0. */
static size_t match(const char *s, const char *w)
{
	size_t i;

	for (i = 0; w[i]; i++)
		if ((s[i] | 0x20) != w[i])
			return 0;
	return i;
}

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c |= 0x20;
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* Parse an exponent "[eEpP][+-]digits" at *sp; returns 0 and leaves *sp if absent. */
static long parse_exp(const char **sp)
{
	const char *s = *sp + 1;
	int neg = 0;
	long v = 0;

	if (*s == '+' || *s == '-')
		neg = *s++ == '-';
	if (*s < '0' || *s > '9')
		return 0;
	for (; *s >= '0' && *s <= '9'; s++)
		if (v < 1000000000L)
			v = v * 10 + (*s - '0');
	*sp = s;
	return neg ? -v : v;
}

/* Hexadecimal significand after "0x": s points at the first hex digit or '.'. */
static u128 scan_hex(int neg, const char *s, const char **endp, const struct fmt *f)
{
	u128 q = 0;
	long exp2 = 0; /* scan_hex stores *endp only if there is a digit */
	int sticky = 0, any = 0, point = 0;

	for (;; s++) {
		if (*s == '.' && !point) {
			point = 1;
			continue;
		}
		int d = hexval((unsigned char)*s);
		if (d < 0)
			break;
		any = 1;
		if (q >> 120) {
			sticky |= d != 0;
			if (!point)
				exp2 += 4;
		} else {
			q = q << 4 | (unsigned)d;
			if (point)
				exp2 -= 4;
		}
	}
	if (!any)
		return 0; /* caller handles "0x" without digits */
	if (*s == 'p' || *s == 'P')
		exp2 += parse_exp(&s);
	*endp = s;
	if (q == 0)
		return (u128)neg << (f->p + f->ebits - 1);
	return round_pack(neg, q, exp2, sticky, f);
}

/* Exact powers of ten for the fast paths. */
static const double p10d[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                              1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                              1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
static const float p10f[] = {1e0f, 1e1f, 1e2f, 1e3f, 1e4f, 1e5f, 1e6f, 1e7f, 1e8f, 1e9f, 1e10f};

/* Raw bits of a host float/double/long double value. */
static u128 bits_of_float(float x)
{
	uint32_t u;
	memcpy(&u, &x, 4);
	return u;
}

static u128 bits_of_double(double x)
{
	uint64_t u;
	memcpy(&u, &x, 8);
	return u;
}

static u128 bits_of_ldouble(long double x)
{
	u128 u;
	memcpy(&u, &x, 16);
	return u;
}

/* 10^e as a binary128 long double, exact for 0 <= e <= 48. */
static long double p10ld(int e)
{
	long double r = 1.0L, b = 10.0L;

	for (; e; e >>= 1, b *= b)
		if (e & 1)
			r *= b;
	return r;
}

/* Limbs needed for 10^k times 2^extra (upper bound). */
static int limbs_for(long k, int extra)
{
	return (int)((k * 3322L / 1000 + extra + 64) / 32 + 2);
}

#define STACK_LIMBS 256

/*
 * The big-integer path: D is the first nd significant digits found from
 * dig (skipping a '.'), the value is D * 10^e10 (+ sticky).
 */
static u128 decimal_big(int neg, const char *dig, int nd, long e10, int sticky, const struct fmt *f)
{
	uint32_t stack[2 * STACK_LIMBS];
	uint32_t *mem = stack;
	int qbits = f->p + 3;
	long pos = e10 > 0 ? e10 : 0, negx = e10 < 0 ? -e10 : 0;
	int capa = limbs_for(nd + pos + negx, qbits + 64);
	int capb = capa;
	qbig a, b;

	if (capa + capb > 2 * STACK_LIMBS) {
		mem = malloc((size_t)(capa + capb) * 4);
		if (!mem) {
			/* Only binary128 inputs with huge exponents or digit counts get here. */
			errno = ENOMEM;
			return (u128)neg << (f->p + f->ebits - 1);
		}
	}
	__qb_init(&a, mem, capa);
	__qb_init(&b, mem + capa, capb);

	/* D, nine digits at a time. */
	uint32_t chunk = 0, mul = 1;
	for (int i = 0; i < nd; dig++) {
		if (*dig == '.')
			continue;
		chunk = chunk * 10 + (uint32_t)(*dig - '0');
		mul *= 10;
		i++;
		if (mul == 1000000000u || i == nd) {
			__qb_mul_add(&a, mul, chunk);
			chunk = 0;
			mul = 1;
		}
	}
	__qb_mul_pow10(&a, (int)pos);
	__qb_set_u128(&b, 1);
	__qb_mul_pow10(&b, (int)negx);

	/* Scale so that q = floor(a / b) has qbits or qbits + 1 bits. */
	long sh = qbits - (__qb_bitlen(&a) - __qb_bitlen(&b));
	if (sh > 0)
		__qb_shl(&a, (int)sh);
	else if (sh < 0)
		__qb_shl(&b, (int)-sh);
	u128 q = __qb_div(&a, &b, qbits + 1);
	sticky |= !__qb_is_zero(&a);
	if (mem != stack)
		free(mem);
	return round_pack(neg, q, -sh, sticky, f);
}

unsigned __int128 __qsoe_floatscan(const char *s0, char **end, int fmtno)
{
	const struct fmt *f = &fmts[fmtno];
	const char *s = s0;
	int neg = 0;
	size_t k;

	while (*s == ' ' || (*s >= '\t' && *s <= '\r'))
		s++;
	if (*s == '+' || *s == '-')
		neg = *s++ == '-';
	u128 zero = (u128)neg << (f->p + f->ebits - 1);

	if ((k = match(s, "inf"))) {
		s += k;
		if ((k = match(s, "inity")))
			s += k;
		*end = (char *)s;
		return inf_bits(neg, f);
	}
	if ((k = match(s, "nan"))) {
		u128 payload = 0;
		s += k;
		if (*s == '(') {
			const char *t = s + 1;
			while ((*t >= '0' && *t <= '9') ||
			       ((*t | 0x20) >= 'a' && (*t | 0x20) <= 'z') || *t == '_')
				t++;
			if (*t == ')') {
				char *pe;
				unsigned long long v = strtoull(s + 1, &pe, 0);
				if (pe == t)
					payload = v;
				s = t + 1;
			}
		}
		*end = (char *)s;
		u128 quiet = (u128)1 << (f->p - 2);
		payload &= quiet - 1;
		return inf_bits(neg, f) | quiet | payload;
	}
	if (s[0] == '0' && (s[1] | 0x20) == 'x') {
		const char *e = NULL;
		u128 r = scan_hex(neg, s + 2, &e, f);
		if (e) {
			*end = (char *)e;
			return r;
		}
		*end = (char *)(s + 1); /* "0x" without hex digits: just the "0" */
		return zero;
	}

	/* Decimal. */
	const char *sig = NULL; /* first significant digit */
	long nd = 0;            /* significant digits seen */
	long e10 = 0;           /* value = D(kept digits) * 10^e10 */
	int point = 0, any = 0, sticky = 0;
	for (;; s++) {
		if (*s == '.' && !point) {
			point = 1;
			continue;
		}
		if (*s < '0' || *s > '9')
			break;
		any = 1;
		if (!sig && *s == '0') {
			if (point)
				e10--;
			continue;
		}
		if (!sig)
			sig = s;
		if (nd < f->maxdig) {
			nd++;
			if (point)
				e10--;
		} else {
			sticky |= *s != '0';
			if (!point)
				e10++;
		}
	}
	if (!any) {
		*end = (char *)s0;
		return 0;
	}
	if (*s == 'e' || *s == 'E')
		e10 += parse_exp(&s);
	*end = (char *)s;
	if (nd == 0)
		return zero;
	long mag = nd + e10; /* 10^(mag-1) <= value < 10^mag */
	if (mag > f->maxmag) {
		errno = ERANGE;
		return inf_bits(neg, f);
	}
	if (mag < f->minmag) {
		errno = ERANGE;
		return zero;
	}
	/* Strip trailing zeros of the kept digits (they only scale). */
	if (!sticky && nd > 1) {
		const char *t = sig;
		long i = 0, lastnz = 0;
		for (; i < nd; t++) {
			if (*t == '.')
				continue;
			i++;
			if (*t != '0')
				lastnz = i;
		}
		e10 += nd - lastnz;
		nd = lastnz;
	}

	/* Fast paths: D and 10^|e10| exact, one correctly rounded operation. */
	if (!sticky && fmtno == QSOE_DBL && nd <= 15 && e10 >= -22 && e10 <= 22) {
		uint64_t d = 0;
		for (const char *t = sig; nd; t++)
			if (*t != '.') {
				d = d * 10 + (uint64_t)(*t - '0');
				nd--;
			}
		double x = (double)d;
		x = e10 >= 0 ? x * p10d[e10] : x / p10d[-e10];
		return bits_of_double(neg ? -x : x);
	}
	if (!sticky && fmtno == QSOE_FLT && nd <= 7 && e10 >= -10 && e10 <= 10) {
		uint32_t d = 0;
		for (const char *t = sig; nd; t++)
			if (*t != '.') {
				d = d * 10 + (uint32_t)(*t - '0');
				nd--;
			}
		float x = (float)d;
		x = e10 >= 0 ? x * p10f[e10] : x / p10f[-e10];
		return bits_of_float(neg ? -x : x);
	}
	if (!sticky && fmtno == QSOE_LDBL && nd <= 34 && e10 >= -48 && e10 <= 48) {
		u128 d = 0;
		for (const char *t = sig; nd; t++)
			if (*t != '.') {
				d = d * 10 + (unsigned)(*t - '0');
				nd--;
			}
		long double x = (long double)d;
		x = e10 >= 0 ? x * p10ld((int)e10) : x / p10ld((int)-e10);
		return bits_of_ldouble(neg ? -x : x);
	}
	return decimal_big(neg, sig, (int)nd, e10, sticky, f);
}
