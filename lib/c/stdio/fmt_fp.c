/*
 * fmt_fp.c - printf's floating conversions %e %f %g %a (and uppercase),
 * exact for any precision: the decimal digits come from the exact binary
 * value with big integers and are rounded to nearest, ties to even, as
 * glibc does. Works for binary64 (double) and binary128 (long double).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "libc.h"
#include "bigint.h"
#include "printf_impl.h"

typedef unsigned __int128 u128;

/* Split a double into sign, class, significand and exponent. */
void __qsoe_fp_double(struct __qsoe_fp *x, double d)
{
	uint64_t u;
	memcpy(&u, &d, 8);
	int e = (int)(u >> 52 & 0x7ff);
	uint64_t f = u & ((1ULL << 52) - 1);

	x->neg = (int)(u >> 63);
	x->mbits = 53;
	x->emin = -1022;
	if (e == 0x7ff) {
		x->cls = f ? 3 : 2;
		return;
	}
	if (e == 0) {
		x->cls = f ? 1 : 0;
		x->mant = f;
		x->e2 = -1074;
		return;
	}
	x->cls = 1;
	x->mant = f | 1ULL << 52;
	x->e2 = e - 1075;
}

/* Split an IEEE binary128 long double. */
void __qsoe_fp_ldouble(struct __qsoe_fp *x, long double d)
{
	u128 u;
	memcpy(&u, &d, 16);
	int e = (int)(u >> 112 & 0x7fff);
	u128 f = u & (((u128)1 << 112) - 1);

	x->neg = (int)(u >> 127);
	x->mbits = 113;
	x->emin = -16382;
	if (e == 0x7fff) {
		x->cls = f ? 3 : 2;
		return;
	}
	if (e == 0) {
		x->cls = f ? 1 : 0;
		x->mant = f;
		x->e2 = -16494;
		return;
	}
	x->cls = 1;
	x->mant = f | (u128)1 << 112;
	x->e2 = e - 16495;
}

/* Digit collector: significant digits of the exact value, 0.d0d1... * 10^dexp. */
struct dig {
	char *d;
	int n, cap;
	int dexp;
	int started;
	int sticky;         /* a nonzero digit was generated but not stored */
	int fixmode, limit; /* fixmode: fraction digits to keep; else significant digits */
	int fk;             /* fraction digits generated so far */
	int done;
};

/* Take one generated digit (is_frac: it is after the decimal point). */
static void put_digit(struct dig *g, int v, int is_frac)
{
	if (g->done) {
		g->sticky |= v != 0;
		return;
	}
	if (is_frac) {
		g->fk++;
		if (g->fixmode && g->fk > g->limit) {
			g->done = 1;
			g->sticky |= v != 0;
			return;
		}
	}
	if (!g->started) {
		if (v == 0) {
			if (is_frac)
				g->dexp--;
			return;
		}
		g->started = 1;
	}
	if (g->n < g->cap)
		g->d[g->n++] = (char)('0' + v);
	else
		g->sticky |= v != 0;
	if (!g->fixmode && g->n >= g->limit)
		g->done = 1;
}

/* Emit the 9 digits of a chunk (or fewer, without leading zeros, if first). */
static void put_chunk(struct dig *g, uint32_t c, int ndig, int is_frac)
{
	char t[9];
	for (int i = ndig - 1; i >= 0; i--, c /= 10)
		t[i] = (char)(c % 10);
	for (int i = 0; i < ndig; i++)
		put_digit(g, t[i], is_frac);
}

#define LIMBS 600 /* enough for binary128: 16494 + 113 bits and 4933 decimal digits */

/*
 * Generate the digits of mant * 2^e2 (mant != 0) into g. The integer part
 * is converted whole; fraction digits are produced by repeated
 * multiplication by 10^9 until g says it has enough.
 */
