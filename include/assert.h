/*
 * assert.h - diagnostics (ISO C 7.2). Deliberately without an include guard:
 * each inclusion redefines assert() according to the current NDEBUG.
 */
#include <sys/cdefs.h>

#undef assert
#ifdef NDEBUG
#define assert(e) ((void)0)
#else
#define assert(e) ((e) ? (void)0 : __assert_fail(#e, __FILE__, __LINE__, __func__))
#endif

#ifndef _ASSERT_H_DECLS
#define _ASSERT_H_DECLS
__BEGIN_DECLS
/* Print "file:line: func: Assertion `expr' failed." to stderr and abort(). */
__QSOE_NORETURN void __assert_fail(const char *expr, const char *file, int line, const char *func);
__END_DECLS
#endif

#if defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L && !defined(__cplusplus)
#undef static_assert
#define static_assert _Static_assert
#endif
