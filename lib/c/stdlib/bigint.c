/*
 * bigint.c - the few big-integer operations exact float conversion needs
 * (see internal/bigint.h). Numbers are unsigned; limbs are 32 bits so all
 * intermediate products fit in 64 bits.
 */
#include <string.h>
#include "bigint.h"

/* Make b an empty (zero) number over cap limbs of storage. */
void __qb_init(qbig *b, uint32_t *storage, int cap)
{
	b->w = storage;
	b->n = 0;
	b->cap = cap;
}

/* Drop leading zero limbs. */
static void trim(qbig *b)
{
	while (b->n > 0 && b->w[b->n - 1] == 0)
		b->n--;
}

/* b = v. Returns 0, or -1 if b has too few limbs. */
int __qb_set_u128(qbig *b, unsigned __int128 v)
{
	b->n = 0;
	while (v) {
		if (b->n == b->cap)
			return -1;
		b->w[b->n++] = (uint32_t)v;
		v >>= 32;
	}
	return 0;
}

/* b = b * m + add. Returns 0, or -1 on overflow of the storage. */
int __qb_mul_add(qbig *b, uint32_t m, uint32_t add)
{
	uint64_t carry = add;

	for (int i = 0; i < b->n; i++) {
		uint64_t t = (uint64_t)b->w[i] * m + carry;
		b->w[i] = (uint32_t)t;
		carry = t >> 32;
	}
	if (carry) {
		if (b->n == b->cap)
			return -1;
		b->w[b->n++] = (uint32_t)carry;
	}
	trim(b);
	return 0;
}

/* b = b * 10^e (e >= 0). */
int __qb_mul_pow10(qbig *b, int e)
{
	static const uint32_t p10[10] = {1,      10,      100,      1000,      10000,
	                                 100000, 1000000, 10000000, 100000000, 1000000000};

	for (; e >= 9; e -= 9)
		if (__qb_mul_add(b, 1000000000u, 0))
			return -1;
	return e ? __qb_mul_add(b, p10[e], 0) : 0;
}

/* b = b << bits (bits >= 0). */
int __qb_shl(qbig *b, int bits)
{
	int limbs = bits / 32, sh = bits % 32;

	if (b->n == 0)
		return 0;
	int top = b->n + limbs + (sh != 0);
	if (top > b->cap)
		return -1;
	if (sh) {
		b->w[b->n + limbs] = 0;
		for (int i = b->n - 1; i >= 0; i--) {
			b->w[i + limbs + 1] |= b->w[i] >> (32 - sh);
			b->w[i + limbs] = b->w[i] << sh;
		}
	} else {
		memmove(b->w + limbs, b->w, (size_t)b->n * 4);
	}
	memset(b->w, 0, (size_t)limbs * 4);
	b->n = top;
	trim(b);
	return 0;
}

/* b = b >> 1. */
void __qb_shr1(qbig *b)
{
	for (int i = 0; i < b->n; i++)
		b->w[i] = (b->w[i] >> 1) | (i + 1 < b->n ? b->w[i + 1] << 31 : 0);
	trim(b);
}

/* Number of significant bits of b (0 for zero). */
int __qb_bitlen(const qbig *b)
{
	if (b->n == 0)
		return 0;
	return (b->n - 1) * 32 + (32 - __builtin_clz(b->w[b->n - 1]));
}

/* Compare: <0, 0, >0. */
int __qb_cmp(const qbig *a, const qbig *b)
{
	if (a->n != b->n)
		return a->n < b->n ? -1 : 1;
	for (int i = a->n - 1; i >= 0; i--)
		if (a->w[i] != b->w[i])
			return a->w[i] < b->w[i] ? -1 : 1;
	return 0;
}

/* a = a - b; requires a >= b. */
void __qb_sub(qbig *a, const qbig *b)
{
	int64_t borrow = 0;

	for (int i = 0; i < a->n; i++) {
		int64_t t = (int64_t)a->w[i] - (i < b->n ? b->w[i] : 0) - borrow;
		borrow = t < 0;
		a->w[i] = (uint32_t)(t + (borrow << 32));
	}
	trim(a);
}

/* b = b / d; returns b % d (d > 0). */
uint32_t __qb_divmod_small(qbig *b, uint32_t d)
{
	uint64_t r = 0;

	for (int i = b->n - 1; i >= 0; i--) {
		uint64_t t = (r << 32) | b->w[i];
		b->w[i] = (uint32_t)(t / d);
		r = t % d;
	}
	trim(b);
	return (uint32_t)r;
}

/* Nonzero if b is zero. */
int __qb_is_zero(const qbig *b)
{
	return b->n == 0;
}

/*
 * Binary long division: returns q = floor(a / b) and leaves the remainder
 * in a. The caller guarantees q < 2^qbits (qbits <= 127) and that b has
 * room for qbits - 1 more bits; b is destroyed.
 */
unsigned __int128 __qb_div(qbig *a, qbig *b, int qbits)
{
	unsigned __int128 q = 0;

	if (__qb_shl(b, qbits - 1))
		return 0;
	for (int i = qbits - 1; i >= 0; i--) {
		if (__qb_cmp(a, b) >= 0) {
			__qb_sub(a, b);
			q |= (unsigned __int128)1 << i;
		}
		__qb_shr1(b);
	}
	return q;
}
