/*
 * random.c - random, srandom, initstate, setstate (POSIX XSI).
 *
 * An additive lagged-Fibonacci generator x[n] = x[n-sep] + x[n-deg]
 * (mod 2^32) returning x >> 1. The state array given to initstate picks
 * the lag pair: 8..31 bytes use a plain LCG, 32 (7,3), 64 (15,1),
 * 128 (31,3), 256 and more (63,1). Word 0 of the state array records the
 * generator type and position so setstate can resume it.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "libc.h"
#include "lock.h"

static qsoe_lock_t lk = QSOE_LOCK_INIT;
static uint32_t deftab[32] = {3 << 24}; /* type 3 (31, 3), positions 0 */
static uint32_t *st = deftab;           /* word 0: meta; 1..deg: table */
static int seeded;

static const struct {
	int deg, sep;
} types[5] = {{0, 0}, {7, 3}, {15, 1}, {31, 3}, {63, 1}};

/* Meta word: type << 24 | f << 8 | r (indices into the table). */
static int type_of(void)
{
	return (int)(st[0] >> 24);
}

/* Next value of the generator (lock held). */
static long next(void)
{
	int t = type_of();

	if (t == 0) {
		st[1] = st[1] * 1103515245u + 12345u;
		return (long)(st[1] & 0x7fffffff);
	}
	int deg = types[t].deg;
	unsigned f = (st[0] >> 8) & 0xff, r = st[0] & 0xff;
	uint32_t *tab = st + 1;
	tab[f] += tab[r];
	long v = (long)(tab[f] >> 1);
	f = (f + 1) % (unsigned)deg;
	r = (r + 1) % (unsigned)deg;
	st[0] = (uint32_t)t << 24 | f << 8 | r;
	return v;
}

/* Fill the table from seed (lock held). */
static void seed_locked(unsigned seed)
{
	int t = type_of();
	uint32_t x = seed ? seed : 1;

	if (t == 0) {
		st[1] = x;
		return;
	}
	int deg = types[t].deg, sep = types[t].sep;
	for (int i = 0; i < deg; i++) {
		/* Park-Miller minimal standard generator for the initial table. */
		uint64_t p = (uint64_t)x * 16807u % 2147483647u;
		x = (uint32_t)p;
		st[1 + i] = x;
	}
	st[0] = (uint32_t)t << 24 | (uint32_t)sep << 8 | 0;
	for (int i = 0; i < 10 * deg; i++)
		next();
}

/* Seed random(). */
void srandom(unsigned seed)
{
	qsoe_lock(&lk);
	seed_locked(seed);
	seeded = 1;
	qsoe_unlock(&lk);
}

/* A pseudo-random number in 0..2^31-1. */
long random(void)
{
	qsoe_lock(&lk);
	if (!seeded) {
		seed_locked(1);
		seeded = 1;
	}
	long v = next();
	qsoe_unlock(&lk);
	return v;
}

/*
 * Use state (size bytes, 4-aligned, at least 8) for random() and seed it.
 * Returns the previous state array, or NULL (EINVAL) if size < 8.
 */
char *initstate(unsigned seed, char *state, size_t size)
{
	int t;

	if (size < 8)
		return NULL;
	t = size < 32 ? 0 : size < 64 ? 1 : size < 128 ? 2 : size < 256 ? 3 : 4;
	qsoe_lock(&lk);
	char *old = (char *)st;
	st = (uint32_t *)(void *)state;
	st[0] = (uint32_t)t << 24;
	seed_locked(seed);
	seeded = 1;
	qsoe_unlock(&lk);
	return old;
}

/* Resume random() from a state array prepared by initstate; returns the old one. */
char *setstate(char *state)
{
	uint32_t *s = (uint32_t *)(void *)state;

	if ((s[0] >> 24) > 4)
		return NULL;
	qsoe_lock(&lk);
	char *old = (char *)st;
	st = s;
	seeded = 1;
	qsoe_unlock(&lk);
	return old;
}
