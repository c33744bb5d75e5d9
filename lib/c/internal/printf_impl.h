/*
 * printf_impl.h - where printf's output goes: a locked FILE, a fixed
 * string (snprintf) or a growing malloc'd string (asprintf). Output is
 * counted even when it does not fit, so snprintf returns the full length.
 */
#ifndef QSOE_LIBC_PRINTF_IMPL_H
#define QSOE_LIBC_PRINTF_IMPL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

struct __qsoe_sink {
	FILE *f;     /* FILE sink (caller holds the lock) */
	char *s;     /* string sink: next byte */
	size_t room; /* string sink: bytes left before the terminating NUL */
	char *dyn;   /* dynamic sink: the buffer */
	size_t dcap; /* dynamic sink: its capacity */
	int isdyn;
	size_t total; /* bytes produced */
	int err;      /* errno value of the first failure, or 0 */
};

/* Flags of a conversion. */
enum {
	PF_MINUS = 1,
	PF_PLUS = 2,
	PF_SPACE = 4,
	PF_HASH = 8,
	PF_ZERO = 16,
	PF_UPPER = 32,
};

void __qsoe_out(struct __qsoe_sink *k, const char *p, size_t n);
void __qsoe_pad(struct __qsoe_sink *k, int c, size_t n);
int __qsoe_reserve(struct __qsoe_sink *k, size_t n);

/* A floating-point value to format: (-1)^neg * mant * 2^e2. */
struct __qsoe_fp {
	int neg;
	int cls; /* 0 zero, 1 finite nonzero, 2 infinity, 3 NaN */
	unsigned __int128 mant;
	int e2;
	int mbits; /* significand bits of the type (53 or 113) */
	int emin;  /* exponent of the smallest normal (-1022 or -16382) */
};

void __qsoe_fp_double(struct __qsoe_fp *x, double d);
void __qsoe_fp_ldouble(struct __qsoe_fp *x, long double d);
void __qsoe_fmt_fp(struct __qsoe_sink *k, const struct __qsoe_fp *x, int flags, int width, int prec,
                   int conv);
int __qsoe_vprintf(struct __qsoe_sink *k, const char *fmt, va_list ap);

#endif /* QSOE_LIBC_PRINTF_IMPL_H */
