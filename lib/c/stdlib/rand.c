/*
 * rand.c - rand, srand, rand_r (ISO C / POSIX). rand() is a 64-bit linear
 * congruential generator returning the high 31 bits; it is serialised by a
 * lock so concurrent callers get distinct values.
 */
#include <stdlib.h>
#include "libc.h"
#include "lock.h"

static qsoe_lock_t lk = QSOE_LOCK_INIT;
static uint64_t state = 1;

/* Seed rand(); the same seed gives the same sequence. */
void srand(unsigned seed)
{
	qsoe_lock(&lk);
	state = seed;
	qsoe_unlock(&lk);
}

/* A pseudo-random number in 0..RAND_MAX. */
int rand(void)
{
	qsoe_lock(&lk);
	state = state * 6364136223846793005ULL + 1442695040888963407ULL;
	int r = (int)(state >> 33);
	qsoe_unlock(&lk);
	return r;
}

/* Reentrant generator whose whole state is *seed (32 bits). */
int rand_r(unsigned *seed)
{
	unsigned s = *seed;

	s = s * 1103515245u + 12345u;
	unsigned r = s >> 16 & 0x7ff;
	s = s * 1103515245u + 12345u;
	r = r << 10 | (s >> 16 & 0x3ff);
	s = s * 1103515245u + 12345u;
	r = r << 10 | (s >> 16 & 0x3ff);
	*seed = s;
	return (int)(r & RAND_MAX);
}
