/*
 * check.h - the tiny check framework of the host unit tests.
 *
 * Every CHECK* macro counts one check and, when it fails, prints the file,
 * line, expression and values. check_done() prints the totals in one line
 * ("name: N checks, M failures") and gives the exit status. check_phase()
 * names what runs now, so a hang caught by the alarm (check_timeout()) says
 * where it happened. check_rand() is a deterministic generator (xorshift64*),
 * so every randomised test is reproducible from its seed.
 */
#ifndef QSOE_TESTS_CHECK_H
#define QSOE_TESTS_CHECK_H

#include <inttypes.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static unsigned long check_count;
static unsigned long check_failures;
static const char *volatile check_phase_name = "start";

/* Records one check; prints a failure line. Returns ok so callers can bail out. */
static inline bool check_report(bool ok, const char *file, int line, const char *expr)
{
	check_count++;
	if (!ok) {
		check_failures++;
		if (check_failures <= 200)
			printf("FAIL %s:%d [%s]: %s\n", file, line, check_phase_name, expr);
	}
	return ok;
}

/* Records one comparison of two unsigned 64-bit values. */
static inline bool check_report_u64(uint64_t a, uint64_t b, const char *file, int line,
                                    const char *ea, const char *eb)
{
	check_count++;
	if (a != b) {
		check_failures++;
		if (check_failures <= 200)
			printf("FAIL %s:%d [%s]: %s == %s: 0x%" PRIx64 " != 0x%" PRIx64 "\n", file,
			       line, check_phase_name, ea, eb, a, b);
		return false;
	}
	return true;
}

/* Records one comparison of two signed 64-bit values. */
static inline bool check_report_i64(int64_t a, int64_t b, const char *file, int line,
                                    const char *ea, const char *eb)
{
	check_count++;
	if (a != b) {
		check_failures++;
		if (check_failures <= 200)
			printf("FAIL %s:%d [%s]: %s == %s: %" PRId64 " != %" PRId64 "\n", file,
			       line, check_phase_name, ea, eb, a, b);
		return false;
	}
	return true;
}

/* Records one comparison of two strings (NULL allowed). */
static inline bool check_report_str(const char *a, const char *b, const char *file, int line,
                                    const char *ea, const char *eb)
{
	bool ok = (a == NULL && b == NULL) || (a != NULL && b != NULL && strcmp(a, b) == 0);

	check_count++;
	if (!ok) {
		check_failures++;
		if (check_failures <= 200)
			printf("FAIL %s:%d [%s]: %s == %s: \"%s\" != \"%s\"\n", file, line,
			       check_phase_name, ea, eb, a ? a : "(NULL)", b ? b : "(NULL)");
	}
	return ok;
}

#define CHECK(cond)       check_report(!!(cond), __FILE__, __LINE__, #cond)
#define CHECK_EQ(a, b)    check_report_u64((uint64_t)(a), (uint64_t)(b), __FILE__, __LINE__, #a, #b)
#define CHECK_IEQ(a, b)   check_report_i64((int64_t)(a), (int64_t)(b), __FILE__, __LINE__, #a, #b)
#define CHECK_STREQ(a, b) check_report_str((a), (b), __FILE__, __LINE__, #a, #b)

/* Names the part of the test that runs now (shown in failures and timeouts). */
static inline void check_phase(const char *name)
{
	check_phase_name = name;
}

static void check_alarm(int sig)
{
	static const char msg[] = "FAIL: timeout (a walk did not terminate) in phase ";
	const char *p = check_phase_name;

	(void)sig;
	if (write(2, msg, sizeof(msg) - 1) < 0 || write(2, p, strlen(p)) < 0 ||
	    write(2, "\n", 1) < 0)
		_exit(3);
	_exit(2);
}

/* Fails the whole test (exit 2, naming the phase) if it runs longer than 'seconds'. */
static inline void check_timeout(unsigned seconds)
{
	signal(SIGALRM, check_alarm);
	alarm(seconds);
}

/* Prints "name: N checks, M failures" and returns the exit status for main(). */
static inline int check_done(const char *name)
{
	printf("%s: %lu checks, %lu failures\n", name, check_count, check_failures);
	return check_failures == 0 && check_count > 0 ? 0 : 1;
}

/* Deterministic pseudo-random numbers (xorshift64*); the state must not be 0. */
static inline uint64_t check_rand(uint64_t *state)
{
	uint64_t x = *state;

	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	*state = x;
	return x * 0x2545f4914f6cdd1dULL;
}

/* Uniform-enough value in [0, n) for n > 0. */
static inline uint64_t check_rand_below(uint64_t *state, uint64_t n)
{
	return check_rand(state) % n;
}

/* Reads a whole file into a malloc'd buffer; exits the test if it cannot. */
static inline uint8_t *check_read_file(const char *path, size_t *lenp)
{
	FILE *fp = fopen(path, "rb");
	uint8_t *buf = NULL;
	size_t len = 0, cap = 0;

	if (fp == NULL) {
		printf("FAIL: cannot open fixture %s\n", path);
		exit(1);
	}
	for (;;) {
		if (len == cap) {
			cap = cap ? cap * 2 : 4096;
			buf = realloc(buf, cap);
			if (buf == NULL) {
				printf("FAIL: out of memory reading %s\n", path);
				exit(1);
			}
		}
		size_t n = fread(buf + len, 1, cap - len, fp);
		if (n == 0)
			break;
		len += n;
	}
	fclose(fp);
	*lenp = len;
	return buf;
}

#endif
