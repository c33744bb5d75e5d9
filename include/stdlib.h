/*
 * stdlib.h - general utilities (ISO C 7.22, POSIX.1-2008 additions).
 */
#ifndef _STDLIB_H
#define _STDLIB_H

#include <sys/cdefs.h>
#define __need_size_t
#define __need_wchar_t
#define __need_NULL
#include <stddef.h>

__BEGIN_DECLS

#ifndef __DEFINED_locale_t
#define __DEFINED_locale_t
typedef struct __qsoe_locale *locale_t;
#endif

typedef struct {
	int quot;
	int rem;
} div_t;
typedef struct {
	long quot;
	long rem;
} ldiv_t;
typedef struct {
	long long quot;
	long long rem;
} lldiv_t;

#define EXIT_FAILURE 1
#define EXIT_SUCCESS 0
#define RAND_MAX     0x7fffffff
/* Bytes in the longest character of the current locale: 1 in "C", 4 in "C.UTF-8". */
#define MB_CUR_MAX (__qsoe_mb_cur_max())
size_t __qsoe_mb_cur_max(void);

/* Numeric conversion. */
double atof(const char *s);
int atoi(const char *s);
long atol(const char *s);
long long atoll(const char *s);
double strtod(const char *__restrict s, char **__restrict end);
float strtof(const char *__restrict s, char **__restrict end);
long double strtold(const char *__restrict s, char **__restrict end);
/* C23: a floating value as text, format "%[.precision]{aAeEfFgG}". */
int strfromd(char *__restrict s, size_t n, const char *__restrict fmt, double f);
int strfromf(char *__restrict s, size_t n, const char *__restrict fmt, float f);
int strfroml(char *__restrict s, size_t n, const char *__restrict fmt, long double f);
double strtod_l(const char *__restrict s, char **__restrict end, locale_t l);
float strtof_l(const char *__restrict s, char **__restrict end, locale_t l);
long double strtold_l(const char *__restrict s, char **__restrict end, locale_t l);
long strtol(const char *__restrict s, char **__restrict end, int base);
long long strtoll(const char *__restrict s, char **__restrict end, int base);
unsigned long strtoul(const char *__restrict s, char **__restrict end, int base);
unsigned long long strtoull(const char *__restrict s, char **__restrict end, int base);

/* Pseudo-random numbers. */
int rand(void);
int rand_r(unsigned *seed);
void srand(unsigned seed);
long random(void);
/* BSD: random numbers from /dev/urandom (not cryptographic on QSOE: see docs/libc.md). */
__UINT32_TYPE__ arc4random(void);
void arc4random_buf(void *buf, size_t n);
__UINT32_TYPE__ arc4random_uniform(__UINT32_TYPE__ bound);
/* BSD: the load averages; QSOE keeps none, so -1. */
int getloadavg(double loadavg[], int n);
void srandom(unsigned seed);
char *initstate(unsigned seed, char *state, size_t size);
char *setstate(char *state);
double drand48(void);
double erand48(unsigned short xsubi[3]);
long lrand48(void);
long nrand48(unsigned short xsubi[3]);
long mrand48(void);
long jrand48(unsigned short xsubi[3]);
void srand48(long seed);
unsigned short *seed48(unsigned short seed16v[3]);
void lcong48(unsigned short param[7]);

/* Memory. */
void *malloc(size_t size) __QSOE_MALLOC;
void *calloc(size_t n, size_t size) __QSOE_MALLOC;
void *realloc(void *p, size_t size);
void *reallocarray(void *p, size_t n, size_t size);
void free(void *p);
void *aligned_alloc(size_t align, size_t size) __QSOE_MALLOC;
int posix_memalign(void **pp, size_t align, size_t size);
void *memalign(size_t align, size_t size) __QSOE_MALLOC;
void *valloc(size_t size) __QSOE_MALLOC;
size_t malloc_usable_size(void *p);

/* Environment and process. */
__QSOE_NORETURN void abort(void);
int atexit(void (*fn)(void));
int at_quick_exit(void (*fn)(void));
__QSOE_NORETURN void exit(int status);
__QSOE_NORETURN void _Exit(int status);
__QSOE_NORETURN void quick_exit(int status);
char *getenv(const char *name);
char *secure_getenv(const char *name);
int setenv(const char *name, const char *value, int overwrite);
int unsetenv(const char *name);
int putenv(char *string);
int clearenv(void);
int system(const char *command);
/* BSD: the program's name (the last component of argv[0]), and setting it. */
const char *getprogname(void);
void setprogname(const char *name);
char *realpath(const char *__restrict path, char *__restrict resolved);
int mkstemp(char *tmpl);
int mkostemp(char *tmpl, int flags);
int mkstemps(char *tmpl, int suffixlen);
int mkostemps(char *tmpl, int suffixlen, int flags);
char *mkdtemp(char *tmpl);
char *mktemp(char *tmpl);
int getsubopt(char **__restrict optionp, char *const *__restrict keylist, char **__restrict valuep);
int posix_openpt(int flags);
int grantpt(int fd);
int unlockpt(int fd);
char *ptsname(int fd);
long a64l(const char *s);
char *l64a(long value);

/* Searching and sorting. */
void *bsearch(const void *key, const void *base, size_t n, size_t size,
              int (*cmp)(const void *, const void *));
void qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));
void qsort_r(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *, void *),
             void *arg);

/* Integer arithmetic. */
int abs(int j) __QSOE_CONST;
long labs(long j) __QSOE_CONST;
long long llabs(long long j) __QSOE_CONST;
div_t div(int numer, int denom) __QSOE_CONST;
ldiv_t ldiv(long numer, long denom) __QSOE_CONST;
lldiv_t lldiv(long long numer, long long denom) __QSOE_CONST;

/* Multibyte and wide characters. */
int mblen(const char *s, size_t n);
int mbtowc(wchar_t *__restrict pwc, const char *__restrict s, size_t n);
int wctomb(char *s, wchar_t wc);
size_t mbstowcs(wchar_t *__restrict dst, const char *__restrict src, size_t n);
size_t wcstombs(char *__restrict dst, const wchar_t *__restrict src, size_t n);

__END_DECLS

#endif /* _STDLIB_H */
