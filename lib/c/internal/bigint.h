/*
 * bigint.h - minimal unsigned big integers for exact decimal <-> binary
 * floating-point conversion (strtod family and printf's %f/%e/%g).
 *
 * A qbig is little-endian 32-bit limbs in caller-provided storage. Every
 * operation that can grow a number checks the capacity and returns -1 if
 * the result would not fit (the callers size their storage from the
 * format's exponent range, so this only guards against bugs).
 */
#ifndef QSOE_LIBC_BIGINT_H
#define QSOE_LIBC_BIGINT_H

#include <stdint.h>

typedef struct {
	uint32_t *w; /* limbs, least significant first */
	int n;       /* limbs in use; w[n-1] != 0 unless n == 0 */
	int cap;     /* limbs available */
} qbig;

void __qb_init(qbig *b, uint32_t *storage, int cap);
int __qb_set_u128(qbig *b, unsigned __int128 v);
int __qb_mul_add(qbig *b, uint32_t m, uint32_t add);
int __qb_mul_pow10(qbig *b, int e);
int __qb_shl(qbig *b, int bits);
int __qb_bitlen(const qbig *b);
int __qb_cmp(const qbig *a, const qbig *b);
void __qb_sub(qbig *a, const qbig *b);
void __qb_shr1(qbig *b);
uint32_t __qb_divmod_small(qbig *b, uint32_t d);
unsigned __int128 __qb_div(qbig *a, qbig *b, int qbits);
int __qb_is_zero(const qbig *b);

#endif /* QSOE_LIBC_BIGINT_H */
