/*
 * err.h - BSD formatted error messages: "prog: message: strerror(errno)"
 * on standard error (err/warn), without the errno part (errx/warnx); the
 * err forms then exit with the given status.
 */
#ifndef _ERR_H
#define _ERR_H

#include <sys/cdefs.h>
#include <stdarg.h>

__BEGIN_DECLS
__QSOE_NORETURN void err(int status, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
__QSOE_NORETURN void errx(int status, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
__QSOE_NORETURN void verr(int status, const char *fmt, va_list ap)
        __attribute__((format(printf, 2, 0)));
__QSOE_NORETURN void verrx(int status, const char *fmt, va_list ap)
        __attribute__((format(printf, 2, 0)));
void warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void warnx(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void vwarn(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));
void vwarnx(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));
__END_DECLS

#endif /* _ERR_H */
