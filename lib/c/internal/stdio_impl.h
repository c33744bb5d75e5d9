/*
 * stdio_impl.h - the FILE object and the internal stdio interface.
 *
 * A stream is in one of two modes: reading (data between rpos and rend is
 * buffered input) or writing (data between wbase and wpos waits to be
 * written; wend is where the buffer ends). Switching modes flushes or
 * gives back buffered data. UNGET bytes before buf are reserved so ungetc
 * always has room for several characters. I/O goes through four backend
 * functions, so file descriptors, memory buffers and memstreams share
 * one implementation. Each FILE has a recursive lock (flockfile).
 */
#ifndef QSOE_LIBC_STDIO_IMPL_H
#define QSOE_LIBC_STDIO_IMPL_H

#include <stdio.h>
#include <sys/types.h>
#include <wchar.h>
#include "lock.h"

#define UNGET 8

enum {
	F_RD = 0x0001,      /* opened for reading */
	F_WR = 0x0002,      /* opened for writing */
	F_APP = 0x0004,     /* append: every write goes to the end */
	F_EOF = 0x0008,     /* end-of-file indicator */
	F_ERR = 0x0010,     /* error indicator */
	F_READING = 0x0020, /* in read mode */
	F_WRITING = 0x0040, /* in write mode */
	F_LBF = 0x0080,     /* line buffered */
	F_NBF = 0x0100,     /* unbuffered */
	F_MODESET = 0x0200, /* buffering mode decided (else decided at first use) */
	F_STATIC = 0x0400,  /* the FILE object itself is not malloc'd */
	F_BUFOWN = 0x0800,  /* buf was malloc'd by stdio */
	F_NOSEEK = 0x1000,  /* backend cannot seek */
};

struct __qsoe_file {
	unsigned flags;
	int fd;                 /* -1 for memory streams */
	unsigned char *bufbase; /* allocation: UNGET reserve + buffer */
	unsigned char *buf;     /* bufbase + UNGET */
	size_t bufsize;
	unsigned char *rpos, *rend;
	unsigned char *wbase, *wpos, *wend;
	unsigned char nbuf[UNGET + 1]; /* buffer of unbuffered streams */

	/* Backend: return bytes done or -1 with errno; seek returns the new offset. */
	ssize_t (*read)(FILE *f, unsigned char *p, size_t n);
	ssize_t (*write)(FILE *f, const unsigned char *p, size_t n);
	off_t (*seek)(FILE *f, off_t off, int whence);
	int (*close)(FILE *f);
	void *cookie; /* backend state (memory streams) */

	qsoe_lock_t lock;
	unsigned owner; /* lock owner value, 0 if unlocked */
	unsigned lockcount;
	FILE *prev, *next; /* list of open streams */
	pid_t pid;         /* popen: the child */
	int orient;        /* fwide: <0 byte, >0 wide, 0 undecided */
	mbstate_t mbs;     /* partial multibyte character (wide input) */
};

/* Recursive per-stream lock. */
void __qsoe_flock(FILE *f);
void __qsoe_funlock(FILE *f);
#define FLOCK(f)   __qsoe_flock(f)
#define FUNLOCK(f) __qsoe_funlock(f)

/* Stream list and creation. */
FILE *__qsoe_fnew(int fd, unsigned flags);
void __qsoe_flink(FILE *f);
void __qsoe_funlink(FILE *f);
int __qsoe_fmode(const char *mode, int *oflags, unsigned *fflags);
void __qsoe_fd_backend(FILE *f);
void __qsoe_std_init(FILE *f);
void __qsoe_flush_lbf(void);
FILE *__qsoe_fhead(void);
void __qsoe_list_lock(void);
void __qsoe_list_unlock(void);

/* Core I/O, stream locked. */
int __qsoe_setupbuf(FILE *f);
int __qsoe_toread(FILE *f);
int __qsoe_towrite(FILE *f);
int __qsoe_refill(FILE *f);
int __qsoe_flushbuf(FILE *f);
int __qsoe_fflush_unlocked(FILE *f);
int __qsoe_overflow(FILE *f, int c);
size_t __qsoe_fwrite_unlocked(const void *p, size_t n, FILE *f);
size_t __qsoe_fread_unlocked(void *p, size_t n, FILE *f);
int __qsoe_getc_unlocked(FILE *f);
off_t __qsoe_ftello_unlocked(FILE *f);
int __qsoe_fseeko_unlocked(FILE *f, off_t off, int whence);

/* The one printf/scanf engines. */
struct __qsoe_sink;
int __qsoe_vfprintf_unlocked(FILE *f, const char *fmt, va_list ap);
int __qsoe_vfscanf_unlocked(FILE *f, const char *s, const char *fmt, va_list ap);

#endif /* QSOE_LIBC_STDIO_IMPL_H */