static void gen_digits(struct dig *g, u128 mant, int e2)
{
	uint32_t w[LIMBS];
	qbig b;

	__qb_init(&b, w, LIMBS);
	g->dexp = 0;
	/* Integer part. */
	u128 ipart = 0;
	int s = e2 < 0 ? -e2 : 0;
	if (e2 >= 0) {
		__qb_set_u128(&b, mant);
		__qb_shl(&b, e2);
	} else if (s < 128) {
		ipart = mant >> s;
		__qb_set_u128(&b, ipart);
	}
	if (!__qb_is_zero(&b)) {
		uint32_t chunks[LIMBS];
		int nc = 0;
		while (!__qb_is_zero(&b))
			chunks[nc++] = __qb_divmod_small(&b, 1000000000u);
		int top = 1;
		for (uint32_t c = chunks[nc - 1]; c >= 10; c /= 10)
			top++;
		g->dexp = top + 9 * (nc - 1);
		g->started = 1;
		put_chunk(g, chunks[nc - 1], top, 0);
		for (int i = nc - 2; i >= 0; i--)
			put_chunk(g, chunks[i], 9, 0);
	}
	if (e2 >= 0)
		return;
	/* Fraction part: F / 2^s. */
	u128 frac = s < 128 ? mant & (((u128)1 << s) - 1) : mant;
	if (!frac)
		return;
	__qb_set_u128(&b, frac);
	int top = s / 32, bit = s % 32; /* the integer digits of F * 10^9 start here */
	while (!__qb_is_zero(&b)) {
		if (g->done) {
			g->sticky = 1;
			return;
		}
		__qb_mul_add(&b, 1000000000u, 0);
		uint32_t c = 0;
		if (b.n > top) {
			uint64_t hi = (uint64_t)b.w[top] >> bit;
			if (top + 1 < b.n)
				hi |= (uint64_t)b.w[top + 1] << (32 - bit);
			c = (uint32_t)hi;
			/* Clear the bits at and above position s. */
			b.w[top] &= bit ? (1u << bit) - 1 : 0;
			for (int i = top + 1; i < b.n; i++)
				b.w[i] = 0;
			while (b.n > 0 && b.w[b.n - 1] == 0)
				b.n--;
		}
		if (!g->started && c == 0) {
			g->dexp -= 9;
			g->fk += 9;
			if (g->fixmode && g->fk > g->limit) {
				g->done = 1;
				g->sticky = !__qb_is_zero(&b);
				return;
			}
			continue;
		}
		put_chunk(g, c, 9, 1);
	}
}

/*
 * Round the digits to keep digits (ties to even). Returns the number of
 * digits kept; may update dexp when rounding carries (9.99 -> 10.0).
 */
static int round_digits(struct dig *g, int keep)
{
	if (keep >= g->n && !g->sticky)
		return g->n;
	if (keep < 0) {
		g->n = 0;
		return 0;
	}
	int r = keep < g->n ? g->d[keep] - '0' : 0;
	int rest = g->sticky;
	for (int i = keep + 1; i < g->n && !rest; i++)
		rest = g->d[i] != '0';
	int odd = keep > 0 && ((g->d[keep - 1] - '0') & 1);
	int up = r > 5 || (r == 5 && (rest || odd));
	if (keep < g->n)
		g->n = keep;
	if (up) {
		int i = keep - 1;
		while (i >= 0 && g->d[i] == '9')
			g->d[i--] = '0';
		if (i >= 0) {
			g->d[i]++;
		} else {
			/* Carry out of the first digit: 1 followed by zeros. */
			memmove(g->d + 1, g->d, (size_t)(keep > 0 ? keep - 1 : 0));
			g->d[0] = '1';
			g->n = keep > 0 ? keep : 1;
			g->dexp++;
		}
	}
	g->sticky = 0;
	return g->n;
}

/* Write sign, body and padding according to flags and width. */
static void field(struct __qsoe_sink *k, const char *pre, size_t plen, int flags, int width,
                  size_t bodylen, void (*body)(struct __qsoe_sink *, void *), void *arg,
                  int zeropad)
{
	size_t len = plen + bodylen;
	size_t w = width > 0 ? (size_t)width : 0;

	if (__qsoe_reserve(k, len > w ? len : w))
		return;
	if (!(flags & PF_MINUS) && !(zeropad && (flags & PF_ZERO)) && w > len)
		__qsoe_pad(k, ' ', w - len);
	__qsoe_out(k, pre, plen);
	if (!(flags & PF_MINUS) && zeropad && (flags & PF_ZERO) && w > len)
		__qsoe_pad(k, '0', w - len);
	body(k, arg);
	if ((flags & PF_MINUS) && w > len)
		__qsoe_pad(k, ' ', w - len);
}

struct body {
	struct dig *g;
	int conv;  /* 'e' or 'f' (after %g chose) */
	int prec;  /* digits after the point */
	int point; /* print the decimal point */
	int upper;
	long zeros_f; /* %f: integer digits to print */
	const char *text;
	size_t tlen;
};

static void body_text(struct __qsoe_sink *k, void *arg)
{
	struct body *b = arg;
	__qsoe_out(k, b->text, b->tlen);
}

/* Output digits [from, to) of the expansion, '0' beyond the stored ones. */
static void out_digits(struct __qsoe_sink *k, const struct dig *g, long from, long to)
{
	long i = from;
	if (i < 0) {
		long z = (to < 0 ? to : 0) - i;
		__qsoe_pad(k, '0', (size_t)z);
		i += z;
	}
	if (i < to && i < g->n) {
		long e = to < g->n ? to : g->n;
		__qsoe_out(k, g->d + i, (size_t)(e - i));
		i = e;
	}
	if (i < to)
		__qsoe_pad(k, '0', (size_t)(to - i));
}

