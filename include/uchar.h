/*
 * uchar.h - C11 UTF-16 and UTF-32 characters and their conversions from
 * and to the multibyte encoding of the current locale (UTF-8 in C.UTF-8,
 * single bytes in C).
 */
#ifndef _UCHAR_H
#define _UCHAR_H

#include <sys/cdefs.h>
#include <wchar.h>

__BEGIN_DECLS

#ifndef __cplusplus
typedef __UINT_LEAST16_TYPE__ char16_t;
typedef __UINT_LEAST32_TYPE__ char32_t;
#endif

size_t mbrtoc16(char16_t *__restrict pc16, const char *__restrict s, size_t n,
                mbstate_t *__restrict ps);
size_t c16rtomb(char *__restrict s, char16_t c16, mbstate_t *__restrict ps);
size_t mbrtoc32(char32_t *__restrict pc32, const char *__restrict s, size_t n,
                mbstate_t *__restrict ps);
size_t c32rtomb(char *__restrict s, char32_t c32, mbstate_t *__restrict ps);

__END_DECLS

#endif /* _UCHAR_H */
