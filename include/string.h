/*
 * string.h - string handling (ISO C 7.24, POSIX.1-2008, and the common
 * extensions QNX also has: strlcpy, strlcat, memmem, strsep, ...).
 */
#ifndef _STRING_H
#define _STRING_H

#include <sys/cdefs.h>
#define __need_size_t
#define __need_NULL
#include <stddef.h>

__BEGIN_DECLS

#ifndef __DEFINED_locale_t
#define __DEFINED_locale_t
typedef struct __qsoe_locale *locale_t;
#endif

void *memcpy(void *__restrict dst, const void *__restrict src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *s, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n) __QSOE_PURE;
void *memchr(const void *s, int c, size_t n) __QSOE_PURE;
void *memrchr(const void *s, int c, size_t n) __QSOE_PURE;
void *memccpy(void *__restrict dst, const void *__restrict src, int c, size_t n);
void *memmem(const void *hay, size_t haylen, const void *needle, size_t nlen) __QSOE_PURE;
void *mempcpy(void *__restrict dst, const void *__restrict src, size_t n);

char *strcpy(char *__restrict dst, const char *__restrict src);
char *strncpy(char *__restrict dst, const char *__restrict src, size_t n);
char *stpcpy(char *__restrict dst, const char *__restrict src);
char *stpncpy(char *__restrict dst, const char *__restrict src, size_t n);
char *strcat(char *__restrict dst, const char *__restrict src);
char *strncat(char *__restrict dst, const char *__restrict src, size_t n);
size_t strlcpy(char *__restrict dst, const char *__restrict src, size_t size);
size_t strlcat(char *__restrict dst, const char *__restrict src, size_t size);
int strcmp(const char *a, const char *b) __QSOE_PURE;
int strncmp(const char *a, const char *b, size_t n) __QSOE_PURE;
int strcoll(const char *a, const char *b);
int strcoll_l(const char *a, const char *b, locale_t l);
size_t strxfrm(char *__restrict dst, const char *__restrict src, size_t n);
size_t strxfrm_l(char *__restrict dst, const char *__restrict src, size_t n, locale_t l);
char *strchr(const char *s, int c) __QSOE_PURE;
char *strrchr(const char *s, int c) __QSOE_PURE;
char *strchrnul(const char *s, int c) __QSOE_PURE;
/* GNU: version order ("a9" < "a10"). */
int strverscmp(const char *a, const char *b) __QSOE_PURE;
size_t strcspn(const char *s, const char *reject) __QSOE_PURE;
size_t strspn(const char *s, const char *accept) __QSOE_PURE;
char *strpbrk(const char *s, const char *accept) __QSOE_PURE;
char *strstr(const char *hay, const char *needle) __QSOE_PURE;
char *strcasestr(const char *hay, const char *needle) __QSOE_PURE;
char *strtok(char *__restrict s, const char *__restrict delim);
char *strtok_r(char *__restrict s, const char *__restrict delim, char **__restrict save);
char *strsep(char **__restrict sp, const char *__restrict delim);
size_t strlen(const char *s) __QSOE_PURE;
size_t strnlen(const char *s, size_t max) __QSOE_PURE;
char *strdup(const char *s) __QSOE_MALLOC;
char *strndup(const char *s, size_t n) __QSOE_MALLOC;
char *strerror(int errnum);
char *strerror_l(int errnum, locale_t l);
int strerror_r(int errnum, char *buf, size_t buflen);
char *strsignal(int sig);
void explicit_bzero(void *s, size_t n);
void *memset_explicit(void *s, int c, size_t n);

/* strings.h functions, also visible here as is traditional. */
int strcasecmp(const char *a, const char *b) __QSOE_PURE;
int strncasecmp(const char *a, const char *b, size_t n) __QSOE_PURE;

__END_DECLS

#endif /* _STRING_H */
