/*
 * strings.h - POSIX string operations (strcasecmp family, ffs) and the
 * legacy BSD functions bcmp/bcopy/bzero/index/rindex.
 */
#ifndef _STRINGS_H
#define _STRINGS_H

#include <sys/cdefs.h>
#define __need_size_t
#define __need_NULL
#include <stddef.h>

__BEGIN_DECLS

#ifndef __DEFINED_locale_t
#define __DEFINED_locale_t
typedef struct __qsoe_locale *locale_t;
#endif

int ffs(int i) __QSOE_CONST;
int ffsl(long i) __QSOE_CONST;
int ffsll(long long i) __QSOE_CONST;
int strcasecmp(const char *a, const char *b) __QSOE_PURE;
int strncasecmp(const char *a, const char *b, size_t n) __QSOE_PURE;
int strcasecmp_l(const char *a, const char *b, locale_t l);
int strncasecmp_l(const char *a, const char *b, size_t n, locale_t l);
int bcmp(const void *a, const void *b, size_t n) __QSOE_PURE;
void bcopy(const void *src, void *dst, size_t n);
void bzero(void *s, size_t n);
char *index(const char *s, int c) __QSOE_PURE;
char *rindex(const char *s, int c) __QSOE_PURE;

__END_DECLS

#endif /* _STRINGS_H */
