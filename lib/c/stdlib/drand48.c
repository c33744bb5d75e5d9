/*
 * drand48.c - the 48-bit linear congruential family POSIX specifies
 * exactly: X(n+1) = (a X(n) + c) mod 2^48 with a = 0x5DEECE66D and c = 0xB
 * unless lcong48() changed them.
 */
#include <stdlib.h>
#include <stdint.h>
#include "libc.h"
#include "lock.h"

static qsoe_lock_t lk = QSOE_LOCK_INIT;
static unsigned short x[3] = {0x330e, 0, 0};
static uint64_t a = 0x5deece66dULL;
static unsigned c = 0xb;

static uint64_t get48(const unsigned short v[3])
{
	return (uint64_t)v[0] | (uint64_t)v[1] << 16 | (uint64_t)v[2] << 32;
}

static void put48(unsigned short v[3], uint64_t n)
{
	v[0] = (unsigned short)n;
	v[1] = (unsigned short)(n >> 16);
	v[2] = (unsigned short)(n >> 32);
}

/* Advance xsubi and return the new 48-bit value. */
static uint64_t step(unsigned short xsubi[3])
{
	uint64_t n = (get48(xsubi) * a + c) & 0xffffffffffffULL;
	put48(xsubi, n);
	return n;
}

static uint64_t step_global(void)
{
	qsoe_lock(&lk);
	uint64_t n = step(x);
	qsoe_unlock(&lk);
	return n;
}

/* Uniform double in [0, 1) from the given state. */
double erand48(unsigned short xsubi[3])
{
	return (double)step(xsubi) * 0x1p-48;
}

double drand48(void)
{
	return (double)step_global() * 0x1p-48;
}

/* Non-negative long in [0, 2^31). */
long nrand48(unsigned short xsubi[3])
{
	return (long)(step(xsubi) >> 17);
}

long lrand48(void)
{
	return (long)(step_global() >> 17);
}

/* Signed long in [-2^31, 2^31). */
long jrand48(unsigned short xsubi[3])
{
	return (long)(int32_t)(uint32_t)(step(xsubi) >> 16);
}

long mrand48(void)
{
	return (long)(int32_t)(uint32_t)(step_global() >> 16);
}

/* X = seed's low 32 bits in the high part, 0x330E below; a, c reset. */
void srand48(long seed)
{
	qsoe_lock(&lk);
	put48(x, ((uint64_t)(uint32_t)seed << 16) | 0x330e);
	a = 0x5deece66dULL;
	c = 0xb;
	qsoe_unlock(&lk);
}

/* Set X from seed16v; returns a static copy of the previous X. */
unsigned short *seed48(unsigned short seed16v[3])
{
	static unsigned short old[3];

	qsoe_lock(&lk);
	old[0] = x[0];
	old[1] = x[1];
	old[2] = x[2];
	x[0] = seed16v[0];
	x[1] = seed16v[1];
	x[2] = seed16v[2];
	a = 0x5deece66dULL;
	c = 0xb;
	qsoe_unlock(&lk);
	return old;
}

/* Set X (param[0..2]), a (param[3..5]) and c (param[6]). */
void lcong48(unsigned short param[7])
{
	qsoe_lock(&lk);
	x[0] = param[0];
	x[1] = param[1];
	x[2] = param[2];
	a = get48(param + 3);
	c = param[6];
	qsoe_unlock(&lk);
}
