/*
 * libc.h - private helpers shared by the QSOE libc sources.
 *
 * Not installed; sources include it as "libc.h". Everything here has a
 * reserved or QSOE-private name.
 */
#ifndef QSOE_LIBC_INTERNAL_H
#define QSOE_LIBC_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

/* Functions that read whole aligned words around their object (strlen, memchr...). */
#define QSOE_NOASAN __attribute__((no_sanitize_address))

/* Internal symbols: not exported from libc.so. */
#define QSOE_HIDDEN __attribute__((visibility("hidden")))

#define likely(x)   __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)

/* A machine word that may alias anything (for word-at-a-time string code). */
typedef unsigned long __attribute__((__may_alias__)) qsoe_word_t;

#define QSOE_WSIZE sizeof(qsoe_word_t)
#define QSOE_ONES  ((qsoe_word_t)-1 / 0xff)
#define QSOE_HIGHS (QSOE_ONES * 0x80)
/* Nonzero if some byte of x is zero (exact for the first zero byte). */
#define QSOE_HASZERO(x) (((x)-QSOE_ONES) & ~(x)&QSOE_HIGHS)

/* Write msg to file descriptor 2 and abort() (no stdio, no malloc). */
__attribute__((noreturn)) void __qsoe_fatal(const char *msg);

/* Records the program's name from argv[0] (stdlib/progname.c; called by start-up). */
void __qsoe_set_progname(char *argv0);

/* Smallest and largest of two values (arguments evaluated twice). */
#define QSOE_MIN(a, b) ((a) < (b) ? (a) : (b))
#define QSOE_MAX(a, b) ((a) > (b) ? (a) : (b))

#endif /* QSOE_LIBC_INTERNAL_H */