static void body_e(struct __qsoe_sink *k, void *arg)
{
	struct body *b = arg;
	const struct dig *g = b->g;
	char exp[16];
	int x = g->n ? g->dexp - 1 : 0;
	int i = 0;

	__qsoe_out(k, g->n ? g->d : "0", 1);
	if (b->point)
		__qsoe_out(k, ".", 1);
	out_digits(k, g, 1, 1L + b->prec);
	exp[i++] = b->upper ? 'E' : 'e';
	exp[i++] = x < 0 ? '-' : '+';
	unsigned ux = x < 0 ? (unsigned)-x : (unsigned)x;
	char t[12];
	int tn = 0;
	do
		t[tn++] = (char)('0' + ux % 10);
	while (ux /= 10);
	if (tn < 2)
		t[tn++] = '0';
	while (tn)
		exp[i++] = t[--tn];
	__qsoe_out(k, exp, (size_t)i);
}

static void body_f(struct __qsoe_sink *k, void *arg)
{
	struct body *b = arg;
	const struct dig *g = b->g;

	if (b->zeros_f > 0)
		out_digits(k, g, 0, b->zeros_f);
	else
		__qsoe_out(k, "0", 1);
	if (b->point)
		__qsoe_out(k, ".", 1);
	long start = g->n ? (long)g->dexp : 0;
	out_digits(k, g, start, start + b->prec);
}

/* %a: hexadecimal significand and binary exponent. */
static void fmt_hex(struct __qsoe_sink *k, const struct __qsoe_fp *x, int flags, int width,
                    int prec, const char *sign, size_t slen)
{
	const char *hex = (flags & PF_UPPER) ? "0123456789ABCDEF" : "0123456789abcdef";
	int fbits = x->mbits - 1; /* fraction bits: 52 or 112 */
	int nd = (fbits + 3) / 4; /* hex digits of the fraction: 13 or 28 */
	u128 m = x->mant;
	int lead, e;

	if (x->cls == 0) {
		lead = 0;
		e = 0;
	} else if (m >> fbits) {
		lead = 1;
		e = x->e2 + fbits;
	} else {
		lead = 0; /* subnormal: 0x0.xxxp<emin> as glibc prints it */
		e = x->emin;
	}
	u128 frac = m & (((u128)1 << fbits) - 1);
	frac <<= nd * 4 - fbits; /* align to whole hex digits */
	if (prec >= 0 && prec < nd) {
		int drop = (nd - prec) * 4;
		u128 rem = frac & (((u128)1 << drop) - 1), half = (u128)1 << (drop - 1);
		frac >>= drop;
		int odd = prec > 0 ? (int)(frac & 1) : lead & 1;
		if (rem > half || (rem == half && odd)) {
			frac++;
			if (frac >> (prec * 4)) {
				frac &= ((u128)1 << (prec * 4)) - 1;
				lead++;
			}
		}
		nd = prec;
	} else if (prec < 0) {
		while (nd > 0 && (frac & 15) == 0) {
			frac >>= 4;
			nd--;
		}
	}
	char buf[160];
	int n = 0;
	buf[n++] = hex[lead];
	if (nd > 0 || prec > 0 || (flags & PF_HASH))
		buf[n++] = '.';
	for (int i = nd - 1; i >= 0; i--)
		buf[n++] = hex[(int)(frac >> (4 * i)) & 15];
	int zeros = prec > nd ? prec - nd : 0;
	char ebuf[16];
	int en = 0;
	ebuf[en++] = (flags & PF_UPPER) ? 'P' : 'p';
	ebuf[en++] = e < 0 ? '-' : '+';
	unsigned ue = e < 0 ? (unsigned)-e : (unsigned)e;
	char t[12];
	int tn = 0;
	do
		t[tn++] = (char)('0' + ue % 10);
	while (ue /= 10);
	while (tn)
		ebuf[en++] = t[--tn];
	char pre[4];
	memcpy(pre, sign, slen);
	pre[slen] = '0';
	pre[slen + 1] = (flags & PF_UPPER) ? 'X' : 'x';
	size_t len = slen + 2 + (size_t)n + (size_t)zeros + (size_t)en;
	size_t w = width > 0 ? (size_t)width : 0;
	if (__qsoe_reserve(k, len > w ? len : w))
		return;
	if (!(flags & (PF_MINUS | PF_ZERO)) && w > len)
		__qsoe_pad(k, ' ', w - len);
	__qsoe_out(k, pre, slen + 2);
	if ((flags & PF_ZERO) && !(flags & PF_MINUS) && w > len)
		__qsoe_pad(k, '0', w - len);
	__qsoe_out(k, buf, (size_t)n);
	__qsoe_pad(k, '0', (size_t)zeros);
	__qsoe_out(k, ebuf, (size_t)en);
	if ((flags & PF_MINUS) && w > len)
		__qsoe_pad(k, ' ', w - len);
}

