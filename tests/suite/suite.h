/*
 * suite.h - the in-OS test suite's framework (/bin/suite).
 *
 * A group is a function registered with SUITE_GROUP(name) in any source
 * file of tests/suite/ (build.mk compiles every g_*.c): adding a group is
 * adding one file. Groups run in name order; `suite NAME...` runs only
 * those, `suite -l` lists them. Each check that fails prints one line
 *   FAIL file:line: what was expected (details)
 * and the run ends with exactly "N passed, N failed" (the boot test looks
 * for "0 failed"). The same binary runs on every kernel.
 *
 * The suite is also its own helper program: "suite --child MODE args..."
 * (child.c) is what the spawn, wait and signal groups start.
 */
#ifndef QSOE_SUITE_H
#define QSOE_SUITE_H

#include <errno.h>
#include <stdio.h>
#include <string.h>

struct suite_group {
	const char *name;
	void (*run)(void);
};

/* Registers group NAME; the braces that follow are its body. */
#define SUITE_GROUP(NAME)                                                                   \
	static void suite_run_##NAME(void);                                                 \
	static const struct suite_group suite_group_##NAME                                  \
	        __attribute__((used, section("suite_groups"), aligned(sizeof(void *)))) = { \
	                #NAME, suite_run_##NAME};                                           \
	static void suite_run_##NAME(void)

/* Path of the suite binary (for spawning it as a helper). */
#define SUITE_SELF "/bin/suite"

void suite_pass(void);
void suite_fail(const char *file, int line, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));
/* Prints a note (not a failure), e.g. why a part was skipped. */
void suite_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* CHECK(cond, "what was expected", ...): one check. */
#define CHECK(cond, ...)                                             \
	do {                                                         \
		if (cond)                                            \
			suite_pass();                                \
		else                                                 \
			suite_fail(__FILE__, __LINE__, __VA_ARGS__); \
	} while (0)

/* a == b for integers, printing both on failure. */
#define CHECK_EQ(a, b)                                                                     \
	do {                                                                               \
		long long __a = (long long)(a), __b = (long long)(b);                      \
		CHECK(__a == __b, "%s == %s (got %lld, expected %lld)", #a, #b, __a, __b); \
	} while (0)

/* expr fails with -1 (or the value bad) and errno err. */
#define CHECK_ERR(expr, bad, err)                                                        \
	do {                                                                             \
		errno = 0;                                                               \
		long long __r = (long long)(expr);                                       \
		int __e = errno;                                                         \
		CHECK(__r == (long long)(bad) && __e == (err),                           \
		      "%s fails with %s (got %lld, errno %d %s)", #expr, #err, __r, __e, \
		      strerror(__e));                                                    \
	} while (0)

/* expr succeeds (not -1), else prints errno. */
#define CHECK_OK(expr)                                                                    \
	do {                                                                              \
		errno = 0;                                                                \
		long long __r = (long long)(expr);                                        \
		int __e = errno;                                                          \
		CHECK(__r != -1, "%s succeeds (errno %d %s)", #expr, __e, strerror(__e)); \
	} while (0)

/* Spawns the suite as a helper: suite --child args...; returns the pid or -1. */
int suite_spawn_child(const char *const args[]);
/* Waits for pid; returns its wait status, or -1. */
int suite_wait(int pid);
/* Monotonic time in nanoseconds. */
unsigned long long suite_now_ns(void);

#endif /* QSOE_SUITE_H */
