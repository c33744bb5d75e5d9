/*
 * stdio_ext.h - inspecting FILE streams (the Solaris/glibc extensions that
 * gnulib and many ports use): buffer size and fill, the stream's mode,
 * and discarding buffered data.
 */
#ifndef _STDIO_EXT_H
#define _STDIO_EXT_H

#include <sys/cdefs.h>
#include <stdio.h>

__BEGIN_DECLS
size_t __fbufsize(FILE *f);
size_t __fpending(FILE *f);
size_t __freadahead(FILE *f);
int __freading(FILE *f);
int __fwriting(FILE *f);
int __freadable(FILE *f);
int __fwritable(FILE *f);
int __flbf(FILE *f);
void __fpurge(FILE *f);
int fpurge(FILE *f);
void _flushlbf(void);
__END_DECLS

#endif /* _STDIO_EXT_H */
