/*
 * stdio.h - input/output (ISO C 7.21, POSIX.1-2008 additions).
 * FILE is opaque; the constants are QNX's (BUFSIZ, _IO*BF, L_tmpnam, ...).
 */
#ifndef _STDIO_H
#define _STDIO_H

#include <sys/cdefs.h>
#include <qsoe/abi/types.h>
#define __need_size_t
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
#ifndef __DEFINED_off_t
#define __DEFINED_off_t
typedef __off_t off_t;
#endif
#ifndef __DEFINED_ssize_t
#define __DEFINED_ssize_t
typedef __ssize_t ssize_t;
#endif

#ifndef __DEFINED_FILE
#define __DEFINED_FILE
typedef struct __qsoe_file FILE;
#endif

/* A stream position: the byte offset (streams keep no shift state). */
typedef struct {
	__off_t __off;
	unsigned __st[2];
} fpos_t;

#define BUFSIZ       1024
#define EOF          (-1)
#define FOPEN_MAX    16   /* guaranteed; the real limit is memory and open files */
#define FILENAME_MAX 1024 /* PATH_MAX */
#define L_tmpnam     255
#define L_ctermid    32
#define TMP_MAX      17576 /* 26 * 26 * 26 */
#define P_tmpdir     "/tmp"
#define _IOFBF       0
#define _IOLBF       1
#define _IONBF       2
#ifndef SEEK_SET
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2
#endif

extern FILE *stdin;
extern FILE *stdout;
extern FILE *stderr;
#define stdin  stdin
#define stdout stdout
#define stderr stderr

int remove(const char *path);
int rename(const char *from, const char *to);
int renameat(int fromfd, const char *from, int tofd, const char *to);
FILE *tmpfile(void);
char *tmpnam(char *s);
char *tempnam(const char *dir, const char *pfx);
int fclose(FILE *f);
int fflush(FILE *f);
FILE *fopen(const char *__restrict path, const char *__restrict mode);
FILE *freopen(const char *__restrict path, const char *__restrict mode, FILE *__restrict f);
FILE *fdopen(int fd, const char *mode);
FILE *fmemopen(void *__restrict buf, size_t size, const char *__restrict mode);
FILE *open_memstream(char **bufp, size_t *sizep);
FILE *popen(const char *command, const char *mode);
int pclose(FILE *f);
int fileno(FILE *f);
void setbuf(FILE *__restrict f, char *__restrict buf);
int setvbuf(FILE *__restrict f, char *__restrict buf, int mode, size_t size);
void setbuffer(FILE *f, char *buf, size_t size);
void setlinebuf(FILE *f);

int fprintf(FILE *__restrict f, const char *__restrict fmt, ...) __QSOE_PRINTF(2, 3);
int printf(const char *__restrict fmt, ...) __QSOE_PRINTF(1, 2);
int sprintf(char *__restrict s, const char *__restrict fmt, ...) __QSOE_PRINTF(2, 3);
int snprintf(char *__restrict s, size_t n, const char *__restrict fmt, ...) __QSOE_PRINTF(3, 4);
int dprintf(int fd, const char *__restrict fmt, ...) __QSOE_PRINTF(2, 3);
int asprintf(char **__restrict sp, const char *__restrict fmt, ...) __QSOE_PRINTF(2, 3);
int vfprintf(FILE *__restrict f, const char *__restrict fmt, __gnuc_va_list ap) __QSOE_PRINTF(2, 0);
int vprintf(const char *__restrict fmt, __gnuc_va_list ap) __QSOE_PRINTF(1, 0);
int vsprintf(char *__restrict s, const char *__restrict fmt, __gnuc_va_list ap) __QSOE_PRINTF(2, 0);
int vsnprintf(char *__restrict s, size_t n, const char *__restrict fmt, __gnuc_va_list ap)
        __QSOE_PRINTF(3, 0);
int vdprintf(int fd, const char *__restrict fmt, __gnuc_va_list ap) __QSOE_PRINTF(2, 0);
int vasprintf(char **__restrict sp, const char *__restrict fmt, __gnuc_va_list ap)
        __QSOE_PRINTF(2, 0);

int fscanf(FILE *__restrict f, const char *__restrict fmt, ...) __QSOE_SCANF(2, 3);
int scanf(const char *__restrict fmt, ...) __QSOE_SCANF(1, 2);
int sscanf(const char *__restrict s, const char *__restrict fmt, ...) __QSOE_SCANF(2, 3);
int vfscanf(FILE *__restrict f, const char *__restrict fmt, __gnuc_va_list ap) __QSOE_SCANF(2, 0);
int vscanf(const char *__restrict fmt, __gnuc_va_list ap) __QSOE_SCANF(1, 0);
int vsscanf(const char *__restrict s, const char *__restrict fmt, __gnuc_va_list ap)
        __QSOE_SCANF(2, 0);

int fgetc(FILE *f);
char *fgets(char *__restrict s, int n, FILE *__restrict f);
int fputc(int c, FILE *f);
int fputs(const char *__restrict s, FILE *__restrict f);
int getc(FILE *f);
int getchar(void);
int putc(int c, FILE *f);
int putchar(int c);
int puts(const char *s);
int ungetc(int c, FILE *f);
ssize_t getline(char **__restrict linep, size_t *__restrict sizep, FILE *__restrict f);
ssize_t getdelim(char **__restrict linep, size_t *__restrict sizep, int delim, FILE *__restrict f);
size_t fread(void *__restrict p, size_t size, size_t n, FILE *__restrict f);
size_t fwrite(const void *__restrict p, size_t size, size_t n, FILE *__restrict f);

int fgetpos(FILE *__restrict f, fpos_t *__restrict pos);
int fseek(FILE *f, long off, int whence);
int fseeko(FILE *f, off_t off, int whence);
int fsetpos(FILE *f, const fpos_t *pos);
long ftell(FILE *f);
off_t ftello(FILE *f);
void rewind(FILE *f);

void clearerr(FILE *f);
int feof(FILE *f);
int ferror(FILE *f);
void perror(const char *s);

void flockfile(FILE *f);
int ftrylockfile(FILE *f);
void funlockfile(FILE *f);
int getc_unlocked(FILE *f);
int getchar_unlocked(void);
int putc_unlocked(int c, FILE *f);
int putchar_unlocked(int c);
int fgetc_unlocked(FILE *f);
int fputc_unlocked(int c, FILE *f);
void clearerr_unlocked(FILE *f);
int feof_unlocked(FILE *f);
int ferror_unlocked(FILE *f);
int fileno_unlocked(FILE *f);
int fflush_unlocked(FILE *f);
size_t fread_unlocked(void *__restrict p, size_t size, size_t n, FILE *__restrict f);
size_t fwrite_unlocked(const void *__restrict p, size_t size, size_t n, FILE *__restrict f);
char *fgets_unlocked(char *__restrict s, int n, FILE *__restrict f);
int fputs_unlocked(const char *__restrict s, FILE *__restrict f);

char *ctermid(char *s);
/* SVID: one int in the machine's byte order. */
int getw(FILE *f);
int putw(int w, FILE *f);

__END_DECLS

#endif /* _STDIO_H */
