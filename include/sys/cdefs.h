/*
 * sys/cdefs.h - compiler and language helpers shared by the public headers.
 *
 * Not a standard header; every QSOE libc header includes it. It only defines
 * macros with reserved names (__*), so it is safe in any program.
 */
#ifndef _SYS_CDEFS_H
#define _SYS_CDEFS_H

#ifdef __cplusplus
#define __BEGIN_DECLS extern "C" {
#define __END_DECLS   }
#define __restrict __restrict__
#else
#define __BEGIN_DECLS
#define __END_DECLS
#if defined(__STDC_VERSION__) && __STDC_VERSION__ >= 199901L
#define __restrict restrict
#else
#define __restrict __restrict__
#endif
#endif

#define __QSOE_NORETURN     __attribute__((__noreturn__))
#define __QSOE_PRINTF(f, a) __attribute__((__format__(__printf__, f, a)))
#define __QSOE_SCANF(f, a)  __attribute__((__format__(__scanf__, f, a)))
#define __QSOE_MALLOC       __attribute__((__malloc__))
#define __QSOE_PURE         __attribute__((__pure__))
#define __QSOE_CONST        __attribute__((__const__))
#define __QSOE_DEPRECATED   __attribute__((__deprecated__))

/* Everything is visible by default; _POSIX_C_SOURCE and friends hide nothing. */

#endif /* _SYS_CDEFS_H */
