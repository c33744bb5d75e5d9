/*
 * qtest.h - a tiny test framework for the host tests of QSOE libc.
 *
 * Test programs are glibc programs: they include glibc's headers, declare
 * the renamed QSOE functions they call (q_<name>, see README.md) with plain
 * C types, and compare them with glibc where the standards require the
 * same answer. Each CHECK counts one case; qt_done() prints the plain
 * "N passed, N failed" line and returns the exit status.
 */
#ifndef QTEST_H
#define QTEST_H

#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>

static long qt_pass, qt_fail;

/* Count one case; print a message for the first failures. */
#define CHECK(cond, ...)                                                              \
	do {                                                                          \
		if (cond) {                                                           \
			qt_pass++;                                                    \
		} else {                                                              \
			qt_fail++;                                                    \
			if (qt_fail <= 30) {                                          \
				fprintf(stderr, "%s:%d: FAIL: ", __FILE__, __LINE__); \
				fprintf(stderr, __VA_ARGS__);                         \
				fputc('\n', stderr);                                  \
			}                                                             \
		}                                                                     \
	} while (0)

/* Print the summary; returns the process exit status. */
static inline int qt_done(const char *name)
{
	printf("%s: %ld passed, %ld failed\n", name, qt_pass, qt_fail);
	return qt_fail ? 1 : 0;
}

/* A small deterministic PRNG (xorshift64*) so failures are reproducible. */
static uint64_t qt_seed = 0x9e3779b97f4a7c15ULL;
static inline uint64_t qt_rand(void)
{
	qt_seed ^= qt_seed >> 12;
	qt_seed ^= qt_seed << 25;
	qt_seed ^= qt_seed >> 27;
	return qt_seed * 2685821657736338717ULL;
}

/* QSOE's errno (the thread's libc errno, not glibc's). */
int *q___get_errno_ptr(void);
#define q_errno (*q___get_errno_ptr())

/* QNX errno values the tests compare against (include/qsoe/abi/errno.h). */
enum {
	QE_NOENT = 2,
	QE_BADF = 9,
	QE_NOMEM = 12,
	QE_EXIST = 17,
	QE_INVAL = 22,
	QE_RANGE = 34,
	QE_ILSEQ = 88,
	QE_OVERFLOW = 79,
	QE_NOSYS = 89,
};

#endif /* QTEST_H */
