/*
 * wchar.h - wide character and multibyte utilities (ISO C 7.29, POSIX).
 * wchar_t holds a Unicode code point; the multibyte encoding is UTF-8 in
 * the C.UTF-8 locale and one byte per character in "C"/"POSIX".
 */
#ifndef _WCHAR_H
#define _WCHAR_H

#include <sys/cdefs.h>
#define __need_size_t
#define __need_wchar_t
#define __need_wint_t
#define __need_NULL
#include <stddef.h>
#define __need___va_list
#include <stdarg.h>

__BEGIN_DECLS

#ifndef _VA_LIST_DEFINED
#define _VA_LIST_DEFINED
#define _VA_LIST
#define _VA_LIST_
#define _VA_LIST_T_H
#define __va_list__
typedef __gnuc_va_list va_list;
#endif
#ifndef __DEFINED_locale_t
#define __DEFINED_locale_t
typedef struct __qsoe_locale *locale_t;
#endif

/* Conversion state: the partial character seen so far (UTF-8 only). */
typedef struct {
	unsigned __wc;   /* bits of the code point collected so far */
	unsigned __need; /* continuation bytes still expected; 0 = initial state */
} mbstate_t;

#ifndef __DEFINED_FILE
#define __DEFINED_FILE
typedef struct __qsoe_file FILE;
#endif
struct tm;

#define WCHAR_MIN __WCHAR_MIN__
#define WCHAR_MAX __WCHAR_MAX__
#ifndef WEOF
#define WEOF ((wint_t)-1)
#endif

wint_t btowc(int c);
int wctob(wint_t c);
int mbsinit(const mbstate_t *ps);
size_t mbrlen(const char *__restrict s, size_t n, mbstate_t *__restrict ps);
size_t mbrtowc(wchar_t *__restrict pwc, const char *__restrict s, size_t n,
               mbstate_t *__restrict ps);
size_t wcrtomb(char *__restrict s, wchar_t wc, mbstate_t *__restrict ps);
size_t mbsrtowcs(wchar_t *__restrict dst, const char **__restrict src, size_t len,
                 mbstate_t *__restrict ps);
size_t mbsnrtowcs(wchar_t *__restrict dst, const char **__restrict src, size_t nms, size_t len,
                  mbstate_t *__restrict ps);
size_t wcsrtombs(char *__restrict dst, const wchar_t **__restrict src, size_t len,
                 mbstate_t *__restrict ps);
size_t wcsnrtombs(char *__restrict dst, const wchar_t **__restrict src, size_t nwc, size_t len,
                  mbstate_t *__restrict ps);

int wcwidth(wchar_t wc);
int wcswidth(const wchar_t *s, size_t n);

size_t wcslen(const wchar_t *s);
size_t wcsnlen(const wchar_t *s, size_t max);
wchar_t *wcscpy(wchar_t *__restrict dst, const wchar_t *__restrict src);
wchar_t *wcsncpy(wchar_t *__restrict dst, const wchar_t *__restrict src, size_t n);
wchar_t *wcpcpy(wchar_t *__restrict dst, const wchar_t *__restrict src);
wchar_t *wcpncpy(wchar_t *__restrict dst, const wchar_t *__restrict src, size_t n);
wchar_t *wcscat(wchar_t *__restrict dst, const wchar_t *__restrict src);
wchar_t *wcsncat(wchar_t *__restrict dst, const wchar_t *__restrict src, size_t n);
int wcscmp(const wchar_t *a, const wchar_t *b);
int wcsncmp(const wchar_t *a, const wchar_t *b, size_t n);
int wcscasecmp(const wchar_t *a, const wchar_t *b);
int wcsncasecmp(const wchar_t *a, const wchar_t *b, size_t n);
int wcscoll(const wchar_t *a, const wchar_t *b);
size_t wcsxfrm(wchar_t *__restrict dst, const wchar_t *__restrict src, size_t n);
wchar_t *wcschr(const wchar_t *s, wchar_t c);
wchar_t *wcsrchr(const wchar_t *s, wchar_t c);
size_t wcscspn(const wchar_t *s, const wchar_t *reject);
size_t wcsspn(const wchar_t *s, const wchar_t *accept);
wchar_t *wcspbrk(const wchar_t *s, const wchar_t *accept);
wchar_t *wcsstr(const wchar_t *__restrict hay, const wchar_t *__restrict needle);
wchar_t *wcstok(wchar_t *__restrict s, const wchar_t *__restrict delim, wchar_t **__restrict save);
wchar_t *wcsdup(const wchar_t *s);
wchar_t *wmemchr(const wchar_t *s, wchar_t c, size_t n);
int wmemcmp(const wchar_t *a, const wchar_t *b, size_t n);
wchar_t *wmemcpy(wchar_t *__restrict dst, const wchar_t *__restrict src, size_t n);
wchar_t *wmemmove(wchar_t *dst, const wchar_t *src, size_t n);
wchar_t *wmemset(wchar_t *s, wchar_t c, size_t n);

long wcstol(const wchar_t *__restrict s, wchar_t **__restrict end, int base);
long long wcstoll(const wchar_t *__restrict s, wchar_t **__restrict end, int base);
unsigned long wcstoul(const wchar_t *__restrict s, wchar_t **__restrict end, int base);
unsigned long long wcstoull(const wchar_t *__restrict s, wchar_t **__restrict end, int base);
double wcstod(const wchar_t *__restrict s, wchar_t **__restrict end);
float wcstof(const wchar_t *__restrict s, wchar_t **__restrict end);
long double wcstold(const wchar_t *__restrict s, wchar_t **__restrict end);

/* Wide-character stream I/O (UTF-8 on the byte stream). */
wint_t fgetwc(FILE *f);
wint_t getwc(FILE *f);
wint_t getwchar(void);
wint_t fputwc(wchar_t wc, FILE *f);
wint_t putwc(wchar_t wc, FILE *f);
wint_t putwchar(wchar_t wc);
wchar_t *fgetws(wchar_t *__restrict s, int n, FILE *__restrict f);
int fputws(const wchar_t *__restrict s, FILE *__restrict f);
wint_t ungetwc(wint_t wc, FILE *f);
int fwide(FILE *f, int mode);

/* The wide printf and scanf families (lib/c/stdio/wprintf.c: widths count bytes). */
int swprintf(wchar_t *__restrict s, size_t n, const wchar_t *__restrict fmt, ...);
int vswprintf(wchar_t *__restrict s, size_t n, const wchar_t *__restrict fmt, va_list ap);
int fwprintf(FILE *__restrict f, const wchar_t *__restrict fmt, ...);
int vfwprintf(FILE *__restrict f, const wchar_t *__restrict fmt, va_list ap);
int wprintf(const wchar_t *__restrict fmt, ...);
int vwprintf(const wchar_t *__restrict fmt, va_list ap);
int swscanf(const wchar_t *__restrict s, const wchar_t *__restrict fmt, ...);
int vswscanf(const wchar_t *__restrict s, const wchar_t *__restrict fmt, va_list ap);
int fwscanf(FILE *__restrict f, const wchar_t *__restrict fmt, ...);
int vfwscanf(FILE *__restrict f, const wchar_t *__restrict fmt, va_list ap);
int wscanf(const wchar_t *__restrict fmt, ...);
int vwscanf(const wchar_t *__restrict fmt, va_list ap);

size_t wcsftime(wchar_t *__restrict s, size_t max, const wchar_t *__restrict fmt,
                const struct tm *__restrict tm);

__END_DECLS

#endif /* _WCHAR_H */
