/*
 * libm_test.h - shared helpers of the libm host tests: a fast deterministic
 * random number generator (xorshift64*, fixed seed so failures reproduce).
 */
#ifndef LIBM_TEST_H
#define LIBM_TEST_H

#include <stdint.h>

/* QSOE's errno (libc's __get_errno_ptr, provided by the test seam). */
int *q___get_errno_ptr(void);
#define q_errno (*q___get_errno_ptr())

static uint64_t rnd_state = 0x9e3779b97f4a7c15ULL;

/* The next 64 random bits. */
static inline uint64_t rnd64(void)
{
	rnd_state ^= rnd_state >> 12;
	rnd_state ^= rnd_state << 25;
	rnd_state ^= rnd_state >> 27;
	return rnd_state * 0x2545f4914f6cdd1dULL;
}

#endif /* LIBM_TEST_H */
