/*
 * qu.h - shared helpers of the quser utilities.
 *
 * Every utility calls qu_init(argv[0]) first. Errors are reported as
 * "prog: message" or "prog: message: strerror(errno)" on stderr. Options are
 * parsed by qu_getopt, a POSIX getopt that behaves the same on every C
 * library (stops at the first operand, "--" ends options). The usage text
 * lives in the ELF section .qsoe_usage (see usage.h).
 */
#ifndef QU_H
#define QU_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "usage.h"

/* The sticky bit is an XSI constant; its value is fixed by POSIX. */
#ifndef S_ISVTX
#define S_ISVTX 01000
#endif

extern const char *qu_prog; /* basename of argv[0] */

void qu_init(const char *argv0);

/* Messages: qu_err prints "prog: fmt\n"; qu_errno appends ": strerror(e)". */
void qu_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void qu_errno(int e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
_Noreturn void qu_die(int status, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
_Noreturn void qu_die_errno(int status, int e, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));
void *qu_malloc(size_t n);
void *qu_realloc(void *p, size_t n);
char *qu_strdup(const char *s);

/* Quoting of names in messages, as coreutils does in the C locale. The
 * result is valid until the 8th following call.
 * qu_quote: 'name' with C-style backslash escapes ('a\'b', 'x\n').
 * qu_quoteaf: always quoted for the shell ('a b', "a'b", 'a'$'\n''b').
 * qu_quotef: like qu_quoteaf, but only names that need it are quoted. */
const char *qu_quote(const char *s);
const char *qu_quoteaf(const char *s);
const char *qu_quotef(const char *s);

/* Option parsing. opts is a getopt string ("ab:c"). Returns the option
 * character, -1 at the end of options; on an unknown option or a missing
 * argument prints a message and the usage line and exits with qu_usage_status. */
extern int qu_optind;
extern char *qu_optarg;
extern int qu_optopt;
extern int qu_usage_status;
int qu_getopt(int argc, char *const argv[], const char *opts);
/* Prints "prog: msg" (if msg) and the usage line to stderr, exits with status. */
_Noreturn void qu_usage(int status, const char *msg);
/* Prints the whole usage text to f. */
void qu_print_usage(FILE *f);

/* I/O. qu_write_all writes all n bytes (retrying on EINTR/short writes);
 * returns 0 or -1 with errno. qu_read_full reads until n bytes or EOF and
 * returns the count or -1. */
int qu_write_all(int fd, const void *buf, size_t n);
ssize_t qu_read_full(int fd, void *buf, size_t n);
/* Reads one line from fd a byte at a time (so nothing after the newline is
 * consumed); returns it without the newline, malloc'ed, or NULL at the end. */
char *qu_read_line(int fd);
/* Reads an answer line from stdin; returns 1 if it starts with y or Y. */
int qu_yes(void);
/* Flushes and checks stdout at exit; registered by qu_init. */
void qu_check_stdout(void);

/* Number parsing. qu_parse_uint parses a decimal unsigned number with an
 * optional multiplier suffix from sfx ("kKMGTbcw..." as per qu_suffix_value);
 * returns 0 or -1 (bad syntax or overflow). */
int qu_parse_num(const char *s, long long *out);
int qu_parse_size(const char *s, unsigned long long *out);

/* Human-readable sizes as ls -h/du -h print them (powers of 1024, rounded up,
 * one decimal below 10). buf must hold at least 16 bytes. */
char *qu_human(unsigned long long n, char *buf);

#endif /* QU_H */
