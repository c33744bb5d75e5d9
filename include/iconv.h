/*
 * iconv.h - character set conversion (POSIX). QSOE converts between the
 * Unicode encodings and two single-byte sets; see lib/c/locale/iconv.c for
 * the names and the rules.
 */
#ifndef _ICONV_H
#define _ICONV_H

#include <sys/cdefs.h>
#define __need_size_t
#include <stddef.h>

__BEGIN_DECLS

typedef struct __qsoe_iconv *iconv_t;

iconv_t iconv_open(const char *tocode, const char *fromcode);
size_t iconv(iconv_t cd, char **__restrict inbuf, size_t *__restrict inleft,
             char **__restrict outbuf, size_t *__restrict outleft);
int iconv_close(iconv_t cd);

__END_DECLS

#endif /* _ICONV_H */