/*
 * Format x for conversion conv (one of eEfFgGaA) with the given flags,
 * width and precision (-1: default).
 */
void __qsoe_fmt_fp(struct __qsoe_sink *k, const struct __qsoe_fp *x, int flags, int width, int prec,
                   int conv)
{
	char sign[2];
	size_t slen = 0;
	int lc = conv | 0x20;

	if (conv >= 'A' && conv <= 'Z')
		flags |= PF_UPPER;
	if (x->neg)
		sign[slen++] = '-';
	else if (flags & PF_PLUS)
		sign[slen++] = '+';
	else if (flags & PF_SPACE)
		sign[slen++] = ' ';

	if (x->cls >= 2) {
		struct body b = {0};
		b.text = x->cls == 2 ? ((flags & PF_UPPER) ? "INF" : "inf")
		                     : ((flags & PF_UPPER) ? "NAN" : "nan");
		b.tlen = 3;
		field(k, sign, slen, flags, width, 3, body_text, &b, 0);
		return;
	}
	if (lc == 'a') {
		fmt_hex(k, x, flags, width, prec, sign, slen);
		return;
	}
	if (prec < 0)
		prec = 6;

	/* How many digits: %e keeps prec+1 significant, %g prec, %f prec decimals. */
	struct dig g = {0};
	int gp = prec ? prec : 1;
	if (lc == 'e') {
		g.limit = prec + 2;
	} else if (lc == 'g') {
		g.limit = gp + 1;
	} else {
		g.fixmode = 1;
		g.limit = prec + 1;
	}
	/* The exact expansion never has more significant digits than this. */
	int maxd = x->mbits == 53 ? 1100 : 11600;
	long want = g.fixmode ? (long)prec + 1 + 4934 : (long)g.limit;
	g.cap = want < maxd ? (int)want : maxd;
	char stackbuf[1200];
	g.d = stackbuf;
	if (g.cap > (int)sizeof(stackbuf)) {
		g.d = malloc((size_t)g.cap);
		if (!g.d) {
			if (!k->err)
				k->err = ENOMEM;
			return;
		}
	}
	if (x->cls == 1)
		gen_digits(&g, x->mant, x->e2);

	struct body b = {0};
	b.g = &g;
	b.upper = (flags & PF_UPPER) != 0;
	if (lc == 'g') {
		round_digits(&g, gp);
		int X = g.n ? g.dexp - 1 : 0;
		if (gp > X && X >= -4) {
			lc = 'f';
			prec = gp - 1 - X;
		} else {
			lc = 'e';
			prec = gp - 1;
		}
		if (!(flags & PF_HASH)) {
			/* Drop trailing zeros of the fraction. */
			long sig = g.n;
			while (sig > 0 && g.d[sig - 1] == '0')
				sig--;
			g.n = (int)sig;
			long fracdig = lc == 'e' ? sig - 1 : sig - (g.n ? g.dexp : 0);
			if (fracdig < 0)
				fracdig = 0;
			if (prec > fracdig)
				prec = (int)fracdig;
		}
	} else if (lc == 'e') {
		round_digits(&g, prec + 1);
	} else {
		round_digits(&g, g.n || g.sticky ? g.dexp + prec : 0);
	}
	b.prec = prec;
	b.point = prec > 0 || (flags & PF_HASH);
	size_t blen;
	if (lc == 'e') {
		int X = g.n ? g.dexp - 1 : 0;
		unsigned ux = X < 0 ? (unsigned)-X : (unsigned)X;
		int ed = 0;
		do
			ed++;
		while (ux /= 10);
		blen = 1 + (size_t)b.point + (size_t)prec + 2 + (size_t)(ed < 2 ? 2 : ed);
		field(k, sign, slen, flags, width, blen, body_e, &b, 1);
	} else {
		b.zeros_f = g.n && g.dexp > 0 ? g.dexp : 0;
		blen = (size_t)(b.zeros_f > 0 ? b.zeros_f : 1) + (size_t)b.point + (size_t)prec;
		field(k, sign, slen, flags, width, blen, body_f, &b, 1);
	}
	if (g.d != stackbuf)
		free(g.d);
}
