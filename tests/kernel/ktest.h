/*
 * ktest.h - a minimal runtime for Skimmer's kernel tests.
 *
 * Kernel tests are static programs that talk to the kernel directly (no C
 * library), so they can run before user space exists and test exactly the
 * kernel. Output goes to the kernel console through DebugPrint.
 */
#ifndef KTEST_H
#define KTEST_H

#include <stddef.h>
#include <stdint.h>
#include <sys/neutrino.h>
#include <skimmer/kapi.h>
#include "kcall_user.h"

/* Prints a formatted line (kernel console). */
void kt_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Ends the process with an exit status. */
__attribute__((noreturn)) void kt_exit(int status);

/* The test's name (argv[0]), for messages. */
extern const char *kt_name;
extern int kt_failures;

/* Records one check; prints it when it fails. */
#define KT_CHECK(cond)                                                                         \
	do {                                                                                   \
		if (!(cond)) {                                                                 \
			kt_printf("%s: FAIL %s:%d: %s\n", kt_name, __FILE__, __LINE__, #cond); \
			kt_failures++;                                                         \
		}                                                                              \
	} while (0)

/* Checks that an _r call returned exactly 'want'. */
#define KT_EQ(expr, want)                                                                    \
	do {                                                                                 \
		long __got = (long)(expr);                                                   \
		if (__got != (long)(want)) {                                                 \
			kt_printf("%s: FAIL %s:%d: %s = %ld, want %ld\n", kt_name, __FILE__, \
			          __LINE__, #expr, __got, (long)(want));                     \
			kt_failures++;                                                       \
		}                                                                            \
	} while (0)

/* The test's entry point. */
int kt_main(int argc, char **argv);

static inline uint64_t kt_instret(void)
{
	uint64_t v;
	__asm__ volatile("rdinstret %0" : "=r"(v));
	return v;
}

void *memset(void *d, int c, size_t n);
void *memcpy(void *d, const void *s, size_t n);

#endif

/* Starts a thread running fn(arg) (on a kernel-chosen hart); returns its tid or -errno. */
int kt_thread_create(void *(*fn)(void *), void *arg);
